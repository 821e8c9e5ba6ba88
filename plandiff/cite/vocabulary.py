"""What a citation is made of: the instruments' type words ("Quyết định", "Nghị quyết" …), the
codes of their symbols and issuers (QĐ, NQ; TTg, CP, UBND …), the patterns of a symbol and of
what follows it (its date, issuer and subject), the openers of a preamble's grounds, and the
instruments known by name (``data/instruments.json``). Read by every stage; reads none."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache

from ..compiled import dataclass, regex
from ..datafiles import read_text
from ..jurisdictions import LEVELS_RE
from ..model import Span
from ..textnorm import CAPITALS, HYPHENS

TYPE_WORDS = (
    "Thông tư liên tịch", "Nghị quyết liên tịch", "Bộ luật", "Luật", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư",
    "Kế hoạch", "Công văn", "Hướng dẫn", "Thông báo kết luận", "Thông báo", "Chương trình", "Đề án", "Tờ trình",
    "Văn bản hợp nhất", "Văn bản", "Báo cáo", "Kết luận", "Pháp lệnh", "Quy định", "Quy chế", "Công điện", "Phương án",
)
TYPE_ALIASES = {"Thông báo kết luận": "Thông báo"}
"""Type words that name another type ("Thông báo kết luận số 45-TB/TU" is a notice of conclusions)."""
TYPE_OF_CODE = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "NQ": "Nghị quyết", "NĐ": "Nghị định", "CT": "Chỉ thị", "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch", "HD": "Hướng dẫn", "TB": "Thông báo", "TTR": "Tờ trình", "BC": "Báo cáo",
    "KL": "Kết luận", "CTR": "Chương trình", "ĐA": "Đề án", "QH": "Luật", "QC": "Quy chế", "QYĐ": "Quy định",
    "CĐ": "Công điện", "PA": "Phương án", "NQLT": "Nghị quyết liên tịch", "VBHN": "Văn bản hợp nhất",
}
CODE_OF_TYPE = {v: k for k, v in TYPE_OF_CODE.items()}
CODE_OF_TYPE["Luật"] = "QH"
CODE_OF_TYPE["Bộ luật"] = "QH"
MIXED_CASE = {"TTG": "TTg", "TTR": "TTr", "CTR": "CTr"}
"""Codes written in mixed case by convention (Nghị định 30/2020/NĐ-CP, Phụ lục III)."""
CENTRAL = {"TTG", "CP", "QH", "TW", "UBTVQH", "CTN", "TANDTC", "VKSNDTC"}
ISSUER_CODES = {
    "thủ tướng chính phủ": "TTG", "chính phủ": "CP", "quốc hội": "QH", "bộ tài chính": "BTC",
    "ban bí thư": "TW", "bộ chính trị": "TW", "ban chấp hành trung ương": "TW",
    "bộ lao động - thương binh và xã hội": "BLĐTBXH", "bộ nội vụ": "BNV", "bộ y tế": "BYT",
    "bộ giáo dục và đào tạo": "BGDĐT", "bộ kế hoạch và đầu tư": "BKHĐT", "bộ tư pháp": "BTP",
}
LOCAL_ISSUERS = {"UBND", "HĐND", "SLĐTBXH", "VP", "BCĐ", "STC", "SNV"}
_KNOWN_CODES = set(TYPE_OF_CODE) | CENTRAL | LOCAL_ISSUERS | set(MIXED_CASE)

TYPE_RE = "|".join(r"\s+".join(map(re.escape, t.split())) for t in TYPE_WORDS)
"""The type words, each space in them any run of whitespace: text read from a PDF by position or a
wrapped line puts two spaces or a line break inside "Văn  bản"."""
_CODE_PART = r"[A-ZĐÐ][A-Za-zĐđÐð0-9&]*"  # (Ð: the Icelandic letter some converters type for Đ)
_PARTY_KINDS = r"(?:NQ|CT|KL|KH|HD|QĐ|CTr|TB|BC|QC|QĐi)"
_PARTY_BODIES = r"(?:TW|TƯ|TU|HU|QU|TXU|ĐU|ĐĐ|BCSĐ)"
"""A Party document's kinds (nghị quyết, chỉ thị, kết luận …) and bodies (the Central Committee, a
provincial, district or grassroots committee, a Party delegation)."""
SYMBOL = regex(
    r"(?=\d)(?<![\w/.-])"  # every symbol starts with a digit: elsewhere the lookahead fails at once
    # party: 21-CT/TW (its hyphen lost where a line ended on it and a tool joined the lines,
    # pdftotext's "21NQ/TW": then only a Party's kind of document and body)
    r"(?:(?P<pnum>\d{1,5})(?:\s?[-–‐‑]\s?|(?=" + _PARTY_KINDS + r"/" + _PARTY_BODIES + r"(?![\w])))"
    r"(?P<pkind>[A-ZĐ][A-Za-z]{0,3})/(?P<porg>[A-ZĐ][A-ZĐa-z]*)"
    r"|(?P<num>\d{1,5})(?:\s?/\s?(?P<year>(?:19|20)\d\d))?\s?/\s?(?P<code>" + _CODE_PART + r"(?:\s?[-–‐‑]\s?" + _CODE_PART + r")*))"
    r"(?![\w])"
)
TYPE_BEFORE = regex(r"(?P<type>" + TYPE_RE + r")(?:\s+số)?\s*:?\s*$", re.IGNORECASE)
_YEAR = r"(?P<y>\d{4}|(?:19|20) \d\d(?!\d))"
"""A year, or a year a PDF's text layer split after its century ("16/7/20 21")."""
DATE_AFTER = regex(r"^\s*,?\s*(?:ban hành\s+)?ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*" + _YEAR)
YEAR_AFTER = regex(r"^\s*,?\s*(?:ban hành\s+)?năm\s+(?P<y>(?:19|20)\d\d)\b")
"""The year alone after the symbol ("Quyết định 2282/QĐ-TTg năm 2020", a portal's way of naming)."""
DATE_WORDS = regex(r"^\s*,?\s*(?:ngày\s*)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+" + _YEAR)
"""The date in words, its "ngày" sometimes dropped ("Tờ trình số 1167/TTr-SLĐTBXH 13 tháng 5 năm 2021")."""
MINISTRIES = (
    r"Bộ Lao động\s*[-–]\s*Thương binh và Xã hội", r"Bộ Giáo dục và Đào tạo", r"Bộ Kế hoạch và Đầu tư",
    r"Bộ Văn hóa,? Thể thao và Du lịch", r"Bộ Thông tin và Truyền thông", r"Bộ Tài nguyên và Môi trường",
    r"Bộ Nông nghiệp và Phát triển nông thôn", r"Bộ Nông nghiệp và Môi trường", r"Bộ Khoa học và Công nghệ",
    r"Bộ Giao thông vận tải", r"Bộ Công an", r"Bộ Quốc phòng", r"Bộ Nội vụ", r"Bộ Tư pháp", r"Bộ Y tế", r"Bộ Tài chính",
    r"Bộ Công Thương", r"Bộ Xây dựng", r"Bộ Ngoại giao", r"Bộ Dân tộc và Tôn giáo",
)
DEPARTMENTS = r"(?:(?:Bộ trưởng|Thứ trưởng) Bộ|Bộ|(?:Giám đốc|Phó Giám đốc) Sở|Sở) (?:" + "|".join(m.removeprefix("Bộ ") for m in MINISTRIES) + ")"
"""A ministry or a province's department of the same field, or its head ("Sở Kế hoạch và Đầu tư",
"Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"): a "và" inside the name does not end it."""
ISSUER_AFTER = regex(
    r"^\s*(?:của|cảu|do)\s+(?P<issuer>(?:Thủ tướng Chính phủ|Chính phủ|Quốc hội|Ban Bí thư(?: Trung ương Đảng)?|Bộ Chính trị|"
    + DEPARTMENTS + r"|Ban Chấp hành Trung ương(?: Đảng)?|Bộ [^,;.()]+?|(?:(?:Ủy|Uỷ) ban nhân dân|UBND)(?: (?:[Qq]uận|[Pp]hường) \d{1,2}(?![\d/])|(?: (?:" + LEVELS_RE + r"))?"
    r"(?: [" + CAPITALS + r"][\wÀ-ỹ]*)*)|Hội đồng nhân dân(?: \w+)*?"
    r"|[" + CAPITALS + r"][^,;.()]{2,60}?))(?=\s+(?i:về|phê duyệt|quy định|hướng dẫn|ban hành|và|thực hiện)\b|\s*[,;.(]|\s*$|\s+\(nay"

    # where a body's name has surely ended: a word no name holds ("… của Ban Bí thư đến với mọi tầng
    # lớp", "của Chính phủ việc ban hành"), or another instrument named ("… Đào tạo Kế hoạch công tác
    # …"; "Sở Kế hoạch và Đầu tư" names a body)
    r"|\s+(?:việc|đến|đối với|trên địa bàn|nhằm|để)\b|\s+(?:Kế hoạch|Quyết định|Chỉ thị|Công văn|Thông tư|Nghị quyết|Nghị định)\s+(?!và\b|[-–]))",
)
NOW_IS = regex(r"^\s*\(nay là (?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+(?P<name>[^)]+)\)")
SUBJECT_AFTER = regex(r"^\s*(?:\(nay là [^)]*\)\s*)?(?:việc\s+)?(?P<subject>(?i:về|phê duyệt|quy định|hướng dẫn|ban hành)\b[^;]*?)(?=;|\.\s|\.$|$|:\s*(?:\n|$)|(?:\s+và|,)\s+(?:" + TYPE_RE + r")\s+(?:số\s+)?\d)")
SHORT_NAME = regex(r"\((?:sau đây\s+)?(?:viết tắt là|gọi tắt là|sau đây gọi là)\s+(?P<alias>[^)]+?)\)")
# "L(?<!\w.)uật": a word's first letter, then the look-behind that says no letter stands before it.
# The engine skips to a pattern's first letter at C speed; a pattern that opens with the
# look-behind is tried at every position of the text (four times as long for these names)
LAW_NAME = regex(r"(?P<kind>B(?<!\w.)ộ [Ll]uật|L(?<!\w.)uật|P(?<!\w.)háp lệnh)\s+(?!số\b)(?P<name>[" + CAPITALS + r"][\wÀ-ỹ]*(?:(?:,\s+chống|\s+(?!và\b|năm\b|ngày\b|của\b|để\b|vào\b|về\b|trong\b|đối\b|có\b|được\b|các\b|số\s*:?\s*\d|nhằm\b|tại\b|theo\b|đã\b|này\b|mới\b|sửa\b|\()[\wÀ-ỹ]+)){0,6})")
CONSTITUTION = regex(r"H(?<!\w.)iến pháp(?:\s+(?:năm\s+\d{4}|nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam))+")
""""Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam": the Constitution, cited
by name (a bare "hiến pháp" in a sentence names no text)."""
OPENERS = regex(r"^\s*(?:Thực hiện|Căn cứ|Triển khai|Thi hành|Tiếp tục\s+(?:thực hiện|triển khai|thi hành))\b")
TYPE_OPENING = regex(r"^\s*(?:" + TYPE_RE + r")\b")
LISTED_GROUND = regex(r"^\s*[-–+•]\s*(?:(?:Thực hiện|Căn cứ)\s+)?(?:" + TYPE_RE + r")\b")
"""A ground of a preamble listed as a bullet ("Căn cứ:" / "- Luật Công nghệ thông tin …;", or the
list alone where a page dropped its "Căn cứ:" line): the instrument named first."""


