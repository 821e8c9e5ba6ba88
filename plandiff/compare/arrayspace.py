"""TF-IDF in arrays, for large comparisons: every text's features numbered and counted in a few
sorts, a vector as two arrays (feature numbers ascending, their weights), dot products and
candidate look-ups worked on the numbers.

Why: two plans of thousands of clauses hold over a million features in their subtree texts (each
clause's text and each subtree's, a subtree being its clauses' texts joined). Counting them in
dicts, weighing them one by one and looking them up again by string was a third of such an
alignment. The features, weights and formulas are ``aligner._Space``'s: a text's words and its
pairs of adjacent words, ``(1 + log tf) · log(1 + n / (1 + df))``, unit length. What differs is
the order in which floating-point sums are added (numpy's), so scores may differ from the dict
space's in their last bits (seeds of equal weight are still taken by name, so the candidates are
the dict space's). A plan of ordinary size never comes here
(``candidates.VECTORISE_FROM``): importing numpy would cost it more than it saves.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from .aligner import _Node

Vector = tuple[Any, Any]
"""A text's feature numbers (ascending, int64) and their weights (float64)."""

PAIR_BASE = 1 << 31
"""A pair of adjacent words is numbered ``(first + 1) · PAIR_BASE + second``: above every word's
own number, so a word and a pair never share a number (words are numbered from 0 by the tokens
read, fewer than 2³¹ of them in any input plandiff reads)."""


