"""Read .docx with lxml: paragraphs, tables (rows as tab-separated cells, so a two-column header
reads like ``pdftotext -layout``), text boxes, footnotes, and Word's automatic numbering rebuilt
into the labels a reader sees ("1.", "a)", "-") from numbering.xml.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import field

from lxml import etree

from .. import errors
from ..compiled import dataclass, regex
from ..numerals import MAX_LABEL_NUMBER
from ..textnorm import nfc
from . import legacy

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




def _int(value: str | None, default: int, *, lo: int = -10**6, hi: int = 10**12) -> int:
    """An attribute read as an integer, or ``default`` when it is not one; clamped."""
    try:
        return max(lo, min(hi, int(value))) if value is not None else default
    except ValueError:
        return default


def _format(value: int, fmt: str) -> str:
    if value > MAX_LABEL_NUMBER or value < 1:
        return str(value)
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        s = letters[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        from ..numerals import to_roman

        r = to_roman(value)
        return r if fmt == "upperRoman" else r.lower()
    return str(value)


def _read_numbering(zf: zipfile.ZipFile, label: str = "input") -> _Numbering:
    num = _Numbering()
    if "word/numbering.xml" not in zf.namelist():
        return num
    root = _xml(zf, "word/numbering.xml", label)
    for a in root.findall("w:abstractNum", NS):
        levels: dict[int, _Level] = {}
        for lvl in a.findall("w:lvl", NS):
            ilvl = _int(lvl.get(_q("ilvl")), 0, lo=0, hi=9)
            fmt = lvl.find("w:numFmt", NS)
            text = lvl.find("w:lvlText", NS)
            start = lvl.find("w:start", NS)
            levels[ilvl] = _Level(
                fmt.get(_q("val"), "decimal") if fmt is not None else "decimal",
                text.get(_q("val"), "") if text is not None else "",
                _int(start.get(_q("val")), 1) if start is not None else 1,
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
                num.overrides[(nid, _int(o.get(_q("ilvl")), 0, lo=0, hi=9))] = _int(so.get(_q("val")), 1)
    return num


def _style_numbering(zf: zipfile.ZipFile, label: str = "input") -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    if "word/styles.xml" not in zf.namelist():
        return out
    root = _xml(zf, "word/styles.xml", label)
    for st in root.findall("w:style", NS):
        pr = st.find("w:pPr/w:numPr", NS)
        if pr is not None:
            nid = pr.find("w:numId", NS)
            ilvl = pr.find("w:ilvl", NS)
            if nid is not None:
                out[st.get(_q("styleId"), "")] = (nid.get(_q("val"), ""), _int(ilvl.get(_q("val")), 0, lo=0, hi=9) if ilvl is not None else 0)
    return out


def _read_footnotes(zf: zipfile.ZipFile, label: str = "input", kind: str = "footnote", *,
                    fonts: LegacyFonts | None = None) -> dict[str, str]:
    """Each footnote's (``kind="endnote"``: endnote's) text by its id."""
    part = f"word/{kind}s.xml"
    if part not in zf.namelist():
        return {}
    root = _text_part(zf, part, label, fonts)
    out = {}
    for fn in root.findall(f"w:{kind}", NS):
        if fn.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        out[fn.get(_q("id"), "")] = " ".join(_para_text(p, {}) for p in fn.iter(_q("p"))).strip()
    return out


_T, _TAB, _BR, _CR, _NOTE_REF, _TXBX, _ID = (_q(x) for x in ("t", "tab", "br", "cr", "footnoteReference", "txbxContent", "id"))
_END_REF = _q("endnoteReference")
ENDNOTE = "e"
"""Endnotes' ids in the labels' map are "e" + id (Word numbers footnotes and endnotes apart)."""


def _para_text(p: etree._Element, note_labels: dict[str, str]) -> str:
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR, _NOTE_REF, _END_REF):
        if _inside(el, "txbxContent", p):
            continue  # a text box's text is read as lines of its own
        if _inside(el, "moveFrom", p):
            continue  # a tracked move's old place: the text is read where it went (w:moveTo)
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        else:
            label = note_labels.get((ENDNOTE if tag == _END_REF else "") + el.get(_ID, ""))
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


def extract_text(data: bytes, *, label: str = "input") -> Extracted:
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
    _check_budget(zf, label)
    try:
        document = zf.read("word/document.xml")
        fonts = LegacyFonts.of(zf, label, document)
        root = _text_part(zf, "word/document.xml", label, fonts, document)
        numbering = _read_numbering(zf, label)
        style_num = _style_numbering(zf, label)
        notes = _read_footnotes(zf, label, fonts=fonts)
        # endnotes (plain text at the document's end in Word) are notes too, numbered on after
        # the footnotes: their text was lost
        notes.update({ENDNOTE + nid: text for nid, text in _read_footnotes(zf, label, "endnote", fonts=fonts).items()})
    except errors.PlanError:
        raise
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, zlib.error) as exc:
        raise errors.CorruptDocument(f"{label}: damaged .docx ({exc})") from exc
    body = root.find("w:body", NS)
    if body is None:
        raise errors.CorruptDocument(f"{label}: .docx without a document body")
    note_labels = {nid: str(k) for k, nid in enumerate(notes, start=1)}
    lines: list[str] = []
    kinds: list[str | None] = []
    table_at: list[tuple[int, int, tuple[tuple[str, ...], ...]]] = []
    blocks = _blocks(body)
    if len(blocks) > MAX_BLOCKS:
        raise errors.InputTooLarge(f"{label}: {len(blocks):,} paragraphs and tables; a plan has a few thousand (limit {MAX_BLOCKS:,})")
    for block in blocks:
        if block.tag == _q("p"):
            lines.extend(_paragraph_lines(block, numbering, style_num, note_labels, kinds))
        elif block.tag == _q("tbl"):
            cells = _table_cells(block, numbering, style_num, note_labels)
            rows = _table_lines(cells)
            table_at.append((len(lines), len(rows), _table_rows(cells)))
            lines.extend(rows)
            kinds.extend([None] * len(rows))
    footnotes = [(note_labels[nid], text) for nid, text in notes.items() if text]
    # a tracked move's old place is read where the text went, not twice (the set keeps the
    # elements alive, so lxml hands back the same objects below)
    moved = {t for m in root.iter(_q("moveFrom")) for t in m.iter(_T)}
    seen = [t.text for t in root.iter(_T) if t.text and not _in_fallback(t) and t not in moved]
    for part in ("word/footnotes.xml", "word/endnotes.xml"):
        if part in names:
            seen.extend(t.text for t in _text_part(zf, part, label, fonts).iter(_T) if t.text)
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
    page_headers = [nfc(" ".join(t.text for t in _text_part(zf, n, label, fonts).iter(_T) if t.text))
                    for n in names if re.fullmatch(r"word/(?:header|footer)\d*\.xml", n)
                    and zf.getinfo(n).file_size <= MAX_PART_BYTES]
    return Extracted("\n".join(lines) + "\n", footnotes, hints, tables, nfc(" ".join(seen)), page_headers)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What the .docx reader gives: the text (one paragraph per line), footnotes as (label, text),
    heading/bold hints as (start, end, kind), tables as (start, end, rows), and every text node
    it saw in the file (for the nothing-lost audit: a part it skipped shows as lost)."""

    text: str
    notes: list[tuple[str, str]]
    hints: list[tuple[int, int, str]]
    tables: list[tuple[int, int, tuple[tuple[str, ...], ...]]]
    seen: str
    page_headers: list[str] = field(default_factory=list)


