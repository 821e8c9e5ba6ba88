"""The clause tree on real text: every phenomenon the fixtures' README names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plandiff
from plandiff.parsing.lines import split_lines
from plandiff.tasks import tasks
from tests.conftest import FIXTURES, load


def ids(plan: plandiff.Plan) -> set[str]:
    return {c.id for c in plan.walk()}


def test_sections_items_points_nest_by_marker_sequence() -> None:
    plan = load("tth-2024")
    assert [c.label for c in plan.clauses] == ["I.", "II.", "III.", "IV.", "V."]
    ii = plan.find("II")
    assert ii is not None and ii.text == "NỘI DUNG"
    assert [c.id for c in ii.children] == [f"II.{n}" for n in range(1, 10)]
    assert [c.label for c in plan.find("II.4").children] == ["a)", "b)", "c)", "d)"]
    assert plan.find("IV.1.đ").kind == "point"


def test_blank_line_inside_a_heading_is_joined() -> None:
    # "…pháp luật về bình" / blank / "đẳng giới" in the PDF text
    assert load("tth-2024").find("II.1").text == "Nghiên cứu, hoàn thiện thể chế, chính sách, pháp luật về bình đẳng giới"
    assert load("hue-2026").find("II.1").text == "Nghiên cứu, hoàn thiện thể chế, chính sách, pháp luật về bình đẳng giới"


def test_page_break_line_starting_with_space_continues_the_paragraph() -> None:
    text = load("tth-2024").find("II.2.a").text
    assert "trên địa bàn tỉnh; Kế hoạch số 212/KH-UBND ngày 11/6/2021" in text


def test_a_wrapped_year_is_not_an_item() -> None:
    plan = load("tth-2024")
    item = plan.find("IV.10")
    assert [c.id for c in item.children] == ["IV.10.a", "IV.10.b"]
    assert item.children[0].text.endswith("giai đoạn I: từ năm 2021 đến năm 2025.")
    assert load("hue-2026").find("IV.13.a").text.endswith("năm 2026;")


def test_double_spacing_and_a_dash_that_continues_a_compound() -> None:
    plan = load("anlao-2024")
    item = plan.find("II.4")
    # "phát triển kinh tế" / "- xã hội." is one phrase, not a bullet
    assert "phát triển kinh tế - xã hội." in item.text
    assert item.children == ()
    assert [c.label for c in plan.find("IV.1").children] == ["-"] * 7


def test_an_items_line_naming_only_bodies_heads_their_duties_however_wide() -> None:
    """In a double-spaced PDF's text every line stands between blank lines, and an item's heading
    that names two bodies ("2. Phòng Văn hóa - Thông tin; Trung tâm Văn hóa - Thông tin và Thể
    thao") is as wide as the page's lines: it heads the duties below it all the same, as its
    sibling's shorter heading does — while a line as wide that says a duty, or whose last name the
    line broke, runs on."""
    page = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Lao động - Thương binh và Xã hội\n\n"
            "Chủ trì, theo dõi việc triển khai thực hiện Kế hoạch; tổng hợp, báo cáo kết quả\n\n"
            "về Ủy ban nhân dân huyện theo quy định.\n\n"
            "2. Phòng Văn hóa - Thông tin; Trung tâm Văn hóa - Thông tin và Thể thao\n\n"
            "Hướng dẫn, chỉ đạo đẩy mạnh các hoạt động tuyên truyền về bình đẳng giới trên\n\n"
            "địa bàn huyện; duy trì các chuyên mục tuyên truyền trên hệ thống truyền thanh.\n\n"
            "3. Phòng Y tế phối hợp với Trung tâm Y tế huyện tổ chức tư vấn về chăm sóc sức\n\n"
            "Khỏe sinh sản cho phụ nữ và trẻ em gái tại các xã, thị trấn trên địa bàn huyện.\n\n"
            "4. Phòng Nội vụ, Phòng Tư pháp, Phòng Lao động - Thương binh và Xã hội, Hội Liên hiệp\n\n"
            "Phụ nữ huyện phối hợp tổ chức các hoạt động truyền thông về bình đẳng giới.\n")
    plan = plandiff.parse("KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n\n"
                          + page)
    texts = {c.id: c.text for c in plan.walk()}
    assert texts["IV.2"].split("\n")[0] == "Phòng Văn hóa - Thông tin; Trung tâm Văn hóa - Thông tin và Thể thao"
    assert texts["IV.2"].split("\n")[1].startswith("Hướng dẫn, chỉ đạo")
    assert texts["IV.1"].split("\n")[0] == "Phòng Lao động - Thương binh và Xã hội"
    assert texts["IV.3"].startswith("Phòng Y tế phối hợp với Trung tâm Y tế huyện tổ chức tư vấn về chăm sóc sức Khỏe")
    # a name the line broke ("… Hội Liên hiệp" / "Phụ nữ huyện …") is no heading's end
    assert texts["IV.4"].startswith("Phòng Nội vụ, Phòng Tư pháp, Phòng Lao động - Thương binh và Xã hội, Hội Liên hiệp Phụ nữ")
    [duty] = [t for t in tasks(plan) if t.place == "IV.2"][:1]
    assert (duty.agency, duty.text[:18]) == ("Phòng Văn hóa - Thông tin; Trung tâm Văn hóa - Thông tin và Thể thao", "Hướng dẫn, chỉ đạo")


def test_markdown_decoration_is_set_aside() -> None:
    plan = load("tth-2023")
    assert plan.find("II.2").text == "Nâng cao năng lực và hiệu quả quản lý nhà nước về bình đẳng giới"
    # a bold heading broken over two Markdown lines
    assert plan.find("II.5").text.startswith("Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực")
    assert any(a.kind == "markup" and a.text == "**" for a in plan.artefacts)
    assert all("**" not in c.text and "#" not in c.text for c in plan.walk())


def test_duplicate_labels_get_a_suffix() -> None:
    plan = load("tth-2023")
    first, second = plan.find("IV.1.d"), plan.find("IV.1.d#2")
    assert first is not None and second is not None
    assert first.label == second.label == "d)"
    assert second.text.startswith("Phối hợp với các đơn vị liên quan tổ chức Hội thảo")


def test_gaps_in_numbering_keep_the_printed_labels() -> None:
    plan = load("hue-2026")
    assert [c.label for c in plan.find("IV").children] == ["1.", "2.", "3.", "4.", "7.", "8.", "11.", "12.", "13.", "14.", "15."]


def test_stray_point_label_heading_an_agency_stays_inside_its_item() -> None:
    plan = load("hue-2026")
    stray = plan.find("IV.1.e#2")
    assert stray is not None and stray.text == "Ban Dân tộc – Tôn giáo, Sở Nội vụ"
    assert [c.kind for c in stray.children] == ["dash", "dash"]
    assert [c.label for c in plan.find("IV.1").children][-2:] == ["h)", "e)"]


def test_sub_items_and_bullets_under_them() -> None:
    plan = load("hungyen-2024")
    sub = plan.find("II.4.1")
    assert sub is not None and sub.kind == "subitem" and sub.label == "4.1."
    assert [c.id for c in plan.find("II.6").children] == ["II.6.1", "II.6.2", "II.6.3", "II.6.4"]
    assert [c.kind for c in plan.find("II.6.4").children] == ["dash", "dash"]


def test_a_paragraph_after_bullets_belongs_to_their_parent() -> None:
    item = load("hungyen-2024").find("II.5")
    assert "Thực hiện nghiêm chế độ thông tin, báo cáo về công tác bình đẳng giới" in item.text
    assert len(item.children) == 6


def test_page_number_standing_alone_is_dropped_and_recorded() -> None:
    plan = load("hungyen-2024")
    pages = [a for a in plan.artefacts if a.kind == "page_number"]
    assert [a.text for a in pages] == ["5"]
    assert plan.source[pages[0].span.start:pages[0].span.end] == "5"


def test_glued_footnote_markers_and_dropped_bodies_are_recovered() -> None:
    plan = load("hungyen-2024")
    assert [(f.label, f.clause) for f in plan.footnotes] == [("1", "II.1"), ("2", "II.3.-2"), ("3", "II.4.1")]
    assert plan.footnotes[0].text.startswith("Nghị định 70/2008/NĐ-CP ngày 04/6/2008")
    assert plan.footnotes[2].text.endswith("trên địa bàn tỉnh Hưng Yên.")
    assert "hướng dẫn thực hiện Luật. Thực hiện nghiêm" in plan.find("II.1").text
    assert "tới năm 2025 tại Kế hoạch số 65/KH-UBND" in plan.find("II.3.-2").text
    assert "của Uỷ ban nhân dân tỉnh và điều kiện thực tiễn" in plan.find("II.4.1").text
    # the bodies left the text they interrupted: the bullet reads on across the page
    assert "hệ thống thông tin cơ sở ở các xã, phường, thị trấn" in plan.find("II.4.1.-1").text


def test_a_first_footnote_numbered_01_is_found_and_digits_glued_without_one_stay_text() -> None:
    head = "KẾ HOẠCH\nThử nghiệm\n\nI. NỘI DUNG\n"
    plan = plandiff.parse(head + "1. Thực hiện Luật Bình đẳng giới01 trên địa bàn tỉnh.\n2. Tuyên truyền.\n"
                          "01Luật số 73/2006/QH11.\n3. Kiểm tra.\n")
    assert [(f.label, f.text, f.clause) for f in plan.footnotes] == [("01", "Luật số 73/2006/QH11.", "I.1")]
    assert plan.find("I.1").text == "Thực hiện Luật Bình đẳng giới trên địa bàn tỉnh."
    # a body numbered 2 with no first footnote before it is no footnote: nothing is taken out
    plan = plandiff.parse(head + "1. Thực hiện Luật Bình đẳng giới2 trên địa bàn tỉnh.\n2. Tuyên truyền.\n"
                          "2Luật số 73/2006/QH11.\n3. Kiểm tra.\n")
    assert plan.footnotes == ()
    assert plan.find("I.1").text == "Thực hiện Luật Bình đẳng giới2 trên địa bàn tỉnh."
    assert "2Luật số 73/2006/QH11." in plan.find("I.2").text


def test_letter_or_roman_is_decided_by_the_sequence() -> None:
    head = "KẾ HOẠCH\nThử nghiệm\n\nI. NỘI DUNG\n1. Nhiệm vụ\n"
    letters = head + "".join(f"{c}) Việc {c}.\n" for c in "abcdđeghik")
    plan = plandiff.parse(letters)
    item = plan.find("I.1")
    assert [c.label for c in item.children][-3:] == ["h)", "i)", "k)"]
    assert {c.kind for c in item.children} == {"point"}
    romans = head + "a) Việc a:\ni) Ý thứ nhất;\nii) Ý thứ hai;\niii) Ý thứ ba.\nb) Việc b.\n"
    plan = plandiff.parse(romans)
    a = plan.find("I.1.a")
    assert [c.label for c in a.children] == ["i)", "ii)", "iii)"]
    assert plan.find("I.1.b") is not None


def test_text_starting_with_a_number_or_date_is_not_an_item() -> None:
    text = ("KẾ HOẠCH\nThử nghiệm\n\nI. NỘI DUNG\n1. Tổ chức Tháng hành động vì bình đẳng giới trong toàn tỉnh từ ngày\n"
            "15/11/2024 đến ngày 15/12/2024 với nhiều hoạt động phong phú trên địa bàn các huyện, thị xã và\n"
            "2025 là năm tổng kết giai đoạn.\n2. Kiểm tra.\n")
    plan = plandiff.parse(text)
    assert [c.id for c in plan.walk()] == ["I", "I.1", "I.2"]
    assert "15/11/2024 đến ngày" in plan.find("I.1").text


def test_ids_are_unique_and_spans_point_at_the_label(any_plan: plandiff.Plan) -> None:
    seen = [c.id for c in any_plan.walk()]
    assert len(seen) == len(set(seen))
    for c in any_plan.walk():
        printed = any_plan.source[c.span.start:c.span.end]
        assert printed.startswith(c.label), (c.id, printed[:20])


def test_text_is_nfc_even_from_nfd_input() -> None:
    import unicodedata

    raw = (load("tth-2024").source)
    plan = plandiff.parse(unicodedata.normalize("NFD", raw))
    assert plan.find("II.1").text == load("tth-2024").find("II.1").text
    assert all(unicodedata.is_normalized("NFC", c.text) for c in plan.walk())


def test_numbering_styles_of_other_drafters() -> None:
    """PHẦN I. parts, "a." letters, "(1)" and "1)" points, "1.2.1." under "1.2.", and "*" bullets
    over "+" ones (among bullets, the order they first appear in decides the nesting)."""
    from pathlib import Path

    plan = plandiff.parse_file(Path(__file__).parent / "data" / "numbering-styles.txt")
    part = plan.find("I")
    assert (part.label, part.text) == ("PHẦN I.", "MỤC ĐÍCH, YÊU CẦU")
    assert [c.label for c in plan.find("I.1").children] == ["a.", "b."]
    assert [(c.id, c.label, c.kind) for c in plan.find("I.2").children] == [("I.2.1", "(1)", "point"), ("I.2.2", "(2)", "point")]
    assert [c.label for c in plan.find("II.2").children] == ["1)", "2)"]
    assert [c.id for c in plan.find("II.1.2").children] == ["II.1.2.1", "II.1.2.2"]
    outer = plan.find("II.1.1").children
    assert [c.label for c in outer] == ["*", "*"]
    assert [c.label for c in outer[0].children] == ["+", "+"] and not outer[1].children
    assert [c.label for c in plan.clauses] == ["PHẦN I.", "PHẦN II.", "PHẦN III."]


def test_letters_and_roman_numerals_in_brackets_are_points() -> None:
    """"(a)", "(b)" and "(i)", "(ii)" (a central document's style) number points as "a)" and "i)"
    do; a bracket opening a wrapped line ("(kể cả …)") stays text."""
    head = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 5/KH-UBND\nAn Giang, ngày 2 tháng 3 năm 2024\n"
            "KẾ HOẠCH\nBình đẳng giới năm 2024\n")
    plan = plandiff.parse_text(head + "I. MỤC TIÊU\n1. Mục tiêu chung\n(a) Nâng cao nhận thức;\n(b) Giảm khoảng cách giới.\n"
                               "2. Mục tiêu cụ thể\na) Trong chính trị:\n(i) Tỷ lệ nữ đại biểu;\n(ii) Tỷ lệ nữ lãnh đạo.\n"
                               "b) Trong kinh tế.\n3. Tuyên truyền cho cán bộ, công chức, viên chức, người lao động của các cơ quan\n"
                               "(kể cả doanh nghiệp) trên địa bàn tỉnh.\n")
    assert [(c.id, c.label, c.kind) for c in plan.find("I.1").children] == [("I.1.a", "(a)", "point"), ("I.1.b", "(b)", "point")]
    assert [(c.id, c.label) for c in plan.find("I.2.a").children] == [("I.2.a.i", "(i)"), ("I.2.a.ii", "(ii)")]
    assert [c.id for c in plan.find("I.2").children] == ["I.2.a", "I.2.b"]
    assert plan.find("I.3").children == () and "(kể cả doanh nghiệp)" in plan.find("I.3").text


def test_labels_closed_by_a_slash_or_a_dash() -> None:
    """Local plans write "I/", "1/", "a/", "b-" and "1-" for "I.", "1.", "a)" and "1.": the same tree;
    a date or a range at a line's start ("1/3/2024", "2-3 ngày") and "V/v" are no labels."""
    text = ("KẾ HOẠCH\nThử nghiệm\n\nI/ MỤC ĐÍCH, YÊU CẦU\n1/ Mục đích\na/ Nâng cao nhận thức về bình đẳng giới\n"
            "trong các cơ quan, đơn vị vào ngày\n1/3/2024 và các ngày sau.\nb- Thay đổi hành vi.\n2/ Yêu cầu\n- Bám sát.\n"
            "II/ NỘI DUNG\n1- Tuyên truyền trong\n2-3 ngày đầu tháng.\n2- Kiểm tra.\n+ Định kỳ.\nIII/ TỔ CHỨC THỰC HIỆN\n"
            "1/ Sở Nội vụ chủ trì.\n")
    plan = plandiff.parse(text)
    assert [(c.id, c.label) for c in plan.walk()] == [
        ("I", "I/"), ("I.1", "1/"), ("I.1.a", "a/"), ("I.1.b", "b-"), ("I.2", "2/"), ("I.2.-1", "-"),
        ("II", "II/"), ("II.1", "1-"), ("II.2", "2-"), ("II.2.-1", "+"), ("III", "III/"), ("III.1", "1/")]
    assert plan.find("I.1.a").text.endswith("vào ngày 1/3/2024 và các ngày sau.")
    assert plan.find("II.1").text == "Tuyên truyền trong 2-3 ngày đầu tháng."
    from plandiff.parsing.markers import match

    assert match("V/V BÁO CÁO KẾT QUẢ") is None and match("V/v báo cáo") is None
    sentence_case = match("I/ Mục đích, yêu cầu")  # a heading in sentence case too
    assert sentence_case is not None and (sentence_case.style, sentence_case.rest) == ("roman", "Mục đích, yêu cầu")


def test_a_plan_written_as_a_regulation_in_chapters_and_articles() -> None:
    """"Chương I" over "Điều 1." over "1." and "a)": chapters are parts, articles stand under them
    (before, the chapters ran into the title and the articles into the first item); a line that
    opens with a reference to a chapter ("Chương II của Luật …", a wrapped sentence) is text."""
    text = ("KẾ HOẠCH\nThử nghiệm\n\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Kế hoạch này quy định theo\n"
            "Chương II của Luật Bình đẳng giới.\nĐiều 2. Đối tượng\nCán bộ, công chức.\nChương II\nNHIỆM VỤ\n"
            "Điều 3. Nhiệm vụ\na) Tuyên truyền.\nb) Kiểm tra.\n")
    plan = plandiff.parse(text)
    assert plan.meta.title == "Thử nghiệm"
    assert [(c.id, c.kind) for c in plan.walk()] == [
        ("I", "section"), ("I.Điều 1", "article"), ("I.Điều 1.1", "item"), ("I.Điều 2", "article"), ("II", "section"),
        ("II.Điều 3", "article"), ("II.Điều 3.a", "point"), ("II.Điều 3.b", "point")]
    assert " ".join(plan.find("I.Điều 1.1").text.split()) == "Kế hoạch này quy định theo Chương II của Luật Bình đẳng giới."
    assert (plan.find("I").label, plan.find("I").text) == ("Chương I", "QUY ĐỊNH CHUNG")
    # without chapters, "Điều 5. …" opening a line is a quotation, not an article
    quoted = plandiff.parse("KẾ HOẠCH\nThử\n\nI. NỘI DUNG\n1. Tuyên truyền quy định tại\nĐiều 5. Luật Bình đẳng giới.\n")
    assert [c.id for c in quoted.walk()] == ["I", "I.1"]


def test_a_bracketed_number_inside_a_sentence_is_no_point() -> None:
    plan = plandiff.parse("KẾ HOẠCH\nThử\n\nI. NỘI DUNG\n1. Chỉ tiêu\nTỷ lệ đạt (1) như sau và\n(2025) là năm đầu.\n")
    assert [c.id for c in plan.walk()] == ["I", "I.1"]


def test_a_heading_under_its_bare_number_and_a_space_before_the_dot() -> None:
    plan = plandiff.parse("KẾ HOẠCH\nThử nghiệm\n\nI.\nMỤC ĐÍCH\n1.\nMục đích\nNâng cao nhận thức.\nII -  NỘI DUNG\n"
                          "1 . Tuyên truyền\na ) Tổ chức hội nghị.\nb)Tập huấn.\n2.Kiểm tra.\n")
    assert [c.id for c in plan.walk()] == ["I", "I.1", "II", "II.1", "II.1.a", "II.1.b", "II.2"]
    assert plan.find("II.1").text == "Tuyên truyền" and plan.find("I").text == "MỤC ĐÍCH"


LETTERED = """KẾ HOẠCH
Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới năm 2025

A. MỤC ĐÍCH, YÊU CẦU
I. Mục đích
1. Nâng cao nhận thức về bình đẳng giới.
2. Huy động sự tham gia của cộng đồng.
II. Yêu cầu
Các hoạt động thiết thực, hiệu quả.
B. NỘI DUNG HOẠT ĐỘNG
I. Các hoạt động
1. Tổ chức lễ phát động, có sự tham gia của đồng chí
B. Văn Hùng, Phó Chủ tịch.
2. Tuyên truyền trên phương tiện thông tin.
C. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chủ trì.
"""


def test_parts_lettered_in_capitals_stand_over_the_roman_sections() -> None:
    """"A. MỤC ĐÍCH …", "B. NỘI DUNG …", "C. TỔ CHỨC …": parts over roman sections, the title
    ending before the first; a capital out of its sequence (an initial after a wrapped line) is text."""
    plan = plandiff.parse_text(LETTERED)
    assert [c.id for c in plan.clauses] == ["A", "B", "C"]
    assert plan.meta.title == "Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới năm 2025"
    assert [c.id for c in plan.clauses[0].walk()] == ["A", "A.I", "A.I.1", "A.I.2", "A.II"]
    assert plan.find("B.I.1").text.endswith("đồng chí B. Văn Hùng, Phó Chủ tịch.")
    assert [c.id for c in plan.clauses[2].walk()] == ["C", "C.1"]
    assert plan.clauses[1].label == "B." and plan.clauses[1].kind == "section"


def test_a_capital_letter_alone_is_not_a_part() -> None:
    """Without "A." before it, "B. …" opens no part (an initial, a quotation's list)."""
    plan = plandiff.parse_text("KẾ HOẠCH\nThực hiện công tác dân số\n\nI. NỘI DUNG\n1. Tuyên truyền.\n\n"
                               "B. Trần Văn Nam phụ trách tuyên truyền.\n2. Kiểm tra.\n")
    assert [c.id for c in plan.walk()] == ["I", "I.1", "I.2"]
    assert "B. Trần Văn Nam" in plan.find("I.1").text


def test_items_numbered_with_a_bracket_hold_their_lettered_points() -> None:
    """"1) Tuyên truyền" under a section numbers its items, and the "a)" under it are its points
    (the conventional order puts "(1)" under "a)": the open one of the two takes the other)."""
    plan = plandiff.parse_text("KẾ HOẠCH\nThực hiện công tác dân số\n\nI. NỘI DUNG\n1) Tuyên truyền\na) Tổ chức hội nghị.\n"
                               "b) In tờ rơi.\n2) Kiểm tra\n- Kiểm tra định kỳ.\nII. TỔ CHỨC THỰC HIỆN\n1) Sở Y tế chủ trì.\n")
    assert [(c.id, c.kind) for c in plan.walk()] == [
        ("I", "section"), ("I.1", "item"), ("I.1.a", "point"), ("I.1.b", "point"), ("I.2", "item"), ("I.2.-1", "dash"),
        ("II", "section"), ("II.1", "item")]
    nested = plandiff.parse_text("KẾ HOẠCH\nThực hiện công tác dân số\n\nI. NỘI DUNG\n1. Tuyên truyền\na) Cấp tỉnh:\n"
                                 "(1) Hội nghị tập huấn.\n(2) Hội nghị tổng kết.\nb) Cấp xã.\n")
    assert [(c.id, c.kind) for c in nested.walk()] == [
        ("I", "section"), ("I.1", "item"), ("I.1.a", "point"), ("I.1.a.1", "point"), ("I.1.a.2", "point"), ("I.1.b", "point")]


@pytest.mark.parametrize("dash", [" -", " –", "–"])
def test_labels_closed_by_a_spaced_or_en_dash(dash: str) -> None:
    """"1 - Mục tiêu chung", "a – Nâng cao …": a typist's space before the dash, or Word's en dash,
    close a label as "1-" and "a-" do (the items and points had run into their section); a range
    ("1 - 2 ngày") is still no label."""
    text = (f"KẾ HOẠCH\nThử nghiệm năm 2026\n\nI{dash} MỤC TIÊU\n1{dash} Mục tiêu chung\na{dash} Nâng cao nhận thức\n"
            f"trong\n1 - 2 ngày đầu.\nb{dash} Tổ chức hội nghị.\n2{dash} Mục tiêu cụ thể\nII{dash} NHIỆM VỤ\n1{dash} Tuyên truyền\n")
    plan = plandiff.parse(text)
    assert [(c.id, c.label) for c in plan.walk()] == [
        ("I", f"I{dash}"), ("I.1", f"1{dash}"), ("I.1.a", f"a{dash}"), ("I.1.b", f"b{dash}"), ("I.2", f"2{dash}"),
        ("II", f"II{dash}"), ("II.1", f"1{dash}")]
    assert plan.find("I.1.a").text == "Nâng cao nhận thức trong 1 - 2 ngày đầu."


def test_items_numbered_with_a_bracket_hold_their_decimal_subitems() -> None:
    """"1) Quan trắc" under a section is an item, so its "1.1.", "1.2." are its subitems and "2)"
    is the next item (the subitems had closed it, and "2)" had gone under "1.2." as a point): the
    tree of a plan numbered "1)" is the tree of the same plan numbered "1."."""
    body = ("KẾ HOẠCH\nQuan trắc môi trường năm 2026\n\nI. MỤC TIÊU\n1# Mục tiêu chung\n2# Mục tiêu cụ thể\n"
            "II. NỘI DUNG\n1# Quan trắc\n1.1. Tôm nuôi nước lợ\na) Nguồn nước cấp.\nb) Ao nuôi.\n1.2. Ngao\n"
            "2# Thông tin tuyên truyền\n3# Xây dựng hệ thống quan trắc\n")
    dotted = plandiff.parse_text(body.replace("#", "."))
    bracketed = plandiff.parse_text(body.replace("#", ")"))
    assert [c.id for c in bracketed.walk()] == [c.id for c in dotted.walk()] == [
        "I", "I.1", "I.2", "II", "II.1", "II.1.1", "II.1.1.a", "II.1.1.b", "II.1.2", "II.2", "II.3"]
    assert [c.kind for c in bracketed.walk()] == [c.kind for c in dotted.walk()]


def test_parts_named_by_ordinal_words_are_numbered() -> None:
    """"Phần thứ nhất", "PHẦN THỨ HAI": parts I and II (ids without the ordinal words), in order."""
    plan = plandiff.parse_text("KẾ HOẠCH\nThực hiện công tác dân số giai đoạn 2025-2030\n\nPhần thứ nhất\n"
                               "ĐÁNH GIÁ KẾT QUẢ\nI. Kết quả đạt được\n1. Tuyên truyền được đẩy mạnh.\nPHẦN THỨ HAI\n"
                               "NHIỆM VỤ\nI. Mục tiêu\n1. Duy trì mức sinh thay thế.\n")
    assert [c.id for c in plan.walk()] == ["I", "I.I", "I.I.1", "II", "II.I", "II.I.1"]
    assert [c.label for c in plan.clauses] == ["Phần thứ nhất", "PHẦN THỨ HAI"]


def test_the_plans_closing_words_are_no_clauses_text() -> None:
    """"Trên đây là Kế hoạch …" after the last clause closes the plan: a clause of its own (kind
    "paragraph", id "closing"), not the last agency's duty; the same words before a numbered
    clause stay where they are."""
    plan = load("anlao-2024")
    closing = plan.clauses[-1]
    assert (closing.id, closing.kind, closing.label) == ("closing", "paragraph", "")
    assert closing.text.startswith("Trong quá trình triển khai thực hiện, nếu phát sinh các khó khăn")
    assert "khó khăn" not in plan.find("IV.11").text
    assert plandiff.parse_text(plandiff.render_plain(plan)).clauses[-1].text == closing.text
    text = ("KẾ HOẠCH\nThực hiện công tác dân số\n\nI. NỘI DUNG\n1. Tuyên truyền.\nTrên đây là nội dung tuyên truyền "
            "năm 2025.\n2. Kiểm tra.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì.\nTrên đây là Kế hoạch thực hiện công "
            "tác dân số năm 2025 của UBND tỉnh.\n")
    plan = plandiff.parse_text(text)
    assert [c.id for c in plan.walk()] == ["I", "I.1", "I.2", "II", "II.1", "closing"]
    assert "Trên đây là nội dung" in plan.find("I.1").text
    assert plan.find("closing").text == "Trên đây là Kế hoạch thực hiện công tác dân số năm 2025 của UBND tỉnh."


def test_items_numbered_under_their_sections_roman_numeral() -> None:
    """"I.1. Mục đích", "II.1. Tuyên truyền": items of sections I and II (they were read as
    sections "I." whose text began "1. …", with ids I#2, I#3)."""
    plan = plandiff.parse_text("KẾ HOẠCH\nThực hiện công tác dân số năm 2025\n\nI. MỤC ĐÍCH, YÊU CẦU\nI.1. Mục đích\n"
                               "Nâng cao nhận thức.\nI.2. Yêu cầu\nBám sát mục tiêu.\nII. NHIỆM VỤ\nII.1. Tuyên truyền\n"
                               "a) Tổ chức hội nghị.\nII.1.1. Cấp huyện.\nII.2. Kiểm tra\n")
    assert [(c.id, c.kind) for c in plan.walk()] == [
        ("I", "section"), ("I.1", "item"), ("I.2", "item"), ("II", "section"), ("II.1", "item"), ("II.1.a", "point"),
        ("II.1.1", "subitem"), ("II.2", "item")]
    assert plan.find("I.1").text == "Mục đích\nNâng cao nhận thức."


def test_a_line_closes_a_paragraph_exactly_where_the_closing_pattern_ends_it() -> None:
    """Read from the line's end, for speed: the same answer as the pattern's search, on the seeds'
    lines and on every short string of the characters that matter."""
    import itertools

    from plandiff.parsing.structure import _CLOSING, _closes_paragraph

    lines = [ln for name in ("tth-2024", "hue-2026", "anlao-2024") for ln in load(name).source.splitlines()]
    alphabet = ".:!?…/”\"’)]a \t"
    shorts = ("".join(p) for n in range(5) for p in itertools.product(alphabet, repeat=n))
    checked = 0
    for text in itertools.chain(lines, shorts):
        assert _closes_paragraph(text) == bool(_CLOSING.search(text.rstrip())), repr(text)
        checked += 1
    assert checked > 30_000


def test_markers_are_found_whatever_the_line_opens_with() -> None:
    """A letter's label needs ")" or a one-letter "."; a bullet opens with its sign: every kind is
    still found, and a line that only looks close is not a marker."""
    from plandiff.parsing.markers import match

    found = {t: (m.style, m.key) if m else None for t in ("a) Tuyên truyền", "đ. Tổ chức", "ab) Hai", "iv) Bốn",
                                                          "- gạch", "+ cộng", "• chấm", "f) Word", "a Không",
                                                          "a.b Không", "x) mười", "Phần I. Chung")
             for m in [match(t)]}
    assert found == {"a) Tuyên truyền": ("letter", "a"), "đ. Tổ chức": ("letter", "đ"), "ab) Hai": None,
                     "iv) Bốn": ("roman_lower", "iv"), "- gạch": ("dash", "-"), "+ cộng": ("plus", "+"),
                     "• chấm": ("bullet", "•"), "f) Word": ("letter", "f"), "a Không": None, "a.b Không": None,
                     "x) mười": ("letter", "x"), "Phần I. Chung": ("part", "I")}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", " ", "\t", "  \u3000", "\u2003"]), st.sampled_from(["Việc a", "1. Mục", "x"]),
                          st.sampled_from(["", " ", "\t ", "\u00a0"])), min_size=1, max_size=8))
