"""plandiff: compare and version Vietnamese government plans (kế hoạch).

The verbs: ``parse`` a plan into a clause tree, ``align`` two plans, ``history`` of a series,
``citations`` of legal instruments and the ``CitationGraph``; renderers turn results into text,
Markdown and HTML.
"""

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING

from .errors import PlanError
from .model import Alignment, Artefact, Citation, Clause, Footnote, Jurisdiction, Meta, Pair, Plan, Span
from .parser import parse, parse_file, parse_text
from .render_text import render_alignment_text, render_outline, render_plain

_LAZY = {
    "align": "aligner", "render_markdown": "render_md", "CitationGraph": "graph",
    "citations": "citations", "compare_citations": "citations",
    "history": "history", "History": "history", "Lineage": "history",
    "render_html": "render_html", "render_history_html": "render_html",
}
"""Loaded on first use, so that `import plandiff` costs what parsing needs (rapidfuzz, lxml,
networkx and the citation patterns come with the verbs that use them)."""

_NAMED_LIKE_MODULES = frozenset({"citations", "history", "render_html"})
"""Functions named like the module they live in: ``plandiff.citations`` is the function."""


class _Package(types.ModuleType):
    """The package, keeping ``plandiff.citations`` (and history, render_html) the function: the
    import system sets a submodule on its package once it is loaded, which would hide the function
    (the module stays reachable as ``sys.modules["plandiff.citations"]``)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _NAMED_LIKE_MODULES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
    from .citations import citations, compare_citations
    from .graph import CitationGraph
    from .history import History, Lineage, history
    from .render_html import render_history_html, render_html
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
