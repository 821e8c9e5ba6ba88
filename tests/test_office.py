"""The office's versions: Word 97–2003 .doc files, drafts and version marks, and the comparison
handed back as Word (tracked changes; the comparison table). Real files in fixtures/office/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

import plandiff
from plandiff.parsing.audit import lost_and_invented
from plandiff.render.docx import (
    _appendix_lines,
    _back_lines,
    _front_lines,
    _line,
    _parts_outside_clauses,
    _title,
    comparison_table,
    resolve,
    tracked_changes,
)

from . import builders
from .conftest import FIXTURES, load

OFFICE = FIXTURES / "office"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (Debian package libreoffice-writer-nogui)")


def _convert(path: Path, to: str, out: Path) -> Path:
    assert SOFFICE is not None
    subprocess.run([SOFFICE, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", to,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=120)
    return out / f"{path.stem}.{to.split(':')[0]}"


@needs_soffice
@pytest.mark.parametrize(("kind", "magic"), [("doc", b"\xd0\xcf\x11\xe0"), ("rtf", b"{\\rtf"), ("odt", b"PK")])
def test_a_doc_gives_the_tree_of_the_same_document_saved_as_docx(tmp_path: Path, kind: str, magic: bytes) -> None:
    """A .doc, an RTF file (many portals' ".doc" downloads are RTF: named .doc here) and an .odt:
    converted by LibreOffice, the same tree and header as the .docx."""
    source = OFFICE / "lamdong-ttcchc-2026-2.docx"
    doc = _convert(source, kind, tmp_path)
    if kind == "rtf":
        doc = doc.rename(doc.with_suffix(".doc"))
    assert doc.read_bytes().startswith(magic)
    from_docx, from_doc = plandiff.parse(source), plandiff.parse(doc)
    assert from_doc.meta.source_format == kind
    assert [(c.id, c.label, c.text) for c in from_doc.walk()] == [(c.id, c.label, c.text) for c in from_docx.walk()]
    keep = ("issuer", "number", "year", "month", "title", "signer", "signer_title")
    assert {k: getattr(from_doc.meta, k) for k in keep} == {k: getattr(from_docx.meta, k) for k in keep}


@needs_soffice
def test_a_doc_typed_in_tcvn3_fonts_reads_as_its_letters(tmp_path: Path) -> None:
    """An office's old draft: the header in Times New Roman, the body in .VnTime (the Normal
    style's font), headings in capitals in .VnTimeH, saved as Word 97–2003. LibreOffice writes
    TCVN3's "ư" (Windows-1252's soft hyphen) as an optional hyphen; the plan reads as the
    letters the fonts draw, as the same plan typed in Unicode."""
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    from plandiff.read.legacy import encode_tcvn3

    want = load("tth-2024")
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = ".VnTime"
    normal.element.rPr.rFonts.set(qn("w:hAnsi"), ".VnTime")
    header = True
    for line in (FIXTURES / "tth-2024.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        header = header and not line.strip().startswith("KẾ HOẠCH")
        run = document.add_paragraph().add_run(line if header else encode_tcvn3(line).decode("cp1252"))
        if header or line == line.upper():
            run.font.name = "Times New Roman" if header else ".VnTimeH"
    document.save(tmp_path / "draft.docx")
    got = plandiff.parse(_convert(tmp_path / "draft.docx", "doc", tmp_path))
    assert got.meta.source_format == "doc"
    assert (got.meta.issuer, got.meta.number, got.meta.title) == (want.meta.issuer, want.meta.number, want.meta.title)
    assert [(c.id, c.kind) for c in got.walk()] == [(c.id, c.kind) for c in want.walk()]
    assert [c.instrument for c in plandiff.citations(got)] == [c.instrument for c in plandiff.citations(want)]
    assert "nhà nước" in got.source and "cường" in got.source


@needs_soffice
@pytest.mark.parametrize("name", ["lamdong-tdcchc-2026-1.doc", "lamdong-tkclmatuy-2025.doc"])
def test_real_doc_files_read_with_their_automatic_numbering(name: str) -> None:
    plan = plandiff.parse(OFFICE / name)
    assert plan.meta.source_format == "doc" and plan.meta.issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert [c.label for c in plan.clauses][:3] == ["I.", "II.", "III."]
    assert not any(lost_and_invented(plan))


def test_a_doc_without_libreoffice_says_what_to_install(tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": str(bare)}
    p = subprocess.run([str(bare / "python"), "-m", "plandiff_cli.main", "parse", str(OFFICE / "lamdong-tkclmatuy-2025.doc")],
                       capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 2 and "LibreOffice" in p.stderr and p.stderr.count("\n") == 1


def _head(*lines: str) -> str:
    return "".join(builders._para(x) for x in lines)


BODY = _head("KẾ HOẠCH", "Thực hiện công tác cải cách hành chính năm 2026", "I. MỤC ĐÍCH", "1. Nâng cao chất lượng phục vụ.")


@pytest.mark.parametrize(("front", "mark", "where", "version"), [
    (_head("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "DỰ THẢO", "Số: /KH-UBND"), "DỰ THẢO", "header line", None),
    (_head("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số:      /KH-UBND (Dự thảo lần 2)"), "(Dự thảo lần 2)", "number line", 2),
    (_head("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: /KH-UBND", "Lâm Đồng, ngày    tháng 02 năm 2026"), "Dự thảo 3", "page header", 3),
])
def test_drafts_say_so_and_the_mark_stays_out_of_number_and_title(front: str, mark: str, where: str, version: int | None) -> None:
    header = ('<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Dự thảo 3</w:t></w:r>'
              "</w:p></w:hdr>") if where == "page header" else None
    data = builders.raw_docx(front + BODY, extra={"word/header1.xml": header.encode()} if header else None)
    m = plandiff.parse(data).meta
    assert (m.draft, m.draft_mark, m.draft_where) == (True, mark, where)
    assert m.number is None and m.title == "Thực hiện công tác cải cách hành chính năm 2026"
    if where != "page header":
        assert m.version == version


@pytest.mark.parametrize("name", ["lamdong-ttcchc-2026-1.docx", "lamdong-ttcchc-2026-2.docx"])
def test_a_drafts_header_title_and_preamble_apart(name: str) -> None:
    """The department's draft: "Lâm Đồng, ngày  tháng  năm" left blank beside "Số:  /KH-UBND", a
    title with no rule under it, then "Tiếp tục thực hiện Nghị quyết số 76/NQ-CP … như sau:"."""
    plan = plandiff.parse(OFFICE / name)
    assert (plan.meta.place, plan.meta.title) == ("Lâm Đồng", "Tuyên truyền Cải cách hành chính năm 2026")
    assert plan.preamble.startswith("Tiếp tục thực hiện Nghị quyết số 76/NQ-CP") and plan.preamble.endswith("như sau:")
    cites = plandiff.citations(plan)
    assert [(c.symbol, c.role) for c in cites if c.clause == "preamble" and c.symbol] == [("76/NQ-CP", "basis")]
    # "Cải cách hành chính (sau đây viết tắt là CCHC)" shortens those words: "CCHC" cites nothing
    assert not [c for c in cites if c.raw == "CCHC"]


def test_a_blank_date_left_to_the_year_still_gives_the_place() -> None:
    data = builders.raw_docx(_head("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: /KH-UBND", "Lâm Đồng, ngày    tháng    năm") + BODY)
    m = plandiff.parse(data).meta
    assert (m.place, m.date, m.number) == ("Lâm Đồng", None, None)


def test_a_draft_with_tracked_changes_reads_as_accepted() -> None:
    """A draft passed between offices with its revisions still tracked: deletions out, insertions
    in, a moved paragraph or phrase once, where it went; nothing counted lost."""
    rev = 'w:author="A" w:date="2026-01-01T00:00:00Z"'
    body = (builders._para("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG") + builders._para("KẾ HOẠCH")
            + builders._para("Thực hiện công tác cải cách hành chính năm 2026") + builders._para("I. MỤC ĐÍCH")
            + f'<w:p><w:r><w:t xml:space="preserve">1. Nâng cao chất lượng </w:t></w:r><w:del w:id="1" {rev}><w:r>'
            f'<w:delText>phục vụ cũ </w:delText></w:r></w:del><w:moveFrom w:id="2" {rev}><w:r><w:t xml:space="preserve">hành '
            f'chính </w:t></w:r></w:moveFrom><w:ins w:id="3" {rev}><w:r><w:t xml:space="preserve">phục vụ </w:t></w:r></w:ins>'
            f'<w:moveTo w:id="4" {rev}><w:r><w:t>hành chính</w:t></w:r></w:moveTo><w:r><w:t>.</w:t></w:r></w:p>'
            + f'<w:moveFrom w:id="5" {rev}><w:p><w:r><w:t>2. Tuyên truyền về cải cách.</w:t></w:r></w:p></w:moveFrom>'
            + builders._para("3. Kiểm tra việc thực hiện.")
            + f'<w:moveTo w:id="6" {rev}><w:p><w:r><w:t>2. Tuyên truyền về cải cách.</w:t></w:r></w:p></w:moveTo>')
    plan = plandiff.parse(builders.raw_docx(body))
    assert [(c.label, c.text) for c in plan.walk()] == [
        ("I.", "MỤC ĐÍCH"), ("1.", "Nâng cao chất lượng phục vụ hành chính."), ("3.", "Kiểm tra việc thực hiện."),
        ("2.", "Tuyên truyền về cải cách.")]
    assert lost_and_invented(plan) == (Counter(), Counter())


@needs_soffice
def test_a_word_file_saved_as_a_web_page_keeps_its_footnote(tmp_path: Path) -> None:
    """LibreOffice's (and Word's) HTML export links each note's mark to the note and back: read as
    the plan's footnote, as the .docx gives it."""
    source = OFFICE / "lamdong-tdcchc-2026-2.docx"
    page = _convert(source, "html", tmp_path)
    got, want = plandiff.parse(page), plandiff.parse(source)
    assert got.meta.source_format == "html" and len(want.footnotes) == 1
    assert [(n.label, n.clause, " ".join(n.text.split())) for n in got.footnotes] == [
        (n.label, n.clause, " ".join(n.text.split())) for n in want.footnotes]
    assert lost_and_invented(got) == (Counter(), Counter())


