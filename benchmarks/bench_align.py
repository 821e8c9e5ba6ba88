"""`plandiff diff` against difflib, the cost of `import plandiff`, and alignment as plans grow.

Every figure is a ratio to a baseline timed in the same run, candidate and baseline interleaved:

1. in process, tth-2024 → hue-2026 as `plandiff diff` runs it (parse, align, tasks, citations,
   HTML) against `difflib.HtmlDiff().make_file` on the same two files;
2. the commands: `plandiff diff A B -o x.html` against a difflib script writing its page, each on
   its own and with a server running (`plandiff server start`);
3. `python -c "import plandiff"` against `python -c pass`, and with the model named
   (`plandiff.Plan`), as any program that uses plandiff has it;
4. alignment at 1×, 3×, 10× and 30× the clauses, for a pair of different plans grown by
   repetition and for a realistic variant (reworded, shuffled), with the growth exponent between
   each pair of sizes (each kind in a process of its own); and `plandiff diff` of the two 30×
   plans with its peak memory.

Run: ``python -m benchmarks.bench_align`` (``--quick`` stops at 10×).
"""

from __future__ import annotations

import difflib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import plandiff
from benchmarks.timing import ROOT, exponent, fresh, grown_pair_files, interleaved, text_caches

sys.path.insert(0, str(ROOT))
from tests.synthetic import grow, vary

PAIR = (ROOT / "fixtures" / "tth-2024.txt", ROOT / "fixtures" / "hue-2026.txt")
GROWTH_ROUNDS = 7
"""Runs of each alignment at every size (the least of them is its time)."""
DIFFLIB_SCRIPT = """import difflib, sys
a, b, out = sys.argv[1:4]
page = difflib.HtmlDiff().make_file(open(a, encoding="utf-8").read().splitlines(),
                                    open(b, encoding="utf-8").read().splitlines())
open(out, "w", encoding="utf-8").write(page)
"""
PEAK_SCRIPT = """import resource, sys
import cli.main
from cli.main import main
cli.main.LEAVE_AT_ONCE = False
sys.argv = ["plandiff", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
      file=sys.stderr)
"""
"""Peak resident memory of the command and of its largest forked child (whose pages are the
parent's, shared until written)."""


def in_process() -> None:
    a_bytes, b_bytes = PAIR[0].read_bytes(), PAIR[1].read_bytes()

    from plandiff.tasks import compare_tasks

    plandiff.align(plandiff.parse(a_bytes), plandiff.parse(b_bytes))  # every stage's module loaded
    caches = text_caches()

    def ours() -> str:
        fresh(caches)  # the two plans read as for the first time, as a command reads them
        a, b = plandiff.parse(a_bytes), plandiff.parse(b_bytes)
        al = plandiff.align(a, b)
        return plandiff.render_html(al, citations=plandiff.compare_citations(a, b), tasks=compare_tasks(a, b, al).to_dict())

    a_lines = a_bytes.decode("utf-8").splitlines()
    b_lines = b_bytes.decode("utf-8").splitlines()
    t_ours, t_base = interleaved(ours, lambda: difflib.HtmlDiff().make_file(a_lines, b_lines), rounds=9)
    print(f"in process, {PAIR[0].stem} → {PAIR[1].stem}: plandiff {t_ours}; difflib.HtmlDiff {t_base}; "
          f"ratio of medians {t_ours.median / t_base.median:.2f}")


