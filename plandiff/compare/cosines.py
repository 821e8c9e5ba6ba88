"""Dot products of sparse vectors (TF-IDF, as dicts): one pair at a time in Python, or many pairs at
once in numpy — the same floats either way, bit for bit.

Why: a large comparison scores tens of thousands of candidate pairs, each a dot product over a
hundred shared features, and the Python loop over them was the aligner's largest cost. Both ways
walk the shorter vector (on equal lengths, the one whose features come first) in its own order and
add the products one by one from 0.0, so the result depends on the texts only: not on string
hashing, not on which vector is given first, not on the Python version (``sum`` of floats is
compensated from 3.12 on; ``functools.reduce`` over ``operator.add`` is plain addition everywhere).
"""

from __future__ import annotations

import functools
import itertools
import operator
from typing import Any

Vector = dict[str, float]


def _walked_first(x: Vector, y: Vector) -> bool:
    """Whether ``x`` is the vector walked (the shorter; on a tie, the one whose features sort first)."""
    return len(x) < len(y) or (len(x) == len(y) and list(x) <= list(y))


def cosine(x: Vector, y: Vector) -> float:
    """One pair's dot product: the shared features found by walking the shorter vector (in C, no
    set built), their products added in that order."""
    if not _walked_first(x, y):
        x, y = y, x
    common = list(filter(y.__contains__, x))
    return functools.reduce(operator.add, map(operator.mul, map(x.__getitem__, common), map(y.__getitem__, common)), 0.0)


def cosines(pairs: list[tuple[Vector, Vector]]) -> list[float]:
    """``cosine`` of each pair, worked a group at a time: the pairs are grouped by the vector that
    is not walked, which is scattered once into a dense array; the walked vectors of its group are
    gathered against it and their products summed by ``bincount`` — in their own order, from 0.0
    (a feature the dense side lacks adds 0.0, which changes no sum of non-negative weights)."""
    import numpy as np

    if not pairs:
        return []
    feature_ids: dict[str, int] = {}
    numbers = itertools.count()
    encoded: dict[int, tuple[Any, Any]] = {}

    def encode(vec: Vector) -> tuple[Any, Any]:
        got = encoded.get(id(vec))
        if got is None:
            got = encoded[id(vec)] = (
                np.fromiter(map(feature_ids.setdefault, vec, numbers), dtype=np.int64, count=len(vec)),
                np.fromiter(vec.values(), dtype=np.float64, count=len(vec)))
        return got

    groups: dict[int, tuple[Vector, list[tuple[int, Vector]]]] = {}
    for k, (x, y) in enumerate(pairs):
        walked, other = (x, y) if _walked_first(x, y) else (y, x)
        groups.setdefault(id(other), (other, []))[1].append((k, walked))
    for other, members in groups.values():
        encode(other)
        for _, walked in members:
            encode(walked)
    dense = np.zeros(next(numbers), dtype=np.float64)
    out = np.zeros(len(pairs), dtype=np.float64)
    for other, members in groups.values():
        ids, weights = encoded[id(other)]
        dense[ids] = weights
        walked = [encoded[id(w)] for _, w in members]
        products = dense[np.concatenate([i for i, _ in walked])] * np.concatenate([w for _, w in walked])
        dense[ids] = 0.0
        segment = np.repeat(np.arange(len(members)), [len(i) for i, _ in walked])
        out[[k for k, _ in members]] = np.bincount(segment, weights=products, minlength=len(members))
    return out.tolist()
