"""plandiff: compare and version Vietnamese government plans (kế hoạch).

The verbs: ``parse`` a plan into a clause tree, ``align`` two plans, ``history`` of a series,
``citations`` of legal instruments and the ``CitationGraph``; renderers turn results into text,
Markdown and HTML.
"""

from importlib import import_module

from .errors import PlanError

TYPE_CHECKING = False
"""``typing.TYPE_CHECKING`` without importing ``typing`` (type checkers read the name alone)."""

_LAZY = {
    **dict.fromkeys(("Alignment", "Artefact", "Citation", "Clause", "Footnote", "Jurisdiction", "Meta", "Pair",
                     "Plan", "Span"), "model"),
    "parse": "parsing.parser", "parse_file": "parsing.parser", "parse_text": "parsing.parser",
    "align": "compare.aligner", "history": "compare.history", "History": "compare.history",
    "Lineage": "compare.history", "citations": "cite.citations", "compare_citations": "cite.citations",
    "compare_appendices": "compare.appendices",
    "CitationGraph": "cite.graph", "render_html": "render.html", "render_history_html": "render.html",
    "render_duties_html": "render.duties",
    "render_markdown": "render.markdown", "render_alignment_text": "render.text", "render_outline": "render.text",
    "render_plain": "render.text",
}
"""Loaded on first use (PEP 562), so that `import plandiff` costs its errors alone: the model's
data classes when first named (making sixteen frozen data classes, and importing what they need,
takes longer than a bare interpreter's start), each verb its own stage (the parser's patterns and
data classes, rapidfuzz, lxml, networkx, the citation patterns); a reader of a corpus's stored
plans never loads the parser."""

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
    "compare_appendices",
    "compare_citations",
    "history",
    "parse",
    "parse_file",
    "parse_text",
    "render_alignment_text",
    "render_duties_html",
    "render_history_html",
    "render_html",
    "render_markdown",
    "render_outline",
    "render_plain",
]
if TYPE_CHECKING:
    from .cite.citations import citations, compare_citations
    from .cite.graph import CitationGraph
    from .compare.aligner import align
    from .compare.appendices import compare_appendices
    from .compare.history import History, Lineage, history
    from .model import Alignment, Artefact, Citation, Clause, Footnote, Jurisdiction, Meta, Pair, Plan, Span
    from .parsing.parser import parse, parse_file, parse_text
    from .render.duties import render_duties_html
    from .render.html import render_history_html, render_html
    from .render.markdown import render_markdown
    from .render.text import render_alignment_text, render_outline, render_plain

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
