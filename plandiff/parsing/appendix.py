"""Appendices (PHỤ LỤC) after a plan's signature: heading, "(Kèm theo …)" line, tables, clauses.

Appendix task tables are often the part of a plan that changes most, so they are read as tables
wherever the format keeps them:

- .docx: the reader's table geometry (``SourceText.tables``), one row per ``w:tr``; a PDF's ruled
  tables come the same way (``read.pdf_tables``: rows from the ruling lines);
- Markdown pipe rows (``| a | b |``): one row per line;
- Markdown flattened one cell per line by portal converters (a lone ``|`` between cells, two in a
  row between rows): rows recovered from the column count that best explains the pipes;
- a table a PDF-to-text tool laid out by position, its rows numbered under a "TT" / "STT"
  column (``laid_out``: rows from the numbers, each line given to its row);
- text with tab- or space-separated columns (HTML tables, ``pdftotext -layout``): best effort, a
  row per line.

Everything else is paragraphs, nested into clauses as in the body. Every line of an appendix is
either a heading line, a table cell or paragraph text, so the nothing-lost audit covers them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..compiled import dataclass, regex
from ..model import Appendix, Artefact, Clause, HeaderLine, Span, Table
from . import cell_rows, markers, structure
from .laid_out import gap_columns, laid_out_table
from .lines import Line, row_texts

_HEADING = regex(r"^(?P<label>PHỤ\s+(?:LỤC|BIỂU)(?:\s+(?:SỐ\s+)?(?:[IVXLC]{1,6}|\d{1,3}|[A-Z]))?)\b\s*[.:\-–]?\s*(?P<rest>.*)$")
_REF = regex(r"^[*_\s]*(?:\(\s*(?:[Bb]an\s+hành\s+)?[Kk]èm|[Bb]an\s+hành\s+kèm|Kèm)\s+theo\b")
"""An appendix's reference to the document it goes with: "(Kèm theo Kế hoạch số …)", "(Ban hành
kèm theo …)", and as a Word file may print it without its brackets ("ban hành kèm theo Kế hoạch …",
"Kèm theo …")."""


@dataclass(frozen=True, slots=True)
class _SetAside:
    """What the line reader set aside, in order with offsets for bisection: the lone "|" of
    flattened tables, and the rest (emphasis, escapes, footnote markers), which a row read from
    the source leaves out as its line does."""

    pipes: list[Artefact]
    starts: list[int]
    marks: list[Artefact]
    mark_starts: list[int]


_LABEL_ONLY = regex(r"^(?P<label>Phụ\s+(?:lục|biểu)(?:\s+(?:số\s+)?(?:[IVXLC]{1,6}|\d{1,3}|[A-Z]))?)\s*[.:]?(?P<rest>)$")
""""Phụ lục 02" in sentence case: a heading only when it is the whole line."""


_FORM = regex(r"^(?P<label>(?:BIỂU MẪU|Biểu mẫu|MẪU|Mẫu|BIỂU|Biểu)\s+(?:SỐ|số)\s*\d{1,3}[A-Za-z]?(?:/[A-ZĐa-zđ0-9-]{1,12})?)"
              r"\s*(?:[.:\-–]\s*(?P<rest>\S.*))?$")
"""A form appended after the signature ("Mẫu số 01", "BIỂU MẪU SỐ 02: BÁO CÁO KẾT QUẢ …", "Biểu số
03/BC"): a heading of its own only there, where the plan's text has ended (``is_form_heading``)."""


def is_heading(line: Line) -> bool:
    """"PHỤ LỤC", "PHỤ LỤC I", "PHỤ LỤC 2: DANH MỤC …" set in capitals on a line of its own, or
    the label alone in sentence case ("Phụ lục 02"); "PHỤ BIỂU" (a table appended) alike."""
    head = line.text[:1]
    if head != "P" and not head.isspace():  # both open with "PHỤ" or "Phụ": most lines are out at once
        return False
    text = line.text.strip()
    if not text.startswith("P"):
        return False
    return (bool(_HEADING.match(text)) and text == text.upper()) or bool(_LABEL_ONLY.match(text))


def is_form_heading(line: Line) -> bool:
    """A form's label opening its line ("Mẫu số 01", "BIỂU SỐ 02: …"): an appendix's heading
    where it stands after the signature and no PHỤ LỤC came before it (the forms of one appendix
    are its parts) — the callers' to see (in a plan's text, "Mẫu số 01" alone on a line is a
    wrapped sentence's end as often)."""
    head = line.text.lstrip()[:1]
    return head in ("B", "M") and _FORM.match(line.text.strip()) is not None


def is_ref(text: str) -> bool:
    """"(Kèm theo Kế hoạch số … ngày …)", "(Ban hành kèm theo Quyết định số …)"."""
    return bool(_REF.match(text.strip()))


REF_LINES = 4
"""Lines a wrapped "(Kèm theo …)" reference may take."""
_WRAP_CHARS = 130
"""A longer line is a paragraph of its own (one per line), never a printed reference's wrap."""


def ref_end(lines: Sequence[Line], i: int) -> int:
    """Where the "(Kèm theo …)" reference opening at ``lines[i]`` ends: after its closing
    parenthesis, or before a line that cannot be its wrap — a numbered line ("I. MỤC ĐÍCH"), a
    paragraph of its own, or any line after an italic line that closes ("… Môi trường*": a
    converter's reference that lost its parenthesis would otherwise take the plan's opening)."""
    k = i
    bracketed = lines[i].text.lstrip(" *_").startswith("(")
    while k < len(lines) and k - i < REF_LINES:
        text = lines[k].text.strip()
        if k > i:
            prev = lines[k - 1].text.strip()
            if (prev[:1] in "*_" and prev[-1:] in "*_") or len(text) > _WRAP_CHARS or markers.match(text) is not None:
                break
            if not bracketed and (lines[k].blank_before or lines[k].row or len(lines[k].cells) >= 2):
                break  # (one without its brackets ends with its paragraph: "Mẫu số 01/HNCT" is the next)
        k += 1
        if text.rstrip(" *_").endswith(")"):
            break
    return k


SCHEDULE_ROWS = 3
"""The fewest rows of a table under a title that make it the plan's schedule (``titles_schedule``)."""
_SECTION_OPENS = regex(r"^(?:[IVXL]{1,6}|\d{1,2}|[A-Z])[.)/-]\s")


def titles_schedule(lines: Sequence[Line], i: int) -> bool:
    """A title in capitals over a table, where the body's sections are done — the schedule a
    plan prints after its last section ("NỘI DUNG CHI TIẾT" over "Thời gian | Nội dung công
    việc | …", the "biểu kèm theo" its text points to), an appendix that prints no "PHỤ LỤC" nor
    reference. A title over a table inside a section, with sections after it, is the section's."""
    k = i + 1
    if k < len(lines) and not _a_row(lines[k]) and _is_title_text(lines[k].text):
        k += 1  # a title of two lines
    if k + SCHEDULE_ROWS > len(lines) or not all(map(_a_row, lines[k:k + SCHEDULE_ROWS])):
        return False
    title = lines[i]
    if _a_row(title) or len(title.text) < 6 or not _is_title_text(title.text):
        return False
    if markers.match(title.text.strip()) is not None:
        return False
    return not _opens_later(lines, k, _SECTION_OPENS)


_TOP_OPENS = regex(r"^[IVXL]{1,6}[.)/-]\s")


def opens_in_body(lines: Sequence[Line], i: int) -> bool:
    """An appendix that opens where a body could still go on (a plan a decision issued ends with
    no signature of its own): a titled schedule (``titles_schedule``), or a title over its "(Kèm
    theo …)" reference ("DANH MỤC" / "CÁC NHIỆM VỤ CHỦ YẾU …" / "(Kèm theo Chương trình …)")
    with no section of the body's after it (its own items may follow)."""
    # (the cheap looks first: this is asked of every line of the body, and a title opens in capitals)
    if not lines[i].text[:2].isupper():
        return False
    near_ref = any(lines[k].text.lstrip(" *_")[:1] == "(" for k in range(i + 1, min(i + 4, len(lines))))
    if near_ref and starts_at(lines, i) and not is_heading(lines[i]):
        return not _opens_later(lines, i + 1, _TOP_OPENS)
    return bool(lines[i + 1].row or lines[i + 2].row or lines[i + 1].cells or lines[i + 2].cells) and titles_schedule(lines, i)


def title_start(lines: Sequence[Line], i: int, lo: int) -> int:
    """Where the title of the appendix found at ``i`` begins: a short line in capitals above it
    opens it ("DANH MỤC" / "CÁC NHIỆM VỤ CHỦ YẾU …", the first too short to be found alone)."""
    while (i > lo and i > 0 and len(lines[i - 1].text) < 12 and not _a_row(lines[i - 1])
           and _is_title_text(lines[i - 1].text) and markers.match(lines[i - 1].text.strip()) is None):
        i -= 1
    return i


def _opens_later(lines: Sequence[Line], k: int, opens: re.Pattern[str]) -> bool:
    """Whether a line from ``k`` on, not a table's row, opens as ``opens`` says (a section, an item)."""
    return any(opens.match(ln.text.strip()) and not ln.row and ln.table is None for ln in lines[k:])


def _a_row(line: Line) -> bool:
    """A table's row: between bars, a reader's table's, or cells a tab apart ("plandiff"'s own text)."""
    return line.row or line.table is not None or len(line.cells) >= 2


def starts_at(lines: Sequence[Line], i: int) -> bool:
    """An appendix opens here: a PHỤ LỤC heading, or a title in capitals whose next lines give
    the "(Kèm theo …)" reference (an appendix that prints no "PHỤ LỤC")."""
    if is_heading(lines[i]):
        return True
    if len(lines[i].text) < 12 or not _is_title_text(lines[i].text):
        return False
    for k in range(i + 1, min(i + 4, len(lines))):
        if is_ref(lines[k].text):
            return True
        if not _is_title_text(lines[k].text):
            return False
    return False


def read(lines: Sequence[Line], artefacts: Sequence[Artefact], tables: Sequence[tuple[int, int, tuple[tuple[str, ...], ...]]],
         source: str, *, hard_wraps: bool, soft_wraps: bool, width: int,
         ordinal: int = 1) -> tuple[list[Appendix], list[HeaderLine], list[Artefact]]:
    """Read ``lines`` (which start with an appendix) into appendices, their heading lines, and
    the artefacts found in them (a table header a page repeats)."""
    first_heading = next((i for i in range(len(lines)) if is_heading(lines[i])), len(lines))
    starts = [i for i in range(len(lines)) if i == 0 or is_heading(lines[i])
              or (i < first_heading and is_form_heading(lines[i]))
              or (starts_at(lines, i) and not _in_title(lines, i))]
    # the lone pipes of flattened tables, once, in order: each appendix takes its own by bisection
    ordered = sorted(artefacts, key=lambda a: a.span.start)
    pipes = [a for a in ordered if a.kind == "markup" and set(a.text) == {"|"}]
    marks = [a for a in ordered if "|" not in a.text]
    index = _SetAside(pipes, [a.span.start for a in pipes], marks, [a.span.start for a in marks])
    out: list[Appendix] = []
    header: list[HeaderLine] = []
    found: list[Artefact] = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(lines)
        app, hl, arts = _read_one(list(lines[s:e]), index, tables, source, hard_wraps=hard_wraps,
                                  soft_wraps=soft_wraps, width=width, prefix=f"PL{ordinal + k}")
        out.append(app)
        header.extend(hl)
        found.extend(arts)
    return out, header, found


def _in_title(lines: Sequence[Line], i: int) -> bool:
    """A capitals line right after a heading or another title line continues that title."""
    return (i > 0 and (is_heading(lines[i - 1]) or is_form_heading(lines[i - 1]) or _is_title_text(lines[i - 1].text))
            and not is_heading(lines[i]))


def _read_one(block: list[Line], index: _SetAside, tables: Sequence[tuple[int, int, tuple[tuple[str, ...], ...]]],
              source: str, *, hard_wraps: bool, soft_wraps: bool, width: int,
              prefix: str) -> tuple[Appendix, list[HeaderLine], list[Artefact]]:
    header: list[HeaderLine] = []
    label: str | None = None
    title_parts: list[str] = []
    i = 0
    first = block[0].text.strip()
    m = ((_HEADING.match(first) or _LABEL_ONLY.match(first)) if is_heading(block[0])
         else _FORM.match(first) if is_form_heading(block[0]) else None)
    if m:
        label = re.sub(r"\s+", " ", m.group("label"))
        if (m.group("rest") or "").strip():
            title_parts.append(m.group("rest").strip())
        header.append(HeaderLine("appendix", block[0].text, Span(block[0].start, block[0].end)))
        i = 1
    while i < len(block) and not is_ref(block[i].text) and _is_title_text(block[i].text) and sum(
            not _LONE_MARKED_LETTER.fullmatch(p.strip()) for p in title_parts) < 6:
        title_parts.append(block[i].text)
        header.append(HeaderLine("appendix", block[i].text, Span(block[i].start, block[i].end)))
        i += 1
    if label is not None and i < len(block) and not is_ref(block[i].text):
        # a title in sentence case: the lines between the label and its "(Kèm theo …)" line
        k = next((j for j in range(i, min(i + 4, len(block))) if is_ref(block[j].text)), None)
        if k is not None and all(_may_title(block[j]) for j in range(i, k)):
            for ln in block[i:k]:
                title_parts.append(ln.text)
                header.append(HeaderLine("appendix", ln.text, Span(ln.start, ln.end)))
            i = k
    title_parts = _without_copied_letters(title_parts)
    ref_parts: list[str] = []
    if i < len(block) and is_ref(block[i].text):
        for ln in block[i:ref_end(block, i)]:
            ref_parts.append(ln.text)
            header.append(HeaderLine("appendix", ln.text, Span(ln.start, ln.end)))
            i += 1
    content = block[i:]
    found_tables, rest, repeated = _tables(content, index, tables, source, block[i - 1].end if i else block[0].start)
    paras = structure.paragraphs(rest, width=width, hard_wraps=hard_wraps, soft_wraps=soft_wraps) if rest else []
    lead, clauses = structure.build_tree(paras)
    text = "\n".join(p.text if p.marker is None else " ".join(ln.text for ln in p.lines) for p in lead)
    title = (re.sub(r"\s+", " ", structure.join_lines(title_parts)).strip() or None) if title_parts else None
    ref = (re.sub(r"\s+", " ", structure.join_lines(ref_parts)).strip(" *_") or None) if ref_parts else None
    span = Span(block[0].start, block[-1].end)
    return (Appendix(label, title, ref, text, tuple(_prefixed(c, prefix) for c in clauses), tuple(found_tables), span),
            header, repeated)


_MARKED_CAPITALS = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LONE_MARKED_LETTER = regex(f"[{_MARKED_CAPITALS}](?:\\s+[{_MARKED_CAPITALS}])*")
"""Marked capitals standing alone, one a line (pdfminer) or spaced on one line (pdfplumber)."""


def _without_copied_letters(parts: list[str]) -> list[str]:
    """A title's lines without the marked capitals a PDF tool printed apart before them ("Ố" /
    "Ể" / … a line each, or "Ố Ể Ắ Ồ Ủ Ả"): a bold heading's letters drawn from a fallback font,
    copied where the heading, whole after them, holds every one of them (they stay the
    appendix's header lines). Lone letters the rest does not hold are the title's own."""
    lone = [p for p in parts if _LONE_MARKED_LETTER.fullmatch(p.strip())]
    if not lone:
        return parts
    rest = [p for p in parts if not _LONE_MARKED_LETTER.fullmatch(p.strip())]
    copied = Counter(ch for p in lone for ch in p if not ch.isspace())  # (each as many times as printed)
    return rest if not copied - Counter(" ".join(rest)) else parts


def _may_title(line: Line) -> bool:
    """A line that may be part of an appendix's title: no table's row, no numbered clause."""
    return (not line.row and line.table is None and len(line.cells) < 2 and len(line.text) <= 300
            and markers.match(line.text) is None)


def _is_title_text(text: str) -> bool:
    """Set in capitals, allowing a few lower-case letters of names such as "IoT" or "5G/4G"."""
    if "\t" in text:
        return False
    if text.isupper():  # no letter in small case: any letter will do
        return any(map(str.isalpha, text))
    letters = list(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.islower, letters)) <= 0.1 * len(letters)


