"""The comparison handed back as Word, built with lxml (WordprocessingML, no templates):

- ``tracked_changes(al)``: B's text with Word tracked changes against A — insertions, deletions,
  and move ranges for clauses that really moved (the pairs outside the longest run that keeps
  A's order) — so that accepting every change gives B's text and rejecting every change A's.
  The text is the document a reader signs off: the header (issuing body, number, place and
  date), the title, the preamble, the clauses, the recipients, the signature and the appendices'
  rows (a draft and the text for signature differ in their number, recipients and signer as much
  as in clauses; a plan's task table is often what changes most);
- ``comparison_table(al)``: the drafting office's "bảng so sánh", one row per changed provision:
  the provision in A, in B, and what changed, with clause paths; and a row for each changed
  header or back-matter part and each changed row of an appendix;
- ``duties_table(plan)``: one plan's duties as the task table plans attach (phân công nhiệm vụ).
"""

from __future__ import annotations

import bisect
import io
import zipfile
from dataclasses import field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from lxml import etree

from ..compare.worddiff import Budget, diff_words
from ..compiled import dataclass
from ..errors import require
from ..model import Alignment, Clause, Plan, Task

if TYPE_CHECKING:
    from ..compare.appendices import AppendixComparison

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "plandiff"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Block:
    """One paragraph of the output: what A had there and what B has, and how it changed."""

    kind: str
    """"same" (diffed in place), "insert", "delete", "move_from", "move_to"."""
    a: str = ""
    b: str = ""
    move: int | None = None
    anchor: int = -1
    """The A position this block follows (for placing A's paragraphs in A's order)."""


@dataclass
class _Ids:
    n: int = 0
    date: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def next(self) -> str:
        self.n += 1
        return str(self.n)


def _line(c: Clause) -> str:
    return f"{c.label} {c.text}".strip() if c.kind != "paragraph" else c.text


def _moved(order: list[int]) -> set[int]:
    """Positions (in ``order``) outside one longest increasing subsequence: what really moved."""
    tails: list[int] = []
    tails_at: list[int] = []
    prev = [-1] * len(order)
    for k, v in enumerate(order):
        i = bisect.bisect_left(tails, v)
        if i == len(tails):
            tails.append(v)
            tails_at.append(k)
        else:
            tails[i] = v
            tails_at[i] = k
        prev[k] = tails_at[i - 1] if i else -1
    keep: set[int] = set()
    k = tails_at[-1] if tails_at else -1
    while k >= 0:
        keep.add(k)
        k = prev[k]
    return set(range(len(order))) - keep


def _blocks(al: Alignment) -> list[_Block]:
    clauses_a = list(al.a.walk())
    clauses_b = list(al.b.walk())
    index_a = {c.id: k for k, c in enumerate(clauses_a)}
    by_b: dict[str, list[int]] = {}
    for p in al.pairs:
        by_b.setdefault(p.b, []).append(index_a[p.a])
    # the first A partner of each B clause, in B order: pairs outside the increasing run moved
    firsts = [(k, min(by_b[c.id])) for k, c in enumerate(clauses_b) if c.id in by_b]
    moved_at = _moved([a for _, a in firsts])
    moved_b = {firsts[k][0] for k in moved_at}
    used_a: set[int] = set()
    blocks: list[_Block] = [_Block("same", _title(al.a), _title(al.b), anchor=-1),
                            _Block("same", al.a.preamble, al.b.preamble, anchor=-1)]
    pending: list[tuple[int, _Block]] = []
    anchor = -1
    moves = 0
    for k, c in enumerate(clauses_b):
        partners = sorted(x for x in by_b.get(c.id, []) if x not in used_a)
        if not partners:
            blocks.append(_Block("insert", b=_line(c), anchor=anchor))
            continue
        first, rest = partners[0], partners[1:]
        used_a.update(partners)
        if k in moved_b:
            moves += 1
            blocks.append(_Block("move_to", a=_line(clauses_a[first]), b=_line(c), move=moves, anchor=anchor))
            pending.append((first, _Block("move_from", a=_line(clauses_a[first]), move=moves)))
        else:
            anchor = first
            blocks.append(_Block("same", _line(clauses_a[first]), _line(c), anchor=anchor))
        for x in rest:  # merged into this clause: the other A clauses are deleted
            pending.append((x, _Block("delete", a=_line(clauses_a[x]))))
    pending.extend((x, _Block("delete", a=_line(c))) for x, c in enumerate(clauses_a) if x not in used_a)
    # A's paragraphs that B does not hold in place go after the block that follows A's nearest
    # predecessor, so rejecting every change reads A in A's order
    for x, block in sorted(pending, key=lambda t: t[0]):
        at = max((i for i, b in enumerate(blocks) if b.kind in ("same", "delete", "move_from") and b.anchor <= x), default=1)
        block.anchor = x
        blocks.insert(at + 1, block)
    return blocks