def test_word_html_footnotes() -> None:
    """Word's "Save as Web Page": "<a href="#_ftn1" name="_ftnref1"><sup>[1]</sup></a>" in the text,
    "<a href="#_ftnref1" name="_ftn1">[1]</a> …" at the end."""
    page = ("<html><head><meta charset='utf-8'></head><body><div class=WordSection1>"
            "<p>ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG</p><p>KẾ HOẠCH</p><p>Thực hiện công tác bình đẳng giới năm 2026</p>"
            "<p>I. MỤC ĐÍCH</p><p>1. Thực hiện Luật Bình đẳng giới<a href='#_ftn1' name='_ftnref1'><sup>[1]</sup></a> "
            "trên địa bàn tỉnh.</p></div><div><hr><div id=ftn1><p><a href='#_ftnref1' name='_ftn1'>[1]</a> Luật số "
            "73/2006/QH11 ngày 29/11/2006.</p></div></div></body></html>")
    plan = plandiff.parse(page.encode())
    assert [(n.label, n.clause, n.text) for n in plan.footnotes] == [("1", "I.1", "Luật số 73/2006/QH11 ngày 29/11/2006.")]
    assert plan.find("I.1").text == "Thực hiện Luật Bình đẳng giới trên địa bàn tỉnh."


def test_endnotes_are_notes_numbered_after_the_footnotes() -> None:
    """A Word file whose notes are endnotes (or both kinds): each note's text kept, attached where
    its mark stands, numbered after the footnotes (their text was lost, unseen by the audit too)."""
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    ends = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes xmlns:w="{W}">'
            '<w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote>'
            '<w:endnote w:id="1"><w:p><w:r><w:t>Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ.</w:t></w:r></w:p>'
            "</w:endnote></w:endnotes>").encode()
    foot = '<w:footnote w:id="1"><w:p><w:r><w:t>Luật Bình đẳng giới năm 2006.</w:t></w:r></w:p></w:footnote>'
    body = (builders._para("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG") + builders._para("KẾ HOẠCH")
            + builders._para("Thực hiện công tác bình đẳng giới năm 2026") + builders._para("I. MỤC ĐÍCH")
            + '<w:p><w:r><w:t>1. Thực hiện Luật</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
            '<w:r><w:t xml:space="preserve"> và Chương trình</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r>'
            "<w:r><w:t>.</w:t></w:r></w:p>")
    plan = plandiff.parse(builders.raw_docx(body, footnotes=foot, extra={"word/endnotes.xml": ends}))
    assert [(n.label, n.clause, n.text) for n in plan.footnotes] == [
        ("1", "I.1", "Luật Bình đẳng giới năm 2006."),
        ("2", "I.1", "Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ.")]
    assert plan.find("I.1").text == "Thực hiện Luật và Chương trình."
    assert "1719/QĐ-TTg" in {c.symbol for c in plandiff.citations(plan)}
    assert lost_and_invented(plan) == (Counter(), Counter())


