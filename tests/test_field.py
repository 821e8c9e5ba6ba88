"""Documents as they come from the field: decisions that issue plans, appendices and their tables,
portal pages and their Markdown, headers of other bodies, [n] footnotes.

Each family is tested on a small built input, then on the real documents in fixtures/field/.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import plandiff
from plandiff.cite.citations import extract
from plandiff.model import Table
from plandiff.parsing.audit import lost_and_invented
from plandiff.tasks import tasks

from . import builders

FIELD = Path(__file__).resolve().parent.parent / "fixtures" / "field"
DATA = Path(__file__).resolve().parent / "data"
DOCS = sorted(p.name for p in FIELD.iterdir() if p.suffix in (".md", ".docx", ".txt", ".htm") and p.name != "README.md")

BODY = """I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về bình đẳng giới.
2. Bảo đảm sự phối hợp của các sở, ngành.
II. NỘI DUNG
1. Truyền thông về bình đẳng giới trên các phương tiện thông tin đại chúng.
2. Tập huấn cho cán bộ làm công tác bình đẳng giới ở cơ sở.
"""
"""The attached plan's body: the same in the decision and in the plan published on its own."""

DECISION = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 512/QĐ-UBND
Ninh Bình, ngày 3 tháng 2 năm 2026

QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI
NĂM 2026 TRÊN ĐỊA BÀN TỈNH

ỦY BAN NHÂN DÂN TỈNH NINH BÌNH

Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;
Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ;
Theo đề nghị của Giám đốc Sở Nội vụ.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bình đẳng giới năm 2026.
Điều 2. Tổ chức thực hiện
1. Sở Nội vụ chủ trì theo dõi.
2. Các sở, ngành:
a) Xây dựng kế hoạch của ngành;
b) Báo cáo kết quả trước ngày 15/12/2026.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình

ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

KẾ HOẠCH
THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2026
(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 03/02/2026 của UBND tỉnh)

""" + BODY

PLAN = """ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Số: 20/KH-UBND
Ninh Bình, ngày 10 tháng 1 năm 2025

KẾ HOẠCH
Thực hiện công tác bình đẳng giới năm 2025

Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ.

""" + BODY + """
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình

PHỤ LỤC I
DANH MỤC NHIỆM VỤ NĂM 2025
(Kèm theo Kế hoạch số 20/KH-UBND ngày 10/01/2025 của UBND tỉnh)

TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian
1\tTruyền thông về bình đẳng giới\tSở Văn hóa\tQuý II/2025
2\tTập huấn cán bộ\t\tTháng 10/2025

