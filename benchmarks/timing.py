"""Timing helpers: best of several runs (the machines are noisy), and ratios to a baseline measured
in the same run, which is what to report."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (ROOT / "fixtures").iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


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


def tokenize_baseline(text: str) -> int:
    """The floor every text tool pays: one regex pass over the words."""
    return len(re.findall(r"\w+", text))
