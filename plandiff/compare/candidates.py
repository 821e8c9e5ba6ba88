"""Candidate pairs for the aligner: which clauses of plan B each clause of plan A is scored against.

An inverted index of B's rare word features (passim-style): each clause looks up only its heaviest
features, a feature found in too many clauses is not looked up at all, and a long posting list is
scanned around the clause's own place — so the work per clause is bounded and the pass grows
linearly with the plans. Worked in Python over dict vectors for plans of ordinary size and in numpy
over array vectors (``arrayspace``) for large ones: the same pairs either way (the tests compare
them on real and grown plans).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .aligner import _Node, _Space
    from .arrayspace import ArraySpace

CANDIDATES = 12
"""Candidates per clause taken from the inverted index (per text variant)."""
SEEDS = 24
"""How many of a clause's heaviest (rarest) word features it looks up in the index."""

POSTINGS = 10
"""Postings of one index term scanned per clause. A term in more clauses than this (a plan made of
near-identical parts) is looked up around the clause's own place in the other plan: the work per
clause stays bounded, and a term that rare is scanned whole, as before. Ten, not more: a word of
one clause repeated in each part of a plan of twenty or thirty parts would otherwise be scanned
whole in a plan of ten parts and cut at thirty, so the work per clause still grew between the two
(candidates per clause of the realistic variant 17.3 at 10×, 19.9 at 30× with sixteen; 18.4 and
19.3 with ten). Every alignment of the 44 real documents of the test data is the same either way."""


def common_from(texts: int) -> int:
    """Clauses a feature may be found in and still be looked up: past this it is common (5% of the
    texts, and never fewer than 40, so that a short plan's words all count)."""
    return max(40, int(0.05 * texts))