PERIOD = r"(?P<period>\s+(?:giai đoạn|đến năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?)?"


@cache
def phrase(words: str, *, sep: str = r"\s+", before: str = "", after: str = "", ignore_case: bool = True) -> re.Pattern[str]:
    """A name of the data files (a law's, a programme's alias) as a pattern: its words, any white
    space (a line break) between. Kept for the process: the names are few and asked of every plan."""
    body = sep.join(re.escape(w) for w in words.split())
    return regex(before + body + after, re.IGNORECASE if ignore_case else 0)


class Printed:
    r"""A citation's words as printed, any white space between them (the pattern of its words
    joined by ``\s+``, case kept), found without compiling a pattern: a plan's citations are
    each looked up once or twice, and compiling each one cost more than finding it. The same
    matches as the pattern's ``finditer``: the first place the words stand, the next one looked
    for after its end."""

    __slots__ = ("tokens",)

    def __init__(self, words: str) -> None:
        self.tokens = words.split()

    def _end_at(self, text: str, at: int, end: int) -> int | None:
        """Where the words standing at ``at`` end (``at`` holds the first one), else None."""
        q = at + len(self.tokens[0])
        for token in self.tokens[1:]:
            r = q
            while r < end and text[r].isspace():  # str.isspace is the pattern's \s, character for character
                r += 1
            if r == q or not text.startswith(token, r, end):
                return None
            q = r + len(token)
        return q

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
        end = len(text) if end is None else min(end, len(text))
        first = self.tokens[0]
        at = text.find(first, start, end)
        while at >= 0:
            stop = self._end_at(text, at, end)
            if stop is None:
                at = text.find(first, at + 1, end)
            else:
                yield Span(at, stop)
                at = text.find(first, stop, end)

    def search(self, text: str, start: int = 0) -> Span | None:
        return next(self.finditer(text, start), None)