PHỤ LỤC II
CHỈ TIÊU NĂM 2025
1. Tỷ lệ nữ lãnh đạo đạt 30%.
2. Giảm bạo lực gia đình.
"""


def test_decision_that_issues_a_plan() -> None:
    plan = plandiff.parse(DECISION)
    m = plan.meta
    assert (m.doc_type, m.number, m.date) == ("QUYẾT ĐỊNH", "512/QĐ-UBND", "2026-02-03")
    assert m.title == "BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2026 TRÊN ĐỊA BÀN TỈNH"
    # the signer is the decision's, whose closing comes before the attached plan
    assert (m.signer, m.signer_title) == ("Trần Văn Bình", "PHÓ CHỦ TỊCH")
    assert plan.recipients == ("Như Điều 3;", "Lưu: VT.")
    ids = [c.id for top in plan.articles for c in top.walk()]
    assert ids == ["Điều 1", "Điều 2", "Điều 2.1", "Điều 2.2", "Điều 2.2.a", "Điều 2.2.b", "Điều 3"]
    assert {c.kind for c in plan.articles} == {"article"}
    assert plan.attached is not None
    assert (plan.attached.doc_type, plan.attached.title) == ("KẾ HOẠCH", "THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2026")
    assert plan.attached.ref == "(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 03/02/2026 của UBND tỉnh)"
    assert [c.id for c in plan.walk()] == ["I", "I.1", "I.2", "II", "II.1", "II.2"]
    # the preamble is the decision's; the authority's line and the enacting formula are header lines
    assert plan.preamble.startswith("Căn cứ Luật Bình đẳng giới") and "QUYẾT ĐỊNH:" not in plan.preamble
    roles = {h.text: h.role for h in plan.header}
    assert roles["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"] == "authority" and roles["QUYẾT ĐỊNH:"] == "enacting"
    assert sum(lost_and_invented(plan)[0].values()) == 0
    # the JSON contract
    out = plan.to_dict()
    assert out["attached"]["doc_type"] == "KẾ HOẠCH" and out["articles"][1]["children"][1]["children"][0]["id"] == "Điều 2.2.a"


def test_a_two_column_second_header_is_not_the_signature() -> None:
    text = DECISION.replace("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
                            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NINH BÌNH\tĐộc lập - Tự do - Hạnh phúc\n")
    plan = plandiff.parse(text)
    assert plan.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình")
    assert plan.attached is not None and [c.id for c in plan.clauses] == ["I", "II"]


def test_a_decision_issued_plan_aligns_with_an_ordinary_one() -> None:
    al = plandiff.align(plandiff.parse(PLAN), plandiff.parse(DECISION))
    assert {(p.a, p.b) for p in al.pairs} >= {("I", "I"), ("II.1", "II.1"), ("II.2", "II.2")}
    assert not al.added and not al.removed


def test_a_council_resolution_that_issues_a_programme() -> None:
    text = (DECISION.replace("QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH", "NGHỊ QUYẾT\nBAN HÀNH CHƯƠNG TRÌNH")
            .replace("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:").replace("KẾ HOẠCH\nTHỰC HIỆN", "CHƯƠNG TRÌNH\nTHỰC HIỆN")
            .replace("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n\nCăn", "HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH\nKHÓA XV, KỲ HỌP THỨ 12\n\nCăn"))
    plan = plandiff.parse(text)
    assert plan.meta.doc_type == "NGHỊ QUYẾT" and plan.attached is not None and plan.attached.doc_type == "CHƯƠNG TRÌNH"
    assert [h.text for h in plan.header if h.role in ("authority", "enacting")] == [
        "HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH", "KHÓA XV, KỲ HỌP THỨ 12", "QUYẾT NGHỊ:"]
    assert plan.preamble.startswith("Căn cứ Luật Bình đẳng giới")


def test_plain_decision_parses_with_its_articles_as_the_body() -> None:
    text = DECISION.split("\nỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nCỘNG HÒA")[0]
    plan = plandiff.parse(text)
    assert plan.attached is None
    assert [c.id for c in plan.articles] == ["Điều 1", "Điều 2", "Điều 3"]
    assert plan.clauses == plan.articles
    assert plan.meta.signer == "Trần Văn Bình"
    assert sum(lost_and_invented(plan)[0].values()) == 0


def test_a_decisions_plan_printed_without_its_type_and_title_follows_the_signature() -> None:
    """A copy that lost the issued plan's "KẾ HOẠCH" and its title: its sections follow the
    decision's signer. The plan is the article's ("Ban hành kèm theo Quyết định này Kế hoạch
    thực hiện …"), its type and title as the article gives them, its sections the plan's clauses —
    not the signature's lines, nor recipients."""
    decision = DECISION.split("\nỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nCỘNG HÒA")[0]
    plan = plandiff.parse(decision + "\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\nII. NHIỆM VỤ\n"
                          "1. Tuyên truyền về bình đẳng giới.\n2. Tập huấn cho cán bộ.\n")
    assert plan.attached is not None
    assert (plan.attached.doc_type, plan.attached.title) == ("KẾ HOẠCH", "thực hiện công tác bình đẳng giới năm 2026")
    assert [c.id for c in plan.clauses] == ["I", "II"] and [c.id for c in plan.articles] == ["Điều 1", "Điều 2", "Điều 3"]
    assert (plan.meta.signer, plan.meta.signer_title) == ("Trần Văn Bình", "PHÓ CHỦ TỊCH")
    assert plan.recipients == ("Như Điều 3;", "Lưu: VT.")
    assert lost_and_invented(plan) == (Counter(), Counter())
    # a decision that issues nothing, and one whose lines after the signer open no section, as before
    assert plandiff.parse(decision).attached is None
    # its national header, title and reference kept, its type's line lost: read as the plan's (the
    # title as printed), not as the decision's signature; a signer's name in capitals stays theirs
    for signer in ("Trần Văn Bình", "TRẦN VĂN BÌNH"):
        plan = plandiff.parse(decision.replace("Trần Văn Bình", signer)
                              + "\nỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                              "Độc lập - Tự do - Hạnh phúc\n\nTHỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI\nNĂM 2026\n"
                              "(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 03/02/2026 của UBND tỉnh)\n"
                              "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n")
        assert plan.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", signer)
        assert plan.attached is not None
        assert (plan.attached.doc_type, plan.attached.title, plan.attached.ref) == (
            "KẾ HOẠCH", "THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2026",
            "(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 03/02/2026 của UBND tỉnh)")
        assert [c.id for c in plan.walk()] == ["I", "I.1"]
        assert lost_and_invented(plan) == (Counter(), Counter())
    # an appendix after the decision's signature keeps its own sections: no document issued there
    plan = plandiff.parse(decision + "\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\nI. NHIỆM VỤ CHUNG\n1. Tuyên truyền.\n")
    assert plan.attached is None and [a.label for a in plan.appendices] == ["PHỤ LỤC"]
    assert (plan.meta.signer, plan.meta.signer_title) == ("Trần Văn Bình", "PHÓ CHỦ TỊCH")


def test_appendices_with_tables_and_clauses() -> None:
    plan = plandiff.parse(PLAN)
    assert plan.meta.signer == "Trần Văn Bình"  # an appendix is never the signature
    first, second = plan.appendices
    assert (first.label, first.title) == ("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ NĂM 2025")
    assert first.ref == "(Kèm theo Kế hoạch số 20/KH-UBND ngày 10/01/2025 của UBND tỉnh)"
    (table,) = first.tables
    assert table.rows == (("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"),
                          ("1", "Truyền thông về bình đẳng giới", "Sở Văn hóa", "Quý II/2025"),
                          ("2", "Tập huấn cán bộ", "", "Tháng 10/2025"))
    assert (second.label, second.title, second.tables) == ("PHỤ LỤC II", "CHỈ TIÊU NĂM 2025", ())
    assert [(c.id, c.text) for c in second.clauses] == [("PL2.1", "Tỷ lệ nữ lãnh đạo đạt 30%."),
                                                        ("PL2.2", "Giảm bạo lực gia đình.")]
    assert sum(lost_and_invented(plan)[0].values()) == 0


def test_an_appendix_that_prints_only_a_title() -> None:
    text = PLAN.replace("PHỤ LỤC I\n", "").split("PHỤ LỤC II")[0]
    (app,) = plandiff.parse(text).appendices
    assert (app.label, app.title) == (None, "DANH MỤC NHIỆM VỤ NĂM 2025")
    assert len(app.tables[0].rows) == 3


PORTAL_MD = """|
**ỦY BAN NHÂN
DÂN **
TỈNH LẠNG SƠN
-------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 77/KH-UBND
|
*Lạng Sơn, ngày
05 tháng 3 năm 2025*
|

** **

**KẾ HOẠCH**

PHÁT TRIỂN HẠ TẦNG SỐ, DỮ LIỆU SỐ,
NỀN TẢNG SỐ TRÊN ĐỊA BÀN TỈNH LẠNG SƠN NĂM 2025

Thực hiện Nghị quyết số
57-NQ/TW ngày 22/12/2024 của Bộ Chính trị[1]; Ủy ban nhân dân tỉnh ban hành Kế hoạch
như sau:

**I. MỤC
ĐÍCH, YÊU CẦU**

**1. Mục
đích**

Phát triển hạ tầng số đồng bộ.

**II. NỘI DUNG**

1. Phát triển hạ tầng số.

* *

|
Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT.
|
**KT. CHỦ TỊCH **
PHÓ CHỦ TỊCH
**Hoàng Văn Nam**
|

[1]
Nghị quyết số 57-NQ/TW ngày 22/12/2024 về đột phá phát triển khoa học,
công nghệ.

Văn bản liên quan
Kế hoạch 12/KH-UBND năm 2024
"""


def test_portal_markdown_wraps_tables_emphasis_and_footnotes() -> None:
    plan = plandiff.parse(PORTAL_MD)
    m = plan.meta
    # the motto split over two lines is not glued to the issuer; a date wrapped inside emphasis
    assert m.issuer == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    assert (m.number, m.date, m.place) == ("77/KH-UBND", "2025-03-05", "Lạng Sơn")
    # a title wrapped after a comma runs to the preamble
    assert m.title == "PHÁT TRIỂN HẠ TẦNG SỐ, DỮ LIỆU SỐ, NỀN TẢNG SỐ TRÊN ĐỊA BÀN TỈNH LẠNG SƠN NĂM 2025"
    # headings wrapped inside emphasis are whole
    assert plan.find("I").heading == "MỤC ĐÍCH, YÊU CẦU" and plan.find("I.1").heading == "Mục đích"
    # empty emphasis and table pipes are markup, not the signer's title
    assert (m.signer, m.signer_title) == ("Hoàng Văn Nam", "PHÓ CHỦ TỊCH")
    assert plan.recipients == ("Bộ Khoa học và Công nghệ;", "Lưu: VT.")
    # [1] with its body after the signature is a footnote, not signature text
    (note,) = plan.footnotes
    assert note.label == "1" and note.text.startswith("Nghị quyết số 57-NQ/TW") and note.clause is None
    assert "[1]" not in plan.preamble
    # the page's chrome after the document is set aside
    assert [h.text for h in plan.header if h.role == "chrome"] == ["Văn bản liên quan", "Kế hoạch 12/KH-UBND năm 2024"]
    assert sum(lost_and_invented(plan)[0].values()) == 0


def test_portal_chrome_before_the_header_is_not_the_issuer() -> None:
    chrome = "Bản dịch này thuộc quyền sở hữu của\n**\nTHƯ VIỆN PHÁP LUẬT**.\nX\n**\nCÁC NỘI DUNG ĐƯỢC SỬA ĐỔI\n**\n|\n**Số hiệu:**\n|\n77/KH-UBND\n|\n"
    plan = plandiff.parse(chrome + PORTAL_MD)
    assert plan.meta.issuer == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    assert "THƯ VIỆN PHÁP LUẬT." in [h.text for h in plan.header if h.role == "chrome"]


def test_a_page_of_only_chrome_is_not_a_plan() -> None:
    page = ("<!DOCTYPE html><html><body><nav>Trang chủ</nav><div class='menu'>Văn bản mới</div>"
            "<p>Đăng nhập</p><p>Liên hệ: 0123</p><div class='footer'>Bản quyền</div></body></html>")
    with pytest.raises(plandiff.errors.NotAPlan):
        plandiff.parse(page.encode())


def test_a_decision_with_no_body_is_not_a_plan() -> None:
    with pytest.raises(plandiff.errors.NotAPlan):
        plandiff.parse("ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/QĐ-UBND\nX, ngày 1 tháng 1 năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\n")


def test_an_appendix_with_a_broken_table_loses_nothing() -> None:
    broken = PLAN.split("PHỤ LỤC II")[0] + "PHỤ LỤC II\nBẢNG HỎNG\n| a | b\n|---\nc | | d |\n\t\tx\ty\n|\n|\n|\nz\n"
    plan = plandiff.parse(broken)
    assert [a.label for a in plan.appendices] == ["PHỤ LỤC I", "PHỤ LỤC II"]
    assert sum(lost_and_invented(plan)[0].values()) == 0


@pytest.mark.parametrize(("header", "issuer", "parent", "place", "number"), [
    ("ỦY BAN MTTQ VIỆT NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ LƯƠNG MINH\tĐộc lập - Tự do - Hạnh phúc\n"
     "BAN THƯỜNG TRỰC\tLương Minh, ngày 18 tháng 11 năm 2025\nSố: 16/KH-MTTQ-BTT\n",
     "BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "Lương Minh", "16/KH-MTTQ-BTT"),
    ("ĐẢNG BỘ TỈNH QUẢNG NINH              ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ LƯƠNG MINH\n"
     "Số 21-KH/ĐU                      Lương Minh, ngày 29 tháng 7 năm 2025\n",
     "ĐẢNG ỦY XÃ LƯƠNG MINH", "ĐẢNG BỘ TỈNH QUẢNG NINH", "Lương Minh", "21-KH/ĐU"),
    ("UBND TỈNH LÀO CAI\t\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG\t\tĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 15/KH-SCT\t\tLào Cai, ngày 2 tháng 4 năm 2026\n",
     "SỞ CÔNG THƯƠNG", "UBND TỈNH LÀO CAI", "Lào Cai", "15/KH-SCT"),
])
def test_headers_of_other_bodies(header: str, issuer: str, parent: str, place: str, number: str) -> None:
    plan = plandiff.parse(header + "\nKẾ HOẠCH\nThực hiện công tác bầu cử\n\nI. MỤC ĐÍCH\n1. Tổ chức tốt cuộc bầu cử.\n")
    m = plan.meta
    assert (m.issuer, m.parent_issuer, m.place, m.number) == (issuer, parent, place, number)


@pytest.mark.parametrize(("header", "issuer", "parent", "place"), [
    # "XÃ HỘI" in a department's name is society, not a commune called "Hội"
    ("UBND TỈNH QUẢNG NAM\nSỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 45/KH-SLĐTBXH\n",
     "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "UBND TỈNH QUẢNG NAM", ("Quảng Nam", "tỉnh")),
    # a national organisation above its province's branch; the same body wrapped stays one
    ("HỘI LHPN VIỆT NAM\nHỘI LHPN TỈNH NGHỆ AN\nSố: 12/KH-HPN\n",
     "HỘI LHPN TỈNH NGHỆ AN", "HỘI LHPN VIỆT NAM", ("Nghệ An", "tỉnh")),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH NGHỆ AN\nSố: 12/KH-MTTQ\n",
     "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH NGHỆ AN", None, ("Nghệ An", "tỉnh")),
    # the Party's committee under its Party organisation: "tỉnh ủy" names no place
    ("ĐẢNG BỘ TỈNH THANH HÓA\nTỈNH ỦY\n*\nSố 45-KH/TU\n", "TỈNH ỦY", "ĐẢNG BỘ TỈNH THANH HÓA", ("Thanh Hóa", "tỉnh")),
    # a national organisation's branch named by the organisation's own name, not an organisation's word
    ("BẢO HIỂM XÃ HỘI VIỆT NAM\nBẢO HIỂM XÃ HỘI TỈNH BÌNH DƯƠNG\nSố: 12/KH-BHXH\n",
     "BẢO HIỂM XÃ HỘI TỈNH BÌNH DƯƠNG", "BẢO HIỂM XÃ HỘI VIỆT NAM", ("Bình Dương", "tỉnh")),
    # a ministry's department under it
    ("BỘ NỘI VỤ\nCỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC\nSố: 12/KH-VTLTNN\n",
     "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", "BỘ NỘI VỤ", ("Việt Nam", "trung ương")),
    ("BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nSố: 12/KH-TCT\n", "TỔNG CỤC THUẾ", "BỘ TÀI CHÍNH", ("Việt Nam", "trung ương")),
    # "VIỆT NAM" alone under a national organisation's name is that name wrapped, not the motto's
    # end (the whole country's, not the city it signs in); beside the motto, and above a branch
    ("HỘI LIÊN HIỆP PHỤ NỮ\nVIỆT NAM\n-------\nSố: 12/KH-ĐCT\n", "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", None,
     ("Việt Nam", "trung ương")),
    ("TỔNG LIÊN ĐOÀN LAO ĐỘNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVIỆT NAM\tĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 12/KH-TLĐ\n", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", None, ("Việt Nam", "trung ương")),
    ("HỘI LIÊN HIỆP PHỤ NỮ\nVIỆT NAM\nHỘI LHPN TỈNH NGHỆ AN\nSố: 12/KH-HPN\n",
     "HỘI LHPN TỈNH NGHỆ AN", "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", ("Nghệ An", "tỉnh")),
])
def test_the_body_under_another_and_its_place(header: str, issuer: str, parent: str | None,
                                              place: tuple[str, str]) -> None:
    plan = plandiff.parse(header + "Nghệ An, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới\n\n"
                          "I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    m = plan.meta
    assert (m.issuer, m.parent_issuer) == (issuer, parent)
    assert m.jurisdiction is not None and (m.jurisdiction.name, m.jurisdiction.level) == place


def test_recipient_wrapped_without_a_dash_stays_a_recipient() -> None:
    text = PLAN.split("\nNơi nhận:")[0] + (
        "\n\nNơi nhận:                          KT. CHỦ TỊCH\n"
        "- Thường trực Tỉnh ủy;             PHÓ CHỦ TỊCH\n"
        "- Ủy ban Kiểm tra Tỉnh ủy, Ban Tuyên giáo\n"
        "và Dân vận Tỉnh ủy;\n"
        "- Lưu: VT.                          Trần Văn Bình\n")
    plan = plandiff.parse(text)
    assert plan.recipients == ("Thường trực Tỉnh ủy;", "Ủy ban Kiểm tra Tỉnh ủy, Ban Tuyên giáo và Dân vận Tỉnh ủy;", "Lưu: VT.")
    assert plan.signature == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình")


@pytest.mark.parametrize("cited", ["Luật số 83/2025/QH15 ngày 24/6/2025 của Quốc hội",
                                   "Công văn số 6676/BYT-CDS ngày 01/10/2024 của Bộ Y tế",
                                   "Kế hoạch số 06/KH-MTTW-BTT ngày 22/7/2025 của Ban Thường trực"])
def test_issuer_codes_with_a_term_or_a_unit_are_normal(cited: str) -> None:
    plan = plandiff.parse(PLAN.replace("Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ.", f"Thực hiện {cited}."))
    cites, warnings = extract(plan)
    assert warnings == [] and any(c.symbol and c.symbol in cited for c in cites)


def test_organisations_own_numbers_are_read_whole() -> None:
    plan = plandiff.parse(PLAN.replace(
        "Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ.",
        "Xét đề nghị của Công ty A tại Văn bản số 05/2026/VLN/CV-LV ngày 21/4/2026; Công ty B tại Văn bản số "
        "21.4/GĐN ngày 21/4/2026; Công ty C tại Văn bản số 01-GCN-MT ngày 21/4/2026; Công ty D tại Văn bản số "
        "27/ĐN-Cty ngày 21/4/2026."))
    symbols = [c.symbol for c in plandiff.citations(plan)]
    assert symbols == ["05/2026/VLN/CV-LV", "21.4/GĐN", "01-GCN-MT", "27/ĐN-Cty"]


def test_type_words_spaced_or_wrapped_as_a_pdf_prints_them() -> None:
    """A clause's text as a reader other than the parser's may leave it (glyph gaps kept as two
    spaces, a paragraph ending at "số"): the type and the whole own-numbered symbol still read."""
    import dataclasses

    plan = plandiff.parse(PLAN)
    first = plan.clauses[0]
    text = "Xét đề nghị của Công ty A tại Văn  bản  số\n02/2026/VLN/CV-TA ngày 21/4/2026 và Nghị\nquyết số 28/NQ-CP."
    plan = dataclasses.replace(plan, clauses=(dataclasses.replace(first, text=text), *plan.clauses[1:]))
    got = {(c.symbol, c.type) for c in plandiff.citations(plan) if c.clause == first.id and c.symbol}
    assert got == {("02/2026/VLN/CV-TA", "Văn bản"), ("28/NQ-CP", "Nghị quyết")}


def test_a_symbol_wrapped_after_its_hyphen_is_one_word_again() -> None:
    """A PDF's line ends inside a symbol at one of its hyphens ("Văn bản số YBB-" / "SA032/26-LR"):
    the lines join without a space, so the symbol is cited whole; a dash standing apart, or a
    hyphen after a lower-case word, keeps its space."""
    plan = plandiff.parse(PLAN.replace(
        "Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ.",
        "Xét đề nghị của Công ty Liên danh YBB tại Văn bản số YBB-\nSA032/26-LR ngày 21/4/2026 về giai đoạn 2021-\n"
        "2025 và Kế hoạch số 12/KH-\nUBND ngày 2/3/2026 - \nTổ chức thực hiện, đồng bộ-\nHợp nhất."))
    text = next(c.text for c in plan.walk() if "YBB" in c.text) if "YBB" not in plan.preamble else plan.preamble
    assert "YBB-SA032/26-LR ngày" in text and "2021-2025 và" in text and "12/KH-UBND" in text
    assert "-Tổ chức" not in text and "bộ-Hợp" not in text
    cited = {c.symbol: c for c in plandiff.citations(plan)}
    assert {"YBB-SA032/26-LR", "12/KH-UBND"} <= set(cited)
    span = cited["YBB-SA032/26-LR"].span  # in the source, where the line breaks
    assert plan.source[span.start:span.end] == "Văn bản số YBB-\nSA032/26-LR"


def test_a_plan_citing_its_own_number_in_its_appendix_is_no_citation() -> None:
    assert "20/KH-UBND" not in {c.symbol for c in plandiff.citations(plandiff.parse(PLAN))}


def test_trace_runs_down_from_plans_to_what_they_cite(tmp_path: Path) -> None:
    resolution = ("CHÍNH PHỦ\nSố: 03/NQ-CP\nHà Nội, ngày 09 tháng 01 năm 2025\n\nNGHỊ QUYẾT\nBan hành Chương trình hành động\n\n"
                  "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học;\n\n"
                  "I. MỤC TIÊU\n1. Cụ thể hóa Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n")
    direct = PLAN.split("\nNơi nhận:")[0].replace("Nghị quyết số 28/NQ-CP ngày 03/3/2021", "Nghị quyết số 57-NQ/TW ngày 22/12/2024")
    through = PLAN.split("\nNơi nhận:")[0].replace("Nghị quyết số 28/NQ-CP ngày 03/3/2021", "Nghị quyết số 03/NQ-CP ngày 09/01/2025")
    through = through.replace("Số: 20/KH-UBND", "Số: 21/KH-UBND")
    plans = [plandiff.parse(t, name=n) for n, t in (("nq03", resolution), ("direct", direct), ("through", through))]
    g = plandiff.CitationGraph(plans)
    assert [p["plan"] for p in g.trace("03/NQ-CP")["plans"]] == [graph_id(plans[2])]
    got = {p["plan"]: p["direct"] for p in g.trace("57-NQ/TW")["plans"]}
    assert got == {"03/NQ-CP": True, graph_id(plans[1]): True, graph_id(plans[2]): False}


def graph_id(plan: plandiff.Plan) -> str:
    from plandiff.cite.graph import plan_id

    return plan_id(plan)


# the real documents ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", DOCS)
def test_field_documents_lose_and_invent_nothing(name: str) -> None:
    lost, invented = lost_and_invented(plandiff.parse(FIELD / name))
    assert not lost and not invented


def _cells(plan: plandiff.Plan) -> list[list[list[str]]]:
    return [[[" ".join(c.split()) for c in row] for row in t.rows] for a in plan.appendices for t in a.tables]


@pytest.mark.parametrize("name", DOCS)
def test_field_documents_round_trip_through_plain_text(name: str) -> None:
    plan = plandiff.parse(FIELD / name)
    again = plandiff.parse(plandiff.render_plain(plan))
    assert [(c.id, c.text) for c in again.walk()] == [(c.id, c.text) for c in plan.walk()]
    assert [(c.id, c.text) for top in again.articles for c in top.walk()] == [(c.id, c.text) for top in plan.articles for c in top.walk()]
    assert again.attached == plan.attached
    assert [(a.label, a.title, a.ref) for a in again.appendices] == [(a.label, a.title, a.ref) for a in plan.appendices]
    assert _cells(again) == _cells(plan)  # the appendix tables, cell by cell


def test_decision_of_a_city_in_the_field() -> None:
    plan = plandiff.parse(FIELD / "hcm-thientai-2025.md")
    assert (plan.meta.doc_type, plan.meta.number, plan.meta.place) == ("QUYẾT ĐỊNH", "2853/QĐ-UBND", "Thành phố Hồ Chí Minh")
    assert [c.id for c in plan.articles] == ["Điều 1", "Điều 2", "Điều 3"]
    assert plan.attached is not None and plan.attached.doc_type == "KẾ HOẠCH"
    assert plan.attached.ref.startswith("(Ban hành kèm theo Quyết định số 2853/QĐ-UBND")  # type: ignore[union-attr]
    assert [c.id for c in plan.clauses] == ["I", "II", "III", "IV", "V"]
    assert plan.meta.signer == "Bùi Minh Thạnh" and len(plan.recipients) == 11
    # the superseded decisions named in Điều 2 are cited from the article
    cited = {c.symbol: c.clause for c in plandiff.citations(plan)}
    assert cited["3089/QĐ-UBND"] == cited["1397/QĐ-UBND"] == "Điều 2"


def test_docx_appendix_table_is_not_the_signature() -> None:
    plan = plandiff.parse(FIELD / "laocaisct-ktgcn-2026-1.docx")
    assert (plan.meta.signer, plan.meta.signer_title) == ("Hoàng Văn Thuân", "PHÓ GIÁM ĐỐC")
    (app,) = plan.appendices
    assert app.label is None and app.title.startswith("PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC")  # type: ignore[union-attr]
    rows = app.tables[0].rows
    # Word's automatic numbering in the TT column shows as a reader sees it
    assert rows[0] == ("TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú")
    assert [r[0] for r in rows[1:]] == [f"{k}." for k in range(1, 10)]
    assert rows[1][2].split("\n") == ["Đỗ Mạnh Cường", "Vũ Việt Linh", "Nguyễn Thị Loan"]


def test_flattened_markdown_tables_recover_their_rows() -> None:
    plan = plandiff.parse(FIELD / "hanoi-5giot-2025.md")
    (table,) = plan.appendices[0].tables
    assert table.rows[0][:3] == ("TT", "Nội dung/nhiệm vụ", "Cơ quan chủ trì")
    assert [r[0] for r in table.rows[1:]] == [str(k) for k in range(1, len(table.rows))]
    assert {len(r) for r in table.rows} == {len(table.rows[0])}


def test_portal_footnotes_and_trailing_chrome_in_the_field() -> None:
    cantho = plandiff.parse(FIELD / "cantho-danso-2025.md")
    assert [f.label for f in cantho.footnotes] == ["1", "2", "3"]
    assert cantho.footnotes[0].text.startswith("Chương trình số 30-CTr/TU ngày 29/12/2017")
    assert (cantho.meta.signer, cantho.meta.signer_title) == ("Nguyễn Thị Ngọc Điệp", "PHÓ CHỦ TỊCH")
    nghean = plandiff.parse(FIELD / "nghean-phongthudansu-2025.md")
    assert nghean.meta.issuer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert "13/2023/NĐ-CP" not in {c.symbol for c in plandiff.citations(nghean)}  # the portal's own notice


@pytest.mark.parametrize("name", ["daklak-thidua-2025.md", "cantho-danso-2025.md", "bacninh-ktso-2025.md",
                                  "hanoi-5giot-2025.md", "thanhhoa-quantracts-2025.md"])
def test_the_same_portal_page_as_html(name: str) -> None:
    md = plandiff.parse(FIELD / name)
    html = plandiff.parse(builders.portal_markdown_to_html((FIELD / name).read_text(encoding="utf-8")).encode("utf-8"))
    assert html.meta.source_format == "html"
    keep = ("number", "date", "place", "issuer", "title", "signer", "signer_title")
    assert {k: getattr(html.meta, k) for k in keep} == {k: getattr(md.meta, k) for k in keep}
    assert [(c.id, c.heading) for c in html.walk()] == [(c.id, c.heading) for c in md.walk()]
    assert [(a.label, a.title) for a in html.appendices] == [(a.label, a.title) for a in md.appendices]
    assert [len(a.tables) for a in html.appendices] == [len(a.tables) for a in md.appendices]
    assert len(html.recipients) == len(md.recipients) and len(html.footnotes) == len(md.footnotes)
    assert not re.search(r"Trang chủ|Liên hệ", plandiff.render_plain(html))


def test_a_plan_line_that_opens_with_a_portal_buttons_word_is_no_chrome() -> None:
    """Hồ Chí Minh City's decision 2853/QĐ-UBND issues its plan after the decision's signature; a
    line of that plan, wrapped, opens "chia sẻ rộng rãi …": the plan goes on (it was cut there,
    the rest taken for the page's chrome); a portal's own "Chia sẻ" button after it is still chrome."""
    text = (FIELD / "hcm-thientai-2025.md").read_text(encoding="utf-8")
    cut = text.index("chia sẻ rộng rãi")
    wrapped = text[:cut].rstrip(" ") + "\n" + text[cut:] + "\n\nChia sẻ\nTải về\n"
    plan, original = plandiff.parse(wrapped.encode("utf-8")), plandiff.parse(FIELD / "hcm-thientai-2025.md")
    assert [c.id for c in plan.walk()] == [c.id for c in original.walk()]
    assert "phổ biến, chia sẻ rộng rãi đến các nhóm đối tượng" in next(c.text for c in plan.walk()
                                                                       if c.text.startswith("Xây dựng cơ sở dữ liệu về tài liệu"))
    assert [h.text for h in plan.header if h.role == "chrome"][-2:] == ["Chia sẻ", "Tải về"]
    assert (plan.meta.signer, len(plan.recipients)) == (original.meta.signer, len(original.recipients))


def test_a_page_that_dropped_the_type_keeps_the_title_and_its_listed_grounds() -> None:
    """A portal's copy of Đắk Lắk's plan 0155/KH-UBND (2025): the page dropped the "KẾ HOẠCH" line
    and the "Căn cứ:" line over the grounds, which it lists as dashes."""
    plan = plandiff.parse_text("""| Số hiệu | 0155/KH-UBND |
| Người ký | Hồ Thị Nguyên Thảo |
|
ỦY BAN NHÂN DÂN |
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM |
|
Số: 0155/KH-UBND |
Đắk Lắk, ngày 24 tháng 12 năm 2025 |
CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK NĂM 2026
- Luật Công nghệ thông tin ngày 29/6/2006;
- Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ;
- Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số quốc gia;
I. MỤC TIÊU
1. Mục tiêu chung
Phát triển chính quyền số.
""")
    m = plan.meta
    assert (m.doc_type, m.title, m.number) == ("KẾ HOẠCH", "CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK NĂM 2026", "0155/KH-UBND")
    assert m.jurisdiction == plandiff.Jurisdiction("Đắk Lắk", "tỉnh")
    assert plan.preamble.startswith("- Luật Công nghệ thông tin ngày 29/6/2006;")
    basis = {(c.symbol or c.title) for c in plandiff.citations(plan) if c.role == "basis"}
    assert basis == {"Luật Công nghệ thông tin", "57-NQ/TW", "749/QĐ-TTg"}


@pytest.mark.parametrize("spacing", ["none", "double"])
@pytest.mark.parametrize("name", ["daklak-thidua-2025.md", "cantho-danso-2025.md", "bacninh-ktso-2025.md",
                                  "hanoi-5giot-2025.md", "thanhhoa-quantracts-2025.md", "hcm-thientai-2025.md"])
def test_the_same_portal_page_with_its_blank_lines_lost_or_doubled(name: str, spacing: str) -> None:
    """A converter that writes no blank line between paragraphs, or one after every line: the
    sections and their headings in capitals, the preamble's grounds are where a reader sees them.
    (Below the sections such a page can be read more ways than one: a heading in sentence case
    over its paragraph, a short first line over a capital, no blank line between.)"""
    text = (FIELD / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    page = "\n".join(lines) if spacing == "none" else "\n\n".join(lines)
    md, other = plandiff.parse(FIELD / name), plandiff.parse(page.encode("utf-8"))
    sections = [(c.id, c.heading) for c in md.clauses if c.kind == "section"]
    assert [(c.id, c.heading) for c in other.clauses if c.kind == "section"] == sections
    basis = {c.symbol for c in plandiff.citations(md) if c.role == "basis"}
    assert {c.symbol for c in plandiff.citations(other) if c.role == "basis"} == basis


E_OFFICE_LINES = ["ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "Số:        /KH-UBND", "Thừa Thiên Huế, ngày        tháng 01 năm 2024",
                  "", "KẾ HOẠCH", "Thực hiện công tác bình đẳng giới năm 2024", "", "I. MỤC ĐÍCH", "1. Nâng cao nhận thức."]


def _e_office_pdf(stamps: list[tuple[str, float, float]]) -> bytes:
    """An e-office PDF: the number and day blank in the text layer, stamped as FreeText annotations
    at (x, y) in mm from the page's top left."""
    pdf = builders.lines_pdf(E_OFFICE_LINES, size=12, height=8)
    for value, x, y in stamps:
        pdf.free_text_annotation(value, x=x, y=y, w=8, h=6)
    return bytes(pdf.output())


def test_e_office_pdf_number_and_day_stamped_as_annotations() -> None:
    blank = plandiff.parse(_e_office_pdf([]))
    assert (blank.meta.number, blank.meta.date, blank.meta.year) == (None, None, 2024)
    stamped = plandiff.parse(_e_office_pdf([("14", 22, 19), ("12", 62, 27)]))
    assert (stamped.meta.number, stamped.meta.date) == ("14/KH-UBND", "2024-01-12")


def test_e_office_pdf_number_in_a_form_field() -> None:
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_e_office_pdf([]))))
    page = writer.pages[0]
    height = float(page.mediabox.height)
    mm = 72 / 25.4
    field = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject("so_van_ban"),
        NameObject("/V"): TextStringObject("27"),
        NameObject("/Rect"): ArrayObject([FloatObject(22 * mm), FloatObject(height - 25 * mm),
                                          FloatObject(30 * mm), FloatObject(height - 19 * mm)]),
    })
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(field)])
    out = io.BytesIO()
    writer.write(out)
    plan = plandiff.parse(out.getvalue())
    assert (plan.meta.number, plan.meta.date) == ("27/KH-UBND", None)


