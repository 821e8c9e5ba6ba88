"""Version series: the documents one authority (or its successor after a reorganisation) issued
on one subject across years, found from the title with years and place names masked and, where
titles drift, from the similarity of the texts."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from networkx.utils import UnionFind

from ..compiled import dataclass, regex
from ..jurisdictions import LEVELS_RE, canonical
from ..model import Jurisdiction
from ..textnorm import match_key, words
from .store import Document, Store

_LEVEL = r"(?:" + LEVELS_RE + r")"
_PLACE = regex(r"(?:\s*(?:trên địa bàn|tại|của))?\s*\b(?:Tỉnh|tỉnh|Thành phố|thành phố|Huyện|huyện|Quận|quận|Thị xã|thị xã|Xã|xã|"
                    r"Phường|phường|Thị trấn|thị trấn|Đặc khu|đặc khu)\s+(?P<first>\w)")
"""A level word before a capitalised name is a place ("trên địa bàn tỉnh Thừa Thiên Huế"); "kinh tế
số và xã hội" is no place."""
_YEARS = regex(r"\b(?:19|20)\d\d\b(?:\s*[-–]\s*\b(?:19|20)\d\d\b)?")
_DIGITS = regex(r"\d+")
LEVEL_RANK = {"trung ương": 0, "tỉnh": 1, "thành phố": 1, "huyện": 2, "quận": 2, "thị xã": 2, "xã": 3, "phường": 3,
              "thị trấn": 3, "đặc khu": 3}
"""The higher authority first when two documents of a reuse cluster have the same date."""

TITLE_SAME = 90
"""Masked titles this similar (rapidfuzz token sort ratio) are one subject."""
TITLE_NEAR = 60
CONTENT_SAME = 0.6
"""Titles between ``TITLE_NEAR`` and ``TITLE_SAME`` are one subject when the texts are this similar
(cosine of word counts): a title reworded from one year to the next."""


def authority_key(doc: Document) -> str:
    """The issuing body with its place, the same for a jurisdiction and its successor:
    "huế|ủy ban nhân dân" for both the province of Thừa Thiên Huế and the city of Huế."""
    body = match_key(doc.issuer or "")
    place = ""
    if doc.jurisdiction:
        place = canonical(Jurisdiction(doc.jurisdiction, doc.level or "")) or ""
        body = body.replace(match_key(doc.jurisdiction), " ")
        body = re.sub(r"\s+" + _LEVEL + r"\s*$", "", " ".join(body.split()))
    if not body and not place:
        return f"file:{doc.path}"
    return f"{place}|{' '.join(body.split())}"


def subject_key(doc: Document) -> str:
    """The title without its years, numbers and place: "thực hiện công tác bình đẳng giới năm #"."""
    title = doc.title or ""
    for m in _PLACE.finditer(title):
        if m.group("first").isupper():
            title = title[:m.start()]  # the place and what follows it
            break
    title = match_key(title)
    if doc.jurisdiction:
        title = title.replace(match_key(doc.jurisdiction), " ")
    title = _YEARS.sub("#", title)
    return " ".join(_DIGITS.sub("#", title).split())


def authorities(docs: list[Document]) -> dict[int, str]:
    """``authority_key`` of each document; one that does not name its issuing body (a Markdown copy
    without the header) belongs with the body that issues its place's other documents."""
    keys = {d.id: authority_key(d) for d in docs}
    bodies: dict[str, Counter[str]] = {}
    for key in keys.values():
        place, _, body = key.partition("|")
        if body:
            bodies.setdefault(place, Counter())[key] += 1
    for doc, key in keys.items():
        if key.endswith("|") and key[:-1] in bodies:
            keys[doc] = bodies[key[:-1]].most_common(1)[0][0]
    return keys


def sort_key(doc: Document) -> tuple[str, int, int, int]:
    """Date order: the printed date, else the year (at its end); drafts before the signed text."""
    date = doc.date or (f"{doc.year:04d}-12-31" if doc.year else "9999")
    return date, 0 if doc.draft else 1, LEVEL_RANK.get((doc.level or "").lower(), 4), doc.id


@dataclass(frozen=True, slots=True)
class Series:
    id: str
    authority: str
    subject: str
    documents: tuple[Document, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "authority": self.authority, "subject": self.subject,
                "documents": [{k: d.to_dict()[k] for k in ("id", "path", "version", "number", "date", "year", "title",
                                                           "issuer", "draft")} for d in self.documents]}


def series(store: Store, *, include_single: bool = False) -> list[Series]:
    """Every series of the store's current documents (of two documents or more unless
    ``include_single``), by authority then subject."""
    docs = store.documents()
    return group(docs, lambda d: _word_counts(store, d.id), include_single=include_single)


def group(docs: list[Document], counts: Callable[[Document], Counter[str]], *, include_single: bool = False) -> list[Series]:
    from rapidfuzz import fuzz

    keys = authorities(docs)
    by_authority: dict[str, list[Document]] = {}
    for d in docs:
        by_authority.setdefault(keys[d.id], []).append(d)
    out: list[Series] = []
    for authority in sorted(by_authority):
        members = by_authority[authority]
        sets = UnionFind(range(len(members)))
        subjects = [subject_key(d) for d in members]
        vectors: dict[int, Counter[str]] = {}
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if sets[i] == sets[j]:
                    continue
                score = fuzz.token_sort_ratio(subjects[i], subjects[j])
                same = score >= TITLE_SAME
                if not same and score >= TITLE_NEAR:
                    a = vectors.setdefault(i, counts(members[i]))
                    b = vectors.setdefault(j, counts(members[j]))
                    same = _cosine(a, b) >= CONTENT_SAME
                if same:
                    sets.union(i, j)
        for part in sets.to_sets():
            g = sorted((members[i] for i in part), key=sort_key)
            if len(g) > 1 or include_single:
                out.append(Series("", authority, subject_key(g[-1]), tuple(g)))
    out.sort(key=lambda s: (s.authority, s.subject, s.documents[0].id))
    # named by the series' first-added document: adding other documents keeps the name
    return [Series(f"S{min(d.id for d in s.documents)}", s.authority, s.subject, s.documents) for s in out]


def _word_counts(store: Store, doc: int) -> Counter[str]:
    return Counter(w for _, _, text in store.clauses(doc) for w in words(text))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0