def _prefixed(clause: Clause, prefix: str) -> Clause:
    """Appendix clause ids carry the appendix ("PL1.2.a") so they never collide with the body's."""
    return replace(clause, id=f"{prefix}.{clause.id}", children=tuple(_prefixed(c, prefix) for c in clause.children))


def _tables(content: list[Line], index: _SetAside,
            geometry: Sequence[tuple[int, int, tuple[tuple[str, ...], ...]]], source: str,
            lo: int) -> tuple[list[Table], list[Line], list[Artefact]]:
    """Split the content lines (which follow the heading lines ending at ``lo``) into tables and
    the rest (and the header rows a table broken by a page repeats)."""
    if not content:
        return [], [], []
    hi = content[-1].end
    used: set[int] = set()
    found: list[tuple[int, Table]] = []
    starts = [ln.start for ln in content]  # lines come in order: positions are found by bisection

    def line_at(pos: int) -> int | None:
        k = bisect.bisect_right(starts, pos) - 1
        return k if k >= 0 and content[k].start <= pos < content[k].end else None

    # 1. tables whose geometry the reader kept (.docx)
    for start, end, rows in geometry:
        if not lo <= start <= hi:
            continue
        inside = range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
        if len(inside):
            used.update(inside)
            found.append((start, Table(rows, Span(start, end))))
    # 2. Markdown flattened one cell per line: lone pipes outside any line
    upto = bisect.bisect_right(index.starts, hi)
    if upto < len(index.pipes) and not source[hi:index.pipes[upto].span.start].strip():
        upto += 1  # the pipe closing the last cell, after the appendix's last line
    window = index.pipes[bisect.bisect_left(index.starts, lo):upto]
    pipes = [a for a in window if line_at(a.span.start) is None and _alone_on_its_line(source, a.span.start)]
    if pipes:
        first, last = pipes[0].span.start, pipes[-1].span.end
        cells_lines = [k for k, ln in enumerate(content) if first < ln.start < last and k not in used]
        tokens: list[tuple[int, str, int]] = [(p.span.start + n, "|", -1) for p in pipes for n in range(len(p.text))]
        tokens += [(content[k].start, "c", k) for k in cells_lines]
        tokens.sort()
        for rows, held, start, end in _tables_from_pipes(tokens, content):
            used.update(held)
            found.append((start, Table(rows, Span(start, end))))
    # 3. a table a PDF-to-text tool laid out by position, its rows numbered
    laid = _laid_out(content, used, source, index)
    if laid is not None:
        inside, table = laid
        used.update(inside)
        found.append((table.span.start, table))
    # 4. a header row kept as a Markdown row, its body one cell a line (``cell_rows``)
    for k, ln in enumerate(content):
        if k in used or not ln.cells or not cell_rows.is_header([c.text for c in ln.cells]):
            continue
        head = _row_cells(source, ln, index)[0]
        stop = next((j for j in range(k + 1, len(content))
                     if j in used or len(_row_cells(source, content[j], index)[0]) >= 2), len(content))
        got = cell_rows.rows_from_cell_lines(head, [content[j].text for j in range(k + 1, stop)]) if stop > k + 2 else None
        if got is not None:
            rows, n = got
            used.update(range(k, k + 1 + n))
            found.append((ln.start, Table(rows, Span(ln.start, content[k + n].end))))
    # 5. one row per line: pipe rows, tab- or space-separated columns
    bars: list[Artefact] = []
    run: list[int] = []
    row_cells: dict[int, tuple[str, ...]] = {}
    row_bars: dict[int, int] = {}
    for k, ln in enumerate([*content, Line("", hi, hi)]):
        cells, kept_bars = _row_cells(source, ln, index) if k < len(content) and k not in used else ((), 0)
        if len(cells) >= 2:
            run.append(k)
            row_cells[k] = cells
            row_bars[k] = kept_bars
            continue
        if len(run) >= 2:
            rows = tuple(row_cells[r] for r in run)
            if len({len(r) for r in rows}) > 1:
                rows = _columns_by_position([_raw_line(source, content[r]) for r in run]) or rows
            used.update(run)
            found.append((content[run[0]].start, Table(rows, Span(content[run[0]].start, content[run[-1]].end))))
            bars.extend(Artefact("markup", "|" * row_bars[r], Span(content[r].start, content[r].end)) for r in run
                        if row_bars[r])
        run = []
    found.sort(key=lambda t: t[0])
    rest = [ln for k, ln in enumerate(content) if k not in used]
    tables, repeated = _continued([t for _, t in found], [ln.start for ln in rest])
    return tables, rest, [*repeated, *bars]