WEB_TABLE_ROWS = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 215/KH-UBND | Kon Tum, ngày 12 tháng 2 năm 2025 |
KẾ HOẠCH
TRIỂN KHAI CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2025 TRÊN ĐỊA BÀN TỈNH KON TUM
Căn cứ Kế hoạch số 9/KH-UBND ngày 5 tháng 1 năm 2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
""" + BODY

WEB_CELL_LINES = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
--------
|
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số:
318/QĐ-UBND
|
Phú Yên,
ngày 7 tháng 3 năm 2025
|
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI TRÊN ĐỊA BÀN TỈNH PHÚ YÊN
NĂM 2025
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Bình đẳng giới ngày 29/11/2006;
Xét đề nghị của Sở Nội vụ,
QUYẾT ĐỊNH:
Điều 1.
Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bình đẳng giới năm 2025.
Điều 2.
Quyết định này có hiệu lực kể từ ngày ký./.
|
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn An
|
KẾ HOẠCH
THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2025
""" + BODY


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_web_page_text_with_table_rows_that_lost_their_leading_pipe(tmp_path: Path, suffix: str) -> None:
    # a legal portal's text: each header row "cell | cell |", the leading pipe gone
    path = tmp_path / f"kehoach{suffix}"
    path.write_text(WEB_TABLE_ROWS, encoding="utf-8")
    plan = plandiff.parse_file(path)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date) == ("ỦY BAN NHÂN DÂN", "215/KH-UBND", "Kon Tum", "2025-02-12")
    assert m.jurisdiction is not None and (m.jurisdiction.level, m.jurisdiction.name) == ("tỉnh", "Kon Tum")
    assert [c.id for c in plan.clauses] == ["I", "II"]
    assert "|" in [a.text for a in plan.artefacts]
    assert sum(lost_and_invented(plan)[0].values()) == 0


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_web_page_text_with_a_cell_to_a_line(tmp_path: Path, suffix: str) -> None:
    # the header table flattened one cell per line between lone pipes: "Số:" above its number,
    # the place above its date; a chairman's decision names its authority right under the title
    path = tmp_path / f"quyetdinh{suffix}"
    path.write_text(WEB_CELL_LINES, encoding="utf-8")
    plan = plandiff.parse_file(path)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date) == ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN", "318/QĐ-UBND", "Phú Yên", "2025-03-07")
    assert m.title == "VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI TRÊN ĐỊA BÀN TỈNH PHÚ YÊN NĂM 2025"
    assert [h.text for h in plan.header if h.role == "authority"] == ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"]
    assert [a.id for a in plan.articles] == ["Điều 1", "Điều 2"]
    assert plan.attached is not None and plan.attached.title == "THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2025"
    assert [c.id for c in plan.clauses] == ["I", "II"]
    assert sum(lost_and_invented(plan)[0].values()) == 0


def test_a_title_that_runs_on_into_an_authority_keeps_it() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nSố: 2/QĐ-UBND\nPhú Yên, ngày 1 tháng 2 năm 2025\n\nQUYẾT ĐỊNH\n"
            "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA\nỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\n\nỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    plan = plandiff.parse(text)
    assert plan.meta.title == "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN"
    assert [h.text for h in plan.header if h.role == "authority"] == ["ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN"]


RELATED_THEN_UNTITLED = """- 1 Nghị quyết 28/NQ-CP năm 2021 Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030
- 2 Kế hoạch 52/KH-UBND năm 2019 thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Hà Giang
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 88/KH-UBND | Cà Mau, ngày 3 tháng 6 năm 2021 |
Căn cứ Nghị quyết số 28/NQ-CP ngày 03 tháng 3 năm 2021 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
""" + BODY


def test_a_web_page_that_dropped_the_title_keeps_its_header_and_leaves_its_related_list_out() -> None:
    # a portal's list of related documents stands before the header, and the page dropped the
    # "KẾ HOẠCH" title: the header ends at its number and date, the type comes from "KH"
    plan = plandiff.parse(RELATED_THEN_UNTITLED)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date, m.doc_type, m.title) == (
        "ỦY BAN NHÂN DÂN", "88/KH-UBND", "Cà Mau", "2021-06-03", "KẾ HOẠCH", None)
    assert [h.role for h in plan.header if h.text.startswith("- ")] == ["chrome", "chrome"]
    assert plan.preamble.startswith("Căn cứ Nghị quyết số 28/NQ-CP")
    assert [c.id for c in plan.clauses] == ["I", "II"]
    # what the page lists is not what the plan cites
    assert {c.symbol for c in extract(plan)[0] if c.symbol} == {"28/NQ-CP"}
    assert sum(lost_and_invented(plan)[0].values()) == 0


@pytest.mark.parametrize(("number", "doc_type"), [("71/KH-UBND", "KẾ HOẠCH"), ("5/QĐ-UBND", "QUYẾT ĐỊNH"),
                                                  ("21-KH/ĐU", "KẾ HOẠCH"), ("12/2025/NQ-HĐND", "NGHỊ QUYẾT"),
                                                  ("456/UBDT-DTTS", None), (None, None)])
def test_the_type_a_number_names(number: str | None, doc_type: str | None) -> None:
    from plandiff.parsing.frontmatter import doc_type_of_number

    assert doc_type_of_number(number) == doc_type


def test_a_signer_title_glued_to_the_name() -> None:
    text = WEB_TABLE_ROWS + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCHNguyễn Thị Lan\n"
    plan = plandiff.parse(text)
    assert (plan.meta.signer_title, plan.meta.signer) == ("PHÓ CHỦ TỊCH", "Nguyễn Thị Lan")
    signer = next(h for h in plan.header if h.role == "signer")
    assert plan.source[signer.span.start:signer.span.end] == "Nguyễn Thị Lan"
    assert sum(lost_and_invented(plan)[0].values()) == 0


def test_digital_signature_stamps_of_an_e_office_pdf_are_artefacts() -> None:
    # the visible stamps of the organisation's and the signer's digital signatures, as a PDF's
    # text layer carries them: neither header, nor signature, nor plan text
    plan = plandiff.parse_file(Path(__file__).parent / "data" / "eoffice-stamps.txt")
    stamps = [a.text for a in plan.artefacts if a.kind == "signature_stamp"]
    assert [s.split(":")[0] for s in stamps] == ["Ký bởi", "Email", "Cơ quan", "Thời gian ký", "Ký bởi", "Thời gian ký"]
    assert plan.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hải")
    assert (plan.meta.issuer, plan.meta.number, plan.meta.signer) == ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", "33/KH-UBND", "Nguyễn Văn Hải")
    assert sum(lost_and_invented(plan)[0].values()) == 0


@pytest.mark.parametrize(("signed_by", "signed_at"), [("KÝ BỞI:", "THỜI GIAN KÝ:"), ("ký bởi :", "thời gian ký :"),
                                                   ("Ký Bởi\t:", "Thời Gian Ký\t:")])
def test_stamp_keys_in_any_case_and_spacing(signed_by: str, signed_at: str) -> None:
    # the stamp's key fields are found before their colon whatever their case and the space before it
    text = (Path(__file__).parent / "data" / "eoffice-stamps.txt").read_text(encoding="utf-8")
    keyed = text.replace("Ký bởi:", signed_by).replace("Thời gian ký:", signed_at)
    assert "Ký bởi:" not in keyed and "Thời gian ký:" not in keyed
    stamps = [a.text for a in plandiff.parse(keyed).artefacts if a.kind == "signature_stamp"]
    assert len(stamps) == 6 and sum(s.startswith((signed_by, signed_at)) for s in stamps) == 4


def test_one_field_alone_is_no_stamp() -> None:
    plan = plandiff.parse(WEB_TABLE_ROWS.replace("Căn cứ", "Cơ quan: Sở Nội vụ\nCăn cứ", 1))
    assert not [a for a in plan.artefacts if a.kind == "signature_stamp"]
    assert "Cơ quan: Sở Nội vụ" in plan.preamble


