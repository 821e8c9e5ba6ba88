"""Front and back matter: issuer, number, place and date, title, recipients, signature."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import plandiff
from tests.conftest import DATA, FIXTURES, load


def test_header_of_a_signed_plan() -> None:
    m = load("tth-2024").meta
    assert (m.number, m.date, m.year, m.place) == ("14/KH-UBND", "2024-01-12", 2024, "Thừa Thiên Huế")
    assert m.issuer == "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ"
    assert m.jurisdiction == plandiff.Jurisdiction("Thừa Thiên Huế", "tỉnh")
    assert m.doc_type == "KẾ HOẠCH"
    assert m.title == "Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2024 trên địa bàn tỉnh Thừa Thiên Huế"
    assert (m.signer, m.signer_title) == ("Nguyễn Thanh Bình", "PHÓ CHỦ TỊCH")
    assert m.signature_authority == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")


def test_number_with_spaces_and_city_jurisdiction() -> None:
    m = load("hue-2026").meta
    assert (m.number, m.date, m.place) == ("60/KH-UBND", "2026-01-31", "Huế")
    assert m.jurisdiction == plandiff.Jurisdiction("Huế", "thành phố")
    assert m.signer == "Trần Hữu Thùy Giang"


def test_a_draft_keeps_blank_number_and_day_as_null() -> None:
    m = load("anlao-2024").meta
    assert (m.number, m.date, m.year, m.place) == (None, None, 2024, "An Lão")
    assert m.jurisdiction == plandiff.Jurisdiction("An Lão", "huyện")
    assert m.motto == ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def test_lost_header_falls_back_to_the_title() -> None:
    m = load("tth-2023").meta
    assert (m.number, m.date, m.place, m.issuer) == (None, None, None, None)
    assert m.year == 2023
    assert m.jurisdiction == plandiff.Jurisdiction("Thừa Thiên Huế", "tỉnh")
    m = load("hungyen-2024").meta
    assert m.jurisdiction == plandiff.Jurisdiction("Hưng Yên", "tỉnh")
    assert (m.signer, m.signer_title) == (None, "PHÓ CHỦ TỊCH")


@pytest.mark.parametrize(("title", "year"), [
    ("KẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2026 TRÊN ĐỊA BÀN XÃ MAI GIANG", 2026),
    ("KẾ HOẠCH\nPhát triển hạ tầng số năm 2025, định hướng đến năm 2030", 2025),
    ("KẾ HOẠCH\nPHÁT TRIỂN HẠ TẦNG SỐ ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045", None),
])
def test_a_plan_without_a_date_takes_its_year_from_its_title(title: str, year: int | None) -> None:
    """A draft or a page without the date line: the year its title names, in capitals or not; a
    horizon ("đến năm 2030") is no plan's year."""
    text = f"{title}\n\nI. MỤC ĐÍCH\n\n1. Triển khai các nhiệm vụ của năm.\n"
    m = plandiff.parse(text).meta
    assert (m.date, m.year) == (None, year)


def test_a_page_without_a_header_names_its_type_and_title_over_its_preamble() -> None:
    """A department's page printing the plan under its name in sentence case, with no header: the
    name is the type and title, not the preamble's first words."""
    text = ("Kế hoạch Chương trình MTQG Nước sạch & VSMT nông thôn tỉnh Hà Nam năm 2014\n"
            "Thực hiện Công văn số 2191/BNN-TCTL ngày 03 tháng 7 năm 2013 của Bộ Nông nghiệp và PTNT, Ban điều hành "
            "xây dựng kế hoạch thực hiện Chương trình năm 2014 của tỉnh như sau:\n\n"
            "I. MỤC TIÊU\n\n1. Nâng cao tỷ lệ người dân nông thôn được sử dụng nước sạch.\n")
    plan = plandiff.parse(text)
    m = plan.meta
    assert (m.doc_type, m.title, m.year) == ("KẾ HOẠCH", "Chương trình MTQG Nước sạch & VSMT nông thôn tỉnh Hà Nam năm 2014", 2014)
    assert plan.preamble.startswith("Thực hiện Công văn số 2191/BNN-TCTL")
    assert [c.label for c in plan.clauses] == ["I."]
    # a sentence of the body that opens with a type's words is no heading
    body = "Kế hoạch này thay thế Kế hoạch số 12/KH-UBND.\nThực hiện đúng tiến độ.\n\nI. MỤC TIÊU\n\n1. Nội dung.\n"
    assert plandiff.parse(body).meta.doc_type is None


def test_preamble_recipients_and_signature() -> None:
    plan = load("tth-2024")
    assert plan.preamble.startswith("Thực hiện Kế hoạch số 102/KH-UBND ngày 22/3/2021")
    assert plan.preamble.endswith("như sau:")
    assert plan.recipients[0] == "Bộ Lao động-TB và XH;"
    assert plan.recipients[-1] == "Lưu VT, XH."
    assert plan.signature[-1] == "Nguyễn Thanh Bình"


def test_two_column_layout_of_header_and_back_matter() -> None:
    plan = plandiff.parse(DATA / "tth-2024-layout.txt")
    reference = load("tth-2024")
    m = plan.meta
    assert m.issuer == "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ"
    assert m.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert (m.number, m.date, m.place, m.signer) == ("14/KH-UBND", "2024-01-12", "Thừa Thiên Huế", "Nguyễn Thanh Bình")
    assert plan.recipients == reference.recipients
    assert [c.id for c in plan.walk()] == [c.id for c in reference.walk()]
    assert any(a.kind == "separator" for a in plan.artefacts)


def test_a_department_plan_with_a_parent_body_stamp_and_appendix() -> None:
    plan = plandiff.parse(DATA / "department-plan.txt")
    m = plan.meta
    assert (m.parent_issuer, m.issuer) == ("UBND TỈNH QUẢNG NAM", "SỞ Y TẾ")
    assert m.jurisdiction == plandiff.Jurisdiction("Quảng Nam", "tỉnh")
    assert (m.number, m.date, m.place, m.stamps) == ("215/KH-SYT", "2025-03-05", "Quảng Nam", ("KHẨN",))
    assert (m.signer_title, m.signer) == ("GIÁM ĐỐC", "Lê Văn Dũng")
    # "I- MỤC ĐÍCH" is a section; Word's private-use bullet is a bullet; "a." is a point
    assert [c.label for c in plan.clauses] == ["I-", "II-", "III-"]
    assert [c.kind for c in plan.find("I").children] == ["dash", "dash"]
    assert plan.find("II.1.b").label == "b."
    assert plan.find("III").text.endswith("trước ngày 30/11/2025./.")
    (app,) = plan.appendices
    assert (app.label, app.text) == ("PHỤ LỤC", "Danh sách các đơn vị thực hiện")
    assert app.clauses[-1].text == "Trung tâm Kiểm soát bệnh tật tỉnh" and app.clauses[-1].id == "PL1.2"


@pytest.mark.parametrize(("text", "title", "preamble"), [
    ("KẾ HOẠCH\nTriển khai công tác bình đẳng giới\nnăm 2025\n"
     "Để triển khai có hiệu quả công tác bình đẳng giới năm 2025, Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n",
     "Triển khai công tác bình đẳng giới năm 2025", "Để triển khai có hiệu quả"),
    # a directive (chỉ thị) opens on what has happened, in sentences, no blank line after its title:
    # the first finished sentence, longer than the title's line, is its preamble's
    ("CHỈ THỊ\nVề tăng cường công tác phòng, chống thiên tai năm 2025\n"
     "Trong những năm qua, công tác phòng, chống thiên tai trên địa bàn tỉnh đã đạt được nhiều kết quả.\n"
     "Để chủ động ứng phó, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n",
     "Về tăng cường công tác phòng, chống thiên tai năm 2025", "Trong những năm qua"),
    # a wrapped title's rest, shorter than its first line, stays in it, a full stop after it or not
    ("KẾ HOẠCH\nTriển khai công tác bình đẳng giới năm 2025 trên địa bàn\nThành phố Huế.\n",
     "Triển khai công tác bình đẳng giới năm 2025 trên địa bàn Thành phố Huế.", ""),
])
def test_title_ends_where_the_preamble_begins(text: str, title: str, preamble: str) -> None:
    plan = plandiff.parse(text + "I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    assert plan.meta.title == title
    assert plan.preamble.startswith(preamble)


def test_a_title_may_begin_as_a_preamble_does() -> None:
    # only an instrument named after "Thực hiện" opens a preamble
    assert load("tth-2024").meta.title.startswith("Thực hiện công tác bình đẳng giới")


_UNDER_THE_TYPE = ("ỦY BAN NHÂN DÂN\nHUYỆN PHONG ĐIỀN\nSố: 12/KH-UBND\nPhong Điền, ngày 5 tháng 3 năm 2025\n\n"
                   "KẾ HOẠCH\n{}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức.\n")


@pytest.mark.parametrize(("under", "title", "preamble"), [
    # a title in sentence case that names an instrument after "Thực hiện" / "Triển khai"
    ("Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ\nvề Chiến lược quốc gia về bình đẳng giới\n\n"
     "Căn cứ Luật Bình đẳng giới ngày 29/11/2006;",
     "Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ về Chiến lược quốc gia về bình đẳng giới",
     "Căn cứ Luật Bình đẳng giới ngày 29/11/2006;"),
    ("Thực hiện Chương trình hành động về bình đẳng giới năm 2025\nCăn cứ Luật Bình đẳng giới ngày 29/11/2006;",
     "Thực hiện Chương trình hành động về bình đẳng giới năm 2025", "Căn cứ Luật Bình đẳng giới ngày 29/11/2006;"),
    ("Triển khai Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2025 - 2030\ntrên địa bàn huyện Phong Điền\n",
     "Triển khai Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2025 - 2030 trên địa bàn huyện Phong Điền", ""),
    # the same opening in a preamble's sentence: it acts, announces what follows, or finishes
    ("Thực hiện Kế hoạch số 385/KH-UBND ngày 12/3/2024 của Ủy ban nhân dân\ntỉnh về bình đẳng giới năm 2024, "
     "Ủy ban nhân dân huyện ban hành\nKế hoạch thực hiện như sau:", None, "Thực hiện Kế hoạch số 385/KH-UBND"),
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 5/1/2025 của UBND tỉnh về công tác bình đẳng giới năm 2025.",
     None, "Thực hiện Kế hoạch số 12/KH-UBND"),
])
def test_a_title_under_its_type_read_from_its_whole_paragraph(under: str, title: str | None, preamble: str) -> None:
    plan = plandiff.parse(_UNDER_THE_TYPE.format(under))
    assert plan.meta.title == title
    assert plan.preamble.startswith(preamble)
    assert [c.label for c in plan.clauses] == ["I."]


@pytest.mark.parametrize("typed", ["KẾ HOẠCH:\nTổ chức Tháng hành động vì bình đẳng giới năm 2025",
                                   "KẾ HOẠCH: Tổ chức Tháng hành động vì bình đẳng giới năm 2025"])
