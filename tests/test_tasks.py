"""Who must do what, by when: tasks, agencies with identity, duties compared (hand-checked on the
fixtures and on built inputs)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import plandiff
from plandiff.tasks import agencies, agencies_of, compare_tasks, tasks
from plandiff.tasks.render import to_csv, to_ics
from plandiff.tasks.timing import when
from plandiff.textnorm import match_key

from .conftest import FIXTURES, browser_page, load, needs_chromium

FIELD = FIXTURES / "field"


def _implementation_counts(plan: plandiff.Plan) -> dict[str, int]:
    counts: dict[str, int] = {}
    for t in tasks(plan):
        if t.clause and t.clause.startswith("IV."):
            counts[t.agency] = counts.get(t.agency, 0) + 1
    return counts


def test_every_agency_of_the_implementation_section_with_its_tasks() -> None:
    # tth-2024, section IV, read by hand: an item per agency, a task per point or paragraph
    assert _implementation_counts(load("tth-2024")) == {
        "Sở Lao động - Thương binh và Xã hội": 6, "Sở Nội vụ": 3, "Sở Kế hoạch và đầu tư": 2, "Sở Tài chính": 1,
        "Sở Tư pháp": 1, "Sở Thông tin và Truyền thông": 4, "Sở Giáo dục và Đào tạo": 3, "Sở Y tế": 3,
        "Sở Văn hóa và Thể thao": 3, "Ban Dân tộc tỉnh": 2, "Công an tỉnh": 2,
        "Báo Thừa Thiên Huế, Đài Phát thanh và Truyền hình tỉnh": 1, "UBND thành phố Huế, các thị xã và các huyện": 3,
        "Cục Thống kê tỉnh": 1, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức thành viên": 2,
    }
    hue = _implementation_counts(load("hue-2026"))
    assert hue["Sở Nội vụ"] == 9 and hue["Sở Văn hóa và Thể thao"] == 6 and hue["UBND các phường, xã"] == 5
    assert "Sở Lao động - Thương binh và Xã hội" not in hue and "Sở Thông tin và Truyền thông" not in hue


def test_a_section_set_out_by_agency_whatever_its_heading_says() -> None:
    """Cần Thơ's population plan sets its "II. NỘI DUNG THỰC HIỆN" out by agency ("1. Sở Y tế" and its
    points a) … o), "2. Sở Tài chính" …): each point is that body's duty, as under "TỔ CHỨC THỰC HIỆN"."""
    plan = plandiff.parse(FIELD / "cantho-danso-2025.md")
    section = plan.find("II")
    assert section is not None
    by_agency: dict[str, list[str]] = {}
    for t in tasks(plan):
        if t.clause and t.clause.startswith("II."):
            by_agency.setdefault(t.agency, []).append(t.clause)
    for item in section.children:  # every item's points (or its own text) under that item's body
        name = item.heading.split(":")[0].strip()
        if name.startswith("Đề nghị"):
            name = name.removeprefix("Đề nghị").strip()
        assert name in by_agency, name
        assert len(by_agency[name]) == max(1, len(item.children)), name
    # a list of tasks under headings that name no body is no such section
    assert not any(t.clause and t.clause.startswith("I.") for t in tasks(plan))


def test_requests_to_bodies_the_committee_does_not_command() -> None:
    front = [t for t in tasks(load("tth-2024")) if t.agency.startswith("Ủy ban Mặt trận")]
    assert front and {t.kind for t in front} == {"request"}


def test_report_deadlines_of_hue_2026() -> None:
    dated = sorted((t.deadline, t.kind, t.agency) for t in tasks(load("hue-2026")) if t.deadline)
    assert [(d, k) for d, k, _ in dated] == [("2026-02-10", "task"), ("2026-12-10", "report"), ("2026-12-15", "report")]
    assert dated[-1][2] == "Sở Nội vụ"


def test_duties_of_abolished_departments_found_under_their_successors() -> None:
    result = compare_tasks(load("tth-2024"), load("hue-2026")).to_dict()
    moved = {(m["a"], m["from"], m["to"], m["via"]) for m in result["moved"]}
    labour = {a for a, f, to, via in moved if f == "Sở Lao động - Thương binh và Xã hội" and to == "Sở Nội vụ" and via == "succession"}
    assert {"IV.1.a", "IV.1.b", "IV.1.c", "IV.1.d", "IV.1.đ"} <= labour
    info = {a for a, f, to, via in moved if f == "Sở Thông tin và Truyền thông" and to == "Sở Văn hóa và Thể thao" and via == "succession"}
    assert {"IV.6.a", "IV.6.b", "IV.6.c"} <= info
    relations = {(r["a"], r["b"]): r["relation"] for r in result["agencies"]}
    assert relations[("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ")] == "succeeded"
    assert relations[("Sở Kế hoạch và đầu tư", "Sở Tài chính")] == "succeeded"
    assert relations[("Công an tỉnh", "Công an thành phố")] == "renamed"
    assert relations[("Sở Y tế", "Sở Y tế")] == "same"
    changes = {(d["from"], d["to"]) for d in result["deadlines"]}
    assert ("2024-12-10", "2026-12-15") in changes


def test_agency_names_point_back_to_the_text() -> None:
    for plan in (load("tth-2024"), load("hue-2026"), plandiff.parse(FIELD / "nghean-phongthudansu-2025.md"),
                 plandiff.parse(FIELD / "bacninh-ktso-2025.md")):
        source = " ".join(plan.source.split())
        for t in tasks(plan):
            assert " ".join(t.agency.split()) in source, t.agency


BUILT = """ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Số: 30/KH-UBND
Ninh Bình, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
Phòng, chống bạo lực gia đình năm 2026

I. NỘI DUNG
1. Truyền thông về phòng, chống bạo lực gia đình. Giao Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo, Công an tỉnh xây dựng tài liệu trước ngày 31/3/2026.
2. Đề nghị Hội Liên hiệp Phụ nữ tỉnh vận động hội viên tham gia trong Quý II/2026.
II. TỔ CHỨC THỰC HIỆN
1. Sở LĐ-TB&XH
a) Chủ trì tổ chức tập huấn cho cán bộ cơ sở trong tháng 9/2026.
b) Tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 15 tháng 12 năm 2026.
2. Sở Văn hóa, Thể thao và Du lịch: Tổ chức các hoạt động truyền thông hằng năm.

Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình

PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 30/KH-UBND ngày 10/01/2026 của UBND tỉnh)

Thời hạn\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tSản phẩm
Quý III/2026\tKhảo sát tình hình bạo lực gia đình\tSở Y tế\tCông an tỉnh; Hội Liên hiệp Phụ nữ tỉnh\tBáo cáo khảo sát
Trước ngày 30/11/2026\tTổ chức hội nghị tổng kết\tSở Văn hóa, Thể thao và Du lịch\t\tHội nghị
"""