def _laid_out(content: list[Line], used: set[int], source: str, index: _SetAside) -> tuple[list[int], Table] | None:
    """The table laid out by position among the lines not yet read (``laid_out``), with the
    indexes of the lines it holds; None where there is none."""
    free = [k for k in range(len(content)) if k not in used]
    if not free or not any(_HEAD_WORD.match(content[k].text) for k in free):
        return None
    # each printed line once (a layout's line may be read as a line for each of its columns)
    groups: dict[int, list[int]] = {}
    for k in free:
        groups.setdefault(_raw_start(source, content[k].start), []).append(k)
    starts_of = list(groups)
    raws = [_raw_line(source, content[groups[lo][0]]) for lo in starts_of]
    laid = laid_out_table([_unmarked(raw, lo, index, blank=True) for raw, lo in zip(raws, starts_of, strict=True)],
                          _feeds_before(source, starts_of))
    if laid is None or any("|" in raw or "\t" in raw for raw in raws[laid[0]:laid[1] + 1]):
        return None  # (a table with bars or tabs between its cells is read row by row)
    a, b, rows = laid
    inside = [k for lo in starts_of[a:b + 1] for k in groups[lo]]
    return inside, Table(rows, Span(content[inside[0]].start, content[inside[-1]].end))


_HEAD_WORD = regex(r"^(?:S\.?\s?TT|TT|Số\s+TT)\b", re.IGNORECASE)
"""A line that may head a table's ordinal column (one look before ``laid_out_table`` looks)."""


