"""Citations on real text, and on variants of real sentences for the forms the fixtures lack."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import plandiff
from plandiff.cite.citations import extract
from plandiff.cite.vocabulary import normalize_symbol
from tests.conftest import DATA, FIXTURES, load

HEAD = "KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024 trên địa bàn tỉnh Hưng Yên\n\n"


def cites_of(body: str, preamble: str = "") -> list[plandiff.Citation]:
    plan = plandiff.parse(HEAD + preamble + "\nI. NỘI DUNG\n1. " + body + "\n")
    return plandiff.citations(plan)


def symbols(plan: plandiff.Plan) -> set[str]:
    return {c.symbol for c in plandiff.citations(plan) if c.symbol}


def test_numbered_instruments_of_a_plan() -> None:
    assert symbols(load("tth-2024")) == {"102/KH-UBND", "212/KH-UBND", "385/KH-UBND", "76/KH-UBND", "9973/UBND-XH",
                                         "191/2009/TT-BTC", "1719/QĐ-TTg"}
    basis = {c.symbol for c in plandiff.citations(load("tth-2024")) if c.role == "basis"}
    assert basis == {"102/KH-UBND", "212/KH-UBND", "385/KH-UBND"}


def test_context_of_a_citation() -> None:
    c = next(c for c in plandiff.citations(load("tth-2024")) if c.symbol == "1719/QĐ-TTg")
    assert (c.type, c.number, c.date, c.issuer) == ("Quyết định", "1719", "2021-10-14", "Thủ tướng Chính phủ")
    assert c.title.startswith("về phê duyệt Chương trình mục tiêu quốc gia phát triển kinh")
    assert c.clause == "IV.10.a"
    plan = load("tth-2024")
    assert " ".join(plan.source[c.span.start:c.span.end].split()) == "Quyết định 1719/QĐ-TTg"


def test_the_many_kinds_of_symbol() -> None:
    text = ("Thực hiện Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội; "
            "Chỉ thị số 21-CT/TW ngày 20/01/2018 của Ban Bí thư; Nghị quyết số 11-NQ/TW ngày 27/4/2007 của Bộ Chính trị; "
            "Luật số 146/2025/QH15; Tờ trình số 562-TTr/ĐU ngày 01-10-1997; Thông tư liên tịch số 07/2011/TTLT-BYT-BLĐTBXH; "
            "Thông báo số 12/TB-UBND ngày 19/05/2009.")
    got = {c.symbol: c for c in cites_of(text)}
    assert set(got) == {"1303/BLĐTBXH-VBĐG", "21-CT/TW", "11-NQ/TW", "146/2025/QH15", "562-TTr/ĐU",
                        "07/2011/TTLT-BYT-BLĐTBXH", "12/TB-UBND"}
    assert got["1303/BLĐTBXH-VBĐG"].type == "Công văn"
    assert got["1303/BLĐTBXH-VBĐG"].issuer == "Bộ Lao động - Thương binh và Xã hội"
    assert got["146/2025/QH15"].type == "Luật"
    assert got["562-TTr/ĐU"].date == "1997-10-01"
    assert got["12/TB-UBND"].date == "2009-05-19"
    assert got["07/2011/TTLT-BYT-BLĐTBXH"].type == "Thông tư liên tịch"
    # a Party symbol typed with a space at its hyphen (as a real plan has it: "Nghị quyết số 57- NQ/TW")
    spaced = {c.symbol: c for c in cites_of("Căn cứ Nghị quyết số 57- NQ/TW ngày 22/12/2024 của Bộ Chính trị; "
                                           "Kết luận số 61 - KL/TW ngày 5/1/2024.")}
    assert set(spaced) == {"57-NQ/TW", "61-KL/TW"} and spaced["57-NQ/TW"].date == "2024-12-22"


@pytest.mark.parametrize("printed, canonical", [
    ("125/2021/NĐCP", "125/2021/NĐ-CP"), ("1719/QĐ-TTG", "1719/QĐ-TTg"), ("1719/qđ-ttg", "1719/QĐ-TTg"),
    ("125/2021/NĐ- CP", "125/2021/NĐ-CP"), ("21-ct/tw", "21-CT/TW"),
])
def test_symbol_variants_are_normalised(printed: str, canonical: str) -> None:
    assert normalize_symbol(printed) == canonical


def test_symbols_split_over_a_line_and_without_so() -> None:
    body = ("Tuyên truyền Nghị định số\n125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt; Quyết định\n"
            "số: 2282/QĐ-TTg ngày 31/12/2020 và Quyết định 1790/QĐ-TTg.")
    assert {c.symbol for c in cites_of(body)} == {"125/2021/NĐ-CP", "2282/QĐ-TTg", "1790/QĐ-TTg"}


def test_matches_are_anchored() -> None:
    found = {c.symbol for c in cites_of("Nghị quyết số 128/NQ-CP ngày 11/10/2021 và Nghị quyết 28/NQ-CP.")}
    assert found == {"128/NQ-CP", "28/NQ-CP"}
    assert {c.symbol for c in cites_of("Hồ sơ mã HS28/NQ-CP và tệp a/28/NQ-CP lưu trữ.")} == set()


def test_named_laws_and_strategies() -> None:
    cites = plandiff.citations(load("tth-2023"))
    named = {c.title for c in cites if c.symbol is None}
    assert {"Luật Bình đẳng giới", "Luật Ngân sách nhà nước", "Luật Phòng, chống bạo lực gia đình", "Bộ luật Lao động"} <= named
    strategy = [c for c in cites if c.symbol is None and c.title.startswith("Chiến lược quốc gia")]
    assert strategy and {c.instrument for c in strategy} == {"28/NQ-CP"}


def test_type_word_contradicting_the_symbol_is_one_instrument_with_a_warning() -> None:
    cites, warnings = extract(load("hue-2026"))
    resolution = [c for c in cites if c.symbol == "28/NQ-CP"]
    assert len(resolution) == 2 and {c.instrument for c in resolution} == {"28/NQ-CP"}
    assert not any(c.symbol == "28/NĐ-CP" for c in cites)
    assert any("28/NĐ-CP" in w and "28/NQ-CP" in w for w in warnings)


def test_basis_and_mention() -> None:
    cites = plandiff.citations(load("hue-2026"))
    assert {c.symbol for c in cites if c.role == "basis"} == {"28/NQ-CP", "385/KH-UBND"}
    assert all(c.clause == "preamble" for c in cites if c.role == "basis")
    assert {c.symbol for c in plandiff.citations(load("hungyen-2024")) if c.role == "basis"} == {"1303/BLĐTBXH-VBĐG"}


def test_citations_in_footnotes() -> None:
    cites = plandiff.citations(load("hungyen-2024"))
    in_note = {c.symbol for c in cites if c.clause == "footnote:1" and c.symbol}
    assert in_note == {"70/2008/NĐ-CP", "48/2009/NĐ-CP", "125/2021/NĐ-CP"}


def test_a_symbol_wrapped_after_its_hyphen_in_a_footnote_or_a_reference() -> None:
    # a PDF's text layer wraps at a symbol's hyphen ("Chỉ thị số 17-" / "CT/TU") in a footnote and in
    # the reference under an appendix's title as in the body
    text = ("KẾ HOẠCH\nThử nghiệm\n\nI. NỘI DUNG\n1. Thực hiện Chỉ thị số 16-\nCT/TU ngày 07/03/2022 về dân số.[1]\n\n"
            "[1] Chỉ thị số 17-\nCT/TU ngày 07/03/2022 của Ban Thường vụ Tỉnh ủy; Kế hoạch số 75/KH-\nUBND ngày 09/7/2018.\n\n"
            "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 235/KH-\nUBND ngày 18/11/2025 của UBND tỉnh)\n"
            "1. Tuyên truyền.\n")
    plan = plandiff.parse(text)
    assert plan.footnotes[0].text.startswith("Chỉ thị số 17-CT/TU ngày")
    assert plan.appendices[0].ref == "(Kèm theo Kế hoạch số 235/KH-UBND ngày 18/11/2025 của UBND tỉnh)"
    by_place = {(c.clause, c.symbol) for c in plandiff.citations(plan)}
    assert {("I.1", "16-CT/TU"), ("footnote:1", "17-CT/TU"), ("footnote:1", "75/KH-UBND")} <= by_place


def test_short_mentions_resolve_to_the_first_full_mention() -> None:
    cites = [c for c in plandiff.citations(load("hungyen-2024")) if c.symbol == "65/KH-UBND"]
    assert len(cites) == 4 and len({c.instrument for c in cites}) == 1
    assert cites[0].instrument == "65/KH-UBND@hưng yên/2021"
    body = ("Triển khai Chỉ thị số 11-CT/TU ngày 05/3/2022 của Tỉnh ủy (viết tắt là Chỉ thị 11); "
            "các đơn vị quán triệt Chỉ thị 11 trong năm.")
    cites = cites_of(body)
    assert [c.instrument for c in cites] == ["11-CT/TU", "11-CT/TU"]
    assert cites[1].raw == "Chỉ thị 11"


def test_issuer_code_contradicting_the_issuer_is_flagged() -> None:
    plan = plandiff.parse(HEAD + "I. NỘI DUNG\n1. Thực hiện Quyết định số 866/QĐ-Tg ngày 01/7/2022 của Thủ tướng Chính phủ.\n")
    _, warnings = extract(plan)
    assert any(w.startswith("866/QĐ-TG:") and "Thủ tướng Chính phủ" in w and "TTg" in w for w in warnings)


def test_administrative_symbols_are_per_authority_across_the_succession() -> None:
    ids = {name: {c.instrument for c in plandiff.citations(load(name)) if c.symbol == "385/KH-UBND"}
           for name in ("tth-2023", "tth-2024", "hue-2026")}
    assert ids["tth-2023"] == ids["tth-2024"] == ids["hue-2026"] == {"385/KH-UBND@huế/2021"}
    other = {c.instrument for c in plandiff.citations(load("anlao-2024")) if c.symbol == "111/KH-UBND"}
    assert other == {"111/KH-UBND@thành phố above an lão/2024"}


def test_names_learned_from_one_plan_resolve_mentions_in_another() -> None:
    defining = plandiff.parse(HEAD + "Căn cứ Quyết định số 2345/QĐ-UBND ngày 01/3/2023 của Ủy ban nhân dân tỉnh về việc "
                              "phê duyệt Đề án Phát triển mạng lưới địa chỉ tin cậy tại cộng đồng giai đoạn 2023-2027;\n"
                              "I. NỘI DUNG\n1. Tổ chức thực hiện.\n")
    mentioning = plandiff.parse(HEAD.replace("Hưng Yên", "Hưng Yên ") + "I. NỘI DUNG\n1. Tiếp tục triển khai Đề án "
                                "phát triển mạng lưới địa chỉ tin cậy tại cộng đồng trên địa bàn.\n")
    alone = [c for c in plandiff.citations(mentioning) if c.symbol is None]
    assert not alone  # on its own, the name means nothing yet
    graph = plandiff.CitationGraph([mentioning, defining])
    traced = graph.trace("2345/QĐ-UBND")["plans"]
    assert len(traced) == 2
    vias = sorted(p["via"] for p in traced)
    assert vias[0] == ["2345/QĐ-UBND"]  # the defining plan cites it by number
    assert vias[1][0].lower().startswith("đề án phát triển mạng lưới") and vias[1][-1] == "2345/QĐ-UBND"


def test_law_names_are_read_whole() -> None:
    cites = cites_of("Tuyên truyền Luật Hôn nhân và gia đình, Luật Trẻ em và Bộ luật Hình sự năm 2015; "
                     "Luật Phòng, chống mua bán người; Luật Đất đai sửa đổi.")
    assert [c.title for c in cites] == ["Luật Hôn nhân và gia đình", "Luật Trẻ em", "Bộ luật Hình sự",
                                        "Luật Phòng, chống mua bán người", "Luật Đất đai"]
    assert all(c.symbol is None and c.role == "mention" for c in cites)
    # a law of one word is known by the data file (one unknown word after "Luật" names nothing)
    assert [c.title for c in cites_of("Tuyên truyền Luật Giá, Luật Dược và Luật Giáo dục.")] == [
        "Luật Giá", "Luật Dược", "Luật Giáo dục"]
    # a code printed "Bộ Luật" is the code, not a law named "Lao động"
    cites = cites_of("Tuyên truyền Bộ Luật Lao động năm 2019 và Bộ Luật Tố tụng hình sự.")
    assert [(c.type, c.title) for c in cites] == [("Bộ luật", "Bộ luật Lao động"), ("Bộ luật", "Bộ Luật Tố tụng hình sự")]


def test_a_law_that_amends_others_is_named_whole() -> None:
    # the grounds of most decisions since 2020: the amending law is one instrument with its whole
    # name, the laws it names are cited as before; lower-case after "Luật", wrapped, or amending
    # "37 luật" in one phrase
    preamble = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật "
                "tổ chức Chính phủ và Luật Tổ chức chính quyền\nđịa phương ngày 22/11/2019;\n"
                "Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 "
                "năm 2020;\nCăn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch ngày 20/11/2018;\n"
                "Căn cứ Luật số 47/2019/QH14 sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ;\n")
    cites = cites_of("Tuyên truyền Luật Khoa học và Công nghệ, Luật Phòng cháy và chữa cháy, Pháp lệnh Ưu đãi người có công "
                     "với cách mạng.", preamble=preamble)
    named = [(c.title, c.role) for c in cites if c.symbol is None]
    assert named == [
        ("Luật Tổ chức chính quyền địa phương", "basis"),
        ("Luật sửa đổi, bổ sung một số điều của Luật tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương", "basis"),
        ("Luật tổ chức Chính phủ", "basis"), ("Luật Tổ chức chính quyền địa phương", "basis"),
        ("Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều", "basis"),
        ("Luật Phòng, chống thiên tai", "basis"), ("Luật Đê điều", "basis"),
        ("Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch", "basis"),
        ("Luật Tổ chức Chính phủ", "basis"),  # what the law numbered 47/2019/QH14 amends: that law is by number
        ("Luật Khoa học và Công nghệ", "mention"), ("Luật Phòng cháy và chữa cháy", "mention"),
        ("Pháp lệnh Ưu đãi người có công với cách mạng", "mention")]
    assert [c.symbol for c in cites if c.symbol] == ["47/2019/QH14"]
    # "sửa đổi" of a law named alone is no amending law's name
    assert [c.title for c in cites_of("Góp ý dự thảo Luật Đất đai sửa đổi, bổ sung.")] == ["Luật Đất đai"]


def test_a_symbol_typed_with_the_icelandic_d_is_the_same_instrument() -> None:
    # one symbol pasted from a converter's text into a plan typed with "Đ": "1719/QÐ-TTg" (U+00D0)
    # is found (the letter had stopped the symbol: not found at all without "số"), kept as printed,
    # and is the instrument the plan names with "Đ" elsewhere
    cites = cites_of("Thực hiện Quyết định 1719/QÐ-TTg ngày 14/10/2021, Nghị định 125/2021/NÐ-CP và Quyết định số "
                     "1719/QĐ-TTg.")
    assert [(c.symbol, c.type, c.instrument) for c in cites] == [
        ("1719/Q\u00d0-TTg", "Quyết định", "1719/QĐ-TTg"), ("125/2021/N\u00d0-CP", "Nghị định", "125/2021/NĐ-CP"),
        ("1719/QĐ-TTg", "Quyết định", "1719/QĐ-TTg")]


def test_the_constitution_an_ordinance_and_a_law_whose_name_holds_so() -> None:
    # "số" ends a law's name before its number ("Luật Bảo hiểm xã hội số 41/2024/QH15"), not inside
    # its words ("Luật Dân số"); ordinances ("Pháp lệnh") are named as laws are; the Constitution is
    # one instrument however it is printed
    cites = cites_of("Tuyên truyền Pháp lệnh Dân số năm 2003, Luật Dân số và Luật Bảo hiểm xã hội số 41/2024/QH15.",
                     preamble="Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n")
    got = [(c.type, c.title, c.role) for c in cites if c.symbol is None]
    assert got == [("Hiến pháp", "Hiến pháp", "basis"), ("Pháp lệnh", "Pháp lệnh Dân số", "mention"),
                   ("Luật", "Luật Dân số", "mention"), ("Luật", "Luật Bảo hiểm xã hội", "mention")]
    assert cites_of("Theo Hiến pháp năm 2013.")[0].instrument == cites[0].instrument
    assert cites_of("bảo đảm quyền con người theo hiến pháp và pháp luật.") == []


def test_a_document_called_a_document_is_the_kind_its_symbol_says() -> None:
    # "văn bản" names any document: a symbol whose code is a kind's says which; a ministry's
    # letter ("567/BNV-CCVC") stays a document
    cites = cites_of("Theo văn bản số 09/VBHN-BLĐTBXH, Văn bản hợp nhất số 10/VBHN-VPQH, các văn bản số 12/QĐ-UBND "
                     "và Văn bản số 567/BNV-CCVC.")
    assert [(c.symbol, c.type) for c in cites] == [("09/VBHN-BLĐTBXH", "Văn bản hợp nhất"),
                                                   ("10/VBHN-VPQH", "Văn bản hợp nhất"),
                                                   ("12/QĐ-UBND", "Quyết định"), ("567/BNV-CCVC", "Văn bản")]


def test_a_law_named_in_the_preamble_is_a_basis() -> None:
    cites = cites_of("Tổ chức thực hiện.", preamble="Căn cứ Luật Bình đẳng giới ngày 29/11/2006;\n"
                     "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2025 của Ủy ban nhân dân tỉnh về thực hiện "
                     "Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030;\n")
    roles = {(c.title if c.symbol is None else c.symbol): c.role for c in cites}
    assert roles["Luật Bình đẳng giới"] == "basis"
    assert roles["45/KH-UBND"] == "basis"
    # the strategy is what 45/KH-UBND carries out, not a basis of this plan itself
    assert roles["Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030"] == "mention"


def test_instruments_added_dropped_and_kept_between_versions() -> None:
    changes = plandiff.compare_citations(load("tth-2024"), load("hue-2026"))
    assert "Kế hoạch 212/KH-UBND" in changes["dropped"]
    assert "Chỉ thị 21-CT/TW" in changes["added"]
    # cited by name in 2024 and by number in 2026: the same instrument, kept
    assert "Nghị quyết 28/NQ-CP" in changes["kept"] and "Luật Bình đẳng giới" in changes["kept"]


def test_a_date_glued_to_ngay_is_read() -> None:
    # web pages that drop the space next to a tag: "ngày29/5/2012", "ngày3 tháng 3 năm 2021"
    (slash,) = [c for c in cites_of("Triển khai Quyết định số 629/QĐ-TTg ngày29/5/2012 của Thủ tướng Chính phủ.") if c.symbol]
    (words,) = [c for c in cites_of("Triển khai Nghị quyết số 28/NQ-CP ngày3 tháng 3 năm 2021 của Chính phủ.") if c.symbol]
    assert (slash.date, words.date) == ("2012-05-29", "2021-03-03")


def test_the_year_alone_after_a_symbol_dates_it() -> None:
    # a portal's way of naming ("Quyết định 2282/QĐ-TTg năm 2020 về …"): the year, then the issuer
    # and subject read after it as after a date
    cites = [c for c in cites_of("Triển khai Kết luận 127-KL/TW năm 2025 của Ban Chấp hành Trung ương; Quyết định số 2282/QĐ-TTg "
                     "năm 2020 về phê duyệt Chương trình tăng cường sự tham gia của phụ nữ; Kế hoạch 391/KH-UBND năm 2021 "
                     "của Ủy ban nhân dân tỉnh; Nghị định 125/2021/NĐ-CP năm 2021.") if c.symbol]
    assert [(c.symbol, c.year, c.date) for c in cites] == [
        ("127-KL/TW", 2025, None), ("2282/QĐ-TTg", 2020, None), ("391/KH-UBND", 2021, None), ("125/2021/NĐ-CP", 2021, None)]
    assert cites[0].issuer == "Ban Chấp hành Trung ương"
    assert (cites[1].title or "").startswith("về phê duyệt Chương trình")
    # a year that is the work's, not the instrument's, is not taken: only right after the symbol
    (later,) = cites_of("Thực hiện Quyết định số 2282/QĐ-TTg về kết quả đạt được trong năm 2020.")
    assert later.year is None


def test_telegrams_and_schemes_are_their_own_types() -> None:
    got = {c.symbol: c.type for c in cites_of("Thực hiện Công điện số 15/CĐ-TTg ngày 1/3/2025 của Thủ tướng Chính phủ "
                                                "và Phương án số 20/PA-UBND ngày 2/3/2025 của Ủy ban nhân dân tỉnh.") if c.symbol}
    assert got == {"15/CĐ-TTg": "Công điện", "20/PA-UBND": "Phương án"}


def test_a_space_around_the_slash_of_a_symbol() -> None:
    got = {c.symbol for c in cites_of("Thực hiện Nghị quyết số 28 /NQ-CP ngày 03/3/2021 và Nghị quyết số 12/ 2021/NQ-HĐND.")
           if c.symbol}
    assert got == {"28/NQ-CP", "12/2021/NQ-HĐND"}


_DOCUMENTS = sorted(p for p in [*(FIXTURES / "field").iterdir(), *FIXTURES.iterdir(), *(DATA / "cross").iterdir(),
                                 DATA / "cantho-pypdf.txt", DATA / "cantho-pdfium.txt"]
                    if p.suffix in (".txt", ".md", ".docx") and p.name != "README.md")
"""The fixtures, and two PDF readers' text of a portal's plan (a symbol wrapped after its hyphen
in one footnote, whole in the next: "21-" / "NQ/TW", then "21-NQ/TW")."""


@pytest.mark.parametrize("path", _DOCUMENTS, ids=lambda p: p.name)
def test_each_citation_is_found_once_at_its_own_words(path) -> None:
    """Every citation points at the words it quotes, in its own clause's text (never in a child's:
    a closing paragraph after a clause's dashes is its own), and no two citations share a place —
    the same words twice in a clause, or in two rows of a table, are two places."""
    import re

    plan = plandiff.parse_file(path)
    found = plandiff.citations(plan)
    places = [(c.span.start, c.span.end) for c in found]
    assert len(places) == len(set(places)), [c.raw for c in found if places.count((c.span.start, c.span.end)) > 1]
    unmarked = re.compile(r"[*_\\]")
    for c in found:
        printed = re.sub(r"-[ \t]*\n\s*", "-", plan.source[c.span.start:c.span.end])  # (a symbol wrapped after its hyphen)
        assert unmarked.sub("", printed).split() == unmarked.sub("", c.raw).split(), (c.raw, printed)
        clause = plan.find(c.clause) if c.clause else None  # None for the preamble, footnotes, table rows
        if clause is not None:
            assert clause.span.start <= c.span.start < clause.span.end
            assert not any(k.span.start <= c.span.start < k.span.end for k in clause.children), (c.clause, c.raw)


def test_a_ministrys_code_without_its_b_is_its_own() -> None:
    """Ministries' letters carry their code without "B" ("3444/LĐTBXH-VPQGGN": the ministry, then
    its office); a code of another body is still flagged."""
    plan = plandiff.parse(HEAD + "I. NỘI DUNG\n1. Thực hiện Công văn số 3444/LĐTBXH-VPQGGN ngày 10/9/2022 của Bộ Lao "
                          "động - Thương binh và Xã hội và Công văn số 12/BYT-KH ngày 01/7/2022 của Bộ Lao động - "
                          "Thương binh và Xã hội.\n")
    _, warnings = extract(plan)
    assert not any(w.startswith("3444/") for w in warnings)
    assert any(w.startswith("12/BYT-KH:") for w in warnings)


def test_a_year_split_after_its_century_is_read() -> None:
    """A PDF's text layer that split a year ("16/7/20 21") still dates the instrument."""
    cites = cites_of("Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ quy định quy trình "
                     "rà soát hộ nghèo; Nghị định số 07/2021/NĐ-CP ngày 27 tháng 01 năm 20 21 của Chính phủ.")
    assert [(c.symbol, c.date) for c in cites] == [("24/2021/QĐ-TTg", "2021-07-16"), ("07/2021/NĐ-CP", "2021-01-27")]


