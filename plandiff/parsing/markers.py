"""Numbering markers: recognise the label at the start of a paragraph.

A marker is only a candidate here; whether it really opens a clause, and at which depth, is
decided by ``structure`` from the whole sequence of markers.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Literal

from ..compiled import dataclass, regex
from ..model import quick_init
from ..numerals import roman_value, to_roman
from ..textnorm import CAPITALS

Style = Literal[
    "part", "upper_letter", "article", "roman", "arabic", "dotted2", "dotted3", "dotted4", "letter", "letter_sub",
    "roman_lower", "paren_num", "dash", "plus", "bullet",
]

RANK: dict[str, float] = {
    "part": 0, "upper_letter": 0.5, "article": 1, "roman": 1, "arabic": 2, "dotted2": 3, "dotted3": 4, "dotted4": 4.5, "letter": 5,
    "letter_sub": 5.5, "roman_lower": 6, "paren_num": 7, "dash": 8, "plus": 9, "bullet": 10,
}
"""The conventional order of Vietnamese administrative numbering (Nghị định 30/2020/NĐ-CP):
Phần, mục (I.), khoản (1.), 1.1., điểm (a)) and its sub-points (a.1)), then bullets; parts lettered "A.", "B." stand
between a Phần and its mục. Used only as a prior."""

VN_LETTERS = "abcdđeghiklmnopqrstuvxy"
VN_UPPER = VN_LETTERS.upper()
"""Point labels follow the Vietnamese alphabet without ă â ê ô ơ ư (and without f, j, w, z)."""
LATIN_ONLY = {"f": "e", "j": "i", "w": "v", "z": "y"}
"""Latin letters outside the Vietnamese sequence, with the letter they follow."""
_LETTER_VALUE = {letter: k for k, letter in enumerate(VN_LETTERS, start=1)}
_AMBIGUOUS = ("i", "v", "x")
"""Point labels that are also lower-case roman numerals."""

SECTION_STYLES: tuple[Style, ...] = ("part", "upper_letter", "roman")
"""The styles that number sections: a body opens at the first of them numbered 1."""

KIND_OF_STYLE = {
    "part": "section", "upper_letter": "section", "article": "article", "roman": "section", "arabic": "item", "dotted2": "subitem", "dotted3": "subitem",
    "dotted4": "subitem",
    "letter": "point", "letter_sub": "point", "roman_lower": "point", "paren_num": "point", "dash": "dash", "plus": "dash",
    "bullet": "dash",
}



@quick_init
@dataclass(frozen=True, slots=True)
class Marker:
    style: Style
    label: str
    """As printed, e.g. "4.1.", "đ)", "-"."""
    key: str
    """The label's own name for ids: "II", "4", "4.1", "đ", "-"."""
    value: int
    """Ordinal for sequence checks (1 for "a", "I", "1"); 0 for bullets."""
    rest: str
    """The text after the label."""
    ambiguous: bool = False
    """"i)", "v)", "x)": a letter or a lower-case roman numeral."""


_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
             "mười": 10}
"""The ordinal words of "Phần thứ nhất", "Phần thứ hai" …"""
_PART = regex(r"^(?P<label>(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?P<key>[IVXL]+|THỨ\s+\w+|thứ\s+\w+)(?:\s*[.:\-–])?)\s*(?P<rest>.*)$")
""""PHẦN I", "Phần thứ hai", and the chapters of a plan written as a regulation ("Chương I")."""
_OPENING_PART = regex(r"^(?P<label>(?:PHẦN MỞ ĐẦU|Phần mở đầu|Phần Mở đầu|Phần Mở Đầu)(?:\s*[.:\-–])?)\s*(?P<rest>.*)$")
""""Phần mở đầu", the opening part before "Phần thứ nhất": part 0."""

_ROMAN_DOTTED = regex(r"^(?P<label>(?P<key>[IVXL]{1,6}(?:\.\d{1,2}){1,2})\.?)\s+(?P<rest>\S.*)$")
_ROMAN = regex(r"^(?P<label>(?P<key>[IVXL]{1,6})\s*[.)])\s*(?P<rest>\S.*)?$")


