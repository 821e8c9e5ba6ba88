"""plandiff: compare and version Vietnamese government plans (kế hoạch).

The verbs: ``parse`` a plan into a clause tree, ``align`` two plans, ``history`` of a series,
``citations`` of legal instruments and the ``CitationGraph``; renderers turn results into text,
Markdown and HTML.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from .citations import citations, compare_citations
from .errors import PlanError
from .history import History, Lineage, history
from .model import Alignment, Artefact, Citation, Clause, Footnote, Jurisdiction, Meta, Pair, Plan, Span
from .parser import parse, parse_file, parse_text
from .render_html import render_history_html, render_html
from .render_text import render_alignment_text, render_outline, render_plain

_LAZY = {"align": "aligner", "render_markdown": "render_md", "CitationGraph": "graph"}
"""Loaded on first use (networkx for the graph). Names that are also modules' names (citations,
history, render_html) cannot be lazy: importing the module would put it on the package."""

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
    from .aligner import align
    from .graph import CitationGraph
    from .render_md import render_markdown

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'plandiff' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
