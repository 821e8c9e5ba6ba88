"""Stage 3 — footnotes: find footnote bodies dropped mid-text by PDF extraction, and the markers
glued to words that refer to them ("Luật1", "năm 20252", "tỉnh3").

A body is a line "1Nghị định …" that starts a fresh block (after a blank line or a page break),
whose label is the next expected footnote number and whose marker occurs in the text before it.
It runs until the page resumes (an indented line), a numbered clause, or the next body.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

from ..compiled import dataclass, regex
from ..model import Artefact, Span
from ..textnorm import CAPITALS
from . import markers
from .lines import Line
from .structure import ends_sentence, join_lines

_BODY_START = regex(r"^(?P<label>\d{1,2})(?=[" + CAPITALS + r"“\"(])")


@dataclass(frozen=True, slots=True)
class FoundFootnote:
    label: str
    text: str
    span: Span
    marker_offset: int | None


_GLUED_BEFORE = r"(?:(?<=[^\W\d_])|(?<=[”\")])|(?<=(?<!\d)(?:19|20)\d\d))"
_GLUED_AFTER = r"(?=[\s.,;:)”\"]|$)"
_ANY_MARKER = regex(r"(?P<n>\d(?:(?<=[^\W\d_]\d)|(?<=[”\")]\d)|(?<=(?<!\d)(?:19|20)\d\d\d))\d?)" + _GLUED_AFTER)
"""Any glued number: ``_GLUED_BEFORE`` then one or two digits, with the look-behinds taken after
the first digit, so that a search jumps from digit to digit (a pattern opening with a look-behind
is tried at every position)."""


def _glued_by_line(texts: list[str]) -> dict[int, list[str]]:
    """The glued numbers of each text (``_ANY_MARKER``), in order, found in one search over the
    texts joined by line breaks: a break stands where a text begins or ends, as neither a letter,
    a quote nor a digit, so each text's matches are those it has alone."""
    joined = "\n".join(texts)
    found: dict[int, list[str]] = {}
    starts: list[int] | None = None
    for m in _ANY_MARKER.finditer(joined):
        if starts is None:  # where each text begins (asked only when some number is glued)
            starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        found.setdefault(bisect.bisect_right(starts, m.start()) - 1, []).append(m.group("n"))
    return found


@functools.lru_cache(maxsize=256)
def _marker_pattern(label: str) -> re.Pattern[str]:
    """A letter, a closing quote or a year immediately followed by the label, then a non-word.
    The label is escaped: it comes from the document (a Word footnote's own text)."""
    return re.compile(_GLUED_BEFORE + re.escape(label) + _GLUED_AFTER)


def _labels_apart(lines: list[Line], marks: Sequence[Artefact]) -> dict[int, Artefact]:
    """The number alone on the line before a line, set aside as a page number ("1" / " Chương
    trình …": ``pdftotext -layout`` puts a note's raised number on a line of its own), by the
    index of the line it stands before, when no page break stands between them."""
    numbers = [a for a in marks if a.kind == "page_number" and a.text.isdigit() and len(a.text) <= 2]
    if not numbers:
        return {}
    breaks = sorted(a.span.start for a in marks if a.kind == "form_feed")
    starts = [ln.start for ln in lines]
    out: dict[int, Artefact] = {}
    for a in numbers:
        k = bisect.bisect_left(starts, a.span.end)
        if 0 < k < len(lines) and lines[k - 1].end <= a.span.start:
            fed = bisect.bisect_left(breaks, a.span.end)
            if fed == len(breaks) or breaks[fed] >= lines[k].start:
                out[k] = a
    return out