def test_a_text_box_drawn_in_both_formats_is_read_once() -> None:
    """Word and LibreOffice write a text box twice (DrawingML in mc:Choice, VML in mc:Fallback):
    its text is the plan's once, and nothing of it is lost."""
    data = builders.docx_with_text_box("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", ["KẾ HOẠCH", "Thực hiện công tác cải cách hành chính năm 2026",
                                                                    "I. MỤC ĐÍCH", "1. Nâng cao chất lượng phục vụ."],
                                       both_formats=True)
    plan = plandiff.parse(data)
    assert plan.source.count("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG") == 1
    assert plan.meta.issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert lost_and_invented(plan)[0] == Counter()


def test_a_draft_in_a_text_box_and_a_version_in_the_title() -> None:
    data = builders.docx_with_text_box("DỰ THẢO", ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "KẾ HOẠCH",
                                                  "Thực hiện công tác cải cách hành chính năm 2026 (lần 2)",
                                                  "I. MỤC ĐÍCH", "1. Nâng cao chất lượng phục vụ."])
    m = plandiff.parse(data).meta
    assert (m.draft, m.version, m.title) == (True, 2, "Thực hiện công tác cải cách hành chính năm 2026")


def test_a_history_orders_versions_by_what_they_say() -> None:
    draft, edited = plandiff.parse(OFFICE / "lamdong-ttcchc-2026-1.docx"), plandiff.parse(OFFICE / "lamdong-ttcchc-2026-2.docx")
    h = plandiff.history([edited, draft])
    assert [p.name for p in h.plans] == ["lamdong-ttcchc-2026-1", "lamdong-ttcchc-2026-2"]
    assert h.order[0].endswith("not signed") and "signed by Nguyễn Ngọc Phúc" in h.order[1]
    assert h.order[-1].startswith("reordered")
    kept = plandiff.history([draft, edited])
    assert not kept.order[-1].startswith("reordered")
    changed = [lin for lin in kept.lineages if lin.steps[1].status == "modified"]
    assert changed  # the office's edits between the draft and the text for signature


