"""MinHash signatures of shingle sets, fixed to one scheme: datasketch's "affine32" (its default
since 2.0), the same values bit for bit, without importing datasketch.

Why not the library itself: its default scheme changed in 2.0 (signatures of a store indexed with
1.x and of one indexed with 2.x would be compared, silently, as if alike), and importing it loads
its LSH modules and through them SciPy — about half a second in every worker process of a
``corpus add`` — for a function of a few numpy lines. ``tests/test_corpus.py`` checks the values
against datasketch's own ``MinHash(scheme="affine32")``.

The scheme: each 32-bit shingle hash is mixed once by MurmurHash3's finalizer, then each
permutation maps it to ``a·h + b mod 2³²`` (``a`` odd: a bijection, no collisions added), and a
signature keeps each permutation's minimum.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np

MAX_HASH = np.uint32(0xFFFFFFFF)
"""The value of a permutation over the empty set (datasketch's too)."""


@functools.cache
def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` of each permutation, drawn from numpy's ``RandomState(seed)`` as datasketch
    draws them (``a`` odd)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (a bijection that spreads structured hashes)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(hashes: Iterable[int], num_perm: int, seed: int = 1) -> np.ndarray:
    """The MinHash values (uint32) of a set given by its members' 32-bit hashes (CRC-32, say)."""
    a, b = permutations(num_perm, seed)
    hv = _fmix32(np.fromiter(hashes, dtype=np.uint32)).reshape(-1, 1)
    if not len(hv):
        return np.full(num_perm, MAX_HASH, dtype=np.uint32)
    return (hv * a + b).min(axis=0)  # uint32 arithmetic: the wraparound is the mod 2³²
