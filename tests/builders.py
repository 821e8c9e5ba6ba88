"""Build .docx, .pdf and .html versions of a parsed plan, for the format tests.

The .docx is written by hand (zip + WordprocessingML) so that Word's automatic numbering
(numbering.xml) and footnotes (footnotes.xml) can be exercised exactly.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import plandiff

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LEVEL_OF = {"section": 0, "item": 1, "subitem": 2, "point": 3, "dash": 4}


def logical_blocks(plan: plandiff.Plan) -> list[tuple[str, str | None, str]]:
    """(role, label, text) in reading order: header, title, preamble, clauses, back matter."""
    out: list[tuple[str, str | None, str]] = []
    m = plan.meta
    if m.doc_type:
        out.append(("title", None, m.doc_type))
    if m.title:
        out.append(("title", None, m.title))
    out.extend(("para", None, p) for p in plan.preamble.split("\n") if p)
    for c in plan.walk():
        paras = c.text.split("\n")
        out.append((c.kind, c.label, paras[0]))
        out.extend(("para", None, p) for p in paras[1:])
    if plan.recipients:
        out.append(("back", None, "Nơi nhận:"))
        out.extend(("back", None, f"- {r}") for r in plan.recipients)
    out.extend(("back", None, s) for s in plan.signature)
    return out


def _run(text: str, *, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, num: tuple[int, int] | None = None, note_refs: dict[int, int] | None = None, *,
          bold: bool = False, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>' if num else ""
    if style:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    if not note_refs:
        return f"<w:p>{ppr}{_run(text, bold=bold)}</w:p>"
    runs, last = [], 0
    for pos, note_id in sorted(note_refs.items()):
        runs.append(_run(text[last:pos]))
        runs.append(f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>')
        last = pos
    runs.append(_run(text[last:]))
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _header_table(plan: plandiff.Plan) -> str:
    m = plan.meta
    issuer = [h.text for h in plan.header if h.role == "issuer"]
    motto = list(m.motto)
    number = next((h.text for h in plan.header if h.role == "number"), "")

    def cell(lines: list[str]) -> str:
        return "<w:tc>" + "".join(_para(x) for x in lines or [""]) + "</w:tc>"

    row1 = f"<w:tr>{cell(issuer)}{cell(motto)}</w:tr>"
    row2 = f"<w:tr>{cell([number])}{cell([])}</w:tr>" if number else ""
    return f"<w:tbl>{row1}{row2}</w:tbl>"


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def to_docx(plan: plandiff.Plan, *, auto_numbering: bool = False, footnotes: bool = False, styled: bool = False) -> bytes:
    """A Word document of the plan: header in a two-column table, clauses typed or auto-numbered;
    ``styled``: the title in a heading style and sections and items with children in bold."""
    body: list[str] = [_header_table(plan)]
    place = next((h.text for h in plan.header if h.role == "place_date"), None)
    if place:
        body.append(_para(place))
    notes_by_clause: dict[str, list[tuple[int, str, str]]] = {}
    if footnotes:
        for k, f in enumerate(plan.footnotes, start=1):
            if f.clause:
                notes_by_clause.setdefault(f.clause, []).append((k, f.label, f.text))
    clause_ids = iter([c.id for c in plan.walk()])
    for role, label, text in logical_blocks(plan):
        if role in LEVEL_OF and label is not None:
            cid = next(clause_ids)
            refs = {}
            for k, note_label, _ in notes_by_clause.get(cid, []):
                marker = next(a for a in plan.artefacts if a.kind == "footnote_marker" and a.text == note_label)
                clause = plan.find(cid)
                # the marker's place in the clause text: the words before it, as printed
                before = plan.source[clause.span.start:marker.span.start]
                words_before = " ".join(before.split())[len(label):].strip()
                refs[len(words_before) if text.startswith(words_before) else len(text)] = k
            bold = styled and role in ("section", "item") and bool(plan.find(cid).children)
            if auto_numbering:
                body.append(_para(text, (1, LEVEL_OF[role]), refs, bold=bold))
            else:
                body.append(_para(f"{label} {text}", None, {p + len(label) + 1: n for p, n in refs.items()}, bold=bold))
        elif styled and role == "title":
            body.append(_para(text, style="Heading1"))
        else:
            body.append(_para(text))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
                + "".join(body) + "</w:body></w:document>")
    notes_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
                 + "".join(f'<w:footnote w:id="{k}">{_para(t)}</w:footnote>'
                           for notes in notes_by_clause.values() for k, _, t in notes)
                 + "</w:footnotes>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    '<Default Extension="xml" ContentType="application/xml"/>'
                    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                    "</Types>")
        zf.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                    "</Relationships>")
        zf.writestr("word/document.xml", document)
        if auto_numbering:
            zf.writestr("word/numbering.xml", NUMBERING)
        if footnotes:
            zf.writestr("word/footnotes.xml", notes_xml)
    return buf.getvalue()


def to_pdf(plan: plandiff.Plan, *, encrypt: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    if encrypt:
        pdf.set_encryption(owner_password=encrypt, user_password=encrypt)
    pdf.add_page()
    for h in plan.header:
        if h.role in ("issuer", "motto", "number", "place_date"):
            pdf.multi_cell(0, 6, h.text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for _role, label, text in logical_blocks(plan):
        line = f"{label} {text}" if label else text
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def lines_pdf(lines: list[str], *, size: int = 10, height: float = 5) -> Any:
    """An fpdf2 document (``FPDF``) with each line in a cell of its own, in DejaVu Sans: for
    text layers that hold exactly these lines; ``bytes(doc.output())`` is the PDF."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=size)
    pdf.add_page()
    for line in lines:
        pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
    return pdf