def test_a_type_typed_with_a_colon_after_it_still_heads_its_title(typed: str) -> None:
    """A draft that types "KẾ HOẠCH:" over (or before) its title: the type and the title, the colon
    no part of either; a decision's "QUYẾT ĐỊNH:" is its enacting formula, not its type line."""
    plan = plandiff.parse(_UNDER_THE_TYPE.replace("KẾ HOẠCH\n{}\n", typed + "\nCăn cứ Luật Bình đẳng giới;\n"))
    assert (plan.meta.doc_type, plan.meta.title) == ("KẾ HOẠCH", "Tổ chức Tháng hành động vì bình đẳng giới năm 2025")
    assert plan.preamble == "Căn cứ Luật Bình đẳng giới;"


def test_a_header_without_its_types_line_keeps_a_place_and_date_a_cell_wrapped() -> None:
    """A page that dropped "KẾ HOẠCH": the header still ends with its number and its place and
    date, which a narrow cell wrapped over two lines ("Bắc Ninh, ngày 24" / "tháng 11 năm 2025");
    the title in capitals under it, the type from the number's code."""
    plan = plandiff.parse("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 144/KH-UBND\nBắc Ninh, ngày 24\ntháng 11 năm 2025\n\n"
                          "PHÁT TRIỂN KINH TẾ SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030\n\n"
                          "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n\nI. QUAN ĐIỂM\n1. Kinh tế số là động lực.\n")
    m = plan.meta
    assert (m.number, m.place, m.date, m.doc_type) == ("144/KH-UBND", "Bắc Ninh", "2025-11-24", "KẾ HOẠCH")
    assert m.title == "PHÁT TRIỂN KINH TẾ SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030"
    assert plan.preamble.startswith("Căn cứ Nghị quyết số 57-NQ/TW")


def test_a_decisions_attached_plan_keeps_its_sentence_case_title() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 1100/QĐ-UBND\nTây Ninh, ngày 21 tháng 5 năm 2021\n\nQUYẾT ĐỊNH\n"
            "BAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI\n\nỦY BAN NHÂN DÂN TỈNH TÂY NINH\n\n"
            "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;\n\nQUYẾT ĐỊNH:\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\n"
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Mạnh Hùng\n\nKẾ HOẠCH\n\n"
            "Thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Tây Ninh giai đoạn 2021-2030\n\n"
            "I. MỤC TIÊU\n1. Mục tiêu chung\nThu hẹp khoảng cách giới.\n")
    plan = plandiff.parse(text)
    assert plan.attached is not None
    assert plan.attached.title == "Thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Tây Ninh giai đoạn 2021-2030"
    assert "Chiến lược quốc gia về bình đẳng giới tỉnh Tây Ninh" not in plan.preamble
    assert plan.meta.signer == "Nguyễn Mạnh Hùng"


def test_markdown_table_header_from_a_converter() -> None:
    head = ("| **ỦY BAN NHÂN DÂN**<br>TỈNH THỪA THIÊN HUẾ | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n"
            "|---|---|\n| Số: 21/KH-UBND | *Thừa Thiên Huế, ngày 18 tháng 01 năm 2023* |\n\n")
    body = (DATA.parent.parent / "fixtures" / "tth-2023.md").read_text(encoding="utf-8")
    plan = plandiff.parse(head + body)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date) == ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "21/KH-UBND", "Thừa Thiên Huế", "2023-01-18")
    assert m.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert [c.id for c in plan.walk()] == [c.id for c in load("tth-2023").walk()]
    from plandiff.parsing.audit import lost_and_invented

    lost, invented = lost_and_invented(plan)
    assert not lost and not invented


@pytest.mark.parametrize(("line", "parent", "issuer"), [
    ("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH **BAN THƯỜNG TRỰC**", "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"),
    ("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", "UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"),
    ("UBND TỈNH NGHỆ AN BAN CHỈ ĐẠO CÔNG TÁC GIA ĐÌNH", "UBND TỈNH NGHỆ AN", "BAN CHỈ ĐẠO CÔNG TÁC GIA ĐÌNH"),
    # one name, whose words include a body's word only inside it
    ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", None, "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"),
    ("BAN CHỈ ĐẠO CÔNG TÁC GIA ĐÌNH TỈNH NGHỆ AN", None, "BAN CHỈ ĐẠO CÔNG TÁC GIA ĐÌNH TỈNH NGHỆ AN"),
])
def test_a_body_and_its_parent_on_one_line_of_a_flattened_header_cell(line: str, parent: str | None, issuer: str) -> None:
    """html2text writes a header cell's lines as one ("… XÃ LƯƠNG MINH **BAN THƯỜNG TRỰC** Số: …"):
    the body under its parent parts from it where it begins, after the parent named its place."""
    md = (f"{line} Số: 16/KH-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** _Lương Minh, ngày 18 tháng 11 năm 2025_\n"
          "---|---\n\n**KẾ HOẠCH**\n\n**Thực hiện công tác bầu cử**\n\n**I. MỤC ĐÍCH**\n\n1. Tuyên truyền.\n")
    m = plandiff.parse(md).meta
    assert (m.parent_issuer, m.issuer, m.number) == (parent, issuer, "16/KH-UBND")


@pytest.mark.parametrize(("issuer", "place", "jurisdiction"), [
    ("ỦY BAN NHÂN DÂN\nQUẬN 3", "Quận 3", ("Quận 3", "quận")),
    ("UBND QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 15", "Phường 15", ("Phường 15", "phường")),
])
def test_a_district_or_ward_known_by_its_number(issuer: str, place: str, jurisdiction: tuple[str, str]) -> None:
    """Hồ Chí Minh City's districts and wards went by numbers: the number is part of the place of
    the date ("Quận 3, ngày …") and of the name, which says its level ("3" alone names nothing)."""
    plan = plandiff.parse(f"{issuer}\nSố: 12/KH-UBND\n{place}, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nThử nghiệm\n\n"
                          "I. NỘI DUNG\n1. Thực hiện Kế hoạch số 15/KH-UBND ngày 05/3/2023 của UBND Quận 10 về tuyên truyền.\n")
    assert (plan.meta.place, plan.meta.date) == (place, "2024-03-05")
    assert plan.meta.jurisdiction == plandiff.Jurisdiction(*jurisdiction)
    cite = plandiff.citations(plan)[0]
    assert (cite.issuer, cite.instrument) == ("UBND Quận 10", "15/KH-UBND@quận 10/2023")


@pytest.mark.parametrize("line", ["Hà Nội, ngày 05/3/2025", "Hà Nội, ngày 5-3-2025", "Hà Nội, ngày 05.3.2025",
                                  "Hà Nội, ngày 05 tháng 3 năm 2025"])
def test_the_date_line_in_figures_or_in_words(line: str) -> None:
    plan = plandiff.parse(f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 1/KH-UBND\n{line}\n\nKẾ HOẠCH\nThử nghiệm\n\n"
                          "I. NỘI DUNG\n1. Tuyên truyền.\n")
    assert (plan.meta.place, plan.meta.date, plan.meta.month) == ("Hà Nội", "2025-03-05", 3)


_UNHEADED = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 05 tháng 01 năm 2025\n\nKẾ HOẠCH\n"
             "Thực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\nII. TỔ CHỨC THỰC HIỆN\n"
             "1. Sở Nội vụ chủ trì:\n- Theo dõi, đôn đốc;\n- Tổng hợp báo cáo.\n\n{}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Hồng Lĩnh\n")


def test_recipients_that_lost_their_heading_are_known_by_the_archive_that_ends_them() -> None:
    """A copy that lost "Nơi nhận:": the marked lines above the signature whose last is the
    issuer's archive ("- Lưu: VT, NC.") are the recipients (a wrapped one whole), not the last
    item's dashes; a list above the signature that does not end so stays the plan's."""
    plan = plandiff.parse(_UNHEADED.format("- Bộ Nội vụ (để b/c);\n- TT Tỉnh ủy, TT HĐND tỉnh;\n"
                                           "- UBND các huyện, thành phố,\nthị xã;\n- Lưu: VT, NC."))
    assert plan.recipients == ("Bộ Nội vụ (để b/c);", "TT Tỉnh ủy, TT HĐND tỉnh;", "UBND các huyện, thành phố, thị xã;",
                               "Lưu: VT, NC.")
    assert [c.label for c in plan.find("II.1").children] == ["-", "-"]
    assert (plan.meta.signer, plan.meta.signer_title) == ("Nguyễn Hồng Lĩnh", "PHÓ CHỦ TỊCH")
    plan = plandiff.parse(_UNHEADED.format("- Lưu trữ hồ sơ theo quy định;\n- Báo cáo kết quả."))
    assert plan.recipients == () and len(plan.find("II.1").children) == 4


def test_a_joint_plan_signed_in_two_columns() -> None:
    """A joint plan of two bodies ("KẾ HOẠCH LIÊN TỊCH"): the qualifier is part of the type, not
    of the title; the two signatures are read column by column (each body's authority, title and
    signer together), and the left signer's name is no recipient."""
    plan = plandiff.parse_file(DATA / "joint-plan-two-signatures.txt")
    assert plan.meta.doc_type == "KẾ HOẠCH LIÊN TỊCH"
    assert plan.meta.title == "Phối hợp tuyên truyền chăm sóc sức khỏe phụ nữ năm 2025"
    assert plan.recipients == ("UBND tỉnh;", "Lưu: VT.")
    assert plan.signature == ("TM. BAN THƯỜNG VỤ", "HỘI LHPN TỈNH", "CHỦ TỊCH", "Nguyễn Thị Hoa",
                              "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình")
    assert (plan.meta.signer_title, plan.meta.signer) == ("PHÓ GIÁM ĐỐC", "Trần Văn Bình")
    assert plan.meta.signature_authority == ("TM. BAN THƯỜNG VỤ", "KT. GIÁM ĐỐC")


def test_each_ground_of_a_preamble_is_a_paragraph_however_full_its_lines() -> None:
    grounds = [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
        "của Luật Tổ chức Chính phủ;",
        "Căn cứ Nghị quyết số 28/NQ-CP ngày 03 tháng 3 năm 2021 của Chính phủ về việc ban hành Chiến lược quốc gia "
        "về bình đẳng giới;",
        "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;",
        "Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số 1167/TTr-SLĐTBXH.",
    ]
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 1100/QĐ-UBND\nTây Ninh, ngày 21 tháng 5 năm 2021\n\nQUYẾT ĐỊNH\n"
            "BAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI\n\nỦY BAN NHÂN DÂN TỈNH TÂY NINH\n\n"
            + "\n".join(grounds) + "\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert plandiff.parse(text).preamble.split("\n") == grounds