@pytest.mark.parametrize(("issuer", "name", "level"), [
    ("TỈNH ỦY HÀ TĨNH", "Hà Tĩnh", "tỉnh"), ("THÀNH ỦY HẢI PHÒNG", "Hải Phòng", "thành phố"),
    ("HUYỆN ỦY ĐỨC THỌ", "Đức Thọ", "huyện"), ("ĐẢNG ỦY XÃ LƯƠNG MINH", "Lương Minh", "xã"),
    ("UỶ BAN NHÂN DÂN QUẬN BA ĐÌNH", "Ba Đình", "quận"),
])
def test_the_place_of_a_party_committee(issuer: str, name: str, level: str) -> None:
    plan = plandiff.parse(f"{issuer}\n*\nSố 4-KH/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nX, ngày 1 tháng 2 năm 2025\n"
                          "\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    assert plan.meta.issuer == issuer
    j = plan.meta.jurisdiction
    assert j is not None and (j.name, j.level) == (name, level)


@pytest.mark.parametrize(("closing", "authority", "title", "signer"), [
    ("T/M ỦY BAN NHÂN DÂN\nK/T CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Văn An\n",
     ("T/M ỦY BAN NHÂN DÂN", "K/T CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Nguyễn Văn An"),
    ("TM BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần Thị Bình\n", ("TM BAN THƯỜNG VỤ",), "BÍ THƯ", "Trần Thị Bình"),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐã ký: Phạm Văn Dũng\n", ("KT. GIÁM ĐỐC",), "PHÓ GIÁM ĐỐC", "Phạm Văn Dũng"),
    # the name set in capitals under the title is the signer, not another title
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNGUYỄN VĂN AN\n", ("KT. CHỦ TỊCH",), "PHÓ CHỦ TỊCH", "NGUYỄN VĂN AN"),
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nLÊ THỊ VÂN\n", ("TL. CHỦ TỊCH",), "CHÁNH VĂN PHÒNG", "LÊ THỊ VÂN"),
])
def test_signature_blocks_as_drafters_write_them(closing: str, authority: tuple[str, ...], title: str, signer: str) -> None:
    plan = plandiff.parse(WEB_TABLE_ROWS + "\nNơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\n" + closing)
    m = plan.meta
    assert (m.signature_authority, m.signer_title, m.signer) == (authority, title, signer)
    assert plan.recipients == ("Bộ Nội vụ;", "Lưu: VT.")
    assert sum(lost_and_invented(plan)[0].values()) == 0


def test_an_appendix_task_table_in_pipe_rows() -> None:
    # a converter's table under PHỤ LỤC: one row per line, the |---| rule no row, an empty cell kept
    from plandiff.tasks import tasks

    plan = plandiff.parse_file(Path(__file__).parent / "data" / "appendix-pipe-table.md")
    (table,) = plan.appendices[0].tables
    assert table.rows[0] == ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")
    assert [r[0] for r in table.rows[1:]] == ["1", "2", "3"] and table.rows[3][3] == ""
    got = {(t.agency, t.deadline or t.period) for t in tasks(plan)}
    assert ("Sở Nội vụ", "Tháng 9/2025") in got and ("Sở Khoa học và Công nghệ", "2025-12-15") in got
    assert sum(lost_and_invented(plan)[0].values()) == 0


def test_an_appendix_task_table_laid_out_in_columns() -> None:
    # pdftotext -layout: a header gap of two spaces ("TT  Nhiệm vụ"), a cell wrapped over two
    # lines, an empty cell: columns found where every row leaves a gap
    from plandiff.tasks import tasks

    plan = plandiff.parse_file(Path(__file__).parent / "data" / "appendix-layout-table.txt")
    (table,) = plan.appendices[0].tables
    assert table.rows[0] == ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")
    assert table.rows[1][:3] == ("1", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ")
    assert len(table.rows) == 4 and table.rows[3][3] == ""
    got = {(t.agency, t.deadline or t.period) for t in tasks(plan)}
    assert got == {("Sở Khoa học và Công nghệ", "Quý II/2025"), ("Sở Nội vụ", "Tháng 9/2025"),
                   ("Sở Khoa học và Công nghệ", "2025-12-15")}
    assert sum(lost_and_invented(plan)[0].values()) == 0


@pytest.mark.parametrize("copies", ["Ố\n\nỂ\n\nẮ\n\nỒ\n\nỦ\n\nẢ\n\n", "Ố Ể Ắ Ồ Ủ Ả\n"])
def test_a_bold_headings_fallback_letters_copied_apart_are_no_title(copies: str) -> None:
    """pdfminer (a letter a line) and pdfplumber (spaced on one line) print a bold heading's
    marked capitals, drawn from a fallback font, apart before the heading whole (Thanh Hóa's
    PHỤ LỤC I from LibreOffice's PDF): they were read as the appendix's title."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 235/KH-UBND\nThanh Hóa, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\n"
            "Quan trắc môi trường\nI. MỤC ĐÍCH\n1. Theo dõi.\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
            "Mai Xuân Liêm\n\nPHỤ LỤC I\n\n" + copies + "ĐỐI TƯỢNG, ĐỊA ĐIỂM QUAN TRẮC MÔI TRƯỜNG NUÔI\n\nTRỒNG THỦY SẢN\n\n"
            "(kèm theo Kế hoạch 235/KH-UBND ngày 18/11/2025 của UBND tỉnh Thanh Hóa)\n\n1. Nuôi tôm.\n")
    plan = plandiff.parse_text(text)
    assert plan.appendices[0].title == "ĐỐI TƯỢNG, ĐỊA ĐIỂM QUAN TRẮC MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN"
    assert sum(lost_and_invented(plan)[0].values()) == 0
    # letters the heading after them does not hold are the title's own, kept
    other = plandiff.parse_text(text.replace("TRỒNG THỦY SẢN", "THỦY SẢN"))
    assert other.appendices[0].title.startswith("Ố")


def test_a_portals_section_headings_and_trailing_notices_are_chrome() -> None:
    """A legal portal's page: its metadata table, "## TÓM TẮT VĂN BẢN" and "## NỘI DUNG VĂN BẢN" over
    the header table (the last was read as the issuer's first line), a login notice and "Bài viết
    liên quan" with its list after the signature (read as two more recipients)."""
    plan = plandiff.parse_file(Path(__file__).parent / "data" / "portal-sections.md")
    m = plan.meta
    assert (m.issuer, m.number, m.date, m.signer) == ("ỦY BAN NHÂN DÂN TỈNH GIA LAI", "77/KH-UBND", "2025-03-10",
                                                      "Nguyễn Văn A")
    assert plan.recipients == ("Bộ Nội vụ;", "TT Tỉnh ủy;", "Lưu: VT, KGVX.")
    chrome = [h.text for h in plan.header if h.role == "chrome"]
    assert "NỘI DUNG VĂN BẢN" in chrome and "Bài viết liên quan" in chrome
    assert any(t.startswith("Văn bản này có thể chưa chính xác") for t in chrome)
    assert sum(lost_and_invented(plan)[0].values()) == 0


def test_a_task_table_laid_out_with_its_cells_centred_in_their_rows() -> None:
    """The Lào Cai department's appendix as ``pdftotext -layout`` prints LibreOffice's PDF of the
    Word file: each row's names centred around its number ("Đỗ Mạnh Cường" above "1.", names
    between rows), a row carried onto the next page with columns of its own. Read against the
    Word file's own table: the same rows, numbers and tasks, and every name in it."""
    field = Path(__file__).parent.parent / "fixtures" / "field"
    word = plandiff.parse_file(field / "laocaisct-ktgcn-2026-1.docx").appendices[0].tables[0]
    plan = plandiff.parse_file(Path(__file__).parent / "data" / "laocaisct-ktgcn-2026-1.layout.txt")
    (table,) = plan.appendices[0].tables
    assert len(table.rows) == len(word.rows) == 10
    assert [(r[0], " ".join(r[1].split())) for r in table.rows] == [(r[0], " ".join(r[1].split())) for r in word.rows]
    names = sorted(name for r in word.rows[1:] for name in r[2].split("\n"))
    assert sorted(_names(table)) == names
    # rows no two of which share a shape take their own names
    assert [table.rows[k][2] for k in (1, 2, 4, 5, 6, 9)] == [" ".join(word.rows[k][2].split("\n")) for k in (1, 2, 4, 5, 6, 9)]
    assert sum(lost_and_invented(plan)[0].values()) == 0


def _names(table: Table) -> list[str]:
    """The three-word names in a column of names run together ("Đỗ Mạnh Cường Vũ Việt Linh")."""
    out: list[str] = []
    for row in table.rows[1:]:
        words = row[2].split()
        out.extend(" ".join(words[k:k + 3]) for k in range(0, len(words), 3))
    return out


def test_a_numbered_list_under_a_tt_line_is_no_laid_out_table() -> None:
    # "TT" opening a sentence and items numbered with one space after the number: a list as written
    text = ("ỦY BAN NHÂN DÂN\nTỈNH X\nSố: 5/KH-UBND\nX, ngày 1 tháng 2 năm 2025\nKẾ HOẠCH\nThực hiện\n"
            "I. MỤC ĐÍCH\n1. Nâng cao hiệu quả.\nNơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n"
            "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\nTT  Nội dung như sau:\n1. Rà soát hồ sơ của học viên.\n"
            "2. Tổ chức kiểm tra.\n3. In ấn chứng chỉ.\n")
    appendix = plandiff.parse_text(text).appendices[0]
    assert appendix.tables == () and [c.label for c in appendix.clauses] == ["1.", "2.", "3."]


def test_an_appendix_labelled_in_sentence_case() -> None:
    """"Phụ lục 02" on a line of its own heads an appendix as "PHỤ LỤC SỐ 01" does (it was read as
    the previous appendix's last words)."""
    plan = plandiff.parse_file(Path(__file__).parent / "data" / "appendix-labels.md")
    assert [(a.label, a.title) for a in plan.appendices] == [("PHỤ LỤC SỐ 01", "DANH MỤC NHIỆM VỤ"),
                                                           ("Phụ lục 02", "BIỂU MẪU BÁO CÁO")]
    assert plan.appendices[0].text == "" and len(plan.appendices[0].tables) == 1


@pytest.mark.parametrize(("cell", "lines"), [
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trương Việt Dũng",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Việt Dũng"]),
    ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn An", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]),
    ("TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Lê Văn Bình", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Lê Văn Bình"]),
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG<br>Lê Công Thành", ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Công Thành"]),
    ("TM. ĐOÀN CHỦ TỊCH PHÓ CHỦ TỊCH<br>Nguyễn Văn An", ["TM. ĐOÀN CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]),
])
def test_a_signature_whose_lines_a_page_ran_together_is_read_line_by_line(cell: str, lines: list[str]) -> None:
    """A portal's table row "Nơi nhận … | TM. … KT. … PHÓ CHỦ TỊCH Name |" with the signature
    cell's line breaks lost: the authority lines, the signer's title and name come apart again;
    a long authority's name alone is left whole."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 14/KH-UBND\nBắc Ninh, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n"
            "Phát triển kinh tế số năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức về kinh tế số.\n"
            "II. TỔ CHỨC THỰC HIỆN\nSở Khoa học và Công nghệ chủ trì thực hiện./.\n\n| Nơi nhận:\n"
            f"- Bộ Khoa học và Công nghệ;\n- Các sở, ban, ngành;\n- Lưu: VT, KGVX. | {cell} |\n")
    plan = plandiff.parse(text)
    assert list(plan.signature) == lines
    assert (plan.meta.signer_title, plan.meta.signer) == (lines[-2], lines[-1])
    assert plan.recipients == ("Bộ Khoa học và Công nghệ;", "Các sở, ban, ngành;", "Lưu: VT, KGVX.")
    assert lost_and_invented(plan) == (Counter(), Counter())
    whole = text.replace(cell, "TM. ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
    assert list(plandiff.parse(whole).signature) == ["TM. ỦY BAN NHÂN DÂN TỈNH BẮC NINH"]


def test_a_collapsed_signature_with_emphasis_in_it_comes_apart_within_its_cell() -> None:
    """Markdown emphasis taken out of the cell: the pieces keep the whole cell's place (their
    own offsets are not the source's), and nothing is lost."""
    text = ("**ỦY BAN NHÂN DÂN**\n**TỈNH BẮC NINH**\nSố: 14/KH-UBND\n*Bắc Ninh, ngày 3 tháng 2 năm 2026*\n\n**KẾ HOẠCH**\n"
            "**Phát triển kinh tế số năm 2026**\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n1. Nâng cao nhận thức về kinh tế số.\n"
            "**II. TỔ CHỨC THỰC HIỆN**\nSở Khoa học và Công nghệ chủ trì thực hiện./.\n\n| *Nơi nhận:*\n"
            "- Bộ Khoa học và Công nghệ;\n- Lưu: VT, KGVX. | **TM. ỦY BAN NHÂN DÂN** KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trương Việt Dũng |\n")
    plan = plandiff.parse(text)
    assert plan.meta.source_format == "markdown"
    assert list(plan.signature) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Việt Dũng"]
    cell = text.index("**TM.")
    for h in plan.header:
        if h.role in ("signature", "signer"):
            assert h.text in plan.source[h.span.start:h.span.end].replace("**", "") and h.span.start == cell
    assert lost_and_invented(plan) == (Counter(), Counter())


def _floating_header_pdf(stamps: list[tuple[str, float, float]]) -> bytes:
    """A Word document whose header table floats: the PDF draws page 1's body first and the header
    after it, at the top. Three pages numbered at the foot; the place and date wrapped, its year on
    a line of its own. Stamps as FreeText annotations at (x, y) mm from the top left."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(builders.FONT))
    pdf.set_font("DejaVu", size=12)
    body = ["KẾ HOẠCH", "Thực hiện công tác bình đẳng giới năm 2024", "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Nâng cao nhận thức về bình đẳng giới.", "2. Bảo đảm sự phối hợp của các sở, ngành."]
    pages = [body, ["II. NỘI DUNG", "1. Truyền thông về bình đẳng giới.", "2. Tập huấn cho cán bộ cơ sở."],
             ["III. TỔ CHỨC THỰC HIỆN", "1. Sở Lao động - Thương binh và Xã hội chủ trì./."]]
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        for k, line in enumerate(lines):
            pdf.text(20, 70 + 8 * k, line)
        if number == 1:  # the header, drawn last, above the body
            for x, y, line in ((20, 20, "ỦY BAN NHÂN DÂN"), (20, 26, "TỈNH THỪA THIÊN HUẾ"), (20, 38, "Số:        /KH-UBND"),
                               (110, 20, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (110, 26, "Độc lập - Tự do - Hạnh phúc"),
                               (100, 44, "Thừa Thiên Huế, ngày        tháng 01 năm"), (150, 50, "2024")):
                pdf.text(x, y, line)
        pdf.text(105, 285, str(number))
    pdf.page = 1
    for value, x, y in stamps:
        pdf.free_text_annotation(value, x=x, y=y, w=8, h=6)
    return bytes(pdf.output())


def test_a_pdf_that_draws_its_header_after_the_body_is_read_in_page_order() -> None:
    """Read in drawing order the header would come after section I; read where the text stands it
    heads the plan, the stamped number and day written into their blanks, the year wrapped onto
    its own line kept (a running page number masks to the same "#", but it is not at a page's
    edge)."""
    pytest.importorskip("fpdf")
    plan = plandiff.parse(_floating_header_pdf([("14", 34, 34), ("12", 148, 40)]))
    m = plan.meta
    assert (m.issuer, m.number, m.date, m.place) == ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "14/KH-UBND", "2024-01-12",
                                                       "Thừa Thiên Huế")
    assert m.title == "Thực hiện công tác bình đẳng giới năm 2024"
    assert [c.id for c in plan.clauses] == ["I", "II", "III"]
    assert [a.text for a in plan.artefacts if a.kind in ("running_header", "page_number")] == ["1", "2", "3"]
    assert lost_and_invented(plan) == (Counter(), Counter())


@pytest.mark.parametrize("front", [
    "ỦY BAN NHÂN DÂNTỈNH THANH HÓASố: 235/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc "
    "Thanh Hóa, ngày 18 tháng 11 năm 2025",
    "ỦY BAN NHÂN DÂN TỈNH THANH HÓACỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 235/KH-UBNDThanh Hóa, ngày 18 tháng 11 năm 2025",
])
def test_a_header_whose_lines_a_converter_glued(front: str) -> None:
    """A header table's lines glued by a converter (an RTF or PDF round trip drops the breaks
    between a cell's lines): apart again where the number, the motto, a level or the place begins."""
    plan = plandiff.parse(front + "\n\nKẾ HOẠCH\nQuan trắc môi trường nuôi trồng thủy sản năm 2026\n\nI. MỤC TIÊU\n"
                          "1. Theo dõi chất lượng nước.\n")
    m = plan.meta
    assert (m.issuer, m.number, m.date, m.place) == ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "235/KH-UBND", "2025-11-18", "Thanh Hóa")
    assert m.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_number_whose_symbol_wrapped_after_its_hyphen() -> None:
    """A narrow header cell: "Số: 235/KH-" / "UBND" (the issuer's lines beside it)."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 235/KH-\nUBND\nThanh Hóa, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
            "Quan trắc môi trường nuôi trồng thủy sản năm 2026\n\nI. MỤC TIÊU\n1. Theo dõi chất lượng nước.\n")
    plan = plandiff.parse(text)
    assert (plan.meta.number, plan.meta.issuer) == ("235/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA")
    assert lost_and_invented(plan) == (Counter(), Counter())


def _escape_wraps(text: str, width: int = 70) -> str:
    """A portal's text as some portals print it: each paragraph's source wraps left as the four
    characters "\\r\\n", and runs of them between paragraphs."""
    import textwrap

    out = []
    for line in text.split("\n"):
        out.append("\\r\\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                   if len(line) > width else line)
        if not line.strip():
            out.append(" \\r\\n \\r\\n ")
    return "\n".join(out)


@pytest.mark.parametrize("name", ["daklak-thidua-2025.md", "hanoi-5giot-2025.md", "nghean-phongthudansu-2025.md"])
def test_a_page_that_prints_its_source_line_breaks_escaped(name: str) -> None:
    """"CỘNG\\r\\n HÒA XÃ HỘI …": the escaped line breaks are the page source's wraps inside a
    paragraph, read as spaces — as text copied from the page and as the page itself."""
    text = (FIELD / name).read_text(encoding="utf-8")
    escaped = _escape_wraps(text)
    # the page: its text nodes wrapped so, and runs of escapes between its blocks
    page = builders.portal_markdown_to_html(text)
    escaped_page = re.sub(r">(\s*)([^<]{71,}?)(\s*)<", lambda m: f">{m[1]}{_escape_wraps(m[2])}{m[3]}<", page)
    escaped_page = re.sub(r"(</(?:p|td|tr|table)>)", r"\1 \\r\\n \\r\\n ", escaped_page)
    assert escaped.count("\\r\\n") > 50 and escaped_page.count("\\r\\n") > 50
    for form, plain in ((escaped, text), (escaped_page, page)):
        md, got = plandiff.parse(plain.encode("utf-8")), plandiff.parse(form.encode("utf-8"))
        keep = ("number", "date", "place", "issuer", "title", "signer", "signer_title")
        assert {k: getattr(got.meta, k) for k in keep} == {k: getattr(md.meta, k) for k in keep}
        assert [(c.id, c.text) for c in got.walk()] == [(c.id, c.text) for c in md.walk()]
        assert got.preamble == md.preamble and "\\r\\n" not in plandiff.render_plain(got)


@pytest.mark.parametrize("escape", ["\\r\\n", "\\n"])
def test_a_plan_stored_as_one_line_with_its_breaks_escaped(escape: str) -> None:
    """A scraper's JSON string stored as it was ("KẾ HOẠCH\\nThực hiện …", no line break of its
    own): each escape is the line break it stands for."""
    text = (FIELD / "hanoi-5giot-2025.md").read_text(encoding="utf-8")
    plan, one_line = plandiff.parse(text.encode("utf-8")), plandiff.parse(text.replace("\n", escape).encode("utf-8"))
    assert [(c.id, c.text) for c in one_line.walk()] == [(c.id, c.text) for c in plan.walk()]
    assert (one_line.meta.number, one_line.meta.date, one_line.preamble) == (plan.meta.number, plan.meta.date, plan.preamble)


def test_a_backslash_or_two_in_a_plan_is_text() -> None:
    """A path or a stray escape or two is the plan's own text, not a page's escaped breaks."""
    text = "KẾ HOẠCH\nBình đẳng giới năm 2024\n" + BODY.replace("sở, ngành.", "sở, ngành (tệp D:\\r\\nam\\bdg.docx).")
    got = plandiff.parse(text.encode("utf-8"))
    assert "D:\\r\\nam\\bdg.docx" in plandiff.render_plain(got)


RULED_HEADER = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Số: 12/KH-UBND", "Lào Cai, ngày 10 tháng 4 năm 2026", "KẾ HOẠCH",
                "Kiểm tra an toàn vật liệu nổ công nghiệp năm 2026"]
RULED_BODY = ["I. MỤC ĐÍCH, YÊU CẦU", "1. Bảo đảm an toàn trong sử dụng vật liệu nổ công nghiệp.", "II. NỘI DUNG",
              "1. Kiểm tra các đơn vị theo Phụ lục kèm theo.", "III. TỔ CHỨC THỰC HIỆN",
              "1. Sở Công Thương chủ trì thực hiện Kế hoạch này."]
RULED_SIGNATURE = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
RULED_APPENDIX = ["PHỤ LỤC", "PHÂN CÔNG NHIỆM VỤ KIỂM TRA",
                  "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/4/2026 của UBND tỉnh)"]


def _ruled_rows(n: int) -> list[list[str]]:
    units = ["Phòng Quản lý công nghiệp\nPhòng Kỹ thuật an toàn", "Thanh tra Sở\nVăn phòng Sở\nPhòng Kế hoạch", "Công an tỉnh"]
    duties = ["Rà soát các điều kiện hoạt động của đơn vị sử dụng vật liệu nổ công nghiệp", "Xây dựng bộ câu hỏi kiểm tra",
              "Tổ chức kiểm tra tại hiện trường", "Tổng hợp kết quả kiểm tra", "Báo cáo Ủy ban nhân dân tỉnh kết quả"]
    return [["TT", "Nhiệm vụ", "Đơn vị thực hiện", "Ghi chú"],
            *([f"{k}.", f"{duties[k % 5]} đợt {k}", units[k % 3], ""] for k in range(1, n + 1))]


def test_a_pdf_appendix_task_table_is_read_by_its_rules() -> None:
    """A PDF keeps no table: its text gives a cell of three names beside the rows above and below
    it. The ruling lines give the rows back (pdfplumber), the table broken by a page is one table,
    the header row the next page repeats is page furniture, and the duties and units are tasks."""
    from plandiff.tasks.extract import tasks

    rows = _ruled_rows(30)
    data = builders.pdf_with_ruled_appendix(RULED_HEADER, RULED_BODY, RULED_SIGNATURE, RULED_APPENDIX, rows)
    plan = plandiff.parse(data)
    assert plan.source.count("\f") >= 2  # the table runs on to a third page
    [app] = plan.appendices
    assert [t.rows for t in app.tables] == [tuple(tuple(r) for r in rows)]
    assert [a.text for a in plan.artefacts if a.kind == "running_header"] == ["TT Nhiệm vụ Đơn vị thực hiện Ghi chú"] * (
        plan.source.count("\f") - 1)
    assert lost_and_invented(plan) == (Counter(), Counter())
    found = {(t.agency, t.text) for t in tasks(plan)}
    assert ("Công an tỉnh", "Tổ chức kiểm tra tại hiện trường đợt 2") in found
    assert sum(1 for t in tasks(plan) if t.text.endswith(tuple(f"đợt {k}" for k in range(1, 31)))) == 30


def test_a_pdf_table_whose_text_is_not_found_is_left_to_the_text() -> None:
    """A table is placed only over lines holding exactly its characters; otherwise its lines read
    as before (nothing is read twice)."""
    from plandiff.read.pdf_tables import place

    text = "PHỤ LỤC\nTT Nhiệm vụ\n1. Kiểm tra\n\fTrang 2\n1. Kiểm tra"
    rows = (("TT", "Nhiệm vụ"), ("1.", "Kiểm tra"))
    [(start, end, got)] = place(text, [(0, rows)])
    assert got == rows and text[start:end] == "TT Nhiệm vụ\n1. Kiểm tra"
    assert place(text, [(1, rows)]) == []  # page 2 lacks "TT Nhiệm vụ"
    assert place(text, [(0, (("TT", "Việc"), ("1.", "Kiểm tra")))]) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_field_appendix_table_from_word_to_pdf_keeps_its_rows(tmp_path: Path) -> None:
    """The Lào Cai department's plan, exported to PDF by LibreOffice: its appendix table (a cell of
    three names, a row on the next page) has the rows of the Word file."""
    from plandiff.tasks.extract import tasks

    name = "laocaisct-ktgcn-2026-1.docx"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(FIELD / name)],
                   check=True, capture_output=True, timeout=120)
    word, pdf = plandiff.parse(FIELD / name), plandiff.parse(tmp_path / name.replace(".docx", ".pdf"))
    def cells(plan: plandiff.Plan) -> list[list[list[str]]]:  # the .docx keeps a cell's trailing space
        return [[[" ".join(c.split(" ")).strip() for c in row] for row in t.rows] for a in plan.appendices for t in a.tables]

    assert cells(pdf) == cells(word)
    assert sum(len(t.rows) for a in pdf.appendices for t in a.tables) == 10
    assert lost_and_invented(pdf) == (Counter(), Counter())
    assert {(t.agency, t.text) for t in tasks(pdf)} == {(t.agency, t.text) for t in tasks(word)}


def test_a_converted_decision_whose_plan_reference_lost_its_parenthesis() -> None:
    """A ministry's decision as a converter wrote it out (bnnmt-cacbonrung-2026.txt): the
    attached plan's "*(Kèm theo Quyết định số: 2200/QĐ-BNNMT … Môi trường*" line never closes
    its parenthesis. The reference ends with its line, and the plan's opening paragraph and its
    sections stay the plan's (they went into the reference: sections I and II were lost)."""
    plan = plandiff.parse(FIELD / "bnnmt-cacbonrung-2026.txt")
    assert plan.meta.source_format == "markdown"  # its "*…*" paragraphs and table rules say so
    assert plan.attached is not None and plan.attached.doc_type == "KẾ HOẠCH"
    assert plan.attached.ref == ("(Kèm theo Quyết định số: 2200/QĐ-BNNMT ngày 10 tháng 6 năm 2026 "
                                 "của Bộ trưởng Bộ Nông nghiệp và Môi trường")
    assert plan.preamble.rstrip().endswith("(sau đây gọi là Nghị định), với các nội dung sau:")
    assert [(c.label, c.heading or c.text) for c in plan.clauses] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"), ("II.", "NỘI DUNG TRIỂN KHAI"), ("III.", "TỔ CHỨC THỰC HIỆN")]
    purpose = plan.clauses[0].children[0]
    assert (purpose.text, len(purpose.children)) == ("Mục đích", 5)
    assert [len(c.children) for c in plan.clauses[1].children] == [3, 5, 0, 0, 0]
    # the closing in a table row: "*Nơi nhận:*" is its heading, the signature has no "* *"
    assert plan.recipients[0] == "Như Điều 3;" and len(plan.recipients) == 5
    assert list(plan.signature) == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Quốc Trị"]
    assert [a.text for a in plan.articles][1] == "Quyết định này có hiệu lực thi hành kể từ ngày ký."
    assert not plan.articles[2].children  # (the "* *" under Điều 3 was a converter's empty emphasis)


