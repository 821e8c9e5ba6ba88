"""HTML renderer: a self-contained comparison page built with lxml (elements, never strings, so
every piece of plan text is escaped). No network fetch: CSS and JS are inline.

Every compared row carries ``data-kind`` (unchanged, modified, moved, split, merged, added,
removed) and ``data-a`` / ``data-b`` clause ids, so tools and tests can read the report.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml.builder import E

from ..compare.worddiff import Budget, Edit, diff_words
from ..errors import require
from ..model import Alignment, Clause, Pair, Plan
from .words import evidence_words, language, order_words

if TYPE_CHECKING:
    from ..compare.appendices import AppendixComparison
    from ..compare.history import History

KINDS = ("modified", "moved", "split", "merged", "added", "removed", "unchanged")
LITTLE_SHARED = 0.2
"""Below this share of clauses paired (on the smaller plan), the page and the command warn."""
SYMBOL = {"unchanged": "=", "modified": "~", "moved": "↷", "split": "⇉", "merged": "⇇", "added": "+", "removed": "−"}

CSS = """
:root{--ui:"Segoe UI","Noto Sans","DejaVu Sans","Liberation Sans",Roboto,"Helvetica Neue",Arial,sans-serif;--add:#e6ffec;--addb:#1a7f37;--del:#ffebe9;--delb:#cf222e;--mov:#ddf4ff;--movb:#0969da;--grp:#fbefff;--grpb:#8250df;--mod:#fff8c5;--modb:#9a6700;--ink:#1f2328;--mute:#59636e;--line:#d1d9e0}
*{box-sizing:border-box}
body{font:15px/1.5 "Noto Serif","Times New Roman","DejaVu Serif","Liberation Serif",Cambria,serif;color:var(--ink);margin:0;background:#fff}
header.top{padding:16px 24px;border-bottom:1px solid var(--line);background:#f6f8fa}
h1{font-size:20px;margin:0 0 8px}
.plans{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.plan-card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 14px}
.plan-card .tag{font:600 12px var(--ui);color:var(--mute);text-transform:uppercase;letter-spacing:.05em}
.plan-card .issuer{font-weight:600}
.plan-card .title{font-style:italic}
main{display:grid;grid-template-columns:280px 1fr;gap:0}
nav.toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;border-right:1px solid var(--line);padding:12px;font:13px/1.4 var(--ui)}
nav.toc ul{list-style:none;margin:0;padding-left:12px}
nav.toc>ul{padding-left:0}
nav.toc a{color:var(--ink);text-decoration:none}
nav.toc a:hover{text-decoration:underline}
.content{padding:12px 24px;min-width:0}
.summary table,.sections table{border-collapse:collapse;font:13px var(--ui);margin:4px 0 12px}
.summary td,.summary th,.sections td,.sections th{border:1px solid var(--line);padding:3px 8px;text-align:right}
.summary th,.sections th{background:#f6f8fa;text-align:left}
.controls{position:sticky;top:0;background:#fff;z-index:2;padding:8px 0;border-bottom:1px solid var(--line);font:13px var(--ui);display:flex;flex-wrap:wrap;gap:12px;align-items:center}
.controls label{white-space:nowrap}
.controls button{font:inherit;padding:2px 10px;cursor:pointer}
table.cmp{width:100%;border-collapse:collapse;table-layout:fixed;margin-top:8px}
table.cmp td{vertical-align:top;border-bottom:1px solid var(--line);padding:6px 8px;overflow-wrap:anywhere}
table.cmp td.status,table.cmp th.status{width:150px;font:12px var(--ui)}
table.cmp th{font:600 12px var(--ui);text-align:left;color:var(--mute);padding:4px 8px;border-bottom:2px solid var(--line)}
.badge{display:inline-block;border:1px solid currentColor;border-radius:10px;padding:0 6px;font:600 11px var(--ui);white-space:nowrap}
.k-added .badge{color:var(--addb)} .k-removed .badge{color:var(--delb)} .k-moved .badge{color:var(--movb)}
.k-modified .badge{color:var(--modb)} .k-split .badge,.k-merged .badge{color:var(--grpb)} .k-unchanged .badge{color:var(--mute)}
tr.k-added td.b{background:var(--add)} tr.k-removed td.a{background:var(--del)}
tr.k-moved td.status{border-left:4px double var(--movb)} tr.k-split td.status,tr.k-merged td.status{border-left:4px dotted var(--grpb)}
tr.k-modified td.status{border-left:4px solid var(--modb)}
tr.k-unchanged{color:#3d444d}
.lbl{font-weight:700;margin-right:4px}
.relabel{font:12px var(--ui);color:var(--movb)}
ins{background:var(--add);text-decoration:underline;text-decoration-color:var(--addb)}
del{background:var(--del);text-decoration:line-through;text-decoration-color:var(--delb)}
del+ins,ins+del{margin-left:.3em}
.by-agency select{max-width:100%}.by-agency label{display:block;max-width:100%}.by-agency li.task{margin:.2em 0}.t-added .badge{background:#e6f4ea}.t-removed .badge{background:#fde8e8}
.t-moved_in .badge,.t-moved_out .badge{background:#e8eefc}.when{color:#8a4b00}
.evidence{color:var(--mute);font-size:11px}
.review{color:var(--delb);font-weight:600}
.inline-view td.a,.inline-view td.b,.inline-view th.a,.inline-view th.b{display:none}
td.inline,th.inline{display:none}
.inline-view td.inline,.inline-view th.inline{display:table-cell}
.depth-1 .lbl{margin-left:1em}.depth-2 .lbl{margin-left:2em}.depth-3 .lbl{margin-left:3em}
tr.current td{outline:2px solid var(--movb)}
.para{display:block;margin-top:4px}
.cites ul{margin:4px 0 12px}
.path{font:11px var(--ui);color:var(--mute)}.path a{color:inherit}
tr.subst{color:var(--mute)}tr.subst td.status{border-left-style:dashed}
tr.context td{color:var(--mute);font-size:13px;background:#f6f8fa}
.warning{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px;font:14px var(--ui)}
.changes-list ol{margin:4px 0 12px;padding-left:24px;font:14px var(--ui)}
.sections{overflow-x:auto}
nav.toc a{overflow-wrap:anywhere}
details.legend{font:13px var(--ui);margin:6px 0}
@page{size:A4;margin:12mm}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}nav.toc,.controls,.by-agency select{display:none}
  main{display:block}tr.k-unchanged:not(.context){display:none}tr.subst{display:none}body{font-size:11pt}}
@media (max-width:900px){main{grid-template-columns:1fr}nav.toc{position:static;max-height:none;order:2}}
@media (max-width:600px){.plans{grid-template-columns:1fr}header.top{padding:10px 12px}.content{padding:8px 10px}
  main{display:flex;flex-direction:column}nav.toc{order:2;border-right:0}
  table.cmp td.a,table.cmp td.b,table.cmp th.a,table.cmp th.b{display:none}table.cmp td.inline,table.cmp th.inline{display:table-cell}
  table.cmp td.status,table.cmp th.status{width:96px}.controls{position:static}}
"""

JS = """
(function(){
  var rows=[].slice.call(document.querySelectorAll('tr.row'));
  var byB={},byA={};rows.forEach(function(r){var b=r.getAttribute('data-b'),a=r.getAttribute('data-a');
    if(b&&!byB[b]){byB[b]=r;} if(a&&!byA[a]){byA[a]=r;}});
  var q=document.getElementById('q'), subst=document.getElementById('hide-subst');
  function ancestors(id){var out=[],parts=id.split('.');for(var k=parts.length-1;k>0;k--){out.push(parts.slice(0,k).join('.'));}return out;}
  function apply(){
    var on={};[].forEach.call(document.querySelectorAll('input.kind'),function(c){on[c.value]=c.checked;});
    var words=q&&q.value?q.value.toLowerCase():'';
    rows.forEach(function(r){
      var show=on[r.getAttribute('data-kind')];
      if(show&&subst&&subst.checked&&r.classList.contains('subst')){show=false;}
      if(show&&words&&r.textContent.toLowerCase().indexOf(words)<0){show=false;}
      r.hidden=!show; r.classList.remove('context');});
    // a shown change keeps its headings above it (the agency, the section), as context
    rows.forEach(function(r){ if(r.hidden||r.getAttribute('data-kind')==='unchanged'){return;}
      var b=r.getAttribute('data-b'),a=r.getAttribute('data-a'),map=b?byB:byA;
      ancestors(b||a||'').forEach(function(id){var up=map[id]; if(up&&up.hidden){up.hidden=false;up.classList.add('context');}});});
  }
  [].forEach.call(document.querySelectorAll('input.kind'),function(c){c.addEventListener('change',apply);});
  if(q){q.addEventListener('input',apply);} if(subst){subst.addEventListener('change',apply);}
  var view=document.getElementById('view');
  if(view){view.addEventListener('change',function(){document.getElementById('cmp').classList.toggle('inline-view',view.value==='inline');});}
  var cur=-1;
  function changes(){return rows.filter(function(r){return !r.hidden && r.getAttribute('data-kind')!=='unchanged';});}
  function go(step){
    var list=changes(); if(!list.length){return;}
    var at=list.indexOf(rows[cur]); at=(at+step+list.length)%list.length;
    if(cur>=0){rows[cur].classList.remove('current');}
    cur=rows.indexOf(list[at]); list[at].classList.add('current');
    list[at].scrollIntoView({block:'center'});
    if(history.replaceState){history.replaceState(null,'','#'+list[at].id);}
  }
  var n=document.getElementById('next'),p=document.getElementById('prev');
  if(n){n.addEventListener('click',function(){go(1);});}
  if(p){p.addEventListener('click',function(){go(-1);});}
  document.addEventListener('keydown',function(e){
    if(e.target.tagName==='INPUT'||e.target.tagName==='SELECT'){return;}
    if(e.key==='n'||e.key==='j'){go(1);} if(e.key==='p'||e.key==='k'){go(-1);}
  });
  var pick=document.getElementById('agency');
  function showAgency(){
    var want=pick.value;
    [].forEach.call(document.querySelectorAll('div.agency'),function(d){d.hidden=(want!=='*'&&d.getAttribute('data-agency')!==want);});
  }
  if(pick){pick.addEventListener('change',showAgency);showAgency();}
  apply();
  document.body.setAttribute('data-ready', 'true');
})();
"""


def _meta_card(plan: Plan, tag: str) -> etree._Element:
    m = plan.meta
    bits = [E.div(tag, {"class": "tag"})]
    if plan.name:
        bits.append(E.div(E.code(plan.name)))
    if m.issuer:
        bits.append(E.div(m.issuer, {"class": "issuer"}))
    line = " · ".join(x for x in (f"Số {m.number}" if m.number else "Số: (trống)", m.place, m.date or (str(m.year) if m.year else None)) if x)
    bits.append(E.div(line))
    if m.doc_type or m.title:
        bits.append(E.div(" ".join(x for x in (m.doc_type, m.title) if x), {"class": "title"}))
    return E.div({"class": "plan-card"}, *bits)


def _text_el(text: str) -> list[Any]:
    parts: list[Any] = []
    for k, para in enumerate(text.split("\n")):
        parts.append(E.span(para, {"class": "para"}) if k else para)
    return parts


def _diff_els(a: str, b: str, budget: Budget | None = None,
              known: Mapping[tuple[str, str], list[Edit]] | None = None) -> tuple[list[Any], list[Any], list[Any]]:
    """Old side, new side and inline redline for one pair of texts (within the page's ``budget``;
    ``known``: word diffs worked out already)."""
    old: list[Any] = []
    new: list[Any] = []
    inline: list[Any] = []
    edits = known.get((a, b)) if known is not None else None
    for edit in edits if edits is not None else diff_words(a, b, budget=budget):
        if edit.op == "equal":
            old.append(edit.text)
            new.append(edit.text)
            inline.append(edit.text)
        elif edit.op == "delete":
            old.append(_del(edit.text))
            inline.append(_del(edit.text))
        else:
            new.append(_ins(edit.text))
            inline.append(_ins(edit.text))
    return old, new, inline


def _del(text: str) -> etree._Element:
    el = etree.Element("del")
    el.text = text
    return el


def _ins(text: str) -> etree._Element:
    el = etree.Element("ins")
    el.text = text
    return el


def _append_mixed(parent: etree._Element, parts: list[Any]) -> None:
    """Append strings and elements to ``parent`` as mixed content."""
    last: etree._Element | None = None
    for part in parts:
        if isinstance(part, str):
            if last is None:
                parent.text = (parent.text or "") + part
            else:
                last.tail = (last.tail or "") + part
        else:
            parent.append(part)
            last = part


def _anchor(side: str, clause_id: str) -> str:
    """A clause's anchor on its side of the page ("a-IV.1"): an HTML id holds no space, so an
    article's ("Điều 1") is written "a-Điều_1"."""
    return f"{side}-{clause_id.replace(' ', '_')}"


def _cell(cls: str, clause: Clause | None, body: list[Any] | None, anchor: str | None, depth: int) -> etree._Element:
    td = etree.Element("td", {"class": f"{cls} depth-{min(depth, 3)}"})
    if clause is None:
        return td
    if anchor:
        td.set("id", anchor)
    lbl = etree.SubElement(td, "span", {"class": "lbl", "title": clause.id})
    lbl.text = clause.label
    lbl.tail = " "
    holder = etree.SubElement(td, "span", {"class": "txt"})
    _append_mixed(holder, body if body is not None else _text_el(clause.text))
    return td


def _depths(plan: Plan) -> dict[str, int]:
    out: dict[str, int] = {}

    def visit(c: Clause, d: int) -> None:
        out[c.id] = d
        for ch in c.children:
            visit(ch, d + 1)

    for c in plan.clauses:
        visit(c, 0)
    return out


def _rows(al: Alignment) -> list[tuple[str, Pair | None, str | None, str | None]]:
    """(kind, pair, a_id, b_id) in reading order: B's order, removed clauses after their anchor."""
    by_b: dict[str, list[Pair]] = {}
    for p in al.pairs:
        by_b.setdefault(p.b, []).append(p)
    a_order = [c.id for c in al.a.walk()]
    paired_a = {p.a for p in al.pairs}
    removed_after: dict[str | None, list[str]] = {}
    first_partner: dict[str, str] = {}
    for p in al.pairs:
        first_partner.setdefault(p.a, p.b)
    anchor: str | None = None
    for cid in a_order:
        if cid in paired_a:
            anchor = first_partner[cid]
        elif cid in al.removed:
            removed_after.setdefault(anchor, []).append(cid)
    rows: list[tuple[str, Pair | None, str | None, str | None]] = []
    rows.extend(("removed", None, cid, None) for cid in removed_after.get(None, []))
    for c in al.b.walk():
        if c.id in by_b:
            rows.extend((p.kind, p, p.a, p.b) for p in by_b[c.id])
        else:
            rows.append(("added", None, None, c.id))
        rows.extend(("removed", None, cid, None) for cid in removed_after.get(c.id, []))
    return rows


def _section_of(cid: str) -> str:
    return cid.split(".", 1)[0]


def script_json(data: object) -> str:
    """JSON to embed in a <script> element: "<", ">", "&" and the line separators U+2028/U+2029
    escaped, so no text of a plan ("</script>", "<!--") can end or silence the script."""
    text = json.dumps(data, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


Row = tuple[str, Pair | None, str | None, str | None]
"""(kind, pair, A's clause id, B's clause id): one row of the comparison table."""


def render_html(al: Alignment, *, citations: dict[str, Any] | None = None, title: str | None = None,
                tasks: dict[str, Any] | None = None, lang: str = "vi",
                word_diffs: Mapping[tuple[str, str], list[Edit]] | None = None,
                appendices: list[AppendixComparison] | None = None) -> str:
    """The comparison page for ``al`` as one HTML string (``lang``: "vi", the default, or "en").
    Built section by section: header cards, contents, summary, change list, per-section counts,
    legal basis, duties by agency, controls, the comparison table. ``word_diffs``: the table's
    word diffs worked out already (``table_word_diffs``), looked up at the table, not before;
    ``appendices``: the appendices compared already (``compare_appendices``), else compared here."""
    require(al, Alignment, "render_html(alignment)")
    t = language(lang)
    labels = {**t["labels"], **(t["cross_labels"] if al.cross else {})}
    a, b = al.a, al.b
    subst = _substitutions(al)
    name = title or f"plandiff: {a.name or 'A'} → {b.name or 'B'}"
    rows = _rows(al)

    # the page's skeleton first, each section then put in its place once: lxml walks a subtree
    # every time it joins another tree, and the comparison table nested bottom-up was walked
    # again at every level above it
    doc = E.html(
        {"lang": t["lang"]},
        E.head(E.meta(charset="utf-8"), E.meta(name="viewport", content="width=device-width, initial-scale=1"),
               E.title(name), E.style(CSS)),
    )
    body = etree.SubElement(doc, "body")
    body.append(E.header({"class": "top"}, E.h1(name), E.div({"class": "plans"},
                         _meta_card(a, t["tag_a_cross"] if al.cross else t["tag_a"]),
                         _meta_card(b, t["tag_b_cross"] if al.cross else t["tag_b"]))))
    main = etree.SubElement(body, "main")
    content = etree.SubElement(main, "div", {"class": "content"})
    share = shared_share(al)
    if share < LITTLE_SHARED:
        content.append(E.p({"class": "warning", "role": "alert", "id": "little-shared"}, t["little"].format(share=share)))
    content.append(_summary_section(al, subst, labels, t))
    content.append(_changes_list(al, rows, subst, labels, t))
    content.append(_per_section(rows, labels, t))
    content.append(_basis_section(al, citations, t))
    if a.appendices or b.appendices:
        content.append(_appendices_section(al, t, appendices))
    if tasks and tasks.get("agencies"):
        content.append(_agency_section(tasks, t))
    content.append(_controls(al, subst, labels, t))
    content.append(_comparison_table(al, rows, subst, labels, t, word_diffs))
    content.addprevious(_contents(al, rows, labels, t))
    body.append(E.script(script_json(al.to_dict()), type="application/json", id="plandiff-data"))
    body.append(E.script(JS))
    return "<!DOCTYPE html>\n" + etree.tostring(doc, encoding="unicode", method="html")


def _summary_section(al: Alignment, subst: set[tuple[str, str]], labels: dict[str, str], t: dict[str, Any]) -> etree._Element:
    """Counts per kind, the expected substitutions, the matching mode and thresholds, the legend."""
    counts = al.counts()
    summary = E.table(
        E.tr(*[E.th(f"{SYMBOL[k]} {labels[k]}") for k in KINDS]),
        E.tr(*[E.td(str(counts[k])) for k in KINDS]),
    )
    summary_note = E.p({"class": "evidence"}, f"{t['labels']['modified']}: {len(subst)} {t['subst']}") if subst else None
    th = al.thresholds
    thresholds = E.p(
        {"class": "evidence"},
        f"{t['mode']}: {t['mode_cross'] if al.cross else t['mode_same']}. {t['thresholds']}: "
        + ", ".join(f"{t['thresholds_named'].get(k, k)} {v:.2f}" for k, v in th.items()) + ".",
    )
    legend = E.details({"class": "legend"}, E.summary(t["legend"]),
                       E.p(*[E.span({"class": f"k-{k}"}, E.span({"class": "badge"}, f"{SYMBOL[k]} {labels[k]}"), " ")
                             for k in KINDS]),
                       E.p(t["legend_text"]))
    return E.section({"class": "summary"}, E.h2(t["summary"]), summary,
                     *([summary_note] if summary_note is not None else []), thresholds, legend)


def _per_section(rows: list[Row], labels: dict[str, str], t: dict[str, Any]) -> etree._Element:
    per_section: dict[str, Counter[str]] = {}
    for kind, _, aid, bid in rows:
        sec = _section_of(bid or aid or "")
        per_section.setdefault(sec, Counter())[kind] += 1
    sections = E.table(
        E.tr(E.th(t["section"]), *[E.th(SYMBOL[k], {"title": labels[k]}) for k in KINDS]),
        *[E.tr(E.th(sec), *[E.td(str(c[k])) for k in KINDS]) for sec, c in per_section.items()],
    )
    return E.section({"class": "sections"}, E.h3(t["per_section"]), sections)


def _controls(al: Alignment, subst: set[tuple[str, str]], labels: dict[str, str], t: dict[str, Any]) -> etree._Element:
    """Kind filters, hiding the expected substitutions, search, the view, previous/next change."""
    counts = al.counts()
    return E.div(
        {"class": "controls"},
        E.strong(t["show"]),
        *[E.label(E.input({"type": "checkbox", "class": "kind", "value": k, "checked": "checked"}),
                  f" {SYMBOL[k]} {labels[k]} ({counts[k]})") for k in KINDS],
        E.label(E.input({"type": "checkbox", "id": "hide-subst"}), f" {t['hide_subst']} ({len(subst)})"),
        E.label(t["search"] + " ", E.input({"type": "search", "id": "q", "placeholder": t["search_hint"]})),
        E.label(t["view"] + " ", E.select({"id": "view"}, E.option(t["side"], value="side"), E.option(t["inline"], value="inline"))),
        E.button(t["prev"], {"id": "prev", "type": "button"}),
        E.button(t["next"], {"id": "next", "type": "button"}),
        E.span({"class": "evidence"}, t["keys"]),
    )


def _diffed(pair: Pair | None, ca: Clause | None, cb: Clause | None) -> tuple[str, str] | None:
    """The texts a row shows word by word: a container pair's headings (its body is in the linked
    rows), an edited pair's texts; None for a row without a word diff."""
    if ca is None or cb is None or pair is None:
        return None
    if pair.rule == "container":
        return ca.heading, cb.heading
    return (ca.text, cb.text) if pair.edited else None


def table_word_diffs(al: Alignment) -> dict[tuple[str, str], list[Edit]]:
    """Every word diff the comparison table shows, within one page's budget: ``plandiff diff``
    works them out in a child process while it prepares the rest of the page."""
    clauses_a = {c.id: c for c in al.a.walk()}
    clauses_b = {c.id: c for c in al.b.walk()}
    texts = (_diffed(pair, clauses_a.get(aid) if aid else None, clauses_b.get(bid) if bid else None)
             for _, pair, aid, bid in _rows(al))
    budget = Budget()
    return {k: diff_words(*k, budget=budget) for k in dict.fromkeys(x for x in texts if x is not None)}


def _comparison_table(al: Alignment, rows: list[Row], subst: set[tuple[str, str]], labels: dict[str, str],
                      t: dict[str, Any], known: Mapping[tuple[str, str], list[Edit]] | None = None) -> etree._Element:
    """A row per pair (or lone clause): status with its evidence, A's and B's text with the words
    that changed, and the inline redline."""
    a, b = al.a, al.b
    budget = Budget()
    depth_a, depth_b = _depths(a), _depths(b)
    table = E.table({"class": "cmp", "id": "cmp"},
                    E.tr(E.th(t["status"], {"class": "status"}), E.th(a.name or "A", {"class": "a"}),
                         E.th(b.name or "B", {"class": "b"}), E.th(t["changes"], {"class": "inline"})))
    seen_a: set[str] = set()
    seen_b: set[str] = set()
    clauses_a = {c.id: c for c in a.walk()}
    clauses_b = {c.id: c for c in b.walk()}
    by_a: dict[str, list[Pair]] = {}
    by_b: dict[str, list[Pair]] = {}
    for p in al.pairs:
        by_a.setdefault(p.a, []).append(p)
        by_b.setdefault(p.b, []).append(p)
    # two passes: every row but its word diffs first, then the diffs in the rows' order (the same
    # page: the diffs' budget is spent in that order) — ``plandiff diff`` works the diffs out in a
    # child meanwhile, and the first pass is done before it waits for them
    waiting: list[tuple[etree._Element, str, Clause | None, Clause | None, tuple[str, str], tuple[Any, ...]]] = []
    for n, (kind, pair, aid, bid) in enumerate(rows):
        ca = clauses_a.get(aid) if aid else None
        cb = clauses_b.get(bid) if bid else None
        attrs = {"class": f"row k-{kind}" + (" subst" if pair is not None and (pair.a, pair.b) in subst else ""),
                 "data-kind": kind, "id": f"r{n}"}
        if aid:
            attrs["data-a"] = aid
        if bid:
            attrs["data-b"] = bid
        tr = etree.Element("tr", attrs)
        tr.append(_status_cell(kind, pair, aid, bid, ca, cb, subst, labels, t, clauses_a, clauses_b, by_a, by_b))
        anchor_a = _anchor("a", aid) if aid and aid not in seen_a else None
        anchor_b = _anchor("b", bid) if bid and bid not in seen_b else None
        if aid:
            seen_a.add(aid)
        if bid:
            seen_b.add(bid)
        places = (anchor_a, depth_a.get(aid or "", 0), anchor_b, depth_b.get(bid or "", 0))
        diffed = _diffed(pair, ca, cb)
        if diffed is None:
            _row_cells(tr, kind, ca, cb, None, places)
        else:
            waiting.append((tr, kind, ca, cb, diffed, places))
        table.append(tr)
    for tr, kind, ca, cb, diffed, places in waiting:
        _row_cells(tr, kind, ca, cb, _diff_els(*diffed, budget, known), places)
    return table


def _row_cells(tr: etree._Element, kind: str, ca: Clause | None, cb: Clause | None,
               diffs: tuple[list[Any], list[Any], list[Any]] | None, places: tuple[Any, ...]) -> None:
    """A row's A, B and inline cells, after its status cell (``places``: each side's anchor and depth)."""
    old, new, inline = diffs if diffs is not None else (None, None, None)
    anchor_a, depth_a, anchor_b, depth_b = places
    tr.append(_cell("a", ca, old, anchor_a, depth_a))
    tr.append(_cell("b", cb, new, anchor_b, depth_b))
    tr.append(_inline_cell(kind, ca, cb, inline))


def _status_cell(kind: str, pair: Pair | None, aid: str | None, bid: str | None, ca: Clause | None, cb: Clause | None,
                 subst: set[tuple[str, str]], labels: dict[str, str], t: dict[str, Any], clauses_a: dict[str, Clause],
                 clauses_b: dict[str, Clause], by_a: dict[str, list[Pair]], by_b: dict[str, list[Pair]]) -> etree._Element:
    """The badge, the clause path, and why: rule and score, the tree's evidence, a relabelling, the
    headings left and joined, the other pairs of a split or merge."""
    status = etree.Element("td", {"class": "status"})
    badge = etree.SubElement(status, "span", {"class": "badge"})
    badge.text = f"{SYMBOL[kind]} {labels[kind]}"
    path = etree.SubElement(status, "div", {"class": "path"})
    path.text = " → ".join(x for x in (aid, bid) if x) if aid != bid else aid
    if pair is not None and (pair.a, pair.b) in subst:
        etree.SubElement(status, "div", {"class": "evidence"}).text = t["subst"]
    if pair is None:
        return status
    ev = etree.SubElement(status, "div", {"class": "evidence", "title": evidence_words(pair.evidence or pair.rule, t["lang"])})
    ev.text = f"{t['rules'].get(pair.rule, pair.rule)} · {pair.score:.2f}"
    if pair.evidence and pair.evidence != f"{pair.rule} · text {pair.score:.2f}":
        # why this pair: the tree's evidence and the alternative it beat
        why = etree.SubElement(status, "div", {"class": "evidence why"})
        said = pair.evidence.split(" · ", 2)[-1] if pair.evidence.count(" · ") >= 2 else pair.evidence
        why.text = evidence_words(said, t["lang"])
    if pair.review:
        rv = etree.SubElement(status, "div", {"class": "review"})
        rv.text = t["review"]
    if pair.renumbered and ca is not None and cb is not None:
        rl = etree.SubElement(status, "div", {"class": "relabel"})
        rl.text = f"{ca.label} → {cb.label}"
    if pair.reparented:
        # name the headings it left and joined, linked both ways
        rp = etree.SubElement(status, "div", {"class": "relabel"})
        parent_a, parent_b = _parent(pair.a), _parent(pair.b)
        rp.text = f"{t['from']} "
        la = etree.SubElement(rp, "a", {"href": "#" + _anchor("a", parent_a)} if parent_a else {})
        la.text = _short(parent_a, clauses_a)
        la.tail = f" {t['under']} "
        lb = etree.SubElement(rp, "a", {"href": "#" + _anchor("b", parent_b)} if parent_b else {})
        lb.text = _short(parent_b, clauses_b)
    others = [p for p in by_a[pair.a] + by_b[pair.b] if p is not pair]
    if others:
        links = etree.SubElement(status, "div", {"class": "evidence"})
        links.text = f"{t['with']} "
        for k, other in enumerate(others):
            link = etree.SubElement(links, "a", {"href": "#" + (_anchor("b", other.b) if other.a == pair.a else _anchor("a", other.a))})
            link.text = other.b if other.a == pair.a else other.a
            if k + 1 < len(others):
                link.tail = ", "
    return status


def _inline_cell(kind: str, ca: Clause | None, cb: Clause | None, inline: list[Any] | None) -> etree._Element:
    """The clause once, with its changes marked in place (the inline view)."""
    inline_td = etree.Element("td", {"class": "inline"})
    shown = cb or ca
    if shown is not None:
        lbl = etree.SubElement(inline_td, "span", {"class": "lbl"})
        lbl.text = shown.label if cb is None or ca is None or ca.label == cb.label else f"{ca.label} → {cb.label}"
        lbl.tail = " "
        holder = etree.SubElement(inline_td, "span")
        if inline is not None:
            _append_mixed(holder, inline)
        elif kind == "removed":
            holder.append(_del(shown.text))
        elif kind == "added":
            holder.append(_ins(shown.text))
        else:
            _append_mixed(holder, _text_el(shown.text))
    return inline_td


def _contents(al: Alignment, rows: list[Row], labels: dict[str, str], t: dict[str, Any]) -> etree._Element:
    """Table of contents over B, each entry marked with its status (a parent "contains changes"
    when any descendant is a change), then A's removed clauses."""
    changed_b: set[str] = set()
    for kind, _, _, bid in rows:
        if bid and kind != "unchanged":
            parts = bid.split(".")
            for k in range(1, len(parts) + 1):
                changed_b.add(".".join(parts[:k]))
    status_b: dict[str, str] = {}
    for kind, _, _, bid in rows:
        if bid:
            status_b.setdefault(bid, kind)

    def toc_item(c: Clause) -> etree._Element:
        status = status_b.get(c.id, "unchanged")
        mark = SYMBOL[status] if status != "unchanged" else ("•" if c.id in changed_b else "")
        li = E.li(E.a(f"{mark} {c.label} {_cut(c.heading, 60)}".strip(), href="#" + _anchor("b", c.id), title=labels[status]))
        kids = [toc_item(ch) for ch in c.children if ch.kind not in ("dash", "paragraph")]
        if kids:
            li.append(E.ul(*kids))
        return li

    toc = E.nav({"class": "toc"}, E.strong(t["contents"]), E.ul(*[toc_item(c) for c in al.b.clauses]))
    if al.a.appendices or al.b.appendices:
        toc.find("ul").append(E.li(E.a(t["appendices"], href="#appendices")))
    if al.removed:
        toc.append(E.p(E.strong(f"{t['removed_from']} {al.a.name or 'A'}")))
        toc.append(E.ul(*[E.li(E.a(f"{SYMBOL['removed']} {cid}", href="#" + _anchor("a", cid))) for cid in al.removed]))
    return toc


def _appendices_section(al: Alignment, t: dict[str, Any], compared: list[AppendixComparison] | None) -> etree._Element:
    """The appendices compared (``compare.appendices``): each one's rows kept, modified (words
    marked), added and removed; kept rows are counted, not shown."""
    from ..compare.appendices import compare_appendices

    labels = {**t["labels"], **(t["cross_labels"] if al.cross else {})}
    budget = Budget()
    sec = E.section({"class": "appendices", "id": "appendices"}, E.h3(t["appendices"]))
    for cmp in compared if compared is not None else compare_appendices(al.a, al.b):
        name = cmp.a if cmp.a == cmp.b or cmp.b is None else cmp.b if cmp.a is None else f"{cmp.a} → {cmp.b}"
        box = E.div({"class": "appendix", "data-changed": "1" if cmp.changed() else "0"}, E.h4(name or ""))
        if cmp.a is None or cmp.b is None:
            box.append(E.p({"class": "evidence"}, labels["added" if cmp.a is None else "removed"]))
        box.append(E.p({"class": "evidence"}, ", ".join(f"{v} {labels[k]}" for k, v in cmp.counts().items() if v)))
        changed = [r for r in cmp.rows if r.kind != "unchanged"]
        if changed:
            table = E.table({"class": "cmp"}, E.tr(E.th(t["status"]), E.th(t["tag_a_cross"]), E.th(t["tag_b_cross"])))
            for r in changed:
                tr = E.tr({"class": f"k-{r.kind}", "data-row-kind": r.kind}, E.td(E.span({"class": "badge"}, labels[r.kind])))
                old, new, _ = _diff_els(" | ".join(r.a or ()), " | ".join(r.b or ()), budget)
                for side in (old if r.a else [], new if r.b else []):
                    td = etree.SubElement(tr, "td")
                    _append_mixed(td, side)
                table.append(tr)
            box.append(table)
        sec.append(box)
    return sec


def _agency_section(cmp: dict[str, Any], t: dict[str, Any]) -> etree._Element:
    """The duties by agency: pick an agency to see its tasks in both plans — new, gone, changed,
    kept, moved in or out (with the body they came from or went to) — and its deadlines."""
    sec = E.section({"class": "by-agency", "id": "by-agency"}, E.h3(t["by_agency"]))
    picker = E.select({"id": "agency"}, E.option(t["all_agencies"], value="*"))
    sec.append(E.label(t["agency"] + " ", picker))
    for k, row in enumerate(cmp["agencies"]):
        ident = f"ag{k}"
        title = " → ".join(x for x in (row["a"], row["b"]) if x) + f" ({t['relations'].get(row['relation'], row['relation'])})"
        picker.append(E.option(title, value=ident))
        box = E.div({"class": "agency", "data-agency": ident, "data-relation": row["relation"]}, E.h4(title))
        counts = ", ".join(f"{v} {t['task_status'][key].split(' ', 1)[1]}" for key, v in row["counts"].items() if v)
        if counts:
            box.append(E.p({"class": "evidence"}, counts))
        items = E.ul()
        for entry in cmp.get("tasks", []):
            a, b, status = entry["a"], entry["b"], entry["status"]
            mine_a = a is not None and a["agency"] == row["a"]
            mine_b = b is not None and b["agency"] == row["b"]
            if not (mine_a or mine_b):
                continue
            if status == "moved":
                status = "moved_out" if mine_a else "moved_in"
            task = b if b is not None and (mine_b or a is None) else a
            assert task is not None
            where = task["place"]
            when = task["deadline"] or task["period"] or ""
            li = E.li({"class": f"task t-{status}", "data-status": status},
                      E.span({"class": "badge"}, t["task_status"][status]), " ")
            if task["clause"] and not task["appendix"]:
                # a clause's duty leads to its row of the comparison, on the side it is from
                li.append(E.a(where, {"href": "#" + _anchor("b" if task is b else "a", task["clause"])}))
                li[-1].tail = " "
            else:
                li[-1].tail = f" {where} "
            if status == "moved_in" and a is not None:
                li.append(E.span({"class": "evidence"}, t["moved_from"].format(agency=a["agency"], clause=a["clause"] or "") + " "))
            if status == "moved_out" and b is not None:
                li.append(E.span({"class": "evidence"}, t["moved_to"].format(agency=b["agency"], clause=b["clause"] or "") + " "))
            if when:
                li.append(E.strong({"class": "when"}, when + " "))
            li.append(E.span(" ".join(task["text"].split())))
            items.append(li)
        box.append(items)
        sec.append(box)
    return sec


def _parent(cid: str) -> str | None:
    return cid.rsplit(".", 1)[0] if "." in cid else None


def _short(cid: str | None, clauses: dict[str, Clause]) -> str:
    if cid is None:
        return "—"
    c = clauses.get(cid)
    return f"{cid} {_cut(c.heading, 48)}" if c is not None else cid


def _cut(text: str, n: int) -> str:
    """At most ``n`` characters, cut between words."""
    if len(text) <= n:
        return text
    head = text[:n].rsplit(" ", 1)[0]
    return (head or text[:n]) + "…"


def _substitutions(al: Alignment) -> set[tuple[str, str]]:
    """Pairs whose only changes are the ones a reader expects between the two plans: their own
    place names and years, case, the level words ("tỉnh" → "thành phố"). Shown muted, counted
    apart and hideable."""
    from ..compare.aligner import matching_key

    out: set[tuple[str, str]] = set()
    for p in al.pairs:
        if p.kind != "modified" or not p.edited:
            continue
        ca, cb = al.a.find(p.a), al.b.find(p.b)
        if ca is not None and cb is not None and matching_key(ca.text, al.a) == matching_key(cb.text, al.b):
            out.add((p.a, p.b))
    return out


def shared_share(al: Alignment) -> float:
    """The share of the smaller plan's clauses that found a partner."""
    n_a, n_b = sum(1 for _ in al.a.walk()), sum(1 for _ in al.b.walk())
    if not n_a or not n_b:
        return 0.0
    paired = min(len({p.a for p in al.pairs}), len({p.b for p in al.pairs}))
    return paired / min(n_a, n_b)


def _changes_list(al: Alignment, rows: list[tuple[str, Pair | None, str | None, str | None]], subst: set[tuple[str, str]],
                  label: dict[str, str], t: dict[str, Any], limit: int = 60) -> etree._Element:
    """What changed, in plain words at the top, each entry linked to its row: items and
    headings first (an agency merged, a section added), then changed points."""
    clauses_a = {c.id: c for c in al.a.walk()}
    clauses_b = {c.id: c for c in al.b.walk()}
    entries: list[tuple[int, int, etree._Element]] = []
    for n, (kind, pair, aid, bid) in enumerate(rows):
        if kind == "unchanged" or (pair is not None and (pair.a, pair.b) in subst):
            continue
        cid = bid or aid or ""
        clause = clauses_b.get(bid or "") or clauses_a.get(aid or "")
        if clause is None:
            continue
        depth = cid.count(".")
        path = " → ".join(x for x in (aid, bid) if x) if aid != bid else cid
        text = f"{path} {_cut(clause.heading, 70)}: {label[kind]}"
        entries.append((depth, n, E.li(E.a(text, href=f"#r{n}"))))
    entries.sort(key=lambda e: (e[0] > 1, e[1]))
    shown = entries[:limit]
    ol = E.ol(*[e for _, _, e in sorted(shown, key=lambda e: e[1])])
    if len(entries) > limit:
        ol.append(E.li(t["more"].format(n=len(entries) - limit)))
    return E.section({"class": "changes-list", "id": "changes"}, E.h3(t["changes_list"]), ol)


def _basis_section(al: Alignment, cites: dict[str, Any] | None, t: dict[str, Any]) -> etree._Element:
    """The legal basis (instruments cited), the signer and the recipients, compared."""
    from ..compare.closing import recipient_changes, signer_line

    sec = E.section({"class": "cites", "id": "basis"}, E.h3(t["basis"]))
    who_a, who_b = signer_line(al.a.meta), signer_line(al.b.meta)
    sec.append(E.p(E.strong(t["signer"] + ": "), who_a if who_a == who_b else f"{who_a} → {who_b}"))
    added, dropped = recipient_changes(al)
    for key, items in (("recipients_added", added), ("recipients_dropped", dropped)):
        if items:
            sec.append(E.p(E.strong(f"{t[key]} ({len(items)})")))
            sec.append(E.ul(*[E.li(x) for x in items]))
    if cites:
        sec.append(E.h4(t["cites"]))
        for key in ("added", "dropped", "kept"):
            items = cites.get(key) or []
            sec.append(E.p(E.strong(f"{t[key]} ({len(items)})")))
            if items:
                sec.append(E.ul(*[E.li(str(x)) for x in items]))
    return sec


HISTORY_JS = """
(function(){
  var rows=[].slice.call(document.querySelectorAll('tr.row')), only=document.getElementById('changed-only'), q=document.getElementById('q');
  function apply(){ var words=q.value.toLowerCase();
    rows.forEach(function(r){ r.hidden=(only.checked&&r.getAttribute('data-changed')!=='1')||(words!==''&&r.textContent.toLowerCase().indexOf(words)<0); }); }
  only.addEventListener('change',apply); q.addEventListener('input',apply);
  document.body.setAttribute('data-ready','true');
})();
"""


HISTORY_SYMBOL = {"appeared": "+", "unchanged": "=", "modified": "~", "moved": "↷", "split": "⇉", "merged": "⇇",
                  "merged_into": "⇇",
                  "dropped": "−", "absent": ""}


def render_history_html(h: History, *, lang: str = "vi") -> str:
    """One row per lineage, one column per version: when a clause appeared, changed and was dropped
    (``lang``: "vi", the default, or "en")."""
    from ..compare.history import History  # (not imported for a comparison's page)

    require(h, History, "render_history_html(history)")
    t = language(lang)
    said = t["history_status"]
    budget = Budget()
    names = [p.name or f"v{k}" for k, p in enumerate(h.plans)]
    title = f"plandiff: {t['history']} " + " → ".join(names)
    head = E.tr(E.th(t["clause"], {"class": "status"}), *[E.th(n) for n in names])
    table = E.table({"class": "cmp hist"}, head)
    by_version = [{c.id: c for c in plan.walk()} for plan in h.plans]
    # per version, how many lineages appeared, changed, moved, merged, split, dropped
    statuses = ("appeared", "unchanged", "modified", "moved", "split", "merged", "merged_into", "dropped")
    counts = E.table({"class": "counts"}, E.tr(E.th(t["version"]), *[E.th(f"{HISTORY_SYMBOL[s]} {said.get(s, s)}")
                                                                      for s in statuses]))
    for k, n in enumerate(names):
        tally = Counter(lin.steps[k].status for lin in h.lineages)
        counts.append(E.tr(E.th(n), *[E.td(str(tally[s]) if k or s == "appeared" else "—") for s in statuses]))
    controls = E.div({"class": "controls"},
                     E.label(E.input({"type": "checkbox", "id": "changed-only"}), f" {t['changed_only']}"),
                     E.label(t["search"] + " ", E.input({"type": "search", "id": "q", "placeholder": t["search_hint"]})))
    order = E.ul({"class": "evidence order"}, *[E.li(order_words(x, lang)) for x in h.order]) if h.order else None
    for lin in h.lineages:
        changed = any(s.status not in ("unchanged", "appeared", "absent") for s in lin.steps[1:])
        tr = etree.Element("tr", {"class": "row", "id": _anchor("l", lin.id), "data-lineage": lin.id,
                                  "data-changed": "1" if changed else "0"})
        td0 = etree.SubElement(tr, "td", {"class": "status", "title": lin.id})
        td0.text = h.name_of(lin)
        prev_text: str | None = None
        for k, step in enumerate(lin.steps):
            td = etree.SubElement(tr, "td", {"class": f"k-{step.status}", "data-status": step.status})
            if step.clause is None:
                if step.status == "dropped":
                    badge = etree.SubElement(td, "span", {"class": "badge"})
                    badge.text = f"{HISTORY_SYMBOL['dropped']} {said.get('dropped', 'dropped')}"
                prev_text = None
                continue
            clause = by_version[k].get(step.clause)
            if clause is None:
                continue
            td.set("data-clause", step.clause)
            badge = etree.SubElement(td, "span", {"class": "badge"})
            badge.text = f"{HISTORY_SYMBOL.get(step.status, '')} {said.get(step.status, step.status)}".strip()
            badge.tail = " "
            lbl = etree.SubElement(td, "span", {"class": "lbl", "title": clause.id})
            lbl.text = clause.label
            lbl.tail = " "
            body = etree.SubElement(td, "span")
            if prev_text is not None and prev_text != clause.text:
                _, _, inline = _diff_els(prev_text, clause.text, budget)
                _append_mixed(body, inline)
            else:
                _append_mixed(body, _text_el(clause.heading if len(clause.text) > 400 else clause.text))
            prev_text = clause.text
        table.append(tr)
    doc = E.html(
        {"lang": t["lang"]},
        E.head(E.meta(charset="utf-8"), E.meta(name="viewport", content="width=device-width, initial-scale=1"),
               E.title(title), E.style(CSS + "table.hist td{font-size:13px}table.counts{border-collapse:collapse;font:13px var(--ui)}"
                                       "table.counts td,table.counts th{border:1px solid var(--line);padding:2px 8px}")),
        E.body(E.header({"class": "top"}, E.h1(title),
                        E.div({"class": "plans"}, *[_meta_card(p, f"v{k}") for k, p in enumerate(h.plans)])),
               E.div({"class": "content"}, counts, *([order] if order is not None else []), controls, table),
               E.script(HISTORY_JS)),
    )
    return "<!DOCTYPE html>\n" + etree.tostring(doc, encoding="unicode", method="html")