def test_a_list_of_recipients_run_together_in_one_cell_is_each_recipient() -> None:
    # a web page's table whose line breaks were lost: the list in one cell, the signature in the next
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/KH-UBND\nNghệ An, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
            "Thực hiện công tác bình đẳng giới\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức./.\n\n"
            "| Nơi nhận: - Như trên; - Sở Lao động - Thương binh và Xã hội; - Lưu: VT, VX. | TM. ỦY BAN NHÂN DÂN "
            "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Đệ |\n")
    plan = plandiff.parse(text)
    assert plan.recipients == ("Như trên;", "Sở Lao động - Thương binh và Xã hội;", "Lưu: VT, VX.")
    assert (plan.meta.signer, plan.meta.signer_title) == ("Nguyễn Văn Đệ", "PHÓ CHỦ TỊCH")


@pytest.mark.parametrize(("back", "recipients", "authority", "title", "signer"), [
    # the run-together row as a converter reflows it (pandoc's Markdown of a portal page whose table
    # it could not read): the list wrapped inside a recipient and after a mark, the signature wrapped
    # inside a title, before a title's second word, and inside the name
    ("Nơi nhận: - Bộ Khoa học và Công nghệ; - Thường trực Thành ủy; - Thường\ntrực HĐND Thành phố; - Các "
     "sở, ban, ngành; -\nLưu: VT, ĐMPT. \\| **TM. ỦY BAN NHÂN DÂN** KT. CHỦ\nTỊCH **PHÓ CHỦ TỊCH** **Trương "
     "Việt Dũng** \\|\n",
     ("Bộ Khoa học và Công nghệ;", "Thường trực Thành ủy;", "Thường trực HĐND Thành phố;", "Các sở, ban, ngành;",
      "Lưu: VT, ĐMPT."), ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Trương Việt Dũng"),
    ("Nơi nhận: - Như Điều 3; - TT. Tỉnh ủy;\nTT. HĐND tỉnh (b/c); - Lưu: VT,\nNNMT. \\| **TM. ỦY BAN NHÂN DÂN** "
     "**KT. CHỦ TỊCH** PHÓ\nCHỦ TỊCH **Mai\nXuân Liêm** \\|\n\n- - \n",
     ("Như Điều 3;", "TT. Tỉnh ủy; TT. HĐND tỉnh (b/c);", "Lưu: VT, NNMT."), ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
     "PHÓ CHỦ TỊCH", "Mai Xuân Liêm"),
    ("Nơi nhận: - Văn phòng Chính phủ (để b/c); - Cục Dân\nsố (để b/c); - Lưu: VT, MK. \\| **TM. ỦY\nBAN NHÂN "
     "DÂN** KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thị Ngọc Điệp \\|\n",
     ("Văn phòng Chính phủ (để b/c);", "Cục Dân số (để b/c);", "Lưu: VT, MK."), ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
     "PHÓ CHỦ TỊCH", "Nguyễn Thị Ngọc Điệp"),
])
def test_recipients_and_signature_run_together_then_wrapped(back: str, recipients: tuple[str, ...],
                                                           authority: tuple[str, ...], title: str, signer: str) -> None:
    from plandiff.parsing.audit import lost_and_invented

    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 12/KH-UBND\n\n*Nghệ An, ngày 10 tháng 3 năm 2025*\n\n**KẾ HOẠCH**\n\n"
            "**Thực hiện công tác bình đẳng giới**\n\n**I. MỤC ĐÍCH**\n\n1. Nâng cao nhận thức./.\n\n" + back)
    plan = plandiff.parse(text.encode())
    m = plan.meta
    assert plan.recipients == recipients
    assert (m.signature_authority, m.signer_title, m.signer) == (authority, title, signer)
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_html2texts_tables_without_outer_bars_and_a_cells_bold_paragraphs() -> None:
    """html2text writes a table's rows without their outer bars ("a| | b" over "---|---|---") and
    a cell's bold paragraphs run together ("**KT. GIÁM ĐỐC****PHÓ GIÁM ĐỐC**"): rows, and lines."""
    text = ("UBND TỈNH LÀO CAI| | **CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n---|---|---  \n"
            "**SỞ CÔNG THƯƠNG**| | **Độc lập - Tự do - Hạnh phúc**  \n"
            "Số: 12/KH-SCT| |  _Lào Cai, ngày 5 tháng 4 năm 2026_  \n  \n**KẾ HOẠCH**\n\n**Kiểm tra an toàn**\n\n"
            "**I. MỤC ĐÍCH**\n\n1. Kiểm tra.\n\n**_Nơi nhận_ :** **** \\- Ban Giám đốc Sở;_-_ Lưu: VT, CN.| | "
            "**KT. GIÁM ĐỐC****PHÓ GIÁM ĐỐC****Hoàng Văn Thuân**  \n---|---|---  \n")
    plan = plandiff.parse(text.encode())
    m = plan.meta
    assert (m.parent_issuer, m.issuer, m.number, m.place, m.date) == ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "12/KH-SCT",
                                                                      "Lào Cai", "2026-04-05")
    assert (m.signature_authority, m.signer_title, m.signer) == (("KT. GIÁM ĐỐC",), "PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân")
    assert plan.recipients == ("Ban Giám đốc Sở;", "Lưu: VT, CN.")


_PORTAL_FIELDS = "Ngày ban hành: 10/03/2025\nCơ quan ban hành: UBND tỉnh Gia Lai\nTrích yếu: Kế hoạch bình đẳng giới\n\n"
_FROM_THE_TITLE_ON = "KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n"


@pytest.mark.parametrize(("text", "number", "issuer"), [
    # a province's portal that prints its metadata, then the text from its title on
    ("Số ký hiệu: 77/KH-UBND\n" + _PORTAL_FIELDS + _FROM_THE_TITLE_ON, "77/KH-UBND", "UBND tỉnh Gia Lai"),
    # the document's own header wins over the portal's metadata (here mistyped)
    ("Số hiệu: 78/KH-UBND\n" + _PORTAL_FIELDS + "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 77/KH-UBND\n"
     "Gia Lai, ngày 10 tháng 3 năm 2025\n" + _FROM_THE_TITLE_ON, "77/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH GIA LAI"),
])
def test_a_portals_metadata_fills_what_the_documents_header_lacks(text: str, number: str, issuer: str) -> None:
    m = plandiff.parse_text(text).meta
    assert (m.number, m.date, m.issuer) == (number, "2025-03-10", issuer)
    assert m.jurisdiction == plandiff.Jurisdiction("Gia Lai", "tỉnh")


@pytest.mark.parametrize("after", ["(ĐÃ KÝ)\nBùi Đình Long\n", "Bùi Đình Long\n* *\n", "Bùi Đình Long\n***\n"])
def test_the_signers_title_is_never_a_mark_under_it(after: str) -> None:
    # a text copy of a page keeps marks without letters ("* *", an empty emphasis run) and the
    # "(ĐÃ KÝ)" of a copy for publication: neither is the signer's title
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/KH-UBND\nNghệ An, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
            "Thực hiện công tác bình đẳng giới\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức./.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n" + after)
    meta = plandiff.parse(text).meta
    assert (meta.signer, meta.signer_title) == ("Bùi Đình Long", "PHÓ CHỦ TỊCH")


@pytest.mark.parametrize(("head", "issuer", "number", "place", "date"), [
    # a page whose header table lost its line breaks: body, motto, number, place and date in one line
    ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
     "Số: 12/KH-UBND Nghệ An, ngày 10 tháng 3 năm 2025\n", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "12/KH-UBND", "Nghệ An",
     "2025-03-10"),
    # a place that opens on an accented capital, after the motto's line it ran onto
    ("ỦY BAN NHÂN DÂN HUYỆN ÂN THI Số: 12/KH-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
     "Ân Thi, ngày 05 tháng 3 năm 2024\n", "ỦY BAN NHÂN DÂN HUYỆN ÂN THI", "12/KH-UBND", "Ân Thi", "2024-03-05"),
    # and with the rule under the body's name and the cells' bars glued in with it
    ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
     "--------------- | Số: 144/KH-UBND | Bắc Ninh, ngày 24 tháng 11 năm 2025 |\n", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
     "144/KH-UBND", "Bắc Ninh", "2025-11-24"),
    # a PDF's text layer: the date's column wrapped after "ngày", its rest level with the number
    ("ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH THANH HÓA    Độc lập - Tự do - Hạnh phúc\n"
     "              Thanh Hóa, ngày\nSố: 235/KH-UBND 18 tháng 11 năm 2025\n", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA",
     "235/KH-UBND", "Thanh Hóa", "2025-11-18"),
    # the place wrapped in its column, the number read between its pieces
    ("                    CỘNG HÒA XÃ HỘI\nỦY BAN NHÂN DÂN\n                    CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HỒ CHÍ MINH\n"
     "                    Độc lập - Tự do - Hạnh phúc\n                    Thành phố Hồ Chí\nSố: 2853/KH-UBND\n"
     "                    Minh, ngày 21 tháng 11 năm 2025\n", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "2853/KH-UBND",
     "Thành phố Hồ Chí Minh", "2025-11-21"),
    # a page's narrow cells, flattened a line each: both lines of the motto wrapped
    ("ỦY BAN NHÂN DÂN\nXÃ XUÂN PHÚ\n|\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập -\nTự do - Hạnh phúc\n|\n"
     "Số: 12/KH-UBND\n|\nXuân Phú, ngày\n5 tháng 3 năm 2024\n|\n", "ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ", "12/KH-UBND", "Xuân Phú",
     "2024-03-05"),
])
def test_a_header_whose_lines_ran_together_or_wrapped(head: str, issuer: str, number: str, place: str, date: str) -> None:
    m = plandiff.parse(head + "KẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2025\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n").meta
    assert (m.issuer, m.number, m.place, m.date) == (issuer, number, place, date)
    assert m.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert m.title == "THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2025"


def test_a_sentence_case_title_run_onto_its_doc_types_line() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/KH-UBND\nNghệ An, ngày 10 tháng 3 năm 2025\n\n"
            "KẾ HOẠCH Thực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    plan = plandiff.parse(text)
    assert (plan.meta.doc_type, plan.meta.title) == ("KẾ HOẠCH", "Thực hiện công tác bình đẳng giới năm 2025")
    assert plan.preamble == ""
    assert [c.label for c in plan.walk()] == ["I.", "1."]
    # a sentence after the word "Kế hoạch" is no title: it is the body's text
    body = plandiff.parse("KẾ HOẠCH Thực hiện như sau:\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    assert body.meta.title != "Thực hiện như sau:"


_SIGNED = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 144/KH-UBND\nBắc Ninh, ngày 24 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
           "Phát triển kinh tế số\n\nI. MỤC TIÊU\n1. Phát triển kinh tế số./.\n\nNơi nhận:\n{}\n")


