"""Tasks for people and programs: a table by agency, CSV, iCalendar (with the ``icalendar``
library), and the comparison of two plans' duties as text."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date, timedelta
from typing import Any

from ..errors import MissingDependency
from ..model import Task
from .summary import agencies_with_tasks

CSV_FIELDS = ("agency", "agency_key", "kind", "deadline", "period", "clause", "appendix", "row", "number", "partners", "product",
              "text")


def by_agency(found: list[Task], *, width: int = 100, lang: str = "vi") -> str:
    """Each agency with its tasks: clause (or appendix row), kind (in ``lang``'s words), when, and
    the text."""
    from ..render.words import language

    kinds = language(lang)["kind_names"]
    if not found:
        return language(lang)["no_duties"] + "\n"
    out: list[str] = []
    for agency, indexes in agencies_with_tasks(found):
        mine = [found[k] for k in indexes]
        names = " / ".join([agency["name"], *agency["aliases"]])
        out.append(f"{names} ({len(mine)})")
        for t in mine:
            where = t.place
            when = t.deadline or t.period or ""
            text = " ".join(t.text.split())
            if len(text) > width:
                text = text[: width - 1] + "…"
            out.append(f"  {where:10} {kinds.get(t.kind, t.kind):9} {when:12} {text}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_csv(found: list[Task], *, sources: list[str] | None = None) -> str:
    """One task a row (``sources``: each task's document, a first column, for a corpus's tasks)."""
    buf = io.StringIO()
    fields = ("document", *CSV_FIELDS) if sources is not None else CSV_FIELDS
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for k, t in enumerate(found):
        row = t.to_dict()
        out = {f: "; ".join(row[f]) if f == "partners" else ("" if row[f] is None else row[f]) for f in CSV_FIELDS}
        if sources is not None:
            out["document"] = sources[k]
        writer.writerow(out)
    return buf.getvalue()


def to_ics(found: list[Task], *, name: str = "plandiff") -> bytes:
    """An iCalendar file of the dated tasks and report deadlines: an all-day event on each
    deadline, and one over each period that is a date range."""
    try:
        import icalendar
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise MissingDependency("calendar output needs icalendar: pip install 'plandiff[ics]'") from exc
    cal = icalendar.Calendar()
    cal.add("prodid", "-//plandiff//tasks//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for k, t in enumerate(found):
        if t.deadline:
            start = end = date.fromisoformat(t.deadline)
        elif t.period_dates:
            start, end = (date.fromisoformat(x) for x in t.period_dates)
        else:
            continue
        event = icalendar.Event()
        uid = hashlib.sha1(f"{name}|{t.clause}|{t.appendix}|{t.row}|{k}|{t.text}".encode()).hexdigest()
        event.add("uid", f"{uid}@plandiff")
        event.add("summary", f"{'Báo cáo' if t.kind == 'report' else 'Hạn'}: {t.agency} — {' '.join(t.text.split())[:90]}")
        event.add("description", f"{t.text}\n\n{t.place}" + (f" · {t.period}" if t.period else ""))
        event.add("dtstart", start)
        event.add("dtend", end + timedelta(days=1))
        event.add("categories", [t.kind])
        cal.add_component(event)
    return cal.to_ical()


def comparison_text(d: dict[str, Any], *, lang: str = "vi") -> str:
    """Two plans' duties compared (``TaskComparison.to_dict()``) as text, in ``lang``'s words."""
    from ..render.words import language

    t = language(lang)
    status = {k: v.split(" ", 1)[1] for k, v in t["task_status"].items()}
    out = []
    for row in d["agencies"]:
        c = row["counts"]
        shown = ", ".join(f"{v} {status.get(k, k)}" for k, v in c.items() if v)
        relation = t["relations"].get(row["relation"], row["relation"])
        out.append(f"{relation:16} {row['a'] or '—'} → {row['b'] or '—'}" + (f": {shown}" if shown else ""))
    if d["moved"]:
        out.append("")
        out.extend(f"{t['moved_label']:16} {m['a']} → {m['b']}: {m['from']} → {m['to']} ({t['via'].get(m['via'], m['via'])})"
                   for m in d["moved"])
    if d["deadlines"]:
        out.append("")
        out.extend(f"{t['deadline_label']:16} {x['a']} → {x['b']} {x['agency']}: {x['from']} → {x['to']}" for x in d["deadlines"])
    return "\n".join(out) + "\n"
