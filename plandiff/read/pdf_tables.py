"""Ruled tables of a PDF: the rows of an appendix's task table, which a PDF's text does not keep.

A PDF's text gives a table's cells line by line as they stand on the page: a cell of three names
beside a cell of one line interleaves with the rows above and below it, and no rule tells rows
apart. The ruling lines do. pdfplumber (over pdfminer.six) finds the grid they draw and the text
in each cell; only pages that draw enough paths to hold a grid are given to it (counted by PDFium
in C: pdfminer reads a page in Python, tens of milliseconds each).

Each table is then placed over the document's text: the run of the page's lines holding exactly
the table's characters (``place``). A table that cannot be placed so is left out, and its lines
read as before; one that is placed becomes the reader's table geometry, as a .docx's ``w:tbl`` is
(``SourceText.tables``), so an appendix takes its rows from it.
"""

from __future__ import annotations

import io
import itertools
import re
import time
from collections import Counter
from typing import Any

from ..compiled import regex
from ..textnorm import nfc

MIN_PATHS = 4
"""Path objects a page draws from which it may hold a ruled table (a rule under the motto or a
signature is one or two)."""
MAX_PATHS = 3000
"""Path objects past which a page is a drawing (a map, a chart), not a table: not searched."""
MAX_TABLE_PAGES = 40
"""Pages searched for tables: a plan's appendices are a few pages; past this, none is searched."""
SECONDS = 4.0
"""Time for the search over a whole file (pdfminer reads in Python): pages past it are left to the text."""

Rows = tuple[tuple[str, ...], ...]


def ruled_tables(data: bytes) -> list[tuple[int, Rows]]:
    """(page index, rows of cell texts) of each ruled table of two columns or more and two rows or
    more (or one, continuing a table of as many columns on the page before), in page order. Empty
    when pdfplumber is not installed or the file defeats it."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:  # pragma: no cover - depends on the installation
        return []
    try:
        doc = pdfium.PdfDocument(data)
        try:
            ruled = [k for k in range(len(doc))
                     if MIN_PATHS <= _paths(doc[k], pdfium_c.FPDF_PAGEOBJ_PATH) <= MAX_PATHS][:MAX_TABLE_PAGES]
        finally:
            doc.close()
        if not ruled:
            return []
        try:
            import pdfplumber  # loaded only for a PDF that draws a grid (pdfminer takes ~0.1 s to import)
        except ImportError:  # pragma: no cover - depends on the installation
            return []
        out: list[tuple[int, Rows]] = []
        deadline = time.monotonic() + SECONDS
        with pdfplumber.open(io.BytesIO(data), pages=[k + 1 for k in ruled]) as pdf:
            for k, page in zip(ruled, pdf.pages, strict=True):
                if time.monotonic() > deadline:
                    break
                for table in page.extract_tables():
                    rows = tuple(tuple(_cell(c) for c in row) for row in table)
                    rows = tuple(r for r in rows if any(r))
                    if not rows or max(len(r) for r in rows) < 2:
                        continue
                    # one row alone is a table only as the rest of one the page before ended with
                    if len(rows) >= 2 or (out and out[-1][0] == k - 1 and len(out[-1][1][-1]) == len(rows[0])):
                        out.append((k, rows))
        return out
    except Exception:  # noqa: BLE001 - a best effort: the text is read either way
        return []


def _paths(page: Any, kind: int) -> int:
    """Path objects of the page, counted up to one past ``MAX_PATHS``."""
    return sum(1 for _ in itertools.islice(page.get_objects(filter=(kind,), max_depth=2), MAX_PATHS + 1))


def _cell(text: str | None) -> str:
    """A cell's lines: a line that starts with a capital or a bullet is a line of its own (a name
    under a name, as a .docx cell's paragraphs are); any other continues the one above, wrapped
    ("… công nhận kết" / "quả kiểm tra", "… đợt" / "14")."""
    if not text:
        return ""
    out: list[str] = []
    for line in nfc(text).split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if out and not (line[:1].isupper() or line[:1] in "-+•*–"):
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n".join(out)


_BLANK = regex(r"\s+")


def place(text: str, tables: list[tuple[int, Rows]]) -> list[tuple[int, int, Rows]]:
    """Each table's span over ``text`` (pages separated by form feeds): the shortest run of lines
    of its page whose characters, spaces aside, are exactly the table's. Tables not found so are
    left out."""
    pages: list[int] = [0]
    for m in re.finditer("\f", text):
        pages.append(m.end())
    out: list[tuple[int, int, Rows]] = []
    taken: list[tuple[int, int]] = []
    for k, rows in tables:
        if k >= len(pages):
            continue
        lo = pages[k]
        hi = pages[k + 1] - 1 if k + 1 < len(pages) else len(text)
        span = _window(text, lo, hi, Counter(_BLANK.sub("", "".join(c for r in rows for c in r))), taken)
        if span is not None:
            taken.append(span)
            out.append((*span, rows))
    return out


def _window(text: str, lo: int, hi: int, want: Counter[str], taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    lines: list[tuple[int, int, Counter[str]]] = []
    pos = lo
    for raw in text[lo:hi].split("\n"):
        end = pos + len(raw)
        if raw.strip():
            lines.append((pos, end, Counter(_BLANK.sub("", raw))))
        pos = end + 1
    total = sum(want.values())
    for a in range(len(lines)):
        have: Counter[str] = Counter()
        for b in range(a, len(lines)):
            have += lines[b][2]
            if sum(have.values()) > total or not have.keys() <= want.keys():
                break
            if have == want:
                span = (lines[a][0], lines[b][1])
                if not any(s < span[1] and span[0] < e for s, e in taken):
                    return span
                break
    return None