def _carried_on(out: list[Line], orig: list[int], j: int, page_end: int, breaks: list[int], apart: dict[int, Artefact],
                next_label: int) -> tuple[int, int] | None:
    """Where the rest of a note cut at a page's end stands on the next page: the last block of that
    page's lines, after a blank line and after the page's own text, up to the page's end or the
    next note, going on mid-sentence; None when there is no such block."""
    k = bisect.bisect_right(breaks, page_end)
    next_end = breaks[k] if k < len(breaks) else None
    e = j
    while e < len(out) and (next_end is None or out[e].start < next_end):
        nm = _BODY_START.match(out[e].text)
        if (nm and int(nm.group("label")) == next_label) or ((a := apart.get(orig[e])) is not None and a.text == str(next_label)):
            break
        e += 1
    if next_end is None and e == len(out):
        return None  # the last page: its foot is the plan's end, no place a note runs on to
    c = next((x for x in range(e - 1, j, -1) if out[x].blank_before), None)
    if c is None or markers.match(out[c].text) is not None or out[c].text[:1].isupper():
        return None  # (a note goes on mid-sentence: a block opening on a capital is the page's own)
    return c, e


def extract(lines: list[Line], marks: Sequence[Artefact] = ()) -> tuple[list[Line], list[FoundFootnote], list[Artefact], list[Artefact]]:
    """Remove footnote bodies and glued markers from ``lines``: the lines left, the notes, the
    markers' artefacts, and the artefacts of ``marks`` that are notes' numbers. ``marks``: what
    the lines' stage set aside (page numbers, page breaks): a note's number on a line of its own
    was taken for a page number, and a note at a page's foot ends at its page break."""
    out = list(lines)
    glued_first = any(ln.text[:1].isdigit() and (m := _BODY_START.match(ln.text)) is not None and int(m.group("label")) == 1
                      for ln in out[1:])
    # (a "1" set aside as a page number is looked at only where one was: most plans have none)
    apart = _labels_apart(out, marks) if any(a.text == "1" and a.kind == "page_number" for a in marks) else {}
    if not glued_first and not any(a.text == "1" for a in apart.values()):
        return out, [], [], []  # no first footnote's body (most plans): no line's glued numbers need noting
    breaks = sorted(a.span.start for a in marks if a.kind == "form_feed")
    taken: list[Artefact] = []
    notes: list[FoundFootnote] = []
    artefacts: list[Artefact] = []
    glued = _glued_by_line([ln.text for ln in out])  # by index in ``lines``
    orig = list(range(len(out)))  # each line of ``out``'s index in ``lines``
    expected = 1
    search_from = 0  # index in out: markers are searched after the previous footnote's marker
    last_line: dict[str, int] = {}  # label -> the last line before i where it stands glued to a word
    i = 0
    while i < len(out):
        line = out[i]
        m = _BODY_START.match(line.text)
        lone = apart.get(orig[i])
        if lone is not None and (lone.text != str(expected) or not line.text[:1].isupper()):
            lone = None
        # digits glued to a capital at a line's start (or alone on the line before), the next
        # footnote number, and its marker glued to a word before: strong enough without any layout cue
        found = None
        if ((m and int(m.group("label")) == expected) or lone is not None) and i > 0:
            label = lone.text if lone is not None else m.group("label")  # type: ignore[union-attr]
            mi = last_line.get(label)
            if mi is not None and mi >= search_from:
                hits = list(_marker_pattern(label).finditer(out[mi].text))
                found = (mi, hits[-1].start()) if hits else None
        if found is None:
            # one sweep: the glued numbers of each line are noted as it is passed, so finding the
            # marker nearest before a body costs nothing (no search back over the whole text)
            for n in glued.get(orig[i], ()):
                last_line[n] = i
            i += 1
            continue
        mi, pos = found
        # the body: this line and its continuations, to its page's end
        page_end = breaks[k] if (k := bisect.bisect_left(breaks, line.end)) < len(breaks) else None
        j = i + 1
        while j < len(out):
            nxt = out[j]
            nm = _BODY_START.match(nxt.text)
            if ((nxt.indent and not line.indent) or (nm and int(nm.group("label")) == expected + 1)
                    or (page_end is not None and nxt.start > page_end)):
                break  # the page resumes (pdftotext indents its first line), or the next footnote
            if (nl := apart.get(orig[j])) is not None and nl.text == str(expected + 1):
                break  # the next note's number on a line of its own
            mk = markers.match(nxt.text)
            if mk and mk.style not in ("dash", "plus", "bullet") and mk.rest[:1].isupper():
                break
            if ends_sentence(out[j - 1].text) and nxt.text[:1].islower():
                break  # the interrupted sentence goes on after the footnote
            j += 1
        body_lines = out[i:j]
        text = join_lines([x.text for x in body_lines])[0 if lone is not None else len(label):].strip()
        if page_end is not None and j < len(out) and out[j].start > page_end and not ends_sentence(text):
            # cut at its page's end: the rest stands at the next page's foot, under its text
            rest = _carried_on(out, orig, j, page_end, breaks, apart, expected + 1)
            if rest is not None:
                c, e = rest
                text = join_lines([text, *(x.text for x in out[c:e])])
                del out[c:e]
                del orig[c:e]
        span = Span(lone.span.start if lone is not None else body_lines[0].start, body_lines[-1].end)
        if lone is not None:
            taken.append(lone)
        mline = out[mi]
        offset = mline.start + pos
        artefacts.append(Artefact("footnote_marker", label, Span(offset, offset + len(label))))
        out[mi] = mline.without(pos, len(label))
        notes.append(FoundFootnote(label, text, span, offset))
        del out[i:j]
        del orig[i:j]
        expected += 1
        search_from = mi
    return out, notes, artefacts, taken


