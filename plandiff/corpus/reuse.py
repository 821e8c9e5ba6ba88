"""Text reuse across authorities: clauses one plan shares with another authority's plan.

Candidates come from MinHash LSH over word shingles (the signatures ``minhash`` computed when the
plans were added): each band is a Dask task that buckets the clauses by that band's rows and
pairs clauses of different authorities; each pair is verified (rapidfuzz) in the task of the
first band where it met, so verification partitions by band too. Verified pairs join into
clusters; a cluster's origin is its earliest document (by date; the higher authority when dates
tie); per pair of documents, the share of the later one's text that is reused from the earlier.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import field
from typing import Any

import numpy as np
from networkx.utils import UnionFind

from ..compiled import dataclass
from ..textnorm import words
from .engine import Engine
from .record import NUM_PERM
from .series import authorities, sort_key
from .store import Document, Store

BANDS, ROWS = 14, 4
"""LSH bands × rows per band over ``NUM_PERM`` = 64 values: pairs are found from a shingle Jaccard of
about 0.5 (datasketch's optimal parameters for that threshold)."""
MIN_SIMILARITY = 80.0
"""rapidfuzz ``ratio`` of the two clauses' words (0-100) for a candidate to count as reuse."""
BUCKET_CAP = 40
"""A bucket larger than this (a clause every commune copied) pairs each clause with its neighbours
and the bucket's first clauses only: enough to join one cluster, without n² pairs."""


@dataclass(frozen=True, slots=True)
class Member:
    doc: int
    seq: int
    clause: str
    text: str


@dataclass
class Cluster:
    id: int
    members: list[Member]
    origin: int
    """The document the text first appeared in."""

    def to_dict(self, docs: dict[int, Document]) -> dict[str, Any]:
        return {"id": self.id, "origin": self.origin, "origin_path": docs[self.origin].path,
                "members": [{"doc": m.doc, "path": docs[m.doc].path, "clause": m.clause, "text": m.text}
                            for m in self.members]}


@dataclass
class Copy:
    """What one document took from an earlier one of another authority."""

    source: int
    copier: int
    share: float
    """The part of the copier's clause text that is reused from the source (0-1)."""
    clauses: list[tuple[str, str, float]] = field(default_factory=list)
    """(copier clause id, source clause id, similarity)."""

    def to_dict(self, docs: dict[int, Document]) -> dict[str, Any]:
        return {"source": self.source, "source_path": docs[self.source].path, "copier": self.copier,
                "copier_path": docs[self.copier].path, "share": round(self.share, 4),
                "clauses": [{"copier": c, "source": s, "similarity": round(x, 1)} for c, s, x in self.clauses]}


@dataclass
class Reuse:
    documents: dict[int, Document]
    clusters: list[Cluster]
    copies: list[Copy]
    pairs: list[tuple[tuple[int, int], tuple[int, int], float]]
    """Every verified pair: ((doc, seq), (doc, seq), similarity)."""

    def to_dict(self, *, min_share: float = 0.0) -> dict[str, Any]:
        return {"copies": [c.to_dict(self.documents) for c in self.copies if c.share >= min_share],
                "clusters": [c.to_dict(self.documents) for c in self.clusters]}


# the Dask tasks ------------------------------------------------------------------------------
def band_pairs(task: tuple[int, np.ndarray, np.ndarray, np.ndarray]) -> list[tuple[int, int]]:
    """One band: rows bucketed by their band key; pairs of rows of different groups (authorities,
    or years) that meet here and in no earlier band (rows index the signature matrix)."""
    _band, keys, authorities, earlier = task
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    bounds = np.flatnonzero(np.diff(sorted_keys)) + 1
    out: list[tuple[int, int]] = []
    for bucket in np.split(order, bounds):
        if len(bucket) < 2:
            continue
        auth = authorities[bucket]
        if (auth == auth[0]).all():
            continue
        members = bucket.tolist()
        n = len(members)
        if n <= BUCKET_CAP:
            candidates = ((members[i], members[j]) for i in range(n) for j in range(i + 1, n))
        else:
            head = members[:BUCKET_CAP // 2]
            candidates = ((h, m) for m in members for h in head if h < m)
            candidates = (*candidates, *itertools.pairwise(members))
        for a, b in candidates:
            if authorities[a] != authorities[b] and not (earlier[a] == earlier[b]).any():
                out.append((min(a, b), max(a, b)))
    return sorted(set(out))


def verify(task: list[tuple[int, int, str, str]]) -> list[tuple[int, int, float]]:
    """Pairs whose words agree at ``MIN_SIMILARITY`` or more."""
    from rapidfuzz import fuzz

    out = []
    for a, b, x, y in task:
        score = fuzz.ratio(x, y, score_cutoff=MIN_SIMILARITY)
        if score:
            out.append((a, b, score))
    return out


def _band_keys(matrix: np.ndarray) -> np.ndarray:
    """One 64-bit key per row and band: the band's 4 values mixed (wrapping multiplication). Band
    by band, so that the temporaries are one band's size (a corpus of 10,000 plans has half a
    million clause signatures)."""
    mult = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype=np.uint64)
    keys = np.empty((len(matrix), BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for b in range(BANDS):
            m = matrix[:, b * ROWS:(b + 1) * ROWS].astype(np.uint64)
            keys[:, b] = (m * mult).sum(axis=1, dtype=np.uint64) ^ (m[:, 0] << np.uint64(32))
    return keys


# the pipeline -------------------------------------------------------------------------------
def matches(store: Store, rows: list[tuple[int, int]], sigs: list[bytes], groups: list[int], engine: Engine | None
            ) -> tuple[list[tuple[int, int, float]], dict[tuple[int, int], tuple[str, str]]]:
    """Verified pairs of rows (clauses) of different groups: LSH bands as Dask tasks, then rapidfuzz
    in the band where each pair first met. Also the texts of the clauses in verified pairs."""
    if not rows:
        return [], {}
    matrix = np.frombuffer(b"".join(sigs), dtype="<u4").reshape(len(rows), NUM_PERM)
    keys = _band_keys(matrix)
    group_index = np.array(groups, dtype=np.int64)
    own = engine is None
    engine = engine or Engine(workers=1)
    if own:
        engine.__enter__()
    try:
        tasks = [(b, keys[:, b], group_index, keys[:, :b]) for b in range(BANDS)]
        per_band = engine.map(band_pairs, tasks)
        need = {i for pairs in per_band for p in pairs for i in p}
        # normalised words only while verifying; the texts as printed only for the pairs kept
        texts = store.clause_texts(rows[i] for i in sorted(need))
        norm = {i: " ".join(words(texts.pop(rows[i])[1])) for i in need}
        del texts
        checks = [[(a, b, norm[a], norm[b]) for a, b in pairs] for pairs in per_band if pairs]
        del norm, per_band
        verified = [p for part in engine.map(verify, checks) for p in part]
        del checks
    finally:
        if own:
            engine.__exit__(None, None, None)
    kept = sorted({i for a, b, _ in verified for i in (a, b)})
    return verified, store.clause_texts(rows[i] for i in kept)


def find_reuse(store: Store, *, engine: Engine | None = None) -> Reuse:
    docs = {d.id: d for d in store.documents()}
    auth_of = authorities(list(docs.values()))
    rows, sigs = store.signatures_of(docs)
    if not rows:
        return Reuse(docs, [], [], [])
    auth_ids = {a: k for k, a in enumerate(sorted(set(auth_of.values())))}
    verified, texts = matches(store, rows, sigs, [auth_ids[auth_of[d]] for d, _ in rows], engine)
    need = {i for a, b, _ in verified for i in (a, b)}
    members = {i: Member(rows[i][0], rows[i][1], texts[rows[i]][0], texts[rows[i]][1]) for i in need}
    return _assemble(docs, auth_of, members, verified, rows)


def _assemble(docs: dict[int, Document], auth_of: dict[int, str], members: dict[int, Member],
              verified: list[tuple[int, int, float]], rows: list[tuple[int, int]]) -> Reuse:
    sets = UnionFind()
    best: dict[tuple[int, int], float] = {}
    for a, b, score in verified:
        sets.union(a, b)
        best[(a, b)] = max(best.get((a, b), 0.0), score)
    clusters: list[Cluster] = []
    copied: dict[tuple[int, int], dict[int, tuple[str, str, float]]] = defaultdict(dict)
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), score in best.items():
        neighbours[a][b] = score
        neighbours[b][a] = score
    for k, part in enumerate(sorted(sets.to_sets(), key=min), 1):
        idx = sorted(part, key=lambda i: (sort_key(docs[rows[i][0]]), rows[i][1]))
        origin_doc = rows[idx[0]][0]
        origin_auth = auth_of[origin_doc]
        clusters.append(Cluster(k, [members[i] for i in idx], origin_doc))
        sources = [i for i in idx if rows[i][0] == origin_doc]
        for i in idx:
            doc = rows[i][0]
            if auth_of[doc] == origin_auth:
                continue  # the origin authority's own other versions: a series, not a copy
            # the source clause: the origin's clause most like this one (its direct neighbour if any)
            src = max(sources, key=lambda s: neighbours[i].get(s, 0.0))
            score = neighbours[i].get(src) or max(neighbours[i].values())
            prev = copied[(origin_doc, doc)].get(i)
            if prev is None or prev[2] < score:
                copied[(origin_doc, doc)][i] = (members[i].clause, members[src].clause, score)
    copies = []
    for (source, copier), by_row in copied.items():
        reused = sum(len(members[i].text) for i in by_row)
        share = min(1.0, reused / docs[copier].chars) if docs[copier].chars else 0.0
        copies.append(Copy(source, copier, share, sorted(by_row.values(), key=lambda c: c[0])))
    copies.sort(key=lambda c: (-c.share, c.copier, c.source))
    pairs = [(rows[a], rows[b], s) for (a, b), s in sorted(best.items())]
    return Reuse(docs, clusters, copies, pairs)
