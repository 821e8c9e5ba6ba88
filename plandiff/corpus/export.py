"""The store's current documents out: JSON lines (one document a line, with its clauses, citations
and tasks), or Parquet where pyarrow is installed (the same records, typed columns)."""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterator
from typing import Any

from ..errors import MissingDependency
from .store import Store


def records(store: Store) -> Iterator[dict[str, Any]]:
    for doc in store.documents():
        yield {**doc.to_dict(),
               "clauses": [{"seq": s, "id": cid, "text": text} for s, cid, text in store.clauses(doc.id)],
               "citations": [{k: c.get(k) for k in ("instrument", "symbol", "type", "title", "role", "clause")}
                             for c in store.citations(doc.id)],
               "tasks": [{k: t.get(k) for k in ("agency", "agency_key", "kind", "deadline", "period", "clause", "text")}
                         for t in store.tasks(doc.id)]}


def to_jsonl(store: Store) -> Iterator[bytes]:
    """One line a document, produced as it is written (a whole country's corpus is never one string)."""
    for r in records(store):
        yield (json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8")


def to_parquet(store: Store) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency("Parquet needs pyarrow: pip install 'plandiff[parquet]' (or export .jsonl)") from None
    schema = _schema(pa)
    buffer = io.BytesIO()
    with pq.ParquetWriter(buffer, schema) as writer:  # a row group per 500 documents, built in turn
        rows = records(store)
        while batch := list(itertools.islice(rows, 500)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return buffer.getvalue()


def _schema(pa: Any) -> Any:
    s, i = pa.string(), pa.int64()
    return pa.schema([
        ("id", i), ("path", s), ("version", i), ("current", pa.bool_()), ("sha256", s), ("added", s), ("name", s),
        ("pid", s), ("number", s), ("doc_type", s), ("title", s), ("issuer", s), ("parent_issuer", s),
        ("jurisdiction", s), ("level", s), ("place", s), ("date", s), ("year", i), ("draft", pa.bool_()), ("chars", i),
        ("clauses", pa.list_(pa.struct([("seq", i), ("id", s), ("text", s)]))),
        ("citations", pa.list_(pa.struct([(k, s) for k in ("instrument", "symbol", "type", "title", "role", "clause")]))),
        ("tasks", pa.list_(pa.struct([(k, s) for k in ("agency", "agency_key", "kind", "deadline", "period", "clause",
                                                         "text")]))),
    ])
