"""Read a legal-document portal's page: the document body, not the navigation around it."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lhtml

from .. import errors
from ..compiled import regex
from ..numerals import MAX_LABEL_NUMBER, to_roman
from ..textnorm import nfc

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button", "select", "iframe"}
_NOISE = regex(r"nav|menu|breadcrumb|footer|header|sidebar|banner|share|social|comment|related|login|search", re.I)
_CONTENT = regex(r"content|noidung|toanvan|vanban|document|article|detail|fulltext|main", re.I)
_TABLE_PARTS = {"thead", "tbody", "tfoot", "tr", "td", "th"}
"""A table's rows and cells: never a page's navigation by their class (pandoc's ``<tr
class="header">`` is a Word table's first row); a whole table may be."""


def _is_noise(el: lhtml.HtmlElement) -> bool:
    """A page's navigation, menus, footer and the like, by the words of the element's class or id."""
    attrs = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(attrs.strip()) and _NOISE.search(attrs) is not None and _CONTENT.search(attrs) is None


_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "blockquote", "pre"}


def extract_text(text: str, *, label: str = "input", page: bool = True,
                 ) -> tuple[str, list[tuple[int, int, tuple[tuple[str, ...], ...]]], bool]:
    """The page's document text (one block per line), its tables as (start, end, rows) — a table
    reads as Word's do, its cells' lines side by side, so a header table reads like a layout —
    and whether most of its text is preformatted (``<pre>``: a plan's plain text shown as is).
    Not a ``page`` (a table a Markdown file holds in HTML): all of it is the document's, no
    navigation around it to leave out."""
    try:
        doc = lhtml.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise errors.CorruptDocument(f"{label}: unreadable HTML ({exc})") from exc
    for el in list(doc.iter()):
        if not isinstance(el.tag, str) or not isinstance(el, lhtml.HtmlElement):
            continue
        if el.tag in _SKIP and (page or el.tag in ("script", "style")):
            el.drop_tree()
        elif page and el.tag not in _TABLE_PARTS and _is_noise(el):
            el.drop_tree()
    _mark_notes(doc)
    root = _main(doc) if page else doc
    shown = len(root.text_content().strip())
    preformatted = sum(len(e.text_content().strip()) for e in root.iter("pre")) > 0.6 * max(1, shown)
    pieces: list[str] = []
    tables: list[tuple[tuple[str, ...], ...]] = []
    _walk(root, pieces, tables)
    out: list[str] = []
    geometry: list[tuple[int, int, tuple[tuple[str, ...], ...]]] = []
    pos = 0
    open_at: int | None = None
    for raw in "".join(pieces).split("\n"):
        if raw.startswith(_TABLE_OPEN):
            open_at = pos
            continue
        if raw == _TABLE_CLOSE:
            if open_at is not None:
                rows = tables[len(geometry)] if len(geometry) < len(tables) else ()
                geometry.append((open_at, pos, rows))
            open_at = None
            continue
        line = nfc(raw if "\t" in raw else re.sub(r"[ \t\u00a0]+", " ", raw).strip())
        out.append(line)
        pos += len(line) + 1
    return "\n".join(out), [g for g in geometry if g[2]], preformatted


