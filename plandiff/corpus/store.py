"""The corpus store: one SQLite file (the standard library's driver, no server).

Every file added is a ``documents`` row with its content hash; a changed file becomes a new
version of the same path (the old one kept, no longer current). The schema is versioned with
``PRAGMA user_version`` and migrated forward step by step when an older store is opened.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..compiled import dataclass
from ..errors import PlanError
from ..model import Plan
from .record import Failure, Record, load_plan

INDEX_VERSION = 9
"""What an indexed row holds; rows indexed by an older plandiff are indexed again when their file
is next added, even if it did not change (3: a citation found by two passes stored once, tables
printed in clauses and their tasks, groups of bodies as one partner; 4: task cards, symbols
wrapped after a hyphen, a draft's title and blank date; 5: MinHash signatures in one fixed scheme,
``minhash`` — before, whichever scheme the installed datasketch defaulted to, which 2.0 changed;
6: a Word file's or a PDF's table inside a clause kept as the clause's table, its rows tasks;
7: a table task's own number and place, a cell's names one a line a lead and its partners; 8:
tables one cell a line, a plan's number from the decision that issued it, a Party committee's
duties, "Ủy ban nhân dân cấp xã" a lower committee; 9: rows of cells joined by " | ", a table's
empty cells kept in their columns, a schedule after the last section an appendix, its time
column's months, a ministry's and the Party's bodies by their items, a point naming its own
body, "Phần mở đầu" a part, page marks and running lines of a text in pages)."""

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, clauses, citations, failures
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY, path TEXT NOT NULL, version INTEGER NOT NULL, current INTEGER NOT NULL,
        sha256 TEXT NOT NULL, size INTEGER NOT NULL, added TEXT NOT NULL, name TEXT, pid TEXT NOT NULL,
        number TEXT, doc_type TEXT, title TEXT, issuer TEXT, jurisdiction TEXT, level TEXT, place TEXT,
        date TEXT, year INTEGER, draft INTEGER NOT NULL DEFAULT 0, chars INTEGER NOT NULL DEFAULT 0,
        node TEXT NOT NULL, plan BLOB NOT NULL, UNIQUE (path, version));
    CREATE INDEX documents_current ON documents (current, path);
    CREATE TABLE clauses (
        doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        id TEXT NOT NULL, parent TEXT, label TEXT, kind TEXT, text TEXT NOT NULL, start INTEGER, end INTEGER,
        PRIMARY KEY (doc, seq));
    CREATE TABLE citations (
        doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        instrument TEXT NOT NULL, symbol TEXT, type TEXT, role TEXT, clause TEXT, data TEXT NOT NULL,
        PRIMARY KEY (doc, seq));
    CREATE INDEX citations_instrument ON citations (instrument);
    CREATE TABLE failures (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
    """,
    # 2: the names a plan defines, its tasks and clause MinHashes (text reuse); warnings kept;
    # rows of version 1 are re-indexed on the next add
    """
    ALTER TABLE documents ADD COLUMN parent_issuer TEXT;
    ALTER TABLE documents ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE documents ADD COLUMN indexed INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE names (
        doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, name TEXT NOT NULL,
        instrument TEXT NOT NULL, PRIMARY KEY (doc, name));
    CREATE TABLE tasks (
        doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        agency_key TEXT, deadline TEXT, data TEXT NOT NULL, PRIMARY KEY (doc, seq));
    CREATE INDEX tasks_agency ON tasks (agency_key);
    CREATE TABLE signatures (
        doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        minhash BLOB NOT NULL, PRIMARY KEY (doc, seq));
    """,
    # 3: the text as names are looked for in it (compressed), so that the corpus graph need not
    # open every plan; rows without it are read from their plan when the graph is built
    """
    ALTER TABLE documents ADD COLUMN text_key BLOB;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(PlanError):
    """The store cannot be used: not a plandiff store, from a newer plandiff, or damaged."""


@dataclass(frozen=True, slots=True)
class Document:
    """A document row: what ``corpus ls`` and ``corpus show`` print."""

    id: int
    path: str
    version: int
    current: bool
    sha256: str
    added: str
    name: str
    pid: str
    number: str | None
    doc_type: str | None
    title: str | None
    issuer: str | None
    parent_issuer: str | None
    jurisdiction: str | None
    level: str | None
    place: str | None
    date: str | None
    year: int | None
    draft: bool
    chars: int

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


_DOC_COLUMNS = ("id, path, version, current, sha256, added, name, pid, number, doc_type, title, issuer, parent_issuer, "
                "jurisdiction, level, place, date, year, draft, chars")


def _document(row: tuple) -> Document:
    d = Document(*row)
    return Document(**{**d.to_dict(), "current": bool(d.current), "draft": bool(d.draft)})


def _columns(n: int) -> str:
    """The first ``n`` items of a ``json_each`` row's array, as columns."""
    return ", ".join(f"json_extract(value, '$[{k}]')" for k in range(n))