def attach(lines: list[Line], notes_text: str, offset: int) -> tuple[list[Line], list[FoundFootnote], list[Artefact]]:
    """Footnotes kept apart by the format ("label<TAB>text" lines starting at ``offset`` in the
    source): strip their glued markers from ``lines``."""
    out = list(lines)
    notes: list[FoundFootnote] = []
    artefacts: list[Artefact] = []
    # every line where each label stands glued to a word, found in one pass: each note then looks
    # up its own label's lines after the previous marker (no scan of the text per note)
    where: dict[str, list[int]] = {}
    for k, labels in _glued_by_line([ln.text for ln in out]).items():
        for n in labels:
            rows = where.setdefault(n, [])
            if not rows or rows[-1] != k:
                rows.append(k)
    search_from = 0
    pos = offset
    for raw in notes_text.splitlines(keepends=True):
        label, _, body = raw.rstrip("\n").partition("\t")
        span = Span(pos, pos + len(raw.rstrip("\n")))
        pos += len(raw)
        if not label.strip():
            continue
        found = None
        rows = where.get(label, [])
        for k in rows[bisect.bisect_left(rows, search_from):]:
            hit = _marker_pattern(label).search(out[k].text)
            if hit:
                found = (k, hit.start())
                break
        offset_marker = None
        if found is not None:
            mi, at = found
            mline = out[mi]
            offset_marker = mline.start + at
            artefacts.append(Artefact("footnote_marker", label, Span(offset_marker, offset_marker + len(label))))
            out[mi] = mline.without(at, len(label))
            search_from = mi
        notes.append(FoundFootnote(label, body.strip(), span, offset_marker))
    return out, notes, artefacts


_BRACKET_BODY = regex(r"^\[(?P<caret>\^)?(?P<label>\d{1,3})\](?(caret):)\s*")
"""A note's body as a portal prints it, "[1] Chương trình số …", or as Markdown writes one (pandoc's,
GitHub's: "[^1]: Chương trình số …", its marker "[^1]")."""
_ARROW_BODY = regex(r"^(?P<label>\d{1,3})\.\s+(?=\S.*↑$)")
"""A note's body as mammoth (and markitdown after it) writes a Word file's notes: an item of a list
at the end, its link back to the mark last ("1. Luật Bình đẳng giới … [↑](#footnote-ref-1)", the
link's markup set aside by then); the mark is "[1]" in the text."""
_STOP = regex(r"^(?:PHỤ LỤC|KẾ HOẠCH|QUYẾT ĐỊNH)\b")


