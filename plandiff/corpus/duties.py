"""Duties across a corpus: what one agency (or every agency) must do under all the current plans
of a store, and by when — the question a department asks of a whole province's plans
(``plandiff corpus tasks --agency "Sở Y tế" --since 2026-01-01``).

The store keeps each plan's tasks as it indexed them (``store.tasks``, an index on the body's
key); this module reads them back as ``Task`` objects beside their ``Document`` and filters them
by body and by dates. Reading only: nothing is parsed again.
"""

from __future__ import annotations

from typing import Any

from ..compiled import dataclass
from ..model import Task
from ..serial import task_from_dict
from .store import Document, Store


@dataclass(frozen=True, slots=True)
class Duty:
    """One task of one current document of the corpus."""

    document: Document
    task: Task

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {"document": {"id": d.id, "name": d.name, "path": d.path, "number": d.number, "issuer": d.issuer,
                             "date": d.date, "doc_type": d.doc_type, "title": d.title},
                "task": self.task.to_dict()}


def dates_of(t: Task) -> tuple[str, str] | None:
    """The days a task covers: its deadline's, or its period's range; None when it has no date."""
    if t.deadline:
        return t.deadline, t.deadline
    return t.period_dates


def duties(store: Store, *, agency: str | None = None, since: str | None = None, until: str | None = None,
           predecessors: bool = False) -> list[Duty]:
    """The tasks of the corpus's current documents: of one body when ``agency`` is given (any
    spelling or abbreviation its key knows, else the words of its name; with ``predecessors``,
    also the duties older plans gave the bodies whose duties went to it in the 2025
    reorganisation, each to the successor its words name), dated within ``since`` … ``until``
    (ISO days, either end open; a dated task counts when its days meet the range, an undated one
    is left out once a range is asked), the dated first, earliest first."""
    from .. import agencies

    key = agencies.key_of(agency) if agency else None
    documents = {d.id: d for d in store.documents()}
    before = sorted(k for k, options in agencies.successions().items() if key and any(o.key == key for o in options)) \
        if predecessors else []
    rows = [*store.task_rows(key), *(row for k in before for row in store.task_rows(k))] if key else store.task_rows()
    out: list[Duty] = []
    for doc, data in rows:
        task = task_from_dict(data)
        if agency and not key and agency.lower() not in task.agency.lower():
            continue
        if key and task.agency_key != key and agencies.successor(task.agency_key, task.text) != key:
            continue  # a predecessor's duty that went to another of its successors
        if since or until:
            days = dates_of(task)
            if days is None or (since and days[1] < since) or (until and days[0] > until):
                continue
        out.append(Duty(documents[doc], task))
    out.sort(key=lambda d: (dates_of(d.task) or ("9999-12-31",))[0])
    return out
