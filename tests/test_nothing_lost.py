"""Every non-blank character of the input ends up in exactly one place (or in the artefacts)."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plandiff
from plandiff.parsing.audit import lost_and_invented
from tests.conftest import DATA


def assert_nothing_lost(plan: plandiff.Plan) -> None:
    lost, invented = lost_and_invented(plan)
    assert not lost, f"lost: {dict(lost)}"
    assert not invented, f"invented: {dict(invented)}"


def test_every_fixture(any_plan: plandiff.Plan) -> None:
    assert_nothing_lost(any_plan)


def test_two_column_layout() -> None:
    assert_nothing_lost(plandiff.parse(DATA / "tth-2024-layout.txt"))


def test_the_audit_notices_a_loss() -> None:
    from dataclasses import replace

    plan = plandiff.parse(DATA / "tth-2024-layout.txt")
    first = plan.clauses[0]
    damaged = replace(plan, clauses=(replace(first, text=first.text[:-3]), *plan.clauses[1:]))
    lost, _ = lost_and_invented(damaged)
    assert sum(lost.values()) == 3


WORDS = ["Ủy", "ban", "nhân", "dân", "tỉnh", "bình", "đẳng", "giới", "Sở", "Tư", "pháp", "năm", "2024", "2025.",
         "kế", "hoạch", "phối", "hợp", "15/11", "Luật1", "tỉnh3", "(nay", "là)", "“Làng", "Thương", "vợ”", "-", "–",
         "UỶ", "HOÀ", "./.", ";", ":"]
MARKERS = ["I.", "II.", "V.", "1.", "2.", "10.", "4.1.", "6.3.", "a)", "b)", "đ)", "i)", "ii)", "-", "+", "•", "e)", ""]
SPECIAL = ["KẾ HOẠCH", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A",
           "Số: 14/KH-UBND Huế, ngày 12 tháng 01 năm 2024", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "5", " ", "",
           "1Nghị định 70/2008/NĐ-CP ngày 04/6/2008", "## **II. NỘI DUNG**", "PHỤ LỤC", "\f", "-----"]

line = st.one_of(
    st.builds(lambda m, ws, lead: (" " if lead else "") + " ".join([m, *ws]).strip(),
              st.sampled_from(MARKERS), st.lists(st.sampled_from(WORDS), max_size=12), st.booleans()),
    st.sampled_from(SPECIAL),
)


def parse_or_refuse(source: str | bytes) -> None:
    """Any input either parses losing nothing, or is refused with a PlanError — never a crash."""
    try:
        plan = plandiff.parse(source)
    except plandiff.PlanError:
        return
    assert_nothing_lost(plan)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=1, max_size=40))
def test_generated_plans_lose_nothing(lines: list[str]) -> None:
    parse_or_refuse("\n".join(lines) + "\n")


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    parse_or_refuse(text + "\n")


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    parse_or_refuse(data)


def test_a_bracketed_marker_in_a_header_line_is_counted_once() -> None:
    # a "[1]" after the document's number is the footnote's marker: the header line shows the
    # number without it (the line's one cell is its text), so the marker is not placed twice
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 5/KH-UBND [1]\nLâm Đồng, ngày 3 tháng 2 năm 2025\n\nKẾ HOẠCH\n"
            "Thực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức về bình đẳng giới.\n\n"
            "Nơi nhận:\n- Sở Nội vụ;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n\n[1] Số ghi theo văn bản gốc.\n")
    plan = plandiff.parse_text(text)
    assert [h.text for h in plan.header if h.role == "number"] == ["Số: 5/KH-UBND"]
    assert [a.text for a in plan.artefacts if a.kind == "footnote_marker"] == ["[1]"]
    assert [f.text for f in plan.footnotes] == ["Số ghi theo văn bản gốc."]
    lost, invented = lost_and_invented(plan)
    assert not lost and not invented


def test_a_bracketed_marker_in_a_two_column_header_line_is_counted_once() -> None:
    # the same in a layout's two columns: the marker leaves the cell that holds it too
    text = ("ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH LÂM ĐỒNG                          Độc lập - Tự do - Hạnh phúc\n"
            "Số: 5/KH-UBND [1]                  Lâm Đồng, ngày 3 tháng 2 năm 2025\n\nKẾ HOẠCH\n"
            "Thực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức về bình đẳng giới.\n\n"
            "Nơi nhận:                              TM. ỦY BAN NHÂN DÂN\n- Sở Nội vụ;                           CHỦ TỊCH\n"
            "                                       Nguyễn Văn A\n\n[1] Số ghi theo văn bản gốc.\n")
    plan = plandiff.parse_text(text)
    assert [h.text for h in plan.header if h.role == "number"] == ["Số: 5/KH-UBND"]
    assert (plan.meta.number, plan.meta.date) == ("5/KH-UBND", "2025-02-03")
    lost, invented = lost_and_invented(plan)
    assert not lost and not invented


_APPENDIX_PLAN = ("**ỦY BAN NHÂN DÂN**\n\n**TỈNH LẠNG SƠN**\n\n**KẾ HOẠCH**\n\n**Thực hiện công tác bình đẳng giới năm 2025**\n\n"
                  "## I. MỤC ĐÍCH\n\n1. Nâng cao *nhận thức* về bình đẳng giới.\n\n**PHỤ LỤC**\n\n")


def test_a_table_row_read_from_the_source_leaves_out_the_emphasis_its_line_set_aside() -> None:
    # rows of tab-separated columns are read from the source (to keep empty cells); in Markdown
    # their emphasis is markup, set aside once, not kept in the cells as well
    plan = plandiff.parse_text(_APPENDIX_PLAN + "1\t**Tuyên truyền**\t\tSở Tư pháp\n2\tTập huấn\t*Quý III*\tSở Nội vụ\n")
    assert plan.meta.source_format == "markdown"
    assert [t.rows for t in plan.appendices[0].tables] == [
        (("1", "Tuyên truyền", "", "Sở Tư pháp"), ("2", "Tập huấn", "Quý III", "Sở Nội vụ"))]
    lost, invented = lost_and_invented(plan)
    assert not lost and not invented


def test_a_pipe_row_in_plain_text_keeps_its_asterisks() -> None:
    # in plain text "**" is text, not markup: a row's cells keep it as the row's line does
    text = ("KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n\nPHỤ LỤC\n"
            "| 1 | **Tuyên truyền** | Sở Tư pháp |\n| 2 | Tập huấn | Sở Nội vụ |\n")
    plan = plandiff.parse_text(text)
    assert plan.meta.source_format == "text"
    assert plan.appendices[0].tables[0].rows[0] == ("1", "**Tuyên truyền**", "Sở Tư pháp")
    lost, invented = lost_and_invented(plan)
    assert not lost and not invented


def test_a_bracketed_marker_after_emphasis_is_placed_where_the_source_has_it() -> None:
    # the line's text has lost the "**" before the marker: the marker's span is found in the
    # source, and a table row holding it gives it up as the line does
    text = _APPENDIX_PLAN + "| TT | Nhiệm vụ | Cơ quan |\n|---|---|---|\n| 1 | **Tuyên truyền**[1] | Sở Tư pháp |\n\n[1] Ghi chú.\n"
    plan = plandiff.parse_text(text)
    marks = [a for a in plan.artefacts if a.kind == "footnote_marker"]
    assert [plan.source[a.span.start:a.span.end] for a in marks] == ["[1]"]
    assert plan.appendices[0].tables[0].rows[1] == ("1", "Tuyên truyền", "Sở Tư pháp")
    lost, invented = lost_and_invented(plan)
    assert not lost and not invented


def test_a_markdown_line_parted_by_a_tab_loses_no_mark() -> None:
    """Fuzzing found it: in Markdown a tab parts a line's cells, and a cell's text is the line's
    own — a mark the line kept ("*" before a dash, mid-line) is not taken off again at the cell's
    start, where it would have opened emphasis."""
    plan = plandiff.parse("**III. PHÁT\n**1. Thể chế**\nNơi nhận:\n#đ\t*–)- UBND các xã, phường;")
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_header_after_the_body_loses_nothing_whatever_stands_before_the_type() -> None:
    """A header read after the first page's body is set apart for the header; where the body's
    first label stands even before the type's line (a shuffled page), its lines are still the
    header's, none lost."""
    text = ("PHƯỜNG 1\nI. MỤC ĐÍCH\nKẾ HOẠCH\nĐộc lập - Tự do - Hạnh phúc\nSố: 200/KH-UBND\n"
            "Phường 1, ngày 23 tháng 8 năm 2023\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSắp xếp khu phố\n"
            "1. Nâng cao nhận thức.\n")
    plan = plandiff.parse(text)
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_bar_set_aside_in_a_row_of_tab_separated_cells_is_no_cells_text() -> None:
    """A fuzzed appendix (found by mutating a pdftotext layout): a "\t|" row whose bar the line
    reader set aside as a flattened table's was also read into the row's cell (one "|" twice)."""
    text = ("1. Ban Quản lý các khu công nghệ cao và khu công nghiệp\nPHỤ LỤC\n"
            "    các dự án phát triển hạ tầng có sử    Ban Quản lý các khu\n"
            "\t|                                                                 Các doanh nghiệp đầu tư hạ")
    plan = plandiff.parse_text(text)
    assert plan.appendices[0].tables and "|" not in "".join(c for r in plan.appendices[0].tables[0].rows for c in r)
    assert_nothing_lost(plan)