def _window(js: list[int], at: float) -> tuple[int, int]:
    """The ``POSTINGS`` entries of a sorted posting list nearest to position ``at``."""
    if len(js) <= POSTINGS:
        return 0, len(js)
    mid = bisect.bisect_left(js, at)
    lo = max(0, min(mid - POSTINGS // 2, len(js) - POSTINGS))
    return lo, lo + POSTINGS


def _agency_pairs(na: list[_Node], nb: list[_Node], scale: float) -> set[tuple[int, int]]:
    """Items whose agencies' names start alike are always worth scoring: each with the others so
    named, or the ``POSTINGS`` nearest its own place when more start so (a plan's agencies start
    alike in twos at most; a plan of repeated parts would pair every copy with every copy)."""
    by_start: dict[str, list[int]] = defaultdict(list)
    for j, n in enumerate(nb):
        if n.agency:
            by_start[" ".join(n.agency.split()[:2])].append(j)
    pairs: set[tuple[int, int]] = set()
    for i, n in enumerate(na):
        if n.agency:
            alike = by_start.get(" ".join(n.agency.split()[:2]), [])
            lo, hi = _window(alike, i * scale)
            pairs.update((i, j) for j in alike[lo:hi])
    return pairs


ATTRS = ("own", "sub", "body")
"""The texts of a clause that are looked up: its own text, its subtree's, its body's."""


def candidates(na: list[_Node], nb: list[_Node], space: _Space | ArraySpace,
               vector: Callable[[str], Any]) -> list[tuple[int, int]]:
    """Pairs worth scoring: clauses sharing rare words (passim-style). Each clause looks up only its
    ``SEEDS`` heaviest features, and features found in too many clauses are not looked up at all,
    so the work per clause is bounded and the whole pass grows linearly with the plans. ``space``:
    an ``ArraySpace`` for a large comparison (``large``), else the aligner's dict space."""
    scale = len(nb) / max(1, len(na))
    pairs = _agency_pairs(na, nb, scale)
    if large(na, nb):
        pairs.update(_numbered_pairs(na, nb, space, vector, scale))  # type: ignore[arg-type]
    else:
        lookups = _Lookups(space, vector)
        for attr in ATTRS:
            pairs.update(_index_pairs([lookups.rare(getattr(n, attr)) for n in nb],
                                      [lookups.seeds(getattr(n, attr)) for n in na], scale))
    return sorted(pairs)


class _Lookups:
    """Each text's rare features (with their weights) and its seeds, worked out once: a leaf's own
    text, subtree and body are one text."""

    def __init__(self, space: _Space, vector: Callable[[str], dict[str, float]]) -> None:
        self.vector = vector
        limit = common_from(space.n)
        self.common = {t for t, d in space.df.items() if d > limit}
        self.rare_of: dict[str, _Features] = {}
        self.seeds_of: dict[str, _Features] = {}

    def rare(self, text: str) -> _Features:
        got = self.rare_of.get(text)
        if got is None:
            vec = self.vector(text)
            keys = list(itertools.filterfalse(self.common.__contains__, vec))
            got = self.rare_of[text] = (keys, list(map(vec.__getitem__, keys)))
        return got

    def seeds(self, text: str) -> _Features:
        got = self.seeds_of.get(text)
        if got is None:
            # the heaviest, ties by feature: only the features as heavy as the SEEDS-th weight are
            # sorted by (weight, feature) — a subtree's text has thousands, its weights sort in C
            keys, weights = self.rare(text)
            if len(keys) > SEEDS:
                floor = sorted(weights, reverse=True)[SEEDS - 1]
                kept = list(itertools.compress(range(len(keys)), map(operator.ge, weights, itertools.repeat(floor))))
                keys, weights = [keys[k] for k in kept], [weights[k] for k in kept]
            # (-weight, feature) pairs sort in C as the key (-weight, feature) would
            top = sorted(zip(map(operator.neg, weights), keys, strict=True))[:SEEDS]
            got = self.seeds_of[text] = ([t for _, t in top], [-w for w, _ in top])
        return got


def _numbered_pairs(na: list[_Node], nb: list[_Node], space: ArraySpace, vector: Callable[[str], Any],
                    scale: float) -> set[tuple[int, int]]:
    """``_index_pairs`` of every text of a clause, for large plans: the vectors are arrays of
    numbered features (``arrayspace``), the index is worked in numpy (``_index_pairs_vectorised``).
    Seeds tied at the cut are taken by name, as ``_Lookups.seeds`` takes them."""
    import numpy as np

    limit = common_from(space.n)
    rare_of: dict[int, tuple[Any, Any]] = {}
    seeds_of: dict[int, tuple[Any, Any]] = {}

    def rare(text: str) -> tuple[Any, Any]:
        vec = vector(text)
        got = rare_of.get(id(vec))
        if got is None:
            ids, weights = vec
            keep = ~space.common(ids, limit)
            got = rare_of[id(vec)] = (vec, (ids[keep], weights[keep]))
        return got[1]

    def seeds(text: str) -> tuple[Any, Any]:
        vec = vector(text)
        got = seeds_of.get(id(vec))
        if got is None:
            ids, weights = rare(text)
            # the heaviest first (lexsort: its last key is the first)
            order = np.lexsort((ids, -weights))
            if len(ids) > SEEDS and weights[order[SEEDS - 1]] == weights[order[SEEDS]]:
                # the SEEDS-th weight is shared past the cut: those features are taken in the
                # order of their names, as the dict space takes them
                floor = weights[order[SEEDS - 1]]
                heavier = order[weights[order] > floor]
                tied = sorted(order[weights[order] == floor].tolist(), key=lambda k: space.name(int(ids[k])))
                order = np.concatenate([heavier, np.asarray(tied[:SEEDS - len(heavier)], dtype=np.int64)])
            order = order[:SEEDS]
            got = seeds_of[id(vec)] = (vec, (ids[order], weights[order]))
        return got[1]

    queries = {attr: [seeds(getattr(n, attr)) for n in na] for attr in ATTRS}
    # b's postings only of features some clause of a looks up (as ``_index_pairs``): a mask by
    # feature number, so that picking a text's out costs its own length (a set lookup of the
    # whole list of wanted features per text grew with the plans)
    wanted = np.zeros(space.features, dtype=bool)
    for _, (ids, _) in seeds_of.values():
        wanted[ids] = True
    postings_of: dict[int, tuple[Any, Any]] = {}

    def postings(text: str) -> tuple[Any, Any]:
        vec = vector(text)
        got = postings_of.get(id(vec))
        if got is None:
            ids, weights = rare(text)
            keep = np.zeros(len(ids), dtype=bool)
            inside = ids < len(wanted)
            keep[inside] = wanted[ids[inside]]
            got = postings_of[id(vec)] = (vec, (ids[keep], weights[keep]))
        return got[1]

    pairs: set[tuple[int, int]] = set()
    for attr in ATTRS:
        pairs.update(_index_pairs_vectorised([postings(getattr(n, attr)) for n in nb], queries[attr], scale))
    return pairs


_Features = tuple[list[str], list[float]]
"""A text's features and their weights, in two lists."""


def _index_pairs(rare_b: list[_Features], seeds_a: list[_Features], scale: float) -> set[tuple[int, int]]:
    """Each clause of a with the ``CANDIDATES`` clauses of b its seeds weigh most in, through an
    inverted index of b's rare features (postings scanned around the clause's own place)."""
    pairs: set[tuple[int, int]] = set()
    # postings only of the features some clause of a looks up (its seeds, a few dozen a clause): a
    # subtree's text has thousands, and a posting nobody reads need not be written
    wanted: set[str] = set()
    for keys, _ in seeds_a:
        wanted.update(keys)
    index: dict[str, tuple[list[int], list[float]]] = {}
    for j, (keys, weights) in enumerate(rare_b):
        # the wanted features picked out in C; each posting gets its clauses in order of j
        for t, x in itertools.compress(zip(keys, weights, strict=True), map(wanted.__contains__, keys)):
            posting = index.get(t)
            if posting is None:
                index[t] = ([j], [x])
            else:
                posting[0].append(j)
                posting[1].append(x)
    for i, feats in enumerate(seeds_a):
        acc: dict[int, float] = defaultdict(float)
        for t, w in zip(*feats, strict=True):
            posting = index.get(t)
            if posting is None:
                continue
            js, ws = posting
            if len(js) > POSTINGS:
                lo, hi = _window(js, i * scale)
                js, ws = js[lo:hi], ws[lo:hi]
            for j, x in zip(js, ws, strict=True):
                acc[j] += w * x
        if len(acc) <= CANDIDATES:
            pairs.update((i, j) for j in acc)
        else:
            # the best by summed weight, ties to the earlier clause (a total order: j is unique)
            top = sorted(zip(map(operator.neg, acc.values()), acc, strict=True))[:CANDIDATES]
            pairs.update((i, j) for _, j in top)
    return pairs


VECTORISE_FROM = 1000
"""Clauses of both plans from which the vectors are arrays (``arrayspace``), the index is worked in
numpy and the candidates' similarities in one batch on every core: loading numpy (some 50 ms)
costs more than it saves on plans of ordinary size (a few hundred clauses), and a plan thirty
times that size spent seconds in Python loops. Timed in fresh processes, numpy's loading
included, the two ways break even at 800–1,000 clauses for plans of near-identical parts, and a
reworded or cross-authority pair of 600 clauses already takes a fifth less in arrays."""


VECTORISE_LOADED = 50
"""Clauses of both plans from which a process that keeps numpy loaded (``keep_numpy``: the server)
works in arrays: with the loading paid once, arrays are the faster from a few dozen clauses
(timed in a warm process: 8 clauses alike, 83 clauses 9.5 ms against 15.3 in dicts, the seed pair's
202 clauses 26 ms against 41.5, a 310-clause pair 58 against 96; the same pairs every time)."""


def keep_numpy() -> None:
    """Load numpy and the array space, and work comparisons in arrays from ``VECTORISE_LOADED``
    clauses on in this process: for a process that runs many comparisons (the server), which pays
    numpy's loading once rather than in every command."""
    global VECTORISE_FROM
    import numpy  # noqa: F401
    from rapidfuzz import process  # noqa: F401

    from . import arrayspace  # noqa: F401

    VECTORISE_FROM = min(VECTORISE_FROM, VECTORISE_LOADED)


def large(na: list[_Node], nb: list[_Node]) -> bool:
    """Whether a comparison is worked in arrays (``VECTORISE_FROM``)."""
    return len(na) + len(nb) >= VECTORISE_FROM


def _index_pairs_vectorised(rare_b: list[tuple[Any, Any]], seeds_a: list[tuple[Any, Any]],
                            scale: float) -> set[tuple[int, int]]:
    """``_index_pairs`` in numpy over features numbered (arrays of numbers and weights): postings as
    one array sorted by feature (CSR), each seed's window cut by a search, products summed per
    (i, j) by ``bincount`` in the order the loop adds them."""
    import numpy as np

    from .arrayspace import stable_order, unique_inverse

    if not rare_b or not seeds_a:
        return set()
    f_b = np.concatenate([f for f, _ in rare_b])
    w_b = np.concatenate([w for _, w in rare_b])
    j_b = np.repeat(np.arange(len(rare_b), dtype=np.int64), [len(f) for f, _ in rare_b])
    fq = np.concatenate([f for f, _ in seeds_a])
    wq = np.concatenate([w for _, w in seeds_a])
    iq = np.repeat(np.arange(len(seeds_a), dtype=np.int64), [len(f) for f, _ in seeds_a])
    if not len(f_b) or not len(fq):
        return set()
    # bisect_left over whole clause numbers finds the same place for i * scale and its ceiling
    at = np.ceil(iq * scale).astype(np.int64)
    m = len(rare_b) + 1
    top = int(f_b.max()) + 1
    order = stable_order(f_b, top)  # j stays ascending within a feature
    f_sorted, j_sorted = f_b[order], j_b[order]
    w_sorted = w_b[order]
    start_of = np.searchsorted(f_sorted, np.arange(max(top, int(fq.max()) + 1) + 1))
    start, length = start_of[fq], start_of[fq + 1] - start_of[fq]
    mid = np.searchsorted(f_sorted * m + j_sorted, fq * m + at) - start
    long = length > POSTINGS
    lo = np.where(long, np.maximum(0, np.minimum(mid - POSTINGS // 2, length - POSTINGS)), 0)
    count = np.where(long, POSTINGS, length)
    row = np.repeat(np.arange(len(fq)), count)
    pos = start[row] + lo[row] + np.arange(len(row)) - np.repeat(np.cumsum(count) - count, count)
    ii = iq[row]
    jj = j_sorted[pos]
    keys, inverse = unique_inverse(ii * m + jj, len(seeds_a) * m)
    sums = np.bincount(inverse, weights=wq[row] * w_sorted[pos])
    gi, gj = keys // m, keys % m
    # by clause, then heaviest first; ties stay in the order of j (keys come sorted, lexsort is stable)
    ranked = np.lexsort((-sums, gi))
    gi, gj = gi[ranked], gj[ranked]
    first = np.flatnonzero(np.r_[True, gi[1:] != gi[:-1]])
    rank = np.arange(len(gi)) - np.repeat(first, np.diff(np.r_[first, len(gi)]))
    keep = rank < CANDIDATES
    return set(zip(gi[keep].tolist(), gj[keep].tolist(), strict=True))
