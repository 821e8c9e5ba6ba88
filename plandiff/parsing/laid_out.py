"""A table a PDF-to-text tool laid out by position (``pdftotext -layout``): rows from its numbers.

Why: such a tool prints each row's cells side by side, each cell's lines centred in its row, so a
row's lines interleave with its neighbours' ("Đỗ Mạnh Cường" above "1.", "Nguyễn Thị Loan" between
rows) and most lines hold one cell only. Read line by line the table is lost (its cells become
clauses, names run into tasks). A reader finds the columns where every line leaves a gap and
the rows where the ordinal column ("TT", "STT") numbers them, and gives each line to a row:

- the header row is the line whose first column says "TT" or "STT" (and its wrapped words around it);
- a row opens at a line whose first column holds the next ordinal ("1.", "2", …; "I", "II" for
  groups), set at the table's left edge;
- a line with text in the second column (a task's text) belongs to the row above it; the lines
  between one row's last such line and the next row's number are shared, the first half to the
  row above (a cell centred in its row reaches as far up as down);
- each page has its own columns (a table broken by a page is laid out again on the next);
- a cell's lines are joined by a space: a layout wraps a cell's text, and cannot tell a wrap
  from a paragraph of its own.

Positions can not tell every line's row (two rows with the same shape may take their shared
line either way); the rows' count and every line's text are kept, which is what a reader needs
to see the table and what the duties of the plan are read from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..compiled import regex

_HEAD = regex(r"^(?:S\.?\s?TT|TT|Số\s+TT|Số\s+thứ\s+tự)\b\.?", re.IGNORECASE)
"""The ordinal column's head: "TT", "STT", "S.TT", "Số TT"."""
_NUMBER = regex(r"^(?P<n>\d{1,3}|[IVXL]{1,5})[.)]?(?=\s{2,}|$)")
"""A row's number at the table's left edge, alone or two spaces or more before the row's text."""
_GAP = 2
"""Spaces that part two columns (one parts the words of a cell)."""
MAX_CHARS = 500_000
"""The most text a table laid out by position is read from (a plan's task tables hold tens of
thousands of characters); beyond it the lines are read as text."""


def laid_out_table(raws: Sequence[str], pages: Sequence[int]) -> tuple[int, int, tuple[tuple[str, ...], ...]] | None:
    """The first table laid out by position among ``raws`` (lines as printed, their indentation
    kept; ``pages``: each line's page): its first and last line's index and its rows, the header
    row first. None where no line heads an ordinal column or fewer than two rows are numbered."""
    head = next((i for i, raw in enumerate(raws) if _is_head(raw)), None)
    if head is None:
        return None
    edge = _indent(raws[head])
    anchors = _numbered_rows(raws, head, edge)
    if len(anchors) < 2:
        return None
    first = head
    while first > 0 and head - first < 2 and _indent(raws[first - 1]) > edge + 4 and len(raws[first - 1].split()) <= 3:
        first -= 1  # a header cell's word wrapped above the header's line ("Ghi" / … / "chú")
    last = _last_line(raws, anchors[-1], edge)
    if sum(len(raws[i]) for i in range(first, last + 1)) > MAX_CHARS:
        return None  # (finding columns costs the widest line times the lines: bounded)
    columns = _page_columns(raws, pages, first, last)
    if columns is None:
        return None
    width = len(columns[pages[head]])
    owner = _owners(raws, columns, pages, first, last, [head, *anchors])
    rows: list[list[list[str]]] = [[[] for _ in range(width)] for _ in range(len(anchors) + 1)]
    for i in range(first, last + 1):
        spans = columns[pages[i]]
        for k, (a, b) in enumerate(spans):
            text = " ".join(raws[i][a:b].split())
            if text:
                rows[owner[i]][min(k, width - 1)].append(text)
    return first, last, tuple(tuple(" ".join(cell) for cell in row) for row in rows)