def _in_fallback(el: etree._Element) -> bool:
    """Inside mc:Fallback: the old-format copy of a drawing whose text the reader already has."""
    return any(a.tag == _FALLBACK for a in el.iterancestors())


MAX_PART_BYTES = 64 * 1024 * 1024
"""A part of the package (document.xml, numbering.xml …) larger than this once decompressed is
refused before it is decompressed: the sizes come from the zip's directory, and zipfile never
reads past them."""
MAX_PACKAGE_BYTES = 128 * 1024 * 1024
MAX_BLOCKS = 300_000
"""Paragraphs and tables of a body; a plan of a thousand pages has some tens of thousands."""
MAX_ELEMENTS = 2_000_000
"""XML elements in a part; a plan of a thousand pages has a few hundred thousand."""
_READ = ("word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml", "word/endnotes.xml")


def _check_budget(zf: zipfile.ZipFile, label: str) -> None:
    """Refuse, from the zip's directory alone, parts that are encrypted, compressed in a way
    zipfile cannot read, or that would decompress past the budget (a zip bomb)."""
    total = 0
    for info in zf.infolist():
        if info.filename not in _READ:
            continue
        if info.flag_bits & 0x1:
            raise errors.EncryptedDocument(f"{label}: the .docx is encrypted ({info.filename}); save an unprotected copy first")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
            raise errors.CorruptDocument(f"{label}: {info.filename} uses a compression Word does not write ({info.compress_type})")
        if info.file_size > MAX_PART_BYTES:
            raise errors.InputTooLarge(f"{label}: {info.filename} would decompress to {info.file_size // (1024 * 1024)} MB; "
                                       f"a plan's is a few MB (limit {MAX_PART_BYTES // (1024 * 1024)} MB)")
        total += info.file_size
    if total > MAX_PACKAGE_BYTES:
        raise errors.InputTooLarge(f"{label}: the .docx would decompress to {total // (1024 * 1024)} MB (limit {MAX_PACKAGE_BYTES // (1024 * 1024)} MB)")


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _xml(zf: zipfile.ZipFile, name: str, label: str, data: bytes | None = None) -> etree._Element:
    """A part parsed without entities, DTDs or network, after counting its elements (``data``: its
    bytes, when they were read already)."""
    data = zf.read(name) if data is None else data
    if data.count(b"<") > MAX_ELEMENTS:
        raise errors.InputTooLarge(f"{label}: {name} holds more than {MAX_ELEMENTS:,} elements; a plan holds far fewer")
    return etree.fromstring(data, _PARSER)