def test_a_lines_span_is_its_text_between_the_white_space_around_it(rows: list[tuple[str, str, str]]) -> None:
    text = "\n".join(lead + body + trail for lead, body, trail in rows)
    lines, _ = split_lines(text, markdown=False)
    assert [ln.text for ln in lines] == [body for _, body, _ in rows]
    assert [text[ln.start:ln.end] for ln in lines] == [ln.text for ln in lines]
    assert [ln.indent for ln in lines] == [len(lead) for lead, _, _ in rows]  # (how far in: a tab is one)


def test_a_paragraph_folds_the_space_of_lines_that_are_not_plain() -> None:
    # lines read as plain (single-spaced, printable) are joined as they are; a line whose text a
    # later stage changed ("[1]" taken out between two words) is folded again
    from plandiff.parsing.lines import Line, is_plain
    from plandiff.parsing.structure import Paragraph

    assert is_plain("Tuyên truyền về giới") and not is_plain("Tuyên  truyền") and not is_plain("a\tb")
    assert not is_plain("") and not is_plain("Luật ") and not is_plain(" Luật")
    first = Line("Thực hiện Luật Bình đẳng giới [1] và", 0, 36, plain=True)
    marked = first.without(first.text.index("[1]"), 3)
    assert marked.text == "Thực hiện Luật Bình đẳng giới  và" and not marked.plain
    rest = Line("các văn bản hướng dẫn.", 37, 59, plain=True)
    assert Paragraph(None, [marked, rest]).text == "Thực hiện Luật Bình đẳng giới và các văn bản hướng dẫn."
    assert Paragraph(None, [first, rest]).text == "Thực hiện Luật Bình đẳng giới [1] và các văn bản hướng dẫn."
    assert Paragraph(None, [Line("a   b", 0, 5)]).text == "a b"  # not known to be plain: folded