def scanned_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    return bytes(pdf.output())


def to_html(plan: plandiff.Plan) -> str:
    issuer = "<br>".join(escape(h.text) for h in plan.header if h.role == "issuer")
    motto = "<br>".join(escape(x) for x in plan.meta.motto)
    number = next((escape(h.text) for h in plan.header if h.role == "number"), "")
    paras = "\n".join(f"<p>{escape((label + ' ') if label else '')}{escape(text)}</p>" for _, label, text in logical_blocks(plan))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản</title><script>var x = 1;</script></head>
<body><div class="header-menu"><ul><li><a href="/">Trang chủ</a></li><li>Văn bản pháp luật</li></ul></div>
<nav class="breadcrumb">Trang chủ › Văn bản › Kế hoạch</nav>
<div id="toanvan" class="content1"><table><tr><td>{issuer}</td><td>{motto}</td></tr><tr><td>{number}</td><td></td></tr></table>
{paras}</div>
<div class="footer">Cơ sở dữ liệu văn bản · Liên hệ · Điều khoản sử dụng</div></body></html>"""


def to_pdf_with_running_lines(plan: plandiff.Plan) -> bytes:
    """Several pages, each with a running header and a page number in the footer."""
    from fpdf import FPDF

    class Paged(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", size=8)
            self.cell(0, 5, "Cổng thông tin điện tử tỉnh — bản sao văn bản", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("DejaVu", size=8)
            self.cell(0, 5, f"Trang {self.page_no()}", align="C")

    pdf = Paged()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    for h in plan.header:
        if h.role in ("issuer", "motto", "number", "place_date"):
            pdf.multi_cell(0, 6, h.text, new_x="LMARGIN", new_y="NEXT")
    for _role, label, text in logical_blocks(plan):
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(0, 6, f"{label} {text}" if label else text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def docx_with_text_box(text_in_box: str, body: list[str], *, both_formats: bool = False) -> bytes:
    """A minimal .docx whose first paragraph holds a text box (a stamp or a heading drawn in a frame).
    ``both_formats``: drawn as Word 2010 and LibreOffice write it, a DrawingML shape in mc:Choice
    and the same box again in VML in mc:Fallback."""
    vml = (f'<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
           f"{_para(text_in_box)}</w:txbxContent></v:textbox></v:shape></w:pict>")
    if both_formats:
        mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
        wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
        drawing = (f'<w:drawing><wps:wsp xmlns:wps="{wps}"><wps:txbx><w:txbxContent>{_para(text_in_box)}</w:txbxContent>'
                   "</wps:txbx></wps:wsp></w:drawing>")
        vml = (f'<mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps">{drawing}</mc:Choice>'
               f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>")
    box = f"<w:p><w:r>{vml}</w:r></w:p>"
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
                + box + "".join(_para(x) for x in body) + "</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def portal_markdown_to_html(md: str) -> str:
    """A legal portal's HTML page for the Markdown a converter made of it: the flattened tables
    (a lone "|" between cells, two between rows) back as <table>, blank-line paragraphs as <p>,
    emphasis as <b>/<i>, inside the page's navigation and footer."""
    def inline(text: str) -> str:
        text = escape(text)
        text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text, flags=re.S)
        return text.replace("**", "").replace("*", "")

    out: list[str] = []
    lines = md.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() == "|":
            # a flattened table: cells between pipes, rows between double pipes
            rows: list[list[str]] = [[]]
            cell: list[str] = []
            j = i + 1
            while j < len(lines) and (lines[j].strip() == "|" or lines[j].strip()):
                if lines[j].strip() == "|":
                    if cell:
                        rows[-1].append("<br>".join(inline(x) for x in cell))
                    elif lines[j - 1].strip() == "|" and rows[-1]:
                        rows.append([])  # "|" right after "|": the next row (empty cells are dropped)
                    cell = []
                else:
                    cell.append(lines[j])
                j += 1
            if cell:
                rows[-1].append("<br>".join(inline(x) for x in cell))
            body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows if r)
            out.append(f"<table>{body}</table>")
            i = j
            continue
        para: list[str] = []
        while i < len(lines) and lines[i].strip() and lines[i].strip() != "|":
            bare = lines[i].replace("*", "")
            if para and para[-1].replace("*", "") == para[-1].replace("*", "").upper() and bare != bare.upper():
                out.append(f"<p>{inline(' '.join(para))}</p>")  # a heading in capitals, then the text
                para = []
            para.append(lines[i])
            i += 1
        if para:
            out.append(f"<p>{inline(' '.join(para))}</p>")
        else:
            i += 1
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Văn bản</title></head><body>"
            "<div class=\"header-menu\"><a href=\"/\">Trang chủ</a></div>"
            f"<div id=\"toanvan\" class=\"content1\">{''.join(out)}</div>"
            "<div class=\"footer\">Cơ sở dữ liệu văn bản · Liên hệ</div></body></html>")