def test_tasks_from_sentences_items_and_a_task_table() -> None:
    found = tasks(plandiff.parse_text(BUILT))
    by_text = {t.text: t for t in found}
    giao = next(t for t in found if t.clause == "I.1")
    assert (giao.agency, giao.deadline, giao.kind) == ("Sở Y tế", "2026-03-31", "task")
    assert giao.partners == ("Sở Giáo dục và Đào tạo", "Công an tỉnh")
    hoi = next(t for t in found if t.clause == "I.2")
    assert (hoi.agency, hoi.kind, hoi.period, hoi.period_dates) == ("Hội Liên hiệp Phụ nữ tỉnh", "request", "Quý II/2026",
                                                                   ("2026-04-01", "2026-06-30"))
    training = by_text["Chủ trì tổ chức tập huấn cho cán bộ cơ sở trong tháng 9/2026."]
    assert (training.agency, training.agency_key, training.period_dates) == ("Sở LĐ-TB&XH", "ld-tb-xh", ("2026-09-01", "2026-09-30"))
    report = by_text["Tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 15 tháng 12 năm 2026."]
    assert (report.kind, report.deadline, report.clause) == ("report", "2026-12-15", "II.1.b")
    culture = by_text["Tổ chức các hoạt động truyền thông hằng năm."]
    assert (culture.agency, culture.period) == ("Sở Văn hóa, Thể thao và Du lịch", "hằng năm")
    survey, meeting = (t for t in found if t.appendix == "PHỤ LỤC")
    assert (survey.agency, survey.partners, survey.product, survey.row) == (
        "Sở Y tế", ("Công an tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"), "Báo cáo khảo sát", 2)
    assert (survey.period, survey.period_dates) == ("Quý III/2026", ("2026-07-01", "2026-09-30"))
    assert (meeting.deadline, meeting.product) == ("2026-11-30", "Hội nghị")


@pytest.mark.parametrize(("spelling", "key"), [
    ("Sở Lao động - Thương binh và Xã hội", "ld-tb-xh"), ("Sở LĐTBXH", "ld-tb-xh"), ("Sở LĐ-TB&XH", "ld-tb-xh"),
    ("Phòng Lao động - Thương binh và Xã hội", "ld-tb-xh"), ("Sở Văn hóa và Thể thao", "van-hoa"),
    ("Sở VH,TT&DL", "van-hoa"), ("UBND các phường, xã", "ubnd-cap-duoi"), ("Đề nghị Ủy ban MTTQ tỉnh", "mttq"),
    ("Công an thành phố", "cong-an"), ("Sở Kế hoạch và Đầu tư", "ke-hoach-dau-tu"), ("Sở Tài chính", "tai-chinh"),
    # the bodies of ministries in a province, as 2025 named them, and the one-stop service centre
    ("Thuế tỉnh", "thue"), ("Cục Thuế tỉnh", "thue"), ("Kho bạc Nhà nước khu vực VII", "kho-bac"),
    ("Ngân hàng Nhà nước chi nhánh tỉnh", "nhnn"), ("Trung tâm Phục vụ hành chính công tỉnh", "hanh-chinh-cong"),
    # "và" left out of a name, and a district's departments as a group
    ("Sở Thông tin truyền thông", "tt-tt"), ("Các phòng, ban, ngành, đoàn thể huyện", "cac-so-nganh"),
    ("Phòng Văn hóa - Thông tin", "van-hoa"),
])
def test_agencies_have_one_identity_across_spellings_and_levels(spelling: str, key: str) -> None:
    assert agencies.key_of(spelling) == key


def test_a_duty_of_a_department_with_two_successors_goes_where_its_words_say() -> None:
    assert agencies.successor("tt-tt", "Quản lý báo chí, xuất bản và thông tin cơ sở") == "van-hoa"
    assert agencies.successor("tt-tt", "Chuyển đổi số, hạ tầng viễn thông") == "kh-cn"
    assert agencies.successor("ld-tb-xh", "Bảo vệ, chăm sóc trẻ em") == "y-te"
    assert agencies.successor("ld-tb-xh", "Lao động, việc làm, tiền lương") == "noi-vu"
    assert agencies.successor("tu-phap", "x") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("trước ngày 15/12/2026", ("2026-12-15", None, None)),
    ("chậm nhất ngày 5 tháng 3 năm 2026", ("2026-03-05", None, None)),
    ("Quý IV/2026", (None, "Quý IV/2026", ("2026-10-01", "2026-12-31"))),
    ("6 tháng đầu năm 2026", (None, "6 tháng đầu năm 2026", ("2026-01-01", "2026-06-30"))),
    ("thực hiện thường xuyên", (None, "thường xuyên", None)),
    ("gửi Sở Tài chính trước ngày 15/11 hằng năm để tổng hợp", (None, "trước ngày 15/11 hằng năm", None)),
    ("báo cáo kết quả trước ngày 20 hằng tháng", (None, "trước ngày 20 hằng tháng", None)),
    ("chậm nhất ngày 10 tháng 12 hàng năm", (None, "chậm nhất ngày 10 tháng 12 hàng năm", None)),
    ("theo Kế hoạch số 14/KH-UBND ngày 12/01/2024", (None, None, None)),  # a date naming an instrument is no deadline
    # a deadline printed without its year: kept as printed, not dated by a guess
    ("Báo cáo kết quả về UBND tỉnh trước ngày 15/12.", (None, "trước ngày 15/12", None)),
    ("hoàn thành chậm nhất ngày 20 tháng 6.", (None, "chậm nhất ngày 20 tháng 6", None)),
    ("đạt 12/15 xã trước năm 2026", (None, None, None)),
    # a range of periods: from the first's start to the second's end; the first named comes first
    ("Quý IV/2025- Quý II/2026", (None, "Quý IV/2025- Quý II/2026", ("2025-10-01", "2026-06-30"))),
    ("thực hiện từ tháng 12/2025 đến quý I/2026", (None, "tháng 12/2025 đến quý I/2026", ("2025-12-01", "2026-03-31"))),
    ("Quý IV/2025 và Quý I/2026", (None, "Quý IV/2025 và Quý I/2026", ("2025-10-01", "2026-03-31"))),
    ("Quý I/2026 và Quý IV/2026", (None, "Quý I/2026", ("2026-01-01", "2026-03-31"))),  # not one period
    ("Quý II/2026 - Quý I/2026", (None, "Quý II/2026", ("2026-04-01", "2026-06-30"))),  # no range runs back
    ("Quý III Năm 2026", (None, "Quý III Năm 2026", ("2026-07-01", "2026-09-30"))),
    # a month's last day: February's in a leap year and not, December's in the year it closes
    ("tháng 2/2028", (None, "tháng 2/2028", ("2028-02-01", "2028-02-29"))),
    ("tháng 2/2027", (None, "tháng 2/2027", ("2027-02-01", "2027-02-28"))),
    ("tháng 12/2026", (None, "tháng 12/2026", ("2026-12-01", "2026-12-31"))),
    ("hoàn thành trước ngày 29/02/2027", (None, None, None)),  # no such day: no deadline
    # days from one to another (the Month of Action): the first's year is the last's where it
    # prints none, the year before when the span runs over the new year; each year's, as printed
    ("Tổ chức Tháng hành động từ ngày 15/11 đến ngày 15/12/2025.",
     (None, "từ ngày 15/11 đến ngày 15/12/2025", ("2025-11-15", "2025-12-15"))),
    ("từ 15/11 – 15/12/2026", (None, "từ 15/11 – 15/12/2026", ("2026-11-15", "2026-12-15"))),
    ("(từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2025)",
     (None, "từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2025", ("2025-11-15", "2025-12-15"))),
    ("từ 15/12 đến 15/01/2026", (None, "từ 15/12 đến 15/01/2026", ("2025-12-15", "2026-01-15"))),
    ("từ ngày 15/11 đến ngày 15/12 hằng năm", (None, "từ ngày 15/11 đến ngày 15/12 hằng năm", None)),
    ("báo cáo trước ngày 20/12/2025; triển khai từ ngày 15/11 đến 15/12/2025", ("2025-12-20", None, None)),
    ("triển khai từ ngày 32/11 đến 15/12/2025", (None, None, None)),  # no such day: no days
    # a deadline under its label
    ("Thời gian hoàn thành: 30/6/2025.", ("2025-06-30", None, None)),
    ("Thời hạn hoàn thành: ngày 15/10/2025", ("2025-10-15", None, None)),
    ("Hạn: 30/6/2025", ("2025-06-30", None, None)),
    ("Thời gian: 15/10/2025", (None, None, None)),  # when it happens: no deadline said
])
def test_deadlines_and_periods(text: str, expected: tuple[object, object, object]) -> None:
    assert when(text) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("Quý IV/2025- Quý II/2026", ("Quý IV/2025- Quý II/2026", ("2025-10-01", "2026-06-30"))),
    # a table's time column is kept as printed, what it adds included, and dated by what it names
    ("Dự kiến tháng 11/2025 (sau khi Ban Thường trực Ủy ban MTTQ tỉnh ban hành Hướng dẫn)",
     ("Dự kiến tháng 11/2025 (sau khi Ban Thường trực Ủy ban MTTQ tỉnh ban hành Hướng dẫn)", ("2025-11-01", "2025-11-30"))),
    ("ngày Tháng 11/2025", ("ngày Tháng 11/2025", ("2025-11-01", "2025-11-30"))),  # the day left blank
    ("2025-2026", ("2025-2026", ("2025-01-01", "2026-12-31"))),
    ("15/11-15/12/2025", ("15/11-15/12/2025", ("2025-11-15", "2025-12-15"))),  # days, not the last one's date
])
def test_a_table_time_column(cell: str, expected: tuple[object, object]) -> None:
    assert when(cell, whole=True) == (None, *expected)