def test_an_appendix_table_whose_body_is_one_cell_a_line() -> None:
    """The plan's task table with merged group rows: the converter kept its header as a table
    row and wrote every other cell on a line of its own, the fifth column's head ("Thời gian
    thực hiện") under the row. Its rows come back from the TT column's ordinals (group rows
    "1", "2"; points "a)" … "đ)" under each; rows "3" to "5"), a row broken by a page keeps its
    cells' rests, and the tasks are the table's, numbered as a reader cites them ("1.a")."""
    plan = plandiff.parse(FIELD / "bnnmt-cacbonrung-2026.txt")
    (appendix,) = plan.appendices
    assert appendix.text == "" and not appendix.clauses
    (table,) = appendix.tables
    assert table.rows[0] == ("TT", "Nội dung hoạt động", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")
    assert [r[0] for r in table.rows[1:]] == ["1", "a)", "b)", "c)", "2", "a)", "b)", "c)", "d)", "đ)", "3", "4", "5"]
    assert table.rows[1][1:] == ("Tổ chức tuyên truyền, phổ biến, hướng dẫn triển khai thực hiện Nghị định", "", "", "")
    broken = table.rows[8]
    assert broken[1].endswith("thẩm định\nkết quả giảm phát thải; cấp tín chỉ các-bon rừng, xác nhận kết quả giảm "
                              "phát thải, tín chỉ các-bon rừng được cung ứng.")
    assert broken[2:] == ("Viện Khoa học lâm nghiệp Việt Nam, Cục\nLâm nghiệp và Kiểm lâm",
                          "Vụ Khoa học và Công nghệ; các cơ quan, đơn vị có liên quan", "Quý IV/2026, 2027")
    assert lost_and_invented(plan) == (Counter(), Counter())
    rows = [t for t in tasks(plan) if t.appendix]
    assert [t.number for t in rows] == ["1.a", "1.b", "1.c", "2.a", "2.b", "2.c", "2.d", "2.đ", "3", "4", "5"]
    first = rows[0]
    assert (first.agency, first.partners, first.period) == (
        "Cục Lâm nghiệp và Kiểm lâm", ("Vụ Pháp chế", "các cơ quan, đơn vị có liên quan"), "Quý III, IV/2026")
    assert rows[5].agency == "Viện Khoa học lâm nghiệp Việt Nam" and "Cục Lâm nghiệp và Kiểm lâm" in rows[5].partners
    # "đo đạc, báo cáo, thẩm định" (measuring, reporting, verifying) is the task's subject, not a report
    assert rows[5].kind == "task"


def test_cell_lines_rows_open_only_at_ordinals_that_count_on() -> None:
    """A number alone that does not follow the one before ("12" houses, the year "2026") is a
    cell; a roman group restarts the arabic rows; lines after the last row's columns are not
    the table's; fewer than two rows is no such table."""
    from plandiff.parsing.cell_rows import rows_from_cell_lines

    header = ("STT", "Nội dung", "Số lượng", "Chủ trì")
    lines = ["I", "Nhóm nhiệm vụ thứ nhất", "1", "Xây dựng nhà văn hóa", "12", "Sở Xây dựng",
             "2", "Tập huấn cán bộ", "2026", "Sở Nội vụ", "II", "Nhóm nhiệm vụ thứ hai",
             "1", "Kiểm tra, giám sát", "3", "Thanh tra tỉnh", "Ghi chú: số lượng tính theo công trình."]
    got = rows_from_cell_lines(header, lines)
    assert got is not None
    rows, used = got
    assert [r[0] for r in rows[1:]] == ["I", "1", "2", "II", "1"]
    assert rows[2] == ("1", "Xây dựng nhà văn hóa", "12", "Sở Xây dựng")
    assert rows[3] == ("2", "Tập huấn cán bộ", "2026", "Sở Nội vụ")
    assert rows[4] == ("II", "Nhóm nhiệm vụ thứ hai", "", "")
    assert used == len(lines) - 1  # the note after the table is text
    assert rows_from_cell_lines(header, ["1", "Xây dựng nhà văn hóa", "Sở Xây dựng"]) is None
    assert rows_from_cell_lines(header, ["Nội dung khác", "Thêm", "Nữa", "1", "A", "2", "B"]) is None


@pytest.mark.parametrize(("text", "markdown"), [
    ("*Căn cứ Luật Tổ chức chính quyền địa phương;*\n*Căn cứ Nghị định số 35/2025/NĐ-CP;*\n"
     "| A | B |\n| --- | --- |\n", True),
    ("| Số: 1/KH-UBND | Hà Nội |\n|---|---|\n| a | b |\n|:--|--:|\n*Theo đề nghị của Sở Nội vụ.*\n", True),
    ("* Mục một\n* Mục hai\n* Mục ba\n", False),  # a list's bullets are no italics
    ("Căn cứ Luật Tổ chức chính quyền địa phương;\n- a | b\n2 * 3 = 6\n", False),
    # paragraphs in italics wrapped over lines, as a page's converter leaves them
    ("*Căn cứ Luật Tổ chức Chính\nquyền địa phương;*\n\n*(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm\ntheo)*\n\n"
     "*Nghệ An, ngày 18\ntháng 11 năm 2025*\n", True),
    ("*Căn cứ Luật Tổ chức Chính\n\nquyền địa phương;*\n*Ghi chú\n* Mục hai\n", False),  # a blank line or a bullet ends it
])
def test_markdown_known_by_italic_paragraphs_and_table_rules(text: str, markdown: bool) -> None:
    """A converter's text with no heading nor bold is Markdown all the same when its
    paragraphs are set in "*…*" and its tables carry their rules."""
    from plandiff.read.source import looks_like_markdown

    assert looks_like_markdown(text) is markdown


PLAN_ALONE = """Cơ quan phát hành: Chính phủ
            THỦ TƯỚNG CHÍNH PHỦ             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                      ____________
                                                       Độc lập - Tự do - Hạnh phúc
                                                       _____________________________________
                                     KẾ HOẠCH QUỐC GIA
                        Thích ứng với biến đổi khí hậu giai đoạn 2021 - 2030,
                                 tầm nhìn đến năm 2050 (cập nhật)
                               (Kèm theo Quyết định số 1422/QĐ-TTg
                        Ngày 19 tháng 11 năm 2024 của Thủ tướng Chính phủ)
                                                _____________
                   Thực hiện Luật Bảo vệ môi trường số 72/2020/QH14 ngày 17 tháng 11
             năm 2020 của Quốc hội, Thủ tướng Chính phủ ban hành Kế hoạch với những nội dung sau:
                  I. MỤC TIÊU
                  1. Mục tiêu tổng quát
                  Giảm thiểu mức độ dễ bị tổn thương và rủi ro trước những tác động tiêu
             cực của biến đổi khí hậu.
                                       2
     II. NHIỆM VỤ, GIẢI PHÁP
     1. Nâng cao khả năng chống chịu và năng lực thích ứng
     - Tăng cường đầu tư, nâng cấp, hiện đại hóa mạng lưới quốc gia về giám
                                       3
sát biến đổi khí hậu, quan trắc khí tượng thủy văn.
     - Phát triển hệ thống giám sát và cảnh báo sớm các tác động của biến đổi
                                        4
khí hậu đến sức khỏe.
"""


def test_a_plan_printed_without_the_decision_that_issued_it() -> None:
    """A national plan as the government's portal prints it (a PDF's layout text): no number of
    its own, the "(Kèm theo Quyết định số 1422/QĐ-TTg" / "Ngày 19 tháng 11 năm 2024 …)" under its
    title gives the number and day it is cited by; its title goes on after a comma ("…, tầm nhìn
    đến năm 2050"); the rules of underscores are no Markdown; page numbers that break a sentence
    are set aside when they follow the last page's."""
    plan = plandiff.parse(PLAN_ALONE)
    meta = plan.meta
    assert meta.source_format == "text"
    assert (meta.number, meta.date, meta.issuer, meta.doc_type) == ("1422/QĐ-TTg", "2024-11-19", "THỦ TƯỚNG CHÍNH PHỦ", "KẾ HOẠCH")
    assert meta.title.endswith("giai đoạn 2021 - 2030, tầm nhìn đến năm 2050 (cập nhật)")
    assert plan.preamble.startswith("Thực hiện Luật Bảo vệ môi trường")
    assert [h.text for h in plan.header if h.role == "attached_ref"] == [
        "(Kèm theo Quyết định số 1422/QĐ-TTg", "Ngày 19 tháng 11 năm 2024 của Thủ tướng Chính phủ)"]
    dashes = plan.find("II.1").children
    assert [d.text for d in dashes] == [
        "Tăng cường đầu tư, nâng cấp, hiện đại hóa mạng lưới quốc gia về giám sát biến đổi khí hậu, quan trắc khí tượng thủy văn.",
        "Phát triển hệ thống giám sát và cảnh báo sớm các tác động của biến đổi khí hậu đến sức khỏe."]
    assert [a.text for a in plan.artefacts if a.kind == "page_number"] == ["2", "3", "4"]
    assert lost_and_invented(plan) == (Counter(), Counter())
    # a number alone that does not follow the page before is the text's ("… là" / "12" / "xã")
    other = PLAN_ALONE.replace("                                        4\n", "                                        12\n")
    assert "biến đổi 12 khí hậu" in plandiff.parse(other).find("II.1").children[1].text
    # a draft's blank number gives none
    draft = PLAN_ALONE.replace("số 1422/QĐ-TTg", "số       /QĐ-TTg")
    assert plandiff.parse(draft).meta.number is None


def test_a_long_title_set_apart_as_a_block_is_read_whole() -> None:
    """A provincial Party committee's programme (a digitally signed PDF's text: its number left
    blank in the text layer): a title of four sentence-case lines, a rule and a blank line under
    it, is the title whole (its last line went into the preamble: too long for a title); with no
    line between it and its preamble, its line in lower case goes on it all the same."""
    head = ("TỈNH UỶ LÀO CAI\n*\nSố         -CTr/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nLào Cai, ngày        tháng 8 năm 2026\n\n"
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Kết luận số 75-KL/TW ngày 28/7/2026 của Ban Chấp hành  \n"
            "Trung ương Đảng khóa XIV và Chương trình hành động số 31-CTr/TW \n"
            "ngày 28/7/2026 của Bộ Chính trị về bảo vệ môi trường và chủ động \n"
            "ứng phó với biến đổi khí hậu trong thời kỳ mới\n-----\n\n")
    body = ("Thực hiện Kết luận số 75-KL/TW ngày 28/7/2026 của Ban Chấp hành \nTrung ương Đảng khóa XIV, Tỉnh ủy Lào Cai "
            "ban hành Chương trình \nhành động, cụ thể như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
            "- Quán triệt sâu sắc các quan điểm, chỉ đạo của Ban Chấp hành Trung \nương Đảng.\n")
    plan = plandiff.parse(head + body)
    assert (plan.meta.issuer, plan.meta.number, plan.meta.place, plan.meta.month) == ("TỈNH UỶ LÀO CAI", None, "Lào Cai", 8)
    assert plan.meta.title.endswith("về bảo vệ môi trường và chủ động ứng phó với biến đổi khí hậu trong thời kỳ mới")
    assert plan.preamble.startswith("Thực hiện Kết luận số 75-KL/TW")
    assert lost_and_invented(plan) == (Counter(), Counter())
    # no blank line under the title: a line that opens in lower case still goes on the title (no
    # preamble opens so), and the preamble opens where a sentence does
    run_on = plandiff.parse(head.replace("thời kỳ mới\n-----\n\n", "thời kỳ mới\n") + body)
    assert run_on.meta.title == plan.meta.title
    assert run_on.preamble.startswith("Thực hiện Kết luận số 75-KL/TW")


def test_a_converters_text_with_joined_cells_and_a_schedule_after_the_last_section() -> None:
    """A ministry's decision issuing a plan, as a converter wrote its Word file out as text: each
    table row a line, its cells joined by " | " with no outer bars (a row opening with an empty
    cell, " | Lập báo cáo …", and one ending with two, "01/2020 | … | Thủ tướng Chính phủ |  | ").
    The plan's schedule stands after its last section under a title of its own: an appendix, its
    rows in their columns; the notes under it stay its text; section IV keeps its four items."""
    plan = plandiff.parse(FIELD / "bxd-quyhoachvlxd-2019.txt")
    assert (plan.meta.issuer, plan.meta.number, plan.meta.date) == ("BỘ XÂY DỰNG", "836/QĐ-BXD", "2019-10-14")
    section_iv = plan.find("IV")
    assert [c.id for c in section_iv.children] == ["IV.1", "IV.2", "IV.3", "IV.4"]
    assert not section_iv.children[-1].tables and "Thời gian" not in section_iv.full_text()
    (schedule,) = plan.appendices
    assert (schedule.label, schedule.title) == (None, "NỘI DUNG CHI TIẾT")
    (table,) = schedule.tables
    assert table.rows[1] == ("", "", "", "Đơn vị chủ trì", "Đơn vị phối hợp")
    assert table.rows[2] == ("I", "GIAI ĐOẠN 1: LẬP, THẨM ĐỊNH, PHÊ DUYỆT LẬP NHIỆM VỤ")
    widths = {len(r) for r in table.rows[4:] if len(r) > 2}
    assert widths == {5}  # every task row in five columns, empty cells kept in their places
    approve = next(r for r in table.rows if r[0] == "01/2020")
    assert approve[2:] == ("Thủ tướng Chính phủ", "", "")
    assert any("(*) Chủ tịch Hội đồng thẩm định" in c.text for c in schedule.clauses)
    assert lost_and_invented(plan) == (Counter(), Counter())
    # the schedule's tasks: the lead from "Đơn vị chủ trì" (not the state body's column beside
    # it), partners one per bullet, the months of the first column carried down its merged rows
    got = [t for t in tasks(plan) if t.appendix]
    first = got[0]
    assert (first.agency, first.partners, first.period, first.period_dates) == (
        "Ban Quản lý quy hoạch", ("Vụ Vật liệu xây dựng", "Vụ Kế hoạch -Tài chính"), "10-11/2019", ("2019-10-01", "2019-11-30"))
    assert got[1].text.startswith("Xây dựng nhiệm vụ lập quy hoạch") and got[1].period == "10-11/2019"
    choose = next(t for t in got if t.text.startswith("Lựa chọn Tư vấn lập"))
    assert (choose.agency, choose.partners[0], choose.period_dates) == (
        "Vụ Kế hoạch- Tài chính", "Ban Quản lý quy hoạch", ("2020-02-01", "2020-03-31"))
    assert not any(t.text.startswith(("Phê duyệt", "GIAI ĐOẠN", "Lập Quy hoạch")) for t in got)
    assert not any(t.clause == "IV.4" and "Thời gian" in t.text for t in tasks(plan))


def test_a_titled_table_inside_a_section_stays_the_sections() -> None:
    """A title in capitals over a table with sections after it is the section's table, not an
    appendix: the sections after it stay in the body."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nSố: 12/KH-UBND\n\nLào Cai, ngày 5 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
            "Thực hiện công tác bình đẳng giới năm 2026\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n\nII. NHIỆM VỤ\n"
            "DANH MỤC NHIỆM VỤ\nTT | Nội dung | Cơ quan chủ trì | Thời gian\n1 | Tuyên truyền | Sở Nội vụ | Quý II/2026\n"
            "2 | Tập huấn | Sở Tư pháp |  \n\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc.\n")
    plan = plandiff.parse(text)
    assert [c.id for c in plan.clauses] == ["I", "II", "III"] and not plan.appendices
    (table,) = plan.find("II").tables
    assert table.rows[2] == ("2", "Tập huấn", "Sở Tư pháp", "")
    # the same table at the end, after the last section, is the plan's schedule
    last = text.replace("\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc.\n", "").replace(
        "II. NHIỆM VỤ\n", "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc.\n\n")
    plan = plandiff.parse(last)
    assert [c.id for c in plan.clauses] == ["I", "II"] and plan.appendices[0].title == "DANH MỤC NHIỆM VỤ"
    assert [t.agency for t in tasks(plan) if t.appendix] == ["Sở Nội vụ", "Sở Tư pháp"]


def test_a_header_or_signature_of_two_joined_cells_is_no_table() -> None:
    """Two lines with cells joined by " | " (a converter's header table) are read as they stand."""
    plan = plandiff.parse("BỘ XÂY DỰNG\n------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                          "Số: 836/QĐ-BXD | Hà Nội, ngày 14 tháng 10 năm 2019\n\nKẾ HOẠCH\nLập quy hoạch khoáng sản\n\n"
                          "I. MỤC ĐÍCH\n1. Cụ thể hóa tiến độ.\n")
    assert (plan.meta.number, plan.meta.place, plan.meta.date) == ("836/QĐ-BXD", "Hà Nội", "2019-10-14")
    assert [c.id for c in plan.walk()] == ["I", "I.1"] and not plan.appendices


def test_a_programme_issued_by_a_resolution_and_its_task_list_with_no_phu_luc() -> None:
    """The Government's resolution that issues an action programme: the programme ends with no
    signature of its own, and its task list follows as "DANH MỤC" / a title / "(Kèm theo Chương
    trình …)": an appendix (it was section III's last item's text), its title whole with the
    short first line, its rows' joined cells a table whose rows are tasks."""
    plan = plandiff.parse(FIELD / "cp-khoangsan-2022.txt")
    assert (plan.meta.doc_type, plan.meta.number, plan.attached.doc_type) == ("NGHỊ QUYẾT", "88/NQ-CP", "CHƯƠNG TRÌNH")
    assert [c.id for c in plan.find("III").children] == ["III.1", "III.2", "III.3"]
    assert "DANH MỤC" not in plan.find("III").full_text() and not plan.find("III.3").tables
    (task_list,) = plan.appendices
    assert task_list.label is None and task_list.title.startswith("DANH MỤC CÁC NHIỆM VỤ CHỦ YẾU KÈM THEO")
    assert task_list.ref == "(Kèm theo Chương trình hành động của Chính phủ tại Nghị quyết số 88/NQ-CP ngày 22 tháng 7 năm 2022 của Chính phủ)"
    (table,) = task_list.tables
    assert table.rows[0][0] == "TT" and len(table.rows) == 16 and {len(r) for r in table.rows} == {6}
    assert table.rows[6][:2] == ("", "Thống kê, kiểm kê nguồn lực tài nguyên khoáng sản trong phạm vi cả nước")
    assert lost_and_invented(plan) == (Counter(), Counter())
    got = [t for t in tasks(plan) if t.appendix]
    assert got[0].place.startswith("DANH MỤC CÁC NHIỆM VỤ CHỦ YẾU") and got[0].place.endswith("…, TT 1")
    assert (got[0].agency, got[0].partners) == ("Các bộ, ngành, cơ quan trữ thuộc Chính phủ có liên quan", (
        "các Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương, các tập đoàn kinh tế, tổng công ty nhà nước hoạt động khoáng sản",))
    second = got[1]
    assert (second.agency, second.partners, second.product, second.period) == (
        "Bộ Tài nguyên và Môi trường", ("Bộ Tư pháp", "Bộ Công Thương", "Bộ Xây dựng", "các bộ ngành liên quan"),
        "Hồ sơ trình Quốc hội", "Quý III năm 2022")


def test_a_party_schemes_parts_and_its_opening_part() -> None:
    """A provincial Party committee's draft scheme as `pdftotext -layout` prints it: "Phần mở
    đầu" opens the body as part 0 (its sections were top-level "I", "II", and "Phần thứ nhất"
    became "I#2"), each part's heading of two lines in capitals is whole, the title wrapped after
    a comma goes on ("… tài nguyên đất, nước," / "khoáng sản và …": the second line was the
    preamble), and the Party's own bodies are told apart."""
    plan = plandiff.parse(FIELD / "tu-laocai-dean-2025.txt")
    assert (plan.meta.doc_type, plan.meta.draft, plan.meta.number, plan.preamble) == ("ĐỀ ÁN", True, None, "")
    assert plan.meta.title == ("Tăng cường quản lý, khai thác có hiệu quả tài nguyên đất, nước, khoáng sản và bảo vệ môi "
                               "trường gắn với phát triển bền vững")
    assert [(c.id, c.label) for c in plan.clauses] == [
        ("0", "Phần mở đầu"), ("I", "Phần thứ nhất"), ("II", "Phần thứ hai"), ("III", "Phần thứ ba")]
    assert plan.find("I").heading == "THỰC TRẠNG CÔNG TÁC QUẢN LÝ ĐẤT ĐAI, NƯỚC, KHOÁNG SẢN VÀ BẢO VỆ MÔI TRƯỜNG GIAI ĐOẠN 2021-2025"
    assert [c.id for c in plan.find("0").children] == ["0.I", "0.II"] and plan.find("II.I.2.1") is not None
    assert lost_and_invented(plan) == (Counter(), Counter())
    got = {(t.agency, t.agency_key) for t in tasks(plan)}
    assert {("Ban Tuyên giáo và Dân vận Tỉnh ủy", "dang-tuyen-giao-dan-van"), ("Đảng ủy UBND tỉnh", "dang-uy-ubnd"),
            ("Các đảng ủy xã, phường", "dang-uy-co-so")} <= got
    assert ("Các cấp ủy Đảng, chính quyền địa phương và các sở, ngành", None) in got  # "quán triệt" opens its duty


def test_an_ocr_text_in_pages_with_a_running_header_that_looks_numbered() -> None:
    """The Politburo's programme as a repository's OCR of its scan: "===== Trang 2 =====" marks
    each page (they were text of the clauses), "18.CTRTW31.DOC 2" heads every page after the
    first (it was item "18." three times over), and a sentence broken by a page runs on; the
    title in capitals goes on in sentence case ("thực hiện Kết luận …" was the preamble)."""
    plan = plandiff.parse(FIELD / "bct-ctr31-2026.txt")
    assert plan.meta.number == "31-CTr/TW" and plan.preamble == ""
    assert plan.meta.title.endswith("thực hiện Kết luận số 75-KL/TW, ngày _ của Ban Chấp hành Trung ương Đảng khoá XIV về "
                                    "bảo vệ môi trường và chủ động ứng phó với biến đổi khí hậu trong thời kỳ mới")
    texts = [c.text for c in plan.walk()]
    assert not any("Trang" in t or "CTRTW" in t for t in texts)
    assert [c.id for c in plan.find("II").children] == ["II.1", "II.2", "II.3"]
    # OCR read "I-" as "1-": the section before "II-" under the same delimiter, its items its own
    assert [(c.id, c.label) for c in plan.clauses] == [("I", "1-"), ("II", "II-")]
    assert [c.id for c in plan.find("I").children] == ["I.1", "I.2", "I.3"]
    assert "hoàn thiện tiêu chí phân loại đự án theo mức độ rủi ro môi trường" in plan.find("II.2").children[2].text
    kinds = Counter(a.kind for a in plan.artefacts)
    assert (kinds["page_number"], kinds["running_header"]) == (4, 3)
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_running_lines_in_a_text_of_pages() -> None:
    """A running line is found in any text of pages (form feeds from pdftotext, a converter's page
    marks), as in a PDF's: a numbered-looking line whose label stays and whose page number changes
    is one; a clause numbered anew on every page, and a bullet's glyph alone, are not."""
    from plandiff.parsing.lines import running_lines

    pages = [f"18.CTRTW31.DOC {k}\n- Nội dung trang {k}.\n•" for k in range(2, 6)]
    assert running_lines(pages) == frozenset({"#.CTRTW#.DOC #"})
    numbered = running_lines([f"{k}. Tổ chức tập huấn cho cán bộ cơ sở.\nTrang {k}" for k in range(1, 5)])
    assert numbered == frozenset({"Trang #"})  # the page number is; the clause numbered anew is not


LISTED_POINTS = """# ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ

Số 70/KH-UBND

Cần Thơ, ngày 15 tháng 9 năm 2025

# KẾ HOẠCH Thực hiện công tác dân vận của chính quyền thành phố năm 2025

# I. MỤC ĐÍCH, YÊU CẦU

# 1. Mục đích

- a) Đổi mới, nâng cao hiệu quả công tác dân vận của cơ quan hành chính nhà nước;
- b) Tạo chuyển biến mạnh mẽ về nhận thức, hành động về công tác dân vận.

# 2. Yêu cầu

* a) Bám sát chủ trương, đường lối của Đảng;
* b) Gắn công tác dân vận với thực hiện nhiệm vụ chính trị.

# II. TỔ CHỨC THỰC HIỆN

- 1. Sở Nội vụ theo dõi, đôn đốc việc thực hiện.
- 2. Các sở, ban, ngành căn cứ Kế hoạch này triển khai thực hiện.
"""


def test_points_a_converter_made_a_markdown_list_keep_their_letters() -> None:
    """A PDF's converter (or a model) wrote the points as a Markdown list: "- a) Đổi mới …". The
    label is the clause's; the bullet is markup (set aside, not lost)."""
    plan = plandiff.parse_text(LISTED_POINTS)
    assert plan.meta.source_format == "markdown"
    got = {c.id: c.text for c in plan.walk()}
    assert got["I.1"] == "Mục đích"
    assert got["I.1.a"].startswith("Đổi mới, nâng cao")
    assert got["I.1.b"].startswith("Tạo chuyển biến")
    assert got["I.2.a"] == "Bám sát chủ trương, đường lối của Đảng;"
    assert got["II.2"].startswith("Các sở, ban, ngành")
    assert not any(c.kind == "dash" for c in plan.walk())
    assert lost_and_invented(plan) == (Counter(), Counter())
    # a model's Markdown sets the label in bold inside the item ("- **a)** Đổi mới …")
    bold = plandiff.parse_text(re.sub(r"^([-*]) ([a-z0-9]\)|\d\.) ", r"\1 **\2** ", LISTED_POINTS, flags=re.MULTILINE))
    assert [(c.id, c.text) for c in bold.walk()] == [(c.id, c.text) for c in plan.walk()]
    # in plain text the dash stays a dash, but is never read as the heading's words going on
    plain = plandiff.parse_text(LISTED_POINTS.replace("# ", "").replace("* ", "- "))
    assert plain.meta.source_format == "text"
    texts = {c.id: c.text for c in plain.walk()}
    assert texts["I.1"] == "Mục đích" and texts["I.2"] == "Yêu cầu"


def test_a_portal_appendix_of_two_flattened_tables_and_rows_under_dashes() -> None:
    """A portal's decision whose appendix holds two tables, each flattened one cell a line, a
    heading between them ("II. Lĩnh vực …"): two tables, the heading a clause; rows under a
    numbered one open with "-" and are short where a merged cell spans them; the last cell, its
    closing pipe after the appendix's last line, is the table's."""
    plan = plandiff.parse(FIELD / "bacninh-hoichotrienlam-2025.md")
    assert plan.meta.number == "471/QĐ-UBND" and plan.meta.doc_type == "QUYẾT ĐỊNH"
    (app,) = plan.appendices
    assert [(c.id, c.text) for c in app.clauses] == [
        ("PL1.I", "Địa điểm tổ chức Hội chợ, triển lãm thương mại trên địa bàn tỉnh"),
        ("PL1.II", "Lĩnh vực ưu tiên tổ chức hội chợ, triển lãm thương mại trên địa bàn tỉnh")]
    places, fields = app.tables
    assert places.rows[0] == ("STT", "Địa điểm", "Địa chỉ") and fields.rows[0] == ("STT", "Tên lĩnh vực")
    assert {len(r) for r in places.rows} == {3} and {len(r) for r in fields.rows} == {2}
    assert ("3", "Xã Bố Hạ", "") in places.rows
    assert ("-", "Khu chợ mới trung tâm Bố Hạ", "") in places.rows and ("-", "Sân vận động xã Bố Hạ", "") in places.rows
    assert [r[0] for r in fields.rows[1:]] == ["1", "2", "3"]
    assert fields.rows[-1][1].endswith("ngân\nhàng, logistics...")
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_flattened_table_under_a_two_row_header_takes_the_width_of_its_numbered_rows() -> None:
    """"STT | Địa điểm | Đối tượng quan trắc" over four columns of its own: the header's first row
    has three cells, the numbered rows six ("8" … "9" six cells apart). The rows are read six wide,
    each count under its column."""
    plan = plandiff.parse(FIELD / "thanhhoa-quantracts-2025.md")
    table = plan.appendices[0].tables[0]
    assert {len(r) for r in table.rows} == {6}
    assert table.rows[1][:4] == ("Nguồn nước cấp nuôi tôm\n(vị trí)", "Môi trường ao nuôi tôm đại diện\n(vị trí)",
                                 "Môi trường nuôi ngao (vị trí)", "Môi trường nuôi cá lồng nước ngọt\n(vị trí)")
    rows = {r[0]: r for r in table.rows}
    assert rows["7"] == ("7", "Cửa sông Mã", "1", "", "", "")
    assert rows["8"] == ("8", "xã Tân Tiến", "", "2", "1", "")
    assert rows["22"] == ("22", "xã Thường Xuân", "", "", "", "1")
    assert [r[0] for r in table.rows[2:26]] == [str(n) for n in range(1, 25)]


def test_a_word_web_page_export_of_a_sub_committees_plan() -> None:
    """Word's "Web Page" (.htm) export: windows-1252 declared, Vietnamese letters as numeric
    references and Latin-1 ones ("ô", "á") as bytes; drawn lines as VML in conditional comments
    with fallback tables inside the header's cells; Word's footnotes. Read as Word shows it: the
    comments are no text, the letters are the page's (no legacy encoding guessed), the
    sub-committee issues under its election committee."""
    plan = plandiff.parse(FIELD / "phobang-tuyentruyen-2025.htm")
    m = plan.meta
    assert (m.source_format, m.encoding) == ("html", "cp1252")
    assert m.issuer == "TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT"
    assert m.parent_issuer == "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG"
    assert (m.number, m.date, m.place) == ("01/KH-TBTTKT", "2025-12-10", "Phố Bảng")
    assert m.title == ("Triển khai của Tiểu ban thông tin, tuyên truyền, khánh tiết bầu cử đại biểu Quốc hội khóa XVI "
                       "và bầu cử đại biểu Hội đồng nhân dân các cấp, nhiệm kỳ 2026 - 2031 trên địa bàn xã Phố Bảng")
    ids = [c.id for c in plan.walk()]
    assert ids[:6] == ["I", "I.1", "I.1.-1", "I.1.-2", "I.2", "I.2.-1"] and "II.2.2" in ids
    assert {c.id: c.text for c in plan.walk()}["I.1"] == "Mục đích"
    everything = plandiff.render_plain(plan)
    assert "[if" not in everything and "endif" not in everything and "v:line" not in everything
    assert [(f.label, f.clause) for f in plan.footnotes] == [("1", "II.1.-1"), ("2", "II.1.-1")]
    assert plan.footnotes[1].text.startswith("Hiến pháp năm 2013")
    assert plan.recipients[0] == "Thường trực Đảng ủy (Báo cáo);"
    assert plan.signature == ("TM. TIỂU BAN", "TRƯỞNG TIỂU BAN", "Nguyễn Văn Hoàn", "TRƯỞNG BAN XÂY DỰNG ĐẢNG")
    assert lost_and_invented(plan) == (Counter(), Counter())


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_web_page_typed_in_a_legacy_font_declared_windows_1252(encoding: str) -> None:
    """A page typed in TCVN3 or VNI that declares windows-1252 (as Word writes it): its bytes are
    read as the page declares them, then repaired from their letters as any such text is."""
    from plandiff.read.legacy import encode_tcvn3, encode_vni

    seed = Path(__file__).resolve().parent.parent / "fixtures" / "tth-2024.txt"
    want = plandiff.parse(seed)
    lines = [ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
    encode = encode_vni if encoding == "vni" else encode_tcvn3
    body = b"".join(b"<p class=MsoNormal>" + encode(ln).replace(b"&", b"&amp;").replace(b"<", b"&lt;") + b"</p>\n" for ln in lines)
    got = plandiff.parse(b'<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head><body>'
                         + body + b"</body></html>")
    assert (got.meta.issuer, got.meta.title, got.meta.number) == (want.meta.issuer, want.meta.title, want.meta.number)
    # (TCVN3 has no capital toned letters outside its capitals' font: "Ủy" reads "ủy")
    assert [(c.id, c.text.lower()) for c in got.walk()] == [(c.id, c.text.lower()) for c in want.walk()]


def test_a_word_web_page_whose_numbering_is_words_own_lists() -> None:
    """Word's web page writes its automatic numbering inside "<![if !supportLists]>" with a run of
    no-break spaces after the number, and a Symbol-font dash as U+F02D: labels as printed."""

    def item(num: str, text: str) -> str:
        return (f"<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>"
                f"{num}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>"
                f"{text}<o:p></o:p></p>\n")

    body = ("<p class=MsoNormal align=center><b>ỦY BAN NHÂN DÂN XÃ LƯƠNG MINH</b></p><p class=MsoNormal>Số: 12/KH-UBND</p>"
            "<p class=MsoNormal><i>Lương Minh, ngày 3 tháng 1 năm 2026</i></p><p class=MsoNormal align=center><b>KẾ HOẠCH</b></p>"
            "<p class=MsoNormal align=center><b>Thực hiện công tác bình đẳng giới năm 2026</b></p>"
            + item("I.", "MỤC ĐÍCH, YÊU CẦU") + item("1.", "Nâng cao nhận thức về bình đẳng giới.")
            + item("II.", "NHIỆM VỤ") + item("1.", "Tuyên truyền về bình đẳng giới.") + item("a)", "Tổ chức hội nghị.")
            + item("b)", "Phát tờ rơi.") + item("&#61485;", "Ở các thôn.") + item("2.", "Tập huấn cán bộ."))
    page = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"></head><body>"
            + "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in body) + "</body></html>")
    plan = plandiff.parse(page.encode("cp1252"))
    got = {c.id: c.text for c in plan.walk()}
    assert list(got) == ["I", "I.1", "II", "II.1", "II.1.a", "II.1.b", "II.1.b.-1", "II.2"]
    assert got["II.1.b"] == "Phát tờ rơi." and got["II.1.b.-1"] == "Ở các thôn."
    assert "supportLists" not in plandiff.render_plain(plan)


def test_a_table_flattened_one_cell_a_line_inside_a_plans_body_is_its_clauses_table() -> None:
    """The portal's one-cell-a-line table inside a section (not an appendix): the clause keeps it
    as a table of rows, and no cell ("1", "-") is read as a clause of its own."""
    page = (FIELD / "bacninh-hoichotrienlam-2025.md").read_text(encoding="utf-8")
    table = page[page.index("|\n**STT**\n|\n**Địa điểm**"):page.index("**II.\nLĩnh vực")]
    text = ("**ỦY BAN NHÂN DÂN TỈNH BẮC NINH**\n\nSố: 200/KH-UBND\n\n*Bắc Ninh, ngày 2 tháng 12 năm 2025*\n\n**KẾ HOẠCH**\n\n"
            "TỔ CHỨC HỘI CHỢ, TRIỂN LÃM THƯƠNG MẠI NĂM 2026\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\n1. Quảng bá sản phẩm của tỉnh.\n\n"
            "**II. NỘI DUNG**\n\n1. Địa điểm tổ chức hội chợ, triển lãm:\n\n" + table
            + "\n2. Thời gian tổ chức: Quý II và Quý IV năm 2026.\n\n**III. TỔ CHỨC THỰC HIỆN**\n\n"
            "1. Sở Công Thương chủ trì, hướng dẫn các doanh nghiệp tổ chức hội chợ.\n")
    plan = plandiff.parse_text(text)
    assert [c.id for c in plan.walk()] == ["I", "I.1", "II", "II.1", "II.2", "III", "III.1"]
    (got,) = {c.id: c for c in plan.walk()}["II.1"].tables
    assert got.rows[0] == ("STT", "Địa điểm", "Địa chỉ") and len(got.rows) == 12
    assert ("-", "Khu chợ mới trung tâm Bố Hạ", "") in got.rows
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_html_comments_a_converter_leaves_in_markdown_are_no_text() -> None:
    """docling, markitdown and others write "<!-- image -->" where a picture was (the emblem, a
    signature, a stamp) and "<!-- PageBreak -->": Markdown shows none of them, nor does the plan."""
    text = ("<!-- image -->\n\n" + LISTED_POINTS.replace("# 2. Yêu cầu", "<!-- PageBreak -->\n\n# 2. Yêu cầu")
            .replace("nhiệm vụ chính trị.", "nhiệm vụ chính trị. <!-- image -->")
            + "\nTM. ỦY BAN NHÂN DÂN\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\n<!-- image -->\n\nNguyễn Văn A\n")
    plan = plandiff.parse_text(text)
    shown = plandiff.render_plain(plan)
    assert "<!--" not in shown and "image" not in shown
    assert plan.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A")
    assert {c.id: c.text for c in plan.walk()}["I.2.b"] == "Gắn công tác dân vận với thực hiện nhiệm vụ chính trị."
    assert sum(a.text in ("<!-- image -->", "<!-- PageBreak -->") for a in plan.artefacts) == 4
    assert lost_and_invented(plan) == (Counter(), Counter())


NOTES = ("Luật Bình đẳng giới số 73/2006/QH11 ngày 29/11/2006.", "Theo Quyết định số 1790/QĐ-TTg ngày 01/12/2023.")


def _noted_plan(first: str, second: str, notes: str) -> str:
    """A portal's plan in Markdown with two notes, marked ``first`` and ``second``, then ``notes``."""
    return ("**ỦY BAN NHÂN DÂN TỈNH THANH HÓA**\n\nSố: 12/KH-UBND\n\n*Thanh Hóa, ngày 5 tháng 1 năm 2026*\n\n**KẾ HOẠCH**\n\n"
            "**Thực hiện công tác bình đẳng giới năm 2026**\n\n"
            f"Thực hiện Luật Bình đẳng giới{first}, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n"
            f"**I. MỤC ĐÍCH, YÊU CẦU**\n\n1. Nâng cao nhận thức về bình đẳng giới{second}.\n\n"
            f"2. Bảo đảm sự phối hợp của các sở, ngành.\n\n{notes}")


@pytest.mark.parametrize("caret", [True, False])
def test_markdown_footnotes_as_pandoc_and_github_write_them(caret: bool) -> None:
    """"[^1]" after a word and "[^1]: …" after the text (pandoc's and GitHub's Markdown, a Word
    file's notes converted so), as portals' "[1]" / "[1] …": notes attached where they are marked,
    their markers and their brackets set aside."""
    mark = "[^{}]" if caret else "[{}]"
    body = "[^{}]: " if caret else "[{}] "
    plan = plandiff.parse_text(_noted_plan(mark.format(1), mark.format(2),
                                           f"{body.format(1)}{NOTES[0]}\n\n{body.format(2)}Theo Quyết định số 1790/QĐ-TTg\nngày 01/12/2023.\n"))
    assert [(f.label, f.clause, f.text) for f in plan.footnotes] == [("1", None, NOTES[0]), ("2", "I.1", NOTES[1])]
    assert [(c.id, c.text) for c in plan.walk()][-2:] == [("I.1", "Nâng cao nhận thức về bình đẳng giới."),
                                                         ("I.2", "Bảo đảm sự phối hợp của các sở, ngành.")]
    assert "[" not in plan.preamble
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_links_and_pictures_in_markdown_read_as_a_reader_sees_them() -> None:
    """html2text and markdownify keep a portal's links to what it cites, and converters keep
    pictures: a link reads as its text, a picture is markup; a link's "[" with no target is text."""
    text = ("**ỦY BAN NHÂN DÂN TỈNH NGHỆ AN**\n\nSố: 980/KH-UBND\n\n*Nghệ An, ngày 18 tháng 11 năm 2025*\n\n**KẾ HOẠCH**\n\n"
            "**Thực hiện Quyết định số 1899/QĐ-TTg**\n\n"
            "Thực hiện [Quyết định số 1899/QĐ-TTg](https://thuvienphapluat.vn/van-ban/Quyet-dinh-1899-QD-TTg-2025.aspx "
            "\"Quyết định 1899\") ngày 04/9/2025 của Thủ tướng Chính phủ và Nghị định số 200/2025/NĐ-CP[1], Ủy ban nhân dân "
            "tỉnh ban hành Kế hoạch như sau:\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\n"
            "1. Triển khai kịp thời [Luật Phòng thủ dân sự](https://example.vn/luat) trên địa bàn tỉnh.\n\n"
            "2. Xem ![](media/image1.png) hình và [mục 3](#muc-3) dưới đây; giữ nguyên [ghi chú] và a[i](j).\n")
    plan = plandiff.parse_text(text)
    assert plan.preamble.startswith("Thực hiện Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ")
    got = {c.id: c.text for c in plan.walk()}
    assert got["I.1"] == "Triển khai kịp thời Luật Phòng thủ dân sự trên địa bàn tỉnh."
    assert got["I.2"] == "Xem hình và mục 3 dưới đây; giữ nguyên [ghi chú] và a[i](j)."
    # (a footnote's mark after a symbol, its note left out by the page, is no part of the symbol)
    assert [(c.clause, c.instrument) for c in plandiff.citations(plan)][:3] == [
        ("title", "1899/QĐ-TTg"), ("preamble", "1899/QĐ-TTg"), ("preamble", "200/2025/NĐ-CP")]
    assert lost_and_invented(plan) == (Counter(), Counter())


@pytest.mark.parametrize("escaped", [False, True])
def test_a_word_files_notes_as_mammoth_and_markitdown_write_them(escaped: bool) -> None:
    """mammoth's HTML (markitdown's Markdown of a Word file after it) marks a note "[[1]](#footnote-1)"
    and lists the notes at the end, each with a link back: "1. Luật … [↑](#footnote-ref-1)"."""
    anchor = "\\#footnote\\-" if escaped else "#footnote-"
    back = anchor + ("ref\\-" if escaped else "ref-")
    plan = plandiff.parse_text(_noted_plan(f"[[1]]({anchor}20)", f"[[2]]({anchor}21)",
                                           f"1. {NOTES[0]} [↑]({back}20)\n2. {NOTES[1]} [↑]({back}21)\n"))
    assert [(f.label, f.clause, f.text) for f in plan.footnotes] == [("1", None, NOTES[0]), ("2", "I.1", NOTES[1])]
    assert [c.id for c in plan.walk()] == ["I", "I.1", "I.2"]
    assert lost_and_invented(plan) == (Counter(), Counter())


_SIGNED = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 05 tháng 01 năm 2025\n\nKẾ HOẠCH\n"
           "Thực hiện công tác bình đẳng giới năm 2025\n\nI. MỤC ĐÍCH\n1. Báo cáo kết quả theo Mẫu số 01.\n"
           "2. Gửi báo cáo về Sở Nội vụ theo\nMẫu số 02\n\nNơi nhận:\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
           "Nguyễn Hồng Lĩnh\n\n")


def test_forms_appended_after_the_signature_are_appendices_by_their_labels() -> None:
    """A plan that appends its reporting forms, each under its label ("Mẫu số 01", "MẪU SỐ 02:
    BÁO CÁO …") and no PHỤ LỤC: each form is an appendix, labelled as printed; in the plan's text
    "Mẫu số 02" ending a wrapped line stays the sentence's."""
    plan = plandiff.parse_text(_SIGNED + "Mẫu số 01\nDANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2025\n"
                               "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh)\n"
                               "TT\tNhiệm vụ\tCơ quan chủ trì\n1\tTuyên truyền\tSở Nội vụ\n\n"
                               "MẪU SỐ 02: BÁO CÁO KẾT QUẢ THỰC HIỆN\nTT\tChỉ tiêu\tKết quả\n1\tSố lớp tập huấn\t\n")
    assert [(a.label, a.title, [len(t.rows) for t in a.tables]) for a in plan.appendices] == [
        ("Mẫu số 01", "DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2025", [2]), ("MẪU SỐ 02", "BÁO CÁO KẾT QUẢ THỰC HIỆN", [2])]
    assert plan.signature == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hồng Lĩnh")
    assert plan.find("I.2").text.split() == "Gửi báo cáo về Sở Nội vụ theo Mẫu số 02".split()
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_the_forms_of_one_appendix_are_its_parts() -> None:
    """Under a PHỤ LỤC, its forms ("Biểu số 01", "Biểu số 02") are parts of that one appendix."""
    plan = plandiff.parse_text(_SIGNED + "PHỤ LỤC\nCÁC BIỂU MẪU BÁO CÁO\nBiểu số 01\nTT\tViệc\n1\tTập huấn\n"
                               "Biểu số 02\nTT\tViệc\n1\tTruyền thông\n")
    assert [(a.label, a.title, len(a.tables)) for a in plan.appendices] == [("PHỤ LỤC", "CÁC BIỂU MẪU BÁO CÁO", 2)]
    assert lost_and_invented(plan) == (Counter(), Counter())


@pytest.mark.parametrize("label", ["PHỤ BIỂU", "PHỤ LỤC", "Phụ biểu 01"])
def test_an_appendix_whose_title_is_in_sentence_case(label: str) -> None:
    """A Fatherland Front committee's "PHỤ BIỂU" (a table appended) whose title is in sentence
    case over its "(Kèm theo …)" line: the label, the title and the reference, as for "PHỤ LỤC"."""
    text = ("ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC\nSố: 20/KH-MTTQ-BTT\nLương Minh, ngày 22 tháng 12 năm 2025\n\n"
            "KẾ HOẠCH\nGiới thiệu người ứng cử đại biểu Hội đồng nhân dân xã nhiệm kỳ 2026-2031\n\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Bảo đảm việc giới thiệu người ứng cử đúng quy định.\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị tổ chức hội nghị giới thiệu người ứng cử.\n\n"
            "Nơi nhận:\n- TT Đảng ủy, HĐND, UBND xã;\n- Lưu: VT MTTQ.\n\nTM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\nLan Thị Vân\n\n"
            f"{label}\nThành phần, cơ cấu, số lượng giới thiệu người ứng cử của các\ntổ chức, cơ quan, đơn vị trên địa bàn xã\n"
            "(Kèm theo Kế hoạch số 20/KH-MTTQ-BTT ngày 22/12/2025 của BTT Ủy ban MTTQ xã Lương Minh)\n"
            "Cơ quan/đơn vị\tSố lượng\tNữ\tTái cử\nKhối Đảng ủy\t14\t5\t5\nKhối chính quyền\t14\t5\t5\nThôn Xóm Mới\t1\t-\t1\n")
    plan = plandiff.parse_text(text)
    assert plan.signature == ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Lan Thị Vân")
    (app,) = plan.appendices
    assert app.label == label
    assert app.title == ("Thành phần, cơ cấu, số lượng giới thiệu người ứng cử của các tổ chức, cơ quan, đơn vị trên địa bàn xã")
    assert app.ref and app.ref.startswith("(Kèm theo Kế hoạch số 20/KH-MTTQ-BTT")
    assert [len(t.rows) for t in app.tables] == [4]
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_an_appendix_reference_printed_without_its_brackets() -> None:
    """A commune committee's Word file: "PHỤ LỤC" over "ban hành kèm theo Kế hoạch …" (no brackets,
    in lower case), then its forms ("Mẫu số 01/HNCT"); and recipients whose lines wrapped with no
    dash ("- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng," / "VP Đảng uỷ;")."""
    text = ("ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC\nSố: 25/KH-MTTQ-BTT\nLương Minh, ngày 25 tháng 11 năm 2025\n\n"
            "KẾ HOẠCH\nTổ chức các hội nghị hiệp thương\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Bảo đảm dân chủ, đúng luật.\n\n"
            "  Nơi nhận:\n\n- Thường trực Đảng ủy xã;\n\n- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,  \n\nVP Đảng uỷ;\n\n"
            "         - Văn phòng HĐND, UBND xã;\t\n\n- Bí thư Chi bộ, Trưởng thôn, Ban công\n\n tác MT thôn; \n\n- Lưu: MTTQ  \n\n"
            "TM. BAN THƯỜNG TRỰC\n\nCHỦ TỊCH\n\n\n\nLan Thị Vân\n\n\n\nPHỤ LỤC\n\n"
            "ban hành kèm theo Kế hoạch tổ chức các hội nghị hiệp thương của BTT Ủy ban MTTQ xã\n\n"
            "Mẫu số 01/HNCT\n\nBIÊN BẢN HỘI NGHỊ CỬ TRI NƠI CÔNG TÁC\n")
    plan = plandiff.parse_text(text)
    assert plan.recipients == ("Thường trực Đảng ủy xã;", "Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ;",
                               "Văn phòng HĐND, UBND xã;", "Bí thư Chi bộ, Trưởng thôn, Ban công tác MT thôn;", "Lưu: MTTQ")
    (app,) = plan.appendices
    assert (app.label, app.ref) == ("PHỤ LỤC", "ban hành kèm theo Kế hoạch tổ chức các hội nghị hiệp thương của BTT Ủy ban MTTQ xã")
    assert app.text.startswith("Mẫu số 01/HNCT")
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_committees_plan_that_prints_a_section_number_twice() -> None:
    """Mammoth's raw text of a commune Fatherland Front committee's plan: "II" printed twice (the
    second is the third section): a section of its own, its items under it, not under the first
    "II"; the number left blank reads as none; recipients wrapped with no dash are one each."""
    plan = plandiff.parse(FIELD / "luongminh-ktgs-2025.txt")
    m = plan.meta
    assert (m.number, m.date, m.issuer, m.parent_issuer) == (None, "2025-12-10", "BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH")
    tops = [(c.label, c.heading) for c in plan.clauses if c.label]
    assert tops == [("I.", "MỤC ĐÍCH, YÊU CẦU"), ("II.", "ĐỐI TƯỢNG KIỂM TRA, GIÁM SÁT"), ("II.", "NỘI DUNG VÀ THỜI GIAN THỰC HIỆN"),
                    ("IV.", "HÌNH THỨC KIỂM TRA, GIÁM SÁT"), ("V.", "TỔ CHỨC THỰC HIỆN")]
    second = plan.clauses[2]
    assert [c.text.split(":")[0] for c in second.children] == ["Đợt 1", "Đợt 2", "Đợt 3"]
    assert len(plan.recipients) == 7 and plan.recipients[3] == "Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ;"
    assert plan.signature == ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Lan Thị Vân")


def test_a_portal_page_written_without_bold_reads_as_with_it() -> None:
    """A converter that keeps a page's italics but not its bold: the preamble's grounds in italics
    wrapped over two lines ("*Căn cứ Luật Tổ chức Chính" / "quyền địa phương …;*") still say it
    is Markdown (the place "Thành phố Hồ Chí" / "Minh, ngày …" had been "Minh"), and the emphasis
    left around nothing ("* *") is no bullet (it had taken the closing paragraph's place)."""
    for name in ("hcm-thientai-2025.md", "daklak-thidua-2025.md"):
        text = (FIELD / name).read_text(encoding="utf-8")
        bold, plain = plandiff.parse(text), plandiff.parse(text.replace("**", ""))
        assert [c.id for c in plain.walk()] == [c.id for c in bold.walk()], name
        assert (plain.meta.place, plain.meta.date, plain.meta.number) == (bold.meta.place, bold.meta.date, bold.meta.number)
        assert lost_and_invented(plain) == (Counter(), Counter())
    assert plandiff.parse((FIELD / "hcm-thientai-2025.md").read_text(encoding="utf-8").replace("**", "")).meta.place == "Thành phố Hồ Chí Minh"


def _ids_and_texts(clauses: tuple[plandiff.Clause, ...]) -> list[tuple[str, str]]:
    return [(c.id, c.text) for c in clauses] + [x for c in clauses for x in _ids_and_texts(c.children)]


@pytest.mark.parametrize(("plain", "misread"), [("KẾ HOẠCH", "KÉ HOẠCH"), ("KẾ HOẠCH", "KE HOACH"), ("QUYẾT ĐỊNH", "QUYÉT ĐỊNH"),
                                                ("QUYẾT ĐỊNH", "QUYẾT DỊNH")])
def test_a_doc_type_whose_marks_an_ocr_misread(plain: str, misread: str) -> None:
    """An OCR's "KÉ HOẠCH" (or a typist's "KE HOACH") alone on its line is still the type: the
    title under it is the title, not the preamble's first lines."""
    text = (FIELD / "hcm-thientai-2025.md").read_text(encoding="utf-8")
    changed = text.replace(f"**{plain}**", f"**{misread}**").replace(f"**{plain}:**", f"**{misread}:**")
    assert changed != text
    got, was = plandiff.parse(changed, name="plan.md"), plandiff.parse(text, name="plan.md")
    assert got.meta == was.meta and got.attached == was.attached and got.preamble == was.preamble
    assert len(got.articles) == 3
    assert misread in [h.text.strip("*:") for h in got.header]  # kept as printed
    assert lost_and_invented(got) == (Counter(), Counter())


def test_doc_types_printed_letter_spaced() -> None:
    """A PDF's character spacing kept as spaces ("K Ế  H O Ạ C H", "Q U Y Ế T  Đ Ị N H :"): the
    decision's type, its enacting formula and the plan it issues read as when printed plainly."""
    text = (FIELD / "hcm-thientai-2025.md").read_text(encoding="utf-8")
    spaced = (text.replace("**QUYẾT ĐỊNH**", "**Q U Y Ế T  Đ Ị N H**").replace("**QUYẾT ĐỊNH:**", "**Q U Y Ế T  Đ Ị N H :**")
              .replace("**KẾ HOẠCH**", "**K Ế  H O Ạ C H**"))
    assert spaced.count(" Ế ") == 3
    plain, got = plandiff.parse(text, name="plan.md"), plandiff.parse(spaced, name="plan.md")
    assert got.meta == plain.meta and got.meta.doc_type == "QUYẾT ĐỊNH"
    assert len(got.articles) == len(plain.articles) == 3
    assert got.attached is not None and plain.attached is not None and got.attached.title == plain.attached.title
    assert _ids_and_texts(got.clauses) == _ids_and_texts(plain.clauses)
    assert sum(lost_and_invented(got)[0].values()) == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_word_files_footnotes_printed_to_pdf_are_its_notes(tmp_path: Path) -> None:
    """The Cần Thơ plan as a Word file with real footnotes, printed to PDF: each note is cut from
    the foot of its page (the first runs on at the next page's foot, under its text), numbered
    as printed, its number glued to the word it notes taken out of the text, as the Word file's."""
    name = "cantho-footnotes.docx"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(DATA / name)],
                   check=True, capture_output=True, timeout=120)
    word, pdf = plandiff.parse(DATA / name), plandiff.parse(tmp_path / name.replace(".docx", ".pdf"))
    assert [(f.label, f.text, f.clause) for f in pdf.footnotes] == [(f.label, f.text, f.clause) for f in word.footnotes]
    assert len(pdf.footnotes) == 3 and pdf.footnotes[0].text.endswith("thực hiện Nghị quyết số 21-NQ/TW.")
    assert [a.text for a in pdf.artefacts if a.kind == "footnote_marker"] == ["1", "2", "3"]
    assert not any("Chương trình số 30-CTr/TU" in c.text for c in pdf.walk())
    assert "Chương trình số 30-CTr/TU" not in pdf.preamble
    assert lost_and_invented(pdf) == (Counter(), Counter())


