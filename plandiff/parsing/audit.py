"""The nothing-lost audit: every non-blank character of the input is in exactly one place.

Places counted: header and back-matter lines (verbatim), the preamble, clause labels and texts,
footnote labels and texts, appendices, and the dropped artefacts. ``recipients`` and ``signature``
are views over header lines and are not counted again.
"""

from __future__ import annotations

from collections import Counter

from ..model import Plan
from ..textnorm import INVISIBLE


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace() and ch not in INVISIBLE)


def placed_text(plan: Plan) -> list[str]:
    parts: list[str] = [h.text for h in plan.header]
    parts.append(plan.preamble)
    trees = [plan.clauses]
    if plan.attached is not None:  # a plain decision's articles are its clauses: counted once
        trees.append(plan.articles)
    trees.extend(app.clauses for app in plan.appendices)
    for tree in trees:
        for top in tree:
            for clause in top.walk():
                if clause.kind != "paragraph":
                    parts.append(clause.label)
                parts.append(clause.text)
    for note in plan.footnotes:
        parts.extend((note.label, note.text))
    for app in plan.appendices:
        parts.append(app.text)
        parts.extend(cell for table in app.tables for row in table.rows for cell in row)
    parts.extend(a.text for a in plan.artefacts)
    return parts


def lost_and_invented(plan: Plan) -> tuple[Counter[str], Counter[str]]:
    """Characters that no place holds, and characters placed that the source lacks.

    Lost is measured against what the reader saw in the file (``plan.seen``: every text node of
    a .docx, every text run of a PDF) when the format holds more than the text, so a reader that
    skips a part fails the audit; invented, against ``plan.source`` (which also holds what the
    reader adds, such as Word's automatic numbers)."""
    source = _chars(plan.source)
    placed: Counter[str] = Counter()
    for part in placed_text(plan):
        placed.update(_chars(part))
    seen = _chars(plan.seen) if plan.seen else source
    return seen - placed, placed - source
