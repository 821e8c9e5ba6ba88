"""The agencies of a list of tasks: each body once, under the name it is printed with most fully,
with the other spellings as aliases."""

from __future__ import annotations

from typing import Any

from ..model import Task


def agency_ident(t: Task) -> str:
    """The body a task falls to: its key, else its name as printed (in lower case)."""
    return t.agency_key or f"name:{t.agency.lower()}"


def agencies_with_tasks(found: list[Task]) -> list[tuple[dict[str, Any], list[int]]]:
    """``agencies_of(found)``, each body with the indexes of its tasks in ``found``: grouped in one
    pass, for the renderers that list each body's tasks under it."""
    groups: dict[str, tuple[dict[str, Any], list[int]]] = {}
    for k, t in enumerate(found):
        g, mine = groups.setdefault(agency_ident(t), ({"name": t.agency, "key": t.agency_key, "aliases": [], "tasks": 0}, []))
        g["tasks"] += 1
        mine.append(k)
        if t.agency != g["name"] and t.agency not in g["aliases"]:
            g["aliases"].append(t.agency)
    return list(groups.values())


def agencies_of(found: list[Task]) -> list[dict[str, Any]]:
    """``[{"name", "key", "aliases", "tasks"}]`` in the order the bodies first appear."""
    return [g for g, _ in agencies_with_tasks(found)]