def test_the_field_documents_task_tables_are_dated() -> None:
    """The Hà Nội appendix's times ("Quý III Năm 2026", "Quý IV/2025- Quý II/2026") and the Lương
    Minh plan's ("Từ tháng 12/2025 đến quý I/2026") are date ranges a calendar can hold."""
    hanoi = {t.number: t for t in tasks(plandiff.parse(FIELD / "hanoi-5giot-2025.md")) if t.appendix}
    assert hanoi["1"].period_dates == ("2026-07-01", "2026-09-30")
    assert hanoi["2"].period == "Quý IV/2025- Quý II/2026" and hanoi["2"].period_dates == ("2025-10-01", "2026-06-30")
    minh = [t for t in tasks(plandiff.parse(FIELD / "luongminh-baucu-2025.docx")) if t.period and "đến" in t.period]
    assert minh and all(t.period_dates and t.period_dates[0] < t.period_dates[1] for t in minh)


def test_calendar_and_csv_read_back() -> None:
    import icalendar

    found = tasks(plandiff.parse_text(BUILT))
    cal = icalendar.Calendar.from_ical(to_ics(found, name="ninh-binh"))
    events = sorted((str(e.get("dtstart").dt), str(e.get("categories").cats[0])) for e in cal.walk("VEVENT"))
    assert ("2026-12-15", "report") in events and ("2026-03-31", "task") in events and ("2026-07-01", "task") in events
    rows = list(csv.DictReader(io.StringIO(to_csv(found))))
    assert len(rows) == len(found) and rows[0]["agency"] == found[0].agency


def test_agencies_summary_keeps_spellings_as_aliases() -> None:
    plan = plandiff.parse_text(BUILT.replace("2. Sở Văn hóa, Thể thao và Du lịch:", "2. Sở VH,TT&DL:"))
    summary = {a["key"]: a for a in agencies_of(tasks(plan))}
    assert summary["van-hoa"]["name"] == "Sở VH,TT&DL" and summary["van-hoa"]["aliases"] == ["Sở Văn hóa, Thể thao và Du lịch"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "plandiff_cli.main", *args], capture_output=True, text=True, timeout=120)


def test_command_line_contracts(tmp_path: Path) -> None:
    one = json.loads(_cli("tasks", str(FIXTURES / "hue-2026.txt"), "--json").stdout)
    assert set(one) == {"agencies", "tasks"} and {"name", "aliases", "tasks"} <= set(one["agencies"][0])
    assert {"agency", "partners", "text", "kind", "deadline", "period", "product", "clause", "appendix", "row", "span"} <= set(one["tasks"][0])
    two = json.loads(_cli("tasks", str(FIXTURES / "tth-2024.txt"), str(FIXTURES / "hue-2026.txt"), "--json").stdout)
    assert {"agencies", "moved", "deadlines"} <= set(two)
    assert {"a", "b", "relation", "counts"} <= set(two["agencies"][0])
    assert set(two["agencies"][0]["counts"]) == {"added", "removed", "changed", "kept", "moved_in", "moved_out"}
    only = _cli("tasks", str(FIXTURES / "hue-2026.txt"), "--agency", "Sở Y tế")
    assert only.returncode == 0 and only.stdout.startswith("Sở Y tế (3)")
    ics = tmp_path / "hue.ics"
    assert _cli("tasks", str(FIXTURES / "hue-2026.txt"), "--ics", "-o", str(ics)).returncode == 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    bad = _cli("tasks", str(FIXTURES / "hue-2026.txt"), "--agency", "Sở Ngoại vụ")
    assert bad.returncode == 2 and bad.stderr.startswith("plandiff: ")
    assert match_key("Sở Y tế") in match_key(only.stdout)


