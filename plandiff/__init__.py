"""plandiff: compare and version Vietnamese government plans (kế hoạch).

The verbs: ``parse`` a plan into a clause tree, ``align`` two plans, ``history`` of a series,
``citations`` of legal instruments and the ``CitationGraph``; renderers turn results into text,
Markdown and HTML.
"""

from typing import TYPE_CHECKING

from .aligner import align
from .citations import citations, compare_citations
from .errors import PlanError
from .history import History, Lineage, history
from .model import Alignment, Artefact, Citation, Clause, Footnote, Jurisdiction, Meta, Pair, Plan, Span
from .parser import parse, parse_file, parse_text
from .render_html import render_history_html, render_html
from .render_md import render_markdown
from .render_text import render_alignment_text, render_outline, render_plain

__all__ = [
    "Alignment",
    "Artefact",
    "Citation",
    "CitationGraph",
    "Clause",
    "Footnote",
    "History",
    "Jurisdiction",
    "Lineage",
    "Meta",
    "Pair",
    "Plan",
    "PlanError",
    "Span",
    "align",
    "citations",
    "compare_citations",
    "history",
    "parse",
    "parse_file",
    "parse_text",
    "render_alignment_text",
    "render_history_html",
    "render_html",
    "render_markdown",
    "render_outline",
    "render_plain",
]
if TYPE_CHECKING:
    from .graph import CitationGraph

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # networkx is loaded only when a graph is asked for: parsing and diffing start twice as fast
    if name == "CitationGraph":
        from .graph import CitationGraph

        return CitationGraph
    raise AttributeError(f"module 'plandiff' has no attribute {name!r}")
