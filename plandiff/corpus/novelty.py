"""What is new in a year, anywhere: the clauses of that year's documents that no document of an
earlier year holds (by the same LSH candidates and rapidfuzz check as text reuse, across years
instead of authorities). A clause carried over from last year, or copied from another
authority's earlier plan, is not new."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from ..compiled import dataclass
from .engine import Engine
from .reuse import matches
from .store import Document, Store


@dataclass
class NewClauses:
    year: int
    documents: dict[int, Document]
    new: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    """Document id → its new clauses (clause id, text), in document order."""
    checked: dict[int, int] = field(default_factory=dict)
    """Document id → how many of its clauses were long enough to compare."""
    earlier: int = 0
    """Documents of earlier years compared against."""

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "earlier_documents": self.earlier,
                "documents": [{"id": d, "path": self.documents[d].path, "title": self.documents[d].title,
                               "clauses_compared": self.checked[d], "new": len(self.new.get(d, [])),
                               "new_clauses": [{"clause": c, "text": t} for c, t in self.new.get(d, [])]}
                              for d in sorted(self.checked)]}


def new_clauses(store: Store, year: int, *, engine: Engine | None = None) -> NewClauses:
    """The clauses of ``year``'s documents found in no document of an earlier year. Documents
    without a year are left out on both sides."""
    docs = {d.id: d for d in store.documents() if d.year is not None and d.year <= year}
    result = NewClauses(year, docs, earlier=sum(1 for d in docs.values() if d.year < year))  # type: ignore[operator]
    rows, sigs = store.signatures_of(docs)
    this_year = [i for i, (doc, _) in enumerate(rows) if docs[doc].year == year]
    for i in this_year:
        result.checked[rows[i][0]] = result.checked.get(rows[i][0], 0) + 1
    verified, _ = matches(store, rows, sigs, [int(docs[d].year == year) for d, _ in rows], engine)
    found = {i for a, b, _ in verified for i in (a, b)}
    texts = store.clause_texts(rows[i] for i in this_year if i not in found)
    for i in this_year:
        if i not in found:
            doc, seq = rows[i]
            result.new.setdefault(doc, []).append(texts[(doc, seq)])
    for doc in docs:
        if docs[doc].year == year:
            result.checked.setdefault(doc, 0)
    return result