def _words(paragraphs: list[str]) -> list[str]:
    return " ".join(paragraphs).split()


def _document(plan: plandiff.Plan) -> list[str]:
    """What a reader signs off: header, title, preamble, clauses, recipients, signature, appendices."""
    recipients, signature = _back_lines(plan)
    return [*_front_lines(plan), _title(plan), plan.preamble, *[_line(c) for c in plan.walk()], *recipients, *signature,
            *_appendix_lines(plan)]


@pytest.mark.parametrize(("a", "b"), [("tth-2023", "tth-2024"), ("tth-2024", "hue-2026"), ("tth-2024", "hungyen-2024")])
def test_tracked_changes_accept_all_gives_b_and_reject_all_gives_a(a: str, b: str) -> None:
    pa, pb = load(a), load(b)
    data = tracked_changes(plandiff.align(pa, pb))
    assert _words(resolve(data, accept=True)) == _words(_document(pb))
    assert _words(resolve(data, accept=False)) == _words(_document(pa))
    xml = zipfile.ZipFile(__import__("io").BytesIO(data)).read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml
    if (a, b) == ("tth-2024", "hue-2026"):  # agencies' duties moved under other agencies
        assert "<w:moveFromRangeStart" in xml and "<w:moveToRangeStart" in xml


def test_the_office_versions_round_trip_too() -> None:
    pa, pb = plandiff.parse(OFFICE / "lamdong-ttcchc-2026-1.docx"), plandiff.parse(OFFICE / "lamdong-ttcchc-2026-2.docx")
    data = tracked_changes(plandiff.align(pa, pb))
    assert _words(resolve(data, accept=True)) == _words(_document(pb))
    assert _words(resolve(data, accept=False)) == _words(_document(pa))


