"""Read a PDF's text by where its glyphs stand, not by the order they were drawn in.

pypdf reads a page in drawing order. A PDF whose font lacked Vietnamese letters has the missing
ones drawn from another font after the rest of each line ("Th c hi n … ự ệ"): only their places
on the page put them back. PDFium (pypdfium2) gives each glyph's baseline origin and box; glyphs
on one baseline are a line, ordered left to right, a gap wider than a glyph a space and a wide one
a run of spaces (a column gap, as ``pdftotext -layout`` writes it). The line's distance from the
page's left edge is kept as leading spaces, so columns and indents read as they do there.
"""

from __future__ import annotations

import ctypes
from collections import Counter

from .. import errors
from ..compiled import dataclass

BASELINE_TOLERANCE = 0.45
"""Glyphs whose baselines differ by less than this share of the font size are one line (a
superscript footnote mark stands about a third of the size higher)."""
SPACE_GAP = 0.12
"""A gap between glyphs wider than this share of the font size is a space between words (glyphs of
one word stand at most 0.08 apart; a wider glyph from another font may eat most of the space
after it). Chosen on two Word documents exported so: 0.12 gives back the most of their words."""
SPACE_GAP_AFTER_FALLBACK = 0.08
"""The same after a letter drawn in another font than its line's (one the line's font lacks,
drawn from a fallback font): its advance, wider than the place the line left it, eats up to
0.15 of the space after it. Measured on nine LibreOffice exports drawing DejaVu Serif into
Liberation Serif lines: within a word at most 0.06 after such a letter, between words at least 0.10."""
COLUMN_GAP = 2.0
"""A gap wider than this many font sizes separates columns: written as four spaces (a cell gap)."""
CHAR_WIDTH = 0.5
"""The width of an average glyph, as a share of the font size: leading spaces of an indent."""


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    x: float
    y: float
    right: float
    size: float
    font: str = ""


def pages_by_position(data: bytes, *, label: str = "input") -> list[str]:
    """Each page's text, lines top to bottom, glyphs left to right."""
    return ["\n".join(text for _, text in lines) for lines in lines_by_position(data, label=label)]


def lines_by_position(data: bytes, *, label: str = "input") -> list[list[tuple[float, str]]]:
    """Each page's lines as (baseline height on the page, text), top to bottom."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise errors.MissingDependency(f"{label}: reading this PDF by position needs pypdfium2: pip install pypdfium2") from exc
    try:
        doc = pdfium.PdfDocument(data)
    except Exception as exc:
        raise errors.CorruptDocument(f"{label}: damaged or truncated PDF ({type(exc).__name__}: {exc})") from exc
    try:
        out = []
        for k in range(len(doc)):
            page = doc[k]
            textpage = page.get_textpage()
            left, bottom, right, top = page.get_bbox()  # the page as shown (its box inherited too)
            # text drawn off the page (a browser's print draws some fallback glyphs below its
            # bottom) is not on the page a reader sees
            out.append(layout_lines([g for g in _glyphs(textpage, raw)
                                     if left - 1 <= g.x <= right + 1 and bottom - 1 <= g.y <= top + 1]))
            textpage.close()
            page.close()
        return out
    finally:
        doc.close()


def _glyphs(textpage: object, raw: object) -> list[Glyph]:
    x, y = ctypes.c_double(), ctypes.c_double()
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    glyphs = []
    for i in range(textpage.count_chars()):  # type: ignore[attr-defined]
        code = raw.FPDFText_GetUnicode(textpage, i)  # type: ignore[attr-defined]
        if code == 0 or chr(code) in "\r\n" or raw.FPDFText_IsGenerated(textpage, i) == 1:  # type: ignore[attr-defined]
            continue  # PDFium's own line breaks and guessed spaces: the places decide those
        if chr(code).isspace():
            code = ord(" ")  # a space the PDF draws: kept where it stands (a narrow gap may be a word's end)
        if code == 2:  # PDFium's mark for a hyphen that ends a line: the hyphen printed there
            code = ord("-")
        raw.FPDFText_GetCharOrigin(textpage, i, x, y)  # type: ignore[attr-defined]
        size = raw.FPDFText_GetFontSize(textpage, i) or 10.0  # type: ignore[attr-defined]
        _left, _bottom, right, _top = textpage.get_charbox(i, loose=True)  # type: ignore[attr-defined]  # the advance, not the ink (a "1" is narrow)
        raw.FPDFText_GetFontInfo(textpage, i, name, len(name), flags)  # type: ignore[attr-defined]
        glyphs.append(Glyph(chr(code), x.value, y.value, max(right, x.value), size, name.value.decode("latin-1")))
    return glyphs


def layout(glyphs: list[Glyph]) -> str:
    """Glyphs as lines of text (see the module's docstring)."""
    return "\n".join(text for _, text in layout_lines(glyphs))


def layout_lines(glyphs: list[Glyph]) -> list[tuple[float, str]]:
    """Glyphs as (baseline, text) lines, top to bottom."""
    if not glyphs or all(g.char == " " for g in glyphs):
        return []
    lines: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (-g.y, g.x)):
        if lines and abs(lines[-1][0].y - g.y) <= BASELINE_TOLERANCE * max(g.size, lines[-1][0].size):
            lines[-1].append(g)
        else:
            lines.append([g])
    margin = min(g.x for g in glyphs if g.char != " ")
    out = []
    for line in lines:
        line.sort(key=lambda g: g.x)
        while line and line[0].char == " ":
            line.pop(0)
        if not line:
            continue
        size = max(g.size for g in line)
        font = Counter(g.font for g in line if g.char != " ").most_common(1)[0][0]
        indent = int((line[0].x - margin) / (CHAR_WIDTH * size))
        parts = [" " * indent if indent >= 3 else ""]
        prev: Glyph | None = None
        for g in line:
            if g.char == " ":
                if parts[-1] != " " and prev is not None:
                    parts.append(" ")
                continue
            if prev is not None:
                gap = g.x - prev.right
                if gap > COLUMN_GAP * size:
                    parts.append("    " if parts[-1] != " " else "   ")
                elif parts[-1] != " " and gap > size * (SPACE_GAP_AFTER_FALLBACK if prev.font != font else SPACE_GAP):
                    parts.append(" ")
            parts.append(g.char)
            prev = g
        out.append((line[0].y, "".join(parts).rstrip()))
    return out
