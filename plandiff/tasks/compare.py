"""Duties compared between two plans, on top of their clause alignment: per agency, tasks added,
removed, changed, kept, and moved to another agency — through a 2025 successor or by the text —
with deadline changes and agencies new, renamed, succeeded or gone."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import field
from typing import Any

from rapidfuzz import fuzz, process

from .. import agencies
from ..compare.aligner import align
from ..compiled import dataclass
from ..errors import require
from ..model import Alignment, Plan, Task
from ..textnorm import match_key
from .extract import tasks as extract_tasks

SAME_TASK = 0.6
"""Similarity above which two unaligned tasks (appendix table rows) are the same duty."""


@dataclass
class TaskComparison:
    a: list[Task]
    b: list[Task]
    pairs: list[tuple[int, int, str]] = field(default_factory=list)
    """(index in a, index in b, status): "kept", "changed" or "moved"."""
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)

    def ident(self, t: Task) -> str:
        return t.agency_key or f"name:{match_key(t.agency)}"

    def to_dict(self) -> dict[str, Any]:
        rows = self._agencies()
        moved = []
        deadlines = []
        for i, j, status in self.pairs:
            x, y = self.a[i], self.b[j]
            if status == "moved":
                via = "succession" if y.agency_key and y.agency_key in agencies.successors(x.agency_key) else "text"
                moved.append({"a": x.place, "b": y.place,
                              "from": x.agency, "to": y.agency, "via": via})
            was, now = x.deadline or x.period, y.deadline or y.period
            if (was or now) and was != now:
                deadlines.append({"a": x.place, "b": y.place,
                                  "agency": y.agency, "from": was, "to": now})
        return {"agencies": rows, "moved": moved, "deadlines": deadlines,
                "tasks": [{"a": self.a[i].to_dict(), "b": self.b[j].to_dict(), "status": s} for i, j, s in self.pairs]
                + [{"a": self.a[i].to_dict(), "b": None, "status": "removed"} for i in self.removed]
                + [{"a": None, "b": self.b[j].to_dict(), "status": "added"} for j in self.added]}

    def _agencies(self) -> list[dict[str, Any]]:
        names_a: dict[str, str] = {}
        names_b: dict[str, str] = {}
        for t in self.a:
            names_a.setdefault(self.ident(t), t.agency)
        for t in self.b:
            names_b.setdefault(self.ident(t), t.agency)
        counts: dict[tuple[str, str], dict[str, int]] = defaultdict(
            lambda: {"added": 0, "removed": 0, "changed": 0, "kept": 0, "moved_in": 0, "moved_out": 0})
        for i, j, status in self.pairs:
            ka, kb = self.ident(self.a[i]), self.ident(self.b[j])
            if status == "moved":
                counts[("a", ka)]["moved_out"] += 1
                counts[("b", kb)]["moved_in"] += 1
            else:
                counts[("a", ka)][status] += 1
        for i in self.removed:
            counts[("a", self.ident(self.a[i]))]["removed"] += 1
        for j in self.added:
            counts[("b", self.ident(self.b[j]))]["added"] += 1
        rows: list[dict[str, Any]] = []
        covered_b: set[str] = set()
        for key, name in names_a.items():
            if key in names_b:
                other = names_b[key]
                relation = "same" if match_key(other) == match_key(name) else "renamed"
                merged = _merge(counts[("a", key)], counts[("b", key)])
                rows.append({"a": name, "b": other, "relation": relation, "counts": merged})
                covered_b.add(key)
                continue
            succ = [k for k in agencies.successors(key) if k in names_b]
            if succ:
                rows.append({"a": name, "b": names_b[succ[0]], "relation": "succeeded", "counts": dict(counts[("a", key)])})
            else:
                rows.append({"a": name, "b": None, "relation": "removed", "counts": dict(counts[("a", key)])})
        for key, name in names_b.items():
            if key not in covered_b:
                rows.append({"a": None, "b": name, "relation": "added", "counts": dict(counts[("b", key)])})
        return rows


def _merge(x: dict[str, int], y: dict[str, int]) -> dict[str, int]:
    return {k: x.get(k, 0) + y.get(k, 0) for k in x}


def compare_tasks(a: Plan, b: Plan, alignment: Alignment | None = None, *,
                  extracted: tuple[list[Task], list[Task]] | None = None) -> TaskComparison:
    """Pair the duties of ``a`` and ``b``: through the clause alignment where tasks come from
    clauses, by their words where they come from tables. ``extracted``: the two plans' ``tasks``
    when they were already worked out (``plandiff diff`` extracts them while it aligns)."""
    require(a, Plan, "compare_tasks(a, …)")
    require(b, Plan, "compare_tasks(…, b)")
    al = alignment if alignment is not None else align(a, b)
    ta, tb = (list(extracted[0]), list(extracted[1])) if extracted is not None else (extract_tasks(a), extract_tasks(b))
    result = TaskComparison(ta, tb)
    partners: dict[str, set[str]] = defaultdict(set)
    for p in al.pairs:
        partners[p.a].add(p.b)
    by_clause_b: dict[str, list[int]] = defaultdict(list)
    for j, t in enumerate(tb):
        if t.clause:
            by_clause_b[t.clause].append(j)
    ka, kb = [match_key(t.text) for t in ta], [match_key(t.text) for t in tb]  # once, not per comparison
    used: set[int] = set()
    unmatched_a: list[int] = []
    for i, t in enumerate(ta):
        candidates = [j for c in partners.get(t.clause or "", ()) for j in by_clause_b.get(c, ()) if j not in used]
        if not candidates:
            unmatched_a.append(i)
            continue
        j = max(candidates, key=lambda j: fuzz.ratio(ka[i], kb[j]))
        used.add(j)
        result.pairs.append((i, j, _status(t, tb[j], result)))
    # tasks that came from tables (or whose clause found no partner): by their words
    free_b = {j: kb[j] for j in range(len(tb)) if j not in used}  # a task taken leaves it
    for i in unmatched_a:
        t = ta[i]
        # every free task of b scored in C (the same ratios as one call each); the best, ties to the later
        scored = process.extract(ka[i], free_b, scorer=fuzz.ratio, limit=None)
        best = max(((score / 100, j) for _, score, j in scored), default=None)
        if best is not None and best[0] >= SAME_TASK:
            del free_b[best[1]]
            result.pairs.append((i, best[1], _status(t, tb[best[1]], result)))
        else:
            result.removed.append(i)
    result.added = list(free_b)  # in order: the free tasks left
    result.pairs.sort()
    return result


def _status(x: Task, y: Task, cmp: TaskComparison) -> str:
    if cmp.ident(x) != cmp.ident(y):
        return "moved"
    return "kept" if match_key(x.text) == match_key(y.text) else "changed"