def _title(plan: Plan) -> str:
    return " ".join(x for x in (plan.meta.doc_type, plan.meta.title) if x)


def _front_lines(plan: Plan) -> list[str]:
    """The header above the title as a reader reads it: the issuing body, "Số: …", the place
    and date (a draft's blank number as its line prints it)."""
    m = plan.meta
    lines = [" ".join(x for x in (m.parent_issuer, m.issuer) if x)]
    number = f"Số: {m.number}" if m.number else next((h.text for h in plan.header if h.role == "number"), "")
    lines.append(" ".join(number.split()))
    if m.date:
        year, month, day = m.date.split("-")
        lines.append(f"{m.place + ', ' if m.place else ''}ngày {day} tháng {month} năm {year}")
    else:
        lines.append(" ".join(next((h.text for h in plan.header if h.role == "place_date"), "").split()))
    return lines


def _back_lines(plan: Plan) -> tuple[list[str], list[str]]:
    """The recipients (under "Nơi nhận:") and the signature's lines."""
    return (["Nơi nhận:", *plan.recipients] if plan.recipients else []), list(plan.signature)


def _appendix_blocks(al: Alignment) -> list[_Block]:
    """The appendices after the signature, as a reader turns to them: each one's name, then its
    rows (cells parted by " | ") in its own order on each side (accept all = B's tables, reject
    all = A's), kept and reworded rows diffed in place."""
    from ..compare.appendices import appendix_name, appendix_rows, paired_appendices

    out: list[_Block] = []
    for x, y in paired_appendices(al.a.appendices, al.b.appendices):
        out += _list_blocks([appendix_name(x)] if x else [], [appendix_name(y)] if y else [])
        out += _list_blocks([" | ".join(r) for r in appendix_rows(x)] if x else [],
                            [" | ".join(r) for r in appendix_rows(y)] if y else [])
    return out


def _appendix_lines(plan: Plan) -> list[str]:
    """A plan's appendices as ``tracked_changes`` writes them: each one's name, then its rows."""
    from ..compare.appendices import appendix_name, appendix_rows

    return [line for app in plan.appendices for line in (appendix_name(app), *(" | ".join(r) for r in appendix_rows(app)))]


def _list_blocks(a: list[str], b: list[str]) -> list[_Block]:
    """Two lists of lines (recipients, a header's lines) as blocks in both orders: kept and
    replaced lines diffed in place, the rest inserted or deleted where they stand."""
    from difflib import SequenceMatcher

    out: list[_Block] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        paired = min(i2 - i1, j2 - j1) if op in ("equal", "replace") else 0
        out += [_Block("same", a[i1 + k], b[j1 + k]) for k in range(paired)]
        out += [_Block("delete", a=x) for x in a[i1 + paired:i2]]
        out += [_Block("insert", b=x) for x in b[j1 + paired:j2]]
    return out


def _run(text: str, *, deleted: bool = False) -> etree._Element:
    r = etree.Element(_w("r"))
    parts = text.split("\n")
    for k, part in enumerate(parts):
        if k:
            etree.SubElement(r, _w("br"))
        t = etree.SubElement(r, _w("delText" if deleted else "t"))
        t.set(_XML_SPACE, "preserve")
        t.text = part
    return r