@pytest.mark.parametrize("printed", ["**Điều {n} **", "**ĐIỀU {n}. **", "Điều {n} "])
def test_a_decisions_articles_printed_in_capitals_or_without_their_stop(printed: str) -> None:
    """"ĐIỀU 1." in capitals, and "Điều 1 Ban hành …" with nothing after the number (read only
    where every article is so printed, from "Điều 1" then "Điều 2"): the Hồ Chí Minh City
    decision's three articles, its signature and the plan it issues as when printed "Điều 1."."""
    text = (FIELD / "hcm-thientai-2025.md").read_text(encoding="utf-8")
    changed = re.sub(r"\*\*Điều (\d)\. \*\*", lambda m: printed.format(n=m.group(1)), text)
    assert changed != text
    plain, got = plandiff.parse(text, name="plan.md"), plandiff.parse(changed, name="plan.md")
    assert [(a.id, a.text) for a in got.articles] == [(a.id, a.text) for a in plain.articles]
    assert len(got.articles) == 3 and got.meta == plain.meta
    assert got.attached == plain.attached and got.attached is not None
    assert _ids_and_texts(got.clauses) == _ids_and_texts(plain.clauses)


def test_a_reference_wrapped_onto_a_lines_start_is_no_bare_article() -> None:
    """ "… khoản 1" / "Điều 5 Luật Tổ chức …" in a decision whose articles are printed "Điều 1.":
    no article of its own."""
    text = (FIELD / "hcm-thientai-2025.md").read_text(encoding="utf-8")
    plain = plandiff.parse(text, name="plan.md")
    wrapped = text.replace("**Điều 2. **Quyết", "**Điều 2. **Theo khoản 1\nĐiều 5 Luật Tổ chức chính quyền địa phương, Quyết", 1)
    assert wrapped != text
    got = plandiff.parse(wrapped, name="plan.md")
    assert [a.id for a in got.articles] == [a.id for a in plain.articles]
    assert "Điều 5 Luật Tổ chức chính quyền địa phương" in got.articles[1].text