_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""As installed: compiled bytecode is cached (the warm-up run writes it), not compiled every start."""


def _run(args: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(args, check=True, capture_output=True, env=env or _ENV)


def commands(tmp: Path) -> None:
    script = tmp / "difflib_page.py"
    script.write_text(DIFFLIB_SCRIPT, encoding="utf-8")
    a, b = str(PAIR[0]), str(PAIR[1])
    # the installed command, as people run it: the console script beside this interpreter (a
    # venv's bin/plandiff, started as directly as the difflib script is), not a version manager's
    # shim on PATH (pyenv's runs bash and pyenv before Python: ~60 ms no user of a venv pays); a
    # script like it when it is not installed
    installed = Path(sys.executable).with_name("plandiff")
    command = [str(installed)]
    if not installed.exists():
        installed = tmp / "plandiff"
        installed.write_text("import sys\nfrom plandiff_cli.launch import main\nsys.exit(main())\n", encoding="utf-8")
        command = [sys.executable, str(installed)]
    ours = [*command, "diff", a, b, "-o", str(tmp / "ours.html")]
    theirs = [sys.executable, str(script), a, b, str(tmp / "difflib.html")]
    alone = {**_ENV, "PLANDIFF_SERVER": "off"}
    t_ours, t_base = interleaved(lambda: _run(ours, alone), lambda: _run(theirs), rounds=7)
    print(f"commands, each on its own: plandiff diff {t_ours}; difflib script {t_base}; ratio of medians "
          f"{t_ours.median / t_base.median:.2f}")
    # the same command with a server running (plandiff server start)
    served = {**_ENV, "PLANDIFF_SOCKET": str(tmp / "server.sock")}
    _run([*command, "server", "start"], served)
    try:
        t_ours, t_base = interleaved(lambda: _run(ours, served), lambda: _run(theirs), rounds=21)
    finally:
        _run([*command, "server", "stop"], served)
    print(f"commands, served: plandiff diff {t_ours}; difflib script {t_base}; ratio of medians "
          f"{t_ours.median / t_base.median:.2f} (target ≤ 1.0)")
    t_import, t_bare = interleaved(lambda: _run([sys.executable, "-c", "import plandiff"]),
                                   lambda: _run([sys.executable, "-c", "pass"]), rounds=9)
    print(f"import plandiff {t_import}; bare interpreter {t_bare}; ratio of medians "
          f"{t_import.median / t_bare.median:.2f} (target ≤ 2.0)")
    # what a program that uses plandiff pays before its first verb: the model's data classes
    t_model, t_bare = interleaved(lambda: _run([sys.executable, "-c", "import plandiff; plandiff.Plan"]),
                                  lambda: _run([sys.executable, "-c", "pass"]), rounds=9)
    print(f"import plandiff; plandiff.Plan {t_model}; bare interpreter {t_bare}; ratio of medians "
          f"{t_model.median / t_bare.median:.2f}")


GROWN_KINDS: dict[str, Callable[[plandiff.Plan, plandiff.Plan, int], tuple[plandiff.Plan, plandiff.Plan]]] = {
    "two plans grown": lambda a0, b0, k: (grow(a0, k), grow(b0, k)),
    "realistic variant": lambda a0, b0, k: (grow(a0, k), vary(grow(a0, k), seed=k)),
}
"""The kinds of grown pair, by name: ``(a, b)`` at ``k`` times the clauses of tth-2024 and hue-2026."""


def kind_times(name: str, sizes: tuple[int, ...]) -> list[tuple[int, int, float]]:
    """The least of ``GROWTH_ROUNDS`` alignments at every size for one kind of grown pair: the
    sizes in turn round after round, so that a spell of a slower machine falls on all of them
    rather than on the last size. Seven rounds: one round's 10×→30× exponent ranged from 0.97 to
    1.30 on one day's machine, and the least of three still moved it by ±0.08 between runs."""
    a0, b0 = plandiff.parse(PAIR[0].read_bytes()), plandiff.parse(PAIR[1].read_bytes())
    plandiff.align(a0, b0)
    caches = text_caches()
    pairs = {k: GROWN_KINDS[name](a0, b0, k) for k in sizes}
    runs: dict[int, list[float]] = {k: [] for k in sizes}
    for _ in range(GROWTH_ROUNDS):
        for k, (a, b) in pairs.items():
            fresh(caches)  # no clause's key left from the run before
            start = time.perf_counter()
            plandiff.align(a, b)
            runs[k].append(time.perf_counter() - start)
    return [(k, sum(1 for _ in a.walk()) + sum(1 for _ in b.walk()), min(runs[k])) for k, (a, b) in pairs.items()]




def growth(tmp: Path, sizes: tuple[int, ...]) -> None:
    # each kind in a process of its own: run after another in one process, a kind's 30× took a
    # quarter longer than on its own (the heap the first kind's large plans left behind), and its
    # exponent rose by 0.1 — a user's command, or a corpus worker, starts as the first does
    for name in GROWN_KINDS:
        done = subprocess.run([sys.executable, "-m", "benchmarks.bench_align", "--kind", name, *map(str, sizes)],
                              capture_output=True, text=True, cwd=ROOT, check=True, env=_ENV)
        rows = [(int(k), int(n), float(t)) for k, n, t in json.loads(done.stdout)]
        for k, n, t in rows:
            print(f"{name} ×{k:<2} ({n} clauses): align {t * 1000:.0f} ms")
        steps = ", ".join(f"{k1}×→{k2}× {exponent(n1, t1, n2, t2):.2f}"
                          for (k1, n1, t1), (k2, n2, t2) in itertools.pairwise(rows))
        print(f"{name}: growth exponents {steps} (target ≤ 1.1)")
    if 30 in sizes:
        fa, fb = grown_pair_files(tmp, 30)
        took, peaks = [], []
        for _ in range(3):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, "diff", str(fa), str(fb), "-o", str(tmp / "d30.html")],
                                  capture_output=True, text=True, cwd=ROOT, check=True, env=_ENV)
            took.append(time.perf_counter() - start)
            peaks.append(tuple(int(x) for x in done.stderr.strip().splitlines()[-1].split()))
        took.sort()
        print(f"plandiff diff of two 30× plans ({fa.stat().st_size // 1024} KB each), 3 runs: median {took[1]:.2f} s "
              f"(min {took[0]:.2f}, max {took[2]:.2f}), peak {max(p for p, _ in peaks) / 1024:.0f} MB "
              f"(its largest child {max(c for _, c in peaks) / 1024:.0f} MB, pages shared) (target ≤ 3 s)")


def main() -> None:
    if sys.argv[1:2] == ["--kind"]:  # one kind's growth, in a process of its own (``growth``)
        print(json.dumps(kind_times(sys.argv[2], tuple(int(k) for k in sys.argv[3:]))))
        return
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        in_process()
        commands(tmp)
        growth(tmp, (1, 3, 10) if quick else (1, 3, 10, 30))


if __name__ == "__main__":
    main()
