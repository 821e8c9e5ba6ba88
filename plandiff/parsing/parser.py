"""The parser's front door: ``parse(source) -> Plan``.

read (source) → clean (lines) → regions → footnotes → paragraphs → tree (structure) → Plan.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import field, replace

from .. import errors
from ..compiled import dataclass, regex
from ..gcpause import collector_paused
from ..model import Artefact, Attached, Clause, Footnote, HeaderLine, Hint, Meta, Plan, Span
from ..read.source import SourceText, looks_like_markdown, read_bytes, read_path, read_text
from ..textnorm import AS_PRINTED_D, AS_VIETNAMESE_D, icelandic_d, single_spaced
from . import appendix, backmatter, footnotes, frontmatter, markers, structure
from .lines import Line, flat, split_lines

_OPENERS = ("Thực hiện", "Căn cứ", "Triển khai", "Thi hành", "Theo ", "Xét ", "Để ", "Nhằm ", "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND")
_INSTRUMENTS = (
    "Luật", "Bộ luật", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư", "Kế hoạch",
    "Công văn", "Hướng dẫn", "Chương trình", "Đề án", "Văn bản", "Thông báo", "Chiến lược", "ý kiến",
    "Hiến pháp", "Pháp lệnh", "Kết luận", "các", "tinh thần", "chỉ đạo",
)


def parse(source: bytes | os.PathLike[str] | str, *, name: str | None = None) -> Plan:
    """Parse a plan from a path-like object, raw bytes, or the text itself.

    A ``str`` is read as the plan's text only when it cannot be a file name (it holds a line break,
    or a NUL, or is longer than any path); a one-line ``str`` is refused, because untrusted text
    must never be taken as the name of a file to read: call ``parse_file(path)`` or
    ``parse_text(text)`` to say which it is. Raises a ``PlanError`` subclass for input that is
    not a readable plan (``InvalidArgument`` for a value of the wrong kind).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return parse_source(read_bytes(bytes(source)), name=name)
    if isinstance(source, os.PathLike):
        return parse_file(source, name=name)
    if isinstance(source, str):
        if "\n" in source or "\r" in source or "\x00" in source or len(source) > 4096:
            return parse_text(source, name=name)
        raise errors.InvalidArgument(
            "parse() got a one-line string, which could be a file name or a plan's text: "
            "call parse_file(path) or parse_text(text)"
        )
    raise errors.InvalidArgument(f"parse() takes a path, bytes or text, not {type(source).__name__}")


def parse_file(path: str | os.PathLike[str], *, name: str | None = None) -> Plan:
    """Parse the plan in the file at ``path`` (any supported form, detected from the content)."""
    if not isinstance(path, (str, os.PathLike)):
        raise errors.InvalidArgument(f"parse_file() takes a path, not {type(path).__name__}")
    src = read_path(path)
    return parse_source(src, name=name or src.name, label=str(path))


def parse_text(text: str, *, name: str | None = None) -> Plan:
    """Parse a plan from its text (never read as a file name)."""
    if not isinstance(text, str):
        raise errors.InvalidArgument(f"parse_text() takes a str, not {type(text).__name__}")
    return parse_source(read_text(text), name=name)


ISSUING_TYPES = ("QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ", "THÔNG TƯ", "NGHỊ ĐỊNH")
"""Instruments that issue another document with their articles ("Điều 1. Ban hành kèm theo …")."""
_ENACTING = regex(r"^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ|BAN HÀNH)\s*:?\s*$")


@dataclass
class _Parts:
    """Where each part of the document lies, as built up by ``parse_source``."""

    header: list[HeaderLine] = field(default_factory=list)
    preamble: list[structure.Paragraph] = field(default_factory=list)
    articles: list[Clause] = field(default_factory=list)
    attached: Attached | None = None
    closing: backmatter.Back | None = None
    """A decision's own closing (recipients, signature), before the plan it issues."""


@collector_paused()
def parse_source(src: SourceText, *, name: str | None = None, label: str = "input") -> Plan:
    """The stages in order: lines → front matter → (a decision's parts) → body → back matter →
    appendices → the Plan.

    A text that types the Icelandic "Ð"/"ð" (U+00D0/U+00F0) for "Đ"/"đ" throughout, as some
    converters write it, is read as its letters mean ("QUYẾT ÐỊNH" its type, "Ðiều 1." an article)
    and given back in its own letters: the plan's texts as printed, as every other text's are."""
    if icelandic_d(src.text, src.seen or ""):
        # (every "Đ"/"đ" of the plan read so is the text's "Ð"/"ð": those the reader brought — a
        # type, a place's name — are given back spelled as the text spells them)
        from ..serial import translated

        return translated(_parse_source(_with_vietnamese_d(src), name=name, label=label), AS_PRINTED_D)
    return _parse_source(src, name=name, label=label)


def _with_vietnamese_d(src: SourceText) -> SourceText:
    def tr(text: str) -> str:
        return text.translate(AS_VIETNAMESE_D)

    return replace(src, text=tr(src.text), seen=tr(src.seen) if src.seen else src.seen,
                   tables=tuple((s, e, tuple(tuple(map(tr, row)) for row in rows)) for s, e, rows in src.tables),
                   page_headers=tuple(map(tr, src.page_headers)), running=frozenset(map(tr, src.running)))