def test_a_line_that_stops_on_a_word_no_sentence_ends_on_runs_on() -> None:
    # the department's Word file breaks a bullet by hand after "của" (a line break in its paragraph)
    plan = plandiff.parse(FIXTURES / "office" / "lamdong-tdcchc-2026-2.docx")
    bullet = next(c for c in plan.walk() if c.text.startswith("Nội bộ đoàn kết"))
    assert bullet.text.startswith("Nội bộ đoàn kết, gương mẫu chấp hành tốt chủ trương, đường lối của Đảng, chính sách")
    assert bullet.text.endswith("hoàn thành tốt nhiệm vụ trở lên.")
    parent = plan.find(bullet.id.rpartition(".")[0])
    assert "Đảng, chính sách, pháp luật" not in parent.text
    # and in text, whatever the line's length
    plan = plandiff.parse_text("KẾ HOẠCH\nTruyền thông năm 2025\n\nI. NHIỆM VỤ\n1. Tuyên truyền các chủ trương của\n"
                               "Đảng về bình đẳng giới.\n2. Phối hợp với\nỦy ban Mặt trận Tổ quốc tỉnh.\n")
    assert [c.text for c in plan.find("I").children] == [
        "Tuyên truyền các chủ trương của Đảng về bình đẳng giới.", "Phối hợp với Ủy ban Mặt trận Tổ quốc tỉnh."]


