"""Front matter (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuer, national motto, số/ký hiệu, place and
date, document type and title (the back matter, recipients and signature, is ``backmatter``).

Two-column layouts are read cell by cell, so the issuer on the left and the motto on the right of
one line are told apart.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import field

from ..compiled import dataclass, regex
from ..jurisdictions import LEVELS
from ..model import HeaderLine, Jurisdiction, Span
from ..textnorm import AS_VIETNAMESE_D, CAPITALS, HYPHENS, match_key, single_spaced
from .lines import Cell, Line
from .structure import join_lines

DOC_TYPES = (
    "KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "BÁO CÁO", "CHỈ THỊ", "HƯỚNG DẪN", "THÔNG BÁO",
    "ĐỀ ÁN", "NGHỊ QUYẾT", "TỜ TRÌNH", "PHƯƠNG ÁN", "CÔNG VĂN", "THÔNG TƯ", "NGHỊ ĐỊNH",
    "QUY CHẾ", "QUY ĐỊNH", "ĐIỀU LỆ",  # what a decision issues besides a plan
)
_DOC_TYPE = regex(r"^(?P<type>(?:" + "|".join(DOC_TYPES) + r")(?:\s+LIÊN\s+TỊCH)?)\b\s*(?P<rest>.*)$")
"""The type line; a joint document's type keeps its "LIÊN TỊCH" ("KẾ HOẠCH LIÊN TỊCH" of two
bodies), out of its title."""
_TYPE_HEADING = regex(r"^(?P<type>" + "|".join(t[0] + t[1:].lower() for t in DOC_TYPES) + r")\s+(?P<rest>(?!số\b|này\b)[^\W\d_].*)$")
"""The type in sentence case opening a heading ("Kế hoạch Chương trình MTQG Nước sạch … năm
2014"): a portal's page that prints the document's name over its text, without its header."""
_MOTTO = regex(r"^(cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc|đảng cộng sản việt nam)$")
"""The national motto, and the Party's heading that stands in its place on Party documents."""
_NUMBER = regex(
    r"^(?:(?:Nghị quyết|NGHỊ QUYẾT|Luật|LUẬT|Pháp lệnh|Lệnh)\s+(?:Số|SỐ|số)\s*:|(?:Số|SỐ|số)\s*[:.]?|(?:Sô|So|SÔ|SO)\s*:)\s*(?P<digits>[\d\s.]*?)\s*(?P<sep>[/\-–‐‑−])\s*"
    r"(?P<sym>[A-ZĐÐ0-9]+(?:[gri](?!\w))?(?:\s*[\-–‐‑−/]\s*[A-ZĐÐ0-9]+(?:[gri](?!\w))?)*(?:\.[A-ZĐÐ]{1,5}(?![\w.]))?)(?P<rest>.*)$"
)
""""Số: 14/KH-UBND" and the Party's "Số 21-KH/ĐU" (the number joined by a hyphen); "SỐ:", the
National Assembly's "Nghị quyết số: 653/2019/UBTVQH14" and "Luật số: 72/2025/QH15", and an en
dash or a non-breaking hyphen where Word's autocorrect put one ("14/KH–UBND"). A code may end on
the one small letter its convention gives it ("QĐ-TTg", "TTr", "CTr", the Party's "QĐi"), and
close on a field's letters after a dot ("QĐ-UBND.VX", as Nghệ An numbers its decisions). An "Ð"
(U+00D0, the Icelandic letter some converters put for "Đ") is read as the "Đ" it stands for, and
kept as printed."""
_DATE_AFTER_NGAY = (r"ngày\s*(?:(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*,?\s*năm\s*(?P<y>\d{4})"
                    r"|(?P<d2>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<y2>\d{4})\b)")
_PLACE_DATE = regex(
    r"(?<![^,\d])(?P<place>(?:[Qq]uận|QUẬN|[Pp]hường|PHƯỜNG)\s+\d{1,2}|[^,\d]*?)\s*,\s*" + _DATE_AFTER_NGAY
)
""""Hà Nội, ngày 05 tháng 3 năm 2025", and the same date in figures ("ngày 05/3/2025"); "tháng 3,
năm 2025" too. A place holds no figure but a district's or ward's number ("Quận 1, ngày …",
"Phường 15, ngày …")."""
_PLACE_WORD = r"(?:[" + CAPITALS + r"][^\W\d_]*|phố|xã|trấn)"
_BARE_PLACE = r"[" + CAPITALS + r"][^\W\d_]*(?:\s+" + _PLACE_WORD + r"){0,5}"
"""A place's words capitalised ("Thành phố Hồ Chí Minh", "Thị xã Sơn Tây"), with no comma after it."""
_BEFORE_BARE_PLACE = r"^[*_\s]*(?:Số\s*[:.]?\s*[^\s,]*\s+)?"
"""What may stand before it on its line: emphasis, the number."""
_PLACE_DATE_BARE = regex(_BEFORE_BARE_PLACE + r"(?P<place>" + _BARE_PLACE + r")\s+" + _DATE_AFTER_NGAY + r"[*_.\s]*$")
""""Hà Nội ngày 05 tháng 3 năm 2025": the comma left out (a typist's, or OCR's); only a line of the
place and the date alone, or after the number ("Số: 14/KH-UBND Thừa Thiên Huế ngày …", the two
columns of a header on one line), the place's words capitalised ("Thành phố Hồ Chí Minh", "Thị
xã Sơn Tây"), as a header prints it."""
_BLANK_DATE = regex(r"(?<![^,\d])(?P<place>[^,\d]*?)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*$")
""""Lâm Đồng, ngày    tháng    năm": a draft's date left blank to the year, filled in when signed."""


_DATE_WORD_CAPITAL = regex(r"\bNgày\b|(?<=\d )Tháng\b|(?<=\d )Năm\b")
"""A date's words with a capital ("Hà Nội, Ngày 24 Tháng 11 Năm 2025", as some typists write them)."""
_DATE_WORDS_MISREAD = regex(r"(?<!\w)ng[aàáảãạ]y(?P<d>\s*\d{1,2}\s*)th[aàáảãạ]ng(?P<m>\s*\d{1,2}\s*,?\s*)"
                            r"n[aăâàáảãạằắẳẵặ]m(?=\s*\d{4})", re.IGNORECASE)
"""A date whose words an OCR misread a mark of, or a typist wrote without them ("ngảy 26 thảng 5
nãm 2017", "ngay 26 thang 5 nam 2017"): its words, each the length of the right one."""


def _date_words(text: str) -> str:
    """``text`` with a date's words in lower case and their marks right, the rest as it is (the
    same length: a match's places hold)."""
    if "Ngày" in text:
        text = _DATE_WORD_CAPITAL.sub(lambda m: m.group(0).lower(), text)
    if "ngày" not in text or "tháng" not in text:
        text = _DATE_WORDS_MISREAD.sub(lambda m: f"ngày{m.group('d')}tháng{m.group('m')}năm", text)
    return text


def _place_date(text: str) -> re.Match[str] | None:
    """``_PLACE_DATE`` searched for, in a text that holds its "ngày" (one scan in C), else the whole
    text as ``_PLACE_DATE_BARE``. Both date patterns begin where a place can: at the start or after
    a comma or a digit (the place holds neither), so a line is not tried from each of its
    characters (a search that was quadratic in the line's length)."""
    text = _date_words(text)
    if "ngày" not in text:
        return None
    return _PLACE_DATE.search(text) or _PLACE_DATE_BARE.match(text)


def _blank_date(text: str) -> re.Match[str] | None:
    """``_BLANK_DATE`` searched for, as ``_place_date``."""
    text = _date_words(text)
    return _BLANK_DATE.search(text) if "ngày" in text else None


_STAMPS = ("TUYỆT MẬT", "TỐI MẬT", "MẬT", "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC", "KHẨN")
_LEVELS = LEVELS
_PARTY_LEVELS = {"tỉnh": "tỉnh", "thành": "thành phố", "huyện": "huyện", "quận": "quận", "thị": "thị xã"}
_NOT_IN_NAMES = frozenset("năm giai đoạn đến và về trong theo thời kỳ từ cho của lần nhiệm trên tại với".split())
"""Words that end a place's name in a title set in capitals."""
@functools.cache
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns that find a place in a name or title ("tỉnh Lạng Sơn", "TRÊN ĐỊA BÀN TỈNH KON
    TUM", "TỈNH ỦY HÀ TĨNH"): compiled on first use, once a header is read, not at import."""
    levels = "|".join(_LEVELS)
    return (regex(r"(?<!\w)(?P<level>" + levels + r")\s+(?P<name>[" + CAPITALS + r"][\wÀ-ỹ]*(?: [" + CAPITALS + r"][\wÀ-ỹ]*){0,3})"),
            regex(r"(?<!\w)(?P<level>" + levels + r")\s+(?P<name>[^\W\d][^,;:.()]*)"),
            regex(r"(?<!\w)(tỉnh|thành|huyện|quận|thị)\s+(?:ủy|uỷ|đoàn)\s+(?!ban\b)(\S.*)$"))


_DOTTED_MARKS, _SLASHED_MARKS = r"(?:TM|T\.M|KT|K\.T|TL|T\.L|TUQ|Q)", r"(?:T/M|K/T|T/L)"
AUTHORITY = regex(r"^(?:(?:" + _DOTTED_MARKS + r"\s*\.\s*|" + _SLASHED_MARKS + r"\s*)(?=[" + CAPITALS + r"]|$)"
                        r"|(?:TM|KT|TL|TUQ)\s+(?=[" + CAPITALS + r"]))")
""""TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TUQ. …", "TL. …", "Q. …", also written "T/M", "K/T" or
without the dot ("TM BAN THƯỜNG VỤ"): who signs on whose behalf; the mark alone on its line ("TM."
/ "ỦY BAN NHÂN DÂN TỈNH", a narrow cell's break) too."""
BARE_AUTHORITY = regex(r"^" + _DOTTED_MARKS + r"\s*\.$|^" + _SLASHED_MARKS + r"$")
_BODY_WORDS = (
    "SỞ ", "PHÒNG ", "BAN ", "BỘ ", "CỤC ", "CHI CỤC ", "VĂN PHÒNG ", "TRUNG TÂM ", "ĐẢNG ỦY", "ĐẢNG UỶ",
    "CHI BỘ", "ĐẢNG ĐOÀN", "BAN CÁN SỰ", "TIỂU BAN", "TỔ ", "HỘI ĐỒNG ", "ỦY BAN BẦU CỬ", "UỶ BAN BẦU CỬ",
    "TỈNH ỦY", "TỈNH UỶ", "THÀNH ỦY", "THÀNH UỶ", "HUYỆN ỦY", "HUYỆN UỶ", "QUẬN ỦY", "QUẬN UỶ", "THỊ ỦY", "THỊ UỶ",
    "BCH ", "CÔNG ĐOÀN ", "TỔNG CỤC ",
)
"""A body that stands under the one named above it (a department under its province, a Party
committee under its Party organisation, an election sub-committee under its committee, a Youth
Union's executive committee ("BCH ĐOÀN XÃ …") under "ĐOÀN TNCS HỒ CHÍ MINH", a trade union under
its federation)."""
_UNIT_WORDS = (
    "TRƯỜNG MẦM NON", "TRƯỜNG MẪU GIÁO", "TRƯỜNG MG ", "TRƯỜNG MN ", "TRƯỜNG TIỂU HỌC", "TRƯỜNG TH ", "TRƯỜNG THCS",
    "TRƯỜNG THPT", "TRƯỜNG PT", "TRƯỜNG PHỔ THÔNG", "TRƯỜNG TRUNG", "TRƯỜNG ĐẠI HỌC", "TRƯỜNG CAO ĐẲNG",
    "TRƯỜNG CHÍNH TRỊ", "TRƯỜNG BỒI DƯỠNG", "TRƯỜNG DÂN TỘC", "BỆNH VIỆN ", "TRẠM Y TẾ", "VIỆN ",
    "TRUNG TÂM ", "CHI CỤC ",
)
"""Schools, hospitals, institutes, centres and a department's sub-departments: a body under its
district or its department ("UBND HUYỆN CẦN GIUỘC" / "TRƯỜNG MG PHƯỚC LÝ", "SỞ GIÁO DỤC VÀ ĐÀO
TẠO" / "TRƯỜNG THPT …", "SỞ Y TẾ TỈNH NGHỆ AN" / "TRUNG TÂM KIỂM SOÁT BỆNH TẬT"); a school by its
kind, for "TRƯỜNG SA" is a district's name."""
_PART_WORDS = (*_UNIT_WORDS, "TIỂU BAN", "TỔ ", "CỤC ", "TỔNG CỤC ")
"""What stands under a body even where that body is itself one under another: a unit, a
sub-committee or a working group ("ỦY BAN BẦU CỬ XÃ PHỐ BẢNG" / "TIỂU BAN THÔNG TIN, TUYÊN
TRUYỀN, KHÁNH TIẾT")."""
_NATIONAL_BODY = regex(r"VIỆT NAM$")
_ORGANISATION_WORDS = ("HỘI ", "LIÊN ĐOÀN ", "CÔNG ĐOÀN ", "ĐOÀN ", "ỦY BAN ", "UỶ BAN ", "UBND ", "MẶT TRẬN ", "LIÊN HIỆP ")
"""How a branch of a national organisation names itself under it (its province's Women's Union,
Labour Confederation, Youth Union, Fatherland Front)."""


DOC_TYPE_BY_CODE = {
    "KH": "KẾ HOẠCH", "QĐ": "QUYẾT ĐỊNH", "NQ": "NGHỊ QUYẾT", "CT": "CHỈ THỊ", "TB": "THÔNG BÁO", "BC": "BÁO CÁO",
    "HD": "HƯỚNG DẪN", "CTR": "CHƯƠNG TRÌNH", "ĐA": "ĐỀ ÁN", "TTR": "TỜ TRÌNH", "PA": "PHƯƠNG ÁN", "TT": "THÔNG TƯ",
    "NĐ": "NGHỊ ĐỊNH",
}
"""The document type a symbol's code names ("14/KH-UBND" is a plan): a web page that drops the
title line still prints the number."""


def doc_type_of_number(number: str | None) -> str | None:
    """"71/KH-UBND" → "KẾ HOẠCH"; None when the symbol names no known type."""
    if not number:
        return None
    parts = re.split(r"[/-]", number)
    codes = [p.upper().translate(AS_VIETNAMESE_D) for p in parts[1:] if p and not p.isdigit()]
    return DOC_TYPE_BY_CODE.get(codes[0]) if codes else None


def is_number_line(line: Line) -> bool:
    """A header's "Số: 71/KH-UBND" line (alone, or as the first cell of a row)."""
    first = line.cells[0].text if line.cells else line.text
    m = _NUMBER.match(single_spaced(first))
    return bool(m and m.group("digits").strip())


def is_date_or_motto_line(line: Line) -> bool:
    """A line that stays in a header after its number: the place and date, or the motto."""
    text = single_spaced(line.text)
    return is_motto(text) or bool(_place_date(text) and len(text) < 80)


def is_doc_type_line(line: Line) -> bool:
    """The doc type in capitals opening its line: alone, before a title in capitals, or before a
    title in sentence case run onto its line ("KẾ HOẠCH Thực hiện công tác bình đẳng giới …")."""
    text = (line.cells[0].text if line.cells else line.text).strip()
    m = _DOC_TYPE.match(text)
    if m is None:
        return False
    rest = m.group("rest")
    if rest.strip(" *_") == ":" and m.group("type").startswith("QUYẾT"):
        # "QUYẾT ĐỊNH:", the enacting formula before the articles (a page that dropped the type's
        # line); "KẾ HOẠCH:" is a draft's type line with a colon after it
        return False
    if text == text.upper():
        return True
    rest = rest.removeprefix(":").lstrip()
    return rest[:1].isupper() and rest[1:2].islower() and not text.endswith((":", ".", ";", ","))


_TYPE_HEADS = frozenset(t.split()[0] for t in DOC_TYPES)
"""The first word of every doc type ("QUYẾT" of "QUYẾT ĐỊNH"): a line of it alone may be a type
broken over two lines."""


def is_type_heading(line: Line) -> bool:
    """A heading in sentence case that names the document's type and what it is about ("Kế hoạch
    Chương trình MTQG … năm 2014"), as a page without the document's header opens: a line that
    does not end a sentence or a clause, the title's length at most."""
    text = line.text.strip()
    return not line.cells and len(text) <= 300 and not text.endswith((".", ":", ";", ",")) and bool(_TYPE_HEADING.match(text))


_ALL_TYPES = (*DOC_TYPES, *(f"{t} LIÊN TỊCH" for t in DOC_TYPES))
_UNSPACED_TYPES = {t.replace(" ", ""): t for t in _ALL_TYPES}
"""Each doc type (and its joint form) by its letters alone, for a type printed letter-spaced."""


@functools.cache
def _unmarked_types() -> dict[str, str]:
    """Each doc type by its words without their marks ("KE HOACH"), for a type an OCR misread a
    mark of ("KÉ HOẠCH", "QUYÉT ĐỊNH") or a typist wrote without them."""
    return {_unmarked(t.lower()): t for t in _ALL_TYPES}


def _misprinted_type(core: str) -> str | None:
    """The doc type a line of capitals alone names, printed letter-spaced or with its marks wrong."""
    words = core.split()
    if len(words) >= 4 and all(len(w) == 1 and w.isalpha() for w in words):
        return _UNSPACED_TYPES.get("".join(words))
    return _unmarked_types().get(_unmarked(" ".join(words).lower()))


def misprinted_doc_types(lines: list[Line]) -> list[Line]:
    """The lines with a doc type printed letter-spaced ("K Ế H O Ạ C H", "Q U Y Ế T  Đ Ị N H :", a
    PDF's character spacing kept as spaces by its text) or with a mark misread ("KÉ HOẠCH", an
    OCR's) read as the type's words, spanning the same text: else no line names the type, and a
    decision's enacting formula is not found."""
    out = lines
    for i, line in enumerate(lines):
        text = line.text  # (stripped: a line's text is)
        if len(text) > 60 or line.cells or " " not in text or text != text.upper():
            continue
        core = text.strip(" *_")
        colon = core.endswith(":")
        core = core.rstrip(" :")
        name = _misprinted_type(core)
        if name is not None and name != core:
            if out is lines:
                out = list(lines)
            out[i] = Line(name + (":" if colon else ""), line.start, line.end, line.indent, line.blank_before,
                          printed=line.text)
    return out


def rejoin_broken_doc_type(lines: list[Line], limit: int) -> list[Line]:
    """The lines with a doc type broken over two ("QUYẾT" / "ĐỊNH", as a legal portal's copy of a
    header set in a narrow column keeps it) made one line, spanning both, among the first
    ``limit``: else no line names the type and the title is not found."""
    for i in range(min(limit, len(lines) - 1)):
        line = lines[i]
        if line.cells or line.text not in _TYPE_HEADS:
            continue
        after = lines[i + 1]
        joined = Line(f"{line.text} {after.text}", line.start, after.end, line.indent, line.blank_before, plain=line.plain and after.plain)
        if not after.cells and is_doc_type_line(joined):
            return [*lines[:i], joined, *lines[i + 2:]]
    return lines


def titles_below(text: str) -> bool:
    """The doc type alone on its line, or with the word or two in capitals that qualify it ("KẾ
    HOẠCH HÀNH ĐỘNG", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH LIÊN TỊCH"): what it is about is on the
    lines under it."""
    m = _DOC_TYPE.match(text.strip(" *_"))
    if m is None:
        return False
    rest = m.group("rest").strip(" *_").split()
    return len(rest) <= 2 and all(w.isupper() and w.isalpha() for w in rest)


SIGNER_TITLES = (
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG", "CHÁNH VĂN PHÒNG", "BÍ THƯ", "PHÓ BÍ THƯ", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "CỤC TRƯỞNG",
    "CHI CỤC TRƯỞNG", "HIỆU TRƯỞNG", "TỔNG GIÁM ĐỐC", "THỦ TRƯỞNG ĐƠN VỊ",
)
"""Signer titles: a line of one is no header line, and opens a signature block when no "Nơi nhận" or
TM./KT. line precedes it (``backmatter``)."""


_MOTTO_LINES = ("cộng hòa xã hội chủ nghĩa việt nam".split(), "độc lập tự do hạnh phúc".split())


_AUTHORITY_LINE = regex(
    r"^(?:(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|BAN THƯỜNG TRỰC)\s+)?(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\b|^HỘI ĐỒNG NHÂN DÂN\b"
    r"|^(?:THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ|QUỐC HỘI|(?:ỦY|UỶ) BAN THƯỜNG VỤ QUỐC HỘI|CHỦ TỊCH NƯỚC|BỘ TRƯỞNG BỘ [^,]+"
    r"|GIÁM ĐỐC SỞ [^,]+)$"
)


def is_authority_line(text: str) -> bool:
    """The issuing authority's line that opens a decision's preamble ("ỦY BAN NHÂN DÂN THÀNH PHỐ
    HỒ CHÍ MINH", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "HỘI ĐỒNG NHÂN DÂN …"), set in capitals."""
    t = text.strip()
    return t == t.upper() and bool(_AUTHORITY_LINE.match(t))


def is_header_line(line: Line) -> bool:
    """A line of a national header, every cell of it (the issuer beside the motto)."""
    cells = line.cells or (Cell(line.text, line.start, line.end),)
    return is_header_text(line.text) or all(is_header_text(c.text) for c in cells)


def is_header_text(text: str) -> bool:
    """A line of a national header: the motto, "Số: …", "<place>, ngày …", or an issuer line in
    capitals that is not a signature's (TM./KT. lines, signer titles)."""
    t = single_spaced(text)
    if is_motto(t) or _NUMBER.match(t) or _place_date(t):
        return True
    return (t == t.upper() and any(c.isalpha() for c in t) and not AUTHORITY.match(t)
            and match_key(t).upper() not in SIGNER_TITLES)


def is_motto(text: str) -> bool:
    """The national motto, or a piece of either of its lines that a narrow cell wrapped ("CỘNG
    HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập -" / "Tự do - Hạnh phúc")."""
    key = match_key(text)
    if _MOTTO.match(key):
        return True
    words = [w for w in key.split() if w.strip("-–‐‑−—")]
    n = len(words)
    if n == 1:  # a line's first word alone ("CỘNG" / "HÒA XÃ HỘI …"): no other header's line is that word
        return any(words[0] == line[0] for line in _MOTTO_LINES)
    if n >= 2 and any(n <= len(line) and (words == line[:n] or words == line[-n:]) for line in _MOTTO_LINES):
        return True
    # a typist's wrong mark ("CỘNG HÕA XÃ HỘI …"): three words or more, read without their marks
    # (looked at only where a motto's word without marks opens or ends the line)
    if n < 3 or not ({_unmarked(words[0]), _unmarked(words[-1])} & _LOOSE_MOTTO_ENDS):
        return False
    loose = _unmarked(" ".join(words)).split()
    return any(n <= len(line) and (loose == line[:n] or loose == line[-n:]) for line in _LOOSE_MOTTO_LINES)


def _unmarked(text: str) -> str:
    """The letters without their marks ("hõa" → "hoa", "đ" → "d")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).replace("đ", "d")


_LOOSE_MOTTO_LINES = tuple([_unmarked(w) for w in line] for line in _MOTTO_LINES)
_LOOSE_MOTTO_ENDS = frozenset(w for line in _LOOSE_MOTTO_LINES for w in line)
"""The motto's words without marks: a line holding none at its ends is no piece of it."""


def _motto_goes_on(piece: str, text: str) -> bool:
    """Whether ``text`` carries on the unfinished piece of the motto before it."""
    return not _MOTTO.match(match_key(piece)) and is_motto(f"{piece} {text}")


_DRAFT = regex(r"\(?\s*(?:bản\s+)?dự\s*thảo(?:\s*(?:lần\s*(?:thứ\s*)?)?(?P<n>\d{1,2}))?\s*\)?", re.IGNORECASE)
_VERSION = regex(r"\(\s*lần\s*(?:thứ\s*)?(?P<n>\d{1,2})\s*\)|\blần\s*(?:thứ\s*)?(?P<n2>\d{1,2})\s*$", re.IGNORECASE)


def draft_mark(text: str) -> re.Match[str] | None:
    """ "DỰ THẢO", "(Dự thảo lần 2)", "Dự thảo 3": a document's word that it is a draft."""
    return _DRAFT.search(text)


@dataclass
class Header:
    draft: str | None = None
    """The draft mark as printed ("DỰ THẢO", "(Dự thảo lần 2)")."""
    draft_where: str | None = None
    version: int | None = None
    """The version a mark gives ("lần 2" → 2)."""
    month: int | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    number: str | None = None
    place: str | None = None
    date: str | None = None
    year: int | None = None
    doc_type: str | None = None
    title: str | None = None
    stamps: list[str] = field(default_factory=list)
    motto: list[str] = field(default_factory=list)
    lines: list[HeaderLine] = field(default_factory=list)


def read_header(front: list[Line], title_lines: list[Line]) -> Header:
    h = Header()
    issuer_parts: list[Cell] = []
    for cell in _front_cells(front):
        _read_front_cell(h, cell, issuer_parts)
    issuer_parts = _last_issuer_run(h, issuer_parts)
    if issuer_parts:
        names = [part for c in issuer_parts for part in _bodies_run_together(c.text)]
        # the body under its parent opens the last part that names one ("UBND TỈNH LÀO" / "CAI" /
        # "SỞ CÔNG" / "THƯƠNG": a narrow cell wraps both names)
        under = max((k for k in range(1, len(names)) if (names[k].upper().startswith(_BODY_WORDS + _UNIT_WORDS)
                     or _committee_under_committee(names[:k], names[k]))
                     and not breaks_a_word(names[k - 1], names[k])), default=None)
        if under is None:
            under = _branch_under_national(names)
        if under is not None and (not names[0].upper().startswith(_BODY_WORDS) or names[under].upper().startswith(_PART_WORDS)):
            h.parent_issuer = " ".join(names[:under])
            h.issuer = " ".join(names[under:])
        else:
            h.issuer = " ".join(names)
    if h.issuer and _is_level_and_place(h.issuer):
        # "THÀNH PHỐ HỒ CHÍ MINH" before the number, "ỦY BAN NHÂN DÂN" after it (pdftotext's order
        # of a header table's lines): the committee of that place
        late = next((k for k, hl in enumerate(h.lines) if hl.role == "other" and _BARE_COMMITTEE.fullmatch(hl.text.strip())), None)
        if late is not None:
            hl = h.lines[late]
            h.issuer = f"{hl.text.strip()} {h.issuer}"
            h.lines[late] = HeaderLine("issuer", hl.text, hl.span)
    if title_lines:
        first = title_lines[0]
        m = _DOC_TYPE.match(first.text) or _TYPE_HEADING.match(first.text.strip())
        if m:
            h.doc_type = " ".join(m.group("type").split()).upper()
            h.lines.append(HeaderLine("doc_type", first.printed or first.text, Span(first.start, first.end)))
            after = m.group("rest").removeprefix(":").strip()  # ("KẾ HOẠCH: Tổ chức …")
            rest = [after] if after else []
        else:
            rest = [first.text]
            h.lines.append(HeaderLine("title", first.text, Span(first.start, first.end)))
        for line in title_lines[1:]:
            rest.append(line.text)
            h.lines.append(HeaderLine("title", line.text, Span(line.start, line.end)))
        title = single_spaced(join_lines(rest))
        d = draft_mark(title)
        if d and (d.end() == len(title) or d.start() == 0) and d.group(0).strip().startswith("("):
            _note_draft(h, d, "title")
            title = (title[: d.start()] + title[d.end():]).strip()
        v = _VERSION.search(title)
        if v and v.group(0).startswith("("):
            h.version = int(v.group("n") or v.group("n2"))
            title = (title[: v.start()] + title[v.end():]).strip()
        h.title = title or None
    if h.number is None or h.date is None or h.issuer is None:
        _from_portal_fields(h)
    if h.year is None and h.title:
        h.year = _title_year(h.title)
    return h


_TITLE_YEAR = regex(r"(?<!\w)(?P<before>\w+\s+)?năm\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_TARGET_WORDS = frozenset({"đến", "tới", "trước", "sau", "từ"})
"""Words before "năm" that make its year a horizon, not the plan's ("đến năm 2030", "tầm nhìn
đến năm 2045")."""


def _title_year(title: str) -> int | None:
    """The plan's year its title names, for a document that prints no date ("KẾ HOẠCH … NĂM
    2026", "Kế hoạch … năm 2014"): the first "năm YYYY" that is no horizon."""
    for m in _TITLE_YEAR.finditer(title):
        if (m.group("before") or "").strip().lower() not in _TARGET_WORDS:
            return int(m.group("y"))
    return None


def _branch_under_national(names: list[str]) -> int | None:
    """Where a national organisation's branch opens under it: the organisation's name ends in
    "VIỆT NAM" (on its own line where a narrow cell wrapped it), and the branch names itself as an
    organisation or by the organisation's own name ("HỘI LHPN VIỆT NAM" / "HỘI LHPN TỈNH NGHỆ AN",
    "BẢO HIỂM XÃ HỘI VIỆT NAM" / "BẢO HIỂM XÃ HỘI TỈNH BÌNH DƯƠNG"). "TỈNH NGHỆ AN" alone under it
    is the same body wrapped."""
    for k in range(1, len(names)):
        if _NATIONAL_BODY.search(names[k - 1].upper()):  # (the first line that ends the name: looked at once)
            own = " ".join(names[:k]).upper().removesuffix("VIỆT NAM").strip()
            return next((j for j in range(k, len(names)) if names[j].upper().startswith(_ORGANISATION_WORDS)
                         or (own and names[j].upper().startswith(own + " "))), None)
    return None


_BARE_COMMITTEE = regex(r"(?:ỦY|UỶ) BAN NHÂN DÂN")
_PORTAL_FIELD = regex(
    r"(?P<key>Số\s+(?:ký\s+)?hiệu(?:\s+văn\s+bản)?|Ký\s+hiệu|Ngày\s+ban\s+hành|Cơ\s+quan\s+ban\s+hành|Nơi\s+ban\s+hành)"
    r"\s*:\s*(?P<value>\S.*?)(?=\s{2,}|\s+\||\s*$)", re.IGNORECASE)
"""A legal portal's metadata about the document ("Số ký hiệu: 77/KH-UBND", "Ngày ban hành:
10/03/2025", "Cơ quan ban hành: UBND tỉnh Gia Lai"), on a line or in a table's cells."""
_PORTAL_SYMBOL = regex(r"\d+(?:/\d{4})?[/-][A-ZĐ][\w/&.-]*")
_PORTAL_DATE = regex(r"(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)")


def _from_portal_fields(h: Header) -> None:
    """The number, date and issuer a portal's metadata gives, where the document's own header
    does not (a page that prints the text from its title on): never over the document's own."""
    for hl in h.lines:
        if hl.role not in ("other", "chrome") or ":" not in hl.text:
            continue
        for m in _PORTAL_FIELD.finditer(hl.text):
            key, value = m.group("key").lower(), m.group("value").strip(" |")
            if "hiệu" in key:
                sym = _PORTAL_SYMBOL.fullmatch(value.replace(" ", ""))
                if sym and h.number is None:
                    h.number = sym.group(0).translate(HYPHENS)
            elif "ngày" in key:
                d = _PORTAL_DATE.fullmatch(value)
                if d and h.date is None and 1 <= int(d.group(1)) <= 31 and 1 <= int(d.group(2)) <= 12:
                    h.date = f"{int(d.group(3)):04d}-{int(d.group(2)):02d}-{int(d.group(1)):02d}"
                    h.year, h.month = h.year or int(d.group(3)), h.month or int(d.group(2))
            elif h.issuer is None and value and not value.isdigit():
                h.issuer = value


def _is_level_and_place(text: str) -> bool:
    """An issuer's line that is a level and a place alone ("THÀNH PHỐ HỒ CHÍ MINH", "TỈNH NGHỆ AN")."""
    return any(text.startswith(level.upper() + " ") for level in _LEVELS)


_GLUED = regex(r"(?P<anywhere>Số\s*:|CỘNG H(?:ÒA|OÀ) XÃ(?: HỘI|\s*$)|Độc lập\s*[-–])|Số\s*\.|(?<=NHÂN DÂN)[A-ZĐ]|"
                    r"(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|BAN|SỞ|PHÒNG)\s|"
                    r"[" + CAPITALS + r"][a-zà-ỹđ]+(?:\s[" + CAPITALS + r"][a-zà-ỹđ]+){0,4},\s*ngày")
"""Where a part of the header begins: the number, the motto, a body's or a level's name (after
"ỦY BAN NHÂN DÂN" or another body's name), a place before its date. The number and the motto
(``anywhere``) begin a new part after a space too ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI
… Số: 12/KH-UBND", a page whose header table lost its breaks)."""
_AFTER_MOTTO = regex(r"(?<=Hạnh phúc)\s+(?=[" + CAPITALS + r"][^,]{1,40},\s*ngày)")
_DATE_TAIL = regex(r"(?<=[A-ZĐ0-9]\s)(?:\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}\s*$")
"""The end of a date that wrapped in its column, run onto the number's line beside it ("Số:
235/KH-UBND 18 tháng 11 năm 2025" under "Thanh Hóa, ngày")."""


def _unglued(cell: Cell) -> list[Cell]:
    """A header cell whose lines a converter glued together ("ỦY BAN NHÂN DÂNTỈNH THANH HÓASố:
    235/KH-UBND", "… VIỆT NAMĐộc lập - Tự do - Hạnh phúc Thanh Hóa, ngày …"), apart again where a
    part of the header begins right after a capital or a figure (the number and the motto after a
    space too; a place after the motto; anything after a table's bar)."""
    text = cell.text
    cuts = [m.start() for m in _GLUED.finditer(text)
            if m.start() > 0 and ((before := text[m.start() - 1]).isupper() or before.isdigit()
                                  or (before.isspace() and m.group("anywhere")))]
    cuts += [m.end() for m in _AFTER_MOTTO.finditer(text)]
    if "|" in text:  # a table's bar inside the line: its cells' boundary ("Số: 2853/QĐ-UBND| Thành phố Hồ Chí")
        cuts += [k + 1 for k, ch in enumerate(text) if ch == "|" and 0 < k + 1 < len(text.rstrip())]
    if _NUMBER.match(text.strip()):
        cuts += [m.start() for m in _DATE_TAIL.finditer(text)]
    if not cuts:
        return _undecorated(cell)
    bounds = [0, *sorted(set(cuts)), len(text)]
    return [piece for a, b in itertools.pairwise(bounds) if text[a:b].strip()
            for piece in _undecorated(Cell(text[a:b], cell.start + a, cell.start + b))]


_RULE_OR_BAR = r"(?:[-–—_=~*·]{3,}\|*|\|+)"
"""A rule ("-------", a bar glued to it: "-------|"), or a table's bar."""
_DECORATION = regex(r"^(?:\s*" + _RULE_OR_BAR + r"(?=\s|$|[" + CAPITALS + r"]))*\s*(?P<text>.*?)(?:\s+"
                         + _RULE_OR_BAR + r")*\s*$")
"""A cell's rules and table bars at its ends ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH ------- |": the rule
under the body's name and the cell's bar, glued onto its line with it; "------Thành phố Hồ Chí":
the rule under the issuer's name, the place beside it glued on)."""


_RULE_RUN = regex(r"[-–—_=~*·]{3}")
"""Three marks of a rule in a row, as typed or as typography made them ("——-")."""
_DECORATION_ONLY = regex(r"^" + _RULE_OR_BAR + r"(?:\s+" + _RULE_OR_BAR + r")*$")
"""A cell of rules and bars only (``_undecorated`` sets them apart): no line between an issuer's."""


def _undecorated(cell: Cell) -> list[Cell]:
    """The cell with the rules and bars at its ends set apart, cells of their own (read as the
    header's other lines: kept, never part of a name)."""
    text = cell.text
    if "|" not in text and _RULE_RUN.search(text) is None:
        return [cell]  # most cells: nothing to take off
    m = _DECORATION.match(text)
    if m is None or m.group("text") == text or not m.group("text"):
        return [cell]
    a, b = m.span("text")
    pieces = [(0, a), (a, b), (b, len(text))]
    return [Cell(text[x:y].strip(), cell.start + x + (len(text[x:y]) - len(text[x:y].lstrip())),
                 cell.start + x + len(text[x:y].rstrip()))
            for x, y in pieces if text[x:y].strip()]


def _front_cells(front: list[Line]) -> list[Cell]:
    """The front matter as cells in reading order, with wrapped pieces joined: a place and date
    broken over lines ("Thành phố Hồ Chí" / "Minh, ngày 21" / "tháng 11 năm 2025"), or a number
    line whose cells a layout split; pieces a converter glued, apart."""
    cells = _line_cells(front)
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        text = cell.text
        rest = next((k for k in range(i + 1, min(i + 3, len(cells))) if cells[k].text.lstrip().startswith("ố")), None)
        if text.strip() == "S" and rest is not None:
            # "S" / "ố: 12/KH-SCT": the accented letter drawn apart from its word (a PDF), or a line
            # break typed after the "S" (a Word cell), the place and date beside them in between
            cells[rest] = Cell(f"S{cells[rest].text.lstrip()}", cell.start, cells[rest].end)
            i += 1
            continue
        if (text.rstrip().endswith("-") and i + 1 < len(cells) and _NUMBER.match(text.strip())
                and _SYMBOL_TAIL.fullmatch(cells[i + 1].text.strip())):
            # "Số: 12/KH-" / "SCT": the symbol wrapped after its hyphen in a narrow cell
            out.append(Cell(f"{text.rstrip()}{cells[i + 1].text.strip()}", cell.start, cells[i + 1].end))
            i += 2
            continue
        if _NUMBER_LABEL.fullmatch(text.strip()) and i + 1 < len(cells):
            # "Số:" in a cell or line of its own, the number under it (a web page's table as text)
            joined = f"{text.strip()} {cells[i + 1].text.strip()}"
            if _NUMBER.match(joined):
                out.append(Cell(joined, cell.start, cells[i + 1].end))
                i += 2
                continue
        if (out and out[-1].text.rstrip().endswith(",") and re.match(r"\s*ngày\b", text)
                and _place_date(f"{out[-1].text} {text}") and not _NUMBER.match(out[-1].text)):
            # "Bình Định," / "ngày 29 tháng 5 năm 2018": the place wrapped before its date
            prev = out.pop()
            cell = Cell(f"{prev.text} {text}", prev.start, cell.end)
        if _DATE_OPEN.search(_date_words(cell.text)) and not _place_date(cell.text):
            cell, i = _whole_date(cells, i, cell, out)
        if _place_date(cell.text) and out and _place_date(cell.text).group("place").strip():  # type: ignore[union-attr]
            cell = _with_wrapped_place(out, cell)
        out.append(cell)
        i += 1
    return out


def _line_cells(front: list[Line]) -> list[Cell]:
    """The front matter's lines as cells: a line's own cells, or the whole line where a layout
    split a number or a place and date over cells; glued pieces apart (``_unglued``)."""
    cells: list[Cell] = []
    for line in front:
        whole = re.sub(r"\s+", " ", line.text)
        first = line.cells[0].text if line.cells else line.text
        number_split = _NUMBER.match(whole) and not (_NUMBER.match(first) and _NUMBER.match(first).group("digits").strip())
        if number_split or (
            _place_date(whole) and len(line.cells) > 1
            and not is_motto(first) and not is_upper(first) and not _NUMBER.match(first)
        ):
            cells.append(Cell(line.text, line.start, line.end))
        else:
            cells.extend(line.cells or (Cell(line.text, line.start, line.end),))
    return _motto_apart([piece for cell in cells for piece in _unglued(cell)])


_MOTTO_WORDS = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".split()
_MOTTO_WORD_SET = frozenset([*_MOTTO_WORDS, "HOÀ"])


def is_motto_fragment(text: str) -> bool:
    """Words of the motto's first line only, wrapped anywhere in a narrow cell ("CỘNG HÒA XÃ" /
    "HỘI CHỦ NGHĨA VIỆT NAM", "NAM")."""
    words = text.split()
    return bool(words) and _MOTTO_WORD_SET.issuperset(words)
_ENDS_IN_NAM = ("QUẢNG", "HÀ")
"""The words before "NAM" in a place's name ("TỈNH QUẢNG NAM", "TỈNH HÀ NAM"): no motto's end."""


def _motto_apart(cells: list[Cell]) -> list[Cell]:
    """The motto's rest, wrapped under its first words and run onto the issuer's line beside it
    with no gap ("ỦY BAN NHÂN CỘNG HÒA XÃ" / "DÂN HỘI CHỦ NGHĨA VIỆT NAM", "… CHỦ NGHĨA VIỆT" /
    "XÃ LƯƠNG MINH NAM": pdfplumber's lines of a header table), apart from the issuer's words."""
    out: list[Cell] = []
    pending: list[str] = []  # the motto's words still to come
    for cell in cells:
        words = cell.text.replace("HOÀ", "HÒA").split()
        if words[:2] == _MOTTO_WORDS[:2] and words == _MOTTO_WORDS[:len(words)]:
            pending = _MOTTO_WORDS[len(words):]
            out.append(cell)
            continue
        if pending:
            k = next((k for k in range(min(len(pending), len(words) - 1), 0, -1) if words[-k:] == pending[:k]), 0)
            if k and not (pending[:k] == ["NAM"] and words[-k - 1] in _ENDS_IN_NAM):
                text = cell.text.rstrip()
                cut = len(text)
                for _ in range(k):
                    cut = text.rstrip()[:cut].rstrip().rfind(" ")
                head, tail = text[:cut].rstrip(), text[cut:].strip()
                out.append(Cell(head, cell.start, cell.start + len(head)))
                at = cell.start + cut + (len(text[cut:]) - len(text[cut:].lstrip()))
                out.append(Cell(tail, at, at + len(tail)))
                pending = pending[k:]
                continue
            pending = [] if words == pending[:len(words)] and len(words) == len(pending) else pending
        out.append(cell)
    return out


def _whole_date(cells: list[Cell], i: int, cell: Cell, out: list[Cell]) -> tuple[Cell, int]:
    """A place and date begun in ``cell`` (``cells[i]``) and wrapped ("Đắk Lắk, ngày 18" / "tháng
    11 năm 2025"), joined until the date is whole, and the index of its last cell; a number read
    between its pieces (the other column's) goes to ``out`` before it. Unchanged if no date follows."""
    text = cell.text
    j = i + 1
    blank = None  # the last cell of a date left blank to the year, if no year follows
    beside: list[Cell] = []  # the number, in the other column between the date's pieces
    while j < len(cells) and j <= i + 2 + len(beside) and not _place_date(text):
        if not beside and _NUMBER.match(cells[j].text.strip()):
            beside.append(cells[j])
            j += 1
            continue
        text = f"{text} {cells[j].text}"
        if blank is None and _blank_date(text):
            blank = j
        j += 1
    if _place_date(text):
        out.extend(beside)
        return Cell(text, cell.start, cells[j - 1].end), j - 1
    if blank is not None:  # "Lâm Đồng, ngày" / "tháng" / "năm": a draft's blank date
        return Cell(" ".join(c.text for c in cells[i:blank + 1]), cell.start, cells[blank].end), blank
    return cell, i


def _with_wrapped_place(out: list[Cell], cell: Cell) -> Cell:
    """A place and date whose place began on the cell before ("Thành phố Hồ Chí" / "Minh, ngày 21
    …", wrapped in its column), taken from ``out`` — the number maybe read between the pieces
    stays before it."""
    beside = out[-1:] if len(out) >= 2 and _NUMBER.match(out[-1].text.strip()) else []
    at = len(out) - 1 - len(beside)
    if not _is_place_start(out[at].text):
        return cell
    prev = out[at]
    del out[at:]
    out.extend(beside)
    return Cell(f"{prev.text} {cell.text}", prev.start, cell.end)


_SYMBOL_TAIL = regex(r"[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*")
"""The rest of a document symbol after a wrap ("SCT", "UBND", "BCĐ-VP")."""
_DATE_OPEN = regex(r"(?:^|,)\s*ng[àaảáãạ]y\b|,\s*ng[àaảáãạ]y|" + _BEFORE_BARE_PLACE + _BARE_PLACE + r"\s+ngày\s+\d")
"""Where a place and date begins: "ngày" opening a cell or after a comma (its mark misread, or
left out: "ngảy", "ngay"), or a place with no comma before it, alone or after the number ("Đắk
Lắk ngày 18" / "tháng 11 năm 2025")."""
_NUMBER_LABEL = regex(r"Số\s*[:.]?")


def _is_place_start(text: str) -> bool:
    """A mixed-case piece that a wrapped place line leaves before ", ngày …" ("Thành phố Hồ Chí")."""
    t = text.strip()
    return (bool(t) and not is_upper(t) and not is_motto(t) and not _NUMBER.match(t) and "," not in t
            and len(t.split()) <= 5 and all(w[:1].isupper() or w in ("phố", "xã", "phường") for w in t.split()))


def is_upper(text: str) -> bool:
    """Set in capitals, and holding a letter (a rule or a number alone is not)."""
    return text == text.upper() and any(c.isalpha() for c in text)


_COMPOUNDS = frozenset({
    ("ỦY", "BAN"), ("UỶ", "BAN"), ("NHÂN", "DÂN"), ("CHỦ", "TỊCH"), ("GIÁM", "ĐỐC"), ("THƯỜNG", "VỤ"),
    ("THƯỜNG", "TRỰC"), ("CHẤP", "HÀNH"), ("HỘI", "ĐỒNG"), ("BÍ", "THƯ"), ("CHỈ", "ĐẠO"), ("VĂN", "PHÒNG"),
    ("BAN", "NHÂN"),
})
"""Two-syllable words of a header's and a signature's names ("ỦY BAN", "CHỦ TỊCH"), and the two
words of "ỦY BAN NHÂN DÂN": a narrow cell breaks a line between their syllables, never a name
between two of them."""


_COMMITTEE = regex(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s+(?:" + "|".join(x.upper() for x in _LEVELS)
                        + r"|TP\.?)\s+\S")
_NAMED_PLACE = regex(r"(?<!\S)(?:" + "|".join(x.upper() for x in _LEVELS) + r"|TP\.?)\s+\S")


_BODY_AFTER = regex(r"\s(?=(?:" + "|".join(re.escape(w.strip()) for w in _BODY_WORDS) + r")\s)")


def _bodies_run_together(name: str) -> list[str]:
    """An issuer's line that names a body under its parent on one line, as a converter flattens a
    header cell's lines ("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC", "UBND TỈNH LÀO
    CAI SỞ CÔNG THƯƠNG"): the parent, a committee or organisation that has named its level and
    place, and the body under it, as two lines would give them. A line that is one name stays
    whole."""
    if " " not in name or not name.upper().startswith(_ORGANISATION_WORDS):
        return [name]
    upper = name.upper()
    for m in _BODY_AFTER.finditer(upper):
        head = upper[:m.start()]
        place = _NAMED_PLACE.search(head)
        if place is not None and len(head[place.start():].split()) >= 3:  # (a level and a place's two words)
            return [name[:m.start()].strip(), name[m.end():].strip()]
    return [name]


def _committee_under_committee(above: list[str], name: str) -> bool:
    """ "UBND THÀNH PHỐ HÀ NỘI" / "ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM": a people's committee that
    names its own level and place under one that named its own — the lower one issues (a committee
    wrapped over two lines names its place once: "ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN")."""
    return bool(_COMMITTEE.match(name.upper())) and bool(_NAMED_PLACE.search(" ".join(above).upper()))


def breaks_a_word(before: str, text: str) -> bool:
    """Whether ``text`` carries on a word ``before`` broke ("ỦY" / "BAN NHÂN DÂN", "PHÓ CHỦ" / "TỊCH")."""
    last, first = before.rpartition(" ")[2].upper(), text.partition(" ")[0].upper()
    return (last, first) in _COMPOUNDS


def _last_issuer_run(h: Header, parts: list[Cell]) -> list[Cell]:
    """The issuing body is the last run of upper-case lines before the number: what stands before
    it (a portal's banner, its metadata table) is page chrome, kept as such."""
    if not parts:
        return parts
    order = {id(hl): k for k, hl in enumerate(h.lines)}
    issuer_lines = [hl for hl in h.lines if hl.role == "issuer"]
    runs: list[list[int]] = []
    last_k = -2
    for hl in issuer_lines:
        k = order[id(hl)]
        between = h.lines[last_k + 1:k] if last_k >= 0 else []
        if runs and all(x.role in ("motto", "stamp", "draft") or (x.role == "other" and _DECORATION_ONLY.match(x.text))
                        for x in between):
            runs[-1].append(k)
        else:
            runs.append([k])
        last_k = k
    keep = set(runs[-1])
    first_kept = min(keep)
    for k, hl in enumerate(h.lines):
        if k < first_kept and hl.role in ("issuer", "other"):
            h.lines[k] = HeaderLine("chrome", hl.text, hl.span)
    return [c for c, hl in zip(parts, issuer_lines, strict=True) if order[id(hl)] in keep]


_PORTAL_SECTION = regex(
    r"(?i:(?:nội dung|tóm tắt|thuộc tính|toàn văn|lược đồ)(?:\s+(?:toàn văn|văn bản|nội dung))?|văn bản gốc"
    r"|văn bản tiếng việt)\s*:?")
"""A legal portal's headings over its parts ("NỘI DUNG VĂN BẢN", "TÓM TẮT VĂN BẢN", "Thuộc tính"):
chrome, never the issuing body's name above the header they stand over."""
_SYMBOL_IN = regex(r"\d+\s*/\s*[A-ZĐ]")
"""A document symbol ("77/KH-UBND"): a portal's metadata, never a line of the issuing body."""


def _note_draft(h: Header, m: re.Match[str], where: str) -> None:
    if h.draft is None:
        h.draft, h.draft_where = m.group(0).strip(), where
    if m.groupdict().get("n"):
        h.version = int(m.group("n"))


def _read_front_cell(h: Header, cell: Cell, issuer_parts: list[Cell]) -> None:
    text = single_spaced(cell.text)
    span = Span(cell.start, cell.end)
    d = draft_mark(text)
    if d and d.group(0).strip() == text:  # a line or cell of its own (a text box, a stamp)
        _note_draft(h, d, "header line")
        h.lines.append(HeaderLine("draft", text, span))
        return
    v = _VERSION.fullmatch(text)
    if v:
        h.version = int(v.group("n") or v.group("n2"))
        h.lines.append(HeaderLine("draft", text, span))
        return
    m = _NUMBER.match(text)
    if m:
        digits = re.sub(r"[\s.]", "", m.group("digits"))
        sym = re.sub(r"\s+", "", m.group("sym"))
        h.number = f"{digits}{m.group('sep')}{sym}".translate(HYPHENS) if digits else None
        h.lines.append(HeaderLine("number", text, span))
        rest = m.group("rest").strip()
        d = draft_mark(rest)
        if d:  # "Số: /KH-UBND (Dự thảo)": the mark is not part of the number
            _note_draft(h, d, "number line")
            rest = (rest[: d.start()] + rest[d.end():]).strip()
        if rest:
            _read_place_date(h, rest)
        return
    if _place_date(text) or _blank_date(text):
        _read_place_date(h, text)
        h.lines.append(HeaderLine("place_date", text, span))
        return
    if (issuer_parts and h.number is None and match_key(text) == "việt nam"
            and not (h.motto and _motto_goes_on(h.motto[-1], text))):
        # "HỘI LIÊN HIỆP PHỤ NỮ" / "VIỆT NAM": a national organisation's name wrapped, not the
        # motto's end (no unfinished motto before it to end)
        issuer_parts.append(Cell(text, cell.start, cell.end))
        h.lines.append(HeaderLine("issuer", text, span))
        return
    if is_motto(text) and not (h.motto and _motto_goes_on(h.motto[-1], text)):
        h.motto.append(text)
        h.lines.append(HeaderLine("motto", text, span))
        return
    if h.motto and _motto_goes_on(h.motto[-1], text):
        # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM", "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM": the
        # motto wrapped in a narrow cell, next to it or under it beside the issuer's next line
        h.motto[-1] = f"{h.motto[-1]} {text}"
        h.lines.append(HeaderLine("motto", text, span))
        return
    if text.upper() in _STAMPS:
        h.stamps.append(text)
        h.lines.append(HeaderLine("stamp", text, span))
        return
    if _PORTAL_SECTION.fullmatch(text):
        h.lines.append(HeaderLine("chrome", text, span))  # "NỘI DUNG VĂN BẢN": a portal's own heading
        return
    if text == text.upper() and any(c.isalpha() for c in text) and h.number is None and not _SYMBOL_IN.search(text):
        # upper-case lines before "Số:" that are not the motto: the issuing body (and its parent)
        issuer_parts.append(Cell(text, cell.start, cell.end))
        h.lines.append(HeaderLine("issuer", text, span))
        return
    h.lines.append(HeaderLine("other", text, span))


_ISSUED_BY = regex(r"\b(?:Quyết định|Nghị quyết|Chỉ thị)\s+(?=số\b)", re.IGNORECASE)
_REF_DATE = regex(r"ngày\s*(?P<d>\d{1,2})\s*(?:tháng\s*|/)(?P<m>\d{1,2})\s*(?:năm\s*|/)(?P<y>\d{4})", re.IGNORECASE)


def read_issuing_ref(h: Header, text: str) -> None:
    """The number and day of the instrument that issued a plan printed on its own, from the
    "(Kèm theo Quyết định số 1422/QĐ-TTg ngày 19 tháng 11 năm 2024 …)" under its title: such a
    plan has none of its own and is cited by the instrument's. Only where the header gave none."""
    m = _ISSUED_BY.search(text)
    if m is None or h.number is not None:
        return
    n = _NUMBER.match(single_spaced(text[m.end():]).replace("số", "Số", 1))
    digits = re.sub(r"[\s.]", "", n.group("digits")) if n else ""
    if not n or not digits:
        return  # a draft's "số      /QĐ-UBND": no number yet
    sym = re.sub(r"\s+", "", n.group("sym"))
    h.number = f"{digits}{n.group('sep')}{sym}".translate(HYPHENS)
    if h.date is None and (d := _REF_DATE.search(n.group("rest"))):
        day, month, year = int(d.group("d")), int(d.group("m")), int(d.group("y"))
        if 1 <= day <= 31 and 1 <= month <= 12:
            h.date, h.month, h.year = f"{year:04d}-{month:02d}-{day:02d}", month, year


_NOT_OF_A_PLACE = " ,*|_-–—·\t"
"""What stands at a place's ends that is none of it: the Party's "*" under its committee's name,
a rule's dash or a table's bar on the same line."""


def _read_place_date(h: Header, text: str) -> None:
    m = _place_date(text)
    if not m:
        blank = _blank_date(text)
        if blank:
            h.place = blank.group("place").strip(_NOT_OF_A_PLACE) or None
            if blank.group("m") and 1 <= int(blank.group("m")) <= 12:
                h.month = int(blank.group("m"))
        return
    place = m.group("place").strip(_NOT_OF_A_PLACE)
    h.place = place or None
    year = int(m.group("y") or m.group("y2"))
    h.year = year
    day, month = m.group("d") or m.group("d2"), m.group("m") or m.group("m2")
    if month and 1 <= int(month) <= 12:
        h.month = int(month)
    if day and month:
        d, mo = int(day), int(month)
        if 1 <= d <= 31 and 1 <= mo <= 12:
            h.date = f"{year:04d}-{mo:02d}-{d:02d}"


def jurisdiction(issuer: str | None, title: str | None, preamble: str, place: str | None,
                 parent_issuer: str | None = None, authorities: Sequence[str] = ()) -> Jurisdiction | None:
    """From the issuer ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ") or its parent body ("UBND TỈNH
    QUẢNG NAM" above "SỞ Y TẾ"), then from the authority that enacts or signs (a page that kept
    only "ỦY BAN NHÂN DÂN" of the issuer, over "ỦY BAN NHÂN DÂN TỈNH" above the grounds), else
    from the title or preamble ("… trên địa bàn tỉnh …")."""
    names = [x for x in (issuer, parent_issuer) if x]
    names += [AUTHORITY.sub("", x) for x in authorities]
    if names:
        for part in names:
            low = part.lower()
            party = _place_patterns()[2].search(low)
            if party:  # "TỈNH ỦY HÀ TĨNH", "THÀNH ỦY HẢI PHÒNG", "TỈNH ĐOÀN NGHỆ AN": a Party's (Youth Union's) committee of that place
                return Jurisdiction(_title_case(part[party.start(2):].strip()), _PARTY_LEVELS[party.group(1)])
            for level in _LEVELS:
                # "TP HỒ CHÍ MINH", "TP. HÀ NỘI": a city's level abbreviated
                spelled = r"(?:thành phố\s+|tp\.\s*|tp\s+)" if level == "thành phố" else rf"{level}\s+"
                m = next((m for m in re.finditer(rf"(?<!\w){spelled}(?=\S)", low)
                          if not _NOT_A_PLACE.match(low, m.end())), None)
                if m:
                    name = part[m.end():].strip()
                    if name.isdigit():  # "QUẬN 3", "PHƯỜNG 15": a unit known by its number is named with its level
                        return Jurisdiction(f"{level.capitalize()} {name}", level)
                    return Jurisdiction(_title_case(name), level)
        if any(_CENTRAL_BODY.search(part.upper()) or _NATIONAL_BODY.search(part.upper()) for part in names):
            # a ministry, the Government, the Party's or a union's central body, an organisation of
            # the whole country ("HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM"): the country (not the city it signs in)
            return Jurisdiction("Việt Nam", "trung ương")
        # "BAN CHỈ ĐẠO CÔNG TÁC GIA ĐÌNH TỈNH", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG HUYỆN": a body of its
        # level that names no place; the place of its date does
        ends = next((level for part in names for level in _LEVELS
                     if re.search(rf"(?<!\w){level}$", part.lower().rstrip(" .,"))), None)
        if ends and place:
            return Jurisdiction(place, ends)
    for text in (title or "", preamble):
        m = _place_patterns()[0].search(text)
        if m:
            return Jurisdiction(m.group("name").strip(), m.group("level"))
        if text and text == text.upper():
            # a title in capitals ("… TRÊN ĐỊA BÀN TỈNH KON TUM NĂM 2025"): the name runs to a
            # word that cannot be in it (a year, "năm", "giai đoạn" …)
            m = _place_patterns()[1].search(text.lower())
            if m:
                name = []
                for word in m.group("name").split():
                    if word in _NOT_IN_NAMES or word[:1].isdigit() or len(name) == 4:
                        break
                    name.append(word)
                if name:
                    return Jurisdiction(_title_case(" ".join(name).upper()), m.group("level"))
    if place:
        return Jurisdiction(place, "")
    return None


_CENTRAL_BODY = regex(
    r"^(?:BỘ\s+(?!CHỈ\s+HUY|ĐỘI\b)|THỦ\s+TƯỚNG|CHÍNH\s+PHỦ|VĂN\s+PHÒNG\s+CHÍNH\s+PHỦ|QUỐC\s+HỘI|"
    r"(?:ỦY|UỶ)\s+BAN\s+(?:THƯỜNG\s+VỤ\s+QUỐC\s+HỘI|DÂN\s+TỘC)|TỔNG\s+CỤC|TỔNG\s+LIÊN\s+ĐOÀN|"
    r"KIỂM\s+TOÁN\s+NHÀ\s+NƯỚC|NGÂN\s+HÀNG\s+NHÀ\s+NƯỚC)|TRUNG\s+ƯƠNG")
"""A body of the whole country: a ministry ("BỘ Y TẾ"; not a province's "BỘ CHỈ HUY QUÂN SỰ"), the
Government and its office, the legislature, a general department, the central committees ("BAN
CHẤP HÀNH TRUNG ƯƠNG", "TRUNG ƯƠNG HỘI LHPN VIỆT NAM"); looked for only where no level of local
government is named."""
_NOT_A_PLACE = regex(r"(?:hội|ủy|uỷ|đoàn)(?!\w)")
"""What follows a level's word in a body's name without naming a place: "xã hội" (society: "SỞ LAO
ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), "tỉnh ủy" (the Party's committee, under "ĐẢNG BỘ TỈNH …"), "tỉnh
đoàn" (the Youth Union's)."""


def _title_case(name: str) -> str:
    if name != name.upper():
        return name
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())

