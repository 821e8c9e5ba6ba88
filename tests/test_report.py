"""The HTML report: structure checked with lxml, and the page opened in headless Chromium."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import html as lhtml

import plandiff
from plandiff.render.html import KINDS
from tests.conftest import CHROMIUM, load


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
    # Vietnamese by default, English on request
    assert "Thêm (" in text and "Bỏ (" in text and "Tóm tắt" in text and doc.get("lang") == "vi"
    english = lhtml.fromstring(plandiff.render_html(al, citations=plandiff.compare_citations(al.a, al.b), lang="en"))
    assert "Added (" in english.text_content() and "Summary" in english.text_content() and english.get("lang") == "en"


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


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package chromium)")
def test_report_as_a_reader_uses_it(tmp_path: Path) -> None:
    """Click, type and print as a user does, with Playwright driving the system Chromium."""
    playwright = pytest.importorskip("playwright.sync_api")
    from io import BytesIO

    from pypdf import PdfReader

    al = plandiff.align(load("tth-2024"), load("hue-2026"))
    page_file = tmp_path / "report.html"
    page_file.write_text(plandiff.render_html(al, citations=plandiff.compare_citations(al.a, al.b)), encoding="utf-8")
    errors: list[str] = []
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-ready=true]")
        # the change list's links land on their rows
        link = page.locator("#changes a").first
        target = link.get_attribute("href")
        link.click()
        assert page.evaluate("location.hash") == target
        assert page.locator(target).is_visible() and page.locator(target).bounding_box()["y"] < 900
        # hiding unchanged rows keeps the headings above each shown change, as context
        page.uncheck("input.kind[value=unchanged]")
        context = page.locator("tr.context:visible")
        assert context.count() > 0
        assert all(page.locator(f'tr.row[data-b^="{b}."]:visible').count() for b in context.evaluate_all("rs => rs.map(r => r.dataset.b)"))
        # expected substitutions (place names, years) are marked and can be hidden
        subst = page.locator("tr.subst")
        assert subst.count() == len(_subst_pairs(al)) > 0
        page.check("#hide-subst")
        assert page.locator("tr.subst:visible:not(.context)").count() == 0  # one may stay above a change, as context
        page.uncheck("#hide-subst")
        # search finds a clause in both plans
        page.fill("#q", "Tháng hành động")
        shown = page.locator("tr.row:visible:not(.context)")
        assert shown.count() >= 1 and all("tháng hành động" in t.lower() for t in shown.all_inner_texts())
        page.fill("#q", "")
        # the status column is sized (the table's layout is fixed by its header row)
        assert page.locator("th.status").bounding_box()["width"] < 200
        # print: A4, and the colours kept
        page.emulate_media(media="print")
        assert page.evaluate("getComputedStyle(document.querySelector('ins')).printColorAdjust") == "exact"
        pdf = PdfReader(BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
        width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2
        page.emulate_media(media="screen")
        # a phone: summary first, no sideways scroll
        phone = browser.new_page(viewport={"width": 400, "height": 800})
        phone.goto(page_file.as_uri())
        phone.wait_for_selector("body[data-ready=true]")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 400
        assert phone.locator(".summary").bounding_box()["y"] < phone.locator("nav.toc").bounding_box()["y"]
        browser.close()
    assert errors == [] and requests == []


def _subst_pairs(al: plandiff.Alignment) -> set[tuple[str, str]]:
    from plandiff.render.html import _substitutions

    return _substitutions(al)


def test_the_page_warns_when_two_documents_share_almost_nothing() -> None:
    other = plandiff.parse_text("KẾ HOẠCH\nVề du lịch biển\nI. MỤC TIÊU\n1. Phát triển du lịch biển đảo bền vững.\n"
                                "2. Thu hút khách quốc tế.\n")
    page = lhtml.fromstring(plandiff.render_html(plandiff.align(other, load("tth-2024"))))
    assert page.xpath('//*[@id="little-shared"]')
    same = lhtml.fromstring(plandiff.render_html(plandiff.align(load("tth-2023"), load("tth-2024"))))
    assert not same.xpath('//*[@id="little-shared"]')


def test_moved_rows_name_the_headings_they_left_and_joined() -> None:
    al = plandiff.align(load("tth-2024"), load("hue-2026"))
    doc = lhtml.fromstring(plandiff.render_html(al))
    pair = next(p for p in al.pairs if p.reparented and "." in p.a and "." in p.b)
    row = doc.xpath(f'//tr[@data-a="{pair.a}"][@data-b="{pair.b}"]')[0]
    links = row.xpath('.//div[@class="relabel"]/a/@href')
    assert f"#a-{pair.a.rsplit('.', 1)[0]}" in links and f"#b-{pair.b.rsplit('.', 1)[0]}" in links
    assert doc.xpath(f'//*[@id="a-{pair.a.rsplit(".", 1)[0]}"]')


def test_word_diffs_worked_out_beforehand_make_the_same_page() -> None:
    """``plandiff diff`` works out the table's word diffs in another process: given them, the page
    is the same, and it is built from them (not worked out again)."""
    from plandiff.compare.worddiff import Edit
    from plandiff.render.html import table_word_diffs

    a, b = load("tth-2024"), load("hue-2026")
    al = plandiff.align(a, b)
    known = table_word_diffs(al)
    edited = [(a.find(p.a), b.find(p.b)) for p in al.pairs if p.edited and p.rule != "container"]
    assert len(known) >= len(edited) > 20
    assert all((ca.text, cb.text) in known for ca, cb in edited)
    assert plandiff.render_html(al, word_diffs=known) == plandiff.render_html(al)
    ca, cb = edited[0]
    marked = {**known, (ca.text, cb.text): [Edit("delete", ca.text), Edit("insert", cb.text)]}
    row = lhtml.fromstring(plandiff.render_html(al, word_diffs=marked)).xpath(f'//tr[@data-a="{ca.id}"][@data-b="{cb.id}"]')[0]
    assert [d.text_content() for d in row.xpath('.//td[contains(@class, "inline")]//del')] == [ca.text]


def test_a_plan_in_chapters_and_articles_links_to_ids_without_spaces() -> None:
    """A plan written as a regulation ("Chương I" / "Điều 1.") has clause ids with a space
    ("I.Điều 1"): its anchors hold none (an HTML id cannot), and every link finds its target."""
    old = plandiff.parse("KẾ HOẠCH\nThử nghiệm\n\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Kế hoạch này quy định.\n"
                         "Điều 2. Đối tượng\nCán bộ, công chức.\nChương II\nNHIỆM VỤ\nĐiều 3. Nhiệm vụ\na) Tuyên truyền.\n")
    new = plandiff.parse("KẾ HOẠCH\nThử nghiệm\n\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Kế hoạch này quy định.\n"
                         "Điều 2. Nhiệm vụ\na) Tuyên truyền rộng rãi.\nb) Kiểm tra.\nChương II\nĐIỀU KHOẢN THI HÀNH\n"
                         "Điều 3. Hiệu lực\nCán bộ, công chức thực hiện.\n")
    doc = lhtml.fromstring(plandiff.render_html(plandiff.align(old, new)))
    ids = {el.get("id") for el in doc.iter() if el.get("id")}
    assert "b-I.Điều_2" in ids and not any(" " in i for i in ids)
    from urllib.parse import unquote

    # (the serialiser writes a link's letters beyond ASCII percent-encoded, as browsers read them)
    targets = [unquote(a.get("href")[1:]) for a in doc.iter("a") if (a.get("href") or "").startswith("#")]
    assert targets and all(t in ids for t in targets)
