"""The citation graph of a whole corpus, from the store: each plan's citations were extracted once
when it was added; a plan is extracted again only when it mentions a name another plan defines
(one pass of one combined pattern tells), so names learned anywhere resolve everywhere."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..cite.graph import CitationGraph, Entry
from ..gcpause import collector_paused
from ..model import Plan
from ..serial import citation_from_dict
from .store import Store


def corpus_graph(store: Store) -> CitationGraph:
    """The graph, built. Python's cyclic collector is paused meanwhile: the graph is made of many
    small acyclic objects, and collecting while they accumulate would cost time in proportion to
    all of them at every pass (growth above linear, measured from 3,000 plans on)."""
    with collector_paused():
        names = store.names()
        # each citation decoded and turned into the model at once (no corpus-wide dict of dicts)
        cites = {doc: [citation_from_dict(c) for c in found] for doc, found in store.all_citations()}
        graph = CitationGraph()
        for doc, pid, node, name, warnings, _path in store.graph_rows():
            graph.add_entry(Entry(pid, json.loads(node), name or "", cites.pop(doc, []),
                                  json.loads(warnings), names.get(doc, {}), _loader(store, doc),
                                  _keyed(store, doc)))
        graph.graph  # noqa: B018 - built here, while the collector rests
    return graph


def _loader(store: Store, doc: int) -> Callable[[], Plan]:
    return lambda: store.plan(doc)


def _keyed(store: Store, doc: int) -> Callable[[], str]:
    return lambda: store.keyed_text(doc)
