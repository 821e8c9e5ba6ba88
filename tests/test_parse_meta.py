"""Front and back matter: issuer, number, place and date, title, recipients, signature."""

from __future__ import annotations

import pytest

import plandiff
from tests.conftest import DATA, load


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


def test_title_ends_where_the_preamble_begins() -> None:
    text = ("KẾ HOẠCH\nTriển khai công tác bình đẳng giới\nnăm 2025\n"
            "Để triển khai có hiệu quả công tác bình đẳng giới năm 2025, Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n"
            "I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    plan = plandiff.parse(text)
    assert plan.meta.title == "Triển khai công tác bình đẳng giới năm 2025"
    assert plan.preamble.startswith("Để triển khai có hiệu quả")
    # a title may begin like a preamble: only an instrument named after "Thực hiện" opens one
    assert load("tth-2024").meta.title.startswith("Thực hiện công tác bình đẳng giới")


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


@pytest.mark.parametrize("line", ["Hà Nội, ngày 05/3/2025", "Hà Nội, ngày 5-3-2025", "Hà Nội, ngày 05.3.2025",
                                  "Hà Nội, ngày 05 tháng 3 năm 2025"])
def test_the_date_line_in_figures_or_in_words(line: str) -> None:
    plan = plandiff.parse(f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 1/KH-UBND\n{line}\n\nKẾ HOẠCH\nThử nghiệm\n\n"
                          "I. NỘI DUNG\n1. Tuyên truyền.\n")
    assert (plan.meta.place, plan.meta.date, plan.meta.month) == ("Hà Nội", "2025-03-05", 3)


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
