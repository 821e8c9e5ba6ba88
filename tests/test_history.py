"""A series of versions: each clause followed through tth-2023 → tth-2024 → hue-2026."""

from __future__ import annotations

from lxml import html as lhtml

import plandiff
from tests.conftest import load


def test_lineages_follow_clauses_through_renumbering() -> None:
    h = plandiff.history([load("tth-2023"), load("tth-2024"), load("hue-2026")])
    lin = h.lineage_of(0, "II.1")
    assert lin is not None and lin.id == "v0:II.1"
    assert [s.clause for s in lin.steps] == ["II.1", "II.3", "II.3"]
    assert [s.status for s in lin.steps][:2] == ["appeared", "moved"]
    new = h.lineage_of(1, "II.1")
    assert new is not None and new.steps[0].status == "absent" and new.steps[1].status == "appeared"
    dropped = h.lineage_of(1, "IV.1.e")
    assert dropped is not None and dropped.steps[2].status == "dropped"
    # every clause of every version is in exactly one lineage
    for v, plan in enumerate(h.plans):
        ids = [lin.steps[v].clause for lin in h.lineages if lin.steps[v].clause]
        assert sorted(ids) == sorted(c.id for c in plan.walk())


def test_history_page() -> None:
    h = plandiff.history([load("tth-2023"), load("tth-2024"), load("hue-2026")])
    doc = lhtml.fromstring(plandiff.render_history_html(h))
    rows = doc.xpath("//tr[@data-lineage]")
    assert len(rows) == len(h.lineages)
    row = doc.xpath("//tr[@data-lineage='v0:II.5']")[0]
    assert [td.get("data-status") for td in row.xpath("./td[@data-status]")] == ["appeared", "moved", "modified"]
    assert row.xpath(".//ins") and row.xpath(".//del")


def test_lineages_read_in_the_newest_order_with_dropped_ones_in_place() -> None:
    h = plandiff.history([load("tth-2023"), load("tth-2024"), load("hue-2026")])
    ids = [lin.id for lin in h.lineages]
    assert ids.index("v1:II.1") < ids.index("v0:II.1")  # 2024's new II.1 reads before 2023's II.1 (now II.3)
    dropped = h.lineage_of(1, "IV.6.d")
    assert dropped is not None and dropped.steps[2].status == "dropped"
    assert ids[ids.index(dropped.id) - 1] == h.lineage_of(1, "IV.6.c").id