def test_a_signature_run_onto_the_recipients_without_a_gap() -> None:
    # a PDF's text layer that kept no gap between the columns: the signer's title at the end of a
    # recipient's line, the name after another's ";", the authority's name wrapped
    back = ("- VPCP, Bộ KH&CN (b/c);\n- Các sở, ban, ngành;    TM. ỦY BAN NHÂN\n                DÂN\n"
            "- Các tổ chức chính trị - xã hội tỉnh;    KT. CHỦ TỊCH\n"
            "- Báo và Phát thanh, Truyền hình tỉnh, các cơ quan báo chí đóng trên địa bàn PHÓ CHỦ TỊCH\n"
            "tỉnh;\n- Các sở: Nông nghiệp và Môi trường, Tài chính; Mai Sơn\n- Lưu: VT.")
    plan = plandiff.parse(_SIGNED.format(back))
    assert plan.recipients == ("VPCP, Bộ KH&CN (b/c);", "Các sở, ban, ngành;", "Các tổ chức chính trị - xã hội tỉnh;",
                               "Báo và Phát thanh, Truyền hình tỉnh, các cơ quan báo chí đóng trên địa bàn tỉnh;",
                               "Các sở: Nông nghiệp và Môi trường, Tài chính;", "Lưu: VT.")
    assert plan.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Sơn")
    assert (plan.meta.signer_title, plan.meta.signer) == ("PHÓ CHỦ TỊCH", "Mai Sơn")
    from plandiff.parsing.audit import lost_and_invented

    lost, invented = lost_and_invented(plan)
    assert not lost and not invented


@pytest.mark.parametrize("back", [
    # a recipient in capitals, one named like a person after its ";" when the signature has its name
    "- VP UBND TỈNH KT. CHỦ TỊCH;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nMai Sơn",
    "- Sở Tài chính; Ban Dân Vận\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nMai Sơn",
])
def test_recipients_that_only_look_like_a_signature_stay_recipients(back: str) -> None:
    plan = plandiff.parse(_SIGNED.format(back))
    assert plan.recipients[0].startswith(("VP UBND TỈNH KT. CHỦ TỊCH", "Sở Tài chính; Ban Dân Vận"))
    assert (plan.meta.signer_title, plan.meta.signer) == ("CHỦ TỊCH", "Mai Sơn")


def test_a_reference_under_a_sentence_case_title_is_no_part_of_it() -> None:
    # a plan published apart from the decision that issues it prints the decision under its title
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2025\n"
            "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 5/3/2025 của UBND tỉnh)\n\nI. MỤC ĐÍCH\n1. Nâng cao.\n")
    plan = plandiff.parse(text)
    assert plan.meta.title == "Thực hiện công tác bình đẳng giới năm 2025"
    # the reference is the plan's header: the decision's number and day are what the plan is cited by
    assert [h.text for h in plan.header if h.role == "attached_ref"] == [
        "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 5/3/2025 của UBND tỉnh)"]
    assert (plan.meta.number, plan.meta.date, plan.preamble) == ("12/QĐ-UBND", "2025-03-05", "")


def test_a_decision_that_issues_a_regulation_in_chapters() -> None:
    """A decision may issue a "QUY CHẾ" (or "QUY ĐỊNH", "ĐIỀU LỆ") rather than a plan: the issued
    document is attached as a plan is, its chapters and articles its tree (before, it ran into the
    decision's signature, its "Chương II" taken for the signer's name)."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN PHONG ĐIỀN\nSố: 12/QĐ-UBND\nPhong Điền, ngày 5 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n"
            "Ban hành Quy chế phối hợp thực hiện công tác bình đẳng giới\n\nỦY BAN NHÂN DÂN HUYỆN PHONG ĐIỀN\n\n"
            "Căn cứ Luật Bình đẳng giới ngày 29/11/2006;\n\nQUYẾT ĐỊNH:\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n\nQUY CHẾ\n"
            "Phối hợp thực hiện công tác bình đẳng giới\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 5/3/2025)\n\n"
            "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc phối hợp.\n"
            "Điều 2. Đối tượng áp dụng\n1. Các phòng, ban.\n2. UBND các xã.\nChương II\nNỘI DUNG PHỐI HỢP\n"
            "Điều 3. Phối hợp tuyên truyền\na) Tổ chức tuyên truyền.\nb) Biên soạn tài liệu.\n")
    plan = plandiff.parse(text)
    assert plan.attached is not None
    assert (plan.attached.doc_type, plan.attached.title) == ("QUY CHẾ", "Phối hợp thực hiện công tác bình đẳng giới")
    assert plan.attached.ref == "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 5/3/2025)"
    assert (plan.meta.signer, plan.meta.signer_title) == ("Nguyễn Văn An", "CHỦ TỊCH")
    assert [c.id for c in plan.articles] == ["Điều 1", "Điều 2"]
    assert [c.id for c in plan.clauses] == ["I", "II"]
    assert [c.id for c in plan.find("II").walk()] == ["II", "II.Điều 3", "II.Điều 3.a", "II.Điều 3.b"]


@pytest.mark.parametrize(("text", "name"), [("Nguyễn Văn An", True), ("NGUYỄN VĂN AN", True), ("Lê Văn X", True),
                                            ("Chương II", False), ("Phụ Lục III", False), ("Nguyễn Văn 2", False)])
def test_a_signers_name_holds_no_roman_numeral(text: str, name: bool) -> None:
    # an unsigned draft's signature may stand over the next part's heading: no one is "Chương II"
    from plandiff.parsing.backmatter import _is_name

    assert _is_name(text) is name


def test_a_doc_type_broken_over_two_lines_in_a_narrow_column() -> None:
    # a legal portal's copy of Trà Vinh's decision 778/QĐ-UBND (2022): the header's cells kept as
    # narrow columns, "QUYẾT" / "ĐỊNH" and "BAN" / "HÀNH …" on lines of their own
    text = """ỦY BAN NHÂN
DÂN
TỈNH TRÀ VINH
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 778/QĐ-UBND
|
Trà Vinh,
ngày 26 tháng 4 năm 2022
|
QUYẾT
ĐỊNH
BAN
HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH TRUYỀN THÔNG VỀ BÌNH ĐẲNG GIỚI ĐẾN NĂM
2030 TRÊN ĐỊA BÀN TỈNH TRÀ VINH
ỦY BAN NHÂN DÂN
TỈNH TRÀ VINH
Căn cứ Luật Tổ chức chính quyền địa
phương ngày 19/6/2015;
Căn cứ Quyết định số
1790/QĐ-TTg ngày 23/10/2021 của Thủ tướng Chính phủ phê duyệt Chương
trình Truyền thông về bình đẳng giới đến năm 2030;
QUYẾT ĐỊNH:
Điều 1. Ban
hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình Truyền thông về
bình đẳng giới đến năm 2030 trên địa bàn tỉnh Trà Vinh.
Điều 2. Giao
Giám đốc Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Thủ trưởng
các sở, ban, ngành tỉnh có liên quan triển khai thực hiện Quyết định này.
Điều 3. Quyết
định này có hiệu lực thi hành kể từ ngày ký.
"""
    plan = plandiff.parse_text(text)
    m = plan.meta
    assert (m.doc_type, m.number, m.place, m.date) == ("QUYẾT ĐỊNH", "778/QĐ-UBND", "Trà Vinh", "2022-04-26")
    assert m.title == ("BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH TRUYỀN THÔNG VỀ BÌNH ĐẲNG GIỚI ĐẾN NĂM 2030 "
                       "TRÊN ĐỊA BÀN TỈNH TRÀ VINH")
    assert plan.preamble.startswith("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;")
    assert [c.id for c in plan.clauses] == ["Điều 1", "Điều 2", "Điều 3"]
    assert plan.clauses[0].text.startswith("Ban hành kèm theo Quyết định này Kế hoạch")
    # an article's first line broken after one word runs on: no heading is one syllable
    assert plan.clauses[1].text.startswith("Giao Giám đốc Sở Lao động - Thương binh và Xã hội chủ trì")
    # the two lines are one in the header, spanning both: nothing of either lost
    line = next(h for h in plan.header if h.role == "doc_type")
    assert text[line.span.start:line.span.end] == "QUYẾT\nĐỊNH"


@pytest.mark.parametrize(("issuers", "issuer", "parent", "jurisdiction"), [
    # a kindergarten's plan, as its page prints it (Phước Lý, Cần Giuộc, 2023)
    ("UBND HUYỆN CẦN GIUỘC\nTRƯỜNG MG PHƯỚC LÝ", "TRƯỜNG MG PHƯỚC LÝ", "UBND HUYỆN CẦN GIUỘC", "Cần Giuộc"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI\nTRƯỜNG THPT KIM LIÊN", "TRƯỜNG THPT KIM LIÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI", None),
    ("SỞ Y TẾ TỈNH NGHỆ AN\nBỆNH VIỆN ĐA KHOA TỈNH", "BỆNH VIỆN ĐA KHOA TỈNH", "SỞ Y TẾ TỈNH NGHỆ AN", "Nghệ An"),
    # a department's centre and sub-department
    ("SỞ Y TẾ TỈNH NGHỆ AN\nTRUNG TÂM KIỂM SOÁT BỆNH TẬT", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "SỞ Y TẾ TỈNH NGHỆ AN",
     "Nghệ An"),
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCHI CỤC THỦY SẢN", "CHI CỤC THỦY SẢN", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", None),
    # a district named "Trường Sa" is no school
    ("ỦY BAN NHÂN DÂN\nHUYỆN TRƯỜNG SA", "ỦY BAN NHÂN DÂN HUYỆN TRƯỜNG SA", None, "Trường Sa"),
    # a ward's committee under its city's, each naming its own level and place
    ("UBND THÀNH PHỐ HÀ NỘI\nỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM", "ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM",
     "UBND THÀNH PHỐ HÀ NỘI", "Hoàn Kiếm"),
    ("UBND HUYỆN CHÂU THÀNH\nUBND XÃ AN HIỆP", "UBND XÃ AN HIỆP", "UBND HUYỆN CHÂU THÀNH", "An Hiệp"),
    # a special zone (đặc khu, since 2025) is a level of its own
    ("ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC", "ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC", None, "Phú Quốc"),
    # the Youth Union's committee of a province, as the Party's is ("TỈNH ỦY HÀ TĨNH"): not a place "Đoàn Nghệ An"
    ("TỈNH ĐOÀN NGHỆ AN\n***", "TỈNH ĐOÀN NGHỆ AN", None, "Nghệ An"),
    # one committee wrapped over two lines names its place once: no committee under it
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", None, "Nghệ An"),
])
def test_a_school_or_hospital_under_its_district_or_department(issuers: str, issuer: str, parent: str | None,
                                                                 jurisdiction: str | None) -> None:
    plan = plandiff.parse_text(f"{issuers}\nSố: 39/KH-MGPL\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                               "Độc lập - Tự do - Hạnh phúc\nPhước Lý, ngày 02 tháng 3 năm 2023\nKẾ HOẠCH\n"
                               "Công tác gia đình năm 2023\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n")
    assert (plan.meta.issuer, plan.meta.parent_issuer) == (issuer, parent)
    if jurisdiction is not None:  # (a department's name holds no level of government: the place stands for it)
        assert plan.meta.jurisdiction is not None and plan.meta.jurisdiction.name == jurisdiction


def test_the_motto_broken_after_its_first_word_is_no_part_of_the_issuer() -> None:
    # a legal portal's copy of Tây Ninh's decision 1100/QĐ-UBND (2021): "CỘNG" / "HÒA XÃ HỘI …"
    plan = plandiff.parse_text("""ỦY BAN NHÂN DÂN