def test_a_bullet_whose_first_line_a_portal_broke_short_runs_on() -> None:
    # a legal portal's copy of Phú Yên's plan 54/KH-UBND (2022): each paragraph's first line short
    text = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
Số: 54/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú Yên, ngày 09 tháng 3 năm 2022
KẾ HOẠCH
TRIỂN KHAI CHƯƠNG TRÌNH VỀ PHÒNG, CHỐNG BẠO LỰC GIA ĐÌNH
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Tạo sự chuyển biến mạnh mẽ nhận
thức về vị trí, vai trò, nâng cao trách nhiệm của các cấp, các ngành, tổ chức,
cá nhân, cộng đồng trong việc triển khai thực hiện công tác gia đình.
- Tiếp tục triển khai thực hiện
Chương trình hành động quốc gia về phòng, chống bạo lực gia đình; tăng cường sự
chỉ đạo của các cấp, các ngành, gia đình và cộng đồng xã hội trong công tác
phòng, chống bạo lực gia đình.
2. Yêu cầu
- Tăng cường công tác quản lý
nhà nước về gia đình, phòng, chống bạo lực gia đình trong tình hình mới.
"""
    item = plandiff.parse_text(text).find("I.1")
    assert item.text == "Mục đích"  # nothing of a bullet moved up into its parent
    assert len(item.children) == 2
    assert item.children[0].text.startswith("Tạo sự chuyển biến mạnh mẽ nhận thức về vị trí")
    assert item.children[1].text.startswith("Tiếp tục triển khai thực hiện Chương trình hành động quốc gia")
    assert item.children[1].text.endswith("trong công tác phòng, chống bạo lực gia đình.")


def test_a_plan_wrapped_at_fifty_columns_reads_as_its_page() -> None:
    """A page's text wrapped narrower than 60 columns (hundreds of lines say how wide it is): the
    same tree and the same grounds as the plan itself."""
    import textwrap

    text = (FIXTURES / "tth-2024.txt").read_text(encoding="utf-8")
    narrow = "\n".join(textwrap.fill(line, 50) if len(line) > 50 else line for line in text.split("\n"))
    plan, again = load("tth-2024"), plandiff.parse_text(narrow)
    assert [c.id for c in again.walk()] == [c.id for c in plan.walk()]
    assert {c.symbol for c in plandiff.citations(again) if c.role == "basis"} == {
        c.symbol for c in plandiff.citations(plan) if c.role == "basis"}


def test_a_heading_in_capitals_as_wide_as_the_page_ends_before_sentence_case() -> None:
    """Text wrapped at 60 columns: a section's heading in capitals fills its line, and the paragraph
    under it in sentence case is no more of the heading (the heading read one clause too long)."""
    text = ("KẾ HOẠCH\nThử nghiệm\n\nI. MỤC ĐÍCH\n\n1. Nâng cao nhận thức của toàn thể cán bộ công chức viên chức.\n\n"
            "IV. PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ NGÀNH, LĨNH VỰC\n"
            "Phát triển kinh tế số và xã hội số toàn diện trong tất cả\ncác ngành, lĩnh vực như sau:\n\n1. Nông nghiệp\n")
    section = plandiff.parse(text).clauses[1]
    assert section.text.split("\n") == ["PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ NGÀNH, LĨNH VỰC",
                                        "Phát triển kinh tế số và xã hội số toàn diện trong tất cả các ngành, lĩnh vực như sau:"]


@pytest.mark.parametrize(("before", "after"), [
    # a name written with a dash, broken at its dash by a page (a blank line between, or not)
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Lao động\n\n- Thương binh và Xã hội; Thủ trưởng các sở chịu "
     "trách nhiệm thi hành./.\n", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Lao động - Thương binh và Xã hội; Thủ trưởng"),
    ("Điều 3. Chánh Văn phòng, Vụ trưởng Vụ Kế hoạch\n- Tài chính, Thủ trưởng các đơn vị chịu trách nhiệm thi hành.\n",
     "Chánh Văn phòng, Vụ trưởng Vụ Kế hoạch - Tài chính, Thủ trưởng"),
    # a span of years broken at its dash
    ("Điều 1. Ban hành Kế hoạch hành động vì sự tiến bộ của phụ nữ giai đoạn 2021\n- 2030 của Bộ Giáo dục và Đào tạo.\n",
     "Ban hành Kế hoạch hành động vì sự tiến bộ của phụ nữ giai đoạn 2021 - 2030 của Bộ"),
])
def test_a_line_that_opens_with_a_dash_inside_a_name_or_a_span_is_no_bullet(before: str, after: str) -> None:
    plan = plandiff.parse("QUYẾT ĐỊNH\nBan hành kế hoạch\n\nCăn cứ Luật Bình đẳng giới;\n\nQUYẾT ĐỊNH:\n\n" + before
                          + "\nĐiều 4. Quyết định này có hiệu lực kể từ ngày ký.\n")
    article = plan.articles[0]
    assert article.text.replace("\n", " ").startswith(after)
    assert not article.children


def test_bullets_that_only_look_like_a_broken_name() -> None:
    """ "- Xã hội hóa …" under "2. Văn hóa" is a bullet; so is one opening on a figure after its
    neighbour's ";" ("- 100% cán bộ …"); one in lower case after a bare word is the rest of it."""
    plan = plandiff.parse("KẾ HOẠCH\nThử\n\nI. NỘI DUNG\n2. Văn hóa\n- Xã hội hóa các hoạt động văn hóa.\n"
                          "3. Chỉ tiêu\n- Tập huấn cho cán bộ cơ sở về phòng, chống thiên tai tại cộng đồng;\n"
                          "- 100% cán bộ được tập huấn.\n4. Phát triển kinh tế\n\n- xã hội của huyện.\n")
    by_id = {c.id: c.text for c in plan.walk()}
    assert by_id["I.2.-1"] == "Xã hội hóa các hoạt động văn hóa."
    assert by_id["I.3.-2"] == "100% cán bộ được tập huấn."
    assert by_id["I.4"] == "Phát triển kinh tế - xã hội của huyện."


