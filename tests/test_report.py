"""The HTML report: structure checked with lxml, and the page opened in headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lhtml

import plandiff
from plandiff.render_html import KINDS
from tests.conftest import load


@pytest.fixture(scope="module")
def report() -> tuple[plandiff.Alignment, str]:
    al = plandiff.align(load("tth-2024"), load("hue-2026"))
    return al, plandiff.render_html(al, citations=plandiff.compare_citations(al.a, al.b))


def test_every_row_is_machine_readable(report: tuple[plandiff.Alignment, str]) -> None:
    al, page = report
    doc = lhtml.fromstring(page)
    rows = doc.xpath("//tr[@data-kind]")
    assert {r.get("data-kind") for r in rows} <= set(KINDS)
    ids_a = {c.id for c in al.a.walk()}
    ids_b = {c.id for c in al.b.walk()}
    for r in rows:
        kind = r.get("data-kind")
        assert (r.get("data-a") in ids_a) == (kind != "added")
        assert (r.get("data-b") in ids_b) == (kind != "removed")
    pair_rows = {(r.get("data-a"), r.get("data-b")) for r in rows if r.get("data-a") and r.get("data-b")}
    assert pair_rows == {(p.a, p.b) for p in al.pairs}
    assert {r.get("data-a") for r in rows if r.get("data-kind") == "removed"} == set(al.removed)
    assert {r.get("data-b") for r in rows if r.get("data-kind") == "added"} == set(al.added)


def test_word_changes_are_ins_and_del_and_moves_link_both_ways(report: tuple[plandiff.Alignment, str]) -> None:
    _, page = report
    doc = lhtml.fromstring(page)
    row = doc.xpath("//tr[@data-a='I.1'][@data-b='I.1']")[0]
    assert [d.text for d in row.xpath(".//td[contains(@class,'inline')]//del")] == ["tỉnh", "tỉnh"]
    assert [i.text for i in row.xpath(".//td[contains(@class,'inline')]//ins")] == ["thành phố", "thành phố"]
    merged = doc.xpath("//tr[@data-a='IV.2'][@data-b='IV.1']")[0]
    assert merged.get("data-kind") == "merged"
    assert "#a-IV.1" in [a.get("href") for a in merged.xpath(".//a")]
    assert doc.xpath("//*[@id='a-IV.1']") and doc.xpath("//*[@id='b-IV.1']")
    relabel = doc.xpath("//tr[@data-a='IV.9'][@data-b='IV.4']//div[@class='relabel']")
    assert relabel and relabel[0].text == "9. → 4."


def test_summary_header_filters_and_no_external_resources(report: tuple[plandiff.Alignment, str]) -> None:
    al, page = report
    doc = lhtml.fromstring(page)
    text = doc.text_content()
    assert "14/KH-UBND" in text and "60/KH-UBND" in text
    counts = al.counts()
    checkboxes = doc.xpath("//input[@class='kind']")
    assert {c.get("value") for c in checkboxes} == set(KINDS)
    assert f"({counts['moved']})" in text
    assert not doc.xpath("//*[@src]") and not doc.xpath("//link")
    assert all(h.startswith("#") for h in doc.xpath("//a/@href"))
    assert "Added (" in text and "Dropped (" in text


def test_plan_text_is_escaped() -> None:
    evil = "KẾ HOẠCH\nThử\n\nI. NỘI DUNG\n1. Giữ nguyên <script>alert(1)</script> & “ngoặc”.\n"
    other = evil.replace("Giữ nguyên", "Sửa đổi")
    page = plandiff.render_html(plandiff.align(plandiff.parse(evil), plandiff.parse(other)))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    doc = lhtml.fromstring(page)
    assert len(doc.xpath("//script")) == 2  # the page's own data and code


def test_report_on_a_large_plan_stays_linear() -> None:
    from tests.synthetic import grow

    big = grow(load("tth-2024"), 21)
    al = plandiff.align(big, big)
    page = plandiff.render_html(al)
    assert page.count('data-kind="unchanged"') == len(list(big.walk())) > 2000


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _chromium_args(tmp_path: Path) -> list[str]:
    assert CHROMIUM is not None
    return [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000"]


def _open_in_chromium(page: str, tmp_path: Path, name: str) -> lhtml.HtmlElement:
    """The DOM after the page's scripts ran; fails on any console error."""
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    done = subprocess.run([*_chromium_args(tmp_path), "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [ln for ln in done.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln]
    assert not console, console
    return lhtml.fromstring(done.stdout)


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package chromium)")
def test_history_and_graph_pages_open_in_chromium(tmp_path: Path) -> None:
    plans = [load("tth-2023"), load("tth-2024"), load("hue-2026")]
    dom = _open_in_chromium(plandiff.render_history_html(plandiff.history(plans)), tmp_path, "history.html")
    assert dom.xpath("//tr[@data-lineage]")
    dom = _open_in_chromium(plandiff.CitationGraph(plans).write(tmp_path / "g.html"), tmp_path, "graph.html")
    assert dom.xpath("//*[local-name()='g'][@data-id]") and dom.xpath("//body[@data-ready='true']")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package chromium)")
def test_report_opens_in_chromium_without_console_errors(report: tuple[plandiff.Alignment, str], tmp_path: Path) -> None:
    _, page = report
    dom = _open_in_chromium(page, tmp_path, "report.html")
    path = tmp_path / "report.html"
    args = _chromium_args(tmp_path)
    # the script ran to its end, and with every kind checked no row is hidden
    assert dom.xpath("//body[@data-ready='true']")
    assert dom.xpath("//tr[@data-kind]") and not dom.xpath("//tr[@data-kind][@hidden]")
    shot = tmp_path / "report.png"
    subprocess.run([*args, f"--screenshot={shot}", "--window-size=1400,1000", path.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
