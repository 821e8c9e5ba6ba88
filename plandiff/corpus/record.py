"""One input file indexed: what a worker computes and the store keeps.

``index_file`` is a pure function of a path (it reads the file, never changes it) that returns
plain data — a ``Record`` or, for a file that is not a plan, a ``Failure`` with its one-line
reason — so it runs the same in this process, in a process pool or on a Dask cluster.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import PlanError
from ..model import Clause, Plan
from ..textnorm import words_each

NUM_PERM = 64
"""MinHash permutations per clause: 14 bands of 4 rows find pairs from a Jaccard of about 0.5."""
SHINGLE = 3
"""Words per shingle: short enough that a changed word spoils few shingles."""
MIN_WORDS = 12
"""Clauses shorter than this (headings such as "Tổ chức thực hiện") are in every plan: not reuse."""


class ClauseRow(NamedTuple):
    """A clause as the store keeps it (a tuple: quick to send back from a worker)."""

    seq: int
    id: str
    parent: str | None
    label: str
    kind: str
    text: str
    start: int
    end: int


class Record(NamedTuple):
    """A plan indexed: its identity (path, content hash), the plan itself as compressed JSON, and
    the rows the store queries (clauses, citations, names it defines, tasks, clause MinHashes).
    Tuples all the way down: a batch of them crosses from a worker to the store's process in a
    third of the time frozen dataclasses take."""

    path: str
    sha256: str
    size: int
    pid: str
    node: str
    """The citation-graph node's attributes (JSON)."""
    meta: dict[str, Any]
    name: str
    chars: int
    plan: bytes
    """zlib-compressed JSON: ``Plan.to_dict()`` with ``source``."""
    clauses: str
    """The clauses as one JSON array of ``ClauseRow`` arrays. The rows of a table travel as one
    JSON text that SQLite itself unpacks (``json_each``): the one process writing the store
    handles a few strings per plan, not a Python object per row, and releases the GIL meanwhile."""
    citations: str
    """JSON array of [instrument, symbol, type, role, clause, the citation's dict]."""
    warnings: str
    """JSON list."""
    names: dict[str, str]
    tasks: str
    """JSON array of [agency key, deadline, the task's dict]."""
    signatures: tuple[tuple[int, bytes], ...]
    """(clause seq, MinHash values as little-endian uint32) for clauses of ``MIN_WORDS`` or more."""
    text_key: bytes
    """zlib-compressed ``named.names_key`` of the text: where the corpus graph looks for names
    other plans define."""


class Failure(NamedTuple):
    path: str
    sha256: str
    reason: str


def file_hash(path: str | os.PathLike[str]) -> tuple[str, int]:
    """The content hash and size of a file, read in blocks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def index_file(path: str) -> Record | Failure:
    """Parse and index one file. Any ``PlanError`` (not a plan, damaged, too large) is a
    ``Failure``; so is an unreadable file: one bad file never stops a corpus."""
    from ..parsing.parser import parse_file

    try:
        sha, size = file_hash(path)
    except OSError as exc:
        return Failure(path, "", exc.strerror or str(exc))
    try:
        plan = parse_file(path)
    except PlanError as exc:
        reason = str(exc).replace("\n", " ")
        return Failure(path, sha, reason.removeprefix(f"{path}: "))
    except (RecursionError, MemoryError) as exc:
        return Failure(path, sha, f"{type(exc).__name__}: the input is too large or nests too deeply")
    return index_plan(plan, path=path, sha256=sha, size=size)


def index_plan(plan: Plan, *, path: str, sha256: str = "", size: int = 0) -> Record:
    from ..cite.citations import extract_learning
    from ..cite.graph import plan_attributes, plan_id
    from ..cite.named import names_key
    from ..tasks.extract import tasks

    cites, warnings, names = extract_learning(plan)
    rows = tuple(_clause_rows(plan))
    blob = zlib.compress(json.dumps({**plan.to_dict(), "source": plan.source}, ensure_ascii=False).encode("utf-8"), 1)
    return Record(
        path=path, sha256=sha256, size=size, pid=plan_id(plan), node=_json(plan_attributes(plan, path)),
        meta=plan.meta.to_dict(), name=plan.name or Path(path).stem, chars=sum(len(r.text) for r in rows), plan=blob,
        clauses=_json(rows),
        citations=_json([(c.instrument, c.symbol, c.type, c.role, c.clause, c.to_dict()) for c in cites]),
        warnings=_json(list(warnings)), names=names,
        tasks=_json([(t.agency_key, t.deadline, t.to_dict()) for t in tasks(plan)]),
        signatures=tuple(signatures(rows)), text_key=zlib.compress(names_key(plan.source).encode("utf-8"), 1),
    )


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def warm_up() -> None:
    """Import the stages ``index_file`` runs."""
    from ..cite import citations  # noqa: F401
    from ..parsing import parser  # noqa: F401
    from ..tasks import extract  # noqa: F401
    from . import minhash  # noqa: F401


def _clause_rows(plan: Plan) -> list[ClauseRow]:
    out: list[ClauseRow] = []

    def visit(clause: Clause, parent: str | None) -> None:
        out.append(ClauseRow(len(out), clause.id, parent, clause.label, clause.kind, clause.text, clause.span.start,
                             clause.span.end))
        for child in clause.children:
            visit(child, clause.id)

    for clause in plan.clauses:
        visit(clause, None)
    return out


def _shingles(w: list[str]) -> set[bytes]:
    """The clause's runs of ``SHINGLE`` words, UTF-8 ("a b c"): each word encoded once."""
    if len(w) < SHINGLE:
        return {" ".join(w).encode("utf-8")}
    e = [x.encode("utf-8") for x in w]
    return set(map(b" ".join, zip(e, e[1:], e[2:], strict=False)))


def signatures(rows: tuple[ClauseRow, ...] | list[ClauseRow]) -> list[tuple[int, bytes]]:
    """MinHash signatures (datasketch's "affine32" values, ``minhash``) of the clauses long enough
    to count as reuse. Shingles are hashed with CRC-32 (in C, deterministic in every process; the
    permutations that follow do the mixing) rather than SHA-1, a third of the indexing time."""
    from .minhash import signature

    long = [r for r in rows if len(r.text.split()) >= MIN_WORDS]
    return [(r.seq, signature(map(zlib.crc32, _shingles(w)), NUM_PERM).astype("<u4").tobytes())
            for r, w in zip(long, words_each([r.text for r in long]), strict=True)]


def load_plan(blob: bytes) -> Plan:
    from ..serial import plan_from_dict

    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    return plan_from_dict(data, source=data.pop("source", ""))
