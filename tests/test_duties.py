"""The duties page: one plan's tasks by agency and by date (``plandiff tasks FILE -o duties.html``),
read from the DOM as a browser builds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lhtml

import plandiff
from plandiff.tasks import agencies_of, tasks
from tests.conftest import FIXTURES, browser_page, needs_chromium

FIELD = FIXTURES / "field"
PLANS = [FIXTURES / "hue-2026.txt", FIELD / "nghean-phongthudansu-2025.md", FIELD / "hanoi-5giot-2025.md",
         FIELD / "luongminh-baucu-2025.docx"]


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_every_duty_once_under_its_agency_and_the_dated_ones_in_date_order(path: Path) -> None:
    plan = plandiff.parse(path)
    found = tasks(plan)
    doc = lhtml.fromstring(plandiff.render_duties_html(plan))
    sections = doc.xpath("//section[@class='agency']")
    assert len(sections) == len(agencies_of(found)) > 0
    listed = doc.xpath("//section[@class='agency']//li[@data-duty]")
    assert len(listed) == len(found)
    assert [li.get("data-kind") for li in listed] == [t.kind for group in agencies_of(found) for t in found
                                                      if (t.agency_key or f"name:{t.agency.lower()}")
                                                      == (group["key"] or f"name:{group['name'].lower()}")]
    # each duty under the body it falls to
    for section in sections:
        assert {li.get("data-agency") for li in section.xpath(".//li[@data-duty]")} == {section.get("data-agency")}
    # by when: every dated duty, earliest first
    starts = [li.get("data-start") for li in doc.xpath("//section[@id='calendar']//li[@data-duty]")]
    dated = [t for t in found if t.deadline or t.period_dates]
    assert len(starts) == len(dated) and starts == sorted(starts)
    # the counts at the top are the duties'
    rows = doc.xpath("//table[@class='agencies']//tr[td]")
    assert sum(int(td.text) for row in rows for td in row.xpath("./td")[1:4]) == len(found)


def test_the_page_in_vietnamese_and_in_english() -> None:
    plan = plandiff.parse(FIXTURES / "hue-2026.txt")
    vi, en = (lhtml.fromstring(plandiff.render_duties_html(plan, lang=lang)) for lang in ("vi", "en"))
    assert vi.get("lang") == "vi" and en.get("lang") == "en"
    assert {b.text for b in vi.xpath("//li[@data-kind='report']/span[@class='badge']")} == {"báo cáo"}
    assert {b.text for b in en.xpath("//li[@data-kind='report']/span[@class='badge']")} == {"report"}
    assert vi.xpath("//section[@id='calendar']/h2")[0].text == "Lịch thực hiện"
    # where each duty is, as every report says it: a clause, or an appendix and its row's number
    nghean = lhtml.fromstring(plandiff.render_duties_html(plandiff.parse(FIELD / "nghean-phongthudansu-2025.md")))
    assert any(p.text.startswith("PHỤ LỤC, TT II.") for p in nghean.xpath("//li[@data-duty]/span[@class='path']"))


def test_the_command_writes_the_page_and_sends_two_plans_to_the_comparison(tmp_path: Path) -> None:
    out = tmp_path / "duties.html"
    done = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "tasks", str(FIXTURES / "hue-2026.txt"), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert lhtml.fromstring(out.read_text(encoding="utf-8")).xpath("//section[@class='agency']")
    mine = tmp_path / "mine.html"
    done = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "tasks", str(FIXTURES / "hue-2026.txt"), "--agency",
                           "Sở Tư pháp", "-o", str(mine), "--lang", "en"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    page = lhtml.fromstring(mine.read_text(encoding="utf-8"))
    assert [s.xpath("./h3")[0].text for s in page.xpath("//section[@class='agency']")] == ["Sở Tư pháp"]
    two = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "tasks", str(FIXTURES / "tth-2024.txt"),
                          str(FIXTURES / "hue-2026.txt"), "-o", str(tmp_path / "two.html")], capture_output=True, text=True,
                         timeout=120)
    assert two.returncode == 2 and "plandiff diff" in two.stderr and "Traceback" not in two.stderr
    assert not (tmp_path / "two.html").exists()
    # the output's extension says what to write (a flag first); one no format has is refused
    for name, check in (("d.csv", lambda t: t.startswith("agency,agency_key,")), ("d.json", lambda t: '"agencies"' in t),
                        ("d.ics", lambda t: "BEGIN:VCALENDAR" in t)):
        done = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "tasks", str(FIXTURES / "hue-2026.txt"), "-o",
                               str(tmp_path / name)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert check((tmp_path / name).read_text(encoding="utf-8")), name
    wrong = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "tasks", str(FIXTURES / "hue-2026.txt"), "-o",
                            str(tmp_path / "d.xlsx")], capture_output=True, text=True, timeout=120)
    assert wrong.returncode == 2 and ".docx" in wrong.stderr and not (tmp_path / "d.xlsx").exists()


@needs_chromium
def test_the_page_picks_an_agency_dated_duties_and_words_in_a_browser(tmp_path: Path) -> None:
    plan = plandiff.parse(FIXTURES / "hue-2026.txt")
    found = tasks(plan)
    out = tmp_path / "duties.html"
    out.write_text(plandiff.render_duties_html(plan, found), encoding="utf-8")
    with browser_page(out.as_uri()) as (page, errors, requests):
        duties = page.locator("section.agency li[data-duty]")
        assert duties.count() == len(found) and page.locator("section.agency li[data-duty]:visible").count() == len(found)
        # one agency: its duties alone, in its section and in the calendar
        home = next(t for t in found if t.agency == "Sở Nội vụ")
        key = home.agency_key or f"name:{home.agency.lower()}"
        page.select_option("#agency", key)
        visible = page.locator("li[data-duty]:visible")
        mine = [t for t in found if (t.agency_key or f"name:{t.agency.lower()}") == key]
        dated_mine = [t for t in mine if t.deadline or t.period_dates]
        assert visible.count() == len(mine) + len(dated_mine)
        assert {visible.nth(k).get_attribute("data-agency") for k in range(visible.count())} == {key}
        assert page.locator("section.agency:visible").count() == 1
        # dated duties only, of every agency
        page.select_option("#agency", "*")
        page.check("#dated")
        dated = [t for t in found if t.deadline or t.period_dates]
        assert page.locator("section.agency li[data-duty]:visible").count() == len(dated)
        page.uncheck("#dated")
        # words: a duty's own
        page.fill("#q", "Tháng hành động")
        shown = page.locator("section.agency li[data-duty]:visible")
        assert 0 < shown.count() < len(found)
        assert all("tháng hành động" in shown.nth(k).inner_text().lower() for k in range(shown.count()))
    assert errors == [] and requests == []


@pytest.mark.parametrize("path", PLANS[:3], ids=[p.name for p in PLANS[:3]])
def test_the_duties_as_a_word_table(path: Path, tmp_path: Path) -> None:
    """``plandiff tasks FILE -o duties.docx``: the task table plans attach — a heading row for each
    agency, then its duties numbered from 1 with their lead, partners, time, product and place."""
    import docx

    plan = plandiff.parse(path)
    found = tasks(plan)
    out = tmp_path / "duties.docx"
    done = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "tasks", str(path), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (table,) = docx.Document(str(out)).tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:3] == ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"]
    groups = agencies_of(found)
    assert len(rows) == 1 + len(groups) + len(found)
    headings = [r for r in rows[1:] if not r[0].isdigit()]
    assert [r[1] for r in headings] == [g["name"] for g in groups]
    duties = [r for r in rows[1:] if r[0].isdigit()]
    assert sorted(r[1] for r in duties) == sorted(" ".join(t.text.split()) for t in found)
    assert {r[6] for r in duties} == {t.place for t in found}
    # numbered from 1 under each heading
    numbers: list[list[int]] = []
    for r in rows[1:]:
        if r[0].isdigit():
            numbers[-1].append(int(r[0]))
        else:
            numbers.append([])
    assert all(n == list(range(1, len(n) + 1)) for n in numbers)