@pytest.mark.parametrize(("plain", "misread"), [
    ("Số: 310/KH-UBND", "Sô: 310/KH-UBND"),
    ("Số: 310/KH-UBND", "So: 310/KH-UBND"),
    ("ngày\n24 tháng 11 năm 2025", "ngảy\n24 thảng 11 nãm 2025"),
    ("ngày\n24 tháng 11 năm 2025", "ngay\n24 thang 11 nam 2025"),
    ("Nơi nhận:", "Nơi nhân:"),
    ("Nơi nhận:", "Noi nhan:"),
])
def test_header_and_closing_words_an_ocr_misread(plain: str, misread: str) -> None:
    """The number's "Số:", the date's words and "Nơi nhận:" with a mark misread or left out, as an
    OCR or a typist without marks leaves them: the Hà Nội plan's number, date and recipients as printed."""
    text = (FIELD / "hanoi-5giot-2025.md").read_text(encoding="utf-8")
    assert plain in text
    got, was = plandiff.parse(text.replace(plain, misread), name="plan.md"), plandiff.parse(text, name="plan.md")
    assert got.meta == was.meta
    assert got.recipients == was.recipients and len(got.recipients) == 12


_CONVERTED = ("pdf", "doc", "odt", "rtf", "html")
_WORD_FILES = ("laocaisct-ktgcn-2026-1.docx", "luongminh-baucu-2025.docx")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The field's Word files saved by LibreOffice as each format a plan is downloaded in."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path_factory.mktemp("converted")
    for fmt in _CONVERTED:
        subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(out), *(str(FIELD / n) for n in _WORD_FILES)],
                       check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.parametrize("fmt", _CONVERTED)