def _mark_notes(doc: lhtml.HtmlElement) -> None:
    """Footnotes as Word's, LibreOffice's and mammoth's HTML write them — a mark that links to the
    note and a note that links back ("<a href="#sdfootnote1sym"><sup>1</sup></a>" …
    "<a href="#sdfootnote1anc">1</a>Theo …"; mammoth's "<a href="#footnote-1">[1]</a>" … "<li
    id="footnote-1">Theo … <a href="#footnote-ref-1">↑</a></li>") — rewritten as a portal prints
    them: "[1]" glued to the word, and "[1] Theo …" after the text, which the footnote stage reads."""
    anchors: dict[str, lhtml.HtmlElement] = {}
    for el in doc.iter():
        if isinstance(el.tag, str):
            for key in (el.get("id"), el.get("name")):
                if key:
                    anchors.setdefault(key, el)
    order: dict[lhtml.HtmlElement, int] = {}  # document order, taken once a pair of links is found
    for a in list(doc.iter("a")):
        href = a.get("href") or ""
        target = anchors.get(href[1:]) if href.startswith("#") else None
        if target is None:
            continue
        back = _link_back(target, a)
        if back is None:
            continue
        label = re.sub(r"[\[\]\s]", "", a.text_content())
        numbered = label.isdigit()
        if not numbered:  # the note's link back names no number ("↑"): the mark's does
            label = re.sub(r"[\[\]\s]", "", back.text_content())
            if not label.isdigit():
                continue
        order = order or {el: k for k, el in enumerate(doc.iter())}
        is_mark = order.get(a, 0) < order.get(target, 0)
        for child in list(a):
            a.remove(child)
        if is_mark:
            a.text = f"[{label}]"
        elif numbered:
            a.text = f"[{label}] "
        else:  # a link back at the note's end: the label goes before the note's first words
            a.text = ""
            note = next((el for el in a.iterancestors() if el.get("id") and el.get("id") == (back.get("href") or "")[1:]), None)
            first = next((el for el in (note.iter() if note is not None else ()) if isinstance(el.tag, str) and (el.text or "").strip()),
                         None)
            if first is not None:
                first.text = f"[{label}] {(first.text or '').lstrip()}"


def _link_back(target: lhtml.HtmlElement, link: lhtml.HtmlElement) -> lhtml.HtmlElement | None:
    """The link of a pair that points back at ``link`` (or at an element around it): ``target``
    itself when it is a link, else a link inside it (mammoth's note holds its link back)."""
    around = {k for el in (link, *link.iterancestors()) for k in (el.get("id"), el.get("name")) if k}
    for el in (target, *target.iter("a")) if target.tag != "a" else (target,):
        href = el.get("href") or ""
        if el.tag == "a" and href.startswith("#") and href[1:] in around:
            return el
    return None


_TABLE_OPEN = "\ue000"
_TABLE_CLOSE = "\ue001"
"""Private-use marks around a table's lines while the text is assembled; never in the output."""


def _main(doc: lhtml.HtmlElement) -> lhtml.HtmlElement:
    for tag in ("main", "article"):
        found = doc.find(f".//{tag}")
        if found is not None and len(found.text_content().strip()) > 200:
            return found
    best, size = None, 0
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        if _CONTENT.search(attrs):
            n = len(el.text_content().strip())
            if n > size:
                best, size = el, n
    body = doc.find(".//body")
    if best is not None and body is not None and size > 0.3 * len(body.text_content().strip()):
        return best
    return body if body is not None else doc


def _walk(el: lhtml.HtmlElement, out: list[str], tables: list[tuple[tuple[str, ...], ...]], pre: bool = False) -> None:
    """The text of ``el`` into ``out``: blocks set apart by blank lines, a ``<br>`` a line break;
    inside ``<pre>`` (a portal showing the plan's plain text) the text's own line breaks kept."""
    if not isinstance(el.tag, str):
        return  # a comment (Word's "<!--[if gte vml 1]>…<![endif]-->", its "<![if !vml]>") or a
        # processing instruction: no text of the page (its tail is, and the parent takes it)
    tag = el.tag
    pre = pre or tag == "pre"
    if tag == "table":
        rows = _table(el)
        tables.append(tuple(tuple(nfc("\n".join(c)) for c in r) for r in rows if any(r)))
        out.append(f"\n{_TABLE_OPEN}\n")
        for cells in rows:
            for k in range(max((len(c) for c in cells), default=0)):
                out.append("\t".join(c[k] if k < len(c) else "" for c in cells).strip("\t") + "\n")
        out.append(f"{_TABLE_CLOSE}\n")
        return
    if tag == "br":  # a line break inside a paragraph: one newline (blocks are set apart by a blank line)
        out.append("\n")
        return
    if tag in ("ol", "ul"):
        _list(el, out, tables, pre)
        return
    if tag in _BLOCK:
        out.append("\n")
    if el.text and tag not in ("script", "style"):
        out.append(el.text if pre else el.text.replace("\n", " "))
    for child in el:
        _walk(child, out, tables, pre)
        if child.tail:
            out.append(child.tail if pre else child.tail.replace("\n", " "))
    if tag in _BLOCK:
        out.append("\n")