def _is_head(raw: str) -> bool:
    text = raw.strip()
    return bool(_HEAD.match(text)) and len(re.split(r"\s{2,}", text)) >= 2


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip())


def _numbered_rows(raws: Sequence[str], head: int, edge: int) -> list[int]:
    """The lines that open a row: a number at the table's edge that follows the one before
    (arabic and roman numbers each count on; a group's "I" may come between "3" and "4")."""
    anchors: list[int] = []
    last = {"arabic": 0, "roman": 0}
    for i in range(head + 1, len(raws)):
        raw = raws[i]
        if not raw.strip():
            continue
        m = _NUMBER.match(raw.lstrip()) if _indent(raw) <= edge + 1 else None
        if m is None:
            if _indent(raw) <= edge and anchors:
                break  # text at the table's edge that numbers no row: the table has ended
            continue
        n = m.group("n")
        kind, value = ("arabic", int(n)) if n.isdigit() else ("roman", _roman(n))
        if value != last[kind] + 1:
            break
        last[kind] = value
        anchors.append(i)
    return anchors


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for k, ch in enumerate(text):
        v = values[ch]
        total += -v if k + 1 < len(text) and values[text[k + 1]] > v else v
    return total


def _last_line(raws: Sequence[str], anchor: int, edge: int) -> int:
    """The last row's last line: up to text at the table's edge, a blank line after some
    text, or the end."""
    last = anchor
    for i in range(anchor + 1, len(raws)):
        if not raws[i].strip():
            break
        if _indent(raws[i]) <= edge:
            break
        last = i
    return last


def _page_columns(raws: Sequence[str], pages: Sequence[int], first: int, last: int) -> dict[int, list[tuple[int, int]]] | None:
    """Each page's columns: where every line of the table on that page leaves a gap."""
    out: dict[int, list[tuple[int, int]]] = {}
    for page in sorted({pages[i] for i in range(first, last + 1)}):
        lines = [raws[i] for i in range(first, last + 1) if pages[i] == page and raws[i].strip()]
        spans = gap_columns(lines)
        if len(spans) < 2:
            return None
        out[page] = spans
    return out


def gap_columns(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The columns of ``lines`` laid out by position: the spans between the places where every
    line leaves two spaces or more."""
    width = max(len(r) for r in lines)
    blank = [all(i >= len(r) or r[i] == " " for r in lines) for i in range(width)]
    spans: list[tuple[int, int]] = []
    start: int | None = None
    gap = 0
    for i, free in enumerate([*blank, *[True] * _GAP]):
        if not free:
            if start is None:
                start = i
            gap = 0
            continue
        gap += 1
        if start is not None and gap == _GAP:
            spans.append((start, i - _GAP + 1))
            start = None
    return spans


def _owners(raws: Sequence[str], columns: dict[int, list[tuple[int, int]]], pages: Sequence[int],
            first: int, last: int, openers: list[int]) -> dict[int, int]:
    """Each line's row (0 the header): see the module's docstring."""
    def has_text(i: int) -> bool:  # text in the second column: a task's own line
        spans = columns[pages[i]]
        a, b = spans[1]
        return bool(raws[i][a:b].strip())

    owner = {i: 0 for i in range(first, openers[0] + 1)}
    bounds = [*openers, last + 1]
    for r in range(len(openers)):
        lo, hi = bounds[r], bounds[r + 1]
        owner[lo] = r
        between = list(range(lo + 1, hi))
        own = [i for i in between if has_text(i)] if r else []
        reach = own[-1] if own else lo
        for i in between:
            if i <= reach:
                owner[i] = r
        shared = [i for i in between if i > reach]
        if r + 1 == len(openers):  # the last row: what follows it is its own
            for i in shared:
                owner[i] = r
            continue
        keep = (len(shared) + 1) // 2
        for k, i in enumerate(shared):
            owner[i] = r if k < keep else r + 1
    return owner
