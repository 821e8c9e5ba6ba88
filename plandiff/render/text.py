"""Plain-text renderer: an indented outline of a plan, for terminals."""

from __future__ import annotations

from ..errors import require
from ..model import Alignment, Appendix, Clause, Plan, Table


def render_outline(plan: Plan, *, width: int = 100) -> str:
    require(plan, Plan, "render_outline(plan)")
    m = plan.meta
    out: list[str] = []
    who = m.issuer or (f"{m.jurisdiction.level} {m.jurisdiction.name}".strip() if m.jurisdiction else None)
    head = " · ".join(x for x in (who, m.number and f"Số {m.number}", m.place, m.date or (str(m.year) if m.year else None)) if x)
    if head:
        out.append(head)
    if m.doc_type or m.title:
        out.append(" ".join(x for x in (m.doc_type, m.title) if x))
    if out:
        out.append("")

    def visit(clause: Clause, depth: int) -> None:
        first = clause.heading
        if len(first) > width:
            first = first[: width - 1] + "…"
        out.append(f"{'  ' * depth}{clause.label} {first}".rstrip())
        for child in clause.children:
            visit(child, depth + 1)

    if plan.attached is not None:
        # a decision: its articles, then the document it issues
        for article in plan.articles:
            visit(article, 0)
        out.append("")
        out.append(" ".join(x for x in (plan.attached.doc_type, plan.attached.title) if x))
        if plan.attached.ref:
            out.append(plan.attached.ref)
        out.append("")
    for clause in plan.clauses:
        visit(clause, 0)
    for app in plan.appendices:
        out.append("")
        out.append(" ".join(x for x in (app.label, app.title) if x))
        for table in app.tables:
            cols = len(table.rows[0]) if table.rows else 0
            out.append(f"  [table: {len(table.rows)} rows × {cols} columns]")
        for clause in app.clauses:
            visit(clause, 1)
    if plan.footnotes:
        out.append("")
        out.extend(f"[{f.label}] ({f.clause}) {f.text}" for f in plan.footnotes)
    if m.signer or m.signer_title:
        out.append("")
        out.append(" — ".join(x for x in (m.signer_title, m.signer) if x))
    return "\n".join(out)


def render_alignment_text(alignment: Alignment) -> str:
    require(alignment, Alignment, "render_alignment_text(alignment)")
    """One line per pair, then the added and removed clauses: for terminals and e-mail."""
    out = [f"{alignment.a.name or 'A'} → {alignment.b.name or 'B'}"]
    out.append("  ".join(f"{k}: {v}" for k, v in alignment.counts().items()))
    for p in alignment.pairs:
        flag = " ?" if p.review else ""
        out.append(f"{p.kind:9} {p.a:>14} → {p.b:<14} {p.score:.2f} {p.rule}{flag}")
    out.extend(f"{'removed':9} {cid:>14}" for cid in alignment.removed)
    out.extend(f"{'added':9} {'':>14} → {cid}" for cid in alignment.added)
    return "\n".join(out)


def render_plain(plan: Plan) -> str:
    require(plan, Plan, "render_plain(plan)")
    """The plan as clean text: header, title, preamble, one clause per paragraph, back matter.
    Parsing it again gives the same tree (the round trip the tests check)."""
    m = plan.meta
    out: list[str] = []
    out.extend(h.text for h in plan.header if h.role in ("issuer", "parent_issuer", "motto", "number", "place_date", "stamp"))
    if out:
        out.append("")
    if m.doc_type:
        out.append(m.doc_type)
    if m.title:
        out.append(m.title)
    out.append("")
    if plan.preamble:
        out.extend(plan.preamble.split("\n"))
        out.append("")
    if plan.attached is not None:
        # a decision: its articles and closing, then the document it issues
        out.append(f"{m.doc_type or 'QUYẾT ĐỊNH'}:")
        _clauses(out, plan.articles)
        _closing(out, plan)
        out.extend(["", plan.attached.doc_type])
        if plan.attached.title:
            out.append(plan.attached.title)
        if plan.attached.ref:
            out.append(plan.attached.ref)
        out.append("")
        _clauses(out, plan.clauses)
    else:
        _clauses(out, plan.clauses)
        _closing(out, plan)
    for app in plan.appendices:
        out.append("")
        out.extend(x for x in (app.label, app.title, app.ref) if x)
        out.append("")
        first = _tables_first(plan, app)
        if app.text and not first:
            out.extend(app.text.split("\n"))
        # tables and numbered parts in the order printed ("I. Địa điểm …" / its table / "II. …" / its table)
        opens = app.clauses[0].span.start if app.clauses else None
        tables = list(app.tables)
        while tables and (first or opens is None or tables[0].span.start < opens):
            _table(out, tables.pop(0))
        if app.text and first:
            out.extend(app.text.split("\n"))
        for k, clause in enumerate(app.clauses):
            _clauses(out, (clause,))
            until = app.clauses[k + 1].span.start if k + 1 < len(app.clauses) else None
            while tables and (until is None or tables[0].span.start < until):
                _table(out, tables.pop(0))
    return "\n".join(out) + "\n"


def _table(out: list[str], table: Table) -> None:
    out.extend("\t".join(cell.replace("\n", " ") for cell in row) for row in table.rows)


def _tables_first(plan: Plan, app: Appendix) -> bool:
    """Whether the appendix printed its table right under its heading, before its text ("NỘI
    DUNG CHI TIẾT" / the schedule / "Ghi chú: …"): too few characters stand between the heading
    and the table for the text's first line to be there."""
    if not app.tables or not app.text:
        return False
    heading_end = max((h.span.end for h in plan.header if h.role == "appendix" and app.span.start <= h.span.start < app.span.end),
                      default=app.span.start)
    return app.tables[0].span.start - heading_end < len(app.text.split("\n")[0].strip())


def _clauses(out: list[str], clauses: tuple[Clause, ...]) -> None:
    for top in clauses:
        for clause in top.walk():
            head, *rest = clause.text.split("\n")
            out.append(" ".join(x for x in (clause.label, head) if x))
            out.extend(rest)


def _closing(out: list[str], plan: Plan) -> None:
    if plan.recipients:
        out.append("")
        out.append("Nơi nhận:")
        out.extend(f"- {r}" for r in plan.recipients)
    if plan.signature:
        out.append("")
        out.extend(plan.signature)