def _mark(p: etree._Element, tag: str, ids: _Ids) -> None:
    """The paragraph mark itself inserted or deleted, so the paragraph goes with its text."""
    ppr = etree.SubElement(p, _w("pPr"))
    rpr = etree.SubElement(ppr, _w("rPr"))
    etree.SubElement(rpr, _w(tag), {_w("id"): ids.next(), _w("author"): AUTHOR, _w("date"): ids.date})


def _change(tag: str, ids: _Ids, run: etree._Element) -> etree._Element:
    el = etree.Element(_w(tag), {_w("id"): ids.next(), _w("author"): AUTHOR, _w("date"): ids.date})
    el.append(run)
    return el


def _diff_runs(p: etree._Element, a: str, b: str, ids: _Ids, budget: Budget) -> None:
    for e in diff_words(a, b, budget=budget):
        if e.op == "equal":
            p.append(_run(e.text))
        elif e.op == "delete":
            p.append(_change("del", ids, _run(e.text, deleted=True)))
        else:
            p.append(_change("ins", ids, _run(e.text)))


def _paragraph(block: _Block, ids: _Ids, budget: Budget) -> etree._Element:
    p = etree.Element(_w("p"))
    if block.kind == "same":
        _diff_runs(p, block.a, block.b, ids, budget)
    elif block.kind == "insert":
        _mark(p, "ins", ids)
        p.append(_change("ins", ids, _run(block.b)))
    elif block.kind == "delete":
        _mark(p, "del", ids)
        p.append(_change("del", ids, _run(block.a, deleted=True)))
    else:
        side = "moveFrom" if block.kind == "move_from" else "moveTo"
        _mark(p, side, ids)
        name = f"plandiff-move-{block.move}"
        range_id = ids.next()
        etree.SubElement(p, _w(f"{side}RangeStart"), {_w("id"): range_id, _w("name"): name, _w("author"): AUTHOR,
                                                      _w("date"): ids.date})
        move = etree.SubElement(p, _w(side), {_w("id"): ids.next(), _w("author"): AUTHOR, _w("date"): ids.date})
        if side == "moveFrom":
            move.append(_run(block.a, deleted=True))
        else:
            _diff_runs(move, block.a, block.b, ids, budget)  # edits made to the moved text show inside the move
        etree.SubElement(p, _w(f"{side}RangeEnd"), {_w("id"): range_id})
    return p


def tracked_changes(al: Alignment) -> bytes:
    """B's text with Word tracked changes against A, as .docx bytes."""
    require(al, Alignment, "tracked_changes(alignment)")
    ids = _Ids()
    budget = Budget()
    body = etree.Element(_w("body"))
    (recipients_a, signature_a), (recipients_b, signature_b) = _back_lines(al.a), _back_lines(al.b)
    blocks = [*_list_blocks(_front_lines(al.a), _front_lines(al.b)), *_blocks(al),
              *_list_blocks(recipients_a, recipients_b), *_list_blocks(signature_a, signature_b),
              *_appendix_blocks(al)]
    for block in blocks:
        if block.a or block.b:
            body.append(_paragraph(block, ids, budget))
    etree.SubElement(body, _w("sectPr"))
    return _package(body, track=True)


def comparison_table(al: Alignment, *, appendices: list[AppendixComparison] | None = None) -> bytes:
    """The three-column comparison table of drafting work, as .docx bytes (``appendices``:
    compared already, else here)."""
    require(al, Alignment, "comparison_table(alignment)")
    a, b = al.a, al.b
    body = etree.Element(_w("body"))
    title = etree.SubElement(body, _w("p"))
    title.append(_run(f"BẢNG SO SÁNH: {a.name or 'A'} → {b.name or 'B'}"))
    tbl = _table(body)
    headers = (f"Quy định tại {a.name or 'văn bản A'}", f"Quy định tại {b.name or 'văn bản B'}", "Nội dung thay đổi")
    _table_row(tbl, headers, header=True)
    budget = Budget()
    for p, ca, cb in al.changes():
        _table_row(tbl, (f"{p.a}: {_line(ca)}", f"{p.b}: {_line(cb)}", _what_changed(p.kind, ca, cb, budget)))
    for cid in al.removed:
        c = a.find(cid)
        if c is not None:
            _table_row(tbl, (f"{cid}: {_line(c)}", "", "Bỏ (removed)"))
    for cid in al.added:
        c = b.find(cid)
        if c is not None:
            _table_row(tbl, ("", f"{cid}: {_line(c)}", "Bổ sung (added)"))
    for part, lines_a, lines_b in _parts_outside_clauses(a, b):
        if lines_a != lines_b:
            _table_row(tbl, (f"{part}: " + "\n".join(lines_a), f"{part}: " + "\n".join(lines_b), "Sửa đổi (modified)"))
    if a.appendices or b.appendices:
        from ..compare.appendices import compare_appendices

        for cmp in appendices if appendices is not None else compare_appendices(a, b):
            for r in cmp.rows:
                if r.kind != "unchanged":
                    _table_row(tbl, (f"{cmp.a}: " + " | ".join(r.a) if cmp.a and r.a else "",
                                     f"{cmp.b}: " + " | ".join(r.b) if cmp.b and r.b else "", _ROW_KIND_VI[r.kind]))
    etree.SubElement(body, _w("sectPr"))
    return _package(body, track=False)