class Store:
    """A corpus in one SQLite file. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_file():
            raise StoreError(f"{path}: is a folder or a device, not a corpus file")
        if not create and not self.path.is_file():
            raise StoreError(f"{path}: no corpus here (create one with: plandiff corpus add DIR --db {path})")
        if not self.path.parent.is_dir():
            raise StoreError(f"{path}: the folder {self.path.parent} does not exist")
        try:
            self.db = sqlite3.connect(self.path, check_same_thread=False)  # written by one thread at a time
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            # in WAL mode a crash can lose the last commits, never corrupt the file: a commit per
            # partition of work stays cheap, and what was lost is indexed again by the next add
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a plandiff corpus ({exc})") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # schema -------------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        have = self.schema_version
        if have > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer plandiff (schema {have}, this one knows {SCHEMA_VERSION})")
        if have == 0 and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path}: an SQLite database, but not a plandiff corpus")
        for version in range(have, SCHEMA_VERSION):
            with self.db:
                self.db.executescript("BEGIN;" + MIGRATIONS[version] + f"; PRAGMA user_version = {version + 1};")

    # writing ------------------------------------------------------------------------------
    def known(self) -> dict[str, tuple[str, int]]:
        """Current documents by path: (content hash, index version)."""
        return {p: (h, i) for p, h, i in self.db.execute("SELECT path, sha256, indexed FROM documents WHERE current = 1")}

    def failed(self) -> dict[str, tuple[str, str]]:
        """Files that were not plans, by path: (content hash, reason)."""
        return {p: (h, r) for p, h, r in self.db.execute("SELECT path, sha256, reason FROM failures")}

    def new_ids(self, paths: list[str]) -> dict[str, int]:
        """Ids for documents about to be added, in the order of ``paths``."""
        top = self.db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
        return {p: top + k for k, p in enumerate(paths, 1)}

    def put(self, records: Iterable[Record | Failure], ids: dict[str, int] | None = None) -> list[tuple[str, str, int | None]]:
        """Write results in one transaction: (path, "added" | "updated" | "reindexed" | "failed", id).
        ``ids`` gives new documents their ids (``new_ids``); a re-indexed one keeps its own."""
        out: list[tuple[str, str, int | None]] = []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.db:
            for r in records:
                if isinstance(r, Failure):
                    self.db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)", (r.path, r.sha256, r.reason, now))
                    out.append((r.path, "failed", None))
                    continue
                self.db.execute("DELETE FROM failures WHERE path = ?", (r.path,))
                out.append((r.path, *self._put(r, now, (ids or {}).get(r.path))))
        return out

    def _put(self, r: Record, now: str, new_id: int | None) -> tuple[str, int]:
        db = self.db
        prev = db.execute("SELECT id, version, sha256 FROM documents WHERE path = ? AND current = 1", (r.path,)).fetchone()
        status, version = "added", 1
        if prev is not None:
            if prev[2] == r.sha256:  # indexed by an older plandiff: replaced in place, under its id
                db.execute("DELETE FROM documents WHERE id = ?", (prev[0],))
                status, version, new_id = "reindexed", prev[1], prev[0]
            else:
                db.execute("UPDATE documents SET current = 0 WHERE id = ?", (prev[0],))
                status, version = "updated", prev[1] + 1
        m = r.meta
        j = m.get("jurisdiction") or {}
        cur = db.execute(
            "INSERT INTO documents (id, path, version, current, sha256, size, added, name, pid, number, doc_type, title, issuer,"
            " parent_issuer, jurisdiction, level, place, date, year, draft, chars, node, plan, warnings, indexed, text_key)"
            " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id, r.path, version, r.sha256, r.size, now, r.name, r.pid, m.get("number"), m.get("doc_type"), m.get("title"),
             m.get("issuer"), m.get("parent_issuer"), j.get("name"), j.get("level"), m.get("place"), m.get("date"),
             m.get("year"), int(bool(m.get("draft"))), r.chars, r.node, r.plan, r.warnings,
             INDEX_VERSION, r.text_key))
        doc = int(cur.lastrowid or 0)
        db.execute("INSERT INTO clauses SELECT ?, " + _columns(8) + " FROM json_each(?)", (doc, r.clauses))
        db.execute("INSERT INTO citations SELECT ?, key, " + _columns(5) + ", json_extract(value, '$[5]') FROM json_each(?)",
                   (doc, r.citations))
        db.executemany("INSERT INTO names VALUES (?, ?, ?)", [(doc, n, i) for n, i in r.names.items()])
        db.execute("INSERT INTO tasks SELECT ?, key, " + _columns(2) + ", json_extract(value, '$[2]') FROM json_each(?)",
                   (doc, r.tasks))
        db.executemany("INSERT INTO signatures VALUES (?, ?, ?)", [(doc, s, h) for s, h in r.signatures])
        return status, doc

    def move(self, old: str, new: str) -> None:
        """Every version of ``old`` is now at ``new`` (its name, the stem, too)."""
        name = Path(new).stem
        with self.db:
            rows = list(self.db.execute("SELECT id, node, plan, pid, name FROM documents WHERE path = ?", (old,)))
            for doc, node, blob, pid, old_name in rows:
                if pid == f"plan:{old_name}":  # a plan without a number is known by its name
                    self.db.execute("UPDATE documents SET pid = ? WHERE id = ?", (f"plan:{name}", doc))
                data = json.loads(node)
                data.update(file=new, name=name, label=name)
                plan = json.loads(zlib.decompress(blob))
                plan["name"] = name
                self.db.execute("UPDATE documents SET path = ?, name = ?, node = ?, plan = ? WHERE id = ?",
                                (new, name, json.dumps(data, ensure_ascii=False),
                                 zlib.compress(json.dumps(plan, ensure_ascii=False).encode("utf-8"), 1), doc))

    def remove(self, ref: str) -> list[int]:
        """Remove a document (by id, or every version of a path); the ids removed."""
        ids = [row[0] for row in self.db.execute("SELECT id FROM documents WHERE path = ?", (ref,))]
        if not ids and ref.isdigit():
            path = self.db.execute("SELECT path FROM documents WHERE id = ?", (int(ref),)).fetchone()
            if path is not None:
                ids = [row[0] for row in self.db.execute("SELECT id FROM documents WHERE path = ?", (path[0],))]
        with self.db:
            self.db.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in ids])
            self.db.execute("DELETE FROM failures WHERE path = ?", (ref,))
        return ids

    # reading ------------------------------------------------------------------------------
    def documents(self, *, all_versions: bool = False) -> list[Document]:
        where = "" if all_versions else "WHERE current = 1"
        return [_document(r) for r in self.db.execute(f"SELECT {_DOC_COLUMNS} FROM documents {where} ORDER BY id")]

    def document(self, ref: str | int) -> Document:
        """A document by id ("12", "corpus:12") or by path (its current version)."""
        key = str(ref).removeprefix("corpus:")
        row = None
        if key.isdigit():
            row = self.db.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (int(key),)).fetchone()
        if row is None:
            row = self.db.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE path = ? AND current = 1", (key,)).fetchone()
        if row is None:
            raise StoreError(f"no document {ref!r} in {self.path}")
        return _document(row)

    def versions(self, path: str) -> list[Document]:
        return [_document(r) for r in self.db.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE path = ? ORDER BY version", (path,))]

    def plan(self, ref: str | int) -> Plan:
        doc = self.document(ref)
        blob = self.db.execute("SELECT plan FROM documents WHERE id = ?", (doc.id,)).fetchone()[0]
        return load_plan(blob)

    def citations(self, doc: int) -> list[dict[str, Any]]:
        return [json.loads(d) for (d,) in self.db.execute("SELECT data FROM citations WHERE doc = ? ORDER BY seq", (doc,))]

    def tasks(self, doc: int) -> list[dict[str, Any]]:
        return [json.loads(d) for (d,) in self.db.execute("SELECT data FROM tasks WHERE doc = ? ORDER BY seq", (doc,))]

    def task_rows(self, agency_key: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
        """The tasks of the current documents with their document's id, in document order: one
        body's only when ``agency_key`` is given (an indexed lookup)."""
        sql = "SELECT t.doc, t.data FROM tasks t JOIN documents d ON d.id = t.doc WHERE d.current = 1"
        args: tuple[str, ...] = ()
        if agency_key:
            sql += " AND t.agency_key = ?"
            args = (agency_key,)
        for doc, data in self.db.execute(sql + " ORDER BY t.doc, t.seq", args):
            yield doc, json.loads(data)

    def clauses(self, doc: int) -> list[tuple[int, str, str]]:
        """(seq, clause id, own text) in document order."""
        return list(self.db.execute("SELECT seq, id, text FROM clauses WHERE doc = ? ORDER BY seq", (doc,)))

    def graph_rows(self) -> Iterator[tuple[int, str, str, str, str, str]]:
        """Current documents as the citation graph needs them: (id, pid, node JSON, name, warnings JSON, path)."""
        yield from self.db.execute("SELECT id, pid, node, name, warnings, path FROM documents WHERE current = 1 ORDER BY id")

    def keyed_text(self, doc: int) -> str:
        """The document's text as names are looked for in it (``citations.names_key``)."""
        from ..cite.named import names_key

        blob = self.db.execute("SELECT text_key FROM documents WHERE id = ?", (doc,)).fetchone()[0]
        return zlib.decompress(blob).decode("utf-8") if blob is not None else names_key(self.plan(doc).source)

    def names(self) -> dict[int, dict[str, str]]:
        out: dict[int, dict[str, str]] = {}
        for doc, name, instrument in self.db.execute(
                "SELECT n.doc, n.name, n.instrument FROM names n JOIN documents d ON d.id = n.doc WHERE d.current = 1"):
            out.setdefault(doc, {})[name] = instrument
        return out

    def all_citations(self) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        """(doc, its citations) for every current document, one document at a time."""
        rows = self.db.execute(
            # in the primary key's order: no sort
            "SELECT doc, data FROM citations WHERE doc IN (SELECT id FROM documents WHERE current = 1) ORDER BY doc, seq")
        for doc, group in itertools.groupby(rows, key=lambda r: r[0]):
            yield doc, [json.loads(data) for _, data in group]

    def signatures(self) -> Iterator[tuple[int, int, bytes]]:
        """(doc, clause seq, MinHash) of current documents."""
        yield from self.db.execute(
            "SELECT s.doc, s.seq, s.minhash FROM signatures s JOIN documents d ON d.id = s.doc WHERE d.current = 1")

    def signatures_of(self, docs: Iterable[int]) -> tuple[list[tuple[int, int]], list[bytes]]:
        """The MinHashes of these documents' clauses: (doc, clause seq) rows and their signatures."""
        wanted = set(docs)
        rows: list[tuple[int, int]] = []
        sigs: list[bytes] = []
        for doc, seq, blob in self.signatures():
            if doc in wanted:
                rows.append((doc, seq))
                sigs.append(blob)
        return rows, sigs

    def clause_texts(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], tuple[str, str]]:
        """(doc, seq) → (clause id, text)."""
        out: dict[tuple[int, int], tuple[str, str]] = {}
        by_doc: dict[int, list[int]] = {}
        for doc, seq in keys:
            by_doc.setdefault(doc, []).append(seq)
        for doc, seqs in by_doc.items():
            wanted = set(seqs)
            for seq, cid, text in self.clauses(doc):
                if seq in wanted:
                    out[(doc, seq)] = (cid, text)
        return out
