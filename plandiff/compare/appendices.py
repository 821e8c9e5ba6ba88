"""Appendices compared: each PHỤ LỤC paired with its counterpart, its rows paired across versions.

Why: an appendix's task table is often the part of a plan that changes most from year to year
(tasks added, deadlines moved, a lead agency changed), and the clause alignment does not hold it.
A reader pairs the appendices by their label ("PHỤ LỤC I" with "PHỤ LỤC I"), else by their
titles, and then the rows: a row whose words are the same is kept, one reworded is modified
(its best counterpart in the stretch between two kept rows, if alike enough), one whose words
stand elsewhere in the other table moved, the rest are added or removed. Each table's header row is its columns' names, not a row of the plan; an appendix's
clauses (numbered lines outside its tables) are rows of one cell.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from ..compiled import dataclass
from ..model import Appendix, Plan
from ..textnorm import match_key

ALIKE = 60.0
"""rapidfuzz ``token_sort_ratio`` from which a reworded row is the same row modified (not the set
ratio: a short row's words all in a long one make no pair)."""
TITLES_ALIKE = 70.0
"""``token_set_ratio`` of two appendices' titles from which they are one appendix (no label)."""
MAX_FUZZY = 400
"""Rows of a stretch beyond which its rows are not paired by their words (bounded work)."""


@dataclass(frozen=True, slots=True)
class RowChange:
    """One row of an appendix across the two plans: "unchanged", "modified", "moved" (the same
    words elsewhere in the table), "added" (only in B) or "removed" (only in A), with its cells
    on each side."""

    kind: str
    a: tuple[str, ...] | None
    b: tuple[str, ...] | None
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "a": list(self.a) if self.a is not None else None,
                "b": list(self.b) if self.b is not None else None, "score": round(self.score, 3)}


@dataclass(frozen=True, slots=True)
class AppendixComparison:
    """An appendix of A and its counterpart in B (either None: only in the other plan), each named
    by its label and title, and its rows compared."""

    a: str | None
    b: str | None
    rows: tuple[RowChange, ...]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(("unchanged", "modified", "moved", "added", "removed"), 0)
        for r in self.rows:
            out[r.kind] += 1
        return out

    def changed(self) -> bool:
        return self.a is None or self.b is None or any(r.kind != "unchanged" for r in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "counts": self.counts(), "rows": [r.to_dict() for r in self.rows]}


def changed_rows(comparisons: list[AppendixComparison]) -> int:
    """How many rows the appendices changed (an appendix in one plan only counts one at least)."""
    return sum(max(1 if c.a is None or c.b is None else 0, sum(r.kind != "unchanged" for r in c.rows))
               for c in comparisons)


def compare_appendices(a: Plan, b: Plan) -> list[AppendixComparison]:
    """Every appendix of A and of B, paired, with its rows compared (A's order, B's unpaired
    appendices after)."""
    return [AppendixComparison(appendix_name(x) if x else None, appendix_name(y) if y else None,
                               _rows(appendix_rows(x) if x else [], appendix_rows(y) if y else []))
            for x, y in paired_appendices(a.appendices, b.appendices)]


def appendix_name(app: Appendix) -> str:
    """An appendix as a reader names it: its label and title."""
    return " — ".join(x for x in (app.label, app.title) if x) or "PHỤ LỤC"


def paired_appendices(xs: tuple[Appendix, ...], ys: tuple[Appendix, ...]) -> list[tuple[Appendix | None, Appendix | None]]:
    """Appendices paired by label, then by title, then (one each side left) as the only ones; A's
    order, B's unpaired ones after."""
    from rapidfuzz import fuzz

    left, right = list(xs), list(ys)
    pairs: list[tuple[Appendix | None, Appendix | None]] = []
    for x in list(left):
        by_label = [y for y in right if x.label and y.label and match_key(x.label) == match_key(y.label)]
        by_title = [y for y in right if x.title and y.title
                    and fuzz.token_set_ratio(match_key(x.title), match_key(y.title)) >= TITLES_ALIKE]
        match = (by_label or by_title or [None])[0]
        if match is not None:
            pairs.append((x, match))
            left.remove(x)
            right.remove(match)
    if len(left) == 1 and len(right) == 1:
        pairs.append((left.pop(), right.pop()))
    order = {id(x): k for k, x in enumerate(xs)}
    pairs.sort(key=lambda p: order[id(p[0])] if p[0] is not None else len(xs))
    pairs += [(x, None) for x in left]
    pairs += [(None, y) for y in right]
    return pairs