def _parts_outside_clauses(a: Plan, b: Plan) -> list[tuple[str, list[str], list[str]]]:
    """The header, the recipients and the signature of both plans, each a part of the table."""
    (recipients_a, signature_a), (recipients_b, signature_b) = _back_lines(a), _back_lines(b)
    return [("Số, ngày, cơ quan ban hành", _front_lines(a), _front_lines(b)),
            ("Nơi nhận", recipients_a[1:], recipients_b[1:]), ("Người ký", signature_a, signature_b)]


_ROW_KIND_VI = {"modified": "Sửa đổi (modified)", "moved": "Chuyển vị trí (moved)", "added": "Bổ sung (added)",
                "removed": "Bỏ (removed)"}
_KIND_VI = {"modified": "Sửa đổi", "moved": "Chuyển vị trí", "split": "Tách", "merged": "Gộp"}


def _what_changed(kind: str, ca: Clause, cb: Clause, budget: Budget) -> str:
    parts = [f"{_KIND_VI.get(kind, kind)} ({kind})"]
    if ca.label != cb.label:
        parts.append(f"đánh số {ca.label} → {cb.label}")
    removed = [e.text.strip() for e in diff_words(ca.text, cb.text, budget=budget) if e.op == "delete" and e.text.strip()]
    added = [e.text.strip() for e in diff_words(ca.text, cb.text, budget=budget) if e.op == "insert" and e.text.strip()]
    if removed:
        parts.append("bỏ: " + " | ".join(removed)[:400])
    if added:
        parts.append("thêm: " + " | ".join(added)[:400])
    return "\n".join(parts)


TEXT_WIDTH = 9638
"""An A4 page's text width in twips (17 cm between 2 cm margins): the grid a table's columns share."""


