"""Read .docx with lxml: paragraphs, tables (rows as tab-separated cells, so a two-column header
reads like ``pdftotext -layout``), text boxes, footnotes, and Word's automatic numbering rebuilt
into the labels a reader sees ("1.", "a)", "-") from numbering.xml.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from . import errors
from .textnorm import nfc

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
_BULLETS = {"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "-", "\uf02d": "-", "o": "-", "§": "-", "–": "-", "-": "-", "+": "+", "•": "•"}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[tuple[str, int]] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        abstract_id = self.num_to_abstract.get(num_id)
        if abstract_id is None or num_id == "0":
            return ""
        levels = self.abstract.get(abstract_id, {})
        # a w:num with a startOverride restarts its list; counters are kept per w:num
        counts = self.counters.setdefault(num_id, {})
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        lvl = levels.get(ilvl, _Level())
        if ilvl not in counts:
            counts[ilvl] = self.overrides.get((num_id, ilvl), lvl.start)
        else:
            counts[ilvl] += 1

        def render(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            level = levels.get(k, _Level())
            value = counts.get(k, level.start)
            return _format(value, level.fmt)

        if lvl.fmt == "bullet":
            return _BULLETS.get(lvl.text, "-") if lvl.text else "-"
        return re.sub(r"%(\d)", render, lvl.text)


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        s = letters[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        from .markers import to_roman

        r = to_roman(value)
        return r if fmt == "upperRoman" else r.lower()
    return str(value)


def _read_numbering(zf: zipfile.ZipFile) -> _Numbering:
    num = _Numbering()
    if "word/numbering.xml" not in zf.namelist():
        return num
    root = etree.fromstring(zf.read("word/numbering.xml"))
    for a in root.findall("w:abstractNum", NS):
        levels: dict[int, _Level] = {}
        for lvl in a.findall("w:lvl", NS):
            ilvl = int(lvl.get(_q("ilvl"), "0"))
            fmt = lvl.find("w:numFmt", NS)
            text = lvl.find("w:lvlText", NS)
            start = lvl.find("w:start", NS)
            levels[ilvl] = _Level(
                fmt.get(_q("val"), "decimal") if fmt is not None else "decimal",
                text.get(_q("val"), "") if text is not None else "",
                int(start.get(_q("val"), "1")) if start is not None else 1,
            )
        num.abstract[a.get(_q("abstractNumId"), "")] = levels
    for n in root.findall("w:num", NS):
        nid = n.get(_q("numId"), "")
        ref = n.find("w:abstractNumId", NS)
        if ref is not None:
            num.num_to_abstract[nid] = ref.get(_q("val"), "")
        for o in n.findall("w:lvlOverride", NS):
            so = o.find("w:startOverride", NS)
            if so is not None:
                num.overrides[(nid, int(o.get(_q("ilvl"), "0")))] = int(so.get(_q("val"), "1"))
    return num


def _style_numbering(zf: zipfile.ZipFile) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    if "word/styles.xml" not in zf.namelist():
        return out
    root = etree.fromstring(zf.read("word/styles.xml"))
    for st in root.findall("w:style", NS):
        pr = st.find("w:pPr/w:numPr", NS)
        if pr is not None:
            nid = pr.find("w:numId", NS)
            ilvl = pr.find("w:ilvl", NS)
            if nid is not None:
                out[st.get(_q("styleId"), "")] = (nid.get(_q("val"), ""), int(ilvl.get(_q("val"), "0")) if ilvl is not None else 0)
    return out


def _read_footnotes(zf: zipfile.ZipFile) -> dict[str, str]:
    if "word/footnotes.xml" not in zf.namelist():
        return {}
    root = etree.fromstring(zf.read("word/footnotes.xml"))
    out = {}
    for fn in root.findall("w:footnote", NS):
        if fn.get(_q("type")) in ("separator", "continuationSeparator"):
            continue
        out[fn.get(_q("id"), "")] = " ".join(_para_text(p, {}) for p in fn.iter(_q("p"))).strip()
    return out


def _para_text(p: etree._Element, note_labels: dict[str, str]) -> str:
    parts: list[str] = []
    for el in p.iter():
        if el.tag == _q("txbxContent"):
            continue
        if _inside(el, "txbxContent", p):
            continue
        if el.tag == _q("t"):
            parts.append(el.text or "")
        elif el.tag == _q("tab"):
            parts.append("\t")
        elif el.tag in (_q("br"), _q("cr")):
            parts.append("\n")
        elif el.tag == _q("footnoteReference"):
            label = note_labels.get(el.get(_q("id"), ""))
            if label:
                parts.append(label)
    return "".join(parts)


def _inside(el: etree._Element, tag: str, stop: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == _q(tag):
            return True
        parent = parent.getparent()
    return False


Tables = list[tuple[int, int, tuple[tuple[str, ...], ...]]]


def extract_text(data: bytes, *, label: str = "input") -> tuple[str, list[tuple[str, str]], list[tuple[int, int, str]], Tables]:
    """The document's text (one paragraph per line, NFC), its footnotes as (label, text), the
    heading/bold hints as (start, end, kind) character ranges of that text, and each top-level
    table as (start, end, rows) with the rows' cell texts."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise errors.CorruptDocument(f"{label}: not a readable .docx (damaged or truncated zip: {exc})") from exc
    if "word/document.xml" not in names:
        raise errors.CorruptDocument(f"{label}: a zip file but not a Word document (no word/document.xml)")
    try:
        root = etree.fromstring(zf.read("word/document.xml"))
        numbering = _read_numbering(zf)
        style_num = _style_numbering(zf)
        notes = _read_footnotes(zf)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise errors.CorruptDocument(f"{label}: damaged .docx ({exc})") from exc
    body = root.find("w:body", NS)
    if body is None:
        raise errors.CorruptDocument(f"{label}: .docx without a document body")
    note_labels = {nid: str(k) for k, nid in enumerate(notes, start=1)}
    lines: list[str] = []
    kinds: list[str | None] = []
    table_at: list[tuple[int, int, tuple[tuple[str, ...], ...]]] = []
    for block in body:
        if block.tag == _q("p"):
            lines.extend(_paragraph_lines(block, numbering, style_num, note_labels, kinds))
        elif block.tag == _q("tbl"):
            cells = _table_cells(block, numbering, style_num, note_labels)
            rows = _table_lines(cells)
            table_at.append((len(lines), len(rows), _table_rows(cells)))
            lines.extend(rows)
            kinds.extend([None] * len(rows))
    footnotes = [(note_labels[nid], text) for nid, text in notes.items() if text]
    lines = [nfc(ln) for ln in lines]
    hints: list[tuple[int, int, str]] = []
    offsets: list[int] = []
    pos = 0
    for line, kind in zip(lines, kinds, strict=True):
        offsets.append(pos)
        if kind and line.strip():
            lead = len(line) - len(line.lstrip())
            hints.append((pos + lead, pos + len(line.rstrip()), kind))
        pos += len(line) + 1
    offsets.append(pos)
    tables = [(offsets[first], offsets[first + n], rows) for first, n, rows in table_at if n and rows]
    return "\n".join(lines) + "\n", footnotes, hints, tables