TỈNH TÂY NINH
-------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 1100/QĐ-UBND
|
Tây Ninh, ngày 21
tháng 5 năm 2021
|
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI TỈNH
TÂY NINH GIAI ĐOẠN 2021-2030
ỦY BAN NHÂN DÂN TỈNH TÂY NINH
Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực
hiện Chiến lược quốc gia về bình đẳng giới tỉnh Tây Ninh giai đoạn 2021-2030.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
""")
    assert plan.meta.issuer == "ỦY BAN NHÂN DÂN TỈNH TÂY NINH"
    assert plan.meta.jurisdiction is not None and plan.meta.jurisdiction.name == "Tây Ninh"
    assert [h.text for h in plan.header if h.role == "motto"] == [
        "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert plan.meta.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def test_uy_ban_broken_in_a_narrow_cell_names_no_body_under_it() -> None:
    # a legal portal's copy of Lâm Đồng's plan 1073/KH-UBND (2022): "ỦY" / "BAN NHÂN DÂN", "Lâm" / "Đồng, ngày …"
    plan = plandiff.parse_text("""ỦY
BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
-------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 1073/KH-UBND
|
Lâm
Đồng, ngày 23 tháng 02 năm 2022
|
KẾ HOẠCH
TRIỂN KHAI CHƯƠNG TRÌNH TRUYỀN THÔNG VỀ BÌNH ĐẲNG GIỚI ĐẾN NĂM 2030
TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG
I. MỤC TIÊU
1. Mục tiêu tổng quát
""")
    m = plan.meta
    assert (m.issuer, m.parent_issuer, m.place, m.date) == ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", None, "Lâm Đồng", "2022-02-23")


@pytest.mark.parametrize(("signature", "authority", "title"), [
    ("TM. ỦY\nBAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH"),
    ("KT. CHỦ\nTỊCH\nPHÓ CHỦ\nTỊCH", ("KT. CHỦ TỊCH",), "PHÓ CHỦ TỊCH"),
    ("TM. BAN THƯỜNG\nVỤ\nPHÓ BÍ\nTHƯ", ("TM. BAN THƯỜNG VỤ",), "PHÓ BÍ THƯ"),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", ("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH"),
])
def test_a_signature_broken_inside_its_words_in_a_narrow_column(signature: str, authority: tuple[str, ...],
                                                                 title: str) -> None:
    plan = plandiff.parse_text("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 5/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                               "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 23 tháng 02 năm 2022\nKẾ HOẠCH\nTruyền thông\n"
                               "I. MỤC TIÊU\n1. Nâng cao nhận thức.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n|\n"
                               f"{signature}\nĐặng Trí Dũng\n")
    m = plan.meta
    assert (m.signature_authority, m.signer_title, m.signer) == (authority, title, "Đặng Trí Dũng")
    assert plan.recipients == ("Như trên;", "Lưu: VT.")


@pytest.mark.parametrize(("issuers", "name"), [
    ("ỦY BAN NHÂN DÂN\nTP HỒ CHÍ MINH", "Hồ Chí Minh"),
    ("UBND TP. HÀ NỘI\nSỞ Y TẾ", "Hà Nội"),
    ("UBND TP.CẦN THƠ\nSỞ Y TẾ", "Cần Thơ"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ", "Huế"),
])
def test_a_city_named_tp_is_a_city(issuers: str, name: str) -> None:
    plan = plandiff.parse_text(f"{issuers}\nSố: 05/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                               "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 05 tháng 03 năm 2024\nKẾ HOẠCH\n"
                               "Bình đẳng giới năm 2024\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    assert plan.meta.jurisdiction == plandiff.Jurisdiction(name, "thành phố")


@pytest.mark.parametrize(("typed", "title", "preamble"), [
    # the type qualified on its line ("hành động": an action plan), its subject in sentence case under it
    ("KẾ HOẠCH HÀNH ĐỘNG\nThực hiện Nghị quyết số 57-NQ/TW", "HÀNH ĐỘNG Thực hiện Nghị quyết số 57-NQ/TW", ""),
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 57-NQ/TW", "HÀNH ĐỘNG Thực hiện Nghị quyết số 57-NQ/TW", ""),
    # a preamble's sentence under it stays the preamble
    ("KẾ HOẠCH HÀNH ĐỘNG\nThực hiện Nghị quyết số 57-NQ/TW, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
     "HÀNH ĐỘNG", "Thực hiện Nghị quyết số 57-NQ/TW, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"),
])
def test_a_qualified_doc_types_subject_under_it(typed: str, title: str, preamble: str) -> None:
    plan = plandiff.parse_text(f"ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 77/KH-UBND\nGia Lai, ngày 10 tháng 3 năm 2025\n\n"
                               f"{typed}\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    assert (plan.meta.title, plan.preamble) == (title, preamble)


@pytest.mark.parametrize(("lines", "parent", "issuer", "jurisdiction"), [
    # the Youth Union's executive committee under the Union's name; a trade union under its federation
    ("ĐOÀN TNCS HỒ CHÍ MINH\nBCH HUYỆN ĐOÀN CAM LỘ", "ĐOÀN TNCS HỒ CHÍ MINH", "BCH HUYỆN ĐOÀN CAM LỘ", ("Cam Lộ", "huyện")),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN\nCÔNG ĐOÀN VIÊN CHỨC TỈNH", "LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN",
     "CÔNG ĐOÀN VIÊN CHỨC TỈNH", ("Nghệ An", "tỉnh")),
])
def test_a_union_body_under_its_organisation(lines: str, parent: str, issuer: str, jurisdiction: tuple[str, str]) -> None:
    plan = plandiff.parse_text(f"{lines}\nSố: 07-KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\nVinh, ngày 5 tháng 8 năm 2025\nKẾ HOẠCH\n"
                               "Tháng thanh niên năm 2025\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    m = plan.meta
    assert (m.parent_issuer, m.issuer, m.jurisdiction) == (parent, issuer, plandiff.Jurisdiction(*jurisdiction))


@pytest.mark.parametrize(("issuers", "place", "jurisdiction"), [
    ("BAN CHỈ ĐẠO\nCÔNG TÁC GIA ĐÌNH TỈNH", "Hà Tĩnh", ("Hà Tĩnh", "tỉnh")),
    ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nHUYỆN", "Cam Lộ", ("Cam Lộ", "huyện")),
    # "XÃ HỘI" in a department's name is no commune
    ("SỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI", "Nghệ An", ("Nghệ An", "")),
    # a ministry, a central committee: the whole country, not the city they sign in; a province's
    # military command is the province's
    ("BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI", "Hà Nội", ("Việt Nam", "trung ương")),
    ("TRUNG ƯƠNG HỘI LHPN\nVIỆT NAM", "Hà Nội", ("Việt Nam", "trung ương")),
    ("BỘ CHỈ HUY QUÂN SỰ\nTỈNH HÀ TĨNH", "Hà Tĩnh", ("Hà Tĩnh", "tỉnh")),
])
def test_a_body_of_its_level_that_names_no_place(issuers: str, place: str, jurisdiction: tuple[str, str]) -> None:
    """A body named by its level alone ("… TỈNH") is of the place its date is written in."""
    plan = plandiff.parse_text(f"{issuers}\nSố: 05/KH-BCĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                               f"Độc lập - Tự do - Hạnh phúc\n{place}, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
                               "Công tác gia đình năm 2024\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    assert plan.meta.jurisdiction == plandiff.Jurisdiction(*jurisdiction)


def test_a_commune_page_with_a_mistyped_motto_and_spaced_part_labels() -> None:
    """Xuân Tín commune's plan 36/KH-UBND (2025) as its page prints it: "CỘNG HÕA" (a wrong mark)
    beside the issuer, "36 /KH - UBND", and its parts lettered "A ." and "B ." with a typist's space."""
    plan = plandiff.parse_text("""ỦY BAN NHÂN DÂN | CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
XÃ XUÂN TÍN | Độc lập - Tự do - Hạnh phúc |
Số: 36 /KH - UBND |
Xuân Tín, ngày 07 tháng 5 năm 2025 |
KẾ HOẠCH
Phòng, chống thiên tai, tìm kiếm cứu nạn và phòng thủ dân sự năm 2025 trên địa bàn Xã Xuân Tín
Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013;
A . MỤC ĐÍCH, YÊU CẦU:
1. Nhằm tuyên truyền, giáo dục, cung cấp kiến thức về phòng, chống thiên tai.
2. Chủ động ứng phó.
B . NỘI DUNG:
1. Tuyên truyền.
""")
    m = plan.meta
    assert (m.issuer, m.number, m.place) == ("ỦY BAN NHÂN DÂN XÃ XUÂN TÍN", "36/KH-UBND", "Xuân Tín")
    assert m.jurisdiction == plandiff.Jurisdiction("Xuân Tín", "xã")
    assert next(h.text for h in plan.header if h.role == "motto") == "CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert [(c.id, c.label) for c in plan.clauses] == [("A", "A ."), ("B", "B .")]
    assert [c.id for c in plan.find("A").children] == ["A.1", "A.2"]
    # a capital and a dot with a space between, before sentence case, is no part
    assert plandiff.parse_text("KẾ HOẠCH\nTuyên truyền năm 2025\nI. NỘI DUNG\n1. Tuyên truyền:\nA . Nguyễn Văn B phụ trách.\n"
                               ).find("I.1").children == ()