def test_the_plans_closing_words_after_a_full_line_in_a_converters_markdown() -> None:
    """A converter's Markdown with no blank line between paragraphs: the plan's closing words
    ("Trên đây là Kế hoạch …") open a paragraph of their own after a sentence's end, however long
    the line before them, and belong to no clause."""
    text = ("**KẾ HOẠCH**\n**Thực hiện công tác dân số**\n**I. NHIỆM VỤ**\n**1. Sở Y tế**\n"
            "Chủ trì, phối hợp với các sở, ban, ngành liên quan tổ chức triển khai thực hiện Kế hoạch này trên\n"
            "địa bàn thành phố; theo dõi, đôn đốc và tổng hợp báo cáo kết quả thực hiện theo quy định của pháp luật.\n"
            "Trên đây là Kế hoạch thực hiện công tác dân số của Ủy ban nhân dân thành phố.\n")
    plan = plandiff.parse(text)
    assert [c.id for c in plan.walk()] == ["I", "I.1", "closing"]
    assert plan.clauses[-1].text.startswith("Trên đây là Kế hoạch")


@pytest.mark.parametrize("label", ["Điều 1.", "Điều 1:", "Điều 1 .", "Điều 1-", "Điều 1.Ban"])
def test_an_articles_label_as_typists_write_it(label: str) -> None:
    text = label if label.endswith("Ban") else label + " Ban"
    plan = plandiff.parse("QUYẾT ĐỊNH\nBan hành kế hoạch\nCăn cứ Luật Bình đẳng giới;\nQUYẾT ĐỊNH:\n"
                          f"{text} hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực.\n")
    assert [(a.id, a.text) for a in plan.articles] == [("Điều 1", "Ban hành kèm theo Quyết định này Kế hoạch."),
                                                       ("Điều 2", "Quyết định này có hiệu lực.")]