def test_the_bars_of_empty_cells_in_a_signature_row() -> None:
    """pandoc's Markdown of a page whose table it could not read: "\\| \\| \\|" between a signature
    row's cells (empty cells) — their bars were dropped with the cells."""
    text = ("**KẾ HOẠCH**\n\n**I. MỤC TIÊU**\n\n**II. TỔ CHỨC THỰC HIỆN**\n\n1.  Sở Nông nghiệp và Môi trường chỉ đạo.\n\n"
            "Nơi nhận: - Bộ Nông nghiệp và Môi trường (để b/c); - Thường trực: Tỉnh\n"
            "\\| **I** \\| **Nguồn nước cấp nuôi tôm nước lợ** \\| \\| \\| \\| 1 \\| Cửa\n")
    assert_nothing_lost(plandiff.parse(text.encode()))


def test_a_laid_out_tables_line_read_as_two_columns_is_read_once() -> None:
    """A fuzzed layout appendix: the table's last line, a page break inside it, which the line
    reader read as two lines, was given to the table twice (its words invented once more)."""
    text = ("1. Ban Quản lý các khu công nghệ cao và khu công nghiệp\nPHỤ LỤC\n"
            "TT Nội dung/nhiệm vụ                     Cơ quan chủ trì          Cơ quan phối hợp\n"
            "1   các khu công nghệ cao và khu công    công nghệ cao và khu     Công Thương; UBND các            2026\n"
            "2                                        công nghệ cao và khu     Công Thương, Các doanh nghiệp Quý II/2026\n"
            "    hoạch này trong phạm vi quản lý theo \f    quy định của")
    plan = plandiff.parse_text(text)
    assert len(plan.appendices[0].tables[0].rows) == 3
    assert_nothing_lost(plan)