class ArraySpace:
    """TF-IDF vectors over both plans' clause texts (each clause's own text and each subtree's),
    in arrays."""

    def __init__(self, na: list[_Node], nb: list[_Node]) -> None:
        self.words: dict[str, int] = {}
        self._new_word = itertools.count()  # a word's number: taken by a new word (setdefault keeps an old one's)
        self._rows, entries, sequences = self._texts(na, nb)
        self.n = sum(entries)
        self.unseen = math.log(1 + self.n)
        """The weight of a feature in no indexed text (a heading or body compared on its own)."""
        self._weigh(entries, [_features(words) for words in sequences])
        self._extra: dict[int, int] = {}
        """Features of texts outside the space (a heading, a body), numbered after the space's."""
        self._names: dict[int, str] = {}
        self._extra_codes: list[int] = []
        self._name_of: dict[int, str] = {}

    def _texts(self, na: list[_Node], nb: list[_Node]) -> tuple[dict[str, int], list[int], list[Any]]:
        """Each distinct text a row: its row, how many times it is in the space (df counts each
        time, as the dict space's list of texts does; a heading or body only weighed, none), and
        its words numbered."""
        rows: dict[str, int] = {}
        entries: list[int] = []
        sequences: list[Any] = []

        def add(text: str, words: Any, entry: int = 1) -> None:
            row = rows.get(text)
            if row is None:
                row = rows[text] = len(sequences)
                sequences.append(words if words is not None else self._numbered(text))
                entries.append(0)
            entries[row] += entry

        for nodes in (na, nb):
            own = [self._numbered(n.own) for n in nodes]
            for n, words in zip(nodes, own, strict=True):
                add(n.own, words)
            size = [1] * len(nodes)
            for n in reversed(nodes):
                if n.parent is not None:
                    size[n.parent] += size[n.index]
            for n in nodes:
                if n.has_children:
                    # a subtree's text is its clauses' texts joined in order (pre-order): its
                    # words are theirs, its pairs those of the joined sequence
                    add(n.sub, np.concatenate(own[n.index:n.index + size[n.index]]))
        for n in (*na, *nb):
            add(n.heading, None, 0)
            add(n.body, None, 0)
        return rows, entries, sequences

    def _weigh(self, entries: list[int], codes: list[Any]) -> None:
        """Every row's features counted (tf), their document frequencies, and the rows' unit
        vectors: one sort numbers the features, a second counts them per row."""
        row_of = np.repeat(np.arange(len(codes), dtype=np.int64), [len(c) for c in codes])
        self.codes, feature = self._numbered_features(np.concatenate(codes) if codes else np.zeros(0, np.int64))
        width = max(1, len(self.codes))
        keys, tf = np.unique(row_of * width + feature.reshape(-1), return_counts=True)
        row, feature = keys // width, keys % width
        self.df = np.bincount(feature, weights=np.asarray(entries, dtype=np.float64)[row], minlength=len(self.codes))
        self.idf = np.log(1 + self.n / (1 + self.df))
        weights = self.idf[feature] * (1 + np.log(tf))
        norm = np.sqrt(np.bincount(row, weights=weights * weights, minlength=len(codes)))
        norm[norm == 0] = 1.0
        self._ids, self._weights = feature, weights / norm[row]
        self._starts = np.searchsorted(row, np.arange(len(codes) + 1))

    def _numbered_features(self, codes: Any) -> tuple[Any, Any]:
        """The distinct feature codes, ascending, and each code's place among them
        (``np.unique(codes, return_inverse=True)``), by way of ``unique_inverse``: a code
        ``first · PAIR_BASE + second`` is first brought to ``first · words + second`` (a word's
        ``first`` is 0, a pair's its first word + 1), below ``words · (words + 1)`` and in the same
        order. Words are numbered below the count of tokens read, not densely: the bound is read
        off the codes."""
        if not len(codes):
            return codes, codes
        compact = codes // PAIR_BASE
        second = codes % PAIR_BASE
        words = max(int(compact.max()), int(second.max())) + 1
        compact *= words
        compact += second
        del second
        distinct, inverse = unique_inverse(compact, words * (words + 1))
        del compact
        first, second = np.divmod(distinct, words)
        first *= PAIR_BASE
        first += second
        return first, inverse

    def _numbered(self, text: str) -> Any:
        words = text.split()
        return np.fromiter(map(self.words.setdefault, words, self._new_word), dtype=np.int64, count=len(words))

    def vector(self, text: str) -> Vector:
        row = self._rows.get(text)
        if row is not None:
            lo, hi = self._starts[row], self._starts[row + 1]
            return self._ids[lo:hi], self._weights[lo:hi]
        codes, tf = np.unique(_features(self._numbered(text)), return_counts=True)
        at = np.searchsorted(self.codes, codes)
        known = at < len(self.codes)
        known[known] = self.codes[at[known]] == codes[known]
        ids = at.copy()
        for k in np.flatnonzero(~known).tolist():
            ids[k] = self._extra.setdefault(int(codes[k]), len(self.codes) + len(self._extra))
        idf = np.where(known, self.idf[np.where(known, at, 0)] if len(self.codes) else 0.0, self.unseen)
        weights = idf * (1 + np.log(tf))
        norm = math.sqrt(float(np.dot(weights, weights))) or 1.0
        order = np.argsort(ids, kind="stable")
        return ids[order], weights[order] / norm

    def name(self, feature: int) -> str:
        """A numbered feature's string, as the dict space names it: a word, or two joined by "_"."""
        got = self._name_of.get(feature)
        if got is not None:
            return got
        if len(self._names) < len(self.words) or len(self._extra_codes) < len(self._extra):
            self._names = {number: word for word, number in self.words.items()}
            self._extra_codes = list(self._extra)
        code = int(self.codes[feature]) if feature < len(self.codes) else self._extra_codes[feature - len(self.codes)]
        if code < PAIR_BASE:
            got = self._names[code]
        else:
            got = f"{self._names[code // PAIR_BASE - 1]}_{self._names[code % PAIR_BASE]}"
        self._name_of[feature] = got
        return got

    @property
    def features(self) -> int:
        """How many features are numbered so far (the space's and those of texts outside it)."""
        return len(self.codes) + len(self._extra)

    def cosine(self, x: Vector, y: Vector) -> float:
        return cosine(x, y)

    def cosines(self, pairs: list[tuple[Vector, Vector]]) -> list[float]:
        return cosines(pairs, self.features)

    def coverage(self, vector: Vector, parts: list[Vector]) -> float:
        return coverage(vector, parts)

    def common(self, ids: Any, limit: int) -> Any:
        """Which of ``ids`` are in more than ``limit`` of the space's texts."""
        inside = ids < len(self.codes)
        out = np.zeros(len(ids), dtype=bool)
        out[inside] = self.df[ids[inside]] > limit
        return out