def _table(body: etree._Element, widths: tuple[int, ...] | None = None) -> etree._Element:
    """A table the page's width, ruled on every side and between every cell (``widths``: its
    columns' shares in fiftieths of a percent, written as its grid too, which LibreOffice lays
    the columns out by)."""
    tbl = etree.SubElement(body, _w("tbl"))
    tblpr = etree.SubElement(tbl, _w("tblPr"))
    etree.SubElement(tblpr, _w("tblW"), {_w("w"): "5000", _w("type"): "pct"})
    borders = etree.SubElement(tblpr, _w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, _w(side), {_w("val"): "single", _w("sz"): "4", _w("space"): "0", _w("color"): "auto"})
    if widths:
        grid = etree.SubElement(tbl, _w("tblGrid"))
        for width in widths:
            etree.SubElement(grid, _w("gridCol"), {_w("w"): str(TEXT_WIDTH * width // 5000)})
    return tbl


def _table_row(tbl: etree._Element, cells: tuple[str, ...], *, header: bool = False,
               widths: tuple[int, ...] | None = None) -> None:
    """A row of ``cells`` (``widths`` in fiftieths of a percent, even by default), in bold for a
    header or a group's heading."""
    tr = etree.SubElement(tbl, _w("tr"))
    for text, width in zip(cells, widths or tuple(5000 // len(cells) for _ in cells), strict=True):
        tc = etree.SubElement(tr, _w("tc"))
        tcpr = etree.SubElement(tc, _w("tcPr"))
        etree.SubElement(tcpr, _w("tcW"), {_w("w"): str(width), _w("type"): "pct"})
        p = etree.SubElement(tc, _w("p"))
        r = _run(text)
        if header:
            rpr = etree.Element(_w("rPr"))
            etree.SubElement(rpr, _w("b"))
            r.insert(0, rpr)
        p.append(r)


DUTY_COLUMNS = ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Sản phẩm",
                "Tại")
DUTY_WIDTHS = (320, 1600, 700, 780, 650, 500, 450)
"""A plan's task table as plans attach one (phân công nhiệm vụ), and where in the plan each task
is set; widths in fiftieths of a percent of the page."""


def duties_table(plan: Plan, found: list[Task] | None = None) -> bytes:
    """The plan's duties as a Word table, as a plan's appendix sets them out: a heading row for
    each agency (I, II, …), then its duties numbered, with its partners, time, product and where
    the plan sets each — for a department that copies its share into its own plan."""
    from ..tasks import tasks

    require(plan, Plan, "duties_table(plan)")
    m = plan.meta
    title = "PHÂN CÔNG NHIỆM VỤ: " + " ".join(x for x in (m.doc_type, m.number and f"số {m.number}", m.title) if x)
    return duties_table_of(tasks(plan) if found is None else found, title=title)


def duties_table_of(found: list[Task], *, title: str, sources: list[str] | None = None) -> bytes:
    """``duties_table`` of any tasks (a corpus's: ``sources`` names each one's plan, in a column of
    its own after the place)."""
    from ..numerals import to_roman
    from ..tasks.summary import agencies_with_tasks

    columns, widths = DUTY_COLUMNS, DUTY_WIDTHS
    if sources is not None:
        columns, widths = (*DUTY_COLUMNS, "Văn bản"), (*DUTY_WIDTHS[:1], 1300, *DUTY_WIDTHS[2:6], 400, 600)
    body = etree.Element(_w("body"))
    etree.SubElement(body, _w("p")).append(_run(title))
    tbl = _table(body, widths)
    _table_row(tbl, columns, header=True, widths=widths)
    for k, (group, mine) in enumerate(agencies_with_tasks(found), start=1):
        _table_row(tbl, (to_roman(k), group["name"], *[""] * (len(columns) - 2)), header=True, widths=widths)
        for n, i in enumerate(mine, start=1):
            t = found[i]
            cells = (str(n), " ".join(t.text.split()), t.agency, "; ".join(t.partners), t.deadline or t.period or "",
                     t.product or "", t.place)
            _table_row(tbl, (*cells, sources[i]) if sources is not None else cells, widths=widths)
    etree.SubElement(body, _w("sectPr"))
    return _package(body, track=False)


def _package(body: etree._Element, *, track: bool) -> bytes:
    document = etree.Element(_w("document"), nsmap={"w": W})
    document.append(body)
    settings = etree.Element(_w("settings"), nsmap={"w": W})
    if track:
        etree.SubElement(settings, _w("trackRevisions"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        zf.writestr("word/document.xml", etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True))
        zf.writestr("word/settings.xml", etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True))
    return out.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    "</Relationships>"
)


def resolve(data: bytes, *, accept: bool) -> list[str]:
    """The paragraphs a reader gets from a tracked-changes .docx after accepting (or rejecting)
    every change, read from the XML as Word applies it: for checking a comparison."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    gone = ("del", "moveFrom") if accept else ("ins", "moveTo")
    out: list[str] = []
    for p in root.iter(_w("p")):
        mark = p.find(f"{_w('pPr')}/{_w('rPr')}")
        if mark is not None and any(mark.find(_w(t)) is not None for t in gone):
            continue  # the paragraph itself goes
        words: list[str] = []
        for el in p.iter(_w("t"), _w("delText"), _w("br")):
            if any(a.tag in (_w(t) for t in gone) for a in el.iterancestors()):
                continue
            words.append("\n" if el.tag == _w("br") else el.text or "")
        out.append("".join(words))
    return out