_LIST_STYLES = {"1": "1", "decimal": "1", "a": "a", "lower-alpha": "a", "lower-latin": "a", "A": "A", "upper-alpha": "A",
                "upper-latin": "A", "i": "i", "lower-roman": "i", "I": "I", "upper-roman": "I", "none": ""}
_LIST_STYLE = regex(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.IGNORECASE)
_LABELLED = regex(r"^(?:[IVXL]{1,6}[.)]|\d{1,3}(?:\.\d{1,3})*[.)/]|[a-zđ][.)]|\(\w{1,3}\)|\[\d{1,3}\]|[-–—+•*])(?:\s|$)")
"""An item whose text opens with its own label, typed ("1. Mục đích" in a list styled without
numbers), or a note's ("[1] Luật …", mammoth's list of notes)."""


def _list(el: lhtml.HtmlElement, out: list[str], tables: list[tuple[tuple[str, ...], ...]], pre: bool) -> None:
    """A list as a browser shows it: each item after its number in the list's style ("1.", "a.",
    "IV.": ``type`` or ``list-style-type``, ``start``, an item's ``value``) or its bullet ("•"). A
    plan's numbered points are often Word's automatic numbering, which an editor pasted as a list
    (and Markdown renders "1. Mục đích" as one): without its numbers the clauses run together."""
    styled = _LIST_STYLE.search(el.get("style") or "")
    style = _LIST_STYLES.get(el.get("type") or (styled.group(1).lower() if styled else "1"), "1") if el.tag == "ol" else (
        "" if styled and styled.group(1).lower() == "none" else "•")
    try:
        n = int(el.get("start") or 1)
    except ValueError:
        n = 1
    out.append("\n")
    if el.text and el.text.strip():
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag == "li":
            try:
                n = int(child.get("value") or n)
            except ValueError:
                pass
            item: list[str] = []
            _walk(child, item, tables, pre)
            text = "".join(item)
            at = len(text) - len(text.lstrip())
            mark = _item_mark(n, style)
            if mark and text[at:] and not _LABELLED.match(text[at:]):
                text = text[:at] + mark + ("\n" if text[at] in (_TABLE_OPEN, _TABLE_CLOSE) else " ") + text[at:]
            out.append(text)
            n += 1
        else:
            _walk(child, out, tables, pre)
        if child.tail and child.tail.strip():
            out.append(child.tail if pre else child.tail.replace("\n", " "))
    out.append("\n")


def _item_mark(n: int, style: str) -> str:
    """The mark a browser draws before the ``n``th item of a list in ``style``."""
    if style in ("", "•"):
        return style
    if style == "1" or not 1 <= n <= MAX_LABEL_NUMBER:  # (a Roman numeral grows with the value: "start" may be any number)
        return f"{n}."
    if style in ("a", "A"):
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return f"{letters if style == 'a' else letters.upper()}."
    roman = to_roman(n)
    return f"{roman.lower() if style == 'i' else roman}."


def _table(table: lhtml.HtmlElement) -> list[list[list[str]]]:
    """Rows of cells, each cell its lines (a cell's own blocks; a nested table's text stays in its
    cell, so nothing of it is lost). A cell spanning columns gives its text to each."""
    rows: list[list[list[str]]] = []
    for tr in table.iter("tr"):
        if next((a for a in tr.iterancestors("table")), None) is not table:
            continue
        cells: list[list[str]] = []
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            parts: list[str] = []
            inner: list[tuple[tuple[str, ...], ...]] = []
            if td.text:
                parts.append(td.text.replace("\n", " "))
            for child in td:
                _walk(child, parts, inner)
                if child.tail:
                    parts.append(child.tail.replace("\n", " "))
            lines = [re.sub(r"[ \t\u00a0]+", " ", x).strip() for x in "".join(parts).split("\n")]
            lines = [x for x in lines if x and x not in (_TABLE_OPEN, _TABLE_CLOSE)]
            try:
                span = max(1, min(64, int(td.get("colspan", "1"))))
            except ValueError:
                span = 1
            cells.extend([lines] * span)
        rows.append(cells)
    return rows