def _packed(keys: Any, top: int) -> Any | None:
    """Each of the integer ``keys`` (in ``[0, top)``) and its place packed into one number
    (``key · n + place``), those numbers sorted: the keys' stable order, found by sorting values,
    which numpy does several times faster than sorting indices (``argsort``) — a gap that widened
    with the millions of features of a large comparison. None when they do not fit in 63 bits."""
    n = len(keys)
    if not n or top * n >= 2**63:
        return None
    packed = np.multiply(keys, n, dtype=np.int64)
    packed += np.arange(n, dtype=np.int64)
    packed.sort()
    return packed


def unique_inverse(keys: Any, top: int) -> tuple[Any, Any]:
    """``np.unique(keys, return_inverse=True)`` for integer keys in ``[0, top)``, through ``_packed``
    (its buffers reused: a large comparison's features are millions)."""
    packed = _packed(keys, top)
    if packed is None:
        distinct, inverse = np.unique(keys, return_inverse=True)
        return distinct, inverse.reshape(-1)
    n = len(keys)
    in_order = packed // n
    packed -= in_order * n  # each key's place
    starts = np.empty(n, dtype=bool)
    starts[0] = True
    np.not_equal(in_order[1:], in_order[:-1], out=starts[1:])
    distinct = in_order[starts]
    rank = np.cumsum(starts)
    rank -= 1
    in_order[packed] = rank  # the keys' sorted values are no longer needed: their ranks, by place
    return distinct, in_order


def stable_order(keys: Any, top: int) -> Any:
    """``np.argsort(keys, kind="stable")`` for integer keys in ``[0, top)``, through ``_packed``."""
    packed = _packed(keys, top)
    return np.argsort(keys, kind="stable") if packed is None else packed % len(keys)


def _features(words: Any) -> Any:
    """A text's features, numbered: its words, then its pairs of adjacent words."""
    if len(words) < 2:
        return words
    return np.concatenate([words, (words[:-1] + 1) * PAIR_BASE + words[1:]])


def cosine(x: Vector, y: Vector) -> float:
    """The dot product of two unit vectors: the shorter's features looked up in the other's."""
    (ix, wx), (iy, wy) = (x, y) if len(x[0]) <= len(y[0]) else (y, x)
    if not len(ix):
        return 0.0
    at = np.searchsorted(iy, ix)
    at[at == len(iy)] = 0
    hit = iy[at] == ix
    return float(np.dot(wx[hit], wy[at[hit]]))


def cosines(pairs: list[tuple[Vector, Vector]], features: int) -> list[float]:
    """``cosine`` of each pair, a group at a time: the pairs grouped by their longer vector, which
    is scattered once into a dense array of ``features``; the shorter vectors of its group gather
    against it, their products summed per pair by ``bincount``."""
    if not pairs:
        return []
    groups: dict[int, tuple[Vector, list[tuple[int, Vector]]]] = {}
    for k, (x, y) in enumerate(pairs):
        walked, other = (x, y) if len(x[0]) <= len(y[0]) else (y, x)
        groups.setdefault(id(other), (other, []))[1].append((k, walked))
    dense = np.zeros(features, dtype=np.float64)
    out = np.zeros(len(pairs), dtype=np.float64)
    for (ids, weights), members in groups.values():
        dense[ids] = weights
        walked_ids = np.concatenate([w[0] for _, w in members])
        products = dense[walked_ids] * np.concatenate([w[1] for _, w in members])
        dense[ids] = 0.0
        segment = np.repeat(np.arange(len(members)), [len(w[0]) for _, w in members])
        out[[k for k, _ in members]] = np.bincount(segment, weights=products, minlength=len(members))
    return out.tolist()


def coverage(vector: Vector, parts: list[Vector]) -> float:
    """Share of ``vector``'s squared weight on features that ``parts`` have."""
    ids, weights = vector
    total = float(np.dot(weights, weights)) or 1.0
    if not parts:
        return 0.0
    # a lookup by feature number (np.isin sorts both sides and, on first use, loads numpy.ma: some
    # 10 ms of a command that compares large plans)
    theirs = np.concatenate([p[0] for p in parts])
    if not len(ids) or not len(theirs):
        return 0.0
    marked = np.zeros(int(max(ids.max(), theirs.max())) + 1, dtype=bool)
    marked[theirs] = True
    kept = weights[marked[ids]]
    return float(np.dot(kept, kept)) / total
