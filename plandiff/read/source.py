"""Stage 1 — read: bytes of any supported form → Unicode NFC text.

The form is detected from the content, never from the file name. Guarantees of the output:
text is NFC, newlines are ``\\n`` only, and ``encoding``/``format`` say what was assumed.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import stat
from pathlib import Path

from .. import errors
from ..compiled import dataclass, regex
from ..textnorm import NOT_PLAIN_CHARS, nfc, plain_spaces, unescaped_breaks
from . import fallback, legacy

MAX_BYTES = 64 * 1024 * 1024
"""Plans are tens of kilobytes; anything past this is not a plan and would only exhaust memory.
A .docx or .pdf may be large for its pictures: the text it holds is bounded apart."""
MAX_TEXT_CHARS = 2_000_000
"""Characters of text after decoding (about a thousand pages): plans hold tens of thousands.
Past it parsing alone would take tens of seconds and gigabytes, so it is refused."""


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str
    format: str
    """text, markdown, docx, doc, pdf or html."""
    encoding: str | None
    name: str | None = None
    hints: tuple[tuple[int, int, str], ...] = ()
    """Formatting a reader sees (Word's heading styles, bold paragraphs): (start, end, kind)."""
    tables: tuple[tuple[int, int, tuple[tuple[str, ...], ...]], ...] = ()
    """Tables the format keeps (a .docx's w:tbl): (start, end, rows of cell texts) over ``text``."""
    seen: str | None = None
    """Every piece of text the reader saw in the file (a .docx's text nodes, a PDF's text runs),
    when the format has more than the text: the nothing-lost audit counts against it."""
    page_headers: tuple[str, ...] = ()
    """The text of Word's page headers and footers: not plan text (page numbers, a "DỰ THẢO"
    mark), looked at for a draft mark only."""
    running: frozenset[str] = frozenset()
    """Lines repeated at the top or bottom of most PDF pages (digits masked as "#"): running
    headers and footers, set aside as artefacts by the clean stage."""
    notes_start: int | None = None
    """Where the footnotes a format keeps apart (Word's footnotes.xml) begin in ``text``: one per
    line, "label<TAB>text". Their markers are glued to the words, as PDF extraction leaves them."""
    preformatted: bool = False
    """A web page that shows the plan as plain text (``<pre>``): its lines are laid out as a text's."""


def read_path(path: str | os.PathLike[str]) -> SourceText:
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise errors.InputNotFound(f"{p}: no such file") from None
    except OSError as exc:  # a folder on the way that may not be entered, a name too long
        raise errors.PlanError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise errors.InputIsDirectory(f"{p}: is a directory, not a plan file")
    if not stat.S_ISREG(st.st_mode):
        # /dev/zero, /dev/urandom, a FIFO: no size to bound and maybe no end
        raise errors.NotARegularFile(f"{p}: is a device, a pipe or a socket, not a plan file")
    if st.st_size > MAX_BYTES:
        raise errors.InputTooLarge(f"{p}: {st.st_size // (1024 * 1024)} MB is too large for a plan (limit {MAX_BYTES // (1024 * 1024)} MB)")
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # the file may have grown since it was measured
    except OSError as exc:
        raise errors.PlanError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise errors.InputTooLarge(f"{p}: too large for a plan (limit {MAX_BYTES // (1024 * 1024)} MB)")
    src = read_bytes(data, label=str(p))
    return SourceText(src.text, src.format, src.encoding, name=p.stem, hints=src.hints, tables=src.tables,
                      notes_start=src.notes_start, seen=src.seen, running=src.running, page_headers=src.page_headers,
                      preformatted=src.preformatted)


def read_bytes(data: bytes, *, label: str = "input") -> SourceText:
    if len(data) > MAX_BYTES:
        raise errors.InputTooLarge(f"{label}: {len(data) // (1024 * 1024)} MB is too large for a plan")
    if not data.strip():
        raise errors.EmptyInput(f"{label}: the file is empty")
    from . import doc

    kind = doc.kind_of(data)
    if kind is not None:  # a Word 97–2003 .doc, an RTF file, an OpenDocument text: LibreOffice converts them
        converted = read_bytes(doc.to_docx(data, label=label, kind=kind), label=label)
        return SourceText(converted.text, kind, None, hints=converted.hints, tables=converted.tables,
                          notes_start=converted.notes_start, seen=converted.seen, page_headers=converted.page_headers)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        from . import docx

        got = docx.extract_text(data, label=label)
        src = _finish(got.text, "docx", None)
        # one line a footnote: a body's own line breaks must not start a line of their own
        tail = _notes_tail(got.notes)
        return SourceText(src.text + tail, "docx", None, hints=tuple(got.hints), tables=tuple(got.tables),
                          notes_start=len(src.text) if got.notes else None, seen=got.seen,
                          page_headers=tuple(got.page_headers))
    if data.startswith(b"%PDF") or data[:1024].lstrip().startswith(b"%PDF"):
        from . import pdf, pdf_tables

        text, seen, running, notes = pdf.extract_text(data, label=label)
        src = _finish(text, "pdf", None)
        # ruled tables (an appendix's task table) as the reader's geometry, as a .docx's are
        tables = pdf_tables.place(src.text, pdf_tables.ruled_tables(data))
        tail = _notes_tail(notes)  # a Word file's footnotes, cut from the pages' feet
        return SourceText(src.text + tail, "pdf", None, seen=_nfc(seen), running=running, tables=tuple(tables),
                          notes_start=len(src.text) if notes else None)
    text, encoding = _declared(data) or decode(data, label=label)
    text = unescaped_breaks(text)
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        from . import html

        page, tables, preformatted = html.extract_text(text, label=label)
        src = _finish(page, "html", encoding)
        return SourceText(src.text, "html", encoding, tables=tuple(tables), preformatted=preformatted)
    named = label.lower().endswith((".md", ".markdown"))
    fmt = "markdown" if looks_like_markdown(text, marks=1 if named else 3) else "text"
    return _tables_in_markdown(_finish(text, fmt, encoding), label)


def _notes_tail(notes: list[tuple[str, str]]) -> str:
    """Footnotes a format keeps apart, after the text: one a line, "label<TAB>text" (``notes_start``),
    a body's own line breaks never starting a line of their own."""
    return "".join(f"{k}\t{_nfc(' '.join(v.split()))}\n" for k, v in notes)


def read_text(text: str) -> SourceText:
    if not text.strip():
        raise errors.EmptyInput("the text is empty")
    text = unescaped_breaks(text)
    return _tables_in_markdown(_finish(text, "markdown" if looks_like_markdown(text) else "text", None), "text")


_HTML_TABLE = regex(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_GRID_TABLE = regex(r"^\+(?:[-=:]+\+)+[ \t]*\n(?:[|+].*(?:\n|$))+", re.MULTILINE)
"""A grid table (pandoc's Markdown of a Word table whose cells hold paragraphs): a border "+---+---+",
then lines of cells between "|" and of borders."""


def _tables_in_markdown(src: SourceText, label: str) -> SourceText:
    """Markdown holding tables whose cells hold paragraphs — written as HTML (pandoc's GitHub or
    CommonMark Markdown of a Word file) or as grid tables (pandoc's own): the header and the
    signature, an appendix's task table. Each is read as a web page's table is: its text in its
    place, cells side by side, its rows kept as a table's. Plain text holds grid and multiline
    tables too (pandoc's plain text of a Word file or a page), their cells' text as it stands."""
    if src.format not in ("markdown", "text"):
        return src
    markdown = src.format == "markdown"
    # (each look a scan in C, one character first: a needle of several costs some 30 µs a look in
    # a long Vietnamese text, one a microsecond)
    text = src.text
    has_html = markdown and "<" in text and ("</table" in text or "</TABLE" in text or "</Table" in text)
    blocks = sorted([m.span(), m.group(0)] for m in _HTML_TABLE.finditer(text)) if has_html else []
    if "+" in text and ("\n+-" in text or text.startswith("+-")):  # (a grid opens with a "+---" border)
        blocks += [[m.span(), _grid_as_html(m.group(0), markdown)] for m in _GRID_TABLE.finditer(text)]
    if "--- ---" in text:
        blocks += [[(start, end), _multiline_as_html(text[start:end], border, markdown)]
                   for start, end, border in _multiline_tables(text)]
    blocks = [b for b in blocks if b[1] is not None]
    if not blocks:
        return src
    blocks.sort(key=lambda b: b[0][0])
    from . import html

    pieces: list[str] = []
    tables: list[tuple[int, int, tuple[tuple[str, ...], ...]]] = []
    size = last = 0
    for (start, end), table in blocks:
        if start < last:
            continue  # (a grid table inside an HTML one, or the other way: read once)
        before = src.text[last:start]
        page, geometry, _ = html.extract_text(f"<html><body>{table}</body></html>", label=label, page=False)
        block = "\n" + page.strip("\n") + "\n"
        at = size + len(before) + 1 - (len(page) - len(page.lstrip("\n")))
        tables.extend((at + a, at + b, rows) for a, b, rows in geometry)
        pieces += [before, block]
        size += len(before) + len(block)
        last = end
    pieces.append(src.text[last:])
    return SourceText("".join(pieces), src.format, src.encoding, tables=tuple(tables))


_MD_INLINE = regex(r"\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|\\([-\\`*_{}\[\]()#+.!|~^])"
                        r"|~(?=\S)([^~\s][^~]*?)~|\^(?=\S)([^^\s][^^]*?)\^")
"""Emphasis, pandoc's subscript and superscript ("~…~", "^…^"), and backslash escapes."""


def _inline_markdown_as_html(text: str) -> str:
    """A grid cell's emphasis as HTML ("**CHỦ TỊCH**", "*Nơi nhận:*") and its escapes as the
    characters they stand for ("\\- Như trên;"), so that the cell's text is the words a reader sees."""
    def tag(m: re.Match[str]) -> str:
        if m.group(4) is not None:
            return m.group(4)
        if m.group(5) is not None or m.group(6) is not None:
            return _inline_markdown_as_html(m.group(5) or m.group(6))
        inner = m.group(1) or m.group(2) or m.group(3)
        return f"<b>{_inline_markdown_as_html(inner)}</b>"

    return _MD_INLINE.sub(tag, text)


_TABLE_BORDER = regex(r"^( *-{3,}(?: +-{3,})+)[ \t]*$", re.MULTILINE)
MULTILINE_ROWS = 400
"""The most lines a multiline table spans between its borders."""


def _multiline_tables(text: str) -> list[tuple[int, int, str]]:
    """The multiline tables of a text (pandoc's Markdown or plain text of a web page's table): a
    border of dash runs, one a column, rows parted by blank lines, the same border under them
    within ``MULTILINE_ROWS`` lines (a rule inside a cell, "--------" under the issuer's name
    beside "---------------" under the motto, is the cell's). Each as (start, end, border), the
    first border that has its twin opening a table, the next after its end. The borders are
    paired in one pass over them (a pattern that looked ahead from each border for its twin read
    a text of many unlike borders hundreds of times)."""
    borders: list[tuple[int, int, int, str]] = []  # (start, end, line number, border)
    line_no, counted = 0, 0
    for m in _TABLE_BORDER.finditer(text):
        line_no += text.count("\n", counted, m.start())
        counted = m.start()
        borders.append((m.start(), m.end(), line_no, m.group(1)))
    twin: list[int | None] = [None] * len(borders)
    later: dict[str, int] = {}
    for k in range(len(borders) - 1, -1, -1):
        twin[k] = later.get(borders[k][3])
        later[borders[k][3]] = k
    found: list[tuple[int, int, str]] = []
    last_end = -1
    for k, (start, _, line, border) in enumerate(borders):
        other = twin[k]
        if start > last_end and other is not None and 1 < borders[other][2] - line <= MULTILINE_ROWS + 1:
            found.append((start, borders[other][1], border))
            last_end = borders[other][1]
    return found


def _multiline_as_html(block: str, border: str, markdown: bool = True) -> str | None:
    """A multiline table as an HTML table: its columns where the border's dash runs begin, a row
    to each run of lines between blank ones, a cell's lines one paragraph until a backslash ends
    one (pandoc's hard break)."""

    starts = [m.start() for m in re.finditer(r"-{3,}", border)]
    lines = block.split("\n")[1:-1]
    rows: list[list[list[str]]] = [[]]
    for line in lines:
        if not line.strip():
            rows.append([])
            continue
        rows[-1].append([line[a:b].strip() for a, b in itertools.pairwise([*starts, max(len(line), starts[-1]) + 1])])
    body = ""
    for row in (r for r in rows if r):
        cells = []
        for j in range(len(starts)):
            paras, para = [], []
            for parts in row:
                piece = parts[j] if j < len(parts) else ""
                if piece.endswith("\\"):
                    para.append(piece[:-1].strip())
                    paras.append(" ".join(x for x in para if x))
                    para = []
                elif piece:
                    para.append(piece)
            if para:
                paras.append(" ".join(para))
            cells.append(_paragraphs_html(paras, markdown))
        body += "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
    return f"<table>{body}</table>" if body else None


def _paragraphs_html(paras: list[str], markdown: bool = True) -> str:
    """A table cell's paragraphs (of Markdown, or of plain text) as HTML paragraphs (a grid's or a
    multiline table's)."""
    import html as escaping

    inline = _inline_markdown_as_html if markdown else str
    return "".join(f"<p>{inline(escaping.escape(x, quote=False))}</p>" for x in paras if x)


def _grid_as_html(block: str, markdown: bool = True) -> str | None:
    """A grid table as an HTML table: columns where its first border puts "+", rows between its
    borders, a cell's lines joined into paragraphs (a blank line between two). None when its
    lines do not keep the border's columns."""

    lines = block.rstrip("\n").split("\n")
    cuts = [k for k, ch in enumerate(lines[0]) if ch == "+"]
    if len(cuts) < 2:
        return None
    rows: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in lines[1:]:
        line = line.rstrip()
        if line.startswith("+"):
            if current is not None:
                rows.append(current)
            current = None
            continue
        if len(line) < cuts[-1] or line[cuts[-1]] != "|":
            return None
        current = current or [[] for _ in cuts[:-1]]
        for j, (a, b) in enumerate(itertools.pairwise(cuts)):
            current[j].append(line[a + 1:b].strip())
    if current is not None:
        rows.append(current)

    def cell(cell_lines: list[str]) -> str:
        paras, para = [], []
        for text in [*cell_lines, ""]:
            if text:
                para.append(text)
            elif para:
                paras.append(" ".join(para))
                para = []
        return _paragraphs_html(paras, markdown)

    body = "".join("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{body}</table>"


_CONTROL = "\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff"


@functools.cache
def _control() -> re.Pattern[str]:
    """Control characters, non-characters and lone surrogates (compiled on first use)."""
    return regex(f"[{_CONTROL}]")


@functools.cache
def _unusual() -> re.Pattern[str]:
    """A control character, a space or invisible character a web page carries, or a character a
    legacy font's byte shows as ("¹" of "ho¹ch"): most texts have none, and one scan tells
    (the passes that deal with them are made only when it does)."""
    return regex(f"[{_CONTROL}{NOT_PLAIN_CHARS}{re.escape(legacy.SIGNS)}]")


def _finish(text: str, fmt: str, encoding: str | None) -> SourceText:
    # (each replacement made only where its character stands: a scan for one character is fast)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0b" in text:
        text = text.replace("\x0b", "\n")  # Word's manual line break
    # control characters, non-characters and lone surrogates cannot be written to a page, a file
    # or XML: each becomes U+FFFD (visible, so nothing disappears unseen)
    if _unusual().search(text):
        # lines typed in a legacy font that was lost on the way ("KÕ ho¹ch"), read as its
        # letters — before the invisible characters go (TCVN3's "ư" is Windows-1252's soft hyphen);
        # a PDF's reader has read them so already, page by page
        if fmt != "pdf":
            text = legacy.repair_font_typed(text)
        text = _control().sub("\ufffd", text)
        text = plain_spaces(text)  # &nbsp; and zero-width spaces from web pages: the words' own spacing
    if len(text) > MAX_TEXT_CHARS:
        raise errors.InputTooLarge(f"the {fmt} input holds {len(text):,} characters of text; a plan holds far fewer "
                                   f"(limit {MAX_TEXT_CHARS:,})")
    text = nfc(text)
    if fmt in ("text", "markdown"):
        # a text copied out of a PDF whose fallback font's letters stand apart ("Th ự c hi ệ n"),
        # or were read after the rest of their line ("C NG HÒA XÃ H IỘ Ộ"): a PDF's own reader has
        # its glyphs' places and puts them back itself
        if fallback.displaced_letters(text):
            text = fallback.restore_displaced_letters(text)
        else:
            text = fallback.rejoin_split_syllables(fallback.rejoin_fallback_letters(text))
    if not text.strip():
        raise errors.EmptyInput(f"the {fmt} input holds no text")
    return SourceText(text, fmt, encoding)


def _nfc(text: str) -> str:
    return nfc(text)


def looks_like_markdown(text: str, marks: int = 3) -> bool:
    """``marks`` lines or more that open with a heading's "#", with bold ("**", or "__" as
    mammoth writes it), that are a table's rule ("| --- | --- |") or a paragraph in italics
    ("*Căn cứ …;*", as a converter writes a decision's preamble; on one line or wrapped over
    several, "*Căn cứ Luật Tổ chức Chính" / "quyền địa phương …;*"): three, or one in a file named
    as Markdown (a short decision's page converted may bold only its type's lines)."""
    if "#" not in text and "*" not in text and "__" not in text and "| -" not in text and "|-" not in text:
        return False  # each such line holds one at least: most text has none
    seen = 0
    italic_open = False  # a paragraph in italics wrapped over lines ("*Thành phố Hồ Chí" / "Minh, ngày …*")
    for ln in text.splitlines():
        stripped = ln.rstrip()
        if italic_open:
            if not stripped:
                italic_open = False
            elif stripped.endswith("*") and not stripped.endswith("**"):
                italic_open = False
                seen += 1
                if seen >= marks:
                    return True
                continue
        head = ln.lstrip()[:2]
        if not head or head[0] not in "#*_|":
            continue
        if (ln.startswith("#") or (head in ("**", "__") and ln.strip(" *_")) or (head[0] == "|" and _RULE_LINE.fullmatch(ln.strip()))
                or (head[0] == "*" and not head[1:].isspace() and len(stripped) > 3 and stripped[-1] == "*")):
            seen += 1
            if seen >= marks:
                return True
        elif head[0] == "*" and head[1:] and not head[1:].isspace() and head[1:] != "*" and len(stripped) > 3:
            italic_open = True
    return False


_RULE_LINE = regex(r"\|(?:\s*:?-+:?\s*\|)+")
"""The rule under a Markdown table's header row."""


def decode(data: bytes, *, label: str = "input") -> tuple[str, str]:
    """Decode text bytes: BOMs, UTF-8, UTF-16 without BOM, then the legacy Vietnamese encodings."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", label), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", label), "utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be"
    sample = data[:4000]
    if sample.count(b"\x00") > len(sample) // 4:
        even, odd = sample[0::2].count(b"\x00"), sample[1::2].count(b"\x00")
        if odd > 0.8 * len(sample) / 2:
            return _strict(data, "utf-16-le", label), "utf-16-le"
        if even > 0.8 * len(sample) / 2:
            return _strict(data, "utf-16-be", label), "utf-16-be"
        raise errors.BinaryInput(f"{label}: binary data, not a text, .docx, .pdf or .html plan")
    if _is_binary(sample):
        raise errors.BinaryInput(f"{label}: binary data, not a text, .docx, .pdf or .html plan")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = legacy.decode_legacy(data)
    if guess is None:
        raise errors.UndecodableInput(
            f"{label}: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text; convert it to UTF-8 first"
        )
    return guess


_META_CHARSET = regex(rb"""<meta\b[^>]*?charset\s*=\s*["']?([A-Za-z0-9_.:-]{3,40})""", re.IGNORECASE)
_SINGLE_BYTE = {"windows-1252", "cp1252", "iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1258", "cp1258"}


def _declared(data: bytes) -> tuple[str, str] | None:
    """A web page's text in the single-byte charset it declares, where its bytes are not UTF-8:
    Word's "Web Page" export declares windows-1252, writes Vietnamese letters as numeric
    references and the Latin-1 ones ("ô", "á") as bytes, which no guess of a legacy Vietnamese
    encoding reads right. A page typed in a legacy font (TCVN3 in a windows-1252 page) is
    repaired from its letters later, as any text is."""
    head = data[:4096]
    lowered = head.lower()
    if b"<html" not in lowered and b"<!doctype html" not in lowered and b"<body" not in lowered:
        return None
    m = _META_CHARSET.search(head)
    declared = m.group(1).decode("ascii").lower() if m else ""
    if declared not in _SINGLE_BYTE:
        return None
    try:
        data.decode("utf-8")
        return None  # (UTF-8 whatever it declares: a page re-saved without its declaration changed)
    except UnicodeDecodeError:
        pass
    codec = "cp1258" if declared in ("windows-1258", "cp1258") else "cp1252"
    if _is_binary(data[:4000]):
        return None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return None  # a byte the charset leaves undefined: a legacy encoding's, guessed as any text's is


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise errors.UndecodableInput(f"{label}: invalid {codec} at byte {exc.start}") from exc


def _is_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # the bytes below 32 other than \t \n \f \r
    return controls > max(4, len(sample) // 50)


_NOT_CONTROL = bytes(range(32, 256)) + b"\t\n\f\r"
