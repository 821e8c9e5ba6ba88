"""plandiff: compare and version Vietnamese government plans (kế hoạch).

The verbs users call: ``parse`` a plan into a clause tree.
"""

from .errors import PlanError
from .model import Artefact, Clause, Footnote, Jurisdiction, Meta, Plan, Span
from .parse import parse, parse_file
from .render_text import render_outline

__all__ = [
    "Artefact", "Clause", "Footnote", "Jurisdiction", "Meta", "Plan", "PlanError", "Span", "parse", "parse_file", "render_outline",
]
__version__ = "0.1.0"