def test_dashes_inside_symbols_are_hyphens() -> None:
    """Word's autocorrect and PDFs put an en dash, a non-breaking hyphen or a minus where a symbol
    has its hyphen: the same instruments, and the plan's own "SỐ: 14/KH–UBND" is its number."""
    plan = plandiff.parse("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN\nSỐ: 14/KH–UBND\n" + HEAD + "I. NỘI DUNG\n1. Thực hiện Nghị quyết "
                          "số 57–NQ/TW ngày 22/12/2024 của Bộ Chính trị, Nghị quyết số 12/2021/NQ\u2011HĐND và Quyết định "
                          "số 1719/QĐ\u2212TTg; Văn bản số 05/2026/VLN/CV–LV của Công ty A.\n")
    assert plan.meta.number == "14/KH-UBND"
    assert {c.symbol for c in plandiff.citations(plan) if c.symbol} == {
        "57-NQ/TW", "12/2021/NQ-HĐND", "1719/QĐ-TTg", "05/2026/VLN/CV-LV"}


_SPACES = " \n\t\u00a0\u2003"


@given(words=st.lists(st.sampled_from(["Luật", "số", "28/NQ-CP", "ngày", "Nghị", "định", "luật", "Lu", "ật", "-"]), min_size=1, max_size=4),
       pieces=st.lists(st.one_of(st.sampled_from(["Luật", "số", "28/NQ-CP", "ngày", "Nghị", "định", "luật", "ật", "-", "x"]),
                                 st.text(alphabet=_SPACES, min_size=1, max_size=3)), max_size=40),
       start=st.integers(0, 30), end=st.integers(0, 200))
