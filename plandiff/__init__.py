"""plandiff: compare and version Vietnamese government plans (kế hoạch).

The verbs users call: ``parse`` a plan into a clause tree.
"""

from .aligner import align
from .errors import PlanError
from .model import Alignment, Artefact, Clause, Footnote, Jurisdiction, Meta, Pair, Plan, Span
from .parser import parse, parse_file
from .render_text import render_alignment_text, render_outline

__all__ = [
    "Alignment",
    "Artefact",
    "Clause",
    "Footnote",
    "Jurisdiction",
    "Meta",
    "Pair",
    "Plan",
    "PlanError",
    "Span",
    "align",
    "parse",
    "parse_file",
    "render_alignment_text",
    "render_outline",
]
__version__ = "0.1.0"
