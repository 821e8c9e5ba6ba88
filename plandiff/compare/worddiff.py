"""Word-level diffs with diff-match-patch (its bisection step done by rapidfuzz).

Each token (a syllable, a number such as "12.000" or "15/12/2024", a punctuation mark, a run of
space) is mapped to one private-use character, diffed, cleaned up semantically while still in
token space, and only then mapped back — so no syllable or number is ever cut in two.
"""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

_TOKEN = re.compile(r"\d+(?:[.,/:\-]\d+)*|[^\W\d_]+|\S|\s+")
_BASE = 0xE000  # the private use area: never in real text we tokenise

Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True, slots=True)
class Edit:
    op: Op
    text: str


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


CAPACITY = 6400 + 0x20000
"""Distinct tokens the private-use areas can stand for (the BMP's and planes 15–16)."""


class Budget:
    """Time for the word diffs of a whole report: each diff gets at most ``per_diff`` seconds of
    what is left; once it is spent, clauses are shown as replaced whole (a plain fallback), so a
    report of thousands of large clauses still finishes in bounded time."""

    def __init__(self, seconds: float = 6.0, per_diff: float = 1.0) -> None:
        self.deadline = time.monotonic() + seconds
        self.per_diff = per_diff

    def allowance(self) -> float:
        return max(0.0, min(self.per_diff, self.deadline - time.monotonic()))


def diff_words(a: str, b: str, *, timeout: float = 2.0, budget: Budget | None = None) -> list[Edit]:
    """Edits turning ``a`` into ``b``; joining the equal+delete texts gives ``a``, equal+insert ``b``.
    Texts with more distinct tokens than there are characters to stand for them, or a spent
    ``budget``, give the plain diff: ``a`` deleted, ``b`` inserted."""
    return _word_diff(a, b, timeout=timeout, budget=budget)


def _word_diff(a: str, b: str, *, timeout: float = 2.0, budget: Budget | None = None,
               engine: type[diff_match_patch] | None = None) -> list[Edit]:
    """``diff_words`` with the diff engine as a parameter (the tests compare against
    diff-match-patch's own)."""
    if a == b:
        return [Edit("equal", a)] if a else []
    if budget is not None:
        timeout = budget.allowance()
        if timeout <= 0:
            return _plain(a, b)
    ta, tb = tokenize(a), tokenize(b)
    if len(set(ta) | set(tb)) > CAPACITY:
        return _plain(a, b)
    # each distinct token a character, in order of first appearance (a's tokens, then b's)
    table = {tok: _char(k) for k, tok in enumerate(dict.fromkeys(itertools.chain(ta, tb)))}
    back = {ch: tok for tok, ch in table.items()}
    ea, eb = "".join(map(table.__getitem__, ta)), "".join(map(table.__getitem__, tb))
    dmp = (engine or _DiffMatchPatch)()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(ea, eb, False)
    dmp.diff_cleanupSemantic(diffs)
    ops: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}
    edits: list[Edit] = []
    for code, chars in diffs:
        text = "".join(map(back.__getitem__, chars))
        if text:
            if edits and edits[-1].op == ops[code]:
                edits[-1] = Edit(ops[code], edits[-1].text + text)
            else:
                edits.append(Edit(ops[code], text))
    return edits


class _DiffMatchPatch(diff_match_patch):
    """diff-match-patch with its middle step, the pure-Python Myers bisection, done by rapidfuzz's
    bit-parallel LCS (≈6× faster on plans). The steps around it are diff-match-patch's own:
    common prefix and suffix, containment, half-match, merge and semantic cleanup. Both find a
    shortest edit script; where several exist they may pick different ones."""

    BIT_PARALLEL_CELLS = 40_000_000
    """Above this many token pairs (a 5 MB bit matrix) the bisection is used instead: it keeps to
    the deadline and to linear memory."""

    def diff_bisect(self, text1: str, text2: str, deadline: float) -> list[tuple[int, str]]:
        if len(text1) * len(text2) > self.BIT_PARALLEL_CELLS:
            return super().diff_bisect(text1, text2, deadline)
        from rapidfuzz.distance import Indel

        diffs: list[tuple[int, str]] = []
        for op in Indel.opcodes(text1, text2):
            if op.tag == "equal":
                diffs.append((0, text1[op.src_start:op.src_end]))
                continue
            if op.src_end > op.src_start:
                diffs.append((-1, text1[op.src_start:op.src_end]))
            if op.dest_end > op.dest_start:
                diffs.append((1, text2[op.dest_start:op.dest_end]))
        return diffs


def _plain(a: str, b: str) -> list[Edit]:
    return [e for e in (Edit("delete", a), Edit("insert", b)) if e.text]


def _char(k: int) -> str:
    """The character standing for the ``k``-th distinct token: the BMP's private-use area, then
    planes 15–16."""
    return chr(_BASE + k) if k < 6400 else chr(0xF0000 + k - 6400)


def apply(a: str, edits: list[Edit]) -> str:
    """Rebuild the new text from the edits (checks that they are a faithful diff of ``a``)."""
    old = "".join(e.text for e in edits if e.op != "insert")
    if old != a:
        raise ValueError("edits do not start from this text")
    return "".join(e.text for e in edits if e.op != "delete")