@functools.cache
def _roman_dash() -> re.Pattern[str]:
    """"I- MỤC ĐÍCH": a dash or colon after a roman numeral, only before an upper-case heading;
    "I/ MỤC ĐÍCH", "I/ Mục đích": a slash, before a space and a capital ("V/v" is no label)
    (compiled on first use)."""
    return regex(r"^(?P<label>(?P<key>[IVXL]{1,6})(?:\s*[-–:](?=\s*[" + CAPITALS + r"][" + CAPITALS + r" ,]+)|/(?=\s+[" + CAPITALS + r"])))"
                      r"\s*(?P<rest>\S.*)$")


_NUM = regex(r"^(?P<label>(?P<key>\d{1,2}(?:\.\d{1,2}){0,3})(?P<close>[.)])?)(?=\s|$)\s*(?P<rest>.*)$")
_NUM_SPACED = regex(r"^(?P<label>(?P<key>\d{1,2})\s(?P<close>[.)]))\s*(?P<rest>[" + CAPITALS + r"].*)$")
_NUM_GLUED = regex(r"^(?P<label>(?P<key>\d{1,2}(?:\.\d{1,2}){0,3})[.)])(?P<rest>[" + CAPITALS + r"“\"].*)$")
_NUM_SLASH = regex(r"^(?P<label>(?P<key>\d{1,2})\s?[/\-–])\s+(?P<rest>[" + CAPITALS + r"“\"].*)$")
""""1/ Tuyên truyền", "2- Kiểm tra", "2 - Kiểm tra": a slash or a dash after the number (local
plans and the Party's write them for "1."), only before a capital after a space ("1/3/2024" and
"2-3 ngày" are no labels)."""
_PAREN_NUM = regex(r"^(?P<label>\((?P<key>\d{1,2})\))\s*(?P<rest>[^\s\d].*)$")
""""(1) Tỷ lệ …": a number in brackets opening a line numbers a point."""
_PAREN_LETTER = regex(r"^(?P<label>\((?P<key>[a-zđ]{1,4})\))\s*(?P<rest>\S.*)$")
_LETTER = regex(r"^(?P<label>(?P<key>[a-zđ]{1,4})\s*\))\s*(?P<rest>.*)$")
_DIGIT_OR_DOT = frozenset("0123456789.")
_LETTER_SUB = regex(r"^(?P<label>(?P<letter>[a-zđ])\.?(?P<num>\d{1,2})[.)])\s+(?P<rest>\S.*)$")
""""a.1) Tổ chức …", "b.2. …", "a1) …": a point's sub-points, numbered after its letter."""
_LETTER_DOT = regex(r"^(?P<label>(?P<key>[a-zđ]|ii|iii|iv|vi|vii|viii|ix|xi|xii)(?:[./\-–]|\s[-–]))\s+(?P<rest>[" + CAPITALS + r"].*)$")
""""b. Kiểm tra", "b/ Kiểm tra", "b- Kiểm tra", "b - Kiểm tra": a point's letter closed by a dot,
a slash or a dash, before a capital; so is a roman numeral of two letters or more ("ii. Ý thứ hai")."""
BULLETS = "-–—+•●▪◦∙·*\uf02d\uf0b7\uf0a7\uf0d8\uf076\uf0fc►❖➢✓✔"
"""Dashes, pluses and the bullets Word and PDF fonts use (the private-use ones are Symbol/Wingdings,
"\uf02d" Symbol's dash, as Word's web page writes a list's dash;
"·" is Symbol's bullet as Word's plain text writes it)."""
TABBED_BULLETS = frozenset("§Øüvo")
"""Wingdings' and Courier's bullets as Word's plain text writes them, a tab after each ("§\t", "o\t":
the square, the arrow, the tick, the diamond, a second level's circle): a bullet only so."""
_BULLET = regex(r"^(?P<label>[" + re.escape(BULLETS) + r"])\s*(?P<rest>\S.*)$")