def _parse_source(src: SourceText, *, name: str | None, label: str) -> Plan:
    text = src.text
    body_text = text if src.notes_start is None else text[: src.notes_start]
    # Markdown is a text's own format, and a Word file's or a PDF's whose paragraphs were typed in
    # it (a page copied as Markdown into Word): "## KẾ HOẠCH", "#### I. MỤC ĐÍCH" read as headings
    markdown = src.format == "markdown" or (src.format in ("docx", "doc", "odt", "rtf", "pdf") and looks_like_markdown(text))
    lines, artefacts = split_lines(body_text, markdown=markdown, running=src.running)
    if not lines:
        raise errors.EmptyInput(f"{label}: the input holds no text")
    bracket_notes: list[footnotes.FoundFootnote] = []
    if src.notes_start is None:
        lines, bracket_notes, bracket_marks = footnotes.bracketed(lines, body_text)
        artefacts.extend(bracket_marks)

    lines = frontmatter.rejoin_broken_doc_type(frontmatter.misprinted_doc_types(lines), FRONT_LINES)
    lines, header_after_body = _header_after_body(lines)
    title_idx, pos, title_lines, header = _front_matter(lines, header_after_body)
    parts = _Parts(header=list(header.lines))
    # where back matter may begin ("Nơi nhận", TM./KT., a signer's title), found once: three
    # stages look for the first one after a line of their own
    backs = [i for i in range(pos, len(lines)) if backmatter.is_back_matter_start(lines[i])]
    tail = _trailing_chrome(lines, pos, header.number, backs)
    parts.header.extend(HeaderLine("chrome", ln.text, Span(ln.start, ln.end)) for ln in lines[tail:])
    lines = lines[:tail]
    if not lines[pos:] and title_idx is None:
        raise errors.NotAPlan(f"{label}: only a web page's navigation and notices, no plan")
    # the PHỤ LỤC headings, found once: the layout is read before the first, the appendices from it
    headings = [i for i in range(pos, len(lines)) if appendix.is_heading(lines[i])]
    # (a form's label, "Mẫu số 01", after the back matter begins and before any PHỤ LỤC)
    after_back = backs[0] if backs else len(lines)
    forms = [i for i in range(after_back + 1, headings[0] if headings else len(lines)) if appendix.is_form_heading(lines[i])]
    headings = sorted(forms + headings)
    layout = _Layout.of(lines, pos, "text" if src.preformatted else src.format, backs, headings)

    plain_decision_end: int | None = None
    if header.doc_type in ISSUING_TYPES:
        plain_decision_end = _read_decision(lines, pos, parts, layout.paragraphs)
        if parts.attached is not None:
            pos, plain_decision_end = plain_decision_end, None

    found_notes: list[footnotes.FoundFootnote] = []
    if plain_decision_end is not None:  # a plain decision: its articles are the body
        body_start = back_start = plain_decision_end
        clauses: tuple[Clause, ...] = tuple(parts.articles)
    else:
        start = _first_body_line(lines, pos)
        if start is None and title_idx is None:
            raise errors.NotAPlan(f"{label}: no document title (\"KẾ HOẠCH …\") and no numbered sections: this is not a plan")
        body_start = len(lines) if start is None else start
        back_start = _first_from(backs, body_start, len(lines))
    # the first heading, or after the back matter's start a title over a "(Kèm theo …)" line
    appendix_start = _first_from(headings, body_start, len(lines))
    appendix_start = next((i for i in range(max(body_start, back_start + 1), appendix_start)
                           if appendix.starts_at(lines, i)), appendix_start)
    if plain_decision_end is None:
        # an appendix after the last section with no signature between: a schedule under a title
        # of its own, or a title over its "(Kèm theo …)" line
        found = next((i for i in range(body_start, min(back_start, appendix_start) - 2)
                      if lines[i].text[:2].isupper() and appendix.opens_in_body(lines, i)), None)
        if found is not None:
            appendix_start = appendix.title_start(lines, found, body_start)
    if back_start < appendix_start and plain_decision_end is None:
        back_start = backmatter.unheaded_recipients(lines, body_start, back_start)
    back_start = min(back_start, appendix_start)
    if plain_decision_end is None:
        clauses, found_notes = _body(lines, pos, body_start, back_start, src, parts, artefacts, layout)
    preamble = "\n".join(p.text if p.marker is None else " ".join(ln.text for ln in p.lines) for p in parts.preamble)
    if not clauses and not parts.articles and not preamble.strip() and appendix_start == len(lines):
        raise errors.NotAPlan(f"{label}: a title (\"{' '.join(ln.text for ln in title_lines)[:60]}\") but no body: "
                              "no articles, sections or text")

    back_lines, appendix_lines_in = lines[back_start:appendix_start], lines[appendix_start:]
    if appendix_start < len(lines) and not any(backmatter.is_signature_line(ln) for ln in back_lines):
        # the signature read after the appendix's heading (pdfminer orders a page's text boxes so:
        # "PHỤ LỤC" / "TM. ỦY BAN …" / … / the signer): the back matter's, not the appendix's title
        signed = backmatter.signature_end(lines, appendix_start + 1)
        back_lines = [*back_lines, *lines[appendix_start + 1:signed]]
        appendix_lines_in = [lines[appendix_start], *lines[signed:]]
    back = backmatter.read_back(back_lines)
    closing = parts.closing or back
    appendices, appendix_lines, appendix_artefacts = appendix.read(
        appendix_lines_in, artefacts, src.tables, body_text, hard_wraps=layout.hard_wraps,
        soft_wraps=layout.soft_wraps, width=layout.width,
    ) if appendix_start < len(lines) else ([], [], [])
    artefacts.extend(appendix_artefacts)
    juris = frontmatter.jurisdiction(header.issuer, header.title, preamble, header.place, header.parent_issuer,
                                     [h.text for h in parts.header if h.role == "authority"] + closing.authority)
    notes = tuple(Footnote(n.label, n.text, _clause_at(clauses, n.marker_offset), n.span) for n in [*found_notes, *bracket_notes])
    meta = Meta(
        issuer=header.issuer, parent_issuer=header.parent_issuer, number=header.number, place=header.place,
        date=header.date, year=header.year, doc_type=header.doc_type, title=header.title, jurisdiction=juris,
        signer=closing.signer, signer_title=closing.signer_title, signature_authority=tuple(closing.authority),
        stamps=tuple(header.stamps), motto=tuple(header.motto), source_format=src.format, encoding=src.encoding,
        month=header.month, version=header.version, **_draft(header, src),
    )
    header_lines: list[HeaderLine] = [*parts.header, *back.lines, *appendix_lines]
    return Plan(
        meta=meta, preamble=preamble, clauses=clauses, footnotes=notes,
        recipients=tuple(closing.recipients or back.recipients), signature=tuple(closing.signature),
        header=tuple(sorted(header_lines, key=lambda h: h.span.start)), appendices=tuple(appendices),
        articles=tuple(parts.articles), attached=parts.attached,
        artefacts=tuple(sorted(artefacts, key=lambda a: a.span.start)), source=text, seen=src.seen or "", name=name,
        hints=tuple(Hint(kind, Span(s, e)) for s, e, kind in src.hints),  # type: ignore[arg-type]
    )