def test_rules_and_bars_glued_onto_a_header_line_are_kept_apart_from_the_names() -> None:
    from plandiff.parsing.audit import lost_and_invented

    for head in ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
                 "--------------- | Số: 144/KH-UBND | Bắc Ninh, ngày 24 tháng 11 năm 2025 |\n",
                 "ỦY BAN NHÂN DÂN ------- |\nTỈNH BẮC NINH\nĐộc lập - Tự do - Hạnh phúc ---------------\nSố: 144/KH-UBND\n"
                 "Bắc Ninh, ngày 24 tháng 11 năm 2025\n"):
        plan = plandiff.parse_text(head + "KẾ HOẠCH\nChuyển đổi số năm 2026\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
        assert plan.meta.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
        assert plan.meta.motto[-1] == "Độc lập - Tự do - Hạnh phúc"
        assert lost_and_invented(plan) == (Counter(), Counter())  # the rules are the header's other lines
        assert any(h.role == "other" and h.text.startswith("-------") for h in plan.header)


def test_a_small_accented_letter_is_no_capital() -> None:
    """"À-Ỹ" spans small letters too: "các huyện ở vùng khó khăn" names no district "ở", and a
    line "2- ủy ban …" or "b. ở vùng sâu" opens no clause."""
    from plandiff.parsing import frontmatter, markers

    assert frontmatter.jurisdiction(None, "Hỗ trợ các huyện ở vùng khó khăn năm 2025", "", "Cao Bằng") == \
        plandiff.Jurisdiction("Cao Bằng", "")
    assert markers.match("2- ủy ban nhân dân các xã phối hợp") is None
    assert markers.match("b. ở vùng sâu") is None
    assert markers.match("2- Ủy ban nhân dân các xã phối hợp") is not None


@pytest.mark.parametrize(("back", "authority"), [
    # a page that keeps its signature table's bar between the last recipient and the signature
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT. | TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐặng Trí Dũng |\n",
     ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")),
    ("| Nơi nhận:\n- Như trên;\n- Lưu: VT. | KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nĐặng Trí Dũng |\n", ("KT. CHỦ TỊCH",)),
])
def test_a_signature_row_whose_cells_a_bar_parts(back: str, authority: tuple[str, ...]) -> None:
    from plandiff.parsing.audit import lost_and_invented

    plan = plandiff.parse_text("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 5/KH-UBND | Lâm Đồng, ngày 23 "
                               "tháng 02 năm 2022 |\nKẾ HOẠCH\nTruyền thông\nI. MỤC TIÊU\n1. Nâng cao nhận thức./.\n" + back)
    m = plan.meta
    assert (m.signature_authority, m.signer_title, m.signer) == (authority, "PHÓ CHỦ TỊCH", "Đặng Trí Dũng")
    assert plan.recipients == ("Như trên;", "Lưu: VT.")
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_recipient_under_a_dash_alone_on_its_line() -> None:
    """Tây Ninh's decision 1100/QĐ-UBND as a portal prints it: "-" / "TT.HĐND tỉnh;", and the
    drafter's name after the last recipient."""
    plan = plandiff.parse_text("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 1100/QĐ-UBND\nTây Ninh, ngày 21 tháng 5 năm 2021\n"
                               "KẾ HOẠCH\nTruyền thông\nI. MỤC TIÊU\n1. Nâng cao nhận thức./.\n\nNơi nhận:\n"
                               "- Bộ Lao động TBXH;\n- TT.TU;\n-\nTT.HĐND tỉnh;\n- Lưu: VP UBND tỉnh.\nTuấn\n\n"
                               "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Mạnh Hùng\n")
    assert plan.recipients == ("Bộ Lao động TBXH;", "TT.TU;", "TT.HĐND tỉnh;", "Lưu: VP UBND tỉnh. Tuấn")
    assert (plan.meta.signer, plan.meta.signer_title) == ("Nguyễn Mạnh Hùng", "PHÓ CHỦ TỊCH")


@pytest.mark.parametrize(("signature", "signer", "title"), [
    # the acting head ("quyền") signs under the one line: it is the signer's title too
    ("Q. CHỦ TỊCH\n(Đã ký)\nLê Văn Cường", "Lê Văn Cường", "Q. CHỦ TỊCH"),
    # the police's and the military command's plans: a rank before the name
    ("GIÁM ĐỐC\nĐại tá Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "GIÁM ĐỐC"),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nThiếu tướng Lê Văn Hòa", "Lê Văn Hòa", "PHÓ CHỦ TỊCH"),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nTrần Văn Bình", "Trần Văn Bình", "PHÓ GIÁM ĐỐC"),
])
def test_the_signer_under_an_acting_heads_mark_or_a_rank(signature: str, signer: str, title: str) -> None:
    text = ("CÔNG AN TỈNH NGHỆ AN\nSố: 12/KH-CAT\nNghệ An, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\nThực hiện công tác\n\n"
            f"I. MỤC ĐÍCH\n1. Nâng cao nhận thức./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n{signature}\n")
    plan = plandiff.parse(text)
    assert (plan.meta.signer, plan.meta.signer_title) == (signer, title)
    from plandiff.parsing.audit import lost_and_invented

    assert lost_and_invented(plan) == (Counter(), Counter())


def test_recipients_whose_bullet_a_tab_follows() -> None:
    """Word's bullets copied as text ("-<tab>Như trên;"): the tab after a bullet is no gap between
    columns (the recipient was read as an empty cell and its text as the signature's), while a
    gap after the recipient still is."""
    for back in ("Nơi nhận:\n-\tNhư trên;\n•\tLưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n",
                 "Nơi nhận:\t\t\tKT. GIÁM ĐỐC\n\t-\tNhư trên;\t\t\tPHÓ GIÁM ĐỐC\n-\tLưu: VT.\n\t\t\tTrần Văn Bình\n"):
        plan = plandiff.parse("SỞ Y TẾ\nSố: 12/KH-SYT\nNghệ An, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\nThực hiện công tác\n\n"
                              "I. MỤC ĐÍCH\n1. Nâng cao nhận thức./.\n\n" + back)
        assert plan.recipients == ("Như trên;", "Lưu: VT.")
        assert (plan.meta.signer, plan.meta.signer_title) == ("Trần Văn Bình", "PHÓ GIÁM ĐỐC")


def test_a_prime_ministers_decision_whose_type_line_a_page_dropped() -> None:
    """A portal's copy of a decision of the Prime Minister that left out the bold "QUYẾT ĐỊNH" line:
    the number keeps its small "g" ("QĐ-TTg"); the enacting "QUYẾT ĐỊNH:" is no type line, and the
    plan's type line after the articles is the attached plan's — the decision is read as one."""
    text = ("THỦ TƯỚNG CHÍNH\nPHỦ |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 1589/QĐ-TTg |\n"
            "Hà Nội, ngày 24 tháng 7 năm 2025 |\n"
            "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG SỐ 72/2025/QH15\n"
            "THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
            "Theo đề nghị của Bộ trưởng Bộ Nội vụ.\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành.\n|\nKT. THỦ TƯỚNG |\n"
            "KẾ HOẠCH\nTRIỂN KHAI THI HÀNH\nLUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG SỐ 72/2025/QH15\n"
            "(Kèm theo Quyết định số 1589/QĐ-TTg ngày 24 tháng 7 năm 2025 của Thủ\ntướng Chính phủ)\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo đảm thi hành thống nhất.\n")
    plan = plandiff.parse(text)
    m = plan.meta
    assert (m.number, m.doc_type, m.date) == ("1589/QĐ-TTg", "QUYẾT ĐỊNH", "2025-07-24")
    assert m.title == "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG SỐ 72/2025/QH15"
    assert [a.label for a in plan.articles] == ["Điều 1.", "Điều 2."]
    assert plan.attached is not None and plan.attached.doc_type == "KẾ HOẠCH"
    assert plan.attached.title == "TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG SỐ 72/2025/QH15"
    assert [c.id for c in plan.walk()] == ["I", "I.1"]
    assert plan.preamble.startswith("Căn cứ Luật Tổ chức Chính phủ")


@pytest.mark.parametrize("symbol", ["QĐ-TTg", "TTr-SLĐTBXH", "CTr/TU", "KH-UBND", "QĐ-UBND.VX", "Q\u00d0-UBND"])
def test_a_number_whose_code_ends_on_a_small_letter(symbol: str) -> None:
    # (or on a field's letters after a dot: "QĐ-UBND.VX", as Nghệ An numbers its decisions; and
    # "QÐ" typed with the Icelandic "Ð", as some converters write "Đ", is kept as printed, whole)
    plan = plandiff.parse(f"ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/{symbol}\nNghệ An, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
                          "Thử nghiệm\n\nI. NỘI DUNG\n1. Tuyên truyền.\n")
    assert plan.meta.number == f"12/{symbol}"


def test_a_markdown_file_that_bolds_only_its_type_lines(tmp_path: Path) -> None:
    """A short decision's page converted to Markdown may bold its two type lines only: a file named
    .md is read as Markdown all the same (its "**QUYẾT ĐỊNH**" is the type line, not text)."""
    body = ("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\n|\nSố: 1100/QĐ-UBND\n|\nTây Ninh, ngày 21\ntháng 5 năm 2021\n|\n\n"
            "**QUYẾT ĐỊNH**\nBAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI\n"
            "ỦY BAN NHÂN DÂN TỈNH TÂY NINH\n\nCăn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;\nQUYẾT ĐỊNH:\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
            "**KẾ HOẠCH**\nTHỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI\n\nI. MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n")
    path = tmp_path / "tayninh.md"
    path.write_text(body, encoding="utf-8")
    plan = plandiff.parse(path)
    assert (plan.meta.doc_type, plan.meta.date, plan.meta.place) == ("QUYẾT ĐỊNH", "2021-05-21", "Tây Ninh")
    assert plan.meta.title == "BAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI"
    assert plan.attached is not None and plan.attached.doc_type == "KẾ HOẠCH"
    # the same text with another name is text: its two bold lines alone do not make it Markdown
    other = tmp_path / "tayninh.txt"
    other.write_text(body, encoding="utf-8")
    assert plandiff.parse(other).meta.source_format == "text"


@pytest.mark.parametrize(("issuer", "number", "authority"), [
    ("ỦY BAN THƯỜNG VỤ\nQUỐC HỘI", "Nghị quyết số: 653/2019/UBTVQH14", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"),
    ("SỞ Y TẾ\nTỈNH NGHỆ AN", "Số: 12/QĐ-SYT", "GIÁM ĐỐC SỞ Y TẾ TỈNH NGHỆ AN"),
])
def test_a_resolutions_number_after_its_type_and_its_enacting_authority(issuer: str, number: str, authority: str) -> None:
    """The Standing Committee numbers a resolution "Nghị quyết số: …"; its name, and a department
    director's, stand under the title as the enacting authority, no part of the title."""
    plan = plandiff.parse(f"{issuer}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n{number}\n\n"
                          "Hà Nội, ngày 12 tháng 3 năm 2019\n\nNGHỊ QUYẾT\n\nVỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH\n\n"
                          f"{authority}\n\nCăn cứ Hiến pháp;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Sắp xếp đơn vị hành chính.\n")
    assert plan.meta.number == number.partition(":")[2].strip()
    assert plan.meta.title == "VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH"
    assert plan.preamble.startswith("Căn cứ Hiến pháp")


def test_a_2025_decision_enacts_in_a_sentence_of_its_own() -> None:
    """Under the 2025 law on legal documents a decision's grounds end with the sentence that
    enacts it ("Ủy ban nhân dân ban hành Quyết định …") where "QUYẾT ĐỊNH:" stood: a paragraph of
    its own after the last ground, however full that ground's line."""
    last = ("Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh tại Tờ trình số 1818/TTr-VP ngày 21 tháng 8 "
            "năm 2025 và Giám đốc Sở Nội vụ;")
    enacts = "Ủy ban nhân dân ban hành Quyết định về việc ban hành Quy chế hoạt động của Trung tâm Phục vụ Hành chính công."
    plan = plandiff.parse("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 128/2025/QĐ-UBND\nThanh Hóa, ngày 09 tháng 10 năm 2025\n\n"
                          "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ HOẠT ĐỘNG\n\n"
                          "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\n"
                          f"{last}\n\n{enacts}\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n\n"
                          "Điều 2. Quyết định này có hiệu lực kể từ ngày 20 tháng 10 năm 2025.\n")
    assert plan.preamble.split("\n")[-2:] == [last, enacts]
    assert [a.label for a in plan.articles] == ["Điều 1.", "Điều 2."]


def test_a_party_committees_star_beside_its_place_is_no_part_of_the_place() -> None:
    """A Party committee's header in two columns of tabbed text: the "*" under its name stands on
    the line of the place and date."""
    text = ("ĐẢNG BỘ TỈNH BẮC NINH\t\t\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ TIÊN DU\n*\t\t\tTiên Du, ngày 05 tháng 3 năm 2025\n"
            "Số 12-KH/ĐU\n\nKẾ HOẠCH\nThực hiện Nghị quyết\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    m = plandiff.parse(text).meta
    assert (m.issuer, m.parent_issuer, m.number, m.place, m.date) == (
        "ĐẢNG ỦY XÃ TIÊN DU", "ĐẢNG BỘ TỈNH BẮC NINH", "12-KH/ĐU", "Tiên Du", "2025-03-05")


@pytest.mark.parametrize(("head", "title"), [
    # no type line (a page dropped it): the title in capitals wrapped as a PDF's text wraps it
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 002/CT-UBND\nĐắk Lắk, ngày 23 tháng 7 năm 2025\n"
     "TĂNG CƯỜNG CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI TRƯỚC MÙA MƯA BÃO NĂM\n2025\n",
     "TĂNG CƯỜNG CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI TRƯỚC MÙA MƯA BÃO NĂM 2025"),
    ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 1924/KH-UBND\nNinh Thuận, ngày 5 tháng 5 năm 2025\n"
     "ỨNG PHÓ THIÊN TAI DỰA VÀO CỘNG ĐỒNG TRÊN ĐỊA BÀN TỈNH NINH\nTHUẬN\n",
     "ỨNG PHÓ THIÊN TAI DỰA VÀO CỘNG ĐỒNG TRÊN ĐỊA BÀN TỈNH NINH THUẬN"),
    ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 1589/QĐ-TTg\nHà Nội, ngày 24 tháng 7 năm 2025\n"
     "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG\nSỐ 72/2025/QH15\n",
     "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG SỐ 72/2025/QH15"),
    # under its type: a span of years wrapped at its dash
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 4611/QĐ-BGDĐT\nHà Nội, ngày 20 tháng 12 năm 2021\nQUYẾT ĐỊNH\n"
     "VỀ VIỆC BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG VÌ SỰ TIẾN BỘ PHỤ NỮ GIAI ĐOẠN 2021\n- 2030 CỦA BỘ GIÁO DỤC VÀ ĐÀO TẠO\n",
     "VỀ VIỆC BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG VÌ SỰ TIẾN BỘ PHỤ NỮ GIAI ĐOẠN 2021 - 2030 CỦA BỘ GIÁO DỤC VÀ ĐÀO TẠO"),
    # in sentence case: a directive's narrative preamble wrapped too, under a title wrapped
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 05/CT-UBND\nNghệ An, ngày 10 tháng 3 năm 2025\nCHỈ THỊ\n"
     "Về tăng cường công tác phòng, chống thiên tai năm\n2025\nTrong những năm qua, công tác phòng, chống thiên tai trên\n"
     "địa bàn tỉnh đã đạt được nhiều kết quả quan trọng.\n",
     "Về tăng cường công tác phòng, chống thiên tai năm 2025"),
])
def test_a_title_wrapped_over_a_word_a_year_a_number_or_a_span(head: str, title: str) -> None:
    plan = plandiff.parse(head + "Căn cứ Luật Phòng, chống thiên tai;\nI. NHIỆM VỤ\n1. Các sở rà soát phương án.\n")
    assert plan.meta.title == title
    assert plan.preamble.startswith(("Căn cứ", "Trong những năm qua"))


