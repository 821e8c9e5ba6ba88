"""A series of versions: each clause followed through tth-2023 → tth-2024 → hue-2026."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lhtml

import plandiff
from tests.conftest import CHROMIUM, load, needs_chromium


def test_lineages_follow_clauses_through_renumbering() -> None:
    h = plandiff.history([load("tth-2023"), load("tth-2024"), load("hue-2026")])
    lin = h.lineage_of(0, "II.1")
    assert lin is not None and lin.id == "v0:II.1"
    assert [s.clause for s in lin.steps] == ["II.1", "II.3", "II.3"]
    assert [s.status for s in lin.steps][:2] == ["appeared", "moved"]
    new = h.lineage_of(1, "II.1")
    assert new is not None and new.steps[0].status == "absent" and new.steps[1].status == "appeared"
    merged = h.lineage_of(1, "IV.1.e")  # merged into IV.1.đ in 2026, as the two-plan alignment says
    assert merged is not None and (merged.steps[2].clause, merged.steps[2].status) == ("IV.1.đ", "merged_into")
    # every clause of every version continues exactly one lineage (a merged step points at the
    # clause the lineage went into, which continues another)
    for v, plan in enumerate(h.plans):
        ids = [lin.steps[v].clause for lin in h.lineages if lin.steps[v].clause and lin.steps[v].status != "merged_into"]
        assert sorted(ids) == sorted(c.id for c in plan.walk())
        into = {lin.steps[v].clause for lin in h.lineages if lin.steps[v].status == "merged_into"}
        assert into <= {c.id for c in plan.walk()}


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


def test_history_agrees_with_the_two_plan_alignments_on_merges_and_splits() -> None:
    plans = [load("tth-2023"), load("tth-2024"), load("hue-2026")]
    h = plandiff.history(plans)
    for v, al in enumerate(h.alignments, start=1):
        paired_a = {p.a for p in al.pairs}
        for lin in h.lineages:
            before, now = lin.steps[v - 1], lin.steps[v]
            if before.clause in paired_a:
                assert now.status != "dropped", (h.name_of(lin), before.clause)
    info = h.lineage_of(1, "IV.6")
    assert [s.status for s in info.steps] == ["appeared", "unchanged", "merged_into"]
    assert h.name_of(info).startswith("IV.6 Sở Thông tin và Truyền thông (tth-2024) → IV.4")


@needs_chromium
def test_history_page_filters_and_searches(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    h = plandiff.history([load("tth-2023"), load("tth-2024"), load("hue-2026")])
    page_file = tmp_path / "history.html"
    page_file.write_text(plandiff.render_history_html(h), encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-ready=true]")
        total = page.locator("tr.row:visible").count()
        page.check("#changed-only")
        changed = page.locator("tr.row:visible").count()
        assert 0 < changed < total
        assert all(r == "1" for r in page.locator("tr.row:visible").evaluate_all("rs => rs.map(r => r.dataset.changed)"))
        page.uncheck("#changed-only")
        page.fill("#q", "Sở Thông tin và Truyền thông")
        assert page.locator("tr.row:visible").count() >= 1
        # per-version counts are shown, and names are paths in the newest version, not ids
        assert page.locator("table.counts tr").count() == 4
        assert not page.locator("tr.row td.status").first.inner_text().startswith("v0:")
        browser.close()
