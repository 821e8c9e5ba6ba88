"""Stage 2 — clean: NFC text → physical lines with source offsets, artefacts set aside.

Guarantees of the output:
- every line keeps the offset of its first kept character in the source;
- Markdown decoration (``#`` headings, ``**``/``__`` emphasis, backslash escapes), form feeds,
  separator rules and page numbers standing alone are removed and recorded as ``Artefact``s;
- a line's cells are the columns of a two-column layout (``pdftotext -layout``, Word tables):
  text separated by a tab or a run of three or more spaces; a line of one column keeps none (its
  text is its one cell).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter
from dataclasses import field, replace

from ..compiled import dataclass, regex
from ..model import Artefact, Span
from ..textnorm import single_spaced

# Cell and Line are never changed once made (``without`` makes a new Line), but they are not
# frozen: a frozen dataclass sets each field through object.__setattr__, and making them was a
# third of line splitting.


@dataclass(slots=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Line:
    """One physical line, stripped, with what surrounds it."""

    text: str
    start: int
    end: int
    indent: int = 0
    """How far the line is indented, in characters (pdftotext marks a page's first line this way,
    and sets a right-hand column's lines far in); a tab counts as one."""
    blank_before: bool = False
    cells: tuple[Cell, ...] = field(default=())
    """The columns, when the line has a gap between them (or is a table's row); empty for a line
    of one cell, which is its text, at its offsets (most lines)."""
    row: bool = False
    """A table's row ("| 1 | Tuyên truyền | Sở Văn hóa … |"): two cells or more between pipes."""
    table: tuple[tuple[str, ...], ...] | None = None
    """The rows of the reader's table (a .docx's ``w:tbl``, a PDF's ruled table) this line is
    printed from; its lines are a table's, never clause markers."""
    plain: bool = False
    """The text is printable and single-spaced (``is_plain``): a paragraph of such lines needs no
    folding of its white space. False when not known."""
    gaps: tuple[int, ...] = ()
    """Where a row's empty cells stand among its cells ("01/2020 | Phê duyệt … | Thủ tướng |  | "):
    ``cells`` holds only those with text, and a table's columns need the rest (``row_texts``)."""
    joined: bool = False
    """A row whose cells a converter joined by " | ", with no outer pipes: every bar a joint."""
    printed: str | None = None
    """The line as printed, where ``text`` is a reading of it (a doc type letter-spaced or with a
    mark an OCR misread, read as the type): what a header line records."""

    def without(self, at: int, length: int) -> Line:
        """The line with ``length`` characters of its text at ``at`` taken out (a footnote's marker):
        from its text and from the cell that holds them, so that no reader of the cells still
        finds them. Offsets stay those of the source, as for the text."""
        cells = self.cells
        if cells:
            kept: list[Cell] = []
            pos = 0
            for cell in cells:  # the cells' texts stand in the line's text in order
                found = self.text.find(cell.text, pos)
                if found != -1:
                    pos = found + len(cell.text)
                    if found <= at and at + length <= pos:
                        k = at - found
                        cell = Cell(cell.text[:k] + cell.text[k + length:], cell.start, cell.end)
                kept.append(cell)
            cells = tuple(kept)
        text = self.text[:at] + self.text[at + length:]
        return replace(self, text=text, cells=cells, plain=is_plain(text))


def row_texts(line: Line) -> tuple[str, ...]:
    """A row's cell texts in their columns, its empty cells kept as ""."""
    texts = [c.text for c in line.cells]
    for k in line.gaps:
        texts.insert(k, "")
    return tuple(texts)


def flat(line: Line) -> str:
    """The line's text with its runs of space folded ("Căn   cứ" of a justified PDF line is "Căn
    cứ"), for the tests of how it opens; the line itself keeps its text as printed."""
    return line.text if line.plain else single_spaced(line.text)


def is_plain(text: str) -> bool:
    """Words with single spaces between them and none around (a tab, a no-break space, a line
    separator are all unprintable): ``single_spaced(text)`` is the text, and not empty."""
    return text.isprintable() and "  " not in text and text[:1] not in ("", " ") and text[-1:] != " "


_MD_HEADING = regex(r"^#{1,6}(?:[ \t]+|$)")
"""A heading's marks, an empty heading's too ("###" alone: pandoc writes an empty heading so)."""
_MD_LISTED_LABEL = regex(r"^[-*+][ \t]+(?=(?:\*\*|__|\*|_)?(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ]\)|\(\d{1,2}\)|\([a-zđ]\))"
                              r"(?:\*\*|__|\*|_)?[ \t]+\S)")
"""A Markdown list item whose text opens with a clause's label ("- a) Đổi mới …", "* 1. Mục đích",
"- **a)** Đổi mới …"): a converter (of a PDF, or a model) made the printed points a list; the label
is the clause's, the bullet only markup."""
_MD_EMPHASIS = (r"\*\*\*\*|\*\*\*|___|\*\*|__|(?<![\w_])_(?=[^\s_])|(?<=[^\s_])_(?![\w_])|^\*(?=[^\s*])|^\*(?=[ \t]+[^\s*][^*\n]*(?<=[^\s*])\*[ \t]*$)|(?<=\s)\*(?=[^\W\d_])|(?<=[(\[“\"])\*(?=[^\s*])|(?<=\s)\*(?=[)\]”\".,;:]|$)|(?<!\*)(?<![^\W_])\*(?=[^\s*][^*\n]*?[^\s*]\*(?!\*)(?![^\W_]))|(?<=[^\s*])\*(?!\*)(?![^\W_])(?<!\s\*)|<br\s*/?>"
                r"|</?(?:a|span|u|b|i|em|strong|sup|sub|font|mark)(?:\s[^<>]*)?>|<!--.*?-->")
"""Emphasis, and the inline HTML a converter leaves in Markdown ("<br>", mammoth's bookmark
anchors "<a id=\"_Hlk…\"></a>", "<u>", "<sup>", a comment: "<!-- image -->" where a converter left
out a picture, "<!-- PageBreak -->")."""
_MD_LINK_TARGET = r"\]\((?:https?://|\\?#|/|\.{1,2}/|mailto:|www\.)[^()\s]*(?:\s+\"[^\"\n]*\")?\)"
_MD_LINK = (r"!\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|\[(?=(?:[^\[\]\n]|\[[^\[\]\n]*\])*" + _MD_LINK_TARGET + ")|"
            + _MD_LINK_TARGET)
"""A link's markup, its text kept: "[Quyết định số 1899/QĐ-TTg](https://…)" reads "Quyết định số
1899/QĐ-TTg" (html2text and markdownify keep a portal's links to the documents it cites), "[[1]](#footnote-1)"
reads "[1]"; only a target that looks like one (a web address, a page's anchor, a path). A picture
("![](media/image1.png)", the emblem or a stamp a converter kept) is markup whole."""
_MD_ESCAPE = r"\\(?=[.)\-*#_\[\]()!+|~^`]|\s*$| {2,})"
"""A backslash escape ("1\\.", "\\-"), or a backslash ending a line or a column of a pandoc table:
a hard line break (pandoc's)."""
_MD_MARKUP: re.Pattern[str] | None = None
"""Emphasis or an escape: compiled on first use (a plan in plain text never needs it)."""
_SEPARATOR = regex(r"^[-–—_=*~.·]{3,}(?:[ \t]+[-–—_=*~.·]{3,})*$|^\+(?:[-=:]{3,}\+)+$|^\*(?:[ \t]+\*)+$")
"""A rule: a line of dashes (typography may have made them en or em dashes: "——-"), underscores …,
a simple table's border, a run of dashes a column ("------- -------", pandoc's plain text), a
grid table's ("+-----+-----+"), or spaced asterisks ("* * *"; "* *", a page's emphasis around
nothing where its text is not read as Markdown)."""
_PAGE_NUMBER = regex(r"^(?:-\s*)?(?:[Tt]rang\s+)?(\d{1,3})(?:\s*/\s*\d{1,3})?(?:\s*-)?$")
# What a stripped line must begin with for each pattern to match it: most lines are tested by
# one character, not a regex
_EMPTY_FIRST = frozenset("|*_")
_SEPARATOR_FIRST = frozenset("-–—_=*~.·+")
_SEPARATOR_SECOND = _SEPARATOR_FIRST | {":"}
"""A rule's second character: a grid table's border may align its first column ("+:===+")."""
# and a page number: "-", "T", "t" or a digit
_CLAUSE_START = regex(r"^(?:[IVX]+\.|\d{1,2}\.|[a-zđ]\))\s")
_CELL_GAP = regex(r"\t+|[ \u00a0]{3,}")
_DIGITS = regex(r"\d+")
_EMPTY_MARKUP = regex(r"\|+|[*_\s]+")
_FENCED_DIV = regex(r":{3,}(?:\s*\{[^{}]*\}|\s+[\w-]+)?")
""""::: {#toanvan .content1}", ":::": pandoc's fenced divs, markup around a page's parts."""
_LONE_PIPES = regex(r"\|+")
"""A line of pipes only: a table's cell boundary as a web page's text keeps it, in any format."""
_ROW_RULE = regex(r"\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?\s*)?\|?")
"""The |---|:---:| rule under a table's header row."""


def split_lines(text: str, *, markdown: bool, running: frozenset[str] = frozenset()) -> tuple[list[Line], list[Artefact]]:
    """``running``: a PDF's running headers and footers (digits masked as "#"), set aside; a text
    in pages (form feeds, a converter's "===== Trang 2 =====") has its own found here."""
    raw, page_starts, artefacts = _physical_lines(text)
    marks = _page_marks(raw) if ("Trang" in text or "Page" in text or "TRANG" in text) and _PAGE_MARK.search(text) else set()
    if marks:
        page_starts = sorted({*page_starts, *marks})
    if not running and len(page_starts) >= RUNNING_PAGES:
        running = running_lines(["\n".join(content for _, content in raw[lo:hi])
                                 for lo, hi in itertools.pairwise([*page_starts, len(raw)])])
    edges = _page_edges(raw, page_starts) if running else set()

    lines: list[Line] = []
    blank = True
    page = 0  # the last page number set aside
    stamps = _signature_stamps(raw) if _has_stamp(text) else set()
    bare = _bare_pipe_rows(raw) if markdown and "-|-" in text else set()
    joined = _joined_cell_rows(raw) if " | " in text else set()
    for i, (start, content) in enumerate(raw):
        if marks and i in marks:  # a converter's page break, "===== Trang 2 =====": no text of the plan
            lead = len(content) - len(content.lstrip())
            artefacts.append(Artefact("page_number", content.strip(), Span(start + lead, start + len(content.rstrip()))))
            blank = True
            continue
        stripped = content.strip()
        if not stripped:
            blank = True
            continue
        lead = len(content) - len(content.lstrip()) if content[0].isspace() else 0
        begin = start + lead
        end = begin + len(stripped)
        if stamps and i in stamps:
            artefacts.append(Artefact("signature_stamp", stripped, Span(begin, end)))
            blank = True
            continue
        first, last = stripped[0], stripped[-1]
        if (first in _EMPTY_FIRST and (_EMPTY_MARKUP if markdown else _LONE_PIPES).fullmatch(stripped)) or (
                markdown and first == ":" and _FENCED_DIV.fullmatch(stripped)):
            # a lone "|" (a converter's table flattened one cell per line), an empty emphasis
            # run ("** **", "* *") or a fenced div's line (":::"): a boundary, not text
            artefacts.append(Artefact("markup", stripped, Span(begin, end)))
            blank = True
            continue
        if (first == "|" or last == "|" or i in bare or i in joined) and len(stripped) > 1:
            # a table row: "| a | b |", or a web page's "a | b |" and "a |" (a row, or a cell to a
            # line, its leading pipe lost)
            rows = _row_lines(stripped, begin, end, blank, markdown, artefacts, outer=i not in joined)
            lines.extend(rows)
            blank = not rows
            continue
        body = stripped
        if markdown:
            body, removed = strip_markdown(body, begin)
            artefacts.extend(removed)
            if not body.strip():
                blank = True
                continue
            body = body.strip()
            begin = _first_kept(text, begin, end, removed)
            first, last = body[0], body[-1]
        if (first in _SEPARATOR_FIRST and (body[1:2] in _SEPARATOR_SECOND or body[:2] == "* ")
                and (_SEPARATOR.match(body) or ("|" in body and _ROW_RULE.fullmatch(body)))):
            # (a table's |---| rule without its outer pipes, "---|---", as html2text writes it, too)
            artefacts.append(Artefact("separator", body, Span(begin, end)))
            blank = True
            continue
        if edges and i in edges and _DIGITS.sub("#", body) in running:
            artefacts.append(Artefact("running_header", body, Span(begin, end)))
            blank = True
            continue
        if ((first in "-Tt" or first.isdecimal()) and (last == "-" or last.isdigit())
                and (_is_page_number(body, raw, i) or _next_page_centred(body, lead, page))):
            # a page number ends with its digits or a dash
            artefacts.append(Artefact("page_number", body, Span(begin, end)))
            page = _page_value(body)
            blank = True
            continue
        # a plain body (most) has no gap between cells, nor has the line: the spaces around the body
        # are stripped, and a gap at its start or end leaves one cell, the body, all the same; in
        # Markdown only a tab parts cells (an HTML table in it, read as a page's table is)
        plain = body.isprintable() and "  " not in body  # ``is_plain`` of a stripped, non-empty text
        lines.append(  # positional: the fields text, start, end, indent, blank_before, cells, row, table, plain
            Line(body, begin, end, 0 if markdown else lead, blank,
                 () if plain or (markdown and "\t" not in body) or not _gap(content)
                 else _markdown_cells(content, start, body) if markdown else _cells(content, start),
                 False, None, plain)
        )
        blank = False
    return lines, artefacts


def _physical_lines(text: str) -> tuple[list[tuple[int, str]], list[int], list[Artefact]]:
    """Each line with its offset; a form feed is a page break: recorded (with where each page's
    lines start), and the rest read as the next line."""
    artefacts: list[Artefact] = []
    page_starts = [0]
    pieces = text.split("\n")
    if "\f" not in text:  # most text: each line where the ones before it end (summed in C)
        ends = map(operator.add, map(len, pieces[:-1]), itertools.repeat(1))
        return list(zip(itertools.accumulate(ends, initial=0), pieces, strict=True)), page_starts, artefacts
    raw: list[tuple[int, str]] = []
    pos = 0
    for piece in pieces:
        sub_pos = pos
        for k, sub in enumerate(piece.split("\f")):
            if k:
                artefacts.append(Artefact("form_feed", "\f", Span(sub_pos - 1, sub_pos)))
                page_starts.append(len(raw))
            raw.append((sub_pos, sub))
            sub_pos += len(sub) + 1
        pos += len(piece) + 1
    return raw, page_starts, artefacts


RIGHT_COLUMN = 40
"""The indentation a line of a table's right-hand cell alone is given: a page's right column."""


def _bare_pipe_rows(raw: list[tuple[int, str]]) -> set[int]:
    """The rows of Markdown tables written without their outer pipes ("a| | b" / "---|---|---",
    as html2text writes them): the line above a "---|---" rule and the lines under it that hold a
    "|", up to a blank line."""
    rows: set[int] = set()
    i = 0
    while i < len(raw):
        body = raw[i][1].strip()
        i += 1
        if not ("-|-" in body and _ROW_RULE.fullmatch(body)) or body.startswith("|"):
            continue
        if i > 1 and "|" in raw[i - 2][1]:
            rows.add(i - 2)
        while i < len(raw) and "|" in raw[i][1] and raw[i][1].strip():
            rows.add(i)  # (a rule among the rows is a row's line here: each line looked at once)
            i += 1
    return rows


JOINED_ROWS = 3
"""The fewest lines in a run, each holding cells joined by " | ", that make a table's rows."""
_JOINED_CELLS = regex(r"(?:^|\s)\|(?:\s|$)")


def _joined_cell_rows(raw: list[tuple[int, str]]) -> set[int]:
    """The rows of a table a converter wrote a row a line, its cells joined by " | " and without
    the outer pipes ("10-11/2019 | Xây dựng … | Ban Quản lý quy hoạch | - Vụ Vật liệu xây dựng";
    " | Lập báo cáo … | …", a row whose first cell is empty): runs of ``JOINED_ROWS`` lines or
    more that each hold such a joint, most not set between pipes (a Markdown table's rows are).
    Fewer are a header's or a signature's two cells ("Số: 836/QĐ-BXD | Hà Nội, ngày …"), read as
    they stand."""
    rows: set[int] = set()
    run: list[int] = []
    for k, (_, content) in enumerate([*raw, (0, "")]):
        if "|" in content and _JOINED_CELLS.search(content):
            run.append(k)
            continue
        if len(run) >= JOINED_ROWS and _a_table_of_joined_rows([raw[r][1].strip() for r in run]):
            rows.update(run)
        run = []
    return rows


def _a_table_of_joined_rows(bodies: list[str]) -> bool:
    """Whether lines holding " | " are a table's rows, a row a line: most not set between pipes
    (a Markdown table's are), and most of those with three cells or more holding the same number
    (a table's width; a group's row spans it in one or two). Lines of a flattened table that a
    converter wrapped at its width ("gian thực hiện | | 1 | Tổ chức điều chỉnh …") hold any, and
    their rows part at "| |", where joined cells leave an empty one as "|  |"."""
    if 2 * sum(1 for b in bodies if b.startswith("|") and b.endswith("|")) >= len(bodies):
        return False
    if any("| |" in b for b in bodies):
        return False
    wide = [n for b in bodies if (n := b.count("|") + 1) >= 3]
    return bool(wide) and 2 * max(map(wide.count, set(wide))) >= len(wide)


def _row_lines(stripped: str, begin: int, end: int, blank: bool, markdown: bool,
               artefacts: list[Artefact], *, outer: bool = True) -> list[Line]:
    """A table row's lines, its pipes (and its |---| rule) set aside in ``artefacts``: one line of
    its cells side by side; or, in a row of two cells (the header's, the signature's) where a cell
    holds several lines (parted by "<br>", or in Markdown by a run of spaces), a line for each of
    them, the cells' lines side by side as a page's table is read (a line of the right-hand cell
    alone is indented: the column it stands in). None when it holds no cell. Without ``outer``
    pipes every bar is a joint between cells (" | b | c" opens with an empty cell)."""
    row = _markdown_row(stripped, begin, markdown=markdown)
    if row is None:  # |---|---|
        artefacts.append(Artefact("separator", stripped, Span(begin, end)))
        return []
    columns, removed = row
    artefacts.extend(removed)
    inner = columns[1 if outer and stripped.startswith("|") else 0:-1 if outer and stripped.endswith("|") else None]
    # two cells side by side, as the header's and the signature's tables have (or three with an
    # empty one between them, Word's spacer column)
    two_sided = len(inner) == 2 or (len(inner) == 3 and not inner[1])
    columns = [col for col in columns if col]
    if not columns:
        return []
    if all(len(col) == 1 for col in columns) or len(columns) != 2 or not two_sided:
        # (a row of one cell, or of a table of many columns — an appendix's task table — stays one
        # line: its rows are the table's, a cell each column; the header's and the signature's
        # tables have two)
        cells = ([c for col in columns for c in col] if len(columns) == 1
                 else [col[0] if len(col) == 1 else Cell(" ".join(c.text for c in col), col[0].start, col[-1].end)
                       for col in columns])
        gaps = tuple(k for k, col in enumerate(inner) if not col) if len(cells) >= 2 else ()
        return [Line("   ".join(c.text for c in cells), cells[0].start, cells[-1].end, blank_before=blank,
                     cells=tuple(cells), row=len(cells) >= 2, gaps=gaps, joined=not outer)]
    out: list[Line] = []
    for i in range(max(len(col) for col in columns)):
        cells = [col[i] for col in columns if i < len(col)]
        first_column = i < len(columns[0])
        out.append(Line("   ".join(c.text for c in cells), cells[0].start, cells[-1].end,
                        indent=0 if first_column else RIGHT_COLUMN, blank_before=blank and i == 0, cells=tuple(cells),
                        row=len(cells) >= 2))
    return out


_PAGE_MARK = regex(r"^[ \t]*(?:={3,}|-{3,}|\*{3,})[ \t]*(?:Trang|TRANG|Page|PAGE)[ \t]+\d{1,4}(?:[ \t]*/[ \t]*\d{1,4})?[ \t]*"
                        r"(?:={3,}|-{3,}|\*{3,})[ \t]*$", re.MULTILINE)
"""A converter's mark where a page begins: "===== Trang 2 =====", "--- Page 3 ---"."""


def _page_marks(raw: list[tuple[int, str]]) -> set[int]:
    """The lines that mark a page's start (``_PAGE_MARK``)."""
    return {k for k, (_, content) in enumerate(raw) if "Trang" in content or "Page" in content or "TRANG" in content
            if _PAGE_MARK.match(content)}


RUNNING_PAGES = 3
"""The fewest pages in which a line repeated at their edges is a running header or footer."""


def running_key(line: str) -> str:
    """A line with its numbers masked: "Trang 3/12" and "Trang 4/12" are one running line."""
    return _DIGITS.sub("#", line.strip())


def running_lines(pages: list[str]) -> frozenset[str]:
    """Lines that open or close most pages (a running header or footer): not plan text, set
    aside as artefacts by the clean stage (never deleted). A numbered clause is never one, even
    when every page opens with "N. Tổ chức …"; a line that only looks numbered is, where its
    label stays and another number changes from page to page ("18.CTRTW31.DOC 2", a Word
    file's name and the page). A glyph alone ("•" printed apart from its point) is none."""
    if len(pages) < RUNNING_PAGES:
        return frozenset()
    from .markers import match

    edge: Counter[str] = Counter()
    labels: dict[str, set[str]] = {}  # a numbered-looking line's masked text -> its labels
    printed: dict[str, set[str]] = {}  # … -> the lines as printed
    bulleted: set[str] = set()  # lines that open with a bullet ("- Nội dung …"): never running
    for page in pages:
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        for ln in {*lines[:2], *lines[-2:]}:
            key = running_key(ln)
            edge[key] += 1
            mark = match(ln)
            if mark is not None and mark.value == 0:
                bulleted.add(key)
            elif mark is not None:
                labels.setdefault(key, set()).add(mark.label)
                printed.setdefault(key, set()).add(ln)
    least = max(RUNNING_PAGES, len(pages) * 0.6)

    def running(key: str, n: int) -> bool:
        if n < least or key in bulleted or not any(c.isalnum() or c == "#" for c in key):
            return False
        return key not in labels or (len(labels[key]) == 1 and len(printed[key]) == n)

    return frozenset(k for k, n in edge.items() if running(k, n))


def _page_edges(raw: list[tuple[int, str]], page_starts: list[int]) -> set[int]:
    """The first two and last two lines with text of each page: where a running header or
    footer stands (the same words in the middle of a page are text: "năm" / "2025")."""
    out: set[int] = set()
    for lo, hi in itertools.pairwise([*page_starts, len(raw)]):
        filled = [k for k in range(lo, hi) if raw[k][1].strip()]
        out.update(filled[:2] + filled[-2:])
    return out


_STAMP_FIELD = regex(r"^[*_]*(?:Ký bởi|Người ký|E-?mail|Cơ quan|Chức vụ|Thời gian ký|Ngày ký|Ký ngày)[*_]*\s*:", re.IGNORECASE)


def _has_stamp(text: str) -> bool:
    """Whether a signature stamp's key field ("Ký bởi:", "Thời gian ký:", in any case) is anywhere:
    looked for before each colon (a plan holds a few dozen), as a search of the lowered text would
    find it (lowering a whole document cost a sixth of its line splitting). A text of colons
    beyond counting is searched lowered."""
    if text.count(":") > STAMP_COLONS:
        return _STAMP_ANYWHERE.search(text.lower()) is not None
    at = text.find(":")
    while at != -1:
        end = at
        while end and text[end - 1].isspace():  # the key's \s* before its colon
            end -= 1
        # lowering never shortens a text: the key's 12 letters are among the last 12 characters
        if text[max(0, end - 12):end].lower().endswith(_STAMP_KEYS):
            return True
        at = text.find(":", at + 1)
    return False


STAMP_COLONS = 2000
"""Colons beyond which a text is searched lowered for a stamp's key (a loop per colon would be long)."""
_STAMP_ANYWHERE = regex(r"(?:ký bởi|thời gian ký)\s*:")
_STAMP_KEYS = ("ký bởi", "thời gian ký")
_STAMP_KEY = regex(r"^[*_]*(?:Ký bởi|Thời gian ký)[*_]*\s*:", re.IGNORECASE)


def _signature_stamps(raw: list[tuple[int, str]]) -> set[int]:
    """Lines of a digital signature's visible stamp ("Ký bởi: Sở Nội vụ" / "Email: …" / "Cơ quan:
    …" / "Thời gian ký: 10.03.2025 08:45:12 +07:00") that an e-office PDF's text layer carries:
    a run of two or more such fields with "Ký bởi" or "Thời gian ký" among them."""
    def field(k: int) -> bool:
        text = raw[k][1]
        return ":" in text and bool(_STAMP_FIELD.match(text.strip()))

    out: set[int] = set()
    i = 0
    while i < len(raw):
        j = i
        fields = []
        while j < len(raw) and (field(j) or (fields and not raw[j][1].strip() and j + 1 < len(raw) and field(j + 1))):
            if raw[j][1].strip():
                fields.append(j)
            j += 1
        if len(fields) >= 2 and any(_STAMP_KEY.match(raw[k][1].strip()) for k in fields):
            out.update(fields)
        i = max(j, i + 1)
    return out


_BR_SPLIT = regex(r"(<br\s*/?>)")
_CELL_BREAKS = regex(r"(<br\s*/?>|(?<=\S) {2,}(?=\S)|(?<=\S)\*{4}(?=\S))")
"""What parts a cell's lines: "<br>"; a run of spaces between words (markdownify); one bold run
closed and the next opened with nothing between ("**KT. GIÁM ĐỐC****PHÓ GIÁM ĐỐC**", html2text's
bold paragraphs of one cell)."""


def _markdown_row(row: str, begin: int, *, markdown: bool = True) -> tuple[list[list[Cell]], list[Artefact]] | None:
    """A Markdown table row (a converter's rendering of Word's header table): its cells, each as
    the lines it holds, with the pipes (and in Markdown the emphasis) set aside. None for the
    |---| rule under a header row."""
    if _ROW_RULE.fullmatch(row):
        return None
    columns: list[list[Cell]] = []
    removed: list[Artefact] = []
    pos = 0
    for k, piece in enumerate(row.split("|")):
        if k:
            removed.append(Artefact("markup", "|", Span(begin + pos - 1, begin + pos)))
        cells: list[Cell] = []
        columns.append(cells)
        # "<br>" inside a cell separates its lines (issuer over two lines); so, in Markdown, does a
        # run of spaces between its words (markdownify writes a cell's paragraphs so)
        sub_pos = pos
        for sub in (_CELL_BREAKS if markdown else _BR_SPLIT).split(piece):
            if sub.startswith("<") or sub == "****":
                removed.append(Artefact("markup", sub, Span(begin + sub_pos, begin + sub_pos + len(sub))))
            elif not sub.strip():
                pass
            else:
                body, marks = strip_markdown(sub, begin + sub_pos) if markdown else (sub, [])
                removed.extend(marks)
                if body.strip():
                    lead = len(sub) - len(sub.lstrip())
                    cells.append(Cell(body.strip(), begin + sub_pos + lead, begin + sub_pos + len(sub.rstrip())))
            sub_pos += len(sub)
        pos += len(piece) + 1
    return columns, removed


def strip_markdown(text: str, begin: int) -> tuple[str, list[Artefact]]:
    removed: list[Artefact] = []
    out = text
    m = _MD_HEADING.match(out)
    if m:
        removed.append(Artefact("markup", m.group().strip(), Span(begin, begin + len(m.group().rstrip()))))
        out = out[m.end():]
        begin += m.end()
    if out[:1] in ("-", "*", "+") and (m := _MD_LISTED_LABEL.match(out)):
        removed.append(Artefact("markup", m.group().strip(), Span(begin, begin + 1)))
        out = out[m.end():]
        begin += m.end()
    pieces: list[str] = []
    last = 0
    global _MD_MARKUP
    if "*" not in out and "_" not in out and "\\" not in out and "<" not in out and "](" not in out:  # no markup can be there
        return out, removed
    if _MD_MARKUP is None:
        # every alternative begins at one of these characters: the lookahead fails fast elsewhere
        _MD_MARKUP = regex(f"(?=[*_\\\\<!\\[\\]])(?:{_MD_EMPHASIS}|{_MD_ESCAPE}|{_MD_LINK})")
    for m in _MD_MARKUP.finditer(out):
        pieces.append(out[last:m.start()])
        removed.append(Artefact("markup", m.group(), Span(begin + m.start(), begin + m.end())))
        last = m.end()
    pieces.append(out[last:])
    return "".join(pieces), removed


def _first_kept(text: str, begin: int, end: int, removed: list[Artefact]) -> int:
    """Offset of the first character of the line that is neither markup nor space."""
    pos = begin
    while pos < end:
        hit = next((a for a in removed if a.span.start <= pos < a.span.end), None)
        if hit is not None:
            pos = hit.span.end
        elif text[pos].isspace():
            pos += 1
        else:
            return pos
    return begin


CENTRED = 16
"""Spaces before a number a layout centred on its line (a page's number; a text's lines open
within a few)."""


def _page_value(body: str) -> int:
    m = _PAGE_NUMBER.match(body)
    return int(m.group(1)) if m else 0


def _next_page_centred(body: str, lead: int, page: int) -> bool:
    """The number after the last page's, centred on its line: a page's number where the page
    broke a sentence ("… về giám" / "5" / "sát biến đổi khí hậu …")."""
    return page > 0 and lead >= CENTRED and _page_value(body) == page + 1


def _is_page_number(body: str, raw: list[tuple[int, str]], i: int) -> bool:
    """A number standing alone between blank lines, or after a finished sentence, or before a
    page's first line (indented, or a new numbered clause)."""
    m = _PAGE_NUMBER.match(body)
    if not m or int(m.group(1)) == 0:
        return False
    before = raw[i - 1][1].strip() if i > 0 else ""
    after_raw = raw[i + 1][1] if i + 1 < len(raw) else ""
    after = after_raw.strip()
    if not before or not after:
        return True
    return before.endswith((".", ";", ":", "./.")) or after_raw[:1].isspace() or bool(_CLAUSE_START.match(after))


def _gap(content: str) -> bool:
    """Whether a gap between cells can be in the line (a tab, three spaces, a no-break space);
    most lines have none and are one cell, the stripped line itself."""
    return "\t" in content or "   " in content or "\u00a0" in content


_LIST_MARKS = frozenset("-–—+•▪◦○●·§Øüvo")
"""A list's marks: a mark and a tab ("-\tNhư trên;", Word's bullet as text, "·\t", "§\t", "o\t") open one cell, not two
(not "*": the Party's star under its committee's name stands in a column of its own)."""


def _cells(content: str, start: int) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    last = 0
    for m in _CELL_GAP.finditer(content):
        if not cells and (mark := content[last:m.start()].strip()) and mark in _LIST_MARKS:
            continue  # the gap after a line's bullet is no column's
        _add_cell(cells, content, start, last, m.start())
        last = m.end()
    _add_cell(cells, content, start, last, len(content))
    return tuple(cells)


def _markdown_cells(content: str, start: int, body: str) -> tuple[Cell, ...]:
    """A Markdown line's cells, parted by tabs only: each the text of the line's own (its emphasis
    already set aside as the line's artefacts: ``body``), placed where its piece of the line is."""
    lead = len(content) - len(content.lstrip())
    pieces, texts = content.strip().split("\t"), body.split("\t")
    if len(pieces) != len(texts):
        return ()
    cells: list[Cell] = []
    pos = start + lead
    for piece, text in zip(pieces, texts, strict=True):
        if text.strip():
            at = pos + len(piece) - len(piece.lstrip())
            cells.append(Cell(text.strip(), at, at + len(piece.strip())))
        pos += len(piece) + 1
    return tuple(cells)


def _add_cell(cells: list[Cell], content: str, start: int, a: int, b: int) -> None:
    piece = content[a:b]
    text = piece.strip()
    if text:
        s = start + a + len(piece) - len(piece.lstrip())
        cells.append(Cell(text, s, s + len(text)))
