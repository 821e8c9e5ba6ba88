"""Larger plans for scaling checks: a real plan repeated as the parts (PHẦN I, II …) of one plan."""

from __future__ import annotations

import plandiff


def grow(plan: plandiff.Plan, factor: int) -> plandiff.Plan:
    """A plan ``factor`` times larger: each copy a part, its clauses varied by the copy number."""
    from plandiff.numerals import to_roman

    lines = ["KẾ HOẠCH", plan.meta.title or "Kế hoạch", "", plan.preamble, ""]
    for k in range(factor):
        lines.append(f"PHẦN {to_roman(k + 1)}. ĐỢT {k + 1}")

        def emit(c: plandiff.Clause, copy: int) -> None:
            head, *rest = c.text.split("\n")
            lines.append(f"{c.label} {head} (bản {copy})")
            lines.extend(rest)
            for child in c.children:
                emit(child, copy)

        for section in plan.clauses:
            emit(section, k + 1)
    return plandiff.parse("\n".join(lines) + "\n")


def vary(plan: plandiff.Plan, seed: int = 0, *, reword: float = 0.15, shuffle: float = 0.3) -> plandiff.Plan:
    """A realistic next version of ``plan``, not a near-identical twin: in each clause about
    ``reword`` of the words dropped or replaced by words from elsewhere in the plan, and the
    children of about ``shuffle`` of the clauses put in another order (renumbered as they go)."""
    import random

    from plandiff.numerals import to_roman

    rng = random.Random(seed)
    vocabulary = [w for c in plan.walk() for w in c.text.split() if w.isalpha()] or ["nội", "dung"]

    def reworded(line: str) -> str:
        out = []
        for w in line.split():
            r = rng.random()
            if r < reword / 2:
                continue
            out.append(rng.choice(vocabulary) if r < reword else w)
        return " ".join(out) or line

    def label(kind: str, k: int, old: str) -> str:
        if kind == "section":
            return f"{to_roman(k)}."
        if old.endswith(")") and old[:-1].isalpha():
            return f"{'abcdeghiklmnopqrstuvxy'[min(k - 1, 21)]})"
        if old.startswith(("-", "+", "•")):
            return old
        return f"{old.rsplit('.', 2)[0]}." if "." in old.rstrip(".") else f"{k}."

    lines = ["KẾ HOẠCH", plan.meta.title or "Kế hoạch", "", plan.preamble, ""]

    def emit(c: plandiff.Clause, k: int) -> None:
        head, *rest = c.text.split("\n")
        lines.append(f"{label(c.kind, k, c.label)} {reworded(head)}")
        lines.extend(reworded(x) for x in rest)
        children = list(c.children)
        if len(children) > 1 and rng.random() < shuffle:
            rng.shuffle(children)
        for n, child in enumerate(children, 1):
            emit(child, n)

    for n, section in enumerate(plan.clauses, 1):
        emit(section, n)
    return plandiff.parse("\n".join(lines) + "\n")
