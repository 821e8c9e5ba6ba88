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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import PlanError
from ..model import Clause, Plan
from ..textnorm import words

NUM_PERM = 64
"""MinHash permutations per clause: 14 bands of 4 rows find pairs from a Jaccard of about 0.5."""
SHINGLE = 3
"""Words per shingle: short enough that a changed word spoils few shingles."""
MIN_WORDS = 12
"""Clauses shorter than this (headings such as "Tổ chức thực hiện") are in every plan: not reuse."""


@dataclass(frozen=True, slots=True)
class ClauseRow:
    seq: int
    id: str
    parent: str | None
    label: str
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Record:
    """A plan indexed: its identity (path, content hash), the plan itself as compressed JSON, and
    the rows the store queries (clauses, citations, names it defines, tasks, clause MinHashes)."""

    path: str
    sha256: str
    size: int
    pid: str
    node: dict[str, Any]
    """The citation-graph node's attributes."""
    meta: dict[str, Any]
    name: str
    chars: int
    plan: bytes
    """zlib-compressed JSON: ``Plan.to_dict()`` with ``source``."""
    clauses: tuple[ClauseRow, ...]
    citations: tuple[dict[str, Any], ...]
    warnings: tuple[str, ...]
    names: dict[str, str]
    tasks: tuple[dict[str, Any], ...]
    signatures: tuple[tuple[int, bytes], ...]
    """(clause seq, MinHash values as little-endian uint32) for clauses of ``MIN_WORDS`` or more."""


@dataclass(frozen=True, slots=True)
class Failure:
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
    from ..parser import parse_file

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
    from ..citations import extract_learning
    from ..graph import plan_attributes, plan_id
    from ..tasks.extract import tasks

    cites, warnings, names = extract_learning(plan)
    rows = tuple(_clause_rows(plan))
    blob = zlib.compress(json.dumps({**plan.to_dict(), "source": plan.source}, ensure_ascii=False).encode("utf-8"), 6)
    return Record(
        path=path, sha256=sha256, size=size, pid=plan_id(plan), node=plan_attributes(plan, path),
        meta=plan.meta.to_dict(), name=plan.name or Path(path).stem, chars=sum(len(r.text) for r in rows), plan=blob,
        clauses=rows, citations=tuple(c.to_dict() for c in cites), warnings=tuple(warnings), names=names,
        tasks=tuple(t.to_dict() for t in tasks(plan)), signatures=tuple(signatures(rows)),
    )


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


def shingles(text: str) -> set[bytes]:
    w = words(text)
    return {" ".join(w[i:i + SHINGLE]).encode("utf-8") for i in range(max(1, len(w) - SHINGLE + 1))}


def signatures(rows: tuple[ClauseRow, ...] | list[ClauseRow]) -> list[tuple[int, bytes]]:
    """MinHash signatures (datasketch) of the clauses long enough to count as reuse."""
    from datasketch import MinHash

    long = [r for r in rows if len(r.text.split()) >= MIN_WORDS]
    if not long:
        return []
    hashes = MinHash.bulk([shingles(r.text) for r in long], num_perm=NUM_PERM)
    return [(r.seq, m.hashvalues.astype("<u4").tobytes()) for r, m in zip(long, hashes, strict=True)]


def load_plan(blob: bytes) -> Plan:
    from ..serial import plan_from_dict

    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    return plan_from_dict(data, source=data.pop("source", ""))