def test_a_fourth_level_of_numbers_and_roman_points_closed_by_a_dot() -> None:
    """Long plans number a fourth level ("1.1.1.1."), and some close roman points with a dot
    ("i.", "ii."): each is a clause of its own, not text run into the one before."""
    plan = plandiff.parse("KẾ HOẠCH\nThử nghiệm\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền\n\n1.1. Nội dung\n\n1.1.1. Tổ chức hội nghị.\n\n"
                          "1.1.1.1. Cấp tỉnh.\n\n1.1.1.2. Cấp xã.\n\n2. Kiểm tra\n\na) Định kỳ:\n\ni. Ý thứ nhất.\n\n"
                          "ii. Ý thứ hai.\n")
    by_id = {c.id: c.text for c in plan.walk()}
    assert by_id["I.1.1.1.1"] == "Cấp tỉnh." and by_id["I.1.1.1.2"] == "Cấp xã."
    assert by_id["I.1.1.1"] == "Tổ chức hội nghị."
    assert by_id["I.2.a.i"] == "Ý thứ nhất." and by_id["I.2.a.ii"] == "Ý thứ hai."


@pytest.mark.parametrize("close", [")", "."])
@pytest.mark.parametrize("dot", [".", ""])
def test_a_points_sub_points_numbered_after_its_letter(dot: str, close: str) -> None:
    """"a.1)", "a.2)" under "a)" (and "a1)", "b.1.") are clauses of the point, each on its own, not
    text run into the point's heading; the next letter closes them."""
    subs = [f"a{dot}1{close} Tổ chức các hoạt động truyền thông nhân Tháng hành động vì bình đẳng giới và phòng",
            "ngừa, ứng phó với bạo lực trên cơ sở giới.", f"a{dot}2{close} Xây dựng chuyên mục trên báo, đài.",
            "b) Công tác kiểm tra", f"b{dot}1{close} Kiểm tra việc thực hiện pháp luật.", "2. Kinh phí", "a) Ngân sách tỉnh."]
    plan = plandiff.parse("KẾ HOẠCH\nThử nghiệm\nI. NHIỆM VỤ\n1. Nhiệm vụ chung\na) Công tác truyền thông\n" + "\n".join(subs) + "\n")
    by_id = {c.id: c for c in plan.walk()}
    assert by_id["I.1.a"].text == "Công tác truyền thông"
    assert [(c.id, c.label, c.kind) for c in by_id["I.1.a"].children] == [
        ("I.1.a.1", f"a{dot}1{close}", "point"), ("I.1.a.2", f"a{dot}2{close}", "point")]
    assert by_id["I.1.a.1"].text.endswith("trên cơ sở giới.")
    assert [c.id for c in by_id["I.1.b"].children] == ["I.1.b.1"]
    assert [c.id for c in by_id["I"].children] == ["I.1", "I.2"]
    assert by_id["I.2.a"].text == "Ngân sách tỉnh."


