"""Jurisdictions and their successions (a province that became a city keeps its plans' lineage)."""

from __future__ import annotations

from functools import cache

from .datafiles import read_text
from .model import Jurisdiction
from .textnorm import match_key

LEVELS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "phường", "xã")
"""The levels of local government, longest first (a pattern tries them in this order): "đặc khu"
(a special zone, since 2025) is a commune's. One list for the header, the citations and the corpus."""
LEVELS_RE = "|".join(LEVELS)


@cache
def successions() -> tuple[tuple[Jurisdiction, Jurisdiction, str], ...]:
    import json  # (on first use: the parser needs only ``LEVELS`` of this module)

    data = json.loads(read_text("successions.json"))
    return tuple(
        (Jurisdiction(s["old"]["name"], s["old"]["level"]), Jurisdiction(s["new"]["name"], s["new"]["level"]), s["effective"])
        for s in data["successions"]
    )


def canonical(j: Jurisdiction | None) -> str | None:
    """A key that is the same for an authority and its successor: the newest name."""
    if j is None:
        return None
    name = match_key(j.name)
    changed = True
    while changed:
        changed = False
        for old, new, _ in successions():
            if match_key(old.name) == name:
                name = match_key(new.name)
                changed = True
    return name


def same_authority(a: Jurisdiction | None, b: Jurisdiction | None) -> bool:
    return a is not None and b is not None and canonical(a) == canonical(b)
