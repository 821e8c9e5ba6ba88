"""A self-contained interactive view of a citation graph: an SVG with the plans on a time axis on
the left and the instruments in columns by the level that issued them (local, province,
ministries, Government and Prime Minister, National Assembly, Party), built with lxml. Clicking a
node sets (never toggles) the highlight of its chains and shows what it is and which plans derive
from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree
from lxml.builder import E

from .html import script_json

if TYPE_CHECKING:
    import networkx as nx

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
.node text.title{font-size:10px;fill:#59636e}
.column{font-size:12px;font-weight:600;fill:#59636e}
.filtered{opacity:.08}
#info h3{margin:0 0 6px;font-size:14px}
body{font-family:"Segoe UI","Noto Sans","DejaVu Sans",Roboto,"Helvetica Neue",Arial,sans-serif}
"""

JS = """
(function(){
  var data=JSON.parse(document.getElementById('graph-data').textContent);
  var nodes=[].slice.call(document.querySelectorAll('.node')), edges=[].slice.call(document.querySelectorAll('.edge'));
  var info=document.getElementById('info');
  var byId={}; data.nodes.forEach(function(n){byId[n.id]=n;});
  function reach(start, forward){
    var seen={}; var todo=[start]; seen[start]=true;
    while(todo.length){var n=todo.pop();
      data.links.forEach(function(l){var a=forward?l.source:l.target, b=forward?l.target:l.source;
        if(a===n && !seen[b] && l.kind!=='next_version'){seen[b]=true;todo.push(b);}});}
    return seen;
  }
  function set(el, cls, on){ if(on){el.classList.add(cls);} else {el.classList.remove(cls);} }
  function line(label, value){ if(!value){return;} var p=document.createElement('div');
    var b=document.createElement('b'); b.textContent=label+': '; p.appendChild(b); p.appendChild(document.createTextNode(value)); info.appendChild(p); }
  function select(id){
    var up=reach(id,true), down=reach(id,false);
    nodes.forEach(function(n){var k=n.getAttribute('data-id'); set(n,'dim',!(up[k]||down[k])); set(n,'hi',k===id);});
    edges.forEach(function(e){var s=e.getAttribute('data-source'),t=e.getAttribute('data-target');
      var on=!e.classList.contains('next_version')&&Boolean((up[s]&&up[t])||(down[s]&&down[t]));
      set(e,'dim',!on); set(e,'hi',on);});
    var n=byId[id]||{}; info.textContent='';
    var h=document.createElement('h3'); h.textContent=n.symbol||n.number||n.label||''; info.appendChild(h);
    line(n.kind==='plan'?'Kế hoạch':'Văn bản', n.title); line('Loại', n.type); line('Ngày', n.date);
    line('Cơ quan ban hành', n.issuer); line('Năm', n.kind==='plan'?String(n.year||''):''); line('Tệp', n.file);
    var plans=Object.keys(down).filter(function(k){return k!==id && byId[k] && byId[k].kind==='plan';})
      .map(function(k){return byId[k].file||byId[k].name||k;});
    if(n.kind!=='plan'){line('Các kế hoạch thực hiện', plans.join(', ')||'—');}
  }
  nodes.forEach(function(n){n.addEventListener('click',function(){select(n.getAttribute('data-id'));});
    n.addEventListener('keydown',function(e){if(e.key==='Enter'){select(n.getAttribute('data-id'));}});});
  var filter=document.getElementById('filter');
  filter.addEventListener('input',function(){var q=filter.value.toLowerCase();
    nodes.forEach(function(n){var d=byId[n.getAttribute('data-id')]||{};
      var text=[d.label,d.symbol,d.title,d.file,d.issuer].join(' ').toLowerCase(); set(n,'filtered',q!==''&&text.indexOf(q)<0);});});
  document.getElementById('reset').addEventListener('click',function(){
    nodes.concat(edges).forEach(function(x){set(x,'dim',false);set(x,'hi',false);}); info.textContent='Chọn một nút để xem chuỗi dẫn xuất.';});
  document.body.setAttribute('data-ready', 'true');
})();
"""


LEVELS = ("Kế hoạch", "Địa phương", "Tỉnh, thành phố", "Bộ, ngành", "Chính phủ, Thủ tướng", "Quốc hội", "Đảng")
"""Columns, left to right: the plans (on a time axis), then instruments by the level that issued
them."""