def test_a_letter_and_a_number_without_their_closing_mark_are_text() -> None:
    plan = plandiff.parse("KẾ HOẠCH\nThử nghiệm\nI. NHIỆM VỤ\n1. Nhiệm vụ\na) Xây dựng nhà văn hóa diện tích\n"
                          "m2 sàn trở lên.\na0) không là nhãn.\n")
    assert [c.id for c in plan.walk()] == ["I", "I.1", "I.1.a"]


def test_bullets_as_words_plain_text_writes_them() -> None:
    """Word's plain text (Save As .txt, a copy into a text editor) writes Symbol's bullet as "·" and
    Wingdings' and Courier's as the letter of their code, a tab after each ("§\\t", "Ø\\t", "o\\t"):
    each is a bullet of the clause above, a tab no column; "o" or "v" without a tab is a word."""
    plan = plandiff.parse("KẾ HOẠCH\nThử nghiệm\nI. NỘI DUNG\n1. Tuyên truyền\n·\tTổ chức hội nghị.\n· Phát tờ rơi.\n"
                          "§\tXây dựng chuyên mục.\no\tKiểm tra.\n2. Kiểm tra\nv các xã.\n")
    item = plan.find("I.1")
    assert item is not None and item.text == "Tuyên truyền"
    assert [(c.label, c.text) for c in item.children] == [
        ("·", "Tổ chức hội nghị."), ("·", "Phát tờ rơi."), ("§", "Xây dựng chuyên mục."), ("o", "Kiểm tra.")]
    assert plan.find("I.2").text == "Kiểm tra v các xã." and not plan.find("I.2").children