def _next_label_at(lines: list[Line], start: int, label: int) -> int | None:
    """Where the body of note ``label`` opens after ``start``, before an appendix: the lines
    between belong to the note before it, blank lines (a page's paragraph a printed line) or not."""
    for k in range(start, len(lines)):
        if _STOP.match(lines[k].text):
            return None
        m = _BRACKET_BODY.match(lines[k].text)
        if m is not None:
            return k if int(m.group("label")) == label else None
    return None


def _arrow_start(lines: list[Line]) -> int | None:
    """Where mammoth's list of notes opens: "1. … ↑", "[1]" marked in a line before it."""
    return next((i for i, ln in enumerate(lines) if ln.text[:2] == "1." and ln.text[-1:] == "↑" and _ARROW_BODY.match(ln.text)
                 and any("[1]" in x.text for x in lines[:i])), None)


def bracketed(lines: list[Line], source: str) -> tuple[list[Line], list[FoundFootnote], list[Artefact]]:
    """Footnotes as legal portals print them: "[1]" after a word in the text, and the bodies
    "[1] Chương trình số …" together after the signature. Bodies run until the next label (or an
    appendix); a body is only taken when its marker stands earlier in the text. ``source``: the
    text the lines were read from, where a marker's place is found (a line's text has lost the
    markup before it, so its offsets are not the source's)."""
    start = next((i for i, ln in enumerate(lines) if ln.text[:1] == "[" and (m := _BRACKET_BODY.match(ln.text))
                  and m.group("label") == "1" and any(f"[{m.group('caret') or ''}1]" in x.text for x in lines[:i])), None)
    arrows = start is None and "↑" in source and _arrow_start(lines)
    if arrows:
        start = arrows
    if start is None:
        return lines, [], []
    caret = lines[start].text[1] == "^"
    out = list(lines[:start])
    notes: list[FoundFootnote] = []
    artefacts: list[Artefact] = []
    rest = lines[start:]
    search_from = 0
    i = 0
    expected = 1
    while i < len(rest):
        m = (_ARROW_BODY if arrows else _BRACKET_BODY).match(rest[i].text)
        if m is None or int(m.group("label")) != expected or (not arrows and bool(m.group("caret")) != caret):
            break
        label = m.group("label")
        j = i + 1
        following = _next_label_at(rest, i + 1, expected + 1)
        while not arrows and j < len(rest) and not _BRACKET_BODY.match(rest[j].text) and not _STOP.match(rest[j].text):
            if rest[j].blank_before and ends_sentence(rest[j - 1].text) and following is None:
                break  # a finished note, then a block of something else (the page's own text)
            j += 1
        body = rest[i:j]
        text = join_lines([body[0].text[m.end():], *(x.text for x in body[1:])]).strip()
        head = body[0]
        # the label itself is the footnote's; its brackets (and Markdown's caret and colon, a list
        # item's dot and its link back) are markup
        opening, closing = ("", ".") if arrows else ("[^", "]:") if caret else ("[", "]")
        if opening:
            artefacts.append(Artefact("markup", opening, Span(head.start, head.start + len(opening))))
        after = head.start + len(opening) + len(label)
        artefacts.append(Artefact("markup", closing, Span(after, after + len(closing))))
        if arrows:
            text = text[:-1].rstrip()
            arrow = source.rfind("↑", head.start, head.end)
            artefacts.append(Artefact("markup", "↑", Span(arrow, arrow + 1)))
        offset_marker = None
        mark = f"{opening or '['}{label}]"
        for k in range(search_from, len(out)):
            at = out[k].text.find(mark)
            if at >= 0:
                offset_marker = source.find(mark, out[k].start, out[k].end)
                if offset_marker < 0:  # the marker is the line's text, not the source's ("[**1**]")
                    offset_marker = out[k].start + at
                artefacts.append(Artefact("footnote_marker", mark, Span(offset_marker, offset_marker + len(mark))))
                out[k] = out[k].without(at, len(mark))
                search_from = k
                break
        notes.append(FoundFootnote(label, text, Span(head.start, body[-1].end), offset_marker))
        expected += 1
        i = j
    out.extend(rest[i:])
    return out, notes, artefacts