def test_a_justified_pdf_lines_wide_spaces_hide_no_opener_and_no_title() -> None:
    """A justified page's text layer spreads its words ("Căn   cứ Kế hoạch  số …", "THIỆT HẠI   DO
    THIÊN TAI"): the ground still opens the preamble, and the title in capitals with gaps as wide as
    a column's is still the title (the two columns of the header are still two)."""
    text = ("ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐẮK LẮK    Độc lập - Tự do - Hạnh phúc\n"
            "Số: 002/CT-UBND    Đắk Lắk, ngày 23 tháng 7 năm 2025\n"
            "TĂNG CƯỜNG CÔNG TÁC PHÒNG, CHỐNG, KHẮC PHỤC THIỆT HẠI   DO THIÊN TAI  NĂM 2025\n"
            "Căn   cứ Kế hoạch  số 125/KH-UBND ngày   12/9/2025 của Ủy  ban nhân dân tỉnh về phòng   chống thiên tai;\n"
            "1. Các sở rà soát phương án.\n")
    plan = plandiff.parse(text)
    assert plan.meta.issuer == "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    assert plan.meta.title == "TĂNG CƯỜNG CÔNG TÁC PHÒNG, CHỐNG, KHẮC PHỤC THIỆT HẠI DO THIÊN TAI NĂM 2025"
    assert plan.preamble.startswith("Căn cứ Kế hoạch số 125/KH-UBND")
    sentence = plandiff.parse("KẾ HOẠCH\nPhòng chống thiên tai năm 2026\n"
                              "Căn   cứ Kế hoạch  số 125/KH-UBND ngày 12/9/2025 của Ủy ban nhân dân tỉnh;\n"
                              "I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    assert sentence.meta.title == "Phòng chống thiên tai năm 2026"


def test_an_authoritys_mark_alone_on_its_line_opens_the_signature() -> None:
    """A portal's narrow cell broke "TM. ỦY BAN NHÂN DÂN TỈNH" after its mark, in a decision that
    lists no recipients: "TM." alone opens the signature, and the body's name under it is its own
    (the two lines were the last article's text)."""
    plan = plandiff.parse("ỦY BAN NHÂN DÂN\nTỈNH TIỀN GIANG\nSố: 33/2009/QĐ-UBND\nMỹ Tho, ngày 24 tháng 12 năm 2009\n"
                          "QUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ MẠNG TIN HỌC\nCăn cứ Luật Công nghệ thông tin;\n"
                          "QUYẾT ĐỊNH:\nĐiều 1.\nBan hành kèm theo Quyết định này Quy định.\nĐiều 2.\n"
                          "Quyết định này có hiệu lực./.\n|\nTM.\nỦY BAN NHÂN DÂN TỈNH\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
                          "Nguyễn Văn Phòng\n|\n")
    assert plan.articles[-1].text == "Quyết định này có hiệu lực./."
    assert plan.signature[0] == "TM. ỦY BAN NHÂN DÂN TỈNH"
    assert (plan.meta.signer, plan.meta.signer_title) == ("Nguyễn Văn Phòng", "PHÓ CHỦ TỊCH")


@pytest.mark.parametrize(("authority", "signature", "jurisdiction"), [
    ("ỦY BAN NHÂN DÂN TỈNH", "", ("Bình Định", "tỉnh")),
    ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "", ("Bình Định", "tỉnh")),
    ("", "TM. ỦY BAN NHÂN DÂN HUYỆN\nCHỦ TỊCH\nNguyễn Văn A", ("Bình Định", "huyện")),
    ("", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A", ("Bình Định", "")),
])
def test_the_level_from_the_authority_that_enacts_or_signs(authority: str, signature: str,
                                                           jurisdiction: tuple[str, str]) -> None:
    """A portal page that kept only "ỦY BAN NHÂN DÂN" of the issuer's cell: the authority's line
    above the grounds, or the signature's, names the level (and the date line the place)."""
    plan = plandiff.parse("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                          "Số: 2873/QĐ-UBND | Bình Định, ngày 08 tháng 07 năm 2021 |\n"
                          f"{authority}\nCăn cứ Luật Bình đẳng giới ngày 29/11/2006;\nQUYẾT ĐỊNH:\n"
                          "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện bình đẳng giới.\n"
                          "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
                          f"Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n{signature}\n")
    assert plan.meta.issuer == "ỦY BAN NHÂN DÂN"
    assert plan.meta.jurisdiction == plandiff.Jurisdiction(*jurisdiction)


def test_a_signature_whose_first_line_a_layout_ran_onto_the_recipients_heading() -> None:
    """A PDF's text that kept no gap between the columns: "Nơi nhận: TM. ỦY BAN" on one line, the
    authority's name wrapped between "ỦY BAN" and "NHÂN DÂN" under it."""
    back = ("Nơi nhận: TM. ỦY BAN\n- Bộ Khoa học và Công nghệ;\n- Lưu: VT, ĐMPT.\nNHÂN DÂN\nKT. CHỦ TỊCH\n"
            "PHÓ CHỦ TỊCH\nTrương Việt Dũng\n")
    plan = plandiff.parse("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 310/KH-UBND\nHà Nội, ngày 24 tháng 11 năm 2025\n"
                          "KẾ HOẠCH\nPhát triển hạ tầng 5G\nI. MỤC ĐÍCH\n1. Bảo đảm tiến độ./.\n" + back)
    assert plan.recipients == ("Bộ Khoa học và Công nghệ;", "Lưu: VT, ĐMPT.")
    assert plan.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Việt Dũng")
    assert (plan.meta.signer, plan.meta.signer_title) == ("Trương Việt Dũng", "PHÓ CHỦ TỊCH")


def test_a_header_read_column_by_column_and_a_signature_after_the_appendixs_heading() -> None:
    """pdfminer reads a page's text boxes column by column: the issuer's column with the type's
    line ("Số: …" / "KẾ HOẠCH"), then the motto's, wrapped anywhere, and the place and date
    wrapped after "ngày", then the title; and the signature's boxes after the next page's
    "PHỤ LỤC". The header, the title, the signature and the appendix's title are each read as a
    reader sees them."""
    text = ("ỦY BAN NHÂN\nDÂN\nTHÀNH PHỐ HÀ NỘI\n--------\n\nSố: 310/KH-UBND\n\nKẾ HOẠCH\n\nCỘNG HÒA XÃ\n"
            "HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nHà Nội, ngày\n24 tháng 11 năm 2025\n\n"
            "PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHỆ CAO, KHU CÔNG NGHIỆP, CỤM CÔNG\n"
            "NGHIỆP TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI ĐẾN NĂM 2030\n\n"
            "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, UBND Thành phố ban hành "
            "Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Bảo đảm tiến độ./.\n\nNơi nhận:\n- Bộ Khoa học và Công nghệ;\n"
            "- Lưu: VT, ĐMPT.\n\nPHỤ LỤC\n\nTM. ỦY BAN\nNHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrương Việt Dũng\n\n"
            "NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH\n(Kèm theo Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND thành phố Hà Nội)\n"
            "1. Rà soát quy hoạch hạ tầng.\n")
    plan = plandiff.parse(text)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date, m.doc_type) == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "310/KH-UBND", "Hà Nội", "2025-11-24", "KẾ HOẠCH")
    assert m.title == ("PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHỆ CAO, KHU CÔNG NGHIỆP, CỤM CÔNG NGHIỆP "
                       "TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI ĐẾN NĂM 2030")
    assert m.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert (m.signer, m.signer_title) == ("Trương Việt Dũng", "PHÓ CHỦ TỊCH")
    assert plan.recipients == ("Bộ Khoa học và Công nghệ;", "Lưu: VT, ĐMPT.")
    assert [a.title for a in plan.appendices] == ["NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH"]
    from plandiff.parsing.audit import lost_and_invented

    assert lost_and_invented(plan) == (Counter(), Counter())


