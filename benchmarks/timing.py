"""Timing helpers: best of several runs (the machines are noisy), candidate and baseline interleaved
(ABAB…) so that both see the same noise, and ratios to a baseline measured in the same run, which
is what to report."""

from __future__ import annotations

import math
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (ROOT / "fixtures").iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


def text_caches() -> list[Any]:
    """plandiff's caches keyed by the text of a document (bounded ``lru_cache``s of a thousand
    entries and more: lines, headings, names), not the ones of a few patterns built once a process.
    A benchmark that works on the same documents again and again clears them before each one, so
    that it measures documents read for the first time, as a corpus's are."""
    import sys

    found = []
    for name, module in list(sys.modules.items()):
        if name == "plandiff" or name.startswith("plandiff."):
            for value in vars(module).values():
                info = getattr(value, "cache_info", None)
                if callable(info) and getattr(value, "__module__", None) == name and (info().maxsize or 0) >= 1024:
                    found.append(value)
    return found


def grown_pair_files(folder: Path, factor: int) -> tuple[Path, Path]:
    """tth-2024 and hue-2026 grown ``factor`` times (``tests.synthetic.grow``), written as text
    files in ``folder`` for the commands to read."""
    import sys

    sys.path.insert(0, str(ROOT))
    import plandiff
    from tests.synthetic import grow

    out = []
    for stem in ("tth-2024", "hue-2026"):
        path = folder / f"{stem}-{factor}x.txt"
        path.write_text(grow(plandiff.parse(ROOT / "fixtures" / f"{stem}.txt"), factor).source, encoding="utf-8")
        out.append(path)
    return out[0], out[1]


def fresh(caches: list[Any]) -> None:
    """Empty ``caches`` (from ``text_caches``)."""
    for cache in caches:
        cache.cache_clear()


def best_of(fn: Callable[[], object], *, repeat: int = 5, min_time: float = 0.2) -> float:
    """Seconds per call: the fastest of ``repeat`` rounds, each long enough to be measurable."""
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        if time.perf_counter() - start >= min_time / repeat or calls > 10_000:
            break
        calls *= 2
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


@dataclass(frozen=True)
class Spread:
    """Seconds per run: min, median and max over the rounds."""

    runs: tuple[float, ...]

    @property
    def min(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def max(self) -> float:
        return max(self.runs)

    def __str__(self) -> str:
        return f"{self.median * 1000:.0f} ms (min {self.min * 1000:.0f}, max {self.max * 1000:.0f})"


def interleaved(candidate: Callable[[], object], baseline: Callable[[], object], *, rounds: int = 7) -> tuple[Spread, Spread]:
    """Run candidate and baseline alternately (ABAB…), ``rounds`` times each, after one warm-up."""
    candidate()
    baseline()
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        for fn, out in ((candidate, a), (baseline, b)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return Spread(tuple(a)), Spread(tuple(b))


def exponent(n1: float, t1: float, n2: float, t2: float) -> float:
    """The growth exponent k in t ∝ n^k between two sizes (1 linear, 2 quadratic)."""
    return math.log(t2 / t1) / math.log(n2 / n1)


def tokenize_baseline(text: str) -> int:
    """The floor every text tool pays: one regex pass over the words."""
    return len(re.findall(r"\w+", text))