def test_a_first_section_ocr_read_as_one_is_section_one() -> None:
    """OCR reads a section's "I-" as "1-": an arabic 1 over a heading in capitals, with the
    delimiter of the "II-" that follows and no "I" before it, is section I; a "1." item over a
    capitals heading under a real "I." stays an item, and so does "1." before a "II-"."""
    import plandiff

    text = ("KẾ HOẠCH\nTuyên truyền năm 2026\n\n1- MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n2. Bảo đảm hiệu quả.\n"
            "II- NỘI DUNG\n1. Tuyên truyền.\n")
    assert [c.id for c in plandiff.parse(text).walk()] == ["I", "I.1", "I.2", "II", "II.1"]
    other = text.replace("1- MỤC ĐÍCH", "1. MỤC ĐÍCH")
    assert [c.id for c in plandiff.parse(other).clauses][:1] != ["I"]
    real = text.replace("1- MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.", "I- MỤC ĐÍCH, YÊU CẦU\n1- NÂNG CAO NHẬN THỨC")
    assert [c.id for c in plandiff.parse(real).walk()] == ["I", "I.1", "I.2", "II", "II.1"]


@pytest.mark.parametrize(("plain", "misread"), [("I. MỤC TIÊU", "l. MỤC TIÊU"), ("II. TỔ CHỨC THỰC HIỆN", "Il. TỔ CHỨC THỰC HIỆN"),
                                                ("II. TỔ CHỨC THỰC HIỆN", "ll. TỔ CHỨC THỰC HIỆN")])
def test_a_sections_numeral_an_ocr_read_with_a_small_l(plain: str, misread: str) -> None:
    """ "l." for "I.", "Il." / "ll." for "II." over a heading in capitals: the section as printed
    plainly, its items under it (the eleventh point "l)" stays a point)."""
    text = ("KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao nhận thức.\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n2. Các sở phối hợp:\n" + "".join(f"{c}) Việc {c}.\n" for c in "abcdeghikl"))
    plain_plan, got = plandiff.parse(text), plandiff.parse(text.replace(plain, misread))
    assert [(c.id, c.text, [(x.id, x.text) for x in c.walk()]) for c in got.clauses] == \
        [(c.id, c.text, [(x.id, x.text) for x in c.walk()]) for c in plain_plan.clauses]
    assert got.find("II.2.l") is not None


@pytest.mark.parametrize("misread", ["l.", "I."])
def test_an_items_one_an_ocr_read_as_l_or_i(misread: str) -> None:
    """ "l. Mục tiêu chung" or "I. Mục tiêu chung" under "I. MỤC TIÊU", before "2. Mục tiêu cụ thể":
    item 1 (its label as printed); under an open "k)" an "l)" stays a point, and "I." over a
    heading in capitals stays a section."""
    text = ("KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao nhận thức.\n"
            "2. Mục tiêu cụ thể\nĐạt 100%.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n")
    plain, got = plandiff.parse(text), plandiff.parse(text.replace("1. Mục tiêu chung", f"{misread} Mục tiêu chung"))
    assert [(c.id, c.text) for c in got.walk()] == [(c.id, c.text) for c in plain.walk()]
    assert got.find("I.1") is not None and got.find("I.1").label == misread  # type: ignore[union-attr]
    points = plandiff.parse(text.replace("Nâng cao nhận thức.\n", "".join(f"{c}) Việc {c}.\n" for c in "abcdeghik") + "l) Việc l.\n"))
    assert points.find("I.1.l") is not None
    caps = plandiff.parse(text.replace("II. TỔ CHỨC THỰC HIỆN", "I. TỔ CHỨC THỰC HIỆN"))
    assert [c.id for c in caps.clauses][:1] == ["I"] and len(caps.clauses) == 2


def test_a_sections_numeral_an_ocr_read_as_ones() -> None:
    """ "11. TỔ CHỨC THỰC HIỆN" after section I whose items stop at 3: section II; after an item
    10 it is the eleventh item."""
    items = "".join(f"{k}. Việc {k}.\n" for k in range(1, 4))
    text = f"KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC TIÊU\n{items}II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n"
    plain, got = plandiff.parse(text), plandiff.parse(text.replace("II. TỔ CHỨC", "11. TỔ CHỨC"))
    assert [(c.id, c.text) for c in got.walk()] == [(c.id, c.text) for c in plain.walk()]
    ten = "".join(f"{k}. Việc {k}.\n" for k in range(1, 11))
    eleventh = plandiff.parse(f"KẾ HOẠCH\nThực hiện công tác năm 2025\n\nI. NHIỆM VỤ\n{ten}11. SỞ Y TẾ CHỦ TRÌ\n")
    assert eleventh.find("I.11") is not None and len(eleventh.clauses) == 1
