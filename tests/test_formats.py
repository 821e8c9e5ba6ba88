"""The same plan read from .docx (typed and auto-numbered labels, footnotes), .pdf, .html and
legacy encodings gives the same tree, metadata and citations as its text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from plandiff_cli.main import cli

import plandiff
from plandiff.cite.citations import citations
from plandiff.parsing.audit import lost_and_invented
from plandiff.read import fallback, legacy
from plandiff.read.pdf_notes import Run, split_notes
from plandiff.textnorm import match_key
from tests import builders
from tests.conftest import DATA, FIXTURES, load

META_FIELDS = ("number", "date", "year", "place", "issuer", "jurisdiction", "doc_type", "title", "signer")


def shape(plan: plandiff.Plan) -> list[tuple[str, str, int]]:
    return [(c.kind, match_key(c.text)[:60], len(c.children)) for c in plan.walk()]


def assert_same_plan(got: plandiff.Plan, want: plandiff.Plan, *, labels: bool = True) -> None:
    assert shape(got) == shape(want)
    if labels:
        assert [c.id for c in got.walk()] == [c.id for c in want.walk()]
    for f in META_FIELDS:
        assert getattr(got.meta, f) == getattr(want.meta, f), f
    assert sorted({c.instrument for c in citations(got)}) == sorted({c.instrument for c in citations(want)})


@pytest.mark.parametrize("name", ["tth-2024", "hue-2026", "anlao-2024"])
def test_docx_with_typed_labels(name: str) -> None:
    want = load(name)
    got = plandiff.parse(builders.to_docx(want))
    assert got.meta.source_format == "docx"
    assert_same_plan(got, want)


def test_docx_with_automatic_numbering_rebuilds_the_labels() -> None:
    want = load("tth-2024")
    got = plandiff.parse(builders.to_docx(want, auto_numbering=True))
    assert_same_plan(got, want, labels=False)
    # Word numbers points a, b, c, d, e, f (it has no đ): the labels are what a reader sees
    assert [c.label for c in got.find("IV.1").children] == ["a)", "b)", "c)", "d)", "e)", "f)"]
    assert [c.label for c in got.clauses] == ["I.", "II.", "III.", "IV.", "V."]
    assert got.find("IV.15.b.-1").label == "-"


def test_docx_sub_items_and_footnotes() -> None:
    want = load("hungyen-2024")
    got = plandiff.parse(builders.to_docx(want, auto_numbering=True, footnotes=True))
    assert got.find("II.4.1").label == "4.1."
    assert [(f.label, f.clause) for f in got.footnotes] == [(f.label, f.clause) for f in want.footnotes]
    assert [f.text for f in got.footnotes] == [f.text for f in want.footnotes]
    assert got.find("II.1").text == want.find("II.1").text
    from plandiff.parsing.audit import lost_and_invented

    assert lost_and_invented(got) == lost_and_invented(want)


@pytest.mark.skipif(not builders.FONT.exists(), reason="needs the DejaVu font (Debian fonts-dejavu-core)")
@pytest.mark.parametrize("name", ["tth-2024", "anlao-2024"])
def test_pdf_text_layer(name: str) -> None:
    pytest.importorskip("fpdf")
    want = load(name)
    got = plandiff.parse(builders.to_pdf(want))
    assert got.meta.source_format == "pdf"
    assert_same_plan(got, want)


@pytest.mark.skipif(not builders.FONT.exists(), reason="needs the DejaVu font (Debian fonts-dejavu-core)")
def test_encrypted_and_scanned_pdf_are_refused_clearly() -> None:
    pytest.importorskip("fpdf")
    with pytest.raises(plandiff.errors.EncryptedDocument, match="encrypted"):
        plandiff.parse(builders.to_pdf(load("anlao-2024"), encrypt="secret"))
    with pytest.raises(plandiff.errors.NoTextLayer, match="OCR"):
        plandiff.parse(builders.scanned_pdf())
    data = builders.to_pdf(load("anlao-2024"))
    with pytest.raises(plandiff.errors.CorruptDocument):
        plandiff.parse(data[: len(data) // 3])


@pytest.mark.skipif(not builders.FONT.exists(), reason="needs the DejaVu font (Debian fonts-dejavu-core)")
@pytest.mark.parametrize("name", ["tth-2023", "tth-2024", "hue-2026", "anlao-2024"])  # not hungyen: no footnotes drawn
def test_a_pdf_whose_accented_letters_were_drawn_after_each_line_is_read_by_position(name: str) -> None:
    """Read in drawing order its text is "Th c hi n … ự ệ"; read where the glyphs stand, it is
    the plan, nothing lost."""
    pytest.importorskip("fpdf")
    from io import BytesIO

    import pypdf

    from plandiff.read.pdf import GARBLED_SHARE, broken_share

    want = load(name)
    data = builders.fallback_font_pdf(want)
    drawn = [p.extract_text() for p in pypdf.PdfReader(BytesIO(data)).pages]
    assert broken_share(drawn) >= GARBLED_SHARE > broken_share([want.source]) * 10
    got = plandiff.parse(data)
    assert got.meta.source_format == "pdf"
    assert_same_plan(got, want)
    assert lost_and_invented(got) == lost_and_invented(want)


@pytest.mark.skipif(not builders.FONT.exists(), reason="needs the DejaVu font (Debian fonts-dejavu-core)")
@pytest.mark.parametrize("name", ["tth-2024", "anlao-2024"])
def test_letters_drawn_from_a_wider_font_keep_the_space_after_them(name: str) -> None:
    """LibreOffice draws a letter its font lacks from a wider one, over the start of the space
    after it, and draws no space there ("THỨ XIII" read as "THỨXIII"): a smaller gap after such
    a letter is still a space, and no word is glued to the next."""
    pytest.importorskip("fpdf")
    want = load(name)
    got = plandiff.parse(builders.fallback_font_pdf(want, overshoot=0.2))
    drawn_in_place = plandiff.parse(builders.fallback_font_pdf(want))
    assert got.source.split() == drawn_in_place.source.split()
    assert_same_plan(got, want)


@pytest.mark.skipif(not builders.FONT.exists(), reason="needs the DejaVu font (Debian fonts-dejavu-core)")
@pytest.mark.parametrize("name", ["tth-2024", "anlao-2024"])
def test_syllables_a_wider_hooked_letter_split_are_whole_again(name: str) -> None:
    """A letter with a hook above drawn from a wider font leaves a gap after it that the text layer
    reads as a space ("củ a", "giả i", "đả o": a LibreOffice export whose font lacks the letter):
    the syllable is whole again, where the piece after the gap is no word of its own."""
    pytest.importorskip("fpdf")
    want = load(name)
    got = plandiff.parse(builders.fallback_font_pdf(want, hook_gap=0.8))
    assert not re.search(r"\b(?:củ a|giả i|đả o|bả o)\b", got.source)
    assert_same_plan(got, want)
    # a word after a hooked one stays a word: "cơ sở y tế", "trẻ em"
    from plandiff.read.pdf import _rejoined

    assert _rejoined("cơ sở y tế cho trẻ em; hiệu quả y tế củ a tỉnh, cấp ủ y") == "cơ sở y tế cho trẻ em; hiệu quả y tế của tỉnh, cấp ủy"


@pytest.mark.skipif(not builders.FONT.exists(), reason="needs the DejaVu font (Debian fonts-dejavu-core)")
def test_a_pdf_garbled_on_the_page_itself_is_refused_clearly(tmp_path: Path) -> None:
    """Its accented letters drawn after each line's end: no reading order gives the words back,
    so a clear error, never a parse of broken words."""
    pytest.importorskip("fpdf")
    path = tmp_path / "garbled.pdf"
    path.write_bytes(builders.fallback_font_pdf(load("tth-2024"), in_place=False))
    with pytest.raises(plandiff.errors.GarbledTextLayer, match="OCR"):
        plandiff.parse(path)
    done = CliRunner().invoke(cli, ["parse", str(path)])
    lines = done.output.strip().splitlines()
    assert done.exit_code == 2 and len(lines) == 1 and lines[0].startswith("plandiff: ")
    assert "accented letters apart" in lines[0]


@pytest.mark.parametrize("layout", ["br", "p"])
@pytest.mark.parametrize("name", ["hanoi-5giot-2025", "thanhhoa-quantracts-2025", "cantho-danso-2025"])
def test_a_portal_page_whose_lines_break_with_br_reads_as_its_text(name: str, layout: str) -> None:
    """A portal's page sets each paragraph apart and breaks its lines with <br> (inside headings
    too: "I. MỤC ĐÍCH,<br>YÊU CẦU"), or sets each printed line in a <p> of its own (footnotes too:
    "[1]", then its lines): the same tree, headings, footnotes and citations as the same text read
    from the page's Markdown."""
    import html

    text = (FIXTURES / "field" / f"{name}.md").read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    if layout == "br":
        page = "".join("<p>" + "<br>\n".join(html.escape(ln).replace("*", "") for ln in b.splitlines()) + "</p>\n"
                       for b in blocks)
    else:
        page = "".join(f"<p>{html.escape(ln).replace('*', '')}</p>\n" for ln in text.splitlines() if ln.strip())
    got = plandiff.parse(f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{page}</body></html>'.encode())
    want = plandiff.parse_file(FIXTURES / "field" / f"{name}.md")
    assert got.meta.source_format == "html"
    if layout == "br":
        assert [(c.id, c.heading) for c in got.walk()] == [(c.id, c.heading) for c in want.walk()]
    else:  # the page's printed lines are the Markdown's, wrapped anywhere: the sections and their headings
        assert [(c.id, c.heading) for c in got.clauses if c.label] == [(c.id, c.heading) for c in want.clauses if c.label]
    assert (got.meta.title, got.meta.signer, len(got.footnotes)) == (want.meta.title, want.meta.signer, len(want.footnotes))
    assert {c.symbol for c in citations(got)} == {c.symbol for c in citations(want)}


@pytest.mark.skipif(not builders.FONT.exists(), reason="needs the DejaVu font (Debian fonts-dejavu-core)")
@pytest.mark.parametrize("name", ["tth-2024", "anlao-2024"])
def test_a_word_file_with_a_paragraph_per_printed_line_reads_as_its_pdf(name: str) -> None:
    """A Word file (or a web page) made from a PDF — a converter's or OCR's — holds each printed
    line as a paragraph: its lines join as the PDF's do — the same plan as the PDF itself."""
    pytest.importorskip("fpdf")
    from io import BytesIO

    import pypdf

    want = load(name)
    pdf = builders.to_pdf(want)
    lines = [ln for page in pypdf.PdfReader(BytesIO(pdf)).pages for ln in page.extract_text().splitlines() if ln.strip()]
    got = plandiff.parse(builders.raw_docx("".join(builders._para(ln) for ln in lines)))
    assert got.meta.source_format == "docx"
    assert_same_plan(got, plandiff.parse(pdf))
    assert_same_plan(got, want)
    # and a web page made so, a <p> a printed line
    import html

    page = "".join(f"<p>{html.escape(ln)}</p>\n" for ln in lines)
    got = plandiff.parse(f'<html><head><meta charset="utf-8"></head><body>{page}</body></html>'.encode())
    assert got.meta.source_format == "html"
    assert_same_plan(got, want)


def _typed(text: str, encoding: str) -> str:
    """Text as a legacy font's bytes read as Windows-1252 characters ("KÕ ho¹ch")."""
    from plandiff.read.legacy import encode_tcvn3, encode_vni

    return (encode_vni(text) if encoding == "vni" else encode_tcvn3(text)).decode("cp1252")


def _legacy_font_docx(lines: list[str], encoding: str) -> bytes:
    """A .docx typed as an office typed one before Unicode: the header in Times New Roman, lines
    in capitals in the TCVN3 capitals' font (or all in VNI-Times), the rest in the default
    paragraph style's legacy font — each run holds its encoding's bytes as Windows-1252 characters."""
    from xml.sax.saxutils import escape

    def typed(text: str) -> str:
        return _typed(text, encoding)

    body_font = "VNI-Times" if encoding == "vni" else ".VnTime"
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{builders.W}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
              f'<w:rPr><w:rFonts w:ascii="{body_font}" w:hAnsi="{body_font}"/></w:rPr></w:style></w:styles>')
    paras = []
    header = True
    for line in lines:
        header = header and not line.strip().startswith("KẾ HOẠCH")
        if header:
            font, text = "Times New Roman", line
        elif encoding != "vni" and line == line.upper():
            font, text = ".VnTimeH", typed(line)
        else:
            font, text = None, typed(line)
        rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
        paras.append(f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    return builders.raw_docx("".join(paras), extra={"word/styles.xml": styles.encode()})


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_word_file_typed_in_a_legacy_font_reads_as_its_letters(encoding: str) -> None:
    """Runs set in a TCVN3 font (".VnTime", ".VnTimeH" for capitals) or a VNI one hold the
    encoding's bytes, not letters: the plan reads as the letters the fonts draw."""
    want = load("tth-2024")
    lines = [ln for ln in (FIXTURES / "tth-2024.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    got = plandiff.parse(_legacy_font_docx(lines, encoding))
    assert got.meta.title == want.meta.title and got.meta.issuer == want.meta.issuer
    assert_same_plan(got, want)
    assert [c.instrument for c in citations(got)] == [c.instrument for c in citations(want)]
    lost, invented = lost_and_invented(got)
    assert not lost and not invented


def test_text_drawn_off_the_page_is_not_read() -> None:
    """A browser's print of a page draws some letters again below the page's bottom (fallback
    glyphs of a bold heading with stacked accents: "Ố Ể Ắ"): no reader sees them, and they are
    no line of the plan."""
    pytest.importorskip("fpdf")
    lines = [ln.strip() for ln in (FIXTURES / "tth-2024.txt").read_text(encoding="utf-8").splitlines() if ln.strip()][:40]
    clean = builders.lines_pdf(lines)
    marked = builders.lines_pdf(lines)
    marked.text(10, marked.h + 4, "Ố Ể Ắ Ồ Ủ Ả")  # 4 mm below the page's bottom edge
    want, got = plandiff.parse(bytes(clean.output())), plandiff.parse(bytes(marked.output()))
    assert "Ố Ể Ắ" not in got.source
    assert_same_plan(got, want)
    lost, invented = lost_and_invented(got)
    assert not lost and not invented


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_pdf_or_a_text_typed_in_a_legacy_font_whose_font_was_lost(encoding: str) -> None:
    """A PDF's text layer (or a text copied out of one) of a plan typed in a TCVN3 or VNI font
    holds the bytes as Windows-1252 characters, no font to tell: each line that reads as
    Vietnamese only decoded is decoded — a header typed in Unicode is left as it is."""
    pytest.importorskip("fpdf")
    want = load("tth-2024")
    lines = [ln.strip() for ln in (FIXTURES / "tth-2024.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    head = next(i for i, ln in enumerate(lines) if ln.startswith("KẾ HOẠCH"))
    typed = lines[:head] + [_typed(ln, encoding) for ln in lines[head:]]
    for got in (plandiff.parse(bytes(builders.lines_pdf(typed).output())), plandiff.parse("\n".join(typed))):
        assert (got.meta.issuer, got.meta.number, got.meta.title) == (want.meta.issuer, want.meta.number, want.meta.title)
        assert_same_plan(got, want)
        assert [c.instrument for c in citations(got)] == [c.instrument for c in citations(want)]
        lost, invented = lost_and_invented(got)
        assert not lost and not invented


@pytest.mark.parametrize("line", ["Kinh phí", "Đại học Göttingen (Đức) © 2024", "Göttingen © 2024", "Hà Nội, ngày 5",
                                  "Số liệu 15 m³ nước/ngày; 2 × 3 m", "Kinh ph\xadí", "Kinh phí 2×3"])
def test_a_line_typed_in_unicode_is_never_decoded(line: str) -> None:
    from plandiff.read.legacy import repair_font_typed

    assert repair_font_typed(line) == line
    assert repair_font_typed("\n".join([line, _typed("Thực hiện công tác bình đẳng giới", "tcvn3")])).split("\n")[0] == line


def test_a_word_file_typed_in_markdown_reads_as_the_markdown() -> None:
    """A page copied as Markdown into Word keeps its "##" headings and "**" as typed characters:
    the file is read as the Markdown it holds, not as text that opens with "#"."""
    source = (FIXTURES / "tth-2023.md").read_text(encoding="utf-8")
    got = plandiff.parse(builders.raw_docx("".join(builders._para(ln) for ln in source.splitlines() if ln.strip())))
    assert got.meta.source_format == "docx"
    assert_same_plan(got, plandiff.parse(source))


@pytest.mark.parametrize("name", ["tth-2024", "hungyen-2024"])
def test_a_page_showing_the_plain_text_in_pre(name: str, tmp_path: Path) -> None:
    """A portal that shows a plan's text as is, in <pre>: its line breaks kept (they were spaces:
    the whole plan one line, "not a plan") and laid out as the text's — the same plan."""
    import html

    want = load(name)
    page = tmp_path / f"{name}.html"
    page.write_text(f"<html><head><meta charset='utf-8'><title>{name}</title></head><body><nav>Trang chủ</nav>"
                    f"<div class='content'><pre>{html.escape(want.source)}</pre></div></body></html>", encoding="utf-8")
    got = plandiff.parse_file(page)
    assert got.meta.source_format == "html"
    assert [(c.id, c.text) for c in got.walk()] == [(c.id, c.text) for c in want.walk()]
    assert (got.meta.number, got.meta.title, got.meta.signer, len(got.footnotes)) == (
        want.meta.number, want.meta.title, want.meta.signer, len(want.footnotes))


def test_html_page_of_a_portal() -> None:
    want = load("tth-2024")
    got = plandiff.parse(builders.to_html(want).encode("utf-8"))
    assert got.meta.source_format == "html"
    assert_same_plan(got, want)
    assert "Trang chủ" not in plandiff.render_outline(got)


@pytest.mark.parametrize("mess", ["nbsp", "zero-width"])
@pytest.mark.parametrize("name", ["hcm-thientai-2025", "bacninh-ktso-2025"])
def test_web_spaces_and_invisible_characters(name: str, mess: str) -> None:
    """Text copied from a web page: every space a no-break space (&nbsp;), or zero-width spaces
    and soft hyphens between words — the same plan as the clean text, nothing lost."""
    text = (FIXTURES / "field" / f"{name}.md").read_text(encoding="utf-8")
    if mess == "nbsp":
        messy = text.replace(" ", "\u00a0")
    else:
        messy = " ".join(w + ("\u200b" if k % 3 == 0 else "\u00ad" if k % 7 == 0 else "") for k, w in enumerate(text.split(" ")))
    got, want = plandiff.parse(messy), plandiff.parse(text)
    assert [(c.id, c.text) for c in got.walk()] == [(c.id, c.text) for c in want.walk()]
    assert (got.meta.number, got.meta.date, got.meta.title, got.meta.signer) == (
        want.meta.number, want.meta.date, want.meta.title, want.meta.signer)
    assert [c.symbol for c in citations(got)] == [c.symbol for c in citations(want)]
    assert lost_and_invented(got) == (Counter(), Counter())


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings(codec: str) -> None:
    want = load("tth-2024")
    data = want.source.encode(codec)  # utf-16-le/-be carry no BOM: detected from the NUL pattern
    got = plandiff.parse(data)
    assert_same_plan(got, want)


def _to_cp1258(text: str) -> bytes:
    """Windows-1258 writes tone marks as combining characters after a (possibly precomposed) base."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
        shape = [m for m in marks if m not in tones]
        out += unicodedata.normalize("NFC", base + "".join(shape)).encode("cp1258") + "".join(tones).encode("cp1258")
    return bytes(out)


def test_windows_1258() -> None:
    want = load("anlao-2024")
    got = plandiff.parse(_to_cp1258(want.source))
    assert got.meta.encoding == "windows-1258"
    assert_same_plan(got, want)


def test_tcvn3() -> None:
    # TCVN3 has no upper-case toned letters (they came from a separate font, ".VnTimeH"): a word of
    # capitals is read in capitals ("HO¹CH" → "HOẠCH"), so the header and headings read as typed
    want = load("tth-2024")
    got = plandiff.parse(legacy.encode_tcvn3(want.source))
    assert got.meta.encoding == "tcvn3"
    assert (got.meta.issuer, got.meta.doc_type, got.meta.title) == (want.meta.issuer, want.meta.doc_type, want.meta.title)
    assert_same_plan(got, want)
    assert got.find("II.1").text == want.find("II.1").text
    assert got.find("I").text == want.find("I").text == "MỤC ĐÍCH, YÊU CẦU"


def test_vni() -> None:
    want = load("hue-2026")
    got = plandiff.parse(legacy.encode_vni(want.source))
    assert got.meta.encoding == "vni"
    assert_same_plan(got, want)


@pytest.mark.skipif(not builders.FONT.exists(), reason="needs the DejaVu font (Debian fonts-dejavu-core)")
def test_pdf_running_headers_and_page_numbers_are_dropped() -> None:
    pytest.importorskip("fpdf")
    want = load("tth-2024")
    got = plandiff.parse(builders.to_pdf_with_running_lines(want))
    assert_same_plan(got, want)
    assert "Cổng thông tin" not in plandiff.render_outline(got)
    assert not any(re.search(r"Trang \d+", c.text) for c in got.walk())


def test_docx_text_box_is_read_once() -> None:
    data = builders.docx_with_text_box("DỰ THẢO", ["KẾ HOẠCH", "Thử nghiệm", "I. NỘI DUNG", "1. Việc thứ nhất."])
    plan = plandiff.parse(data)
    assert [c.id for c in plan.walk()] == ["I", "I.1"]
    assert plan.source.count("DỰ THẢO") == 1


def test_docx_heading_and_bold_hints_are_kept() -> None:
    want = load("tth-2024")
    got = plandiff.parse(builders.to_docx(want, styled=True))
    assert_same_plan(got, want)  # hints do not change the tree
    texts = {(h.kind, got.source[h.span.start:h.span.end]) for h in got.hints}
    assert ("heading", "KẾ HOẠCH") in texts
    assert ("bold", "II. NỘI DUNG") in texts
    assert ("bold", "1. Sở Lao động - Thương binh và Xã hội") in texts
    assert not any(t.startswith("a)") for _, t in texts)
    assert plandiff.parse(want.source).hints == ()


def test_a_pdf_printed_from_narrow_table_cells_keeps_its_header_and_recipients() -> None:
    """Each cell of the header wrapped in a narrow column and drawn row by row: the issuer under
    its parent, the motto's last word on a line of its own, "S" drawn apart from "ố:". The
    recipients' markers were shapes, not text: each ";" still ends one. The title ran over four
    short lines."""
    data = builders.narrow_header_pdf(
        rows=[("UBND TỈNH LÀO\nCAI", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT\nNAM"),
              ("SỞ CÔNG\nTHƯƠNG", "Độc lập - Tự do - Hạnh phúc"),
              ("S\nố: 12/KH-SCT", "Lào Cai, ngày 3 tháng 4 năm 2026")],
        body=["KẾ HOẠCH", "Kiểm tra, cấp Giấy chứng nhận huấn luyện kỹ thuật an", "toàn",
              "vật liệu nổ công nghiệp, tiền chất thuốc nổ trên địa bàn", "tỉnh Lào Cai",
              "Căn cứ Nghị định số 181/2024/NĐ-CP ngày 31/12/2024 của Chính phủ;",
              "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Bảo đảm an toàn trong hoạt động vật liệu nổ.",
              "II. TỔ CHỨC THỰC HIỆN", "Phòng Kỹ thuật an toàn chủ trì thực hiện./."],
        recipients=["Ban Giám đốc Sở;", "CT, PCT UBND TỈNH;", "UBND các xã, phường;", "Công an tỉnh (phối hợp);",
                    "Lưu: VT, KTAT."],
        signature=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân"],
    )
    plan = plandiff.parse(data)
    m = plan.meta
    assert (m.issuer, m.parent_issuer) == ("SỞ CÔNG THƯƠNG", "UBND TỈNH LÀO CAI")
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in m.motto
    assert m.number == "12/KH-SCT"
    assert m.jurisdiction is not None and m.jurisdiction.name == "Lào Cai"
    assert m.title is not None and m.title.endswith("trên địa bàn tỉnh Lào Cai")
    assert plan.preamble.startswith("Căn cứ Nghị định")
    # a recipient in capitals ends with ";": never the signature's
    assert plan.recipients == ("Ban Giám đốc Sở;", "CT, PCT UBND TỈNH;", "UBND các xã, phường;", "Công an tỉnh (phối hợp);",
                               "Lưu: VT, KTAT.")
    assert (m.signer, m.signer_title) == ("Hoàng Văn Thuân", "PHÓ GIÁM ĐỐC")
    assert [c.id for c in plan.clauses[:2]] == ["I", "II"]


def test_a_number_whose_first_letter_stands_on_a_line_of_its_own_in_a_header_table() -> None:
    """A Word cell saved as a web page: "S" / "ố: 12/KH-SCT" with the place and date in the cell
    beside them, so the pieces come apart in reading order."""
    page = """<html><body><table>
<tr><td>UBND TỈNH LÀO CAI</td><td>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>
<tr><td>SỞ CÔNG THƯƠNG</td><td>Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td>S<br>ố: 12/KH-SCT</td><td>Lào Cai, ngày 3 tháng 4 năm 2026</td></tr></table>
<p>KẾ HOẠCH</p><p>Kiểm tra an toàn vật liệu nổ công nghiệp năm 2026</p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p><p>1. Bảo đảm an toàn trong hoạt động vật liệu nổ công nghiệp.</p>
<p>II. TỔ CHỨC THỰC HIỆN</p><p>Phòng Kỹ thuật an toàn chủ trì thực hiện./.</p></body></html>"""
    plan = plandiff.parse(page.encode("utf-8"))
    assert plan.meta.source_format == "html"
    assert (plan.meta.number, plan.meta.issuer, plan.meta.parent_issuer) == ("12/KH-SCT", "SỞ CÔNG THƯƠNG", "UBND TỈNH LÀO CAI")
    assert plan.meta.date == "2026-04-03"
    assert lost_and_invented(plan) == (Counter(), Counter())


def _parse_markdown_file(tmp_path: Path, md: str) -> plandiff.Plan:
    """``md`` parsed from a file named .md, as a converter leaves it."""
    path = tmp_path / "plan.md"
    path.write_text(md, encoding="utf-8")
    return plandiff.parse(path)


def test_pandocs_markdown_of_a_word_plan(tmp_path: Path) -> None:
    """What pandoc writes for a Word plan: the header and the signature as grid tables (borders of
    "+---+", a cell's lines on lines of their own), escapes ("\\-"), and a backslash that ends a
    line as a hard line break."""
    md = ("+-----------------------------------+-----------------------------------+\n"
          "| **ỦY BAN NHÂN DÂN**               | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT  |\n"
          "|                                   | NAM**                             |\n"
          "| **TỈNH NGHỆ AN**                  |                                   |\n"
          "|                                   | **Độc lập - Tự do - Hạnh phúc**   |\n"
          "+===================================+===================================+\n"
          "| Số: 980/KH-UBND                   | *Nghệ An, ngày 18 tháng 11 năm    |\n"
          "|                                   | 2025*                             |\n"
          "+-----------------------------------+-----------------------------------+\n\n"
          "**KẾ HOẠCH**\\\n**Thực hiện công tác dân số năm 2026**\n\n"
          "Căn cứ Luật Dân số;\\\nCăn cứ Nghị quyết số 21-NQ/TW ngày 25/10/2017;\n\n"
          "**I. MỤC ĐÍCH, YÊU CẦU**\n\n1.  Mục đích\n\n-   Nâng cao nhận thức.\n\n"
          "+-----------------------------------+-----------------------------------+\n"
          "| ***Nơi nhận:***                   | **TM. ỦY BAN NHÂN DÂN**           |\n"
          "|                                   |                                   |\n"
          "| \\- Như trên;                      | **KT. CHỦ TỊCH**                  |\n"
          "|                                   |                                   |\n"
          "| \\- Lưu: VT.                       | **PHÓ CHỦ TỊCH**                  |\n"
          "|                                   |                                   |\n"
          "|                                   | **Nguyễn Văn Đệ**                 |\n"
          "+-----------------------------------+-----------------------------------+\n")
    plan = _parse_markdown_file(tmp_path, md)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date) == ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "980/KH-UBND", "Nghệ An", "2025-11-18")
    assert m.title == "Thực hiện công tác dân số năm 2026"
    assert plan.preamble.split("\n") == ["Căn cứ Luật Dân số;", "Căn cứ Nghị quyết số 21-NQ/TW ngày 25/10/2017;"]
    assert plan.recipients == ("Như trên;", "Lưu: VT.")
    assert (m.signer, m.signer_title) == ("Nguyễn Văn Đệ", "PHÓ CHỦ TỊCH")
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_markdown_whose_tables_are_html_as_pandocs_github_markdown_writes_them(tmp_path: Path) -> None:
    """pandoc's GitHub (or CommonMark) Markdown of a Word plan writes a table whose cells hold
    paragraphs in HTML: the header and the signature are read as a page's tables are, cells side by
    side, and a task table's rows are kept."""
    md = ("<table>\n<colgroup>\n<col style=\"width: 41%\" />\n<col style=\"width: 58%\" />\n</colgroup>\n<thead>\n<tr>\n"
          "<th style=\"text-align: center;\"><p>ỦY BAN MTTQ VIỆT NAM</p>\n<p>XÃ LƯƠNG MINH</p>\n"
          "<p><strong>BAN THƯỜNG TRỰC</strong></p>\n<p>Số: 16/KH-MTTQ-BTT</p></th>\n"
          "<th style=\"text-align: center;\"><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM</strong></p>\n"
          "<p><strong>Độc lập - Tự do - Hạnh phúc</strong></p>\n<p><em>Lương Minh, ngày 18 tháng 11 năm 2025</em></p></th>\n"
          "</tr>\n</thead>\n<tbody>\n</tbody>\n</table>\n\n**KẾ HOẠCH**\n\n**Thực hiện công tác bầu cử**\n\n"
          "**I. MỤC ĐÍCH**\n\n1.  Tuyên truyền sâu rộng.\n\n"
          "<table>\n<tbody>\n<tr>\n<td><p><strong><em>Nơi nhận:</em></strong></p>\n<p>- BTT Ủy ban MTTQ tỉnh;</p>\n"
          "<p>- Lưu: MTTQ.</p></td>\n<td><p><strong>TM. BAN THƯỜNG TRỰC</strong></p>\n<p><strong>CHỦ TỊCH</strong></p>\n"
          "<p><strong>Lan Thị Vân</strong></p></td>\n</tr>\n</tbody>\n</table>\n\n**PHỤ LỤC**\n\n"
          "<table>\n<tbody>\n<tr><td><p>TT</p></td><td><p>Nhiệm vụ</p></td><td><p>Người thực hiện</p></td></tr>\n"
          "<tr><td><p>1.</p></td><td><p>Rà soát danh sách cử tri</p></td><td><p>Đỗ Mạnh Cường</p><p>Vũ Việt Linh</p></td></tr>\n"
          "</tbody>\n</table>\n")
    plan = _parse_markdown_file(tmp_path, md)
    m = plan.meta
    assert (m.issuer, m.parent_issuer, m.number, m.place, m.date) == (
        "BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "16/KH-MTTQ-BTT", "Lương Minh", "2025-11-18")
    assert plan.recipients == ("BTT Ủy ban MTTQ tỉnh;", "Lưu: MTTQ.")
    assert (m.signer, m.signer_title) == ("Lan Thị Vân", "CHỦ TỊCH")
    assert plan.appendices[0].tables[0].rows[1] == ("1.", "Rà soát danh sách cử tri", "Đỗ Mạnh Cường\nVũ Việt Linh")
    assert lost_and_invented(plan) == (Counter(), Counter())


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_a_word_tables_rows_that_pandoc_classes_header_are_no_pages_navigation(tmp_path: Path, suffix: str) -> None:
    """pandoc writes a Word table's rows with a class ("<tr class="header">", "odd", "even"), in
    GitHub Markdown as in an HTML page: a row is the document's, whatever its class says — the
    header's issuer, number and date are read, and no text is lost."""
    table = ("<table>\n<thead>\n<tr class=\"header\">\n<th><p>ỦY BAN NHÂN DÂN</p>\n<p>XÃ LƯƠNG MINH</p>\n"
             "<p>Số: 16/KH-UBND</p></th>\n<th><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p>\n"
             "<p><em>Lương Minh, ngày 18 tháng 11 năm 2025</em></p></th>\n</tr>\n</thead>\n<tbody>\n</tbody>\n</table>\n")
    body = ["KẾ HOẠCH", "Thực hiện công tác bình đẳng giới năm 2026", "I. MỤC ĐÍCH", "1. Tuyên truyền sâu rộng."]
    if suffix == ".md":
        text = table + "\n" + "\n\n".join(f"**{x}**" if x.isupper() else x for x in body) + "\n"
    else:
        text = "<html><body>" + table + "".join(f"<p>{x}</p>" for x in body) + "</body></html>"
    path = tmp_path / f"plan{suffix}"
    path.write_text(text, encoding="utf-8")
    plan = plandiff.parse(path)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date) == ("ỦY BAN NHÂN DÂN XÃ LƯƠNG MINH", "16/KH-UBND", "Lương Minh", "2025-11-18")
    assert [c.id for c in plan.walk()] == ["I", "I.1"]
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_whole_line_in_italics_opening_on_a_space_is_no_bullet(tmp_path: Path) -> None:
    """A converter writes a line in italics whose run opens on a space as "* (Ghi chú: …)*": the
    two stars are emphasis, the line its section's text, not a bullet; a bullet whose last words
    are in italics ("* Bảo đảm *an toàn*.") stays a bullet."""
    md = ("**KẾ HOẠCH**\n\n**Thử nghiệm**\n\n**I. MỤC ĐÍCH**\n\n* Tuyên truyền sâu rộng.\n* Bảo đảm *an toàn*.\n\n"
          "* (Ghi chú: thực hiện theo hướng dẫn)*\n\n**II. NỘI DUNG**\n\n1. Làm.\n")
    plan = _parse_markdown_file(tmp_path, md)
    assert [(c.id, c.label, c.text) for c in plan.walk()] == [
        ("I", "I.", "MỤC ĐÍCH\n(Ghi chú: thực hiện theo hướng dẫn)"), ("I.-1", "*", "Tuyên truyền sâu rộng."),
        ("I.-2", "*", "Bảo đảm an toàn."), ("II", "II.", "NỘI DUNG"), ("II.1", "1.", "Làm.")]
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_grid_tables_cells_over_several_lines_as_pandocs_markdown_writes_them(tmp_path: Path) -> None:
    """pandoc's own Markdown writes such a table as a grid: a row's cells run over several lines
    between borders, with their emphasis, escapes and subscripts."""
    md = ("**KẾ HOẠCH**\n\n**Kiểm tra, cấp giấy chứng nhận năm 2026**\n\n**I. MỤC ĐÍCH**\n\n1.  Bảo đảm an toàn.\n\n"
          "**PHỤ LỤC**\n\n"
          "+--------+---------------------------------+-----------------------+-------+\n"
          "| **TT** | **Nhiệm vụ thực hiện**          | **Người thực hiện**   | **Ghi |\n"
          "|        |                                 |                       | chú** |\n"
          "+========+:================================+:=====================:+:=====:+\n"
          "| 1.     | Rà soát việc đáp ứng các điều   | Đỗ Mạnh Cường         |       |\n"
          "|        | kiện của học viên               |                       |       |\n"
          "|        |                                 | Vũ Việt Linh          |       |\n"
          "+--------+---------------------------------+-----------------------+-------+\n"
          "| 2.     | In ấn chứng chỉ \\- bản giấy     | Vũ Việt Linh~(VL)~    |       |\n"
          "+--------+---------------------------------+-----------------------+-------+\n")
    plan = _parse_markdown_file(tmp_path, md)
    assert plan.appendices[0].tables[0].rows == (
        ("TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú"),
        ("1.", "Rà soát việc đáp ứng các điều kiện của học viên", "Đỗ Mạnh Cường\nVũ Việt Linh", ""),
        ("2.", "In ấn chứng chỉ - bản giấy", "Vũ Việt Linh(VL)", ""))
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_rule_that_typography_made_dashes_and_a_recipient_left_without_its_semicolon() -> None:
    """Word's (or pandoc's) typography turns "-------" under the issuer into "——-"; a recipients'
    list run together whose "(để b/c)" lost its ";" still parts at the next list mark, and so does
    one whose mark a page glued to the ";" (";- CVP …")."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\n——-\nSố: 235/KH-UBND\nThanh Hóa, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
            "Quan trắc môi trường\n\nI. MỤC ĐÍCH\n1. Bảo đảm an toàn./.\n\nNơi nhận:\n- Bộ Nông nghiệp và Môi trường (để b/c);\n"
            "- Thường trực: Tỉnh ủy, HĐND tỉnh (để b/c) - Chủ tịch UBND tỉnh (để b/c);- CVP, các PCVP UBND tỉnh (để theo\n"
            "dõi);\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nMai Xuân Liêm\n")
    plan = plandiff.parse(text)
    assert plan.meta.issuer == "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"
    assert plan.recipients == ("Bộ Nông nghiệp và Môi trường (để b/c);", "Thường trực: Tỉnh ủy, HĐND tỉnh (để b/c)",
                               "Chủ tịch UBND tỉnh (để b/c);", "CVP, các PCVP UBND tỉnh (để theo dõi);", "Lưu: VT.")


def test_markdown_of_a_word_plan_as_mammoth_and_markdownify_write_it(tmp_path: Path) -> None:
    """mammoth's Markdown bolds with "__", escapes "\\-" and "1\\.", leaves Word's bookmark anchors
    ("<a id=…></a>") and nests emphasis ("__*1\\.1\\. …*__"); markdownify keeps a table's cells in
    one row, their paragraphs parted by two spaces — in the header's and the signature's rows of two
    cells (a spacer between them) those are the cells' lines side by side; a task table of four
    columns keeps a cell a column."""
    mammoth = ("ỦY BAN MTTQ VIỆT NAM\n\nXÃ LƯƠNG MINH\n\n__BAN THƯỜNG TRỰC__\n\nSố: 16/KH\\-MTTQ\\-BTT\n\n"
               "__CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM__\n\n__Độc lập \\- Tự do \\- Hạnh phúc__\n\n"
               "*Lương Minh, ngày 18 tháng 11 năm 2025*\n\n__KẾ HOẠCH__\n\n"
               "<a id=\"_Hlk203312762\"></a>__Thực hiện công tác bầu cử__\n\n__I\\. NỘI DUNG__\n\n"
               "__*1\\.1\\. Xây dựng và ban hành Hướng dẫn\\.*__\n\n\\- Thời gian hoàn thành: tháng 11/2025\\.\n")
    plan = _parse_markdown_file(tmp_path, mammoth)
    assert (plan.meta.issuer, plan.meta.number, plan.meta.date) == ("BAN THƯỜNG TRỰC", "16/KH-MTTQ-BTT", "2025-11-18")
    assert plan.meta.title == "Thực hiện công tác bầu cử"
    assert [(c.id, c.text) for c in plan.walk()][:2] == [("I", "NỘI DUNG"), ("I.1.1", "Xây dựng và ban hành Hướng dẫn.")]
    markdownify = ("|  |  |\n| --- | --- |\n| ỦY BAN MTTQ VIỆT NAM  XÃ LƯƠNG MINH  **BAN THƯỜNG TRỰC**  Số: 16/KH-MTTQ-BTT "
                   "| **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  **Độc lập - Tự do - Hạnh phúc**    "
                   "*Lương Minh, ngày 18 tháng 11 năm 2025* |\n\n**KẾ HOẠCH**\n\n**Thực hiện công tác bầu cử**\n\n"
                   "**I. NỘI DUNG**\n\n1. Tuyên truyền.\n\n"
                   "| ***Nơi nhận*:**  - Ban Giám đốc Sở;  *-* Lưu: VT. |  | **KT. GIÁM ĐỐC**  **PHÓ GIÁM ĐỐC**  "
                   "**Hoàng Văn Thuân** |\n\n**PHỤ LỤC**\n\n| **TT** | **Nhiệm vụ** | **Người thực hiện** | **Ghi chú** |\n"
                   "| --- | --- | --- | --- |\n| 1. | Rà soát hồ sơ | Đỗ Mạnh Cường  Vũ Việt Linh |  |\n")
    plan = _parse_markdown_file(tmp_path, markdownify)
    m = plan.meta
    assert (m.issuer, m.parent_issuer, m.place) == ("BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "Lương Minh")
    assert plan.recipients == ("Ban Giám đốc Sở;", "Lưu: VT.")
    assert (m.signer, m.signer_title) == ("Hoàng Văn Thuân", "PHÓ GIÁM ĐỐC")
    assert len(plan.appendices[0].tables[0].rows) == 2
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_portal_page_as_html2text_writes_it(tmp_path: Path) -> None:
    """html2text draws a table as rows whose cells' lines break with a hard break, the bar glued
    where a cell ends ("-------| CỘNG HÒA XÃ HỘI", "Số: 2853/QĐ-UBND| Thành phố Hồ Chí") and its
    rule without outer pipes ("---|---"); a title in capitals may break after a ";"."""
    md = ("[Trang chủ](/)\n\n**ỦY BAN NHÂN DÂN**  \nTHÀNH PHỐ HỒ CHÍ MINH  \n\\-------| CỘNG HÒA XÃ HỘI  \nCHỦ NGHĨA VIỆT NAM  \n"
          "Độc lập - Tự do - Hạnh phúc  \n\\---------------  \n---|---  \nSố: 2853/KH-UBND| Thành phố Hồ Chí  \n"
          "Minh, ngày 21 tháng 11 năm 2025  \n  \n**KẾ HOẠCH**\n\nPHÁT ĐỘNG ĐỢT THI ĐUA CHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG;\n"
          "HOÀN THÀNH THẮNG LỢI NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIII CỦA ĐẢNG\n\n**I. MỤC ĐÍCH**\n\n1. Tuyên truyền.\n\n"
          "Nơi nhận:  \n\\- Ban Thi đua - Khen thưởng Trung ương  \n(b/c);  \n\\- Lưu: VT.| **KT. CHỦ TỊCH**  \nPHÓ CHỦ TỊCH  \n"
          "**Đào Mỹ**  \n---|---  \n")
    plan = _parse_markdown_file(tmp_path, md)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date) == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "2853/KH-UBND", "Thành phố Hồ Chí Minh", "2025-11-21")
    assert m.title == ("PHÁT ĐỘNG ĐỢT THI ĐUA CHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG; "
                       "HOÀN THÀNH THẮNG LỢI NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIII CỦA ĐẢNG")
    assert plan.recipients == ("Ban Thi đua - Khen thưởng Trung ương (b/c);", "Lưu: VT.")
    assert (m.signer, m.signer_title) == ("Đào Mỹ", "PHÓ CHỦ TỊCH")


def test_back_matter_laid_out_as_indented_text_columns() -> None:
    """pandoc's plain text of a page indents a table's two columns alike: a line alone at the left
    column's indentation is the left column's (a recipient wrapped twice, "… Trung" / "ương" /
    "(b/c);", and "Đắk Lắk;", which is no one's name), one set well in is the right column's."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 0124/KH-UBND\nĐắk Lắk, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\nPhát động thi đua\n\n"
            "I. MỤC ĐÍCH\n1. Tuyên truyền./.\n\n"
            "  Nơi nhận:                           KT. CHỦ TỊCH\n"
            "  - Ban Thi đua - Khen thưởng Trung   PHÓ CHỦ TỊCH\n"
            "  ương                                Đào Mỹ\n"
            "  (b/c);\n"
            "  - Báo và Phát thanh, Truyền hình\n"
            "  Đắk Lắk;\n"
            "  - Lưu: VT.\n")
    plan = plandiff.parse(text)
    assert plan.recipients == ("Ban Thi đua - Khen thưởng Trung ương (b/c);", "Báo và Phát thanh, Truyền hình Đắk Lắk;",
                               "Lưu: VT.")
    assert (plan.meta.signer, plan.meta.signer_title) == ("Đào Mỹ", "PHÓ CHỦ TỊCH")
    assert plan.signature == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đào Mỹ")


@pytest.mark.parametrize("rule", ["  " + "-" * 35 + " " + "-" * 35, "+:" + "=" * 34 + "+:" + "=" * 33 + ":+"])
def test_a_tables_borders_in_plain_text_are_rules(rule: str) -> None:
    """pandoc's plain text borders a simple table with a run of dashes a column, parted by spaces
    ("------ ------"), and a grid table's header with "=", aligned by colons ("+:====+:===:+"):
    a table's border or a rule, no recipient and no bullet, above the back matter or under it."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 0124/KH-UBND\nĐắk Lắk, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\nPhát động thi đua\n\n"
            f"I. MỤC ĐÍCH\n1. Tuyên truyền./.\n\n{rule}\n"
            "  Nơi nhận:                           KT. CHỦ TỊCH\n"
            "  - Như trên;                         PHÓ CHỦ TỊCH\n"
            "  - Lưu: VT.                          Đào Mỹ\n"
            f"\n{rule}\n")
    plan = plandiff.parse(text)
    assert plan.recipients == ("Như trên;", "Lưu: VT.")
    assert plan.signature == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đào Mỹ")
    assert [c.id for c in plan.walk()] == ["I", "I.1"]
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_portal_page_as_pandocs_markdown_writes_it(tmp_path: Path) -> None:
    """pandoc's Markdown of a web page: the page's parts in fenced divs (":::"), its header table a
    multiline table (a border of dash runs, a cell's lines ending in a backslash where they broke,
    a place wrapped without one)."""
    md = ("::: header-menu\n[Trang chủ](/)\n:::\n\n::: {#toanvan .content1}\n"
          "  ----------------------------------- -----------------------------------\n"
          "  **ỦY BAN NHÂN DÂN**\\                CỘNG HÒA XÃ HỘI\\\n"
          "  THÀNH PHỐ HỒ CHÍ MINH\\              CHỦ NGHĨA VIỆT NAM\\\n"
          "  \\-\\-\\-\\-\\-\\--                       Độc lập - Tự do - Hạnh phúc\\\n\n"
          "  Số: 2853/KH-UBND                    Thành phố Hồ Chí\n"
          "                                      Minh, ngày 21 tháng 11 năm 2025\n"
          "  ----------------------------------- -----------------------------------\n\n"
          "**KẾ HOẠCH**\n\n**Triển khai Đề án nâng cao nhận thức cộng đồng**\n\n**I. MỤC ĐÍCH**\n\n1. Tuyên truyền.\n:::\n")
    plan = _parse_markdown_file(tmp_path, md)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date) == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "2853/KH-UBND", "Thành phố Hồ Chí Minh", "2025-11-21")
    assert m.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert m.title == "Triển khai Đề án nâng cao nhận thức cộng đồng"
    assert [c.id for c in plan.walk()] == ["I", "I.1"]
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_markdown_escapes_of_a_table_bar_and_of_other_marks(tmp_path: Path) -> None:
    """A converter that writes Markdown again escapes a page's bars and marks ("\\|", "\\~"): an
    escaped bar ends a cell as a bar does, and no escape's backslash is left in a name."""
    md = ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH ------- \\|\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
          "--------------- \\|\n\nSố: 144/KH-UBND \\| Bắc Ninh, ngày 24 tháng 11 năm 2025 \\|\n\n**KẾ HOẠCH**\n\n"
          "**Phát triển kinh tế số \\~ xã hội số**\n\n**I. QUAN ĐIỂM**\n\n1. Phát triển kinh tế số.\n")
    plan = _parse_markdown_file(tmp_path, md)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date) == ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "144/KH-UBND", "Bắc Ninh", "2025-11-24")
    assert m.title == "Phát triển kinh tế số ~ xã hội số"


def test_a_text_copied_out_of_a_pdf_whose_fallback_letters_stand_apart() -> None:
    """A browser's PDF draws the letters its font lacks from a fallback font; a text copied out of
    it has each such letter apart ("Th ự c hi ệ n", the layer's space after it and before it where
    it goes on a word, a word's own space a second one). The words are whole again — and a word
    that opens on such a letter keeps its space ("trực Ủy", "công tác ở", "TTg. Ủy")."""
    split = ("Ủ Y BAN NHÂN DÂN\nT Ỉ NH Đ Ắ K L Ắ K\nS ố : 0124/KH-UBND\nĐ ắ k L ắ k, ngày 18 tháng 11 năm 2025\n"
             "K Ế  HO Ạ CH\nPHÁT Đ Ộ NG THI ĐUA NĂM 2025\n"
             "Th ự c hi ệ n Quy ế t đ ị nh s ố  2437/QĐ-TTg ngày 04/11/2025 c ủ a Th ủ  t ướ ng Chính ph ủ , Ban Th ườ ng tr ự c Ủ y ban\n"
             "I. M Ụ C ĐÍCH\n1. Tuyên truy ề n ở  các huy ệ n v ề  c ơ  ch ế  ư u đãi c ủ a T ỉ nh.\n")
    plan = plandiff.parse(split)
    m = plan.meta
    assert (m.issuer, m.number, m.place, m.date, m.doc_type) == (
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "0124/KH-UBND", "Đắk Lắk", "2025-11-18", "KẾ HOẠCH")
    assert plan.preamble == ("Thực hiện Quyết định số 2437/QĐ-TTg ngày 04/11/2025 của Thủ tướng Chính phủ, "
                             "Ban Thường trực Ủy ban")
    assert plan.clauses[0].children[0].text == "Tuyên truyền ở các huyện về cơ chế ưu đãi của Tỉnh."
    typed = "KẾ HOẠCH\nThử nghiệm\nI. NỘI DUNG\n1. Tuyên truyền ở cơ sở về chế độ ưu đãi ở các xã.\n"
    assert fallback.rejoin_fallback_letters(typed * 30) == typed * 30  # a text typed as it reads is left as it is


def test_pandocs_plain_text_of_a_word_plan_and_of_a_page_reads_its_tables(tmp_path: Path) -> None:
    """pandoc's plain text keeps a Word table as a grid ("+---+", cells between "|") and a page's
    as a multiline table (a border of dash runs over and under it): the header's cells, a rule
    under the issuer's name and one under the motto inside them, and an appendix's task table
    whose cells run over several lines are read as their tables, in a .txt as in Markdown."""
    border = "  " + "-" * 35 + " " + "-" * 35
    header = (f"{border}\n  ỦY BAN NHÂN                         CỘNG HÒA XÃ\n"
              "  DÂN                                 HỘI CHỦ NGHĨA VIỆT NAM\n"
              "  THÀNH PHỐ HÀ NỘI                    Độc lập - Tự do - Hạnh phúc\n"
              "  --------                            ---------------\n\n"
              "  Số: 310/KH-UBND                     Hà Nội, ngày\n"
              f"                                      24 tháng 11 năm 2025\n{border}\n\n")
    grid = ("+------+----------------------------+-------------------+\n"
            "| TT   | Nhiệm vụ thực hiện         | Người thực hiện   |\n"
            "+======+:===========================+:==================+\n"
            "| 1.   | Rà soát việc đáp ứng các   | Đỗ Mạnh Cường     |\n"
            "|      | điều kiện của học viên     |                   |\n"
            "|      |                            | Vũ Việt Linh      |\n"
            "+------+----------------------------+-------------------+\n"
            "| 2.   | Tổ chức kiểm tra           | Vũ Việt Linh      |\n"
            "+------+----------------------------+-------------------+\n")
    text = (f"Trang chủ\n\n{header}KẾ HOẠCH\n\nPHÁT TRIỂN HẠ TẦNG 5G\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Bảo đảm tiến độ./.\n\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrương Việt Dũng\n\nPHỤ LỤC\n\nPHÂN CÔNG NHIỆM VỤ\n\n"
            "(Kèm theo Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND Thành phố)\n\n" + grid)
    path = tmp_path / "hanoi.txt"
    path.write_text(text, encoding="utf-8")
    plan = plandiff.parse(path)
    assert plan.meta.source_format == "text"
    assert (plan.meta.issuer, plan.meta.number, plan.meta.date) == ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "310/KH-UBND", "2025-11-24")
    assert plan.meta.title == "PHÁT TRIỂN HẠ TẦNG 5G"
    assert [c.id for c in plan.walk()] == ["I", "I.1"]
    assert plan.meta.signer == "Trương Việt Dũng"
    assert [t.rows for a in plan.appendices for t in a.tables] == [(
        ("TT", "Nhiệm vụ thực hiện", "Người thực hiện"),
        ("1.", "Rà soát việc đáp ứng các điều kiện của học viên", "Đỗ Mạnh Cường\nVũ Việt Linh"),
        ("2.", "Tổ chức kiểm tra", "Vũ Việt Linh"))]
    assert lost_and_invented(plan) == (Counter(), Counter())


DISPLACED_LINES = [
    # pypdf's text of a LibreOffice PDF: each hole a space (beside a word's own, two), the letters
    # after the rest of their line or cell
    ("C NG HÒA XÃ H IỘ Ộ", "CỘNG HÒA XÃ HỘI"),
    ("THÀNH PH  C N THỐ Ầ Ơ", "THÀNH PHỐ CẦN THƠ"),
    ("S : 165/KH-UBNDố C n Th , ngày 21ầ ơ tháng 11 năm 2025", "Số: 165/KH-UBND Cần Thơ, ngày 21 tháng 11 năm 2025"),
    ("Đ c l p - T  do - H nh phúcộ ậ ự ạ", "Độc lập - Tự do - Hạnh phúc"),
    ("K  HO CHẾ Ạ", "KẾ HOẠCH"),
    ("Y BAN NHÂN DÂNỦ", "ỦY BAN NHÂN DÂN"),
    ("a) u tiên phát tri n h  t ngƯ ể ạ ầ", "a) Ưu tiên phát triển hạ tầng"),
    ("k ch b n ng d ng d  li u c p t nh ị ả ứ ụ ữ ệ ấ ỉ", "kịch bản ứng dụng dữ liệu cấp tỉnh"),
    ("- T  l  ng i dân đ c b o v   m c c  b n ỷ ệ ườ ượ ả ệở ứ ơ ả", "- Tỷ lệ người dân được bảo vệ ở mức cơ bản"),
    ("c a B  Y t  v  vi c tri n khai ủ ộ ế ề ệ ể", "của Bộ Y tế về việc triển khai"),
    ("quan tr c 240 m u/năm.ắ ẫ", "quan trắc 240 mẫu/năm."),
    # a footnote's mark after the word ("phủ[2]")
    ("c a Chính ph [2], B  Y t [3], Thành y, ủ ủ ộ ế ủ", "của Chính phủ[2], Bộ Y tế[3], Thành ủy,"),
    # a justified line, its wide spaces read as two (a word's last hole then looks like any gap)
    ("s  83/2025/QH15,  ngày  ố 24/6/2025;  Lu t  M t  tr n  T  qu c  Vi t  Nam  sậ ặ ậ ổ ố ệ ố",
     "số 83/2025/QH15,  ngày   24/6/2025;  Luật  Mặt  trận  Tổ quốc  Việt  Nam  số"),
    # a line of two text runs, each's letters after it, the second glued on ("ở; Ch", "ềTh")
    ("đoàn, Lu t Thanh niên, Lu t Th c hi n dân ch   c  sậ ậ ự ệ ủở ơ ở; Ch  th  s  46-CT/TW,ỉ ị ố",
     "đoàn, Luật Thanh niên, Luật Thực hiện dân chủ ở cơ sở; Chỉ thị số 46-CT/TW,"),
    ("MTTQ Vi t Nam xã Qu ng Ninh v  ệ ả ềTh c hi n công tác b u c  đ i bi u Qu cự ệ ầ ử ạ ể ố",
     "MTTQ Việt Nam xã Quảng Ninh về Thực hiện công tác bầu cử đại biểu Quốc"),
    # a viewer that read a centred line's letters first
    ("Ủ Ố Ồ Y BAN NHÂN DÂN THÀNH PH H CHÍ MINH", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"),
]


@pytest.mark.parametrize(("copied", "read"), DISPLACED_LINES)
def test_letters_a_pdf_tool_read_after_their_line_go_back_into_their_holes(copied: str, read: str) -> None:
    """An office suite's PDF draws the letters its font lacks ("ộ", "ơ", "ư" …) from a second font,
    and a tool that reads each font's text apart (pypdf; a viewer's copy) leaves a space where each
    was and puts them after the rest of their line. Each goes back into a hole, the holes chosen
    so that the words are Vietnamese syllables, the more frequent spelling first ("Y tế", not
    "Yết")."""
    page = "\n".join(c for c, _ in DISPLACED_LINES)  # (a page's worth: the text tells how it was read)
    restored = fallback.restore_displaced_letters(page).split("\n")
    assert fallback.displaced_letters(page)
    assert restored[[c for c, _ in DISPLACED_LINES].index(copied)].rstrip() == read
    # a line in capitals a tool read whole (a bold font that has the letters) stays as it is
    bold = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"
    assert fallback.restore_displaced_letters(f"{page}\n{bold}\n{page}").split("\n")[len(DISPLACED_LINES)] == bold


@pytest.mark.parametrize("copy", ["cantho-pypdf.txt", "cantho-pdfium.txt"])
def test_text_copied_out_of_an_office_suites_pdf_reads_as_its_original(copy: str) -> None:
    """A plan made into a PDF by LibreOffice and read back by pypdf (each hole a space of its own)
    or pypdfium2 (a hole and a word's space one space, as a viewer's copy makes them): its header,
    its clauses and their words are those of the Markdown it was made from."""
    plan = plandiff.parse(DATA / copy)
    want = plandiff.parse(FIXTURES / "field" / "cantho-danso-2025.md")
    fields = ("issuer", "number", "date", "place", "doc_type", "title", "signer", "signer_title")
    assert [getattr(plan.meta, f) for f in fields] == [getattr(want.meta, f) for f in fields]
    assert [c.id for c in plan.walk()] == [c.id for c in want.walk()]
    assert [c.text.split("\n")[0] for c in plan.clauses] == [c.text.split("\n")[0] for c in want.clauses]
    words = re.findall(r"\w+", " ".join(c.text for c in plan.walk()))
    known = set(re.findall(r"\w+", " ".join(c.text for c in want.walk())))
    assert sum(w in known for w in words) >= 0.99 * len(words)


def test_a_text_typed_as_it_reads_is_never_taken_for_one_whose_letters_were_displaced() -> None:
    """Plans typed as they read hold the fallback letters inside their words ("hiện", "được"):
    none is read as displaced, and a copy whose letters stand apart in place ("Th ự c") is left to
    ``rejoin_fallback_letters``."""
    for path in sorted(FIXTURES.glob("*.*")) + sorted((FIXTURES / "field").glob("*.md")):
        if path.name != "README.md":
            assert not fallback.displaced_letters(path.read_text(encoding="utf-8")), path.name
    assert not fallback.displaced_letters("Th ự c hi ệ n Quy ế t đ ị nh s ố  2437 c ủ a Th ủ  t ướ ng Chính ph ủ\n" * 10)


def test_a_fallback_letter_a_tool_left_in_its_word_is_no_displaced_ones() -> None:
    """A tool may read some fallback letters in their places ("kỳ" of "nhiệm kỳ 2026") and others
    after their line: a letter that stands glued to its word alone mid-line, or first in a run,
    and never further in one, stays where it is."""
    page = ("và b u c  đ i bi u H i đ ng nhân dân các c p nhi m kỳ 2026-2031ầ ử ạ ể ộ ồ ấ ệ\n"
            "khóa XVI và b u c  đ i bi u H i đ ng nhân dân các c p nhi m kỳ 2026 - 2031;ầ ử ạ ể ộ ồ ấ ệ\n"
            "h i khóa XVI và b u c  đ i bi u H i đ ng nhân dân các c p nhi m kỳ ộ ầ ử ạ ể ộ ồ ấ ệ\n")
    assert fallback.displaced_letters(page * 2)
    assert fallback.restore_displaced_letters(page * 2).split("\n")[:3] == [
        "và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031",
        "khóa XVI và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031;",
        "hội khóa XVI và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ "]


def test_syllables_a_tool_split_before_their_fallback_letter_are_whole_again() -> None:
    """pdftotext reads an office suite's PDF with a space before each letter its font lacked ("v ật
    li ệu n ổ", "Th ương", "hu ấn"): each syllable is whole again, where the pieces make one and
    are not likelier two words; words that stand apart stay apart ("đáp ứng", "việc Ủy", "In ấn").
    A text typed as it reads is left as it is."""
    copied = ("quy định chi tiết một số điều của luật quản lý, sử dụng vũ khí, v ật li ệu n ổ và\n"
              "Lào Cai về việc Ủy quyền cho Giám đốc Sở Công Th ương th ực hi ện m ột s ố\n"
              "nhiệm vụ, quyền hạn của Ủy ban nhân dân tỉnh trong lĩnh vực vật li ệu n ổ\n"
              "Công Thương về việc thành lập Tổ kiểm tra, cấp Giấy chứng nhận hu ấn\n"
              "luyện kỹ thuật an toàn vật liệu nổ công nghiệp, tiền chất thuốc nổ; Quy ết\n"
              "Kiểm tra kỹ thuật an toàn cho các đ ối t ượng liên quan t ới ho ạt đ ộng\n"
              "In ấn chứng chỉ; đáp ứng các điều kiện của Ủy ban.\n")
    whole = fallback.rejoin_split_syllables(copied).split("\n")
    assert whole[:7] == [
        "quy định chi tiết một số điều của luật quản lý, sử dụng vũ khí, vật liệu nổ và",
        "Lào Cai về việc Ủy quyền cho Giám đốc Sở Công Thương thực hiện một số",
        "nhiệm vụ, quyền hạn của Ủy ban nhân dân tỉnh trong lĩnh vực vật liệu nổ",
        "Công Thương về việc thành lập Tổ kiểm tra, cấp Giấy chứng nhận huấn",
        "luyện kỹ thuật an toàn vật liệu nổ công nghiệp, tiền chất thuốc nổ; Quyết",
        "Kiểm tra kỹ thuật an toàn cho các đối tượng liên quan tới hoạt động",
        "In ấn chứng chỉ; đáp ứng các điều kiện của Ủy ban."]
    typed = "\n".join(whole)
    assert fallback.rejoin_split_syllables(typed) == typed


def test_a_text_split_so_is_told_by_what_it_splits_on_its_first_page() -> None:
    """pdftotext splits some syllables only: a text whose first page splits "cấp" ("các c ấp") but
    no "của", "số" or "hiện" is a split text all the same."""
    lines = ("hội khóa XVI và bầu cử đại biểu Hội đồng nhân dân các c ấp nhiệm kỳ 2026-2031; Kế hoạch\n"
             "MTTQ Việt Nam xã về việc MTTQ Việt Nam tham gia công tác b ầu c ử đ ại\n"
             "biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các c ấp nhi ệm kỳ\n"
             "ứng cử đại biểu HĐND tỉnh, HĐND xã thực hiện công tác v ận đ ộng b ầu c ử\n")
    whole = fallback.rejoin_split_syllables(lines * 3).split("\n")[:4]
    assert whole == ["hội khóa XVI và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031; Kế hoạch",
                     "MTTQ Việt Nam xã về việc MTTQ Việt Nam tham gia công tác bầu cử đại",
                     "biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ",
                     "ứng cử đại biểu HĐND tỉnh, HĐND xã thực hiện công tác vận động bầu cử"]


def _as_html_lists(clauses: tuple[plandiff.Clause, ...]) -> str:
    """Clauses as an editor's page holds Word's automatic numbering: sections typed in a <p>,
    items an <ol>, points an <ol type="a"> (or styled lower-alpha), dashes a <ul>: no label typed."""
    import html

    out: list[str] = []
    k = 0
    while k < len(clauses):
        c = clauses[k]
        if c.kind in ("section", "paragraph"):  # (and the plan's closing words, a paragraph of their own)
            out.append(f"<p><b>{html.escape(' '.join(x for x in (c.label, c.text) if x))}</b></p>{_as_html_lists(c.children)}")
            k += 1
            continue
        run = [c]
        while k + len(run) < len(clauses) and clauses[k + len(run)].kind == c.kind:
            run.append(clauses[k + len(run)])
        tag = "ul" if c.kind == "dash" else "ol"
        attrs = ' style="list-style-type: lower-alpha"' if c.kind == "point" else ""
        items = "".join(f"<li><p>{'</p><p>'.join(html.escape(x) for x in r.text.split(chr(10)))}</p>{_as_html_lists(r.children)}</li>"
                        for r in run)
        out.append(f"<{tag}{attrs}>{items}</{tag}>")
        k += len(run)
    return "".join(out)


def test_a_page_whose_numbering_is_html_lists_reads_as_a_browser_shows_it() -> None:
    """An editor (or a Markdown renderer) keeps Word's automatic numbering as HTML lists: the
    numbers are the browser's ("1.", "a."), not the text's. Read so, the clauses keep their ids and
    their text; labels typed inside a list styled without numbers are not doubled."""
    import html

    want = plandiff.parse_file(FIXTURES / "field" / "cantho-danso-2025.md")
    head = "".join(f"<p>{html.escape(h.text)}</p>" for h in want.header if h.role in ("issuer", "number", "place_date"))
    page = (f"<html><head><meta charset='utf-8'></head><body><article>{head}<p><b>KẾ HOẠCH</b></p><p>{html.escape(want.meta.title)}</p>"
            f"<p>{html.escape(want.preamble)}</p>{_as_html_lists(want.clauses)}</article></body></html>")
    got = plandiff.parse(page.encode())
    # (a browser letters in Latin: the fifth point shows "e." where the plan typed "đ)", and on)
    def points_lettered(c: plandiff.Clause) -> tuple[str, str]:
        return re.sub(r"\.[a-zđ]$", ".(letter)", c.id), c.text

    assert [points_lettered(c) for c in got.walk()] == [points_lettered(c) for c in want.walk()]
    assert [c.label for c in got.walk() if c.kind == "point"][:5] == ["a.", "b.", "a.", "b.", "c."]
    # numbers that start late, an item's own value, roman numbering, and a list of typed labels
    page = ("<html><body><p>KẾ HOẠCH</p><p>Thực hiện công tác bình đẳng giới năm 2026</p>"
            "<ol type='I'><li>MỤC ĐÍCH<ol start='1'><li>Nâng cao nhận thức.</li><li value='3'>Bảo đảm phối hợp.</li></ol></li>"
            "<li>NỘI DUNG<ul style='list-style: none'><li>1. Tuyên truyền.</li><li>2. Tập huấn.</li></ul></li></ol></body></html>")
    got = plandiff.parse(page.encode())
    assert [(c.id, c.label, c.text) for c in got.walk()] == [
        ("I", "I.", "MỤC ĐÍCH"), ("I.1", "1.", "Nâng cao nhận thức."), ("I.3", "3.", "Bảo đảm phối hợp."),
        ("II", "II.", "NỘI DUNG"), ("II.1", "1.", "Tuyên truyền."), ("II.2", "2.", "Tập huấn.")]


def test_a_word_files_notes_in_mammoths_html() -> None:
    """mammoth's HTML of a Word file (markitdown's first step): each mark a link to a note, the
    notes a list at the end, each with a link back ("↑") after its words. Read as a portal's
    "[1]" marks and "[1] …" notes: no note is a numbered clause, the list gets no numbers."""
    page = ("<html><body><p><strong>ỦY BAN NHÂN DÂN TỈNH THANH HÓA</strong></p><p>Số: 12/KH-UBND</p>"
            "<p>Thanh Hóa, ngày 5 tháng 1 năm 2026</p><p><strong>KẾ HOẠCH</strong></p><p><strong>Thực hiện công tác bình đẳng "
            "giới năm 2026</strong></p><p>Thực hiện Luật Bình đẳng giới<sup><a href=\"#footnote-20\" id=\"footnote-ref-20\">[1]</a>"
            "</sup>, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:</p><p><strong>I. MỤC ĐÍCH, YÊU CẦU</strong></p>"
            "<ol><li>Nâng cao nhận thức về bình đẳng giới<sup><a href=\"#footnote-21\" id=\"footnote-ref-21\">[2]</a></sup>.</li>"
            "<li>Bảo đảm sự phối hợp của các sở, ngành.</li></ol>"
            "<ol><li id=\"footnote-20\"><p> Luật Bình đẳng giới số 73/2006/QH11 ngày 29/11/2006. <a href=\"#footnote-ref-20\">↑</a>"
            "</p></li><li id=\"footnote-21\"><p> Theo Quyết định số 1790/QĐ-TTg ngày 01/12/2023. <a href=\"#footnote-ref-21\">↑</a>"
            "</p></li></ol></body></html>")
    plan = plandiff.parse(page.encode())
    assert [(f.label, f.clause, f.text) for f in plan.footnotes] == [
        ("1", None, "Luật Bình đẳng giới số 73/2006/QH11 ngày 29/11/2006."),
        ("2", "I.1", "Theo Quyết định số 1790/QĐ-TTg ngày 01/12/2023.")]
    assert [(c.id, c.text) for c in plan.walk()] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("I.1", "Nâng cao nhận thức về bình đẳng giới."), ("I.2", "Bảo đảm sự phối hợp của các sở, ngành.")]
    assert "↑" not in plandiff.render_plain(plan)


@pytest.mark.parametrize("name", ["field/hcm-thientai-2025.md", "field/bnnmt-cacbonrung-2026.txt", "tth-2024.txt"])
def test_a_text_typing_the_icelandic_d_reads_as_its_letters_mean(name: str) -> None:
    """Some converters write Vietnamese "Đ"/"đ" as the Icelandic "Ð"/"ð" (U+00D0/U+00F0): the plan
    is the one its letters mean — a decision's type and articles, its place, its citations — and
    its texts are as printed."""
    from plandiff.serial import translated
    from plandiff.textnorm import AS_PRINTED_D

    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert "Đ" in text or "đ" in text
    icelandic = text.translate(str.maketrans("Đđ", "Ðð"))
    plan, want = plandiff.parse(icelandic), plandiff.parse(text)
    assert plan.source == icelandic and lost_and_invented(plan) == (Counter(), Counter())
    assert plan == translated(want, AS_PRINTED_D)  # the same plan, in the text's own letters
    assert plan.meta.doc_type == want.meta.doc_type.translate(AS_PRINTED_D) and len(plan.articles) == len(want.articles)
    got, cited = citations(plan), citations(want)
    assert [(c.instrument, c.type, c.role, c.span) for c in got] == [(c.instrument, c.type, c.role, c.span) for c in cited]
    assert [(c.symbol, c.raw, c.clause) for c in got] == [
        tuple(x.translate(AS_PRINTED_D) if x else x for x in (c.symbol, c.raw, c.clause)) for c in cited]
    # the duties too: each body known by its key in Vietnamese letters, the words as printed
    from plandiff.tasks import tasks

    duties, meant = tasks(plan), tasks(want)
    assert meant and [(t.agency_key, t.kind, t.span, t.period_dates) for t in duties] == [
        (t.agency_key, t.kind, t.span, t.period_dates) for t in meant]
    assert [t.text for t in duties] == [t.text.translate(AS_PRINTED_D) for t in meant]


def _page(lines: list[tuple[float, float, str]]) -> tuple[str, list[Run]]:
    """A page's text and its runs from (baseline, size, text) lines, as a PDF draws them."""
    runs = [Run(t, 72.0, y, size) for y, size, t in lines]
    return "\n".join(t for _, _, t in lines), runs


def test_a_note_cut_at_its_pages_end_goes_on_only_where_a_note_would() -> None:
    """``split_notes`` on pages as Word draws them: a note (its raised number, then its text at
    the foot) cut at its page's end goes on at the next page's foot in small letters or mid-sentence;
    a block of the page's own text under a heading's space ("III. KINH PHÍ") is no note's rest."""
    body = [(700.0 - 14 * k, 12.0, f"Dòng {k} của kế hoạch về công tác dân số và phát triển") for k in range(8)]
    first_text, first_runs = _page([*body, (580.0, 12.0, "theo các chương trình, kế hoạch")])
    first_text = first_text.replace("theo các chương trình, kế hoạch", "theo các chương trình, kế hoạch1")
    first_runs[-1:] = [Run("theo các chương trình, kế hoạch", 72.0, 580.0, 12.0), Run("1", 260.0, 584.6, 7.0)]
    first_text += "\n1 Chương trình số 30-CTr/TU của Thành ủy thực hiện"
    first_runs += [Run("1", 72.0, 104.6, 7.0), Run(" Chương trình số 30-CTr/TU của Thành ủy thực hiện", 78.0, 100.0, 12.0)]
    for tail, carried in (("số 21-NQ/TW về công tác dân số.", True), ("III. KINH PHÍ THỰC HIỆN", False)):
        second_text, second_runs = _page([*body, (300.0, 12.0, tail)])
        pages, notes = split_notes([first_text, second_text], [first_runs, second_runs])
        assert [label for label, _ in notes] == ["1"]
        assert notes[0][1].endswith("số 21-NQ/TW về công tác dân số.") == carried
        assert (tail in pages[1]) != carried
        assert "Chương trình số 30" not in pages[0] and "kế hoạch1" in pages[0]


def test_a_word_tables_rows_are_its_rows_those_left_to_fill_in_too() -> None:
    """A Word appendix's table has as many rows as Word's ``w:tr``, as its reader counts them: a
    form's rows left blank to fill in are rows, a merged cell spans its columns."""
    def cell(text: str, span: int = 1) -> str:
        grid = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{grid}{builders._para(text)}</w:tc>"

    def row(*cells: str) -> str:
        return f"<w:tr>{''.join(cells)}</w:tr>"

    table = ("<w:tbl>" + row(cell("TT"), cell("Nhiệm vụ"), cell("Kết quả"))
             + row(cell("I. NHIỆM VỤ CHUNG", 3))
             + row(cell("1"), cell("Tuyên truyền về bình đẳng giới"), cell(""))
             + row(cell(""), cell(""), cell("")) + row(cell(""), cell(""), cell("")) + "</w:tbl>")
    body = builders.PLAN_PARAS + builders._para("PHỤ LỤC") + builders._para("BIỂU TỔNG HỢP KẾT QUẢ") + table
    plan = plandiff.parse(builders.raw_docx(body))
    [appendix] = plan.appendices
    assert appendix.tables[0].rows == (
        ("TT", "Nhiệm vụ", "Kết quả"), ("I. NHIỆM VỤ CHUNG",) * 3, ("1", "Tuyên truyền về bình đẳng giới", ""),
        ("", "", ""), ("", "", ""))
    lost, invented = lost_and_invented(plan)
    assert lost == Counter()
    assert invented == Counter("I.NHIỆMVỤCHUNG" * 2)  # the merged cell's text, given to the two columns it spans
