"""Footnotes of a PDF printed from Word: each page's notes set apart from its text.

Word prints a footnote's number raised and small twice: glued to the word it notes ("kế hoạch¹")
and opening the note's own line at the page's foot ("¹ Chương trình số 30-CTr/TU …"); a note too
long for its page goes on at the foot of the next, under a gap, without its number. The text
layer gives both numbers as plain digits ("kế hoạch1", "1 Chương trình …"), and the notes in the
middle of the plan's text, page after page. Read from the drawn runs (their size and height),
the notes are cut from the pages and handed on as a .docx's are ("label<TAB>text" lines after the
text), and their glued numbers found as a .docx's are (``footnotes.attach``).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

from ..compiled import dataclass, regex

SMALL = 0.8
"""A run set at most this share of the page's text size is a raised number's (Word's footnote
references are set at about 0.6 of the text)."""
FOOT_GAP = 1.6
"""A gap between lines of more than this many line steps sets the foot of a page apart (the rule
above the notes)."""
_ENDS = tuple(".;!?:”\")")
_LABEL = regex(r"\d{1,3}(?:\.\d{1,3})*\s*[.)/-]\s|[-+•–]\s")
"""A clause's label opening a run ("2. …", "1.1. …", "- …"): the page's text, not a note's rest."""


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text as the page drew it: where it starts and its baseline stands, and its size
    in points."""

    text: str
    x: float
    y: float
    size: float


def split_notes(pages: Sequence[str], runs: Sequence[Sequence[Run]]) -> tuple[list[str], list[tuple[str, str]]]:
    """The pages without their footnotes, and the notes (label, text) in order. A page whose runs
    cannot be placed in its text, or notes that do not number on from 1, leave every page as it was."""
    out = list(pages)
    notes: list[tuple[str, str]] = []
    marked: set[str] = set()  # the numbers raised after a word so far: a note's number must be one
    for k, (page, drawn) in enumerate(zip(pages, runs, strict=True)):
        if not drawn:
            continue
        size = _text_size(drawn)
        starts = _note_starts(drawn, size, marked, len(notes) + 1)
        going_on = bool(notes) and not notes[-1][1].rstrip().endswith(_ENDS)
        carried = _carried_on(drawn, size, starts[0] if starts else len(drawn)) if going_on else None
        first = carried if carried is not None else starts[0] if starts else None
        if first is None:
            continue
        offsets = _offsets(page, drawn)
        if offsets is None:
            return list(pages), []
        cut = page.rfind("\n", 0, offsets[first]) + 1
        if page[cut:offsets[first]].strip():
            return list(pages), []  # the foot does not open its line: not a page's foot
        out[k] = page[:cut].rstrip("\n")
        bounds = [*(offsets[s] for s in starts), len(page)]
        if carried is not None:
            label, text = notes[-1]
            notes[-1] = (label, _joined(text, page[cut:bounds[0]]))
        for s, (lo, hi) in zip(starts, itertools.pairwise(bounds), strict=False):
            label = drawn[s].text.strip()
            notes.append((label, _joined("", page[lo + len(label):hi])))
    return (out, notes) if notes else (list(pages), [])


def _text_size(drawn: Sequence[Run]) -> float:
    """The size most of the page's letters are set in."""
    sizes = sorted((r.size, len(r.text)) for r in drawn)
    half, seen = sum(n for _, n in sizes) / 2, 0
    for size, n in sizes:
        seen += n
        if seen >= half:
            return size
    return 0.0


def _raised(run: Run, size: float) -> bool:
    t = run.text.strip()
    return t.isdigit() and len(t) <= 3 and 0 < run.size <= SMALL * size


def _note_starts(drawn: Sequence[Run], size: float, marked: set[str], expected: int) -> list[int]:
    """The runs that number a note at the page's foot, in order: a raised number opening a line,
    the note's text on the line under its top; its number the next note's, raised after a word
    earlier. Raised numbers after a word (the references) are noted in ``marked`` as they are passed.
    Everything drawn after the first stands below it (the foot is the page's last)."""
    starts: list[int] = []
    # the highest baseline of the words drawn after each run (a page number's digits aside)
    higher = list(itertools.accumulate(
        reversed([r.y if not r.text.strip().isdigit() else float("-inf") for r in drawn]), max))[::-1]
    for i, run in enumerate(drawn):
        if not _raised(run, size):
            continue
        label = run.text.strip()
        nxt = drawn[i + 1] if i + 1 < len(drawn) else None
        prev = drawn[i - 1] if i else None
        same_line = prev is not None and abs(prev.y - run.y) < 0.6 * size
        if same_line and not starts:
            marked.add(label)  # "kế hoạch¹": a reference
            continue
        opens = (nxt is not None and not _raised(nxt, size) and 0 < run.y - nxt.y < 0.6 * size
                 and (prev is None or prev.y - nxt.y > 0.5 * size))
        if opens and label in marked and int(label) == expected + len(starts):
            if not starts and i + 1 < len(drawn) and higher[i + 1] > run.y + 0.5 * size:
                continue  # words drawn higher after it: no page's foot
            starts.append(i)
    return starts


def _carried_on(drawn: Sequence[Run], size: float, end: int) -> int | None:
    """Where the rest of a note cut at the last page's end stands on this page: the last block of
    lines before ``end`` set apart from the text above it by a gap wider than ``FOOT_GAP`` line
    steps, nothing after it drawn higher."""
    lines = [i for i in range(1, end) if drawn[i - 1].y - drawn[i].y > 0.5 * size]
    steps = [drawn[i - 1].y - drawn[i].y for i in lines]
    if len(steps) < 3:
        return None
    step = statistics.median(steps)
    for i in reversed(lines):
        if drawn[i - 1].y - drawn[i].y > FOOT_GAP * step:
            if any(r.y > drawn[i].y + 0.5 * size for r in drawn[i + 1:end]):
                return None
            # the note goes on mid-sentence, or in the notes' smaller letters: a block of the
            # page's own text under a heading's space opens on a capital in the text's size
            first = drawn[i]
            mid_sentence = not first.text[:1].isupper() and _LABEL.match(first.text) is None
            return i if mid_sentence or first.size < 0.95 * size else None
    return None


def _offsets(page: str, drawn: Sequence[Run]) -> list[int] | None:
    """Where each run stands in the page's text (runs come in the text's order)."""
    out: list[int] = []
    pos = 0
    for run in drawn:
        t = run.text.strip()
        at = page.find(t, pos)
        if at < 0:
            return None
        out.append(at)
        pos = at + len(t)
    return out


def _joined(before: str, text: str) -> str:
    """A note's lines as one: a symbol wrapped after its hyphen ("30-" / "CTr/TU") closes up."""
    out = before
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        glued = out.endswith("-") and len(out) > 1 and not out[-2].isspace()
        out = f"{out}{line}" if glued or not out else f"{out} {line}"
    return out