def appendix_rows(app: Appendix) -> list[tuple[str, ...]]:
    """An appendix's rows: its tables' rows after each header row, then its clauses as rows of one cell."""
    rows = [tuple(row) for table in app.tables for row in table.rows[1:] if any(cell.strip() for cell in row)]
    for clause in app.clauses:
        rows.extend((" ".join(f"{c.label} {c.text}".split()),) for c in clause.walk())
    return rows


def _key(row: tuple[str, ...]) -> str:
    return " ".join(match_key(" ".join(row)).split())


def _rows(xs: list[tuple[str, ...]], ys: list[tuple[str, ...]]) -> tuple[RowChange, ...]:
    keys_x, keys_y = [_key(r) for r in xs], [_key(r) for r in ys]
    out: list[RowChange] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_x, keys_y, autojunk=False).get_opcodes():
        if op == "equal":
            out += [RowChange("unchanged", xs[i], ys[j1 + k]) for k, i in enumerate(range(i1, i2))]
        else:
            out += _stretch(xs[i1:i2], ys[j1:j2], keys_x[i1:i2], keys_y[j1:j2])
    return tuple(_moved(out))


def _moved(rows: list[RowChange]) -> list[RowChange]:
    """A row removed in one place and added, word for word, in another is the same row moved
    (shown where B has it)."""
    removed: dict[str, list[int]] = {}
    for k, r in enumerate(rows):
        if r.kind == "removed" and r.a is not None:
            removed.setdefault(_key(r.a), []).append(k)
    if not removed:
        return rows
    gone: set[int] = set()
    out = list(rows)
    for k, r in enumerate(rows):
        if r.kind == "added" and r.b is not None and removed.get(_key(r.b)):
            at = removed[_key(r.b)].pop(0)
            gone.add(at)
            out[k] = RowChange("moved", rows[at].a, r.b)
    return [r for k, r in enumerate(out) if k not in gone]


def _stretch(xs: list[tuple[str, ...]], ys: list[tuple[str, ...]], kx: list[str], ky: list[str]) -> list[RowChange]:
    """The rows between two kept ones: each of A's with its most alike of B's (in B's order),
    alike enough; the rest added or removed where they stand."""
    partner: dict[int, tuple[int, float]] = {}
    if xs and ys and len(xs) * len(ys) <= MAX_FUZZY * MAX_FUZZY // 4:
        from rapidfuzz import fuzz

        scored = sorted(((fuzz.token_sort_ratio(kx[i], ky[j]), i, j) for i in range(len(xs)) for j in range(len(ys))),
                        reverse=True)
        taken_y: set[int] = set()
        for score, i, j in scored:
            if score < ALIKE:
                break
            if i not in partner and j not in taken_y:
                partner[i] = (j, score)
                taken_y.add(j)
    out: list[RowChange] = []
    by_y = {j: (i, s) for i, (j, s) in partner.items()}
    done_x: set[int] = set()
    for j, row in enumerate(ys):
        if j in by_y:
            i, score = by_y[j]
            # A's rows before this one that have no partner are removed here, in A's order
            out += [RowChange("removed", xs[k], None) for k in range(len(xs)) if k < i and k not in partner and k not in done_x]
            done_x.update(k for k in range(i) if k not in partner)
            out.append(RowChange("modified", xs[i], row, score / 100))
            done_x.add(i)
        else:
            out.append(RowChange("added", None, row))
    out += [RowChange("removed", xs[k], None) for k in range(len(xs)) if k not in partner and k not in done_x]
    return out