def test_the_word_comparison_shows_a_new_signer_and_recipients_as_tracked_changes() -> None:
    """The department's draft is unsigned ("CHỦ TỊCH", no name) and the text for signature is
    signed by a vice-chairman with two recipients fewer: the Word outputs show both."""
    pa, pb = plandiff.parse(OFFICE / "lamdong-ttcchc-2026-1.docx"), plandiff.parse(OFFICE / "lamdong-ttcchc-2026-2.docx")
    assert pa.signature != pb.signature and pa.recipients != pb.recipients  # (what the office changed)
    al = plandiff.align(pa, pb)
    accepted, rejected = resolve(tracked_changes(al), accept=True), resolve(tracked_changes(al), accept=False)
    assert accepted[-len(pb.signature):] == list(pb.signature) and rejected[-len(pa.signature):] == list(pa.signature)
    assert accepted[:2] == _front_lines(pb)[:2] and "Nơi nhận:" in accepted
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = __import__("lxml.etree", fromlist=["etree"]).fromstring(
        zipfile.ZipFile(__import__("io").BytesIO(comparison_table(al))).read("word/document.xml"))
    firsts = ["".join(t.text or "" for t in tr.find(f"{w}tc").iter(f"{w}t")) for tr in root.findall(f".//{w}tr")]
    assert any(f.startswith("Nơi nhận:") for f in firsts) and any(f.startswith("Người ký:") for f in firsts)


def test_the_markdown_comparison_names_the_new_signer_and_recipients() -> None:
    pa, pb = plandiff.parse(OFFICE / "lamdong-ttcchc-2026-1.docx"), plandiff.parse(OFFICE / "lamdong-ttcchc-2026-2.docx")
    md = plandiff.render_markdown(plandiff.align(pa, pb))
    section = md[md.index("## người ký, nơi nhận"):]
    assert f"→ {pb.meta.signer_title} {pb.meta.signer}" in section
    added = [r for r in pb.recipients if r not in pa.recipients]
    assert added and section.count("- nơi nhận thêm: ") == len(added)
    english = plandiff.render_markdown(plandiff.align(pa, pb), lang="en")
    assert english[english.index("## signer, recipients"):].count("- recipient added: ") == len(added)
    same = plandiff.render_markdown(plandiff.align(pb, pb))
    assert "## người ký, nơi nhận" not in same


