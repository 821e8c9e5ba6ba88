"""The parser's front door: ``parse(source) -> Plan``.

read (source) → clean (lines) → regions → footnotes → paragraphs → tree (structure) → Plan.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import errors, footnotes, frontmatter, markers, structure
from .lines import Line, split_lines
from .model import Footnote, HeaderLine, Hint, Meta, Plan, Span
from .source import SourceText, read_bytes, read_path, read_text

_OPENERS = ("Thực hiện", "Căn cứ", "Triển khai", "Thi hành", "Theo ", "Xét ", "Để ", "Nhằm ", "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND")
_INSTRUMENTS = (
    "Luật", "Bộ luật", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư", "Kế hoạch",
    "Công văn", "Hướng dẫn", "Chương trình", "Đề án", "Văn bản", "Thông báo", "Chiến lược", "ý kiến",
    "Hiến pháp", "Pháp lệnh", "Kết luận", "các", "tinh thần", "chỉ đạo",
)


def parse(source: str | bytes | os.PathLike[str], *, name: str | None = None) -> Plan:
    """Parse a plan from a path, raw bytes, or the text itself.

    A ``str`` holding a line break is read as the plan's text; any other ``str`` or a path-like
    object names a file. Raises a ``PlanError`` subclass for input that is not a readable plan.
    """
    label = "input"
    if isinstance(source, bytes):
        src = read_bytes(source)
    elif isinstance(source, os.PathLike) or (isinstance(source, str) and "\n" not in source):
        src = read_path(source)
        label = str(source)
    else:
        src = read_text(source)
    return parse_source(src, name=name or src.name, label=label)


def parse_file(path: str | os.PathLike[str]) -> Plan:
    return parse(Path(path))


def parse_source(src: SourceText, *, name: str | None = None, label: str = "input") -> Plan:
    text = src.text
    body_text = text if src.notes_start is None else text[: src.notes_start]
    lines, artefacts = split_lines(body_text, markdown=src.format == "markdown")
    if not lines:
        raise errors.EmptyInput(f"{label}: the input holds no text")

    body_hint = _first_body_line(lines, 0)
    title_idx = next(
        (i for i, ln in enumerate(lines[: body_hint if body_hint is not None else 60]) if frontmatter.is_doc_type_line(ln)),
        None,
    )
    front: list[Line] = lines[:title_idx] if title_idx is not None else []
    pos = title_idx if title_idx is not None else 0
    title_lines: list[Line] = []
    if title_idx is not None:
        title_lines.append(lines[title_idx])
        pos = title_idx + 1
        while pos < len(lines) and _is_title_line(lines[pos], title_lines):
            title_lines.append(lines[pos])
            pos += 1
    body_start = _first_body_line(lines, pos)
    if body_start is None and title_idx is None:
        raise errors.NotAPlan(f"{label}: no document title (\"KẾ HOẠCH …\") and no numbered sections: this is not a plan")
    if body_start is None:
        body_start = len(lines)
    back_start = next((i for i in range(body_start, len(lines)) if frontmatter.is_back_matter_start(lines[i])), len(lines))
    appendix_start = next(
        (i for i in range(body_start, len(lines)) if lines[i].text.upper().startswith("PHỤ LỤC") and lines[i].text == lines[i].text.upper()),
        len(lines),
    )
    back_start = min(back_start, appendix_start)
    pre_and_body = lines[pos:back_start]
    if src.notes_start is None:
        pre_and_body, found_notes, marker_artefacts = footnotes.extract(pre_and_body)
    else:
        pre_and_body, found_notes, marker_artefacts = footnotes.attach(pre_and_body, text[src.notes_start:], src.notes_start)
    artefacts.extend(marker_artefacts)
    n_pre = sum(1 for ln in pre_and_body if ln.start < lines[body_start].start) if body_start < len(lines) else len(pre_and_body)
    preamble_lines, body_lines = pre_and_body[:n_pre], pre_and_body[n_pre:]

    width = structure.line_width(pre_and_body)
    # Markdown, Word and HTML give one paragraph per line; text and PDF extractions wrap lines,
    # unless the lines are far longer than a page is wide (text saved one paragraph per line)
    lengths = sorted(len(ln.text) for ln in pre_and_body) or [0]
    wrapped = lengths[len(lengths) // 2] <= UNWRAPPED_MEDIAN
    hard_wraps = src.format in ("text", "pdf") and wrapped
    soft_wraps = src.format == "markdown" and wrapped
    pre_paras = structure.paragraphs(preamble_lines, width=width, hard_wraps=hard_wraps, soft_wraps=soft_wraps)
    body_paras = structure.paragraphs(body_lines, width=width, hard_wraps=hard_wraps, soft_wraps=soft_wraps)
    lead, clauses = structure.build_tree(body_paras)
    preamble = "\n".join(p.text if p.marker is None else " ".join(ln.text for ln in p.lines) for p in pre_paras + lead)

    header = frontmatter.read_header(front, title_lines)
    back = frontmatter.read_back(lines[back_start:appendix_start])
    appendices = tuple(ln.text for ln in lines[appendix_start:])
    juris = frontmatter.jurisdiction(header.issuer, header.title, preamble, header.place, header.parent_issuer)

    plan_clauses = tuple(clauses)
    notes = tuple(Footnote(n.label, n.text, _clause_at(plan_clauses, n.marker_offset), n.span) for n in found_notes)
    meta = Meta(
        issuer=header.issuer, parent_issuer=header.parent_issuer, number=header.number, place=header.place,
        date=header.date, year=header.year, doc_type=header.doc_type, title=header.title, jurisdiction=juris,
        signer=back.signer, signer_title=back.signer_title, signature_authority=tuple(back.authority),
        stamps=tuple(header.stamps), motto=tuple(header.motto), source_format=src.format, encoding=src.encoding,
    )
    header_lines: list[HeaderLine] = [*header.lines, *back.lines]
    return Plan(
        meta=meta, preamble=preamble, clauses=plan_clauses, footnotes=notes, recipients=tuple(back.recipients),
        signature=tuple(back.signature), header=tuple(header_lines), appendices=appendices,
        artefacts=tuple(sorted(artefacts, key=lambda a: a.span.start)), source=text, name=name,
        hints=tuple(Hint(kind, Span(s, e)) for s, e, kind in src.hints),  # type: ignore[arg-type]
    )


def _first_body_line(lines: list[Line], start: int) -> int | None:
    """The body opens at "I." (or "Phần I"); a plan without sections, at its first "1."."""
    first_num = None
    for i in range(start, len(lines)):
        m = markers.match(lines[i].text)
        if m is None:
            continue
        if m.style in ("roman", "part") and m.value == 1:
            return i
        if first_num is None and m.style == "arabic" and m.value == 1:
            first_num = i
    return first_num


UNWRAPPED_MEDIAN = 150
"""A PDF line holds at most ~110 characters of Vietnamese; a median line longer than this means
one paragraph per line."""

_AMBIGUOUS_OPENERS = ("Thực hiện", "Triển khai")
"""Titles themselves often begin so ("Thực hiện công tác bình đẳng giới …"): only an instrument
named right after them ("Thực hiện Kế hoạch số …") makes the line a preamble."""


def _is_title_line(line: Line, sofar: list[Line]) -> bool:
    """Whether ``line`` goes on the title that ``sofar`` holds (the doc-type line first). A title
    ends where the preamble begins: an opener ("Căn cứ …"), the issuing authority's own line in a
    decision, a change from capitals to sentence case, or a finished sentence."""
    text = line.text
    if markers.match(text) is not None or frontmatter.is_back_matter_start(line):
        return False
    if line.blank_before and frontmatter.is_authority_line(text):
        return False
    title = sofar[1:]
    upper = bool(title) and all(t.text == t.text.upper() for t in title)
    if upper and text == text.upper():
        # a title set in capitals runs over as many lines as it needs, commas or not
        return len(title) < 8 and not structure.ends_sentence(title[-1].text)
    if upper and text != text.upper():
        return False
    if len(sofar) > 3:  # doc type + three lines: a longer "title" is a preamble
        return False
    if len(sofar) > 1 and (structure.ends_sentence(sofar[-1].text) or sofar[-1].text.rstrip().endswith(",")):
        return False
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


__all__ = ["Span", "parse", "parse_file", "parse_source"]
