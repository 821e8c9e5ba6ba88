"""Stage 1 — regions: the texts of a plan a citation is looked for in (its title, preamble,
clauses, articles, footnotes, appendices), and the plain objects the stages hand on: ``Found`` (a
citation found, with its context) and ``Subjects`` (where each numbered citation's subject runs)."""

from __future__ import annotations

import bisect
from dataclasses import field

from ..compiled import dataclass
from ..model import Clause, HeaderLine, Plan


@dataclass
class Region:
    """A text citations are looked for in: the clause (or "title", "preamble", a footnote's,
    an appendix row's) it belongs to, and where it stands in the plan's source."""

    text: str
    clause: str | None
    start: int
    end: int
    preamble: bool = False
    paragraph_starts: list[int] = field(default_factory=list)
    children: tuple[tuple[int, int], ...] = ()
    """The spans of a clause's children, inside its own span: its own text is around them (a
    closing paragraph after its dashes), never in them."""
    table: str | None = None
    """The table a row belongs to: its rows share the table's span, and are placed in turn."""
    row: int = 0


def _clause_region(c: Clause) -> Region:
    return Region(c.text, c.id, c.span.start, c.span.end,
                   children=tuple((k.span.start, k.span.end) for k in c.children))


def _title_regions(plan: Plan) -> tuple[Region | None, Region | None]:
    """The document's title, and the title of the plan a decision issues: what a plan carries out
    is often named there first ("KẾ HOẠCH Thực hiện Kết luận số 75-KL/TW …"), and at times only
    there. Each title's region spans its lines (the type's line and the title's after it). Only
    its numbered citations are read: a title in capitals would give the names of laws and
    programmes in capitals, which the preamble and body name as printed."""
    groups: list[list[HeaderLine]] = []
    for hl in plan.header:
        if hl.role == "doc_type" or (hl.role == "title" and not groups):
            groups.append([hl])
        elif hl.role == "title" and groups[-1][-1].role in ("doc_type", "title"):
            groups[-1].append(hl)
    out: list[Region | None] = []
    at = 0
    for title in (plan.meta.title, plan.attached.title if plan.attached is not None else None):
        # the lines it was read from: the next group, in order, whose text holds its first words
        # (a decision's title holds the plan's it issues: "BAN HÀNH KẾ HOẠCH TRIỂN KHAI …")
        opening = " ".join((title or "").split()[:6]).casefold()
        k = next((k for k in range(at, len(groups))
                  if opening in " ".join(" ".join(hl.text for hl in groups[k]).split()).casefold()), None) if title else None
        out.append(None if k is None else Region(title or "", "title", groups[k][0].span.start, groups[k][-1].span.end))
        at = at if k is None else k + 1
    return out[0], out[1]


def plan_regions(plan: Plan) -> list[Region]:
    own, issued = _title_regions(plan)
    # the preamble is looked for after the document's own title: the same words in both are two places
    out = [r for r in (own, issued) if r is not None]
    out.append(Region(plan.preamble, "preamble", own.end if own else 0, len(plan.source), preamble=True))
    if plan.attached is not None:  # a plain decision's articles are its clauses
        for top in plan.articles:
            out.extend(_clause_region(c) for c in top.walk())
    for c in plan.walk():
        out.append(_clause_region(c))
    for f in plan.footnotes:
        out.append(Region(f.text, f"footnote:{f.label}", f.span.start, f.span.end))
    for k, app in enumerate(plan.appendices, start=1):
        if app.text:
            out.append(Region(app.text, f"PL{k}", app.span.start, app.span.end))
        out.extend(_clause_region(c) for c in app.walk())
        for table in app.tables:
            for r, row in enumerate(table.rows, start=1):
                text = " | ".join(" ".join(cell.split()) for cell in row if cell.strip())
                out.append(Region(text, f"PL{k}.row{r}", table.span.start, table.span.end,
                                   table=f"PL{k}.{id(table)}", row=r))
    return out


@dataclass
class Found:
    """A citation found in a region (``start``/``end`` in its text), with what its context says of
    it; the resolve stage completes it (short mentions, type conflicts) before it is a Citation."""

    start: int
    end: int
    symbol: str | None
    type: str | None
    number: str | None
    year: int | None
    date: str | None
    issuer: str | None
    title: str | None
    region: Region
    raw: str
    subject_end: int = 0
    named: bool = False
    authority: str | None = None
    warnings: list[str] = field(default_factory=list)


class Subjects:
    """Where each citation's subject runs ("… về thực hiện Chiến lược …"), per region, so that
    "which citation's subject holds this position" costs a bisection, not a pass over all
    citations (a paragraph may cite thousands)."""

    NEAR = 64
    """Citations before a position looked at one by one; beyond them, the longest subject."""

    def __init__(self, found: list[Found]) -> None:
        self.by_region: dict[int, list[Found]] = {}
        for f in found:
            self.by_region.setdefault(id(f.region), []).append(f)
        self.starts: dict[int, list[int]] = {}
        self.reach: dict[int, list[tuple[int, int]]] = {}  # prefix max of (subject_end, index)
        self.symbol_starts: dict[int, list[int]] = {}
        for key, items in self.by_region.items():
            items.sort(key=lambda g: g.start)
            self.starts[key] = [g.start for g in items]
            best = (-1, -1)
            reach = []
            for k, g in enumerate(items):
                if g.subject_end > best[0]:
                    best = (g.subject_end, k)
                reach.append(best)
            self.reach[key] = reach
            self.symbol_starts[key] = [g.start for g in items if g.symbol]

    def outer(self, region: Region, pos: int, exclude: Found | None = None) -> Found | None:
        """The earliest citation before ``pos`` whose subject holds ``pos``."""
        key = id(region)
        items = self.by_region.get(key, [])
        n = bisect.bisect_right(self.starts.get(key, []), pos)
        if n == 0 or self.reach[key][n - 1][0] <= pos:
            return None
        near = [g for g in items[max(0, n - self.NEAR):n] if g is not exclude and g.end <= pos < g.subject_end]
        if near:
            return near[0] if n <= self.NEAR else min(near, key=lambda g: g.start)
        g = items[self.reach[key][n - 1][1]]
        return g if g is not exclude and g.end <= pos < g.subject_end else None

    def next_symbol(self, region: Region, pos: int) -> int:
        """Where the next numbered citation after ``pos`` starts (the region's end if none)."""
        starts = self.symbol_starts.get(id(region), [])
        k = bisect.bisect_right(starts, pos)
        return starts[k] if k < len(starts) else len(region.text)