def test_escaped_bars_of_an_appendix_row_and_a_page_feed_inside_a_tab_row() -> None:
    """Fuzzed appendices: a row whose bars a converter escaped ("\\| xã Bá Thước \\| …") lost its
    bars to its cells; a tab row with a form feed in it ("*).\\t|đ\\fPHỤ LỤC II") took the next
    page's heading into its cell (the heading placed twice)."""
    escaped = ("**IV. TỔ CHỨC THỰC HIỆN**\n1.  Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Biển đảo và Thủy sản\n"
               "**PHỤ LỤC I**\n\\| xã Bá Thước \\| \\| \\| \\| 1 \\| \\| 24 \\| xã Cẩm Thạch \\| \\| \\| \\| 1 \\|\n"
               "\\| \\| **Tổng cộng** \\| **15** \\| **21** \\| **4** \\| *\n**PHỤ LỤC II**")
    plan = plandiff.parse(escaped.encode())
    assert plan.appendices[0].tables
    assert_nothing_lost(plan)
    fed = ("1. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Biển đảo và Thủy sản thực hiện các nội dung sau:\n"
           "PHỤ LỤC I\nTổng cộng             15                           21                      4                               3\n"
           "*).\t|đ\fPHỤ LỤC II")
    plan = plandiff.parse_text(fed)
    assert [a.label for a in plan.appendices] == ["PHỤ LỤC I", "PHỤ LỤC II"]
    assert_nothing_lost(plan)
