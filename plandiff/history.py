"""A series of versions: ``history(plans) -> History`` follows each clause through the versions
(a blame for plans). Adjacent versions are aligned pairwise and the pairs chained into lineages;
a lineage keeps its id through renumbering, like the STOP ``wId`` that never changes."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .aligner import align
from .errors import InvalidArgument, require
from .model import Alignment, Plan


@dataclass(frozen=True, slots=True)
class Step:
    """A lineage in one version: the clause there and how it got there from the previous version."""

    clause: str | None
    status: str
    """appeared, unchanged, modified, moved, split, merged, dropped, or absent."""
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Lineage:
    id: str
    """"v0:II.1": the version and clause where the lineage first appears."""
    steps: tuple[Step, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "steps": [{"clause": s.clause, "status": s.status, "score": s.score} for s in self.steps]}


@dataclass(frozen=True, slots=True)
class History:
    plans: tuple[Plan, ...]
    alignments: tuple[Alignment, ...]
    lineages: tuple[Lineage, ...]

    def lineage_of(self, version: int, clause_id: str) -> Lineage | None:
        for lin in self.lineages:
            if lin.steps[version].clause == clause_id:
                return lin
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "versions": [{"name": p.name, **p.meta.to_dict()} for p in self.plans],
            "lineages": [lin.to_dict() for lin in self.lineages],
        }


def history(plans: Sequence[Plan]) -> History:
    """Chain the alignments of consecutive versions (given oldest first)."""
    if isinstance(plans, (str, bytes)) or not hasattr(plans, "__len__"):
        raise InvalidArgument(f"history() takes a list of plans, not {type(plans).__name__}")
    if len(plans) < 2:
        raise InvalidArgument("a history needs at least two versions")
    for k, plan in enumerate(plans):
        require(plan, Plan, f"history(plans)[{k}]")
    alignments = tuple(align(x, y) for x, y in itertools.pairwise(plans))
    n = len(plans)
    rows: dict[str, list[Step]] = {}
    current: dict[str, str] = {}  # clause id in the latest version seen → lineage id
    for c in plans[0].walk():
        lid = f"v0:{c.id}"
        rows[lid] = [Step(c.id, "appeared")]
        current[c.id] = lid
    for v, al in enumerate(alignments, start=1):
        nxt: dict[str, str] = {}
        best: dict[str, tuple[float, str, str]] = {}
        for p in al.pairs:
            found = current.get(p.a)
            if found is None:
                continue
            lid = found
            # a clause with several predecessors continues the best-scoring one
            if p.b not in best or p.score > best[p.b][0]:
                best[p.b] = (p.score, lid, p.kind)
        continued: set[str] = set()
        for bid, (score, lid, kind) in best.items():
            if lid in continued:
                continue  # a split: the first part continues, the others start their own lineage
            continued.add(lid)
            status = kind if kind != "unchanged" else "unchanged"
            rows[lid].append(Step(bid, status, round(score, 3)))
            nxt[bid] = lid
        for steps in rows.values():
            if len(steps) < v + 1:
                prev = steps[-1]
                steps.append(Step(None, "dropped" if prev.clause is not None else "absent"))
        for c in plans[v].walk():
            if c.id not in nxt:
                lid = f"v{v}:{c.id}"
                rows[lid] = [Step(None, "absent")] * v + [Step(c.id, "appeared")]
                nxt[c.id] = lid
        current = nxt
    lineages = [Lineage(lid, tuple(steps)) for lid, steps in rows.items() if len(steps) == n]
    return History(tuple(plans), alignments, tuple(_reading_order(lineages, plans)))


def _reading_order(lineages: list[Lineage], plans: Sequence[Plan]) -> list[Lineage]:
    """The newest version's order; a lineage gone from it stands after the one that preceded it
    in the last version that had it."""
    order: list[Lineage] = []
    placed: set[str] = set()
    for v in range(len(plans) - 1, -1, -1):
        position = {c.id: k for k, c in enumerate(plans[v].walk())}
        present = sorted((lin for lin in lineages if lin.steps[v].clause is not None),
                         key=lambda lin: position[lin.steps[v].clause or ""])
        previous: str | None = None
        for lin in present:
            if lin.id not in placed:
                at = next((k + 1 for k, x in enumerate(order) if x.id == previous), 0) if previous else 0
                order.insert(at, lin)
                placed.add(lin.id)
            previous = lin.id
    return order
