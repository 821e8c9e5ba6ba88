"""Citation extraction throughput (MB/s of plan text), as a ratio to one regex pass.
eyecite, the reference extractor for US law, reports about 10 MB/s."""

from __future__ import annotations

import plandiff
from benchmarks.timing import FIXTURES, best_of, fresh, text_caches, tokenize_baseline


def main() -> None:
    plans = [plandiff.parse(p) for p in FIXTURES]
    size = sum(len(p.source.encode("utf-8")) for p in plans)
    plandiff.citations(plans[0])
    caches = text_caches()  # emptied before each plan: each read as for the first time
    t_cite = best_of(lambda: [(fresh(caches), plandiff.citations(p)) for p in plans])
    t_base = best_of(lambda: [tokenize_baseline(p.source) for p in plans])
    n = sum(len(plandiff.citations(p)) for p in plans)
    print(f"citations: {n} in {size / 1024:.0f} KB; {t_cite * 1000:.1f} ms; {size / t_cite / 1e6:.2f} MB/s; "
          f"{t_cite / t_base:.1f}× a regex pass over the same text")


if __name__ == "__main__":
    main()