def test_the_comparison_table_has_a_row_per_changed_provision() -> None:
    al = plandiff.align(load("tth-2024"), load("hue-2026"))
    root = __import__("lxml.etree", fromlist=["etree"]).fromstring(
        zipfile.ZipFile(__import__("io").BytesIO(comparison_table(al))).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    rows = root.findall(f".//{w}tr")
    changed = sum(1 for p in al.pairs if p.kind != "unchanged") + len(al.added) + len(al.removed)
    # and a row for each part outside the clauses that changed (2024's number and date, its signer …)
    outside = [part for part, lines_a, lines_b in _parts_outside_clauses(al.a, al.b) if lines_a != lines_b]
    assert outside and len(rows) == 1 + changed + len(outside)
    cells = ["".join(t.text or "" for t in tc.iter(f"{w}t")) for tc in rows[1].findall(f"{w}tc")]
    first = next(p for p in al.pairs if p.kind != "unchanged")
    assert cells[0].startswith(f"{first.a}:") and cells[1].startswith(f"{first.b}:") and cells[2].startswith("Sửa đổi")


@needs_soffice
def test_libreoffice_opens_the_word_outputs(tmp_path: Path) -> None:
    a, b = FIXTURES / "tth-2024.txt", FIXTURES / "hue-2026.txt"
    for fmt, name in (("docx", "changes.docx"), ("table", "so-sanh.docx")):
        out = tmp_path / name
        done = subprocess.run([sys.executable, "-m", "plandiff_cli.main", "diff", str(a), str(b), "--format", fmt, "-o", str(out)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        pdf = _convert(out, "pdf", tmp_path)
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_a_signed_text_without_a_month_comes_after_a_dated_draft() -> None:
    def version(head: str, closing: str) -> plandiff.Plan:
        return plandiff.parse_text("\n".join(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số:      /KH-UBND", head, "KẾ HOẠCH",
                                              "Phát động phong trào thi đua năm 2026", "I. MỤC ĐÍCH",
                                              "1. Nâng cao chất lượng phục vụ người dân.", closing]))

    draft = version("Lâm Đồng, ngày      tháng 02 năm 2026", "CHỦ TỊCH")
    signed = version("Lâm Đồng, ngày      tháng      năm 2026", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Ngọc Phúc")
    assert (draft.meta.month, signed.meta.month, signed.meta.signer) == (2, None, "Nguyễn Ngọc Phúc")
    for given in ([signed, draft], [draft, signed]):
        assert [p is draft for p in plandiff.history(given).plans] == [True, False]


@needs_soffice
def test_libreoffices_web_page_of_a_word_file_with_automatic_numbering(tmp_path: Path) -> None:
    """LibreOffice saves a Word file's automatic numbering as HTML lists (`<ol>`, `<ul>`), the
    numbers left to the browser: read as a browser shows them, the same tree as the Word file."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "Số: 12/KH-UBND", "Thanh Hóa, ngày 5 tháng 1 năm 2026", "KẾ HOẠCH",
                 "Thực hiện công tác bình đẳng giới năm 2026", "I. MỤC ĐÍCH, YÊU CẦU"):
        document.add_paragraph(line)
    document.add_paragraph("Nâng cao nhận thức về bình đẳng giới.", style="List Number")
    document.add_paragraph("Bảo đảm sự phối hợp của các sở, ngành.", style="List Number")
    document.add_paragraph("Tuyên truyền trên báo chí.", style="List Bullet")
    source = tmp_path / "plan.docx"
    document.save(str(source))
    page = _convert(source, "html", tmp_path)
    assert b"<ol" in page.read_bytes() and b"<ul" in page.read_bytes()
    got, from_docx = plandiff.parse(page), plandiff.parse(source)
    assert got.meta.source_format == "html"
    assert [(c.id, c.text) for c in got.walk()] == [(c.id, c.text) for c in from_docx.walk()] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("I.1", "Nâng cao nhận thức về bình đẳng giới."),
        ("I.2", "Bảo đảm sự phối hợp của các sở, ngành."), ("I.2.-1", "Tuyên truyền trên báo chí.")]