def _text_part(zf: zipfile.ZipFile, name: str, label: str, fonts: LegacyFonts | None,
               data: bytes | None = None) -> etree._Element:
    """A part that holds text, its runs set in a legacy font read as the letters they show."""
    root = _xml(zf, name, label, data)
    if fonts is not None:
        fonts.decode(root)
    return root


_LEGACY_FONT_BYTES = regex(rb'="(?:\.?Vn[A-Z]|VNI[- ])', re.IGNORECASE)
"""A legacy font named in a part (w:rFonts w:ascii=".VnTime"): one scan tells whether to look."""


@dataclass
class LegacyFonts:
    """Which font each run is set in — its own, its character style's, its paragraph style's or
    the document's default, styles followed through their "basedOn" — for the runs typed in a
    TCVN3 or VNI font (``legacy.font_encoding``), read as the letters the font draws."""

    styles: dict[str, tuple[str | None, str | None]]
    """Style id → (its font, the style it is based on)."""
    default_paragraph: str | None
    default_font: str | None

    @classmethod
    def of(cls, zf: zipfile.ZipFile, label: str, document: bytes) -> LegacyFonts | None:
        """The document's fonts, or None when no legacy font is named in it or its styles
        (nothing to decode). ``document``: the bytes of word/document.xml, read once."""
        names = zf.namelist()
        styles_xml = zf.read("word/styles.xml") if "word/styles.xml" in names else b""
        if not any(_LEGACY_FONT_BYTES.search(part) for part in (document, styles_xml)):
            return None
        styles: dict[str, tuple[str | None, str | None]] = {}
        default_paragraph = default_font = None
        if styles_xml:
            root = _xml(zf, "word/styles.xml", label, styles_xml)
            default_font = _font_in(root.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
            for st in root.findall("w:style", NS):
                sid = st.get(_q("styleId"), "")
                based = st.find("w:basedOn", NS)
                styles[sid] = (_font_in(st.find("w:rPr", NS)), based.get(_q("val")) if based is not None else None)
                if st.get(_q("type")) == "paragraph" and st.get(_q("default")) in ("1", "true", "on"):
                    default_paragraph = sid
        return cls(styles, default_paragraph, default_font)

    def style_font(self, sid: str | None) -> str | None:
        for _ in range(32):  # a chain of styles based on each other ends; a loop does not
            if sid is None or sid not in self.styles:
                return None
            font, sid = self.styles[sid]
            if font:
                return font
        return None

    def font_of(self, t: etree._Element) -> str | None:
        run = t.getparent()
        rpr = run.find("w:rPr", NS) if run is not None else None
        font = _font_in(rpr)
        if font is None and rpr is not None and (rs := rpr.find("w:rStyle", NS)) is not None:
            font = self.style_font(rs.get(_q("val")))
        if font is None:
            p = next((a for a in t.iterancestors(_q("p"))), None)
            ps = p.find("w:pPr/w:pStyle", NS) if p is not None else None
            font = self.style_font(ps.get(_q("val")) if ps is not None else self.default_paragraph)
        return font or self.default_font

    def decode(self, root: etree._Element) -> None:
        for mark in list(root.iter(_q("softHyphen"))):
            if legacy.font_encoding(self.font_of(mark)) and (run := mark.getparent()) is not None:
                # TCVN3's "ư" is Windows-1252's soft hyphen: a converter wrote it as Word's optional hyphen
                t = etree.Element(_T)
                t.text = "\xad"
                run.replace(mark, t)
        for t in root.iter(_T):
            if t.text and (enc := legacy.font_encoding(self.font_of(t))):
                t.text = legacy.decode_font_text(t.text, enc)


def _font_in(rpr: etree._Element | None) -> str | None:
    """The font a run's properties name for its letters (w:hAnsi, which Word uses past ASCII, or w:ascii)."""
    fonts = rpr.find("w:rFonts", NS) if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(_q("hAnsi")) or fonts.get(_q("ascii"))


_WRAPPERS = ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo")
"""Elements that only wrap paragraphs, rows or cells (content controls, custom XML, tracked
insertions): their content is read as if they were not there."""


def _blocks(parent: etree._Element, wanted: tuple[str, ...] = ("p", "tbl")) -> list[etree._Element]:
    """The paragraphs and tables under ``parent``, looking through wrappers."""
    out: list[etree._Element] = []
    stack = list(reversed(list(parent)))
    while stack:
        el = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        local = tag.rsplit("}", 1)[-1]
        if tag.startswith(f"{{{W}}}") and local in wanted:
            out.append(el)
        elif tag.startswith(f"{{{W}}}") and local in _WRAPPERS:
            stack.extend(reversed(list(el)))
    return out


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = regex(r"heading|tieude|tiêu đề|title", re.IGNORECASE)


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
    if len(p) == 0:  # <w:p/>: an empty line, and nothing else to look at
        if hints is not None:
            hints.append(None)
        return [""]
    text = _para_text(p, note_labels)
    label = ""
    pr = p.find("w:pPr/w:numPr", NS)
    if pr is not None:
        nid, ilvl = pr.find("w:numId", NS), pr.find("w:ilvl", NS)
        if nid is not None:
            label = numbering.label(nid.get(_q("val"), ""), _int(ilvl.get(_q("val")), 0, lo=0, hi=9) if ilvl is not None else 0)
    else:
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(_q("val"), "") in style_num:
            nid_s, ilvl_i = style_num[style.get(_q("val"), "")]
            label = numbering.label(nid_s, ilvl_i)
    out = [f"{label} {text}".strip() if label and (text.strip() or bare_label) else text]
    found = list(p.iter(_TXBX))
    # a text box drawn both ways (mc:Choice and the old format's mc:Fallback copy): read once
    found = [box for box in found if not _in_fallback(box)] or found
    boxes = [_para_text(q, note_labels) for box in found for q in box.iter(_q("p"))]
    out.extend(boxes)
    if hints is not None:
        hints.extend([_hint(p)] + [None] * len(boxes))
    return out


def _table_cells(tbl: etree._Element, numbering: _Numbering, style_num: dict[str, tuple[str, int]],
                 note_labels: dict[str, str]) -> list[list[tuple[list[str], int]]]:
    """Each row's cells: the cell's lines and how many grid columns it spans (w:gridSpan). Read once,
    as Word's automatic numbering counts every numbered paragraph it meets."""
    rows: list[list[tuple[list[str], int]]] = []
    for tr in _blocks(tbl, ("tr",)):
        cells: list[tuple[list[str], int]] = []
        for tc in _blocks(tr, ("tc",)):
            cell_lines: list[str] = []
            for block in _blocks(tc):
                if block.tag == _q("p"):
                    cell_lines.extend(x for x in _paragraph_lines(block, numbering, style_num, note_labels, bare_label=True)
                                      if x.strip())
                else:  # a table inside the cell: its lines, as they read
                    cell_lines.extend(x for x in _table_lines(_table_cells(block, numbering, style_num, note_labels))
                                      if x.strip())
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
    Word stores it. A row without text is a row all the same (a form's rows left to fill in, a
    spacer): the table has as many rows as Word's ``w:tr``, as its reader counts them."""
    out: list[tuple[str, ...]] = []
    for row in rows:
        cells: list[str] = []
        for lines, n in row:
            cells.extend([nfc("\n".join(lines))] * n)
        out.append(tuple(cells))
    return tuple(out)
