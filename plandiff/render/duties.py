"""The duties page: what each agency must do under one plan (``plandiff tasks FILE -o duties.html``)
or under a corpus's plans (``plandiff corpus tasks -o duties.html``), and by when, as a page a
department's clerk would rather read than the plans.

Built with lxml like the comparison page, self-contained (CSS and script inline, nothing fetched):
a table of the agencies with their counts and first date, a calendar of the dated duties in date
order, and each agency's duties (where the plan sets each, its kind, when, with whom, what it
yields); a picker shows one agency's, and a search box any words. Every duty carries
``data-agency`` (the body's key) and ``data-kind``, so tools and tests can read the page.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml.builder import E

from ..errors import require
from ..model import Plan, Task
from ..tasks.summary import agencies_with_tasks, agency_ident
from .html import CSS, _meta_card
from .words import language

DUTIES_CSS = (".duty{margin:.35em 0}.duty .badge{margin-right:4px}.when{color:#8a4b00;font-weight:600}"
              ".k-report .badge{color:#0969da}.k-request .badge{color:#8250df}.k-task .badge{color:#1a7f37}"
              ".agencies td,.agencies th{border:1px solid var(--line);padding:3px 8px;font:13px var(--ui)}"
              ".agencies{border-collapse:collapse;margin:4px 0 12px}.agencies th{background:#f6f8fa;text-align:left}"
              ".summary .agencies td:first-child{text-align:left}"
              "section.agency h3{margin:18px 0 4px}.aliases{font:12px var(--ui);color:var(--mute)}"
              ".calendar li{margin:.2em 0}.who{font-weight:600}main.duties{display:block;padding:12px 24px}"
              ".source{font:12px var(--ui);color:var(--ink)}")

DUTIES_JS = """
(function(){
  var duties=[].slice.call(document.querySelectorAll('[data-duty]')),
      sections=[].slice.call(document.querySelectorAll('section.agency')),
      pick=document.getElementById('agency'), q=document.getElementById('q'), dated=document.getElementById('dated');
  function apply(){
    var who=pick.value, words=q.value.toLowerCase();
    duties.forEach(function(d){
      d.hidden=(who!=='*'&&d.getAttribute('data-agency')!==who)||(dated.checked&&!d.getAttribute('data-start'))
        ||(words!==''&&d.textContent.toLowerCase().indexOf(words)<0);
    });
    sections.forEach(function(s){
      s.hidden=!s.querySelector('[data-duty]:not([hidden])');
    });
  }
  pick.addEventListener('change',apply); q.addEventListener('input',apply); dated.addEventListener('change',apply);
  document.body.setAttribute('data-ready','true');
})();
"""


def _start(t: Task) -> str | None:
    """When a duty falls due or begins: its deadline, else its period's first day."""
    return t.deadline or (t.period_dates[0] if t.period_dates else None)


def _when(t: Task) -> str:
    if t.deadline:
        return t.deadline
    if t.period and t.period_dates:
        return f"{t.period} ({t.period_dates[0]} … {t.period_dates[1]})"
    return t.period or ""


def _duty(t: Task, t_words: dict[str, Any], *, with_agency: bool, source: str | None = None) -> etree._Element:
    """One duty: its kind, where the plan sets it (``source``: which plan, on a corpus's page),
    when, the text, with whom and what it yields."""
    attrs = {"class": f"duty k-{t.kind}", "data-duty": "1", "data-agency": agency_ident(t), "data-kind": t.kind}
    start = _start(t)
    if start:
        attrs["data-start"] = start
    li = E.li(attrs, E.span({"class": "badge"}, t_words["kind_names"].get(t.kind, t.kind)))
    if source:
        li.append(E.span({"class": "source"}, source))
        li[-1].tail = " · "
    li.append(E.span({"class": "path"}, t.place))
    li[-1].tail = " "
    if with_agency:
        li.append(E.span({"class": "who"}, t.agency + " "))
    when = _when(t)
    if when:
        li.append(E.span({"class": "when"}, when + " "))
    li.append(E.span(" ".join(t.text.split())))
    extra = []
    if t.partners:
        extra.append(f"{t_words['partners']}: " + "; ".join(t.partners))
    if t.product:
        extra.append(f"{t_words['product']}: {t.product}")
    if t.to:
        extra.append(f"{t_words['report_to']}: {t.to}")
    if extra:
        li.append(E.div({"class": "evidence"}, " · ".join(extra)))
    return li