@needs_chromium
def test_the_report_by_agency_in_a_browser(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = _cli("diff", str(FIXTURES / "tth-2024.txt"), str(FIXTURES / "hue-2026.txt"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    with browser_page(out.as_uri()) as (page, errors, requests):
        assert page.locator("div.agency:visible").count() == page.locator("div.agency").count() > 10
        labour = page.locator("#agency option", has_text="Sở Lao động - Thương binh và Xã hội → Sở Nội vụ (cơ quan kế nhiệm)")
        page.select_option("#agency", labour.get_attribute("value"))
        visible = page.locator("div.agency:visible")
        assert visible.count() == 1
        assert visible.locator("li[data-status=moved_out]").count() >= 5
        home = page.locator("#agency option", has_text="Sở Nội vụ → Sở Nội vụ (giữ nguyên)")
        page.select_option("#agency", home.get_attribute("value"))
        moved_in = page.locator("div.agency:visible li[data-status=moved_in]")
        assert moved_in.count() >= 6
        assert "từ Sở Lao động - Thương binh và Xã hội" in moved_in.first.inner_text()
        assert moved_in.first.locator(".badge").inner_text() == "↘ chuyển đến"
        assert "2026-12-15" in page.locator("div.agency:visible").inner_text()
    assert errors == [] and requests == []


def test_reports_say_to_whom() -> None:
    reports = {t.deadline: t.to for t in tasks(load("hue-2026")) if t.kind == "report" and t.deadline}
    assert reports == {"2026-12-10": "UBND thành phố", "2026-12-15": "UBND thành phố, Bộ Nội vụ"}


def test_an_agency_and_its_duty_outside_the_implementation_section() -> None:
    # "Sở Y tế: Chủ trì …" under "NHIỆM VỤ": the body before the colon, its duty after it
    plan = plandiff.parse("KẾ HOẠCH\nThử nghiệm\n\nI. NHIỆM VỤ\n1. Sở Y tế: Chủ trì tổ chức khám sàng lọc cho phụ nữ. "
                          "Thời gian thực hiện: Quý III/2025.\n2. Tuyên truyền: nội dung về bình đẳng giới.\n"
                          "3. Công an tỉnh chịu trách nhiệm phòng ngừa bạo lực gia đình.\n")
    got = [(t.agency, t.clause, t.period, t.text[:20]) for t in tasks(plan)]
    # (two of its three items name a body: the section is read by agency, each duty after its body)
    assert got == [("Sở Y tế", "I.1", "Quý III/2025", "Chủ trì tổ chức khám"),
                   ("Công an tỉnh", "I.3", None, "chịu trách nhiệm phò")]


def test_a_task_table_printed_in_a_clause() -> None:
    """"II. NHIỆM VỤ CỤ THỂ" over a table of tasks (a portal's Markdown): the rows are the
    clause's table and each its own line of the text, and each row with a task and a lead is a
    task of that clause, with its period; the table survives the JSON round trip."""
    from plandiff.serial import plan_from_dict

    plan = plandiff.parse_file(Path(__file__).parent / "data" / "body-task-table.md")
    ii = plan.find("II")
    assert ii is not None and len(ii.tables) == 1
    assert ii.tables[0].rows[1] == ("1", "Tuyên truyền về bình đẳng giới", "Sở Văn hóa, Thể thao và Du lịch",
                                    "Các sở, ngành", "Quý II/2025")
    assert ii.text.split("\n")[1:] == [" ".join(row) for row in ii.tables[0].rows]
    from_table = [t for t in tasks(plan) if t.clause == "II"]
    assert [(t.agency, t.text, t.period, t.row) for t in from_table] == [
        ("Sở Văn hóa, Thể thao và Du lịch", "Tuyên truyền về bình đẳng giới", "Quý II/2025", 2),
        ("Sở Nội vụ", "Tập huấn cho cán bộ làm công tác bình đẳng giới", "Tháng 9/2025", 3)]
    assert [t.partners for t in from_table] == [("Các sở, ngành",), ("UBND các xã",)]
    assert plan_from_dict(plan.to_dict(), source=plan.source).find("II").tables == ii.tables
    # the lead's duty verb is not part of its name ("Sở Nội vụ tổng hợp, báo cáo …")
    assert any(t.agency == "Sở Nội vụ" and t.clause == "III.1" for t in tasks(plan))


def test_the_political_and_social_organisations_are_bodies_not_a_verb() -> None:
    """"tổ chức" is a duty's verb ("tổ chức tập huấn"), but "tổ chức chính trị - xã hội" names a kind
    of body: a list of bodies runs on through it (Nghệ An's IV.1), and so do partners."""
    nghean = {t.clause: t for t in tasks(plandiff.parse(FIELD / "nghean-phongthudansu-2025.md"))}
    first = nghean["IV.1"]
    assert "tổ chức chính trị - xã hội" in first.agency and first.text.startswith("chịu trách nhiệm")
    plan = plandiff.parse_text("KẾ HOẠCH\nThực hiện công tác dân số\n\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì, phối hợp với "
                               "Ủy ban MTTQ tỉnh, các tổ chức chính trị - xã hội tổ chức tuyên truyền về dân số.\n")
    (task,) = tasks(plan)
    assert task.partners == ("Ủy ban MTTQ tỉnh", "các tổ chức chính trị - xã hội")


def test_a_list_of_bodies_ends_where_its_duty_begins() -> None:
    """"… Ủy ban nhân dân các xã, thị trấn bám sát nhiệm vụ …", "… hệ thống truyền thanh cơ sở tăng
    thời lượng …", "… đoàn thể theo chức năng, nhiệm vụ được giao …": the bodies, then the duty."""
    texts = {t.agency: t.text for t in tasks(load("anlao-2024")) + tasks(load("hungyen-2024"))
             + tasks(plandiff.parse(FIELD / "hcm-thientai-2025.md"))}
    assert texts["Các ngành, đoàn thể huyện, Ủy ban nhân dân các xã, thị trấn"].startswith("bám sát nhiệm vụ")
    assert any(a.endswith("hệ thống truyền thanh cơ sở") and t.startswith("tăng thời lượng") for a, t in texts.items())
    assert any(a.endswith("hội, đoàn thể") and t.startswith("theo chức năng, nhiệm vụ") for a, t in texts.items())


def test_a_group_named_by_its_kinds_is_one_partner() -> None:
    """"các sở, ban, ngành" is one group, not three bodies; a name ends where a duty begins."""
    from plandiff.tasks.extract import split_agencies

    assert split_agencies("Sở Y tế, các sở, ban, ngành liên quan và UBND các xã") == [
        "Sở Y tế", "các sở, ban, ngành liên quan", "UBND các xã"]
    assert split_agencies("Các cơ quan, đơn vị, địa phương") == ["Các cơ quan, đơn vị, địa phương"]
    assert split_agencies("Sở Tư pháp, Sở Nội vụ và Công an tỉnh") == ["Sở Tư pháp", "Sở Nội vụ", "Công an tỉnh"]
    plan = plandiff.parse_text("KẾ HOẠCH\nThực hiện công tác dân số\n\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì, phối hợp "
                               "với các cơ quan, đơn vị liên quan đảm bảo kinh phí thực hiện.\n")
    assert [t.partners for t in tasks(plan)] == [("các cơ quan, đơn vị liên quan",)]


CARD_PLAN = ("KẾ HOẠCH\nTổ chức công tác bầu cử trên địa bàn xã\n\nI. NHIỆM VỤ\n"
             "1. Tổ chức tập huấn nghiệp vụ công tác bầu cử cho cán bộ xã.\n"
             "- Nội dung: quy trình hiệp thương, lập danh sách cử tri.\n"
             "- Thời gian hoàn thành: Quý I/2026;\n- Đơn vị chủ trì: Văn phòng HĐND và UBND xã;\n"
             "- Đơn vị phối hợp: Công an xã, Ban Chỉ huy Quân sự xã;\n- Kết quả: Tài liệu tập huấn.\n"
             "2. Tuyên truyền về bầu cử.\n- Thời gian thực hiện: Tháng 3/2026;\n- Cơ quan chủ trì: Đài Truyền thanh xã.\n"
             "II. TỔ CHỨC THỰC HIỆN\n1. Công an xã\n- Đơn vị chủ trì: Công an xã;\n- Bảo đảm an ninh trật tự các điểm bầu cử.\n")


def test_a_task_set_out_as_labelled_points_is_one_task() -> None:
    """"- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …", "- Thời gian hoàn thành: …", "- Kết quả: …"
    under a task: a table's row written as a list — one task with its lead, partners, time and
    product; the points that are no field stay in its text; "Đơn vị" is never an agency."""
    got = sorted((t.clause, t.agency, t.partners, t.period, t.product, t.text) for t in tasks(plandiff.parse_text(CARD_PLAN)))
    assert got == [
        ("I.1", "Văn phòng HĐND và UBND xã", ("Công an xã", "Ban Chỉ huy Quân sự xã"), "Quý I/2026", "Tài liệu tập huấn",
         "Tổ chức tập huấn nghiệp vụ công tác bầu cử cho cán bộ xã. Nội dung: quy trình hiệp thương, lập danh sách cử tri."),
        ("I.2", "Đài Truyền thanh xã", (), "Tháng 3/2026", None, "Tuyên truyền về bầu cử."),
        ("II.1", "Công an xã", (), None, None, "Công an xã Bảo đảm an ninh trật tự các điểm bầu cử.")]


def test_task_cards_of_a_communes_plan() -> None:
    plan = plandiff.parse_file(FIELD / "luongminh-baucu-2025.docx")
    cards = [t for t in tasks(plan) if t.clause and t.clause.startswith("II.") and t.clause.count(".") <= 3]
    assert len(cards) >= 15 and not [t for t in tasks(plan) if t.agency.lower().startswith("đơn vị")]
    assert all(t.agency.startswith("Đồng chí Phó chủ tịch Thường trực") and t.period for t in cards)


def test_a_body_ends_where_its_duty_begins_before_a_colon() -> None:
    """"1. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục … thực hiện các nội dung sau:" and "các sở,
    ban, ngành, đơn vị, địa phương nghiêm túc triển khai": the body, then its duty."""
    got = {t.agency for t in tasks(plandiff.parse_file(FIELD / "thanhhoa-quantracts-2025.md"))}
    assert {"Sở Nông nghiệp và Môi trường", "Sở Tài chính", "các sở, ban, ngành, đơn vị, địa phương"} <= got
    assert not [a for a in got if "chỉ đạo" in a or "nghiêm túc" in a]
    # "Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì …"; a task table's lead cell "Sở KH&CN
    # chủ trì hướng dẫn, tổng hợp; Các sở, ngành …", "Sở Khoa học và Công nghệ thúc đẩy, theo dõi …"
    hcm = {t.clause: t.agency for t in tasks(plandiff.parse_file(FIELD / "hcm-thientai-2025.md"))}
    assert hcm["V.1"] == "Sở Nông nghiệp và Môi trường"
    leads = {t.agency for t in tasks(plandiff.parse_file(FIELD / "bacninh-ktso-2025.md")) if t.appendix}
    assert {"Sở KH&CN", "Sở Khoa học và Công nghệ"} <= leads
    assert not [a for a in leads if "chủ trì" in a or "thúc đẩy" in a]
    # names that hold a verb's words stay whole: "tổ chức chính trị - xã hội", "nhà cung cấp"
    nghean = {t.agency for t in tasks(plandiff.parse_file(FIELD / "nghean-phongthudansu-2025.md"))}
    assert "Sở, ban, ngành, tổ chức chính trị - xã hội" in nghean


def test_a_body_on_its_own_line_and_its_duty_in_the_paragraphs_under_it() -> None:
    """"7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố" over "Phối hợp với các ngành, các cấp
    …" (a portal's text): the body, a request, and its duty (the first word of the duty was taken
    into the name)."""
    got = {t.clause: t for t in tasks(plandiff.parse_file(FIELD / "cantho-danso-2025.md"))}
    front = got["II.7"]
    assert (front.agency, front.kind) == ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "request")
    assert front.text.startswith("Phối hợp với các ngành, các cấp tăng cường")
    assert (got["II.3"].agency, got["II.3"].text.split()[:4]) == ("Sở Giáo dục và Đào tạo", ["Căn", "cứ", "chức", "năng"])


BODY_TABLE_PLAN = ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 12/KH-UBND", "Lào Cai, ngày 10 tháng 4 năm 2026", "KẾ HOẠCH",
                   "Kiểm tra an toàn năm 2026", "I. MỤC ĐÍCH, YÊU CẦU", "1. Bảo đảm an toàn.", "II. NHIỆM VỤ",
                   "1. Phân công thực hiện như sau:"]
BODY_TABLE_AFTER = ["2. Các đơn vị báo cáo kết quả.", "III. TỔ CHỨC THỰC HIỆN", "1. Sở Công Thương chủ trì thực hiện.",
                    "Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
BODY_TABLE_ROWS = [["TT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời gian"],
                   ["1.", "Rà soát các điều kiện hoạt động", "Phòng Quản lý công nghiệp\nThanh tra Sở", "Quý II"],
                   ["2.", "Tổ chức kiểm tra tại hiện trường", "Công an tỉnh", "Quý III"],
                   ["3.", "Báo cáo kết quả", "Văn phòng Sở", "Tháng 12"]]


def _body_table_docx() -> bytes:
    import docx

    doc = docx.Document()
    for text in BODY_TABLE_PLAN:
        doc.add_paragraph(text)
    table = doc.add_table(rows=len(BODY_TABLE_ROWS), cols=4)
    for row, cells in zip(table.rows, BODY_TABLE_ROWS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            first, *rest = text.split("\n")
            cell.text = first
            for line in rest:
                cell.add_paragraph(line)
    for text in BODY_TABLE_AFTER:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _body_table_pdf() -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    from .builders import FONT

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for text in BODY_TABLE_PLAN:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(12, 80, 60, 30), headings_style=FontFace(), line_height=6) as table:
        for cells in BODY_TABLE_ROWS:
            row = table.row()
            for text in cells:
                row.cell(text)
    for text in BODY_TABLE_AFTER:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _body_table_html() -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{c.replace(chr(10), '<br>')}</td>" for c in row) + "</tr>" for row in BODY_TABLE_ROWS)
    return ("<html><body>" + "".join(f"<p>{t}</p>" for t in BODY_TABLE_PLAN) + f"<table border=1>{cells}</table>"
            + "".join(f"<p>{t}</p>" for t in BODY_TABLE_AFTER) + "</body></html>").encode("utf-8")


@pytest.mark.parametrize("make", [_body_table_docx, _body_table_pdf, _body_table_html], ids=["docx", "pdf", "html"])
def test_a_task_table_in_the_body_is_its_clauses_table_and_its_tasks(make) -> None:  # type: ignore[no-untyped-def]
    """A table of who does what inside a clause ("1. Phân công thực hiện như sau:" over it), in a
    Word file, in a PDF with ruling lines and in a web page: the clause keeps the table with its rows (a cell of
    two units is one cell), the rows numbered "1.", "2." are no clauses of their own, each row is
    a line of the clause's text, and each row is a task of its unit."""
    from plandiff.parsing.audit import lost_and_invented

    plan = plandiff.parse(make())
    assert [c.id for c in plan.walk()] == ["I", "I.1", "II", "II.1", "II.2", "III", "III.1"]
    clause = next(c for c in plan.walk() if c.id == "II.1")
    assert [t.rows for t in clause.tables] == [tuple(tuple(r) for r in BODY_TABLE_ROWS)]
    assert clause.text.split("\n")[0] == "Phân công thực hiện như sau:"
    assert any(line.startswith("2") and "Công an tỉnh" in line for line in clause.text.split("\n"))
    got = {(t.agency, t.text, t.clause) for t in tasks(plan)}
    assert {("Công an tỉnh", "Tổ chức kiểm tra tại hiện trường", "II.1"), ("Văn phòng Sở", "Báo cáo kết quả", "II.1"),
            ("Sở Công Thương", "chủ trì thực hiện.", "III.1")} <= got
    lost, invented = lost_and_invented(plan)
    assert not lost and not invented


def test_the_office_plans_dialogue_schedule_is_a_table_of_tasks() -> None:
    """The Lâm Đồng plan's schedule of televised dialogues (a Word table inside point III.1.a, its
    lead column headed "Trách nhiệm thực hiện"): one task a row, led by the department it names."""
    plan = plandiff.parse(FIXTURES / "office" / "lamdong-ttcchc-2026-1.docx")
    point = next(c for c in plan.walk() if c.id == "III.1.a")
    assert [len(t.rows) for t in point.tables] == [12]
    rows = [t for t in tasks(plan) if t.clause == "III.1.a"]
    assert len(rows) == 11
    assert rows[0].agency == "Lãnh đạo Sở Công Thương" and rows[0].text.startswith("Giải đáp những vướng mắc")
    assert all(t.period and "giờ" in t.period for t in rows)
    # "Lãnh đạo" / "Sở …" on two lines of the cell is one lead (the leadership of the department)
    assert all(t.agency.startswith("Lãnh đạo ") and len(t.agency.split()) > 2 for t in rows)


def test_a_cell_that_lists_one_name_a_line_is_a_lead_and_its_partners() -> None:
    """The Lào Cai team's table names its people one a line in the "Người thực hiện" cell: the first
    leads, the others are partners (they were one name of eight words)."""
    plan = plandiff.parse(FIELD / "laocaisct-ktgcn-2026-1.docx")
    cell = plan.appendices[0].tables[0].rows[1][2]
    assert cell == "Đỗ Mạnh Cường\nVũ Việt Linh\nNguyễn Thị Loan"
    first = next(t for t in tasks(plan) if t.appendix and t.row == 2)
    assert (first.agency, first.partners) == ("Đỗ Mạnh Cường", ("Vũ Việt Linh", "Nguyễn Thị Loan"))
    assert all(len(t.agency.split()) <= 4 for t in tasks(plan) if t.appendix)


@pytest.mark.parametrize("cell, names", [
    ("Sở Khoa học và Công nghệ\nSở Công Thương", ["Sở Khoa học và Công nghệ", "Sở Công Thương"]),
    ("Ban Quản lý các khu công nghệ cao và khu\ncông nghiệp", ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"]),
    ("Sở Lao động - Thương binh và\nXã hội", ["Sở Lao động - Thương binh và Xã hội"]),
    ("UBND thành phố\nHồ Chí Minh", ["UBND thành phố Hồ Chí Minh"]),
    ("Nguyễn Thị\nLoan", ["Nguyễn Thị Loan"]),
    ("Trần Văn An\nCông an xã", ["Trần Văn An", "Công an xã"]),
])
def test_a_cells_line_breaks_part_names_only_between_whole_names(cell: str, names: list[str]) -> None:
    from plandiff.tasks.extract import _names_cell, split_agencies

    assert split_agencies(_names_cell(cell)) == names


def test_names_run_together_and_a_capitalised_group_after_a_comma() -> None:
    """A converter that joined a cell's lines runs two departments together; "Các …" after a comma
    opens a name of its own (inside a sentence "các" is never capitalised)."""
    from plandiff.tasks.extract import split_agencies

    assert split_agencies("Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã") == [
        "Sở Khoa học và Công nghệ", "Sở Công Thương", "UBND các phường, xã"]
    assert split_agencies("Sở Công Thương, Các doanh nghiệp viễn thông") == ["Sở Công Thương", "Các doanh nghiệp viễn thông"]
    assert split_agencies("Văn phòng Sở Y tế") == ["Văn phòng Sở Y tế"]  # the department's own office
    assert split_agencies("Lãnh đạo Sở Tư pháp") == ["Lãnh đạo Sở Tư pháp"]


def test_a_tasks_place_is_the_rows_own_number() -> None:
    """A task of an appendix's table is found by the number its "TT" column prints (the table's
    row counts the header too): every report says "PHỤ LỤC, TT 1", not "PHỤ LỤC #2"."""
    plan = plandiff.parse(FIELD / "hanoi-5giot-2025.md")
    table = plan.appendices[0].tables[0]
    found = [t for t in tasks(plan) if t.appendix]
    assert found and all(t.number == table.rows[t.row - 1][0].strip(" .") for t in found)
    first = next(t for t in found if t.number == "1")
    assert first.row == 2 and first.place == "PHỤ LỤC, TT 1" and first.to_dict()["place"] == "PHỤ LỤC, TT 1"
    assert next(t for t in tasks(plan) if not t.appendix).place == next(t for t in tasks(plan) if not t.appendix).clause
    text = _cli("tasks", str(FIELD / "hanoi-5giot-2025.md")).stdout
    assert "PHỤ LỤC, TT 1 " in text and "PHỤ LỤC #" not in text


@pytest.mark.parametrize("name", ["nghean-phongthudansu-2025.md", "bacninh-ktso-2025.md"])
def test_a_rows_number_under_a_group_that_numbers_again(name: str) -> None:
    """Where a table's rows are grouped ("I" / "KIỆN TOÀN …", "I. Kinh tế số") and each group
    numbers its rows from 1, a row is found by its group and number ("TT II.3"). (The Nghệ An page
    leaves groups III to VI out — "…......" — so its rows after that gap are numbered under II.)"""
    plan = plandiff.parse(FIELD / name)
    found = [t for t in tasks(plan) if t.appendix]
    by_row = {t.row: t.number for t in found}
    if name.startswith("bacninh"):
        assert len(set(by_row.values())) == len(by_row) > 15  # a number names one row
    else:
        assert {n.split(".")[0] for n in by_row.values()} == {"I", "II", "VII", "VIII"}
    assert {n.split(".")[0] for n in by_row.values()} >= {"I", "II"}
    table = plan.appendices[0].tables[0]
    for t in found:  # the number's last part is the row's own
        assert t.number.split(".")[-1] == table.rows[t.row - 1][0].strip(" .")


def test_a_body_laid_out_in_a_one_column_word_table_keeps_its_clauses() -> None:
    """A draft that boxes its body in a table of one column (a row a paragraph): a box, not a table
    — its numbered paragraphs are the plan's clauses."""
    import docx

    doc = docx.Document()
    for text in BODY_TABLE_PLAN[:5]:
        doc.add_paragraph(text)
    body = ["I. MỤC ĐÍCH, YÊU CẦU", "1. Bảo đảm an toàn.", "2. Đúng quy định.", "II. NHIỆM VỤ", "1. Tổ chức kiểm tra."]
    table = doc.add_table(rows=len(body), cols=1)
    for row, text in zip(table.rows, body, strict=True):
        row.cells[0].text = text
    for text in BODY_TABLE_AFTER[3:]:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    plan = plandiff.parse(out.getvalue())
    assert [c.id for c in plan.walk()] == ["I", "I.1", "I.2", "II", "II.1"]
    assert not any(c.tables for c in plan.walk())


@pytest.mark.parametrize("name", ["daklak-thidua-2025.md", "hanoi-5giot-2025.md"])
def test_a_page_laid_out_in_a_table_beside_its_navigation_keeps_its_clauses(name: str) -> None:
    """An old portal lays its page out as a table: the navigation in one cell, the whole document
    (a paragraph to a line) in the next. That cell holds a page of text — a layout box, not a table
    of tasks: the plan's clauses are read as from the page without the layout."""
    from html import escape

    text = plandiff.render_plain(plandiff.parse(FIELD / name))
    content = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    nav = "<ul><li><a href='/'>Trang chủ</a></li><li><a href='/vb'>Văn bản</a></li></ul>"
    plain = plandiff.parse(f"<html><body>{content}</body></html>".encode())
    boxed = plandiff.parse(f"<html><body><table><tr><td>{nav}</td><td>{content}</td></tr>"
                           f"<tr><td>Bản quyền</td><td>Cổng thông tin</td></tr></table></body></html>".encode())
    assert [c.id for c in boxed.walk()] == [c.id for c in plain.walk()]
    assert len(list(boxed.walk())) > 20 and not any(c.tables for c in boxed.walk())


def test_deadlines_and_periods_are_those_every_pattern_finds() -> None:
    """``when`` asks a pattern only of a text holding what it cannot match without (a number, a date,
    its key word): the same answers as asking every pattern, on every clause, line and sentence of
    the seed and field plans (and the periods printed without a number are still found)."""
    from plandiff.tasks import timing

    texts: list[str] = ["Thực hiện thường xuyên, hằng năm", "định kỳ hằng quý báo cáo", "Cả năm", "không có thời hạn"]
    for path in sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "field").glob("*-20*.md")):
        plan = plandiff.parse(path.read_bytes())
        for clause in plan.walk():
            texts += [clause.full_text(), *clause.text.split("\n"), *clause.text.split(". ")]
    without = [t for t in texts if not any(ch.isdigit() for ch in t)]
    assert len(without) > 500 and len(texts) - len(without) > 200
    for text in texts:
        assert timing.when(text) == timing._when(text, False), text
    assert sum(1 for t in without if timing.when(t)[1]) >= 4


PROGRAMME = """TỈNH UỶ LÀO CAI
*
Số 104-CTr/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Lào Cai, ngày 30 tháng 8 năm 2026

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Kết luận số 75-KL/TW về bảo vệ môi trường

I. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM

1. Tăng cường sự lãnh đạo của Đảng, đẩy mạnh tuyên truyền

- Quán triệt sâu sắc quan điểm “Đầu tư cho môi trường là đầu tư cho phát triển bền vững”.

- Đổi mới công tác tuyên truyền, phổ biến pháp luật theo hướng số hóa.

Trách nhiệm chỉ đạo thực hiện: Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh; Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy, tổ chức đảng.

2. Nâng cao hiệu lực, hiệu quả quản lý nhà nước

- Thường xuyên rà soát, ban hành đồng bộ các quy định về quản lý chất thải.

Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.

II. CHẾ ĐỘ BÁO CÁO

Các Sở, ban, ngành; cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 20 hằng tháng.
"""


def test_a_party_programmes_items_and_whom_they_hold_responsible() -> None:
    """A provincial Party committee's programme names who answers for each item in a paragraph
    under its points ("Trách nhiệm chỉ đạo thực hiện: …"): one duty per item, the first body
    named its lead, the others (parted by semicolons, a name's own commas kept) its partners; a
    Party committee directs the bodies it names — no duty of its programme is a request."""
    plan = plandiff.parse(PROGRAMME)
    got = [(t.clause, t.agency, t.partners, t.kind) for t in tasks(plan)]
    assert got[:2] == [
        ("I.1", "Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh", ("Đảng ủy Ủy ban nhân dân tỉnh", "các cấp ủy, tổ chức đảng"), "task"),
        ("I.2", "Đảng ủy Ủy ban nhân dân tỉnh", (), "task")]
    assert "Đổi mới công tác tuyên truyền" in tasks(plan)[0].text and "Trách nhiệm" not in tasks(plan)[0].text
    # the reporting duty goes to the whole list of bodies before its verb
    assert got[2][1:] == ("Các Sở, ban, ngành", (), "report")
    # the same items in a People's Committee's plan ask the Front's Party committee
    plain = PROGRAMME.replace("TỈNH UỶ LÀO CAI\n*\nSố 104-CTr/TU", "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 104/KH-UBND")
    assert tasks(plandiff.parse(plain))[0].kind == "request"


def test_a_ministrys_departments_and_a_semicolon_part_names() -> None:
    from plandiff.tasks.extract import split_agencies

    assert split_agencies("Cục Biến đổi khí hậu, Vụ Hợp tác quốc tế, Vụ Pháp chế và các đơn vị có liên quan") == [
        "Cục Biến đổi khí hậu", "Vụ Hợp tác quốc tế", "Vụ Pháp chế", "các đơn vị có liên quan"]
    assert split_agencies("Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh; Đảng ủy Ủy ban nhân dân tỉnh") == [
        "Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"]
    assert split_agencies("Sở Văn hóa, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_known_bodys_duty_after_its_colon_whatever_its_verb() -> None:
    """Lào Cai's plan for its industrial parks: "- Ủy ban nhân dân cấp xã: đầu tư, hoàn thiện …" —
    the communes' committees (a lower committee, "cấp xã" as the 2025 reform names them) and a
    duty whose verb no list holds; a label's colon ("- Đối tượng: cán bộ …") is no body's."""
    plan = plandiff.parse("KẾ HOẠCH\nPhát triển các khu, cụm công nghiệp năm 2026\n\nI. MỤC ĐÍCH\n1. Nâng cao hiệu quả.\n"
                          "II. NỘI DUNG\n1. Phát triển bền vững các cụm công nghiệp\n"
                          "- Ủy ban nhân dân cấp xã: đầu tư, hoàn thiện đồng bộ hạ tầng kỹ thuật tại các cụm công nghiệp.\n"
                          "- Đối tượng: cán bộ quản lý cụm công nghiệp.\n")
    got = [(t.agency, t.agency_key, t.clause, t.text[:16]) for t in tasks(plan)]
    assert got == [("Ủy ban nhân dân cấp xã", "ubnd-cap-duoi", "II.1.-1", "đầu tư, hoàn thi")]


def test_a_body_tables_empty_cell_keeps_the_columns_after_it() -> None:
    """"| 1 | Tuyên truyền | Sở Văn hóa … |  | Quý II/2026 |": the empty partners cell holds its
    place, so the time stays the time (it was read as a partner)."""
    text = ("KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2026\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n\n"
            "II. NHIỆM VỤ CỤ THỂ\n\n| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Tuyên truyền Luật Bình đẳng giới | Sở Văn hóa, Thể thao và Du lịch |  | Quý II/2026 |\n"
            "| 2 | Tập huấn cán bộ | Sở Nội vụ | Các sở, ngành | Quý III/2026 |\n")
    plan = plandiff.parse(text)
    assert plan.find("II").tables[0].rows[1] == ("1", "Tuyên truyền Luật Bình đẳng giới", "Sở Văn hóa, Thể thao và Du lịch", "", "Quý II/2026")
    got = [(t.agency, t.partners, t.period) for t in tasks(plan)]
    assert got == [("Sở Văn hóa, Thể thao và Du lịch", (), "Quý II/2026"), ("Sở Nội vụ", ("Các sở, ngành",), "Quý III/2026")]


@pytest.mark.parametrize(("text", "whole", "expected"), [
    ("10-11/2019", True, (None, "10-11/2019", ("2019-10-01", "2019-11-30"))),
    ("01-4/2021", True, (None, "01-4/2021", ("2021-01-01", "2021-04-30"))),
    ("12/2019", True, (None, "12/2019", ("2019-12-01", "2019-12-31"))),
    ("Tổ chức hội nghị trong tháng 10-11/2026.", False, (None, "tháng 10-11/2026", ("2026-10-01", "2026-11-30"))),
    ("10/11/2019", True, ("2019-11-10", None, None)),  # a date: day and month alike
    ("15-3/2026", True, ("2026-03-15", None, None)),  # no month 15: a day
    ("trước ngày 10-11-2026", False, ("2026-11-10", None, None)),
    ("Hoàn thành 10-11/2026", False, (None, None, None)),  # in a sentence, months need their word
])
def test_months_of_a_schedules_time_column(text: str, whole: bool, expected: tuple) -> None:
    assert when(text, whole=whole) == expected


def test_a_lead_column_named_as_such_outranks_a_responsible_body() -> None:
    """"Cơ quan chịu trách nhiệm quản lý nhà nước" beside "Thực hiện" spanning "Đơn vị chủ trì" |
    "Đơn vị phối hợp" (the header's second row, its first cells empty under the merged ones)."""
    from plandiff.model import Span, Table
    from plandiff.tasks.extract import _from_table

    table = Table((("Thời gian", "Nội dung công việc", "Cơ quan chịu trách nhiệm quản lý nhà nước", "Thực hiện"),
                   ("", "", "", "Đơn vị chủ trì", "Đơn vị phối hợp"),
                   ("I", "GIAI ĐOẠN 1"),
                   ("Quý I/2026", "Khảo sát hiện trạng", "Cơ quan lập quy hoạch", "Sở Xây dựng", "- Sở Tài chính; - Sở Tư pháp."),
                   ("", "Lập báo cáo khảo sát", "Cơ quan lập quy hoạch", "Sở Xây dựng/ Sở Công Thương", ""),
                   ("II", "GIAI ĐOẠN 2"),
                   ("", "Công bố quy hoạch", "Cơ quan lập quy hoạch", "Sở Xây dựng", ""),
                   ("12/2026", "Phê duyệt quy hoạch", "Thủ tướng Chính phủ", "", ""),
                   ("", "Bàn giao hồ sơ", "Cơ quan lập quy hoạch", "Sở Xây dựng", "")), Span(0, 10))
    got = [(t.agency, t.partners, t.period) for t in _from_table(table, clause="IV")]
    assert got == [("Sở Xây dựng", ("Sở Tài chính", "Sở Tư pháp"), "Quý I/2026"),
                   ("Sở Xây dựng", ("Sở Công Thương",), "Quý I/2026"),  # the time merged down
                   ("Sở Xây dựng", (), None),  # a new stage: no time carried over it
                   ("Sở Xây dựng", (), "12/2026")]  # a row of no body's is no task, its time goes on down


def test_names_parted_by_a_slash_and_listed_as_bullets() -> None:
    from plandiff.tasks.extract import split_agencies

    assert split_agencies("- Vụ Vật liệu xây dựng; - Vụ Kế hoạch - Tài chính.") == ["Vụ Vật liệu xây dựng", "Vụ Kế hoạch - Tài chính"]
    assert split_agencies("Vụ Kế hoạch- Tài chính/ Ban Quản lý quy hoạch.") == ["Vụ Kế hoạch- Tài chính", "Ban Quản lý quy hoạch"]
    assert split_agencies("Sở KH/CN và Sở Tài chính") == ["Sở KH/CN", "Sở Tài chính"]
    assert split_agencies("UBND các xã/phường") == ["UBND các xã/phường"]


def test_a_ministrys_items_and_the_ministries_a_kind_lists() -> None:
    """The Prime Minister's decision approving a scheme (its Article 1 holds the scheme): "1. Bộ
    Tài nguyên và Môi trường" over its duties is a body like a province's Sở (it gave no task),
    and "3. Các Bộ: Công Thương, Xây dựng" names those ministries, not "Các Bộ" with the duty
    "Công Thương, Xây dựng"; "tập trung chỉ đạo" is a duty, not part of the bodies' names."""
    text = ("QUYẾT ĐỊNH\nPhê duyệt Đề án thị trường các-bon\n\nĐiều 1. Phê duyệt Đề án với các nội dung như sau:\n"
            "I. MỤC TIÊU\n1. Phát triển thị trường các-bon.\nII. TỔ CHỨC THỰC HIỆN\n1. Bộ Tài nguyên và Môi trường\n"
            "- Chủ trì tổ chức vận hành thị trường các-bon trong nước;\n- Tổng hợp và cân đối nhu cầu nguồn lực thực hiện Đề án.\n"
            "2. Các Bộ: Công Thương, Giao thông vận tải, Xây dựng\n- Chủ trì thực hiện các nhiệm vụ được giao tại Đề án.\n"
            "- Bộ Xây dựng chủ trì ban hành các điều kiện kỹ thuật cho công trình xanh.\n"
            "3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh tập trung chỉ đạo, tăng cường kiểm tra việc thực hiện Đề án.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    got = [(t.agency, t.text) for t in tasks(plandiff.parse(text))]
    assert got[:3] == [("Bộ Tài nguyên và Môi trường", "Chủ trì tổ chức vận hành thị trường các-bon trong nước;"),
                       ("Bộ Tài nguyên và Môi trường", "Tổng hợp và cân đối nhu cầu nguồn lực thực hiện Đề án."),
                       ("Các Bộ: Công Thương, Giao thông vận tải, Xây dựng", "Chủ trì thực hiện các nhiệm vụ được giao tại Đề án.")]
    # a point that names its own body is that body's, the group listed by its kind no one body
    assert got[3] == ("Bộ Xây dựng", "chủ trì ban hành các điều kiện kỹ thuật cho công trình xanh.")
    assert agencies.key_of("Các Bộ: Công an, Kế hoạch và Đầu tư") is None
    assert got[4][0] == "Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh" and got[4][1].startswith("tập trung chỉ đạo")


@pytest.mark.parametrize(("head", "body"), [
    ("Giám đốc Sở Y tế", "Sở Y tế"), ("Chủ tịch Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã"),
    ("Giám đốc Công an tỉnh", "Công an tỉnh"), ("Chánh Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
    ("Chánh Thanh tra tỉnh", "Thanh tra tỉnh"), ("Phó Giám đốc Sở Nội vụ", "Sở Nội vụ"),
])
def test_a_bodys_head_is_the_body(head: str, body: str) -> None:
    """A decision gives duties to a body's head ("Giao Giám đốc Sở Y tế chủ trì …"): the same
    body as its own name says (before, "Giám đốc Sở Y tế" was no known body: its duties were not
    Sở Y tế's)."""
    assert agencies.key_of(head) == agencies.key_of(body) is not None


def test_a_decisions_duties_given_to_the_heads_of_bodies() -> None:
    """A commune's decision approving a school's plan: "Điều 2. Trách nhiệm thi hành:" / "1. Giao
    Trưởng phòng Văn hóa - Xã hội xã chủ trì …" / "2. Giao Hiệu trưởng trường Mầm non … có trách
    nhiệm …" — the heads of a commune's office and of a school are bodies (the decision gave none)."""
    text = ("ỦY BAN NHÂN DÂN XÃ LONG HỒ\nSố: 3122/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch tổ chức công tác bán trú\n\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Kế hoạch tổ chức công tác bán trú cho trẻ trường Mầm non Phú Đức năm học 2026-2027.\n"
            "Điều 2. Trách nhiệm thi hành:\n1. Giao Trưởng phòng Văn hóa - Xã hội xã chủ trì, phối hợp với các đơn vị có liên quan "
            "giám sát việc thực hiện.\n2. Giao Hiệu trưởng trường Mầm non Phú Đức có trách nhiệm tổ chức thực hiện Kế hoạch.\n"
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n")
    got = [(t.agency, t.clause) for t in tasks(plandiff.parse(text))]
    assert got == [("Trưởng phòng Văn hóa - Xã hội xã", "Điều 2.1"), ("Hiệu trưởng trường Mầm non Phú Đức", "Điều 2.2")]
