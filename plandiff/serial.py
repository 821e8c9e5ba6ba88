"""The model back from its dictionaries: the inverse of every ``to_dict`` (a store keeps plans as
JSON and gives back the same frozen objects). ``source`` travels beside the dictionary."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields, replace
from typing import Any, TypeVar

from .model import (
    Appendix,
    Artefact,
    Attached,
    Citation,
    Clause,
    Footnote,
    HeaderLine,
    Hint,
    Jurisdiction,
    Meta,
    Plan,
    Span,
    Table,
    Task,
)

T = TypeVar("T")


def _span(value: list[int] | None) -> Span:
    return Span(*value) if value else Span(0, 0)


def clause_from_dict(d: dict[str, Any]) -> Clause:
    return Clause(d["id"], d["label"], d["kind"], d["text"], tuple(clause_from_dict(c) for c in d.get("children", ())),
                  _span(d.get("span")), tuple(_table(t) for t in d.get("tables", ())))


def _table(t: dict[str, Any]) -> Table:
    return Table(tuple(tuple(r) for r in t["rows"]), _span(t.get("span")))


def _meta(d: dict[str, Any]) -> Meta:
    j = d.get("jurisdiction")
    fields = {k: v for k, v in d.items() if k != "jurisdiction"}
    for key in ("signature_authority", "stamps", "motto"):
        fields[key] = tuple(fields.get(key) or ())
    return Meta(**fields, jurisdiction=Jurisdiction(j["name"], j["level"]) if j else None)


def _appendix(d: dict[str, Any]) -> Appendix:
    return Appendix(d["label"], d["title"], d["ref"], d.get("text", ""),
                    tuple(clause_from_dict(c) for c in d.get("clauses", ())),
                    tuple(_table(t) for t in d.get("tables", ())),
                    _span(d.get("span")))


def plan_from_dict(d: dict[str, Any], *, source: str = "") -> Plan:
    """The plan ``Plan.to_dict`` described; ``source`` is its text (spans point into it)."""
    att = d.get("attached")
    return Plan(
        meta=_meta(d["meta"]),
        preamble=d["preamble"],
        clauses=tuple(clause_from_dict(c) for c in d["clauses"]),
        footnotes=tuple(Footnote(f["label"], f["text"], f["clause"], _span(f.get("span"))) for f in d.get("footnotes", ())),
        recipients=tuple(d.get("recipients", ())),
        signature=tuple(d.get("signature", ())),
        header=tuple(HeaderLine(h["role"], h["text"], _span(h.get("span"))) for h in d.get("header", ())),
        appendices=tuple(_appendix(a) for a in d.get("appendices", ())),
        articles=tuple(clause_from_dict(c) for c in d.get("articles", ())),
        attached=Attached(att["doc_type"], att["title"], att["ref"]) if att else None,
        artefacts=tuple(Artefact(a["kind"], a["text"], _span(a.get("span"))) for a in d.get("artefacts", ())),
        hints=tuple(Hint(h["kind"], _span(h.get("span"))) for h in d.get("hints", ())),
        source=source,
        name=d.get("name"),
    )


def translated(plan: Plan, table: dict[int, Any]) -> Plan:
    """The plan with every text in it translated by ``table`` (``str.translate``), its source and
    what its reader saw too; its name as it was (a file's name, not the plan's text). For a table
    that maps letters one for one the spans stay where they were."""
    def tr(value: Any) -> Any:
        if isinstance(value, str):
            return value.translate(table)
        if isinstance(value, dict):
            return {tr(k): tr(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [tr(v) for v in value]
        return value

    out = plan_from_dict(tr(plan.to_dict()), source=plan.source.translate(table))
    return replace(out, seen=plan.seen.translate(table), name=plan.name)


def translated_fields(item: T, table: dict[int, Any], *, keep: Collection[str] = ()) -> T:
    """A model object of one plan (a ``Citation``, a ``Task``) with its texts translated by
    ``table``, but for the fields named in ``keep`` (values of plandiff's own: an instrument's id,
    a body's key, a type)."""
    changes: dict[str, Any] = {}
    for f in fields(item):  # type: ignore[arg-type]
        value = getattr(item, f.name)
        if f.name in keep:
            continue
        if isinstance(value, str):
            changes[f.name] = value.translate(table)
        elif isinstance(value, tuple) and all(isinstance(x, str) for x in value):
            changes[f.name] = tuple(x.translate(table) for x in value)
    return replace(item, **changes)  # type: ignore[type-var]


def citation_from_dict(d: dict[str, Any]) -> Citation:
    return Citation(d["symbol"], d["type"], d["number"], d["year"], d["date"], d["issuer"], d["title"], d["role"],
                    d["clause"], _span(d.get("span")), d["instrument"], d.get("raw", ""), d.get("within"))


def task_from_dict(d: dict[str, Any]) -> Task:
    dates = d.get("period_dates")
    return Task(d["agency"], d["text"], d["kind"], _span(d.get("span")), d.get("agency_key"), tuple(d.get("partners") or ()),
                d.get("deadline"), d.get("period"), (dates[0], dates[1]) if dates else None, d.get("product"),
                d.get("clause"), d.get("appendix"), d.get("row"), d.get("to"), d.get("number"))
