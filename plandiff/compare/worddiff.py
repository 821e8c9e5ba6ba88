"""Word-level diffs with diff-match-patch (its bisection step done by rapidfuzz, its semantic
cleanup without rescans: the same edits, faster).

Each token (a syllable, a number such as "12.000" or "15/12/2024", a punctuation mark, a run of
space) is mapped to one private-use character, diffed, cleaned up semantically while still in
token space, and only then mapped back — so no syllable or number is ever cut in two.
"""

from __future__ import annotations

import itertools
import time
from typing import Literal

from diff_match_patch import diff_match_patch

from ..compiled import dataclass, regex

_TOKEN = regex(r"\d+(?:[.,/:\-]\d+)*|[^\W\d_]+|\S|\s+")
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
    bit-parallel LCS (≈6× faster on plans), and the first step of its semantic cleanup without
    rescans (the same edits, tested against diff-match-patch's). The other steps are its own:
    common prefix and suffix, containment, half-match, merge, lossless shifts and overlaps. Both
    find a shortest edit script; where several exist they may pick different ones."""

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


    def diff_cleanupSemantic(self, diffs: list[tuple[int, str]]) -> None:
        """diff-match-patch's semantic cleanup, the same edits in the same order, without its
        rescans: where it eliminates an equality it goes back to the equality before and walks the
        edits after it again, and long runs of small changes made that walk quadratic (a third
        of a large page's time). Here each equality on the stack keeps the sizes of the edits
        before it, so going back costs nothing; the edits after it only grow, so whether it is
        eliminated is decided by their sums at the current place. The steps after it (merge,
        lossless shifts, overlaps) are diff-match-patch's (Apache-2.0), unchanged."""
        if _eliminate_equalities(diffs):
            self.diff_cleanupMerge(diffs)
        self.diff_cleanupSemanticLossless(diffs)
        self._extract_overlaps(diffs)

    def _extract_overlaps(self, diffs: list[tuple[int, str]]) -> None:
        """The end of diff-match-patch's ``diff_cleanupSemantic`` as it is: a deletion and an
        insertion that overlap by at least half of one of them keep the overlap as an equality."""
        pointer = 1
        while pointer < len(diffs):
            if diffs[pointer - 1][0] == -1 and diffs[pointer][0] == 1:
                deletion, insertion = diffs[pointer - 1][1], diffs[pointer][1]
                overlap1 = self.diff_commonOverlap(deletion, insertion)
                overlap2 = self.diff_commonOverlap(insertion, deletion)
                if overlap1 >= overlap2:
                    if overlap1 >= len(deletion) / 2.0 or overlap1 >= len(insertion) / 2.0:
                        diffs.insert(pointer, (0, insertion[:overlap1]))
                        diffs[pointer - 1] = (-1, deletion[:len(deletion) - overlap1])
                        diffs[pointer + 1] = (1, insertion[overlap1:])
                        pointer += 1
                elif overlap2 >= len(deletion) / 2.0 or overlap2 >= len(insertion) / 2.0:
                    diffs.insert(pointer, (0, deletion[:overlap2]))
                    diffs[pointer - 1] = (1, insertion[:len(insertion) - overlap2])
                    diffs[pointer + 1] = (-1, deletion[overlap2:])
                    pointer += 1
                pointer += 1
            pointer += 1


def _eliminate_equalities(diffs: list[tuple[int, str]]) -> bool:
    """The first step of the semantic cleanup: an equality no longer than the edits on either side
    of it (the larger of insertions and deletions, each side) becomes a deletion and an insertion;
    then the equality before it is weighed again. Returns whether any was eliminated.

    The stack holds, for each equality since the last elimination point, its place and the sizes
    (inserted, deleted) of the edits between it and the equality before it. ``ins``/``dels`` are
    the sizes of the edits after the top equality up to the current place."""
    stack: list[tuple[int, int, int]] = []
    changes = False
    ins = dels = 0
    last = ""  # the text of the top equality while it may be eliminated; "" when it may not
    pointer, n = 0, len(diffs)
    while pointer < n:
        op, text = diffs[pointer]
        if op == 0:
            stack.append((pointer, ins, dels))
            ins = dels = 0
            last = text
        else:
            if op == 1:
                ins += len(text)
            else:
                dels += len(text)
            # eliminate the top equality while it is no longer than the edits on both sides; each
            # elimination weighs the equality before it against the grown edits after it
            while last:
                at, ins1, del1 = stack[-1]
                size = len(last)
                if size > (ins1 if ins1 > del1 else del1) or size > (ins if ins > dels else dels):
                    break
                stack.pop()
                diffs.insert(at, (-1, last))
                diffs[at + 1] = (1, last)
                n += 1
                pointer += 1
                changes = True
                # the edits after the equality before now run from it to here
                ins, dels = ins1 + size + ins, del1 + size + dels
                if not stack:
                    last = ""
                    break
                # diff-match-patch walks again from the equality before that one to weigh this one
                # anew: the edits before it are those it was pushed with, after it all up to here
                last = diffs[stack[-1][0]][1]
        pointer += 1
    return changes


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