FRONT_LINES = 60
"""Lines a header's parts are looked for in when no numbered clause ends it sooner."""


_HEADER_WORDS = regex(r"^\s*(?:Số|SỐ)\b|CỘNG\s+H|Độc lập")
"""What a header's number or motto line holds: a type's line after one is after its header."""
LATE_HEADER_LINES = 200
"""Lines a header read after its page's body is looked for in (a page's worth)."""


def _header_after_body(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The lines without a national header that a tool read after the first page's body (pypdf
    reads a header table after the page's text: "KẾ HOẠCH" … "1" / "ỦY BAN MTTQ VIỆT NAM" / "Số:
    16/KH-MTTQ-BTT" / "CỘNG HÒA …" / "Lương Minh, ngày …"), and those header lines — only when
    nothing of a header stands before the document's type line: its number with the motto near
    it, the issuer's lines in capitals above them, the place and date under them."""
    first_type = next((i for i, ln in enumerate(lines[:FRONT_LINES]) if frontmatter.is_doc_type_line(ln)), None)
    # (most documents: a header's words before the type's line, found by a look at a few lines)
    if first_type is None or any(_HEADER_WORDS.search(ln.text) and (frontmatter.is_number_line(ln) or frontmatter.is_motto(ln.text))
                                 for ln in lines[:first_type]):
        return lines, []
    for i in range(first_type + 1, min(len(lines), LATE_HEADER_LINES)):
        if lines[i].text[:1] != "S" or not frontmatter.is_number_line(lines[i]):
            continue  # (a header's number opens "Số": one look at most lines)
        near = range(max(first_type + 1, i - 6), min(len(lines), i + 7))
        if not any(_HEADER_WORDS.search(lines[k].text) and frontmatter.is_motto(lines[k].text) for k in near):
            continue  # ("… tại Luật" / "số 83/2025/QH15, …": a number in a sentence, no header's)
        lo = i
        while lo - 1 > first_type and i - lo < 6 and (frontmatter.is_motto(lines[lo - 1].text)
                                                      or frontmatter.is_header_text(lines[lo - 1].text)):
            lo -= 1
        hi = i + 1
        while hi < len(lines) and hi - i < 8 and (frontmatter.is_date_or_motto_line(lines[hi])
                                                  or _RIGHT_COLUMN.match(single_spaced(lines[hi].text))
                                                  or frontmatter.is_motto_fragment(lines[hi].text)):
            hi += 1
        return lines[:lo] + lines[hi:], lines[lo:hi]
    return lines, []


def _front_matter(lines: list[Line], read_late: Sequence[Line] = ()) -> tuple[int | None, int, list[Line], frontmatter.Header]:
    """The document-type line (None when there is none), where the title ends, the title's
    lines, and the header read from what stands before (and ``read_late``, a header read after
    the first page's body)."""
    body_hint = _first_body_line(lines, 0)
    title_idx = next(
        (i for i, ln in enumerate(lines[: body_hint if body_hint is not None else FRONT_LINES]) if frontmatter.is_doc_type_line(ln)),
        None,
    )
    if title_idx is not None and any(markers.match_article(ln.text) for ln in lines[:title_idx]):
        # a type's line after articles is the attached document's ("KẾ HOẠCH" under "Điều 3. …"):
        # the decision's own type line was dropped (a page that left out its bold lines)
        title_idx = None
    front: list[Line] = lines[:title_idx] if title_idx is not None else []
    pos = title_idx if title_idx is not None else 0
    title_lines: list[Line] = []
    if title_idx is not None:
        resumes = _title_resumes(lines, title_idx + 1)
        pos = _title_end(lines, title_idx, resumes)
        title_lines = [lines[title_idx], *lines[resumes:pos]]
        header = frontmatter.read_header([*read_late, *front, *lines[title_idx + 1:resumes]], title_lines)
        if pos < len(lines) and header.doc_type not in ISSUING_TYPES and appendix.is_ref(lines[pos].text):
            # a plan printed without the decision that issued it: "(Kèm theo Quyết định số …)"
            # under its title, the instrument it is cited by
            end = appendix.ref_end(lines, pos)
            header.lines.extend(HeaderLine("attached_ref", ln.text, Span(ln.start, ln.end)) for ln in lines[pos:end])
            frontmatter.read_issuing_ref(header, structure.join_lines([ln.text for ln in lines[pos:end]]))
            pos = end
        return title_idx, pos, title_lines, header
    # no title line (a web page that dropped it): the header still ends with its number, place
    # and date; the type comes from the number's code ("71/KH-UBND" is a plan)
    number_at = next((i for i, ln in enumerate(lines[: body_hint if body_hint is not None else FRONT_LINES])
                      if frontmatter.is_number_line(ln)), None)
    if number_at is None:
        if len(lines) > 1 and frontmatter.is_type_heading(lines[0]) and lines[1].text.startswith(_OPENERS):
            # no header at all, the document's name over its preamble ("Kế hoạch Chương trình MTQG
            # … năm 2014" / "Thực hiện Công văn số …"): its type and title
            return 0, 1, lines[:1], frontmatter.read_header(list(read_late), lines[:1])
        return None, 0, [], frontmatter.read_header(list(read_late), [])
    pos = number_at + 1
    while pos < min(len(lines), number_at + 4):
        if frontmatter.is_date_or_motto_line(lines[pos]):
            pos += 1
        elif pos + 1 < len(lines) and frontmatter.is_date_or_motto_line(
                replace(lines[pos], text=f"{lines[pos].text} {lines[pos + 1].text}")):
            pos += 2  # a place and date a narrow cell wrapped ("Bắc Ninh, ngày 24" / "tháng 11 năm 2025")
        else:
            break
    # the title under the header in capitals, its type's line dropped ("CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK
    # NĂM 2026" under the date): as many such lines as a title holds
    end = pos
    while end < min(len(lines), pos + 4) and _is_caps_title_line(lines[end], end == pos):
        end += 1
    title_lines = lines[pos:end]
    header = frontmatter.read_header([*read_late, *lines[:pos]], title_lines)
    header.doc_type = frontmatter.doc_type_of_number(header.number)
    return None, end, title_lines, header


def _is_caps_title_line(line: Line, first: bool) -> bool:
    """A line of a title in capitals where no doc type heads it: capitals, no label, no enacting
    authority or back matter, no sentence finished (and the first not a line of two columns). The
    title's first line holds a few words at least; a line of it wrapped may hold one word, a year
    ("… MÙA MƯA BÃO NĂM" / "2025") or the number of the instrument it names ("SỐ 72/2025/QH15", no
    colon: not the header's "Số:")."""
    text = line.text
    letters = sum(c.isalpha() for c in text)
    if first:
        if letters < 8 or frontmatter.is_number_line(line) or (line.cells and any(
                frontmatter.is_motto(c.text) or frontmatter.is_number_line(Line(c.text, c.start, c.end)) for c in line.cells)):
            return False  # (a line of two columns: the issuer's beside the motto, the number beside the date)
    elif not (letters >= 2 or _YEARS.match(text)) or (frontmatter.is_number_line(line) and ":" in text):
        return False
    return (text == text.upper() and not line.row and markers.match(text) is None and not _ENACTING.match(text)
            and not frontmatter.is_authority_line(text) and not backmatter.is_back_matter_start(line)
            and not frontmatter.is_date_or_motto_line(line) and not structure.ends_sentence(text))


_YEARS = regex(r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$")
"""A year, or a span of years, alone on a line: a title's last words wrapped ("… NĂM" / "2025")."""


@dataclass(frozen=True)
class _Layout:
    """How the text's lines make paragraphs: Markdown, Word and HTML give one paragraph per line;
    text and PDF extractions wrap lines, unless the lines are far longer than a page is wide
    (text saved one paragraph per line); converters' Markdown wraps too (soft wraps)."""

    hard_wraps: bool
    soft_wraps: bool
    width: int

    @classmethod
    def of(cls, lines: list[Line], pos: int, fmt: str, backs: list[int], headings: list[int]) -> _Layout:
        """``backs``: where back matter may begin; ``headings``: the appendices' headings."""
        back = _first_from(backs, pos, len(lines))
        end = _first_from(headings, pos, back)
        lengths = sorted(len(lines[i].text) for i in range(pos, end))
        wrapped = (lengths or [0])[len(lengths) // 2] <= UNWRAPPED_MEDIAN
        width = structure.width_of(lengths)
        # a Word file made from a PDF (a converter's, a scanned page's OCR) holds a paragraph per
        # printed line: no paragraph longer than a page is wide
        per_line = fmt in ("docx", "doc", "rtf", "odt", "html") and wrapped and width <= PRINTED_LINE
        def spaced() -> bool:  # a blank line before most lines (counted only where it tells)
            return sum(ln.blank_before for ln in lines[pos:end]) >= 0.8 * max(1, end - pos)

        if per_line and fmt == "html":  # a page's paragraphs set apart, its lines broken inside them: soft wraps
            per_line = spaced()
        # Markdown with a blank line after every line, wrapped ones too (a converter's "double
        # spacing"): its blank lines tell nothing, and its lines are read as a page's text is
        text_like = fmt in ("text", "pdf") or (fmt == "markdown" and wrapped and spaced())
        return cls((text_like and wrapped) or per_line, fmt in ("markdown", "html") and wrapped and not per_line and not text_like,
                   width)

    def paragraphs(self, chunk: list[Line], *, articles: bool = False, bare_articles: bool = False) -> list[structure.Paragraph]:
        return structure.paragraphs(chunk, width=self.width, hard_wraps=self.hard_wraps, soft_wraps=self.soft_wraps,
                                    articles=articles, bare_articles=bare_articles)


def _body(lines: list[Line], pos: int, body_start: int, back_start: int, src: SourceText, parts: _Parts,
          artefacts: list[Artefact], layout: _Layout) -> tuple[tuple[Clause, ...], list[footnotes.FoundFootnote]]:
    """The preamble (into ``parts``) and the clause tree, with the footnotes found in them."""
    pre_and_body = lines[pos:back_start]
    if src.notes_start is None:
        pre_and_body, found_notes, marker_artefacts, labels = footnotes.extract(pre_and_body, artefacts)
        if labels:  # notes' numbers set aside as page numbers: the notes' now
            artefacts[:] = [a for a in artefacts if not any(a is label for label in labels)]
    else:
        pre_and_body, found_notes, marker_artefacts = footnotes.attach(pre_and_body, src.text[src.notes_start:], src.notes_start)
    artefacts.extend(marker_artefacts)
    n_pre = sum(1 for ln in pre_and_body if ln.start < lines[body_start].start) if body_start < len(lines) else len(pre_and_body)
    body = pre_and_body[n_pre:]
    flattened = appendix.flattened_tables(body, artefacts, src.text) if src.format == "markdown" else []
    body = _in_tables(body, (*src.tables, *flattened))
    # a plan written as a regulation, in chapters ("Chương I"), numbers its articles ("Điều 1.")
    chapters = any(markers.is_chapter(ln.text) for ln in body)
    lead, tree = structure.build_tree(layout.paragraphs(body, articles=chapters))
    parts.preamble.extend(layout.paragraphs(pre_and_body[:n_pre]) + lead)
    return tuple(tree), found_notes


def _in_tables(lines: list[Line], tables: tuple[tuple[int, int, tuple[tuple[str, ...], ...]], ...]) -> list[Line]:
    """The body's lines, those printed from a reader's table (a .docx's, a web page's, a PDF's
    ruled one) marked with its rows: the table's lines stay lines of their own (not a run-on
    paragraph), and its clause keeps the table (a task table in the body). A table of one column
    or one row, or one with a cell that holds a page of text, is a box the page is laid out in
    (a portal's navigation beside the document): its lines are read as text."""
    spans = sorted(t for t in tables if _data_table(t[2]))
    if not spans or not lines:
        return lines
    out: list[Line] = []
    k = 0
    for line in lines:
        while k < len(spans) and spans[k][1] <= line.start:
            k += 1
        if k < len(spans) and spans[k][0] <= line.start < spans[k][1]:
            line = replace(line, table=spans[k][2])
        out.append(line)
    return out


CELL_LINES, CELL_CHARS = 12, 2000
"""A cell holding more lines or characters than this is a layout box's, not a table cell."""


def _data_table(rows: tuple[tuple[str, ...], ...]) -> bool:
    return (len(rows) >= 2 and max(len(r) for r in rows) >= 2
            and all(c.count("\n") < CELL_LINES and len(c) <= CELL_CHARS for r in rows for c in r))


_PAGE_CHROME = regex(
    r"^(?=[A-ZĐ])(?:(?i:Văn bản liên quan|Văn bản này chưa cập nhật|Văn bản gốc|Văn bản tiếng Anh|Lược đồ|"
    r"Tải văn bản|FILE ĐƯỢC ĐÍNH KÈM|NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN|Cảm ơn đã dùng|Bạn Chưa Đăng Nhập|"
    r"Văn bản này có thể|Vui lòng đăng nhập|Bài viết liên quan|Tin liên quan|Tin cùng chuyên mục|Các tin khác|"
    r"Văn bản cùng lĩnh vực|Văn bản mới nhất|Thuộc tính văn bản)\b"
    r"|(?i:Hiệu lực|Tình trạng|Ngày hiệu lực)\s*:|(?i:Tải về|Đăng nhập|Chia sẻ|In văn bản)\b.{0,20}$)"
)
"""Lines a legal portal prints after the document (related documents, status, attachments,
login notices): page chrome, not plan text. Each opens with a capital (a wrapped line of a plan
decision's attached plan may open "chia sẻ rộng rãi …"), and the buttons' words ("Tải về",
"Chia sẻ") stand alone on their short line."""


def _first_from(backs: list[int], start: int, end: int) -> int:
    """The first of the sorted line indexes ``backs`` at or after ``start``; ``end`` if none is
    before it."""
    k = bisect.bisect_left(backs, start)
    return backs[k] if k < len(backs) and backs[k] < end else end


def _trailing_chrome(lines: list[Line], pos: int, number: str | None, backs: list[int]) -> int:
    """Where a portal page's chrome after the document begins (len(lines) when there is none):
    the first chrome line after the signature, and before it the page's own caption of the
    document (a line naming the document's own number)."""
    signed = _first_from(backs, pos, len(lines))
    if signed == len(lines):
        return len(lines)
    cut = next((i for i in range(signed + 1, len(lines)) if _PAGE_CHROME.match(lines[i].text)), None)
    if cut is None:
        return len(lines)
    while number and cut - 1 > signed and number in re.sub(r"\s+", "", lines[cut - 1].text):
        cut -= 1
    return cut


def _draft(header: frontmatter.Header, src: SourceText) -> dict[str, object]:
    """Whether the document says it is a draft, and where: its header, or Word's page header."""
    if header.draft:
        return {"draft": True, "draft_mark": header.draft, "draft_where": header.draft_where}
    for text in src.page_headers:
        m = frontmatter.draft_mark(text)
        if m:
            return {"draft": True, "draft_mark": m.group(0).strip(), "draft_where": "page header"}
    return {}


_RIGHT_COLUMN = regex(
    r"^(?:Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|[^,\d]{2,40},\s*ngày\b.{0,30}"
    r"|(?:ngày\s*)?\d{0,2}\s*tháng\s*\d{0,2}\s*năm\s*\d{4})$")
"""The header's right column under the motto: the motto's second line, the place and date
(wrapped or not)."""


def _title_resumes(lines: list[Line], pos: int) -> int:
    """Where the title goes on after the doc-type line at ``pos - 1``: after the header's right
    column when a tool read it after the left one, the type's line with it ("Số: …" / "KẾ HOẠCH"
    / "CỘNG HÒA XÃ HỘI" / … / "Đắk Lắk, ngày 18" / "tháng 11 năm 2025" / the title: pdfminer's
    order); ``pos`` itself when the title follows its type's line."""
    if pos >= len(lines) or not lines[pos].text.startswith("CỘNG H"):
        return pos
    end = pos
    while end < len(lines) and (frontmatter.is_motto_fragment(lines[end].text)
                                or _RIGHT_COLUMN.match(single_spaced(lines[end].text))):
        end += 1
    return end if end > pos + 1 else pos


def _title_end(lines: list[Line], title_idx: int, start: int | None = None) -> int:
    """The index after the title that opens at ``title_idx`` (its doc-type line), its lines from
    ``start`` on (the line after the type's, or after the header lines read after it)."""
    title_lines = [lines[title_idx]]
    pos = title_idx + 1 if start is None else start
    while pos < len(lines) and not _narrative_opens(lines, pos, title_lines) and (
            _is_title_line(lines[pos], title_lines) or _opens_title(lines, pos, title_lines)):
        title_lines.append(lines[pos])
        pos += 1
    if len(title_lines) > 1 and pos < len(lines) and not lines[pos].blank_before:
        # a long title set apart as a block (a blank line or a rule under it, none inside): all
        # of the block, however many lines it holds ("CHƯƠNG TRÌNH HÀNH ĐỘNG" / four lines of
        # "thực hiện Kết luận số 75-KL/TW … trong thời kỳ mới" / "-----")
        end = next((k for k in range(pos, min(len(lines), pos + TITLE_BLOCK_MORE + 1)) if lines[k].blank_before), None)
        if end is not None and all(_is_title_line(lines[k], [*title_lines, *lines[pos:k]], long=True) for k in range(pos, end)):
            pos = end
    return pos


TITLE_BLOCK_MORE = 3
"""Lines a title set apart as a block may hold beyond what a title's length allows."""


def _narrative_opens(lines: list[Line], pos: int, sofar: list[Line]) -> bool:
    """Whether a sentence-case paragraph under a title in sentence case, with no blank line
    before it, is a directive's narrative preamble ("Về tăng cường công tác phòng, chống thiên tai
    năm 2025" / "Trong những năm qua, công tác … đạt được nhiều kết quả quan trọng."): it opens
    with a capital after a title line that does not run on, finishes a sentence, and is longer
    than the title so far (a title's wrapped rest, even with a full stop, is shorter)."""
    title = sofar[1:]
    text = flat(lines[pos])
    if (not title or not text[:1].isupper() or text == text.upper() or structure.dangles(sofar[-1].text)
            or any(t.text == t.text.upper() and any(c.isalpha() for c in t.text) for t in title)):
        return False
    paragraph = [text]
    for ln in lines[pos + 1:pos + 8]:
        if structure.ends_sentence(paragraph[-1]) or ln.blank_before or markers.match(ln.text) is not None:
            break
        paragraph.append(ln.text)
    whole = " ".join(paragraph)
    return whole.rstrip(" *_”\"").endswith(".") and len(whole) > len(" ".join(t.text for t in title))


_TITLE_AFTER_COMMA = regex(r"(?:tầm nhìn|định hướng|có xét đến)\b")
"""What goes on a title after its comma ("… giai đoạn 2021 - 2030," / "tầm nhìn đến năm 2050")."""
_PREAMBLE_CLAUSE = regex(
    r"(?:,|;)\s*(?:(?:Ủy|Uỷ) ban nhân dân|UBND|Sở|Ban|Phòng|Hội đồng|Chủ tịch)\b"
    r"|\b(?:ban hành|xây dựng|triển khai|thực hiện)\s+(?:kế hoạch|chương trình)\b.*\b(?:như sau|sau đây|với các nội dung)"
    r"|\bnhư sau\b",
    re.IGNORECASE,
)
"""What a preamble's sentence says and a title never does: the body that acts, after a comma
("…, Ủy ban nhân dân tỉnh ban hành …"), or the announcement of what follows ("… như sau")."""


def _opens_title(lines: list[Line], pos: int, sofar: list[Line]) -> bool:
    """Whether the first line under a bare doc-type line, which opens as a preamble may ("Thực
    hiện Chiến lược quốc gia về bình đẳng giới …", an instrument after "Thực hiện"), is the
    title set in sentence case. Decided from the whole paragraph, not the line: a preamble's
    sentence finishes (":", "."), names the body that acts or announces what follows; a title
    does none of these and is short."""
    if len(sofar) != 1:
        return False
    if not frontmatter.titles_below(sofar[0].text):
        return False
    text = flat(lines[pos])
    if (not text.startswith(_AMBIGUOUS_OPENERS) or lines[pos].text != lines[pos].text.strip()
            or markers.match(text) is not None):
        return False
    paragraph = [text]
    for ln in lines[pos + 1:]:
        if structure.ends_sentence(paragraph[-1]) or ln.blank_before or markers.match(ln.text) is not None:
            break
        if flat(ln).startswith(_OPENERS) or backmatter.is_back_matter_start(ln):
            break
        paragraph.append(ln.text)
    whole = " ".join(paragraph)
    return (not structure.ends_sentence(whole) and not whole.rstrip(" *_").endswith((":", ",", ";"))
            and len(whole) <= 2 * WRAPPED_TITLE_CHARS and not _PREAMBLE_CLAUSE.search(whole))


def _read_decision(lines: list[Line], pos: int, parts: _Parts,
                   paras: Callable[..., list[structure.Paragraph]]) -> int | None:
    """A decision (or resolution, directive) from its preamble to the plan it issues: the
    authority's line and the enacting formula, the "Căn cứ" preamble, the articles, the closing
    (recipients, signature), a second national header, the attached document's title and its
    "(Ban hành kèm theo …)" line. Fills ``parts`` and returns where the attached document's body
    begins (or, with nothing attached, where the decision's closing begins); None when the
    document has no articles."""
    first_art = next((i for i in range(pos, len(lines)) if markers.match_article(lines[i].text)), None)
    bare = first_art is None and (first_art := _bare_articles_start(lines, pos)) is not None
    first_sec = _first_body_line(lines, pos)
    sec = markers.match(lines[first_sec].text) if first_sec is not None else None
    if first_art is None or (sec is not None and first_sec < first_art and sec.style in markers.SECTION_STYLES):  # type: ignore[operator]
        return None
    preamble: list[Line] = []
    authority = False
    for ln in lines[pos:first_art]:
        # the authority's line, and capitals right after it ("KHÓA XV, KỲ HỌP THỨ 12")
        authority = frontmatter.is_authority_line(ln.text) or (authority and not preamble and ln.text == ln.text.upper())
        if authority:
            parts.header.append(HeaderLine("authority", ln.text, Span(ln.start, ln.end)))
        elif _ENACTING.match(ln.text):
            parts.header.append(HeaderLine("enacting", ln.printed or ln.text, Span(ln.start, ln.end)))
        else:
            preamble.append(ln)
    parts.preamble.extend(paras(preamble))
    attached_at = next((i for i in range(first_art, len(lines)) if frontmatter.is_doc_type_line(lines[i])
                        and not _ENACTING.match(lines[i].text)), None)
    end = attached_at if attached_at is not None else len(lines)
    closing = next((i for i in range(first_art, end) if backmatter.is_back_matter_start(lines[i])), end)
    closing = backmatter.unheaded_recipients(lines, first_art, closing)
    lead, articles = structure.build_tree(paras(lines[first_art:closing], articles=True, bare_articles=bare))
    parts.preamble.extend(lead)
    parts.articles = articles
    if attached_at is None:
        untitled = _untitled_attached(lines, closing, articles)
        if untitled is None:
            return closing
        return _read_untitled(lines, closing, *untitled, parts)
    _read_closing(lines, closing, _second_header_start(lines, closing, attached_at), attached_at, parts)
    body = _title_end(lines, attached_at)
    doc = frontmatter.read_header([], lines[attached_at:body])
    parts.header.extend(doc.lines)
    ref: list[str] = []
    if body < len(lines) and appendix.is_ref(lines[body].text):
        for ln in lines[body:appendix.ref_end(lines, body)]:
            ref.append(ln.text)
            parts.header.append(HeaderLine("attached_ref", ln.text, Span(ln.start, ln.end)))
            body += 1
    parts.attached = Attached(doc.doc_type or lines[attached_at].text, doc.title, _joined_ref(ref))
    return body


def _read_closing(lines: list[Line], closing: int, second: int, end: int, parts: _Parts) -> None:
    """The decision's back matter (``closing`` to ``second``) and the national header of the
    document it issues (``second`` to ``end``), into ``parts``."""
    parts.closing = backmatter.read_back(lines[closing:second])
    parts.header.extend(parts.closing.lines)
    parts.header.extend(frontmatter.read_header(lines[second:end], []).lines)


def _joined_ref(ref: list[str]) -> str | None:
    """A "(Ban hành kèm theo …)" reference's lines as one."""
    return (re.sub(r"\s+", " ", structure.join_lines(ref)).strip(" *_") or None) if ref else None


def _read_untitled(lines: list[Line], closing: int, restart: int, doc_type: str, title: str | None, parts: _Parts) -> int:
    """The document a decision issues whose type's line was lost (``_untitled_attached``), its
    sections opening at ``restart``: what stands above them read as its — the "(Ban hành kèm theo
    …)" line, a title in capitals, the national header — and the decision's back matter before
    them; its title as printed, else as the article gives it. Where its body begins."""
    top = next((j for j in range(max(closing + 1, restart - REF_LINES), restart) if appendix.is_ref(lines[j].text)), restart)
    signed = [j for j in range(closing, top) if backmatter.is_back_matter_start(lines[j])
              or backmatter.is_name_in_capitals(lines[j].text)]  # (the signature's own lines, a name in capitals)
    floor = signed[-1] + 1 if signed else closing + 1
    t = top
    while t - 1 >= floor and _is_caps_title_line(lines[t - 1], False) and not frontmatter.is_motto(single_spaced(lines[t - 1].text)):
        t -= 1
    _read_closing(lines, closing, max(_second_header_start(lines, closing, t), floor), t, parts)
    parts.header.extend(HeaderLine("title", ln.text, Span(ln.start, ln.end)) for ln in lines[t:top])
    parts.header.extend(HeaderLine("attached_ref", ln.text, Span(ln.start, ln.end)) for ln in lines[top:restart])
    printed = single_spaced(structure.join_lines([ln.text for ln in lines[t:top]]))
    parts.attached = Attached(doc_type, printed or title, _joined_ref([ln.text for ln in lines[top:restart]]))
    return restart


def _bare_articles_start(lines: list[Line], pos: int) -> int | None:
    """Where the articles of a decision that prints them "Điều 1 Ban hành …" (nothing after the
    number) begin: "Điều 1" then "Điều 2" at lines' starts, in order, and no article printed
    otherwise; else None."""
    found = [(i, m.value) for i in range(pos, len(lines)) if (m := markers.match_article(lines[i].text, bare=True))]
    if len(found) < 2 or found[0][1] != 1 or found[1][1] != 2:
        return None
    return found[0][0]


REF_LINES = 3
"""Lines a "(Ban hành kèm theo …)" reference stands above the sections it heads, at most."""
_ISSUED = regex(r"\bkèm theo (?:Quyết định|Nghị quyết|Chỉ thị) này(?: là)?\s+(?P<type>Kế hoạch|Chương trình|Quy chế|Quy định"
               r"|Đề án|Phương án|Hướng dẫn|Điều lệ)\s+(?P<title>[^\n]*?)\s*[.;]?\s*$", re.IGNORECASE)
"""What an article issues ("Ban hành kèm theo Quyết định này Kế hoạch triển khai … Thành phố Hồ Chí Minh.")."""


def _untitled_attached(lines: list[Line], closing: int, articles: Sequence[Clause]) -> tuple[int, str, str | None] | None:
    """A decision whose article issues a document ("Ban hành kèm theo Quyết định này Kế hoạch …")
    that follows the signature without its type's line (a copy that lost "KẾ HOẠCH" and its title):
    where its body opens — the first section, "I. MỤC TIÊU", after the signer — with the type and
    the title the article gives it; None where the article issues nothing or no section follows."""
    issued = next((m for a in articles[:1] if (m := _ISSUED.search(" ".join(a.text.split())))), None)
    if issued is None:
        return None
    for i in range(closing + 1, len(lines)):
        if appendix.is_heading(lines[i]):
            return None  # (an appendix's own sections: the decision's, not a document it issues)
        m = markers.match(lines[i].text)
        if (m is not None and m.style in markers.SECTION_STYLES and m.value == 1 and m.rest.strip()
                and m.rest.strip() == m.rest.strip().upper()):
            return i, issued.group("type").upper(), issued.group("title").strip() or None
    return None


def _second_header_start(lines: list[Line], lo: int, hi: int) -> int:
    """Where the attached document's own national header begins, between the decision's
    signature (ending with the signer's name) and the attached document's title."""
    k = hi
    while k > lo and frontmatter.is_header_line(lines[k - 1]):
        k -= 1
    return k


def _first_body_line(lines: list[Line], start: int) -> int | None:
    """The body opens at "I." (or "Phần I", "A."); a plan without sections, at its first "1."."""
    first_num = None
    for i in range(start, len(lines)):
        m = markers.match(lines[i].text)
        if m is None:
            continue
        if m.style in markers.SECTION_STYLES and (m.value == 1 or (m.style == "part" and m.value == 0)):
            return i  # (a "Phần mở đầu" before "Phần thứ nhất" opens it too)
        if first_num is None and m.style == "arabic" and m.value == 1:
            first_num = i
    return first_num


_ENACTED_TYPES = ("QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ")
"""Documents whose preamble opens with the authority that enacts them."""
_LINKED_END = regex(r"(?<!\w)(?:CỦA|VÀ|VỀ|CHO|VỚI|TẠI|THUỘC|GIỮA|TRỰC THUỘC)\s*$", re.IGNORECASE)

PRINTED_LINE = 130
"""The most characters of Vietnamese one printed line holds (A4, 13–14 pt): ~110 seen."""
UNWRAPPED_MEDIAN = 150
"""A PDF line holds at most ~110 characters of Vietnamese; a median line longer than this means
one paragraph per line."""

WRAPPED_TITLE_CHARS = 160
"""Characters a sentence-case title may hold over more than three lines."""

_AMBIGUOUS_OPENERS = ("Thực hiện", "Triển khai")
"""Titles themselves often begin so ("Thực hiện công tác bình đẳng giới …"): only an instrument
named right after them ("Thực hiện Kế hoạch số …") makes the line a preamble."""


def _is_title_line(line: Line, sofar: list[Line], *, long: bool = False) -> bool:
    """Whether ``line`` goes on the title that ``sofar`` holds (the doc-type line first). A title
    ends where the preamble begins: an opener ("Căn cứ …"), the issuing authority's own line in a
    decision, a change from capitals to sentence case, or a finished sentence."""
    text = flat(line)
    mark = markers.match(text)
    if mark is not None and not (mark.style == "dash" and structure.splits_a_range(sofar[-1].text, mark.rest)):
        return False  # (but "… GIAI ĐOẠN 2021" / "- 2030 CỦA BỘ …": the title's span of years wrapped at its dash)
    if backmatter.is_back_matter_start(line) or appendix.is_ref(text):
        return False  # (a "(Ban hành kèm theo Quyết định số …)" line under the title is no part of it)
    if frontmatter.is_authority_line(text) and (
            line.blank_before or (sofar[0].text.startswith(_ENACTED_TYPES) and len(sofar) > 1
                                  and not _LINKED_END.search(sofar[-1].text))):
        # the authority that enacts a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") opens its
        # preamble, blank line before it or not (a web page's text has none), unless the title's
        # last line runs on into it ("… CỦA" / "ỦY BAN NHÂN DÂN TỈNH …")
        return False
    title = sofar[1:]
    upper = bool(title) and all(t.text == t.text.upper() for t in title)
    if upper and text == text.upper():
        # a title set in capitals runs over as many lines as it needs, commas or semicolons or not
        return len(title) < 8 and not structure.ends_sentence(title[-1].text.rstrip().removesuffix(";"))
    if upper and text != text.upper():
        # a title in capitals goes on in sentence case only where the line opens in lower case
        # ("CHƯƠNG TRÌNH HÀNH ĐỘNG" / "CỦA BỘ CHÍNH TRỊ" / "thực hiện Kết luận số 75-KL/TW …"): a
        # preamble opens with a capital
        return text[:1].islower() and not _PREAMBLE_CLAUSE.search(text) and len(title) < 8
    runs_on = (text[:1].islower() and len(title) < 8 and not structure.ends_sentence(sofar[-1].text)
               and not _PREAMBLE_CLAUSE.search(text) and not any(". " in t for t in (text, *(x.text for x in title))))
    if not long and not runs_on and len(sofar) > 3 and sum(len(t.text) for t in title) + len(text) > WRAPPED_TITLE_CHARS:
        # doc type + three lines: a longer "title" is a preamble, unless its lines are short (a
        # narrow PDF column wrapped it: "… kỹ thuật an" / "toàn" / "vật liệu nổ …") or the line
        # goes on in lower case, as no preamble opens ("… về bảo vệ môi trường" / "và chủ động …")
        return False
    if len(sofar) > 1 and (structure.ends_sentence(sofar[-1].text) or (
            sofar[-1].text.rstrip().endswith(",")
            and not ((_TITLE_AFTER_COMMA.match(text) or text[:1].islower()) and not _PREAMBLE_CLAUSE.search(text)))):
        # (a line after a comma: a preamble's, unless a title's span goes on — "…, tầm nhìn đến năm
        # 2050" — or its list does, in lower case: "… tài nguyên đất, nước," / "khoáng sản và …")
        return False
    if len(sofar) > 1 and line.blank_before and text.rstrip(" *_").endswith(":"):
        return False  # "… ban hành Kế hoạch … như sau:" after a blank line: the preamble, never a title
    if text.startswith("Tiếp tục "):  # "Tiếp tục thực hiện Nghị quyết số …" opens as "Thực hiện" does
        text = text[9:10].upper() + text[10:]
    for opener in _OPENERS:
        if text.startswith(opener):
            rest = text[len(opener):].lstrip(" ,:")
            if opener not in _AMBIGUOUS_OPENERS or rest.startswith(_INSTRUMENTS):
                return False
    return True


def _clause_at(clauses: tuple, offset: int | None) -> str | None:
    if offset is None:
        return None
    best = None
    stack = list(clauses)
    while stack:
        c = stack.pop()
        if c.span.start <= offset < c.span.end or (c.span.start <= offset <= c.span.end):
            if best is None or c.span.start >= best.span.start:
                best = c
            stack.extend(c.children)
    return best.id if best else None


__all__ = ["Span", "parse", "parse_file", "parse_source", "parse_text"]
