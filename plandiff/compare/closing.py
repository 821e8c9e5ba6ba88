"""The closing compared: who signs, and who receives (a draft and the text for signature differ
there as much as in their clauses). One reading for every report that shows it."""

from __future__ import annotations

from ..model import Alignment, Meta


def signer_line(meta: Meta) -> str:
    """The signer as a report names them: title and name ("—" for an unsigned text)."""
    return " ".join(x for x in (meta.signer_title, meta.signer) if x) or "—"


def recipient_changes(al: Alignment) -> tuple[list[str], list[str]]:
    """The recipients B adds and the ones it drops, each in its plan's order."""
    ra, rb = list(al.a.recipients), list(al.b.recipients)
    return [r for r in rb if r not in ra], [r for r in ra if r not in rb]
