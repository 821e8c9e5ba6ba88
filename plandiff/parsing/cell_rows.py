"""A table whose header row a converter kept as a Markdown row and whose body it wrote one cell a
line: rows from the ordinal column.

Why: a Word table with merged cells (a group row across the table) defeats some converters,
which keep the header row ("| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |") and then
write each cell on a line of its own ("1" / "Tổ chức tuyên truyền …" / "a)" / "Tổ chức Hội nghị
…" / "Cục Lâm nghiệp và Kiểm lâm" / "Vụ Pháp chế; …" / "Quý III, IV/2026" / "b)" …). Read line
by line, the table is lost: its points become clauses with the agencies and the dates run into
their text, and its group rows into the point before. A reader finds the rows where the
ordinals stand alone on their lines:

- a row opens at a line that is an ordinal alone and the next of its kind: arabic numbers count
  on ("1", "2." …; "1" again after a roman group's number), a point's letter counts on under its
  number ("a)", "b)" …, from "a" again under the next), "1.1", "1.2" count on under "1", roman
  numbers count on for groups; any other number alone (a quantity, a year) is a cell;
- its cells are the lines up to the next row, in the columns' order (a group row holds its
  title alone);
- header words the converter left under the header row, before the first row ("Thời gian thực
  hiện"), head the last columns;
- a row with more lines than columns was broken by a page: its further lines continue its cells
  in order from its text's (the next page prints each cell's rest in its column);
- the last row takes as many lines as there are columns, no more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..compiled import regex

_HEAD = regex(r"^(?:S\.?\s?TT|TT|Số\s+TT|Số\s+thứ\s+tự)\b\.?", re.IGNORECASE)
"""The ordinal column's head: "TT", "STT", "S.TT", "Số TT"."""
_ORDINAL = regex(r"^(?:(?P<roman>[IVXL]{1,5})|(?P<arabic>\d{1,3}(?:\.\d{1,3})*)|(?P<letter>[a-zđ])(?=[.)]))[.)]?$")
_LETTERS = "abcdđefghiklmnopqrstuvxy"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
CELL_LINES = 12
"""The most lines a cell of a table flattened one cell a line holds: more between two pipes is
prose, not a cell."""
HEADER_SPILL = 2
"""Lines between the header row and the first row that may be header words left under it."""


def is_header(cells: Sequence[str]) -> bool:
    """A header row of three columns or more whose first heads the ordinals."""
    return len(cells) >= 3 and bool(_HEAD.match(cells[0].strip()))


def rows_from_cell_lines(header: Sequence[str], texts: Sequence[str]) -> tuple[tuple[tuple[str, ...], ...], int] | None:
    """The table's rows (the header first, each row as wide as the header) and how many of
    ``texts`` (the lines after the header row) it holds; None when they open no two rows."""
    openers = _openers(texts)
    if len(openers) < 2 or openers[0] > HEADER_SPILL:
        return None
    head = tuple([*(c.strip() for c in header), *(t.strip() for t in texts[:openers[0]])])
    width = len(head)
    rows: list[tuple[str, ...]] = [head]
    for k, at in enumerate(openers):
        last = k + 1 == len(openers)
        end = min(at + width, len(texts)) if last else openers[k + 1]
        rows.append(_row(texts[at].strip(), [t.strip() for t in texts[at + 1:end]], width))
        if last:
            return tuple(rows), end
    return None  # pragma: no cover - the loop returns at its last opener


def _row(number: str, lines: list[str], width: int) -> tuple[str, ...]:
    cells = [number, *lines[:width - 1]]
    cells += [""] * (width - len(cells))
    for n, more in enumerate(lines[width - 1:]):
        col = 1 + n % (width - 1)
        cells[col] = f"{cells[col]}\n{more}" if cells[col] else more
    return tuple(cells)


def _openers(texts: Sequence[str]) -> list[int]:
    """The lines that open a row: ordinals alone, each the next of its kind."""
    out: list[int] = []
    roman = 0
    arabic: tuple[int, ...] = ()
    letter = -1
    roman_since = False
    for i, raw in enumerate(texts):
        m = _ORDINAL.match(raw.strip())
        if m is None:
            continue
        if m.group("roman"):
            value = _roman(m.group("roman"))
            if value != roman + 1:
                continue
            roman, roman_since, letter = value, True, -1
        elif m.group("arabic"):
            parts = tuple(int(p) for p in m.group("arabic").split("."))
            if not _counts_on(arabic, parts, roman_since):
                continue
            arabic, roman_since, letter = parts, False, -1
        else:
            index = _LETTERS.find(m.group("letter"))
            if (not arabic and not roman) or index != letter + 1:
                continue
            letter = index
        out.append(i)
    return out


def _counts_on(last: tuple[int, ...], parts: tuple[int, ...], restart: bool) -> bool:
    """"2" after "1" (or "1.3"), "1.2" after "1.1", "1.1" after "1"; "1" after a roman group."""
    if len(parts) == 1:
        return parts[0] == (last[0] + 1 if last else 1) or (restart and parts[0] == 1)
    return parts[:-1] == last[:len(parts) - 1] and parts[-1] == (last[len(parts) - 1] + 1 if len(last) >= len(parts) else 1)


def _roman(text: str) -> int:
    total = 0
    for k, ch in enumerate(text):
        v = _ROMAN[ch]
        total += -v if k + 1 < len(text) and _ROMAN[text[k + 1]] > v else v
    return total