@pytest.mark.parametrize(("head", "issuer", "parent"), [
    ("ỦY BAN NHÂN CỘNG HÒA XÃ\nDÂN HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HÀ NỘIĐộc lập - Tự do - Hạnh phúc\n",
     "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", None),
    ("ỦY BAN MTTQ VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nXÃ LƯƠNG MINH NAM\nBAN THƯỜNG TRỰC Độc lập - Tự do - Hạnh phúc\n",
     "BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH"),
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nTỈNH QUẢNG NAM NAM\nĐộc lập - Tự do - Hạnh phúc\n",
     "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", None),
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nTỈNH QUẢNG NAM\nNAM\nĐộc lập - Tự do - Hạnh phúc\n",
     "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", None),
])
def test_a_motto_wrapped_onto_the_issuers_lines_with_no_gap(head: str, issuer: str, parent: str | None) -> None:
    """pdfplumber runs a header table's two cells into one line with no gap: the motto's first
    words after the issuer's ("ỦY BAN NHÂN CỘNG HÒA XÃ"), its rest after the issuer's next words
    ("DÂN HỘI CHỦ NGHĨA VIỆT NAM", "XÃ LƯƠNG MINH NAM"); the issuer and the motto are each whole
    again ("TỈNH QUẢNG NAM" keeps its "NAM")."""
    plan = plandiff.parse(head + "Số: 16/KH-UBND\nHà Nội, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\nThử nghiệm\n"
                          "I. MỤC ĐÍCH\n1. Tuyên truyền.\n")
    assert (plan.meta.issuer, plan.meta.parent_issuer) == (issuer, parent)
    assert plan.meta.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def test_a_signature_run_onto_recipients_that_end_in_capitals() -> None:
    """pdfplumber runs the signature's lines onto the recipients' with a single space: after a
    recipient that ends in capitals and its ";" ("TT.HĐND TP; TM. ỦY BAN NHÂN"), and the
    authority's wrapped rest alone after the next one's ("- CT, PCT UBND TP; DÂN")."""
    back = ("- Cục Dân số (để b/c);\n- TT. Thành ủy, TT.HĐND TP; TM. ỦY BAN NHÂN\n- CT, PCT UBND TP; DÂN\n"
            "- UB.MTTQVN và các Đoàn thể TP; KT. CHỦ TỊCH\n- Sở, ban ngành TP; PHÓ CHỦ TỊCH\n"
            "- Báo và PTTH CT; Nguyễn Thị Ngọc Điệp\n- Lưu: VT, MK.\n")
    plan = plandiff.parse(_SIGNED.format(back))
    assert plan.recipients == ("Cục Dân số (để b/c);", "TT. Thành ủy, TT.HĐND TP;", "CT, PCT UBND TP;",
                               "UB.MTTQVN và các Đoàn thể TP;", "Sở, ban ngành TP;", "Báo và PTTH CT;", "Lưu: VT, MK.")
    assert plan.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thị Ngọc Điệp")


def test_a_header_table_read_line_by_line_across_its_cells() -> None:
    """pdftotext reads a header table's lines across both cells in the order they stand on the
    page: the motto's lines before the place's name, the rule under the issuer's name glued to the
    place's first words ("------Thành phố Hồ Chí"), the number between the place's two lines, and
    the committee's first line after them all: its issuer, number, place and date as printed."""
    text = ("CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HỒ CHÍ MINH\nĐộc lập - Tự do - Hạnh phúc\n"
            "--------------------Thành phố Hồ Chí\nSố: 2853/QĐ-UBND\nMinh, ngày 21 tháng 11 năm 2025\n\n"
            "ỦY BAN NHÂN DÂN\n\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG THIÊN TAI\n\n"
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nCăn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực.\n")
    m = plandiff.parse(text).meta
    assert (m.issuer, m.number, m.place, m.date) == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "2853/QĐ-UBND", "Thành phố Hồ Chí Minh", "2025-11-21")
    assert m.jurisdiction == plandiff.Jurisdiction("Hồ Chí Minh", "thành phố")


def test_a_header_a_tool_read_after_the_first_pages_body() -> None:
    """pypdf reads a page's header table after the page's text: the type's line opens the text,
    the issuer, the number, the motto and the date stand after the first page's clauses. They
    are the header, read as it, and no clause's text."""
    text = ("KẾ HOẠCH\nThực hiện công tác bầu cử đại biểu Quốc hội khóa XVI\n"
            "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số\n"
            "85/2015/QH13, ngày 25/6/2015 và được sửa đổi, bổ sung một số điều tại Luật\n"
            "số 83/2025/QH15, ngày 24/6/2025;\nI. MỤC ĐÍCH, YÊU CẦU\n"
            "- Triển khai đầy đủ, đồng bộ các nội dung công tác bầu cử.\n1\n"
            "ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC\nSố: 16/KH-MTTQ-BTT\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Lương Minh, ngày 18 tháng 11 năm 2025\n- Thực hiện nghiêm túc, dân chủ, công khai.\n"
            "II. NỘI DUNG\n1. Xây dựng, ban hành các văn bản chỉ đạo.\n")
    plan = plandiff.parse(text)
    m = plan.meta
    assert (m.issuer, m.parent_issuer, m.number, m.place, m.date) == (
        "BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "16/KH-MTTQ-BTT", "Lương Minh", "2025-11-18")
    assert m.title == "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI"
    assert m.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert [c.text for c in plan.find("I").children] == [
        "Triển khai đầy đủ, đồng bộ các nội dung công tác bầu cử.", "Thực hiện nghiêm túc, dân chủ, công khai."]
    from plandiff.parsing.audit import lost_and_invented

    assert lost_and_invented(plan) == (Counter(), Counter())


@pytest.mark.parametrize("spacing", ["as printed", "a blank line after every line", "no blank line"])
def test_a_long_title_going_on_in_lower_case_is_whole_however_its_lines_are_spaced(spacing: str) -> None:
    """The Politburo's programme: a title of five lines, its last two in sentence case ("… về bảo
    vệ môi trường" / "và chủ động ứng phó …"). A line opening in lower case goes on the title
    (no preamble opens so), whether the converter set the title apart with blank lines or not."""
    lines = (Path(__file__).resolve().parent.parent / "fixtures" / "field" / "bct-ctr31-2026.txt").read_text(encoding="utf-8").split("\n")
    text = {"as printed": "\n".join(lines), "a blank line after every line": "\n\n".join(lines),
            "no blank line": "\n".join(ln for ln in lines if ln.strip())}[spacing]
    title = plandiff.parse(text).meta.title
    assert title is not None and title.startswith("HÀNH ĐỘNG CUA BỘ CHÍNH TRỊ thực hiện Kết luận số 75-KL/TW")
    assert title.endswith("về bảo vệ môi trường và chủ động ứng phó với biến đổi khí hậu trong thời kỳ mới")


@pytest.mark.parametrize("place_date", [
    "Hà Nội ngày 24 tháng 11 năm 2025",  # the comma left out
    "Hà Nội ngày 24\ntháng 11 năm 2025",  # and the date wrapped
    "Hà Nội, ngày 24 tháng 11, năm 2025",  # a comma before the year
    "Hà Nội, Ngày 24 Tháng 11 Năm 2025",  # the date's words with capitals
])
def test_a_place_and_date_printed_otherwise(place_date: str) -> None:
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Số: 310/KH-UBND\n{place_date}\n\nKẾ HOẠCH\nPHÁT TRIỂN HẠ TẦNG SỐ\n\nI. MỤC ĐÍCH\n\n1. Nội dung.\n")
    m = plandiff.parse(text).meta
    assert (m.number, m.place, m.date) == ("310/KH-UBND", "Hà Nội", "2025-11-24")


def test_a_number_and_a_place_and_date_without_its_comma_on_one_line() -> None:
    """The header's two columns on one line, the comma left out: "Số: 14/KH-UBND Thừa Thiên Huế
    ngày 12" / "tháng 01 năm 2024"; a sentence that dates something is no place and date."""
    text = (FIXTURES / "tth-2024.txt").read_text(encoding="utf-8").replace("Thừa Thiên Huế, ngày", "Thừa Thiên Huế ngày")
    m = plandiff.parse(text).meta
    assert (m.number, m.place, m.date) == ("14/KH-UBND", "Thừa Thiên Huế", "2024-01-12")
    from plandiff.parsing.frontmatter import _place_date

    assert _place_date("Kế hoạch này được ban hành ngày 24 tháng 11 năm 2025 và thay thế kế hoạch trước") is None


def test_a_decisions_authority_line_abbreviated_ends_its_title() -> None:
    """"UBND TỈNH BẮC NINH" under a decision's title is the body that enacts it, as "ỦY BAN NHÂN
    DÂN TỈNH BẮC NINH" is (it had gone on the title)."""
    text = (FIXTURES / "field" / "bacninh-hoichotrienlam-2025.md").read_text(encoding="utf-8")
    at = text.index("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", text.index("VỀ VIỆC PHÊ DUYỆT"))
    plan = plandiff.parse(text[:at] + "UBND TỈNH BẮC NINH" + text[at + len("ỦY BAN NHÂN DÂN TỈNH BẮC NINH"):])
    assert plan.meta.title == plandiff.parse(text).meta.title
    assert plan.meta.title.endswith("TRÊN ĐỊA BÀN TỈNH BẮC NINH NĂM 2026")


@pytest.mark.parametrize("heading", ["Nơi nhận:", "NƠI NHẬN:", "Nơi nhận :", "Nơi nhận"])
def test_the_recipients_heading_however_printed_opens_the_recipients(heading: str) -> None:
    """"NƠI NHẬN:" in capitals is the recipients' heading, not a line of the signature (it had
    been read as the signer's title)."""
    text = (FIXTURES / "field" / "luongminh-ktgs-2025.txt").read_text(encoding="utf-8").replace("Nơi nhận:", heading)
    plan = plandiff.parse(text)
    assert (plan.meta.signer_title, plan.meta.signer) == ("CHỦ TỊCH", "Lan Thị Vân")
    assert len(plan.recipients) == 7 and plan.signature == ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Lan Thị Vân")
