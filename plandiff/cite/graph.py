"""The citation graph: which plans derive from which directives.

Nodes are plans and instruments; edges: plan → instrument ``implements`` (the preamble's basis)
or ``cites`` (a mention, with its count and clause ids); instrument → instrument when a text says
one is about carrying out the other; plan → plan ``next_version`` within a series.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ..compiled import dataclass, regex
from ..errors import require
from ..jurisdictions import canonical
from ..model import Citation, Jurisdiction, Plan
from ..textnorm import match_key
from .citations import extract, extract_learning
from .named import NameIndex, names_key
from .numbered import is_national
from .vocabulary import normalize_symbol

_CARRIES_OUT = regex(r"(?:thực\s+hiện|triển\s+khai|thi\s+hành)\s*$", re.IGNORECASE)
"""What a title says just before the instrument it carries out ("… thực hiện Kết luận số 75-KL/TW")."""
_IMPLEMENTS_SUBJECT = regex(r"^(?:về\s+)?(?:việc\s+)?(?:thực hiện|triển khai|ban hành|phê duyệt)\b", re.IGNORECASE)


def plan_id(plan: Plan) -> str:
    """The plan's node id: its own instrument id when it has a number, so that other plans citing
    it reach the same node."""
    m = plan.meta
    if m.number and is_national(normalize_symbol(m.number)):
        # a national instrument among the files (03/NQ-CP's own text) is the node its citations reach
        return normalize_symbol(m.number)
    if m.number and m.jurisdiction is not None:
        return f"{normalize_symbol(m.number)}@{canonical(m.jurisdiction)}/{m.year or '?'}"
    return f"plan:{plan.name or id(plan)}"


def plan_attributes(plan: Plan, file: str | None = None) -> dict[str, Any]:
    """The plan node's attributes."""
    m = plan.meta
    return {"kind": "plan", "name": plan.name or "", "file": file or plan.name or "", "number": m.number or "",
            "title": m.title or "", "year": m.year or 0, "issuer": m.issuer or "",
            "jurisdiction": m.jurisdiction.name if m.jurisdiction else "", "label": plan.name or plan_id(plan)}


def _carried_out_in(title: str, raw: str) -> bool:
    """Whether a plan's title says it carries out the instrument it names with ``raw`` ("KẾ HOẠCH
    Thực hiện Chỉ thị số 27/CT-TTg …", "CHƯƠNG TRÌNH HÀNH ĐỘNG … thực hiện Kết luận số 75-KL/TW"):
    what a plan is made to carry out, even where its body names it no more."""
    title = " ".join(title.split())
    at = title.lower().find(" ".join(raw.split()).lower())
    return at > 0 and bool(_CARRIES_OUT.search(title[:at]))


@dataclass(frozen=True, slots=True)
class Entry:
    """A plan as the graph needs it: its node, its citations extracted with its own names, the names
    it defines, and how to get the plan back (to re-extract with names learned elsewhere)."""

    pid: str
    attributes: dict[str, Any]
    name: str
    citations: list[Citation]
    warnings: list[str]
    learned: dict[str, str]
    plan: Callable[[], Plan]
    keyed_text: Callable[[], str]
    """The plan's text as ``names_key`` gives it: where names another plan defines are looked for."""