_ARTICLE = regex(r"^(?P<label>(?:Điều|ĐIỀU)\s+(?P<num>\d{1,3})\s*(?:[.:]|[-–](?=\s*[" + CAPITALS + r"])))\s*(?P<rest>.*)$")
"""An article's label: "Điều 1.", "Điều 1:", "ĐIỀU 1.", and a typist's "Điều 1- Ban hành …" (a
dash before a capital: "Điều 1-3 …" is a range of articles)."""
_BARE_ARTICLE = regex(r"^(?P<label>(?:Điều|ĐIỀU)\s+(?P<num>\d{1,2}))\s+(?P<rest>[" + CAPITALS + r"].*)$")
"""An article's label with nothing after its number ("Điều 1 Ban hành kèm theo …"): read only in a
decision whose articles are all so printed (``bare``), for a line may open on a reference wrapped
there ("… khoản 1" / "Điều 5 Luật Tổ chức …")."""


def match_article(text: str, *, bare: bool = False) -> Marker | None:
    """"Điều 1." opening an article of a decision (only read as a marker inside a decision's
    articles: elsewhere "Điều 5. …" at a line's start is a quotation); with ``bare``, "Điều 1 …"
    too (``_BARE_ARTICLE``)."""
    m = _ARTICLE.match(text) or (_BARE_ARTICLE.match(text) if bare else None)
    if not m:
        return None
    num = int(m.group("num"))
    if num == 0:
        return None
    return Marker("article", m.group("label"), f"Điều {num}", num, m.group("rest"))


_UPPER_LETTER = regex(r"^(?P<label>(?P<key>[A-EGHĐ])(?P<space>\s)?[.)])\s+(?P<rest>\S.*)$")
""""A. MỤC ĐÍCH, YÊU CẦU", "B. NỘI DUNG": a part lettered in capitals over the roman sections
(A to H: no plan has more parts, and a capital further on is more often an initial); "A . MỤC
ĐÍCH" with a typist's space before the dot, over a heading in capitals only."""
_UPPER_FIRST = frozenset("ABCDEGHĐ")
_BULLET_FIRST = frozenset(BULLETS)
_LOWER_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzđ")
_ROMAN_FIRST = frozenset("IVXL")
"""The first characters ``match`` looks at, most frequent first: a line is tried only against
the patterns that can begin with its first character."""


def match(text: str, *, articles: bool = False, bare_articles: bool = False) -> Marker | None:
    """The marker at the start of ``text``, if any. ``text`` is already stripped. Each family of
    labels is read by its own reader, asked only when the text's first character can open one."""
    if articles:
        art = match_article(text, bare=bare_articles)
        if art is not None:
            return art
    first = text[:1]
    if not first:
        return None
    if first in _BULLET_FIRST:
        return _bullet(text, first)
    if first in TABBED_BULLETS and text[1:2] == "\t" and text[2:].strip():
        return Marker("bullet", first, first, 0, text[2:].strip())
    if first.isdigit():
        return _numbered(text)
    if first in _LOWER_FIRST:
        return (_misread_roman(text) if first == "l" else None) or _lettered(text)
    if first == "(":
        return _bracketed(text)
    if first == "P" or (first == "C" and text[1:2] in ("h", "H")):
        part = _part(text)
        if part is not None or first == "P":
            return part
    if first in _ROMAN_FIRST:
        return _roman(text) or (_misread_roman(text) if "l" in text[:4] else None)
    if first in _UPPER_FIRST:
        return _upper_letter(text)
    return None


def _bullet(text: str, first: str) -> Marker | None:
    """"- ", "+ ", "• ": ``_BULLET`` without the regex (a line holds no "\n")."""
    rest = text[1:].lstrip()
    if "\n" in text:
        m = _BULLET.match(text)
        rest = m.group("rest") if m else ""
    if not rest:
        return None
    style: Style = "dash" if first in "-–—\uf02d" else "plus" if first == "+" else "bullet"
    return Marker(style, first, first, 0, rest)


