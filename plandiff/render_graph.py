"""A self-contained interactive view of a citation graph: an SVG in layers (plans on the left,
what they implement to the right), built with lxml. Clicking a node highlights its chains."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
from lxml import etree
from lxml.builder import E

from .render_html import script_json

if TYPE_CHECKING:
    from .graph import CitationGraph

SVG = "http://www.w3.org/2000/svg"

CSS = """
body{font:14px system-ui,sans-serif;margin:0;color:#1f2328}
header{padding:12px 20px;border-bottom:1px solid #d1d9e0;background:#f6f8fa}
#wrap{overflow:auto}
.node rect{fill:#fff;stroke:#59636e;stroke-width:1.2;rx:6}
.node.plan rect{fill:#ddf4ff;stroke:#0969da;stroke-width:2}
.node text{font-size:12px;pointer-events:none}
.edge{fill:none;stroke:#8c959f;stroke-width:1.2}
.edge.implements{stroke:#1a7f37;stroke-width:2}
.edge.next_version{stroke:#8250df;stroke-dasharray:6 4}
.dim{opacity:.15}
.hi rect{stroke:#cf222e!important;stroke-width:3!important}
.edge.hi{stroke:#cf222e;opacity:1}
#info{position:fixed;right:12px;top:12px;max-width:360px;background:#fff;border:1px solid #d1d9e0;border-radius:6px;padding:10px;font-size:13px;white-space:pre-wrap}
.legend span{margin-right:16px}
"""

JS = """
(function(){
  var data=JSON.parse(document.getElementById('graph-data').textContent);
  var nodes=[].slice.call(document.querySelectorAll('.node')), edges=[].slice.call(document.querySelectorAll('.edge'));
  var info=document.getElementById('info');
  function reach(start, forward){
    var seen={}; var todo=[start]; seen[start]=true;
    while(todo.length){var n=todo.pop();
      data.links.forEach(function(l){var a=forward?l.source:l.target, b=forward?l.target:l.source;
        if(a===n && !seen[b] && l.kind!=='next_version'){seen[b]=true;todo.push(b);}});}
    return seen;
  }
  function select(id){
    var up=reach(id,true), down=reach(id,false);
    nodes.forEach(function(n){var k=n.getAttribute('data-id'); var on=up[k]||down[k];
      n.classList.toggle('dim',!on); n.classList.toggle('hi',k===id);});
    edges.forEach(function(e){var s=e.getAttribute('data-source'),t=e.getAttribute('data-target');
      var on=(up[s]&&up[t])||(down[s]&&down[t]); e.classList.toggle('dim',!on); e.classList.toggle('hi',on);});
    var n=data.nodes.filter(function(x){return x.id===id;})[0]; var lines=[];
    for(var k in n){if(n[k]!==''&&n[k]!==0&&k!=='label'){lines.push(k+': '+n[k]);}}
    info.textContent=lines.join('\\n');
  }
  nodes.forEach(function(n){n.addEventListener('click',function(){select(n.getAttribute('data-id'));});});
  document.getElementById('reset').addEventListener('click',function(){
    nodes.concat(edges).forEach(function(x){x.classList.remove('dim');x.classList.remove('hi');}); info.textContent='Click a node.';});
  document.body.setAttribute('data-ready', 'true');
})();
"""


def _layers(g: nx.DiGraph) -> dict[str, int]:
    """Plans in column 0; an instrument one column right of the furthest node citing it."""
    layer: dict[str, int] = {}
    derivation = nx.DiGraph([(u, v) for u, v, d in g.edges(data=True) if d.get("kind") != "next_version"])
    derivation.add_nodes_from(g.nodes)
    order = list(nx.topological_sort(derivation)) if nx.is_directed_acyclic_graph(derivation) else list(g.nodes)
    for n in order:
        if g.nodes[n].get("kind") == "plan":
            layer[n] = 0
    for n in order:
        preds = [layer.get(p, 0) for p in derivation.predecessors(n)]
        if g.nodes[n].get("kind") != "plan":
            layer[n] = max(preds, default=0) + 1
    return layer


def render_graph_html(cg: CitationGraph) -> str:
    g = cg.graph
    layer = _layers(g)
    columns: dict[int, list[str]] = {}
    for n in sorted(g.nodes, key=lambda n: (layer.get(n, 0), str(g.nodes[n].get("label", n)))):
        columns.setdefault(layer.get(n, 0), []).append(n)
    width_col, height_row, box_w, box_h = 300, 44, 250, 30
    pos: dict[str, tuple[float, float]] = {}
    for col, members in columns.items():
        for row, n in enumerate(members):
            pos[n] = (20 + col * width_col, 20 + row * height_row)
    total_w = 40 + (max(columns, default=0) + 1) * width_col
    total_h = 40 + max((len(m) for m in columns.values()), default=1) * height_row
    svg = etree.Element(f"{{{SVG}}}svg", nsmap={None: SVG}, width=str(total_w), height=str(total_h),  # type: ignore[dict-item]
                        viewBox=f"0 0 {total_w} {total_h}", role="img")
    defs = etree.SubElement(svg, f"{{{SVG}}}defs")
    marker = etree.SubElement(defs, f"{{{SVG}}}marker", id="arrow", viewBox="0 0 10 10", refX="10", refY="5",
                              markerWidth="6", markerHeight="6", orient="auto-start-reverse")
    etree.SubElement(marker, f"{{{SVG}}}path", d="M 0 0 L 10 5 L 0 10 z", fill="#59636e")
    for u, v, d in g.edges(data=True):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        sx, sy = x1 + box_w, y1 + box_h / 2
        tx, ty = x2, y2 + box_h / 2
        if d.get("kind") == "next_version" or tx <= sx:
            sx, tx = x1 + box_w / 2, x2 + box_w / 2
            sy, ty = y1 + box_h, y2
        mid = (sx + tx) / 2
        path = etree.SubElement(svg, f"{{{SVG}}}path", {"class": f"edge {d.get('kind', '')}", "data-source": u, "data-target": v,
                                                        "d": f"M {sx} {sy} C {mid} {sy}, {mid} {ty}, {tx} {ty}",
                                                        "marker-end": "url(#arrow)"})
        title = etree.SubElement(path, f"{{{SVG}}}title")
        title.text = f"{g.nodes[u].get('label', u)} {d.get('kind')} {g.nodes[v].get('label', v)} (×{d.get('count', 1)})"
    for n, (x, y) in pos.items():
        data = g.nodes[n]
        grp = etree.SubElement(svg, f"{{{SVG}}}g", {"class": f"node {data.get('kind', '')}", "data-id": n,
                                                    "transform": f"translate({x},{y})", "tabindex": "0"})
        etree.SubElement(grp, f"{{{SVG}}}rect", width=str(box_w), height=str(box_h))
        text = etree.SubElement(grp, f"{{{SVG}}}text", x="8", y="19")
        label = str(data.get("label") or n)
        text.text = label if len(label) <= 38 else label[:37] + "…"
        tip = etree.SubElement(grp, f"{{{SVG}}}title")
        tip.text = "\n".join(f"{k}: {v}" for k, v in data.items() if v and k != "label") or n
    payload = script_json(cg.to_node_link())
    doc = E.html(
        {"lang": "vi"},
        E.head(E.meta(charset="utf-8"), E.title("plandiff citation graph"), E.style(CSS)),
        E.body(
            E.header(E.strong("Citation graph"), " — ",
                     E.span({"class": "legend"}, E.span("blue: plans"), E.span("green: implements"), E.span("grey: cites"),
                            E.span("dashed: next version")),
                     E.button("reset", id="reset", type="button")),
            E.div({"id": "wrap"}, svg),
            E.div("Click a node.", id="info"),
            E.script(payload, type="application/json", id="graph-data"),
            E.script(JS),
        ),
    )
    return "<!DOCTYPE html>\n" + etree.tostring(doc, encoding="unicode", method="html")
