"""Parse throughput (MB/s) on the fixtures, and as a ratio to one regex pass over the same text.

Each run parses a document as if for the first time: the caches keyed by its text are emptied
before it (``timing.fresh``); parsing the same text again and again would find its lines there."""

from __future__ import annotations

import plandiff
from benchmarks.timing import FIXTURES, best_of, fresh, text_caches, tokenize_baseline


def main() -> None:
    total_bytes = 0
    total_parse = 0.0
    total_base = 0.0
    plandiff.parse(FIXTURES[0].read_bytes())  # the stages' modules loaded, their caches known
    caches = text_caches()
    print(f"{'fixture':20} {'KB':>6} {'parse ms':>9} {'MB/s':>7} {'× regex pass':>13}")
    for path in FIXTURES:
        data = path.read_bytes()
        text = data.decode("utf-8")
        t_parse = best_of(lambda data=data: (fresh(caches), plandiff.parse(data)))
        t_base = best_of(lambda text=text: tokenize_baseline(text))
        total_bytes += len(data)
        total_parse += t_parse
        total_base += t_base
        print(f"{path.stem:20} {len(data) / 1024:6.1f} {t_parse * 1000:9.2f} {len(data) / t_parse / 1e6:7.2f} {t_parse / t_base:13.1f}")
    print(f"{'all':20} {total_bytes / 1024:6.1f} {total_parse * 1000:9.2f} {total_bytes / total_parse / 1e6:7.2f} {total_parse / total_base:13.1f}")


if __name__ == "__main__":
    main()