def raw_docx(body: str, *, numbering: str | None = None, footnotes: str | None = None,
             compression: int = zipfile.ZIP_DEFLATED, extra: dict[str, bytes] | None = None) -> bytes:
    """A .docx from raw WordprocessingML: ``body`` goes inside w:body; ``numbering`` and
    ``footnotes`` are the inner XML of those parts. For hostile and odd documents."""
    def part(root: str, inner: str) -> str:
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W}">{inner}</w:{root}>'

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        zf.writestr("word/document.xml", part("document", f"<w:body>{body}</w:body>"))
        if numbering is not None:
            zf.writestr("word/numbering.xml", part("numbering", numbering))
        if footnotes is not None:
            zf.writestr("word/footnotes.xml", part("footnotes", footnotes))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


PLAN_PARAS = "".join(_para(x) for x in ("KẾ HOẠCH", "Thử nghiệm", "I. NỘI DUNG", "1. Làm việc."))
"""A minimal plan's paragraphs, to put hostile parts around."""


def narrow_header_pdf(rows: list[tuple[str, str]], body: list[str], recipients: list[str], signature: list[str]) -> bytes:
    """A PDF printed from a web page or an HTML export: the header's two narrow cells drawn row by
    row, each cell's lines wrapped ("UBND TỈNH LÀO" / "CAI"); the recipients' list markers drawn
    as shapes (no text), the signature in the right column after them."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    y = 20.0
    for left, right in rows:
        lines_l, lines_r = left.split("\n"), right.split("\n")
        for k, text in enumerate(lines_l):
            pdf.text(20, y + 5 * k, text)
        for k, text in enumerate(lines_r):
            pdf.text(90, y + 5 * k, text)
        y += 5 * max(len(lines_l), len(lines_r)) + 2
    for text in body:
        y += 6
        pdf.text(20, y, text)
    y += 10
    top = y
    pdf.text(20, y, "Nơi nhận:")
    for text in recipients:
        y += 5
        pdf.circle(21, y - 1, 1, style="F")  # the marker a browser draws
        pdf.text(24, y, text)
    for k, text in enumerate(signature):
        pdf.text(110, top + 6 * k, text)
    return bytes(pdf.output())


def fallback_font_pdf(plan: plandiff.Plan, *, in_place: bool = True, overshoot: float = 0.0, hook_gap: float = 0.0) -> bytes:
    """A PDF whose font lacked Vietnamese letters with a hook, a dot below or two marks: the
    printer drew them after the rest of each line (what a LibreOffice export without Vietnamese
    fonts does), so its text layer, read in drawing order, says "Th c hi n công tác ự ệ".
    ``in_place``: each drawn where it stands in its word (the page reads right); otherwise after
    the line's end (the page itself is garbled). ``overshoot``: the missing letters drawn from
    another font, this many font sizes wider than the place the line left them, and the space
    after one not drawn — as LibreOffice draws DejaVu Serif into a Liberation Serif line.
    ``hook_gap``: the rest of a word after a letter with a hook above drawn this many millimetres
    further on (the other font's hooked letter wider than its place: "củ a" in the text layer)."""
    import unicodedata

    from fpdf import FPDF

    def missing(ch: str) -> bool:
        marks = [c for c in unicodedata.normalize("NFD", ch)[1:] if unicodedata.combining(c)]
        return len(marks) >= 2 or "\u0323" in marks or "\u0309" in marks

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.add_font("Fallback", fname=str(FONT.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    from fpdf.enums import MethodReturnValue

    def draw_missing(x: float, ch: str) -> None:
        if not overshoot:
            pdf.text(x, y, ch)
            return
        pdf.set_font("Fallback", size=10)
        # the other font's letter scaled to overshoot its place by ``overshoot`` font sizes
        width = pdf.get_string_width(ch)
        pdf.set_stretching(100 * (slot[ch] + overshoot * 10 * 25.4 / 72) / width)
        pdf.text(x, y, ch)
        pdf.set_stretching(100)
        pdf.set_font("DejaVu", size=10)

    slot: dict[str, float] = {}

    texts = [h.text for h in plan.header if h.role in ("issuer", "motto", "number", "place_date")]
    texts += [f"{label} {text}" if label else text for _role, label, text in logical_blocks(plan)]
    lines = [ln for t in texts for ln in pdf.multi_cell(180, 5, t, dry_run=True, output=MethodReturnValue.LINES)]
    y = 15.0
    for line in lines:
        if y > 280:
            pdf.add_page()
            y = 15.0
        later: list[tuple[float, str]] = []
        run, run_x, shift = "", 10.0, 0.0
        for k, ch in enumerate(line):
            x = 10.0 + pdf.get_string_width(line[:k]) + shift
            if missing(ch):
                if run.strip():
                    pdf.text(run_x, y, run)
                slot[ch] = pdf.get_string_width(ch)
                gap = hook_gap if "\u0309" in unicodedata.normalize("NFD", ch) else 0.0
                shift += gap  # what follows on the line drawn that much further on
                run, run_x = "", x + slot[ch] + gap
                later.append((x if in_place else 10.0 + pdf.get_string_width(line) + 2 * len(later) + 2, ch))
            elif overshoot and ch == " " and not run and later:
                run_x += pdf.get_string_width(ch)  # the space after a missing letter: a gap, not drawn
            else:
                run += ch
        if run.strip():
            pdf.text(run_x, y, run)
        for x, ch in later:
            draw_missing(x, ch)
        y += 5
    return bytes(pdf.output())


def pdf_with_ruled_appendix(header: list[str], body: list[str], signature: list[str], appendix: list[str],
                            rows: list[list[str]], *, repeat_header: bool = True) -> bytes:
    """A plan's PDF whose appendix is a ruled table (each cell a bordered box; a cell's lines,
    names under a name, broken with "\\n"), long enough to run on to the next page, where the
    header row is printed again as Word does."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in [*header, "", *body, "", *signature]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for line in appendix:
        pdf.multi_cell(0, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    from fpdf.fonts import FontFace

    with pdf.table(col_widths=(12, 80, 60, 20), repeat_headings=1 if repeat_header else 0, line_height=6,
                   headings_style=FontFace()) as table:
        for row in rows:
            r = table.row()
            for cell in row:
                r.cell(cell)
    return bytes(pdf.output())
