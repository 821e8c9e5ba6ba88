"""Larger plans for scaling checks: a real plan's items repeated under renamed sections."""

from __future__ import annotations

import plandiff


def grow(plan: plandiff.Plan, factor: int) -> plandiff.Plan:
    """A plan ``factor`` times larger: every section repeated, items varied by a copy number."""
    from plandiff.markers import to_roman

    lines = ["KẾ HOẠCH", plan.meta.title or "Kế hoạch", "", plan.preamble, ""]
    n = 0
    for k in range(factor):
        for section in plan.clauses:
            n += 1
            lines.append(f"{to_roman(n)}. {section.text.split(chr(10))[0]} (PHẦN {k + 1})")

            def emit(c: plandiff.Clause, copy: int) -> None:
                head, *rest = c.text.split("\n")
                lines.append(f"{c.label} {head} (bản {copy})")
                lines.extend(rest)
                for child in c.children:
                    emit(child, copy)

            for child in section.children:
                emit(child, k + 1)
    return plandiff.parse("\n".join(lines) + "\n")