def level_of(data: dict) -> int:
    """The column of a node: 0 for plans; instruments by who issued them."""
    if data.get("kind") == "plan":
        return 0
    symbol = str(data.get("symbol") or "").upper()
    issuer = str(data.get("issuer") or "").lower()
    kind = str(data.get("type") or "")
    code = symbol.rsplit("/", 1)[-1]
    if "/TW" in symbol or code.endswith("TW") or "bộ chính trị" in issuer or "ban bí thư" in issuer or "trung ương đảng" in issuer:
        return 6
    if code.startswith("QH") or "-QH" in symbol or kind in ("Hiến pháp", "Luật", "Bộ luật", "Pháp lệnh") or "quốc hội" in issuer:
        return 5
    if code.endswith(("CP", "TTG")) or "chính phủ" in issuer or "thủ tướng" in issuer:
        return 4
    if any(part.startswith("B") and part not in ("BCĐ",) for part in code.split("-")) or issuer.startswith("bộ "):
        return 3
    if "tỉnh" in issuer or "thành phố" in issuer or "@" in str(data.get("id", "")) or "UBND" in code or "HĐND" in code:
        return 2
    title = str(data.get("title") or data.get("names") or "").lower()
    if not symbol and ("quốc gia" in title or kind == "Chiến lược"):
        return 4  # a national strategy or programme named without its decision
    return 1


def render_graph_html(g: nx.DiGraph) -> str:
    """The page for a citation graph as networkx holds it (``CitationGraph.graph``): the renderer
    needs the nodes and edges, not the class that built them."""
    import networkx as nx

    columns: dict[int, list[str]] = {}
    for n in g.nodes:
        columns.setdefault(level_of({"id": n, **g.nodes[n]}), []).append(n)
    for col, members in columns.items():
        # plans on a time axis (the next version below its predecessor); instruments by date
        members.sort(key=lambda n: (g.nodes[n].get("year") or 9999, g.nodes[n].get("date") or "", str(g.nodes[n].get("label", n)))
                     if col == 0 else (g.nodes[n].get("date") or "9999", str(g.nodes[n].get("label", n))))
    used = sorted(columns)
    x_of = {col: k for k, col in enumerate(used)}
    width_col, height_row, box_w, box_h = 300, 54, 250, 40
    pos: dict[str, tuple[float, float]] = {}
    for col, members in columns.items():
        for row, n in enumerate(members):
            pos[n] = (20 + x_of[col] * width_col, 44 + row * height_row)
    total_w = 40 + len(used) * width_col
    total_h = 64 + max((len(m) for m in columns.values()), default=1) * height_row
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
        text = etree.SubElement(grp, f"{{{SVG}}}text", x="8", y="16", **{"class": "name"})
        label = str(data.get("file") or data.get("label") or n) if data.get("kind") == "plan" else str(data.get("label") or n)
        text.text = label if len(label) <= 38 else label[:37] + "…"
        sub = str(data.get("title") or data.get("names") or "")
        if sub and sub != label:
            small = etree.SubElement(grp, f"{{{SVG}}}text", x="8", y="32", **{"class": "title"})
            small.text = sub if len(sub) <= 44 else sub[:43] + "…"
        tip = etree.SubElement(grp, f"{{{SVG}}}title")
        tip.text = "\n".join(f"{k}: {v}" for k, v in data.items() if v and k != "label") or n
    for col in used:
        head = etree.SubElement(svg, f"{{{SVG}}}text", x=str(20 + x_of[col] * width_col), y="24", **{"class": "column"})
        head.text = LEVELS[col]
    payload = script_json(nx.node_link_data(g, edges="links"))
    doc = E.html(
        {"lang": "vi"},
        E.head(E.meta(charset="utf-8"), E.meta(name="viewport", content="width=device-width, initial-scale=1"),
               E.title("Đồ thị trích dẫn — plandiff"), E.style(CSS)),
        E.body(
            E.header(E.strong("Đồ thị trích dẫn"), " — ",
                     E.span({"class": "legend"}, E.span("xanh dương: kế hoạch"), E.span("xanh lá: thực hiện"),
                            E.span("xám: có nhắc đến"), E.span("nét đứt: phiên bản sau")),
                     E.label("Lọc: ", E.input({"id": "filter", "type": "search", "placeholder": "ký hiệu, tên, tệp…"})),
                     E.button("bỏ chọn", id="reset", type="button")),
            E.div({"id": "wrap"}, svg),
            E.div("Chọn một nút để xem chuỗi dẫn xuất.", id="info"),
            E.script(payload, type="application/json", id="graph-data"),
            E.script(JS),
        ),
    )
    return "<!DOCTYPE html>\n" + etree.tostring(doc, encoding="unicode", method="html")
