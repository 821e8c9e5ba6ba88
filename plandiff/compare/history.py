"""A series of versions: ``history(plans) -> History`` follows each clause through the versions
(a blame for plans). Adjacent versions are aligned pairwise and the pairs chained into lineages;
a lineage keeps its id through renumbering, like the STOP ``wId`` that never changes."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from ..compiled import dataclass
from ..errors import InvalidArgument, require
from ..model import Alignment, Plan


@dataclass(frozen=True, slots=True)
class Step:
    """A lineage in one version: the clause there and how it got there from the previous version."""

    clause: str | None
    status: str
    """appeared, unchanged, modified, moved, split, merged, merged_into (ended inside another lineage's
    clause, which the two-plan alignment pairs it with), dropped, or absent."""
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
    order: tuple[str, ...] = ()
    """How the versions were put in order, one line a version ("lamdong-2: dated 2026-01-15"),
    and a last line when that order differs from the one given."""

    def name_of(self, lineage: Lineage) -> str:
        """A readable name: the clause's path and heading in the newest version holding it."""
        merged = ""
        for k in range(len(self.plans) - 1, -1, -1):
            cid = lineage.steps[k].clause
            if cid is not None and lineage.steps[k].status == "merged_into" and not merged:
                merged = f" → {cid}"  # named by what it was, with what it went into
                continue
            if cid is not None:
                clause = self.plans[k].find(cid)
                heading = clause.heading if clause is not None else ""
                short = heading if len(heading) <= 50 else heading[:50].rsplit(" ", 1)[0] + "…"
                return (f"{cid} {short}".strip() + (f" ({self.plans[k].name or f'v{k}'})" if k < len(self.plans) - 1 else "")
                        + merged)
        return lineage.id

    def lineage_of(self, version: int, clause_id: str) -> Lineage | None:
        for lin in self.lineages:
            if lin.steps[version].clause == clause_id:
                return lin
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "order": list(self.order),
            "versions": [{"name": p.name, **p.meta.to_dict()} for p in self.plans],
            "lineages": [{**lin.to_dict(), "name": self.name_of(lin)} for lin in self.lineages],
        }


def order_versions(plans: Sequence[Plan]) -> tuple[list[Plan], list[str]]:
    """The versions oldest first by what the documents say, and the evidence, one line each: the
    date (or the month and year printed when the day is blank), then a draft before the signed
    text, then "lần 1" before "lần 2"; versions that say nothing keep the order given."""
    def key(k: int, plan: Plan) -> tuple[object, ...]:
        m = plan.meta
        day = int(m.date[8:10]) if m.date else 0
        # a draft, then an unsigned text, then the signed one (a signer or a number)
        stage = 0 if m.draft else 2 if (m.signer or m.number) else 1
        # a month not printed is not January: a signed text of that year comes after its dated
        # drafts, a draft or unsigned text before them
        month = int(m.date[5:7]) if m.date else m.month or (13 if stage == 2 else 0)
        return (m.year or 9999, month, stage, m.version or 0, day, k)

    def evidence(plan: Plan) -> str:
        m = plan.meta
        parts = [f"dated {m.date}" if m.date else f"month {m.month:02d}/{m.year}" if m.year and m.month
                 else f"year {m.year}" if m.year else "undated"]
        if m.draft:
            parts.append(f"a draft ({m.draft_mark}, {m.draft_where})")
        elif m.number or m.signer:
            parts.append("signed" + (f", number {m.number}" if m.number else f" by {m.signer}"))
        else:
            parts.append("not signed")
        if m.version:
            parts.append(f"version {m.version}")
        return f"{plan.name or '?'}: " + ", ".join(parts)

    ranked = sorted(range(len(plans)), key=lambda k: key(k, plans[k]))
    ordered = [plans[k] for k in ranked]
    lines = [evidence(p) for p in ordered]
    if ranked != list(range(len(plans))):
        lines.append("reordered: the versions were given as " + ", ".join(p.name or "?" for p in plans))
    return ordered, lines


def history(plans: Sequence[Plan], *, reorder: bool = True) -> History:
    """Chain the alignments of consecutive versions, oldest first: with ``reorder`` the versions
    are put in the order the documents give (``order_versions``), and ``History.order`` says why."""
    if isinstance(plans, (str, bytes)) or not hasattr(plans, "__len__"):
        raise InvalidArgument(f"history() takes a list of plans, not {type(plans).__name__}")
    if len(plans) < 2:
        raise InvalidArgument("a history needs at least two versions")
    for k, plan in enumerate(plans):
        require(plan, Plan, f"history(plans)[{k}]")
    order: list[str] = []
    if reorder:
        plans, order = order_versions(plans)
    from .aligner import align  # on use: rapidfuzz and the aligner's patterns are not part of `import plandiff`

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
        split_from: set[str] = set()
        for bid, (score, lid, kind) in best.items():
            if lid in continued:
                split_from.add(bid)  # a split: the first part continues, the others start their own lineage
                continue
            continued.add(lid)
            status = kind if kind != "unchanged" else "unchanged"
            rows[lid].append(Step(bid, status, round(score, 3)))
            nxt[bid] = lid
        # a clause merged into one that continues another lineage ends there, merged (as the
        # two-plan alignment says), not dropped
        merged_into: dict[str, tuple[str, float]] = {}
        for p in al.pairs:
            lid = current.get(p.a)
            if lid is not None and lid not in continued and lid not in merged_into:
                merged_into[lid] = (p.b, p.score)
        for lid, steps in rows.items():
            if len(steps) < v + 1:
                prev = steps[-1]
                if lid in merged_into:
                    bid, score = merged_into[lid]
                    steps.append(Step(bid, "merged_into", round(score, 3)))
                else:
                    steps.append(Step(None, "dropped" if prev.clause is not None else "absent"))
        for c in plans[v].walk():
            if c.id not in nxt:
                lid = f"v{v}:{c.id}"
                rows[lid] = [Step(None, "absent")] * v + [Step(c.id, "split" if c.id in split_from else "appeared")]
                nxt[c.id] = lid
        current = nxt
    lineages = [Lineage(lid, tuple(steps)) for lid, steps in rows.items() if len(steps) == n]
    return History(tuple(plans), alignments, tuple(_reading_order(lineages, plans)), tuple(order))


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
