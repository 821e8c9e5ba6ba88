"""Larger plans for scaling checks: a real plan repeated as the parts (PHẦN I, II …) of one plan."""

from __future__ import annotations

import plandiff


def grow(plan: plandiff.Plan, factor: int) -> plandiff.Plan:
    """A plan ``factor`` times larger: each copy a part, its clauses varied by the copy number."""
    from plandiff.markers import to_roman

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