@dataclass(frozen=True, slots=True)
class Known:
    symbol: str
    type: str
    issuer: str
    date: str
    title: str
    names: tuple[str, ...]
    period: str | None


@cache
def law_names() -> tuple[str, ...]:
    """Names of laws (from the data file), longest first, for whole-name matching."""
    data = json.loads(read_text("instruments.json"))
    names = set(data.get("laws", []))
    names.update(n for x in data["instruments"] if x["type"] in ("Luật", "Bộ luật") for n in x.get("names", ()))
    return tuple(sorted(names, key=lambda n: (-len(n), n)))  # the same order in every process


@cache
def known_instruments() -> tuple[Known, ...]:
    data = json.loads(read_text("instruments.json"))
    return tuple(
        Known(x["symbol"], x["type"], x["issuer"], x["date"], x["title"], tuple(x.get("names", ())), x.get("period"))
        for x in data["instruments"]
    )


def normalize_symbol(raw: str) -> str:
    """NFC, no spaces, canonical case and hyphenation: "125/2021/NĐCP" → "125/2021/NĐ-CP"."""
    s = re.sub(r"\s+", "", raw).translate(HYPHENS)
    head, _, code = s.rpartition("/")
    if re.match(r"^\d+[A-ZĐ][A-Za-z]{0,3}/", s):  # a party symbol whose hyphen a tool dropped: "21NQ/TW"
        digits = re.match(r"^\d+", s)
        assert digits is not None
        s = f"{digits.group()}-{s[digits.end():]}"
    if re.match(r"^\d+-", s):  # party symbol 21-ct/tw
        num, _, rest = s.partition("-")
        kind, _, org = rest.partition("/")
        return f"{num}-{MIXED_CASE.get(kind.upper(), kind.upper())}/{org.upper()}"
    parts = [p.upper() for p in code.split("-")]
    if len(parts) == 1:
        for t in sorted(TYPE_OF_CODE, key=len, reverse=True):
            rest = parts[0][len(t):]
            if not parts[0].startswith(t) or not rest:
                continue
            if rest in CENTRAL or rest in LOCAL_ISSUERS or rest.startswith("B"):
                parts = [t, rest]
                break
            if t[-1] + rest in CENTRAL:  # "CTTg": the type's last letter also opens the issuer's (CT-TTg)
                parts = [t, t[-1] + rest]
                break
    printed = re.split(r"-", code)
    parts = [MIXED_CASE.get(p, p) if p in _KNOWN_CODES or len(printed) != len(parts) or not _mixed(q) else q
             for p, q in zip(parts, printed if len(printed) == len(parts) else parts, strict=True)]
    return f"{head}/{'-'.join(parts)}"


def _mixed(part: str) -> bool:
    """A word abbreviation in a code ("Cty", for Công ty): capitalised, three letters or more, and
    named by no convention, so kept as printed. Shorter mixed parts ("Tg") are codes typed loosely."""
    return len(part) >= 3 and part[0].isupper() and part[1:].islower()