def _numbered(text: str) -> Marker | None:
    """"1.", "4.1.", "2.3.1", "1)", "1 . " (a typist's space), "1.Tuyên truyền" (glued), "1/ …"."""
    m = _NUM.match(text)
    if m is not None:
        close = m.group("close")
    else:
        m = _NUM_GLUED.match(text) or _NUM_SLASH.match(text)
        if m is None:
            return None
        close = "."  # a glued label ("1.Tuyên truyền") or "1/ …" is read as closed by a dot
    key, label, rest = m.group("key", "label", "rest")
    parts = key.split(".")
    if len(parts) == 1 and not label.endswith((".", ")", "/", "-", "–")):
        # "1 . Tuyên truyền": a typist's space before the dot; "1 - Tuyên truyền": before the dash
        spaced = _NUM_SPACED.match(text) or _NUM_SLASH.match(text)
        if spaced is None:
            return None
        key, label, rest = spaced.group("key", "label", "rest")
        close = spaced.groupdict().get("close") or "."
        parts = [key]
    style: Style
    if len(parts) == 1:
        style = "paren_num" if close == ")" else "arabic"
    else:
        style = "dotted2" if len(parts) == 2 else "dotted3" if len(parts) == 3 else "dotted4"
    if parts[-1] == "" or 0 in map(int, parts) or rest[:1].isdigit():
        return None
    return Marker(style, label, key, int(parts[-1]), rest)


def _lettered(text: str) -> Marker | None:
    """"a)", "đ)", "f)" (Latin lettering), "b." before a capital, "ii)", "iv)" (roman), and a
    point's sub-points "a.1)", "a1)"."""
    second = text[1:2]
    if second in _DIGIT_OR_DOT and (second != "." or text[2:3] in _DIGIT_OR_DOT):
        return _sub_point(text)
    # a letter's label closes with ")" or, one letter long, with "." (most lines have neither)
    m = (_LETTER.match(text) if ")" in text else None) or (
        _LETTER_DOT.match(text) if second in "./-–" or (second == " " and text[2:3] in "-–")
        or (second in "ivx" and text[:1] in "ivx") else None)
    if m is None:
        return None
    key, label, rest = m.group("key", "label", "rest")
    if key in _LETTER_VALUE:
        return Marker("letter", label, key, _LETTER_VALUE[key], rest, key in _AMBIGUOUS)
    if key in LATIN_ONLY:
        # Word's automatic lettering (and some typists) use f, j, w, z: one after their predecessor
        return Marker("letter", label, key, _LETTER_VALUE[LATIN_ONLY[key]] + 1, rest)
    value = roman_value(key)
    return Marker("roman_lower", label, key, value, rest) if value else None


def _sub_point(text: str) -> Marker | None:
    """"a.1)", "b.2.", "a1)": a point's sub-point, numbered after its letter."""
    sub = _LETTER_SUB.match(text)
    if sub is None or int(sub.group("num")) == 0:
        return None
    letter, num = sub.group("letter", "num")
    return Marker("letter_sub", sub.group("label"), f"{letter}.{int(num)}", int(num), sub.group("rest"))


def _bracketed(text: str) -> Marker | None:
    """"(1) Tỷ lệ …"; "(a) …", "(ii) …": a letter or a roman numeral in brackets, read as "a)" and
    "ii)" are (a central document's style)."""
    m = _PAREN_NUM.match(text)
    if m and int(m.group("key")) > 0:
        return Marker("paren_num", m.group("label"), m.group("key"), int(m.group("key")), m.group("rest"))
    m = _PAREN_LETTER.match(text) if text[1:2].islower() else None
    if m is None:
        return None
    lettered = _lettered(f"{m.group('key')}) {m.group('rest')}")
    return None if lettered is None else replace(lettered, label=m.group("label"))


