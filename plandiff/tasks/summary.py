"""The agencies of a list of tasks: each body once, under the name it is printed with most fully,
with the other spellings as aliases."""

from __future__ import annotations

from typing import Any

from ..model import Task


def agencies_of(found: list[Task]) -> list[dict[str, Any]]:
    """``[{"name", "key", "aliases", "tasks"}]`` in the order the bodies first appear."""
    groups: dict[str, dict[str, Any]] = {}
    for t in found:
        ident = t.agency_key or f"name:{t.agency.lower()}"
        g = groups.setdefault(ident, {"name": t.agency, "key": t.agency_key, "aliases": [], "tasks": 0})
        g["tasks"] += 1
        if t.agency != g["name"] and t.agency not in g["aliases"]:
            g["aliases"].append(t.agency)
    return list(groups.values())
