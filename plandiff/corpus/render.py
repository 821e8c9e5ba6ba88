"""The reuse page: which plans copy which, with the clauses side by side and the words that differ
marked. Self-contained like the comparison report (no script or style from elsewhere)."""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml.builder import E

from ..compare.worddiff import Budget
from ..render.html import _append_mixed, _diff_els
from .reuse import Copy, Reuse
from .store import Document

STRINGS = {
    "vi": {"title": "Nội dung sử dụng lại giữa các văn bản", "copier": "Văn bản", "source": "Lấy từ (văn bản sớm nhất)",
           "share": "Tỷ lệ nội dung", "clauses": "Số điều khoản", "similarity": "Độ giống", "filter": "Lọc theo tên…",
           "none": "Không tìm thấy nội dung sử dụng lại.",
           "lead": "Điều khoản của một cơ quan có trong văn bản của cơ quan khác (so khớp MinHash, kiểm tra bằng rapidfuzz)."},
    "en": {"title": "Text reused across authorities", "copier": "Document", "source": "Taken from (earliest document)",
           "share": "Share of its text", "clauses": "Clauses", "similarity": "Similarity", "filter": "Filter by name…",
           "none": "No reuse found.",
           "lead": "Clauses of one authority found in another authority's documents (MinHash candidates, verified with rapidfuzz)."},
}

CSS = """
body{font-family:"Noto Serif","Times New Roman",serif;margin:0 auto;max-width:1200px;padding:1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;
vertical-align:top;text-align:left}th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap}
.bar{display:inline-block;height:.6rem;background:#0969da;margin-right:.4rem;vertical-align:middle}
details{margin:.8rem 0;border:1px solid #d0d7de;border-radius:6px;padding:.4rem .7rem}summary{cursor:pointer;font-weight:600}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.5rem 0;border-top:1px solid #eaeef2;padding-top:.5rem}
.cid{font-family:monospace;color:#59636e}del{background:#ffebe9;text-decoration:line-through}ins{background:#dafbe1;text-decoration:none}
input[type=search]{width:100%;max-width:24rem;padding:.3rem;margin:.5rem 0}
@media (max-width:700px){.pair{grid-template-columns:1fr}}
@media print{input{display:none}details{break-inside:avoid}}
"""

SCRIPT = """
function openTarget() {
  var el = location.hash && document.getElementById(location.hash.slice(1));
  if (el && el.tagName === 'DETAILS') { el.open = true; }
}
window.addEventListener('hashchange', openTarget);
openTarget();
document.getElementById('filter').addEventListener('input', function (e) {
  var q = e.target.value.toLowerCase();
  document.querySelectorAll('[data-names]').forEach(function (el) {
    el.hidden = q && el.getAttribute('data-names').indexOf(q) < 0;
  });
});
"""


def _name(doc: Document) -> str:
    head = doc.number or doc.name
    return f"{head} — {doc.issuer or doc.jurisdiction or ''} ({doc.date or doc.year or '?'})"


def render_reuse_html(result: Reuse, *, min_share: float = 0.0, lang: str = "vi") -> str:
    t = STRINGS[lang]
    docs = result.documents
    copies = [c for c in result.copies if c.share >= min_share]
    body = E.body(E.h1(t["title"]), E.p(t["lead"]),
                  E.input(type="search", id="filter", placeholder=t["filter"], **{"aria-label": t["filter"]}))
    if not copies:
        body.append(E.p(t["none"], {"class": "none"}))
    else:
        table = E.table(E.thead(E.tr(E.th(t["copier"]), E.th(t["source"]), E.th(t["share"]), E.th(t["clauses"]))),
                        id="copies")
        tbody = E.tbody()
        for k, c in enumerate(copies):
            names = f"{_name(docs[c.copier])} {_name(docs[c.source])} {docs[c.copier].path} {docs[c.source].path}".lower()
            tbody.append(E.tr(E.td(E.a(_name(docs[c.copier]), href=f"#copy-{k}")), E.td(_name(docs[c.source])),
                              E.td(E.span({"class": "bar", "style": f"width:{max(1, round(c.share * 120))}px"}),
                                   f"{c.share:.1%}", {"class": "num"}),
                              E.td(str(len(c.clauses)), {"class": "num"}), {"data-names": names}))
        table.append(tbody)
        body.append(table)
        budget = Budget()
        for k, c in enumerate(copies):
            body.append(_details(k, c, docs, result, budget, t))
    body.append(E.script(SCRIPT))
    page = E.html(E.head(E.meta(charset="utf-8"), E.meta(name="viewport", content="width=device-width, initial-scale=1"),
                         E.title(t["title"]), E.style(CSS)), body, lang=lang)
    return "<!DOCTYPE html>\n" + etree.tostring(page, encoding="unicode", method="html")


def _details(k: int, c: Copy, docs: dict[int, Document], result: Reuse, budget: Budget, t: dict[str, str]) -> Any:
    texts = {(m.doc, m.clause): m.text for cl in result.clusters for m in cl.members}
    names = f"{_name(docs[c.copier])} {_name(docs[c.source])} {docs[c.copier].path} {docs[c.source].path}".lower()
    box = E.details(E.summary(f"{_name(docs[c.copier])} ← {_name(docs[c.source])}: {c.share:.1%}"),
                    id=f"copy-{k}", **{"data-names": names})
    for copier_clause, source_clause, score in c.clauses:
        old, new, _ = _diff_els(texts.get((c.source, source_clause), ""), texts.get((c.copier, copier_clause), ""), budget)
        left = E.div(E.div(E.span(source_clause, {"class": "cid"}), f" · {docs[c.source].name}"), E.div())
        right = E.div(E.div(E.span(copier_clause, {"class": "cid"}), f" · {docs[c.copier].name} · {t['similarity']} {score:.0f}%"),
                      E.div())
        _append_mixed(left[1], old)
        _append_mixed(right[1], new)
        box.append(E.div(left, right, {"class": "pair"}))
    return box