def render_duties_html(plan: Plan, found: list[Task] | None = None, *, lang: str = "vi") -> str:
    """The duties page of ``plan`` (``found``: its tasks extracted already, else extracted here;
    ``lang``: "vi", the default, or "en")."""
    from ..tasks import tasks

    require(plan, Plan, "render_duties_html(plan)")
    t_words = language(lang)
    found = tasks(plan) if found is None else found
    title = f"plandiff: {t_words['duties']} — {plan.name or plan.meta.title or ''}".rstrip(" —")
    return _page(title, [_meta_card(plan, t_words["plan"])], [(t, None) for t in found], t_words)


def render_corpus_duties_html(duties: list[Any], *, title: str | None = None, lang: str = "vi") -> str:
    """The duties page of a corpus's plans (``corpus.duties``: each task with its document), every
    duty named with the plan it comes from."""
    t_words = language(lang)
    items = [(d.task, " ".join(x for x in (d.document.name, f"({d.document.number})" if d.document.number else "") if x))
             for d in duties]
    return _page(title or f"plandiff: {t_words['duties']}", [], items, t_words)


def _page(title: str, cards: list[etree._Element], items: list[tuple[Task, str | None]], t_words: dict[str, Any]) -> str:
    """The page: the agencies at a glance, the calendar, then each agency's duties."""
    found = [t for t, _ in items]
    groups = agencies_with_tasks(found)

    doc = E.html({"lang": t_words["lang"]},
                 E.head(E.meta(charset="utf-8"), E.meta(name="viewport", content="width=device-width, initial-scale=1"),
                        E.title(title), E.style(CSS + DUTIES_CSS)))
    body = etree.SubElement(doc, "body")
    body.append(E.header({"class": "top"}, E.h1(title), *([E.div({"class": "plans"}, *cards)] if cards else [])))
    main = etree.SubElement(body, "main", {"class": "duties"})

    # the agencies at a glance: how many duties of each kind, and the first date among them
    summary = E.table({"class": "agencies"}, E.tr(E.th(t_words["agency"].rstrip(":")),
                                                  *[E.th(t_words["kind_names"][k]) for k in ("task", "report", "request")],
                                                  E.th(t_words["first_date"])))
    picker = E.select({"id": "agency"}, E.option(t_words["all_agencies"], value="*"))
    for k, (g, indexes) in enumerate(groups):
        mine = [found[i] for i in indexes]
        dates = sorted(d for d in map(_start, mine) if d)
        summary.append(E.tr(E.td(E.a(g["name"], href=f"#ag{k}")),
                            *[E.td(str(sum(1 for x in mine if x.kind == kind))) for kind in ("task", "report", "request")],
                            E.td(dates[0] if dates else "—")))
        picker.append(E.option(g["name"], value=agency_ident(mine[0])))
    main.append(E.section({"class": "summary"}, E.h2(t_words["duties"]),
                          E.p({"class": "evidence"}, t_words["duties_count"].format(n=len(found), m=len(groups))),
                          summary))
    main.append(E.div({"class": "controls"},
                      E.label(t_words["agency"] + " ", picker),
                      E.label(E.input({"type": "checkbox", "id": "dated"}), " " + t_words["dated_only"]),
                      E.label(t_words["search"] + " ", E.input({"type": "search", "id": "q", "placeholder": t_words["search_hint"]}))))

    # by when: the dated duties in date order (a deadline's day, a period's first)
    dated = sorted(((t, s) for t, s in items if _start(t)), key=lambda x: (_start(x[0]), x[0].agency))
    calendar = E.section({"class": "calendar", "id": "calendar"}, E.h2(t_words["calendar"]))
    calendar.append(E.ol(*[_duty(t, t_words, with_agency=True, source=s) for t, s in dated]) if dated
                    else E.p({"class": "evidence"}, t_words["no_dates"]))
    main.append(calendar)

    for k, (g, indexes) in enumerate(groups):
        section = E.section({"class": "agency", "id": f"ag{k}", "data-agency": agency_ident(found[indexes[0]])},
                            E.h3(g["name"]))
        if g["aliases"]:
            section.append(E.div({"class": "aliases"}, t_words["also_written"] + " " + "; ".join(g["aliases"])))
        section.append(E.ul(*[_duty(items[i][0], t_words, with_agency=False, source=items[i][1]) for i in indexes]))
        main.append(section)
    body.append(E.script(DUTIES_JS))
    return "<!DOCTYPE html>\n" + etree.tostring(doc, encoding="unicode", method="html")