@example(words=["số", "số"], pieces=["số", " ", "số", "\n", "số", " ", "x"], start=0, end=200)  # the next after the end
@example(words=["Luật", "số"], pieces=["Luật", "\u00a0", "số"], start=0, end=7)  # the end cuts the words
@settings(max_examples=400, deadline=None)
def test_printed_words_are_found_where_their_pattern_finds_them(words: list[str], pieces: list[str], start: int, end: int) -> None:
    """A citation is looked up in the source without compiling a pattern: the same places as the
    pattern of its words joined by \\s+ (case kept), from a start to an end, one after another."""
    from plandiff.cite.vocabulary import Printed

    text = "".join(pieces)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    want = [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
    got = [(s.start, s.end) for s in Printed(" ".join(words)).finditer(text, start, end)]
    assert got == want
    first = pattern.search(text, start)
    found = Printed(" ".join(words)).search(text, start)
    if first is None:
        assert found is None
    else:
        assert found is not None and (found.start, found.end) == (first.start(), first.end())


@pytest.mark.parametrize(("text", "symbol", "issuer", "title"), [
    # An Giang's plan 533/KH-UBND (2018): the issuer named, then the sentence goes on
    ("- Quán triệt, triển khai Chỉ thị số 21-CT/TW, Kế hoạch số 52-KH/TU của Ban Bí thư đến với mọi tầng lớp "
     "Nhân dân trên địa bàn tỉnh.", "52-KH/TU", "Ban Bí thư", None),
    # a kindergarten's plan (Phước Lý, 2023): another instrument's name right after the issuer's
    ("Thực hiện Kế hoạch số 353/KH-PGDĐT ngày 28/02/2023 của Phòng Giáo dục Đào tạo Kế hoạch công tác gia đình "
     "và phòng chống bạo lực gia đình năm 2023;", "353/KH-PGDĐT", "Phòng Giáo dục Đào tạo", None),
    # Tây Ninh's decision 1100/QĐ-UBND (2021): "về" dropped before "việc ban hành"
    ("Căn cứ Nghị quyết số 28/NQ-CP ngày 03 tháng 3 năm 2021 của Chính phủ việc ban hành Chiến lược quốc gia về "
     "bình đẳng giới giai đoạn 2021 - 2030;", "28/NQ-CP", "Chính phủ",
     "ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030"),
    # a body whose name holds an instrument's word
    ("Căn cứ Công văn số 126/SKHĐT ngày 23/01/2007 của Sở Kế hoạch và Đầu tư về việc lập kế hoạch;", "126/SKHĐT",
     "Sở Kế hoạch và Đầu tư", "về việc lập kế hoạch"),
    ("Căn cứ Thông tư số 10/2021/TT-BNNPTNT ngày 11/8/2021 của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn "
     "quy định về quan trắc;", "10/2021/TT-BNNPTNT", "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn", "quy định về quan trắc"),
    # "và" after a body's name that does not go on with it still ends it
    ("Thực hiện Công văn số 9973/UBND-XH ngày 19/9/2023 của Ủy ban nhân dân tỉnh và Tháng hành động vì bình đẳng giới;",
     "9973/UBND-XH", "Ủy ban nhân dân tỉnh", None),
])
def test_the_issuer_ends_where_its_name_does(text: str, symbol: str, issuer: str, title: str | None) -> None:
    c = next(c for c in cites_of("Tuyên truyền.", preamble=text) if c.symbol == symbol)
    assert (c.issuer, c.title) == (issuer, title)


def test_a_date_in_words_without_its_ngay() -> None:
    # Tây Ninh's decision 1100/QĐ-UBND (2021) dates a submission without "ngày"
    c = next(c for c in cites_of("Tuyên truyền.", preamble="Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội "
                                 "tại Tờ trình số 1167/TTr-SLĐTBXH 13 tháng 5 năm 2021.")
             if c.symbol == "1167/TTr-SLĐTBXH")
    assert (c.date, c.year) == ("2021-05-13", 2021)


def test_a_notice_of_conclusions_is_a_notice() -> None:
    """"Thông báo kết luận số 45-TB/TU": the type is the notice its code says, not "Kết luận"."""
    got = {c.symbol: c for c in cites_of("Tuyên truyền.", preamble="Căn cứ Thông báo kết luận số 45-TB/TU ngày 3/4/2024 "
                                         "của Ban Thường vụ Tỉnh ủy; Kết luận số 127-KL/TW ngày 28/02/2025 của Bộ Chính trị;")}
    assert (got["45-TB/TU"].type, got["45-TB/TU"].issuer) == ("Thông báo", "Ban Thường vụ Tỉnh ủy")
    assert got["127-KL/TW"].type == "Kết luận"


def test_grounds_listed_as_bullets_under_their_opener_are_the_basis() -> None:
    plan = plandiff.parse(HEAD + "Căn cứ:\n- Luật Bình đẳng giới ngày 29/11/2006;\n- Nghị quyết số 28/NQ-CP ngày 03/3/2021 "
                          "của Chính phủ;\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\nI. NỘI DUNG\n1. Thực hiện "
                          "Quyết định số 1790/QĐ-TTg ngày 23/10/2021 của Thủ tướng Chính phủ.\n")
    roles = {(c.symbol or c.title): c.role for c in plandiff.citations(plan)}
    assert roles == {"Luật Bình đẳng giới": "basis", "28/NQ-CP": "basis", "1790/QĐ-TTg": "mention"}


def test_a_special_zones_committee_is_the_authority_of_its_plan() -> None:
    """An đặc khu (a special zone, since 2025) names its committee as a commune does: its plan is
    known by the zone's name, not by the province's or by whoever cites it."""
    cites = cites_of("Căn cứ Kế hoạch số 125/KH-UBND ngày 12/9/2025 của Ủy ban nhân dân đặc khu Phú Quốc "
                     "về phòng, chống thiên tai năm 2026;")
    assert [(c.issuer, c.instrument) for c in cites] == [
        ("Ủy ban nhân dân đặc khu Phú Quốc", "125/KH-UBND@phú quốc/2025")]


def test_an_issuer_whose_name_opens_on_an_accented_capital() -> None:
    """ "Ủy ban …" opens on a capital outside A–Z: the committee of another province (a hyphen in its
    name), the National Assembly's standing committee and a joint resolution are read whole — the
    other province's decision was taken for the citing city's own."""
    cites = cites_of("Thực hiện Quyết định số 1179/QĐ-UBND ngày 20/4/2022 của Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu "
                     "về ban hành Kế hoạch phòng chống thiên tai; Nghị quyết số 76/2025/UBTVQH15 ngày 14/4/2025 "
                     "của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính năm 2025; Nghị quyết liên tịch số "
                     "01/2015/NQLT-CP-ĐCTUBTWMTTQVN ngày 16/10/2015 về phối hợp công tác.")
    assert [(c.type, c.issuer, c.instrument) for c in cites] == [
        ("Quyết định", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "1179/QĐ-UBND@bà rịa - vũng tàu/2022"),
        ("Nghị quyết", "Ủy ban Thường vụ Quốc hội", "76/2025/UBTVQH15"),
        ("Nghị quyết liên tịch", None, "01/2015/NQLT-CP-ĐCTUBTWMTTQVN"),
    ]
    assert cites[1].title == "về sắp xếp đơn vị hành chính năm 2025"


def test_a_forms_or_a_standards_number_is_no_instrument() -> None:
    """ "Mẫu số 01/BC-UBND", "Phụ lục số 03/PL-STC" number a form and an appendix; "QCVN 08:2023/BTNMT"
    is a technical standard whose year only looks like a number with a code (it was "2023/BTNMT", a
    "Công văn"). The circular beside them is cited."""
    cites = cites_of("Quan trắc theo QCVN 08:2023/BTNMT và TCVN 5945:2005/BKHCN; báo cáo theo Mẫu số 01/BC-UBND, "
                     "Phụ lục số 03/PL-STC và Biểu mẫu số 02/KH của Thông tư số 10/2021/TT-BTNMT ngày 30/6/2021.")
    assert [c.symbol for c in cites] == ["10/2021/TT-BTNMT"]


def test_a_party_symbol_whose_hyphen_a_tool_dropped_at_a_line_end() -> None:
    """pdftotext joins a line that ended on a hyphen to the next without it ("21-" / "NQ/TW" reads
    "21NQ/TW"): a Party document's kind and body after the number still make its symbol; digits
    run into other letters do not ("123QĐ/UBND", "12AB/CD")."""
    got = {c.symbol: c for c in cites_of("Thực hiện Nghị quyết số 21NQ/TW ngày 25/10/2017 của Hội nghị Trung ương; "
                                         "Chỉ thị số 17CT/TU ngày 07/03/2022 của Ban Thường vụ Tỉnh ủy; "
                                         "Quyết định 123QĐ/UBND; mã 12AB/CD.")}
    assert set(got) == {"21-NQ/TW", "17-CT/TU"}
    assert (got["21-NQ/TW"].type, got["21-NQ/TW"].date) == ("Nghị quyết", "2017-10-25")
    assert got["17-CT/TU"].type == "Chỉ thị"


def test_a_symbol_wrapped_after_its_hyphen_is_placed_in_its_own_clause() -> None:
    """"… theo Kết luận số 75-" / "KL/TW …" in a point, the same words unwrapped in the title: the
    point's citation stands in the point (it was placed on the title's words, found twice)."""
    plan = plandiff.parse("CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Kết luận số 75-KL/TW về bảo vệ môi trường\n\n"
                          "I. MỤC ĐÍCH\n1. Mục đích\n- Cụ thể hóa các nhiệm vụ theo Kết luận số 75-\nKL/TW, phù hợp với điều kiện của tỉnh.\n")
    point = plan.find("I.1").children[0]
    (cited,) = [c for c in plandiff.citations(plan) if c.clause == point.id]
    assert point.span.start <= cited.span.start < point.span.end and cited.symbol == "75-KL/TW"


def test_a_name_learned_from_a_subject_keeps_its_type_in_lower_case() -> None:
    """"Quyết định số 112/QĐ-TTg … ban hành Chương trình phát triển công tác xã hội …" teaches the
    programme's name; a later "chương trình phát triển công tác xã hội …" in a sentence is that
    programme, of type "Chương trình" (it had been a "Văn bản")."""
    found = cites_of("Triển khai chương trình phát triển công tác xã hội giai đoạn 2021 - 2030 trên địa bàn.",
                     "Căn cứ Quyết định số 112/QĐ-TTg ngày 22/01/2021 của Thủ tướng Chính phủ ban hành Chương trình "
                     "phát triển công tác xã hội giai đoạn 2021 - 2030;")
    named = [c for c in found if c.symbol is None and c.clause == "I.1"]
    assert [(c.type, c.title) for c in named] == [("Chương trình", "chương trình phát triển công tác xã hội giai đoạn 2021 - 2030")]


@pytest.mark.parametrize("name", ["Luật khoáng sản", "Luật thương mại", "Luật quy hoạch", "Luật đất đai"])
def test_a_known_law_is_found_however_its_name_is_capitalised(name: str) -> None:
    """A law the data file knows is found with its name's words in lower case after "Luật" (a
    typist's; the name must otherwise open with a capital), and named as printed."""
    found = cites_of("Triển khai thực hiện.", f"Căn cứ {name} ngày 17 tháng 11 năm 2010;")
    assert [(c.type, c.title, c.role) for c in found if c.symbol is None] == [("Luật", name, "basis")]


@pytest.mark.parametrize("name", ["cantho-danso-2025", "hanoi-5giot-2025", "daklak-thidua-2025", "bacninh-ktso-2025",
                                  "nghean-phongthudansu-2025"])
def test_grounds_whose_lines_a_converter_made_paragraphs_stay_the_basis(name: str) -> None:
    """A PDF or a Word file converted from one breaks a preamble's sentences into paragraphs ("… về
    việc phê duyệt" / "Chiến lược …"; "… Chỉ thị số 27/CT-TTg);" / "Công văn số 6676/BYT-CDS …"):
    every ground the page names is still the basis, and its subject reads as one line."""
    text = (FIXTURES / "field" / f"{name}.md").read_text(encoding="utf-8")
    plan = plandiff.parse_text(text)
    first = re.search(r"\s+".join(map(re.escape, plan.preamble.split()[:4])), text)
    assert first is not None
    end = re.compile(r"^\W*I\.", re.M).search(text, first.start())
    assert end is not None
    broken = text[:first.start()] + text[first.start():end.start()].replace("\n", "\n\n") + text[end.start():]
    was = plandiff.citations(plan)
    reparsed = plandiff.parse_text(broken)
    assert len(reparsed.preamble.split("\n")) > len(plan.preamble.split("\n"))
    now = plandiff.citations(reparsed)
    assert sorted(c.instrument for c in now if c.role == "basis") == sorted(c.instrument for c in was if c.role == "basis")
    assert all("\n" not in (c.title or "") and "\n" not in (c.issuer or "") for c in now)


def test_a_subject_ends_at_a_colon_that_ends_its_line() -> None:
    cites = cites_of("Tiếp tục triển khai Kế hoạch số 111/KH-UBND ngày 24/4/2024 của UBND thành phố về thực hiện "
                     "công tác bình đẳng giới năm 2024 bằng các hình thức:\nXây dựng, phát hành tài liệu;")
    assert [c.title for c in cites] == ["về thực hiện công tác bình đẳng giới năm 2024 bằng các hình thức"]
