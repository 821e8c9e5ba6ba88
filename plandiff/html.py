"""Read a legal-document portal's page: the document body, not the navigation around it."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lhtml

from . import errors

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button", "select", "iframe"}
_NOISE = re.compile(r"nav|menu|breadcrumb|footer|header|sidebar|banner|share|social|comment|related|login|search", re.I)
_CONTENT = re.compile(r"content|noidung|toanvan|vanban|document|article|detail|fulltext|main", re.I)
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "blockquote", "pre"}


def extract_text(text: str, *, label: str = "input") -> str:
    try:
        doc = lhtml.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise errors.CorruptDocument(f"{label}: unreadable HTML ({exc})") from exc
    for el in list(doc.iter()):
        if not isinstance(el.tag, str) or not isinstance(el, lhtml.HtmlElement):
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        if el.tag in _SKIP or (attrs.strip() and _NOISE.search(attrs) and not _CONTENT.search(attrs)):
            el.drop_tree()
    root = _main(doc)
    lines: list[str] = []
    _walk(root, lines)
    out = "\n".join(re.sub(r"[ \t\u00a0]+", " ", ln).strip() if "\t" not in ln else ln for ln in "".join(lines).split("\n"))
    return out


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


def _walk(el: lhtml.HtmlElement, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("td", "th"):
        out.append("\t")
    if tag in _BLOCK:
        out.append("\n")
    if el.text and tag not in ("script", "style"):
        out.append(el.text.replace("\n", " "))
    for child in el:
        _walk(child, out)
        if child.tail:
            out.append(child.tail.replace("\n", " "))
    if tag in _BLOCK:
        out.append("\n")