def _feeds_before(source: str, starts: list[int]) -> list[int]:
    """The page of each of ``starts`` (in order): how many form feeds stand before it."""
    out: list[int] = []
    page, at = 0, 0
    for start in starts:
        page += source.count("\f", at, start)
        at = start
        out.append(page)
    return out


def _continued(tables: list[Table], text_at: list[int]) -> tuple[list[Table], list[Artefact]]:
    """A table followed, with no text between them, by one of as many columns is the same table
    broken by a page (a PDF draws each page's part as a table of its own): one table. The header
    row a page repeats is kept once; its repetition is page furniture (an artefact, as a running
    header is). ``text_at``: where the lines outside any table start."""
    out: list[Table] = []
    repeated: list[Artefact] = []
    for t in tables:
        prev = out[-1] if out else None
        if (prev is not None and prev.rows and t.rows and len(prev.rows[-1]) == len(t.rows[0])
                and bisect.bisect_left(text_at, prev.span.end) == bisect.bisect_left(text_at, t.span.start)):
            rows = t.rows
            if len(t.rows) > 1 and t.rows[0] == prev.rows[0]:
                repeated.append(Artefact("running_header", " ".join(t.rows[0]), Span(t.span.start, t.span.start)))
                rows = t.rows[1:]
            out[-1] = Table(prev.rows + rows, Span(prev.span.start, t.span.end))
        else:
            out.append(t)
    return out, repeated