@pytest.mark.parametrize("name", _WORD_FILES)
def test_a_word_file_saved_in_another_format_reads_as_itself(converted: Path, name: str, fmt: str) -> None:
    """The same plan as PDF, Word 97–2003, OpenDocument, RTF or a web page: the header, the clause
    tree (a PDF's paragraph whose first line is set in runs on as the Word file's does), the
    recipients, the appendices' tables and the notes the Word file gives."""
    import dataclasses

    word, other = plandiff.parse(FIELD / name), plandiff.parse(converted / name.replace(".docx", f".{fmt}"))
    assert dataclasses.replace(other.meta, source_format="docx", encoding=None) == word.meta
    assert _ids_and_texts(other.clauses) == _ids_and_texts(word.clauses)
    assert other.recipients == word.recipients and other.signature == word.signature
    assert [[len(t.rows) for t in a.tables] for a in other.appendices] == [[len(t.rows) for t in a.tables] for a in word.appendices]
    assert [(f.label, f.text) for f in other.footnotes] == [(f.label, f.text) for f in word.footnotes]
    assert lost_and_invented(other)[0] == Counter()


def test_footnotes_of_a_pdfs_text_laid_out_with_their_numbers_on_lines_of_their_own() -> None:
    """``pdftotext -layout`` of the Cần Thơ plan printed from Word with real footnotes: a note's
    raised number stands alone on the line above the note ("1" / " Chương trình số 30-CTr/TU …"),
    where a page number would; with its number glued to a word before ("kế hoạch1"), it is the
    note's; the note ends at its page's end, and one cut there goes on at the next page's foot,
    under a blank line after that page's text."""
    plan = plandiff.parse(DATA / "cantho-footnotes-layout.txt")
    word = plandiff.parse(DATA / "cantho-footnotes.docx")
    assert [f.label for f in plan.footnotes] == ["1", "2", "3"]
    assert [f.clause for f in plan.footnotes] == [f.clause for f in word.footnotes]
    # the second note is whole on its page; the first and third run on at the next page's foot
    assert [f.text for f in plan.footnotes] == [f.text for f in word.footnotes]
    assert "kế hoạch để triển khai" in " ".join(plan.preamble.split())
    assert not [a for a in plan.artefacts if a.kind == "page_number" and a.text in ("1", "2", "3")]
    assert lost_and_invented(plan) == (Counter(), Counter())