class CitationGraph:
    """A directed graph over networkx; ``.graph`` is the ``nx.DiGraph`` itself."""

    def __init__(self, plans: Iterable[Plan] = ()) -> None:
        self._graph: nx.DiGraph = nx.DiGraph()
        self._warnings: list[str] = []
        self._entries: list[Entry] = []
        self._stale = False
        for plan in plans:
            self.add_plan(plan)

    # building ---------------------------------------------------------------------------------
    def add_plan(self, plan: Plan, *, file: str | None = None) -> str:
        """Add a plan; names one plan defines ("… về ban hành Chiến lược …") resolve mentions in
        every plan of the graph, whatever the order they were added in. The graph is built once,
        when first read."""
        require(plan, Plan, "add_plan(plan)")
        cites, warnings, learned = extract_learning(plan)
        self.add_entry(Entry(plan_id(plan), plan_attributes(plan, file), plan.name or "", cites, warnings, learned,
                             lambda: plan, lambda: names_key(plan.source)))
        return plan_id(plan)

    def add_entry(self, entry: Entry) -> None:
        """A plan already extracted (a corpus keeps its citations): re-extracted at build time only
        when it mentions a name another plan defines."""
        self._entries.append(entry)
        self._stale = True

    @property
    def graph(self) -> nx.DiGraph:
        """The ``nx.DiGraph`` itself."""
        if self._stale:
            self._build()
        return self._graph

    @property
    def warnings(self) -> list[str]:
        if self._stale:
            self._build()
        return self._warnings

    def _build(self) -> None:
        names: dict[str, str] = {}
        for entry in self._entries:
            names.update(entry.learned)
        self._graph = nx.DiGraph()
        self._warnings = []
        self._stale = False
        index = NameIndex(names)  # one automaton of every name: one pass per plan
        for entry in self._entries:
            cites, warnings = entry.citations, entry.warnings
            if len(names) > len(entry.learned) and any(k not in entry.learned for k in index.find(entry.keyed_text())):
                # it mentions a name another plan defines: extracted again, knowing all names
                cites, warnings = extract(entry.plan(), names=names)
            self._add(entry.pid, entry.attributes, entry.name, cites, warnings)
        self._link_versions()

    def _add(self, pid: str, attributes: dict[str, Any], name: str, cites: list[Citation], warnings: list[str]) -> str:
        self._graph.add_node(pid, **attributes)
        self._warnings.extend(f"{name}: {w}" for w in warnings)
        for c in cites:
            self._add_instrument(c)
            if c.within is not None:
                continue  # reached through the instrument it stands in
            implements = c.role == "basis" or (c.clause == "title" and _carried_out_in(attributes.get("title", ""), c.raw))
            self._add_edge(pid, c.instrument, "implements" if implements else "cites", c.clause,
                           name=None if c.symbol else c.title)
        for c in cites:
            if c.within is not None and c.within != c.instrument:
                outer = next((x for x in cites if x.instrument == c.within and x.title), None)
                kind = "implements" if outer is not None and _IMPLEMENTS_SUBJECT.match(outer.title or "") else "cites"
                self._add_edge(c.within, c.instrument, kind, None, name=None if c.symbol else c.title)
        return pid

    def _add_instrument(self, c: Citation) -> None:
        g = self._graph
        if c.instrument not in g:
            g.add_node(c.instrument, kind="instrument", symbol=c.symbol or "", type=c.type or "", title=c.title or "",
                       date=c.date or "", issuer=c.issuer or "", names="", label=c.symbol or c.title or c.instrument)
        node = g.nodes[c.instrument]
        if node.get("kind") == "plan":
            return
        for key, value in (("symbol", c.symbol), ("date", c.date), ("issuer", c.issuer)):
            if value and not node.get(key):
                node[key] = value
        if c.symbol and c.title and (not node.get("title") or node["title"] == node.get("names")):
            node["title"] = c.title
        if c.symbol is None and c.title:
            names = set(filter(None, node.get("names", "").split(" | "))) | {c.title}
            node["names"] = " | ".join(sorted(names))
            if not node.get("symbol") and not node.get("title"):
                node["title"] = c.title
        if c.symbol:
            node["label"] = c.symbol
        elif not node.get("symbol") and re.match(r"^[\w/-]+$", c.instrument) and "/" in c.instrument:
            node["label"] = c.instrument
            node["symbol"] = c.instrument

    def _add_edge(self, src: str, dst: str, kind: str, clause: str | None, *, name: str | None = None) -> None:
        g = self._graph
        if src == dst:
            return
        if g.has_edge(src, dst):
            data = g.edges[src, dst]
            if kind == "implements":
                data["kind"] = "implements"
        else:
            g.add_edge(src, dst, kind=kind, count=0, clauses="", names="", by_symbol=False)
            data = g.edges[src, dst]
        data["count"] += 1
        if name:
            names = [x for x in data["names"].split(" | ") if x]
            if name not in names:
                names.append(name)
            data["names"] = " | ".join(names)
        else:
            data["by_symbol"] = True
        if clause:
            clauses = [x for x in data["clauses"].split(",") if x]
            if clause not in clauses:
                clauses.append(clause)
            data["clauses"] = ",".join(clauses)

    def _link_versions(self) -> None:
        """Plans of one authority with the same title (years masked) in successive years."""
        g = self._graph
        g.remove_edges_from([(u, v) for u, v, d in g.edges(data=True) if d.get("kind") == "next_version"])
        series: dict[tuple[str, str], list[str]] = {}
        for node, data in g.nodes(data=True):
            if data.get("kind") != "plan" or not data.get("year"):
                continue
            title = re.sub(r"\b(?:19|20)\d\d\b", "#", match_key(data.get("title", "")))
            title = re.sub(r"(?:trên địa bàn\s+)?(?:tỉnh|thành phố|huyện)\s+.*$", "", title).strip()
            juris = match_key(data.get("jurisdiction", ""))
            key = (canonical(Jurisdiction(juris, "")) or "", title)
            series.setdefault(key, []).append(node)
        for nodes in series.values():
            nodes.sort(key=lambda n: g.nodes[n]["year"])
            for x, y in itertools.pairwise(nodes):
                if g.nodes[x]["year"] < g.nodes[y]["year"] and not g.has_edge(x, y):
                    g.add_edge(x, y, kind="next_version", count=1, clauses="")

    # querying ---------------------------------------------------------------------------------
    def plans(self) -> list[str]:
        return [n for n, d in self.graph.nodes(data=True) if d.get("kind") == "plan"]

    def find_instrument(self, query: str) -> list[str]:
        """Nodes for a symbol ("28/NQ-CP", "385/KH-UBND"), a canonical id, or a name."""
        g = self.graph
        if query in g:
            return [query]
        sym = normalize_symbol(query) if "/" in query else query
        hits = [n for n, d in g.nodes(data=True) if n == sym or d.get("symbol") == sym or n.startswith(sym + "@")]
        if hits:
            return hits
        key = match_key(query)
        return [n for n, d in g.nodes(data=True) if key and (key in match_key(d.get("names", "")) or key == match_key(d.get("title", "")))]

    def _derivation(self) -> nx.DiGraph:
        g = self.graph
        return g.edge_subgraph([(u, v) for u, v, d in g.edges(data=True) if d.get("kind") != "next_version"])

    def trace(self, query: str) -> dict[str, Any]:
        """Every plan deriving from the instrument, directly or through other instruments, with the chain."""
        targets = self.find_instrument(query)
        sub = self._derivation()
        out: list[dict[str, Any]] = []
        for pid in self.plans():
            best: list[str] | None = None
            for t in targets:
                # derivation runs from a plan down to what it cites, never to the plan itself
                if pid != t and pid in sub and t in sub and nx.has_path(sub, pid, t):
                    path = nx.shortest_path(sub, pid, t)
                    if best is None or len(path) < len(best):
                        best = path
            if best is not None:
                data = self.graph.nodes[pid]
                out.append({"file": data.get("file"), "plan": pid, "number": data.get("number") or None,
                            "title": data.get("title"), "direct": len(best) == 2,
                            "via": self._via(best),
                            "edges": [self.graph.edges[u, v]["kind"] for u, v in itertools.pairwise(best)]})
        instrument = {"query": query, "ids": targets}
        if targets:
            instrument.update({k: v for k, v in self.graph.nodes[targets[0]].items() if v})
        return {"instrument": instrument, "plans": sorted(out, key=lambda x: (not x["direct"], x["file"] or ""))}

    def ancestry(self, pid: str) -> list[dict[str, Any]]:
        """Instruments a plan derives from, nearest first, each with its chain."""
        sub = self._derivation()
        if pid not in sub:
            return []
        paths = nx.single_source_shortest_path(sub, pid)
        rows = []
        for node, path in paths.items():
            if node == pid:
                continue
            rows.append({"instrument": node, **{k: v for k, v in self.graph.nodes[node].items() if v and k != "label"},
                         "depth": len(path) - 1, "via": self._via(path),
                         "edges": [self.graph.edges[u, v]["kind"] for u, v in itertools.pairwise(path)]})
        return sorted(rows, key=lambda r: (r["depth"], r["instrument"]))

    def _via(self, path: list[str]) -> list[str]:
        """The chain after the plan: each instrument, preceded by the name used when a text cites it
        by name only ("Chiến lược quốc gia về bình đẳng giới …" → "28/NQ-CP")."""
        out: list[str] = []
        for u, v in itertools.pairwise(path):
            edge = self.graph.edges[u, v]
            if edge.get("names") and not edge.get("by_symbol"):
                out.append(edge["names"].split(" | ")[0])
            out.append(self._describe(v))
        return out

    def _describe(self, node: str) -> str:
        data = self.graph.nodes[node]
        return data.get("symbol") or data.get("number") or data.get("title") or node

    # output -----------------------------------------------------------------------------------
    def to_node_link(self) -> dict[str, Any]:
        return nx.node_link_data(self.graph, edges="links")

    def to_json(self) -> str:
        return json.dumps(self.to_node_link(), ensure_ascii=False, indent=1)

    def to_graphml(self) -> str:
        return "\n".join(nx.generate_graphml(self.graph))

    def write(self, path: str | Path) -> str:
        """The serialisation for ``path``'s extension: .graphml, .json (node-link) or .html."""
        suffix = Path(path).suffix.lower()
        if suffix == ".graphml":
            return self.to_graphml()
        if suffix == ".json":
            return self.to_json()
        if suffix in (".html", ".htm"):
            from ..render.graph import render_graph_html

            return render_graph_html(self.graph)
        raise ValueError(f"unknown graph format {suffix!r}: use .graphml, .json or .html")