def _raw_start(source: str, pos: int) -> int:
    """Where the printed line holding ``pos`` starts: after a line break or a page's form feed."""
    lo = source.rfind("\n", 0, pos) + 1
    return max(lo, source.rfind("\f", lo, pos) + 1)  # (each look within the line: no scan of the text)


def _raw_line(source: str, line: Line) -> str:
    """The printed line that holds ``line``, as the source has it (its indentation, its marks)."""
    hi = source.find("\n", line.end)
    hi = len(source) if hi < 0 else hi
    feed = source.find("\f", line.end, hi)
    return source[_raw_start(source, line.start):hi if feed < 0 else feed]


def _columns_by_position(raws: list[str]) -> tuple[tuple[str, ...], ...] | None:
    """The rows of a table laid out in columns (``pdftotext -layout``) whose gaps are too narrow
    in some rows to split on ("TT  Nhiệm vụ"): the columns are where every row leaves two or more
    spaces at the same place. A row with nothing in the first column continues the row above
    (a cell wrapped over lines). None when the rows share no such gap (no layout table)."""
    if any("\t" in r or "|" in r for r in raws):
        return None
    spans = gap_columns(raws)
    if len(spans) < 2:
        return None
    rows: list[list[str]] = []
    for raw in raws:
        cells = [" ".join(raw[a:b].split()) for a, b in spans]
        if rows and not cells[0]:
            rows[-1] = [f"{x} {y}".strip() for x, y in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return tuple(tuple(r) for r in rows)


def _alone_on_its_line(source: str, pos: int) -> bool:
    """The pipe at ``pos`` stands on a line of pipes only (a table flattened one cell per line),
    not at the edge of a row ("| a | b |")."""
    lo = source.rfind("\n", 0, pos) + 1
    hi = source.find("\n", pos)
    return not source[lo:hi if hi >= 0 else len(source)].strip(" \t|")


def _row_cells(source: str, line: Line, index: _SetAside) -> tuple[tuple[str, ...], int]:
    """The cells of a table row printed on one line, empty cells kept: "| a | | b |", "a<TAB><TAB>b",
    or columns three spaces apart; without what the line reader set aside (Markdown's emphasis,
    a footnote marker), as the line itself is. And how many of the bars between the cells the
    line reader did not set aside (a converter's escaped "\\|"): the row's markup, to be kept."""
    if line.row and line.joined:  # every bar a joint, set aside; the line reader kept the empty cells' places
        return row_texts(line), 0
    raw = _raw_line(source, line)
    if "|" not in raw and "\t" not in raw:
        return (row_texts(line) if len(line.cells) >= 2 else ()), 0
    lo = _raw_start(source, line.start)
    stripped = _unmarked(raw, lo, index).strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        return tuple(c.strip() for c in stripped[1:-1].split("|")), _unmarked(raw, lo, index, pipes=True).count("|")
    if "\t" in raw:
        return tuple(c.strip() for c in _unmarked(raw, lo, index, pipes=True).rstrip(" \n").split("\t")), 0
    return (row_texts(line) if len(line.cells) >= 2 else ()), 0


def _unmarked(raw: str, lo: int, index: _SetAside, *, pipes: bool = False, blank: bool = False) -> str:
    """``raw`` (the source's line starting at ``lo``) without the markup set aside in it; with
    ``pipes``, without the "|" the line reader set aside either (in a row whose cells tabs part,
    a bar is no cell's text); with ``blank``, each character a space instead, so that what stands
    after it keeps its column."""
    hi = lo + len(raw)
    inside = index.marks[bisect.bisect_left(index.mark_starts, lo):bisect.bisect_left(index.mark_starts, hi)]
    if pipes:
        inside = [*inside, *index.pipes[bisect.bisect_left(index.starts, lo):bisect.bisect_left(index.starts, hi)]]
    if not inside:
        return raw
    pieces: list[str] = []
    at = 0
    for mark in sorted(inside, key=lambda a: a.span.start):
        pieces.append(raw[at:max(at, mark.span.start - lo)])
        if blank:
            pieces.append(" " * max(0, min(len(raw), mark.span.end - lo) - max(at, mark.span.start - lo)))
        at = max(at, mark.span.end - lo)
    pieces.append(raw[at:])
    return "".join(pieces)


def flattened_tables(lines: Sequence[Line], artefacts: Sequence[Artefact], source: str,
                     ) -> list[tuple[int, int, tuple[tuple[str, ...], ...]]]:
    """The tables among ``lines`` (a body's) that a converter flattened one cell a line, each as a
    reader's table is given (where it starts and ends, its rows), so that the body keeps it as a
    clause's table: a run of lone pipes whose segments hold a few lines each (a longer stretch of
    text between two pipes is prose, and parts two runs)."""
    if not lines:
        return []
    lo, hi = lines[0].start, lines[-1].end
    pipes = [a for a in artefacts if a.kind == "markup" and a.text and set(a.text) == {"|"} and lo <= a.span.start <= hi
             and _alone_on_its_line(source, a.span.start)]
    if len(pipes) < 4:
        return []
    pipes.sort(key=lambda a: a.span.start)
    content = list(lines)
    starts = [ln.start for ln in content]
    out: list[tuple[int, int, tuple[tuple[str, ...], ...]]] = []
    run: list[Artefact] = [pipes[0]]
    for pipe in [*pipes[1:], None]:
        if pipe is not None:
            between = bisect.bisect_left(starts, pipe.span.start) - bisect.bisect_left(starts, run[-1].span.end)
            if between <= cell_rows.CELL_LINES:
                run.append(pipe)
                continue
        if len(run) >= 4:
            first, last = run[0].span.start, run[-1].span.end
            held = [k for k in range(bisect.bisect_right(starts, first), bisect.bisect_left(starts, last))
                    if not content[k].row and content[k].table is None]
            tokens: list[tuple[int, str, int]] = [(p.span.start + n, "|", -1) for p in run for n in range(len(p.text))]
            tokens += [(content[k].start, "c", k) for k in held]
            tokens.sort()
            for rows, kept, start, end in _tables_from_pipes(tokens, content):
                if len(rows) >= 2 and max(map(len, rows)) >= 2 and kept:
                    out.append((start, end, rows))
        run = [pipe] if pipe is not None else []
    return out


def _tables_from_pipes(tokens: list[tuple[int, str, int]],
                       content: list[Line]) -> list[tuple[tuple[tuple[str, ...], ...], list[int], int, int]]:
    """Tables flattened as: | cell | cell | then | cell | cell | … (each with the content lines it
    holds and where its first and last pipes stand). A line after a full row with one pipe between
    them is no cell: the table ended before it ("II. Lĩnh vực …" between an appendix's two tables)."""
    segments: list[tuple[int, int, list[int]]] = []  # (the opening pipe, the closing pipe, content lines)
    opened: int | None = None
    held: list[int] = []
    for pos, kind, k in tokens:
        if kind == "|":
            if opened is not None:
                segments.append((opened, pos, held))
            opened, held = pos, []
        elif opened is not None:
            held.append(k)
    out: list[tuple[tuple[tuple[str, ...], ...], list[int], int, int]] = []
    cells = [seg for _, _, seg in segments]
    texts = [" ".join(content[k].text for k in seg) for seg in cells]  # (each read as a whole several times)
    at = 0
    while at < len(segments):
        rows, end, resume = _rows_from_pipes(cells, texts, content, at)
        part = segments[at:end]
        if rows:
            out.append((rows, [k for _, _, seg in part for k in seg], part[0][0], part[-1][1] + 1))
        at = max(resume, at + 1)
    return out


def _rows_from_pipes(segments: list[list[int]], texts: list[str], content: list[Line],
                     at: int = 0) -> tuple[tuple[tuple[str, ...], ...], int, int]:
    """The rows of the table that opens at segment ``at`` (one table flattened as: | cell | cell |
    then | cell | cell | …), where it ends (the index after its last segment), and where the next
    table may open.

    An empty cell and the boundary between two rows both print as adjacent pipes; the header row's
    cell count tells them apart (a row is full), and so does what opens the next row (merged rows
    are short): the next ordinal ("2" after "1", "II"), a dash, a total. The table ends before a
    row that heads an ordinal column ("STT": another table's header), and a line after a full row
    that such a header follows stands outside both ("II. Lĩnh vực …" between two tables)."""
    # the header row gives the column count: the cells before the first empty segment; rows
    # numbered in turn tell it when the header is two rows (a head spanning the columns under it)
    head = next((k for k in range(at, len(segments)) if not segments[k]), len(segments))
    head = max(head - at, 1)
    width = max(head, _numbered_width(segments, texts, at, head))
    rows: list[tuple[str, ...]] = []
    row: list[list[int]] = []
    last = 0  # the number that opened the last numbered row
    for k in range(at, len(segments)):
        seg = segments[k]
        if not seg:
            if row:
                nxt = texts[k + 1] if k + 1 < len(segments) else ""
                if (len(row) >= width or (len(row) >= 2 and _opens_row(nxt, last)) or k + 1 == len(segments)
                        or k - at == head):
                    rows.append(_cells_of(row, content, width))
                    row = []
                else:
                    row.append(seg)  # an empty cell
            continue
        if width >= 2 and k - at > width and _heads_a_table(texts[k]):
            if not row:
                return _kept(rows), k, k
            if len(row) > width:
                rows.append(_cells_of(row[:-1], content, width))
                return _kept(rows), k - 1, k
        if not row:
            last = _numbering_after(texts[k], last)
        row.append(seg)
    if row:
        rows.append(_cells_of(row, content, width))
    return _kept(rows), len(segments), len(segments)


def _numbered_width(segments: list[list[int]], texts: list[str], at: int, head: int) -> int:
    """The width most full rows numbered in turn give ("7" … "8": the segments between them, less
    the one the row boundary makes), up to the next table's header; 0 without three such rows that
    agree."""
    gaps: dict[int, int] = {}
    last, opened = 0, -1
    for k in range(at + 1, len(segments)):
        seg = segments[k]
        if not seg or segments[k - 1]:
            continue
        if k - at > head and _heads_a_table(texts[k]):
            break  # (the next table's: its rows are its own)
        number = _number(texts[k])  # a row's first cell
        if number is not None and number == last + 1:
            if opened >= 0:
                gaps[k - opened - 1] = gaps.get(k - opened - 1, 0) + 1
            last, opened = number, k
    if not gaps:
        return 0
    width, count = max(gaps.items(), key=lambda g: (g[1], g[0]))
    return width if count >= 3 else 0


def _kept(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple(r for r in rows if any(r))


def _heads_a_table(text: str) -> bool:
    return _HEAD_WORD.match(text) is not None


def _opens_row(text: str, last: int) -> bool:
    """A segment's ``text`` opens a row: an ordinal (a number the next after ``last``), a dash, a total."""
    if not text or _ORDINAL.match(text) is None:
        return False
    number = _number(text)
    return number is None or number == last + 1


def _numbering_after(text: str, last: int) -> int:
    """The number the next numbered row follows, after a row opening with ``text``: its own number;
    0 after a group's row ("II", "II. Xã hội số": the numbers under it count from 1 again);
    ``last`` after any other (a dash's, a letter's, a total's, a numbered row's second line)."""
    number = _number(text)
    if number is not None:
        return number
    return 0 if _ROMAN_OPENING.match(text) else last


def _number(text: str) -> int | None:
    text = text.rstrip(".)")
    return int(text) if text.isdecimal() and len(text) <= 3 else None


_ORDINAL = regex(r"^(?:(?:[IVXL]{1,6}|\d{1,3}|[a-zđ])[.)]?|[-–+•]|(?:TỔNG CỘNG|Tổng cộng|Tổng số|Tổng|Cộng):?)$")
"""What opens a row: an ordinal, a dash or bullet (a row under a numbered one: "-" / "Khu chợ mới
…"), or the word of a total's row ("Tổng cộng")."""
_ROMAN_OPENING = regex(r"^[IVXL]{1,6}(?:[.)]|\s|$)")
"""A group's row: its roman number, alone or before its title."""


def _cells_of(row: list[list[int]], content: list[Line], width: int) -> tuple[str, ...]:
    cells = tuple("\n".join(content[k].text for k in seg) for seg in row)
    return cells + ("",) * (width - len(cells))
