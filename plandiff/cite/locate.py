"""Stage 4 — locate: each citation's place in the plan's source, where region texts joined lines and
collapsed spaces (a symbol wrapped after its hyphen, emphasis inside the words)."""

from __future__ import annotations

import re

from ..model import Plan, Span
from .regions import Found
from .vocabulary import Printed


def locate(plan: Plan, f: Found, cursor: dict[object, tuple[tuple[int, int], int]] | None = None) -> Span:
    """Map the match back to ``plan.source`` (region texts have joined lines and collapsed spaces).
    Citations come in order within a region, so each search starts where the last one was found
    (``cursor``: the region's last citation, its place in the region and in the source; a table's
    rows are one region, in order of rows) — after it when this one comes later: the same words
    twice ("Đợt thi đua" in a title and again in a sentence; "Nghị định" in two rows) are two
    places, not one found twice."""
    tokens = f.raw.split()
    if not tokens:
        return Span(f.region.start, f.region.start)
    pattern = Printed(f.raw)
    end = max(f.region.end, f.region.start + 1) if f.region.clause != "preamble" else len(plan.source)
    start = f.region.start
    key = f.region.table or id(f.region)
    place = (f.region.row, f.start)
    last = (cursor or {}).get(key)
    if last is not None:
        start = max(start, last[1] + (1 if place > last[0] else 0))
    m = _own_match(pattern, plan.source, start, end, f.region.children)
    if m is not None and "-" in f.raw:
        # the same symbol wrapped after its hyphen before the place found ("21-" / "NQ/TW", then
        # "21-NQ/TW" on one line): the earlier is this mention's, the later the next one's
        m = _wrapped_before(tokens, plan.source, start, m, f.region.children) or m
    if m is None and start > f.region.start:
        # printed otherwise after the last one found (wrapped at a hyphen) before the same words
        # again from the region's start
        m = (_printed_otherwise(tokens, f.raw, plan.source, start, end)
             or _own_match(pattern, plan.source, f.region.start, end, f.region.children))
    if m is None:
        # the words as printed in the region, then anywhere (where the region's text maps badly);
        # a place in the region first: the same words printed otherwise elsewhere (in the title,
        # unwrapped) are another citation's place
        m = _printed_otherwise(tokens, f.raw, plan.source, f.region.start, end)
    if m is None:
        m = pattern.search(plan.source)
    if m is None:
        m = _printed_otherwise(tokens, f.raw, plan.source, f.region.start, len(plan.source))
    if m is not None and cursor is not None:
        cursor[key] = (place, m.start)
    return m if m is not None else Span(f.region.start, f.region.start)


def _printed_otherwise(tokens: list[str], raw: str, source: str, start: int, end: int) -> Span | None:
    """The cited words in ``source[start:end]`` printed otherwise than as their text: a symbol
    wrapped after one of its hyphens ("YBB-" / "SA032/26-LR", "75-" / "KL/TW"), or Markdown
    emphasis inside them ("đến năm 2040*” *và")."""
    found = None
    if "-" in raw:
        found = _wrapped(tokens).search(source, start, end)
    if found is None:
        found = _with_markup(tokens).search(source, start, end)
    return Span(found.start(), found.end()) if found else None


def _wrapped_before(tokens: list[str], source: str, start: int, found: Span,
                    holes: tuple[tuple[int, int], ...]) -> Span | None:
    """The words with a symbol wrapped after one of its hyphens, starting in ``source[start:found.start]``
    (None when none does: a hyphen before a space or line break there is looked for first)."""
    k = source.find("-", start, found.start)
    while k >= 0 and not (k + 1 < len(source) and source[k + 1].isspace()):
        k = source.find("-", k + 1, found.start)
    if k < 0:
        return None
    for m in _wrapped(tokens).finditer(source, start, found.end):
        if m.start() >= found.start:
            return None
        if not any(a <= m.start() < b for a, b in holes):
            return Span(m.start(), m.end())
    return None


def _wrapped(tokens: list[str]) -> re.Pattern[str]:
    """The cited words with a line break or space allowed after any hyphen ("21-" / "NQ/TW")."""
    return re.compile(r"\s+".join(re.escape(t).replace(r"\-", r"-\s*") for t in tokens))


def _own_match(pattern: Printed, source: str, start: int, end: int,
               holes: tuple[tuple[int, int], ...]) -> Span | None:
    """The first match in ``source[start:end]`` outside the ``holes`` (a clause's children)."""
    for m in pattern.finditer(source, start, end):
        if not any(a <= m.start < b for a, b in holes):
            return m
    return None


def _with_markup(tokens: list[str]) -> re.Pattern[str]:
    """The cited words with Markdown's emphasis and escapes allowed between any two characters."""
    mark = r"[*_\\]*"
    words = [mark.join(re.escape(ch) for ch in token) for token in tokens]
    return re.compile(r"(?:\s|[*_])+".join(words))
