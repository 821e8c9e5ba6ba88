"""The corpus: `plandiff corpus add` on 1 and 2 workers, the graph as the corpus grows, re-adding,
reuse quality on planted copies, and the peak memory of a large add.

Corpora come from ``benchmarks.corpusgen`` (the real plans reworded, reordered, renumbered, with
planted reuse). Every command runs as a user runs it (a subprocess), candidate and baseline
interleaved (1 worker, 2 workers, 1, 2 …) into fresh stores; figures are medians with min and max.

1. add of 1,000 plans with ``--workers 1`` and ``--workers 2`` and their ratio; `corpus graph` after;
2. re-add of the unchanged 1,000 (nothing parsed);
3. reuse recall and precision against the planted answers;
4. the graph build (in process) at 1,000, 3,000 and the large size, with growth exponents;
5. the large add (default 10,000 plans) with the peak memory of all its processes together, and
   `corpus reuse` over it.

Run: ``python -m benchmarks.bench_corpus`` (``--quick``: 300 and 1,000 plans, no large add;
``--large N`` to choose the large size).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.corpusgen import generate, score
from benchmarks.timing import exponent


def command(*args: str) -> tuple[float, int]:
    """Seconds and the peak memory (bytes, every process of the command summed) of a plandiff command."""
    import psutil

    start = time.perf_counter()
    # as users run it: bytecode cached (this machine sets PYTHONDONTWRITEBYTECODE, which makes
    # every worker process compile the sources again)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.Popen([sys.executable, "-m", "plandiff_cli.main", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"plandiff {' '.join(args)} failed: {err}")
    return time.perf_counter() - start, peak


def spread(runs: list[float]) -> str:
    return f"{statistics.median(runs):.2f} s (min {min(runs):.2f}, max {max(runs):.2f})"


def graph_builds(dbs: dict[int, Path], rounds: int = 5) -> dict[int, float]:
    """The best in-process build time per size, the sizes interleaved round by round (so that a
    noisy moment of the machine falls on every size alike)."""
    from plandiff.corpus import Store
    from plandiff.corpus.citegraph import corpus_graph

    best = dict.fromkeys(dbs, float("inf"))
    for _ in range(rounds):
        for n, db in dbs.items():
            with Store(db) as store:
                start = time.perf_counter()
                corpus_graph(store)
                best[n] = min(best[n], time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--large", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    sizes = [300, 1000] if args.quick else [1000, 3000, args.large]
    tmp = Path(tempfile.mkdtemp(prefix="plandiff-corpus-bench-"))
    corpora: dict[int, tuple[Path, dict]] = {}
    for n in sizes:
        start = time.perf_counter()
        corpora[n] = (tmp / f"plans-{n}", generate(tmp / f"plans-{n}", n, seed=n))
        print(f"generated {n} plans in {time.perf_counter() - start:.1f} s", flush=True)

    base = 1000
    folder, answers = corpora[base]
    one: list[float] = []
    two: list[float] = []
    for k in range(args.rounds):
        for workers, out in (("1", one), ("2", two)):
            db = tmp / f"add-{workers}-{k}.sqlite"
            out.append(command("corpus", "add", str(folder), "--db", str(db), "--workers", workers)[0])
    db = tmp / f"add-2-{args.rounds - 1}.sqlite"
    graph_cmd = command("corpus", "graph", "--db", str(db), "-o", str(tmp / "graph.json"))[0]
    print(f"\nadd {base} plans: 1 worker {spread(one)}; 2 workers {spread(two)}; "
          f"speed-up {statistics.median(one) / statistics.median(two):.2f}× (target ≥ 1.7×)")
    print(f"`corpus graph` {graph_cmd:.2f} s; add (2 workers) + graph {statistics.median(two) + graph_cmd:.2f} s "
          "(target ≤ 15 s)")
    readd = [command("corpus", "add", str(folder), "--db", str(db))[0] for _ in range(3)]
    print(f"re-add of the unchanged {base}: {spread(readd)} (target ≤ 2 s)")

    from plandiff.corpus import Store
    from plandiff.corpus.reuse import find_reuse

    with Store(db) as store:
        start = time.perf_counter()
        result = find_reuse(store)
        took = time.perf_counter() - start
    measured = score(answers, result, folder)
    print(f"reuse on {base}: {measured['planted']} copied clauses, {measured['reported']} reported; recall "
          f"{measured['recall']:.3f}, precision {measured['precision']:.3f} (targets ≥ 0.95); {took:.2f} s")

    stores: dict[int, Path] = {}
    for n in sizes:
        stores[n] = db if n == base else tmp / f"size-{n}.sqlite"
        if n != base:
            secs, peak = command("corpus", "add", str(corpora[n][0]), "--db", str(stores[n]), "--workers", "2")
            print(f"add {n} plans (2 workers): {secs:.1f} s, peak memory of all processes {peak / 2**20:.0f} MB"
                  + (" (target ≤ 1 GB)" if n == max(sizes) else ""), flush=True)
    builds = graph_builds(stores)
    largest = max(sizes)
    secs, peak = command("corpus", "reuse", "--db", str(stores[largest]), "--json", "-o", str(tmp / "reuse.json"))
    print(f"`corpus reuse` on {largest} plans: {secs:.1f} s, peak memory {peak / 2**20:.0f} MB")
    print("\ngraph build (in process): " + ", ".join(f"{n}: {t:.2f} s" for n, t in builds.items()))
    ordered = sorted(builds)
    for a, b in itertools.pairwise(ordered):
        print(f"  growth exponent {a} → {b}: {exponent(a, builds[a], b, builds[b]):.2f} (target ≤ 1.1)")
    (tmp / "figures.json").write_text(json.dumps({"one": one, "two": two, "graph": graph_cmd, "readd": readd,
                                                  "reuse": measured, "builds": builds}))
    print(f"\n(corpora and stores in {tmp})")


if __name__ == "__main__":
    main()