def _part(text: str) -> Marker | None:
    """"PHẦN I", "Phần thứ hai", and "Phần mở đầu" before them (part 0)."""
    m = _PART.match(text)
    if m is None:
        m = _OPENING_PART.match(text)
        return Marker("part", m.group("label"), "0", 0, m.group("rest")) if m else None
    rest = m.group("rest")
    if text[:1] == "C" and rest and not (rest[:1].isupper() and rest == rest.upper()):
        return None  # "Chương II của Luật …" wrapped to a line's start: a reference, not a chapter
    key = m.group("key")
    words = key.split()
    if len(words) == 2 and words[1].lower() in _ORDINALS:  # "Phần thứ hai": part II
        value = _ORDINALS[words[1].lower()]
        return Marker("part", m.group("label"), to_roman(value), value, m.group("rest"))
    return Marker("part", m.group("label"), key, roman_value(key) or 1, m.group("rest"))


def _roman(text: str) -> Marker | None:
    """"II.", "IV)", "I- MỤC ĐÍCH", and "I.1." / "II.2.1." (items under their section's numeral)."""
    m = _ROMAN_DOTTED.match(text)
    if m and roman_value(m.group("key").split(".")[0]):
        key = m.group("key")
        style: Style = "dotted2" if key.count(".") == 1 else "dotted3"
        return Marker(style, m.group("label"), key, int(key.rsplit(".", 1)[1]), m.group("rest"))
    m = _ROMAN.match(text) or _roman_dash().match(text)
    if m:
        value = roman_value(m.group("key"))
        if value and value <= 30:
            return Marker("roman", m.group("label"), m.group("key"), value, m.group("rest") or "")
    return None


_ROMAN_MISREAD = regex(r"^(?P<label>(?P<key>[IVXl]{0,3}l[IVXl]{0,3})\s*[.)-])\s+(?P<rest>\S.*)$")
"""A section's roman numeral an OCR read with a small "l" for an "I" ("Il. TỔ CHỨC THỰC HIỆN",
"lV. KINH PHÍ", "l. MỤC ĐÍCH"), over a heading in capitals (a point "l)" is over words in small
letters)."""


def _misread_roman(text: str) -> Marker | None:
    m = _ROMAN_MISREAD.match(text)
    if m is None or m.group("rest") != m.group("rest").upper() or not any(c.isalpha() for c in m.group("rest")):
        return None
    if m.group("key") == "l" and m.group("label").endswith(")"):
        return None  # "l)" is the eleventh point's label, whatever its words
    key = m.group("key").replace("l", "I")
    value = roman_value(key)
    return Marker("roman", m.group("label"), key, value, m.group("rest")) if value and value <= 30 else None


def is_chapter(text: str) -> bool:
    """A chapter's line ("Chương I", "CHƯƠNG II. NHIỆM VỤ"): a plan in chapters numbers its
    articles ("Điều 1.") under them."""
    return text[:1] == "C" and _part(text) is not None


def _upper_letter(text: str) -> Marker | None:
    """"A. MỤC ĐÍCH", "B. NỘI DUNG": a part lettered in capitals."""
    m = _UPPER_LETTER.match(text)
    if m and m.group("space") and m.group("rest") != m.group("rest").upper():
        return None
    if m and m.group("rest")[:1].isupper() and m.group("key") in VN_UPPER:
        key = m.group("key")
        return Marker("upper_letter", m.group("label"), key, VN_UPPER.index(key) + 1, m.group("rest"))
    return None


def letter_after(key: str) -> str | None:
    i = VN_LETTERS.find(key)
    return VN_LETTERS[i + 1] if 0 <= i < len(VN_LETTERS) - 1 else None


def letters_after(key: str) -> set[str]:
    """What may follow ``key`` in a point list: the Vietnamese successor or the Latin one."""
    out = {x for x in (letter_after(key),) if x}
    latin = "abcdefghijklmnopqrstuvwxyz"
    if key in latin and key != "z":
        out.add(latin[latin.index(key) + 1])
    return out