_HEADING_STYLE = re.compile(r"heading|tieude|tiêu đề|title", re.IGNORECASE)


def _hint(p: etree._Element) -> str | None:
    """"heading" for a heading style, "bold" when every run with text is bold: hints a reader sees."""
    style = p.find("w:pPr/w:pStyle", NS)
    if style is not None and _HEADING_STYLE.search(style.get(_q("val"), "")):
        return "heading"
    runs = [r for r in p.findall("w:r", NS) if "".join(t.text or "" for t in r.findall("w:t", NS)).strip()]
    if not runs:
        return None
    for r in runs:
        b = r.find("w:rPr/w:b", NS)
        if b is None or b.get(_q("val"), "true") in ("0", "false"):
            return None
    return "bold"


def _paragraph_lines(p: etree._Element, numbering: _Numbering, style_num: dict[str, tuple[str, int]],
                     note_labels: dict[str, str], hints: list[str | None] | None = None, *,
                     bare_label: bool = False) -> list[str]:
    """The paragraph's line (its automatic number first) and its text boxes' lines. With
    ``bare_label`` (a table cell), a numbered paragraph without text still shows its number, as
    the TT column of a task table does."""
    text = _para_text(p, note_labels)
    label = ""
    pr = p.find("w:pPr/w:numPr", NS)
    if pr is not None:
        nid, ilvl = pr.find("w:numId", NS), pr.find("w:ilvl", NS)
        if nid is not None:
            label = numbering.label(nid.get(_q("val"), ""), int(ilvl.get(_q("val"), "0")) if ilvl is not None else 0)
    else:
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(_q("val"), "") in style_num:
            nid_s, ilvl_i = style_num[style.get(_q("val"), "")]
            label = numbering.label(nid_s, ilvl_i)
    out = [f"{label} {text}".strip() if label and (text.strip() or bare_label) else text]
    boxes = [_para_text(q, note_labels) for box in p.iter(_q("txbxContent")) for q in box.iter(_q("p"))]
    out.extend(boxes)
    if hints is not None:
        hints.extend([_hint(p)] + [None] * len(boxes))
    return out


def _table_cells(tbl: etree._Element, numbering: _Numbering, style_num: dict[str, tuple[str, int]],
                 note_labels: dict[str, str]) -> list[list[tuple[list[str], int]]]:
    """Each row's cells: the cell's lines and how many grid columns it spans (w:gridSpan). Read once,
    as Word's automatic numbering counts every numbered paragraph it meets."""
    rows: list[list[tuple[list[str], int]]] = []
    for tr in tbl.findall("w:tr", NS):
        cells: list[tuple[list[str], int]] = []
        for tc in tr.findall("w:tc", NS):
            cell_lines = [x for p in tc.findall("w:p", NS)
                          for x in _paragraph_lines(p, numbering, style_num, note_labels, bare_label=True) if x.strip()]
            span = tc.find("w:tcPr/w:gridSpan", NS)
            try:
                n = max(1, min(64, int(span.get(_q("val"), "1")))) if span is not None else 1
            except ValueError:
                n = 1
            cells.append((cell_lines, n))
        rows.append(cells)
    return rows


def _table_lines(rows: list[list[tuple[list[str], int]]]) -> list[str]:
    """Line k of a row is line k of every cell, tab-separated (a header table reads as a layout)."""
    lines: list[str] = []
    for row in rows:
        cells = [c for c, _ in row]
        depth = max((len(c) for c in cells), default=0)
        for k in range(depth):
            lines.append("\t".join(c[k] if k < len(c) else "" for c in cells).strip("\t"))
    return lines


def _table_rows(rows: list[list[tuple[list[str], int]]]) -> tuple[tuple[str, ...], ...]:
    """The table's rows of cell texts (NFC). A cell spanning columns (w:gridSpan) gives its text to
    each column it covers; the continuation of a vertically merged cell (w:vMerge) is empty, as
    Word stores it. Rows without any text are left out."""
    out: list[tuple[str, ...]] = []
    for row in rows:
        cells: list[str] = []
        for lines, n in row:
            cells.extend([nfc("\n".join(lines))] * n)
        if any(c.strip() for c in cells):
            out.append(tuple(cells))
    return tuple(out)
