"""Citations of legal instruments: ``citations(plan) -> list[Citation]``.

Pipeline (as eyecite): regions (title, preamble, clauses, footnotes, appendices) → find numbered symbols and named
instruments → read their context (type word, date, issuer, subject) → resolve (typos, short
names a plan defines, administrative symbols to their authority) → Citation objects.

Administrative symbols (KH-UBND, UBND-XH …) are unique only per issuing authority and year, so
their canonical id carries both ("385/KH-UBND@huế/2021"); national symbols (with a year in the
number or a central issuer code: TTg, CP, QH, TW, ministries) stand alone.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import field, replace
from functools import cache, lru_cache

from ..compiled import dataclass, regex
from ..datafiles import read_text
from ..errors import require
from ..jurisdictions import LEVELS_RE, canonical
from ..model import Citation, Clause, HeaderLine, Jurisdiction, Plan, Span
from ..textnorm import AS_PRINTED_D, AS_VIETNAMESE_D, CAPITALS, HYPHENS, icelandic_d, match_key

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

_TYPE_RE = "|".join(r"\s+".join(map(re.escape, t.split())) for t in TYPE_WORDS)
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
TYPE_BEFORE = regex(r"(?P<type>" + _TYPE_RE + r")(?:\s+số)?\s*:?\s*$", re.IGNORECASE)
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
SUBJECT_AFTER = regex(r"^\s*(?:\(nay là [^)]*\)\s*)?(?:việc\s+)?(?P<subject>(?i:về|phê duyệt|quy định|hướng dẫn|ban hành)\b[^;]*?)(?=;|\.\s|\.$|$|:\s*(?:\n|$)|(?:\s+và|,)\s+(?:" + _TYPE_RE + r")\s+(?:số\s+)?\d)")
SHORT_NAME = regex(r"\((?:sau đây\s+)?(?:viết tắt là|gọi tắt là|sau đây gọi là)\s+(?P<alias>[^)]+?)\)")
# "L(?<!\w.)uật": a word's first letter, then the look-behind that says no letter stands before it.
# The engine skips to a pattern's first letter at C speed; a pattern that opens with the
# look-behind is tried at every position of the text (four times as long for these names)
LAW_NAME = regex(r"(?P<kind>B(?<!\w.)ộ [Ll]uật|L(?<!\w.)uật|P(?<!\w.)háp lệnh)\s+(?!số\b)(?P<name>[" + CAPITALS + r"][\wÀ-ỹ]*(?:(?:,\s+chống|\s+(?!và\b|năm\b|ngày\b|của\b|để\b|vào\b|về\b|trong\b|đối\b|có\b|được\b|các\b|số\s*:?\s*\d|nhằm\b|tại\b|theo\b|đã\b|này\b|mới\b|sửa\b|\()[\wÀ-ỹ]+)){0,6})")
CONSTITUTION = regex(r"H(?<!\w.)iến pháp(?:\s+(?:năm\s+\d{4}|nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam))+")
""""Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam": the Constitution, cited
by name (a bare "hiến pháp" in a sentence names no text)."""
OPENERS = regex(r"^\s*(?:Thực hiện|Căn cứ|Triển khai|Thi hành|Tiếp tục\s+(?:thực hiện|triển khai|thi hành))\b")
TYPE_OPENING = regex(r"^\s*(?:" + _TYPE_RE + r")\b")
LISTED_GROUND = regex(r"^\s*[-–+•]\s*(?:(?:Thực hiện|Căn cứ)\s+)?(?:" + _TYPE_RE + r")\b")
"""A ground of a preamble listed as a bullet ("Căn cứ:" / "- Luật Công nghệ thông tin …;", or the
list alone where a page dropped its "Căn cứ:" line): the instrument named first."""


_PERIOD = r"(?P<period>\s+(?:giai đoạn|đến năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?)?"


@cache
def _phrase(words: str, *, sep: str = r"\s+", before: str = "", after: str = "", ignore_case: bool = True) -> re.Pattern[str]:
    """A name of the data files (a law's, a programme's alias) as a pattern: its words, any white
    space (a line break) between. Kept for the process: the names are few and asked of every plan."""
    body = sep.join(re.escape(w) for w in words.split())
    return regex(before + body + after, re.IGNORECASE if ignore_case else 0)


class _Printed:
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


@dataclass
class _Region:
    text: str
    clause: str | None
    start: int
    end: int
    preamble: bool = False
    paragraph_starts: list[int] = field(default_factory=list)
    children: tuple[tuple[int, int], ...] = ()
    """The spans of a clause's children, inside its own span: its own text is around them (a
    closing paragraph after its dashes), never in them."""
    table: str | None = None
    """The table a row belongs to: its rows share the table's span, and are placed in turn."""
    row: int = 0


def _clause_region(c: Clause) -> _Region:
    return _Region(c.text, c.id, c.span.start, c.span.end,
                   children=tuple((k.span.start, k.span.end) for k in c.children))


def _title_regions(plan: Plan) -> tuple[_Region | None, _Region | None]:
    """The document's title, and the title of the plan a decision issues: what a plan carries out
    is often named there first ("KẾ HOẠCH Thực hiện Kết luận số 75-KL/TW …"), and at times only
    there. Each title's region spans its lines (the type's line and the title's after it). Only
    its numbered citations are read: a title in capitals would give the names of laws and
    programmes in capitals, which the preamble and body name as printed."""
    groups: list[list[HeaderLine]] = []
    for hl in plan.header:
        if hl.role == "doc_type" or (hl.role == "title" and not groups):
            groups.append([hl])
        elif hl.role == "title" and groups[-1][-1].role in ("doc_type", "title"):
            groups[-1].append(hl)
    out: list[_Region | None] = []
    at = 0
    for title in (plan.meta.title, plan.attached.title if plan.attached is not None else None):
        # the lines it was read from: the next group, in order, whose text holds its first words
        # (a decision's title holds the plan's it issues: "BAN HÀNH KẾ HOẠCH TRIỂN KHAI …")
        opening = " ".join((title or "").split()[:6]).casefold()
        k = next((k for k in range(at, len(groups))
                  if opening in " ".join(" ".join(hl.text for hl in groups[k]).split()).casefold()), None) if title else None
        out.append(None if k is None else _Region(title or "", "title", groups[k][0].span.start, groups[k][-1].span.end))
        at = at if k is None else k + 1
    return out[0], out[1]


def _regions(plan: Plan) -> list[_Region]:
    own, issued = _title_regions(plan)
    # the preamble is looked for after the document's own title: the same words in both are two places
    out = [r for r in (own, issued) if r is not None]
    out.append(_Region(plan.preamble, "preamble", own.end if own else 0, len(plan.source), preamble=True))
    if plan.attached is not None:  # a plain decision's articles are its clauses
        for top in plan.articles:
            out.extend(_clause_region(c) for c in top.walk())
    for c in plan.walk():
        out.append(_clause_region(c))
    for f in plan.footnotes:
        out.append(_Region(f.text, f"footnote:{f.label}", f.span.start, f.span.end))
    for k, app in enumerate(plan.appendices, start=1):
        if app.text:
            out.append(_Region(app.text, f"PL{k}", app.span.start, app.span.end))
        out.extend(_clause_region(c) for c in app.walk())
        for table in app.tables:
            for r, row in enumerate(table.rows, start=1):
                text = " | ".join(" ".join(cell.split()) for cell in row if cell.strip())
                out.append(_Region(text, f"PL{k}.row{r}", table.span.start, table.span.end,
                                   table=f"PL{k}.{id(table)}", row=r))
    return out


@dataclass
class _Found:
    start: int
    end: int
    symbol: str | None
    type: str | None
    number: str | None
    year: int | None
    date: str | None
    issuer: str | None
    title: str | None
    region: _Region
    raw: str
    subject_end: int = 0
    named: bool = False
    authority: str | None = None
    warnings: list[str] = field(default_factory=list)


def citations(plan: Plan) -> list[Citation]:
    """Every citation of a legal instrument in the plan's title (by number), preamble, clauses,
    footnotes and appendices."""
    return extract(plan)[0]


def extract(plan: Plan, *, names: dict[str, str] | None = None) -> tuple[list[Citation], list[str]]:
    """Citations and the warnings raised while resolving them (typos, contradictions).

    ``names`` maps instrument names learned elsewhere (other plans of a graph) to their ids; the
    plan's own numbered citations teach more ("Nghị quyết 28/NQ-CP … về ban hành Chiến lược …")."""
    require(plan, Plan, "the plan")
    cites, warnings, _ = _extract(plan, names)
    return cites, warnings


def extract_learning(plan: Plan, *, names: dict[str, str] | None = None) -> tuple[list[Citation], list[str], dict[str, str]]:
    """``extract`` and the names the plan itself defines (``learned_names``) from one pass over its
    numbered citations: a corpus extracts each plan once and learns from it at the same time."""
    require(plan, Plan, "the plan")
    return _extract(plan, names)


def _extract(plan: Plan, names: dict[str, str] | None) -> tuple[list[Citation], list[str], dict[str, str]]:
    if icelandic_d(plan.source):
        # a text that types "Đ" with the Icelandic "Ð" ("Quyết ðịnh số 1898/QÐ-TTg"): read as its
        # letters mean; what is printed (the symbol, the words, the clause) given back as printed,
        # the instrument and the type in Vietnamese letters, so that other plans' mentions meet it
        from ..serial import translated, translated_fields

        cites, warnings, learned = _extract_letters(translated(plan, AS_VIETNAMESE_D), names)
        return ([translated_fields(c, AS_PRINTED_D, keep=("type", "instrument", "within")) for c in cites],
                [w.translate(AS_PRINTED_D) for w in warnings], learned)
    return _extract_letters(plan, names)



def _extract_letters(plan: Plan, names: dict[str, str] | None) -> tuple[list[Citation], list[str], dict[str, str]]:
    regions = _regions(plan)
    found: list[_Found] = []
    warnings: list[str] = []
    for region in regions:
        found.extend(_numbered(region, plan))
    _resolve_type_conflicts(found, warnings)
    own_names = _learn_aliases(found, plan)
    learned = {**(names or {}), **own_names}
    short: dict[str, _Found] = {}
    learned_keys = tuple(sorted(learned, key=len, reverse=True))
    by_region: dict[int, list[_Found]] = {}
    for f in found:
        by_region.setdefault(id(f.region), []).append(f)
    for region in regions:
        if region.clause == "title":
            continue  # a title's instruments by number only: its names are in capitals, and the body names them
        here = by_region.get(id(region), [])
        named = _named(region, here, learned_keys)
        found.extend(named)
        more = _defined_short_names(region, here + named, short)
        found.extend(more)
    order = {id(r): k for k, r in enumerate(regions)}
    found.sort(key=lambda f: (order[id(f.region)], f.start))
    for f in found:
        warnings.extend(f.warnings)
    _complete_short_mentions(found)
    # the document's own number (in its appendix's "Kèm theo Kế hoạch số …", a table's source
    # column) is not a citation of another instrument
    own = plan.meta.number.translate(AS_VIETNAMESE_D) if plan.meta.number else None
    found = _once([f for f in found if not (own and f.symbol and f.symbol.translate(AS_VIETNAMESE_D) == own)])
    out: list[Citation] = []
    ids = {id(f): _instrument_id(f, plan, learned) for f in found}
    subjects = _Subjects(found)
    cursor: dict[object, tuple[tuple[int, int], int]] = {}
    for f in found:
        outer = subjects.outer(f.region, f.start, f)
        role = "basis" if _is_basis(f, outer, subjects) else "mention"
        out.append(Citation(f.symbol, f.type, f.number, f.year, f.date, f.issuer, f.title, role, f.region.clause,  # type: ignore[arg-type]
                            _locate(plan, f, cursor), ids[id(f)], f.raw, within=ids[id(outer)] if outer else None))
    out.sort(key=lambda c: c.span.start)
    return out, sorted(set(warnings)), own_names


def _once(found: list[_Found]) -> list[_Found]:
    """The same words found by two passes are one citation, the first found: a programme's name
    inside a numbered citation's title (the name pass and the known-alias pass), a defined short
    name that is also a number ("Chỉ thị số 27/CT-TTg"). ``found`` is in document order."""
    seen: set[tuple[int, int, int]] = set()
    out: list[_Found] = []
    for f in found:
        key = (id(f.region), f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def learned_names(plan: Plan) -> dict[str, str]:
    """Names the plan's own numbered citations define: name key → instrument id."""
    found = [f for region in _regions(plan) for f in _numbered(region, plan)]
    _resolve_type_conflicts(found, [])
    return _learn_aliases(found, plan)


_NUMBER_AFTER_SO = regex(
    r"s(?<!\w.)ố\s*:?\s*(?P<tok>(?=[^\s,;()\[\]]*\d)(?=[^\s,;()\[\]]*[A-Za-zĐđ])[^\s,;()\[\]]*[/-][^\s,;()\[\]]*[^\s,;().\[\]])",
    re.IGNORECASE,
)
"""A number an organisation writes its own way after "Văn bản số", "Công văn số" …: "21.4/GĐN",
"01-GCN-MT", "05/2026/VLN/CV-LV", "11/2026CV-YVG". The pattern starts at "số" (a literal, quick to
find) and ``_TYPE_BEFORE_SO`` checks the type word before it. A bracket ends it: "[1]" after a
symbol is a footnote's mark."""
_TYPE_BEFORE_SO = regex(r"(?<!\w)(?:" + _TYPE_RE + r"|Đơn|Tờ khai)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    raw: str
    party: bool = False


def _symbol_hits(text: str) -> list[_Hit]:
    """Symbols in ``text``: the standard forms, and what follows "<type> số" when it is longer."""
    # every symbol has a slash, and a number "after số" the word "số": most clauses have neither
    if "/" not in text:
        hits: list[_Hit] = []
    else:
        hits = [_Hit(m.start(), m.end(), m.group(0), party=bool(m.group("pnum"))) for m in SYMBOL.finditer(text)]
    if "số" not in text.lower():
        return hits
    starts = [h.start for h in hits]  # the standard matches never overlap: sorted by start and by end
    dropped: set[int] = set()
    added: list[_Hit] = []
    for m in _NUMBER_AFTER_SO.finditer(text):
        if not _TYPE_BEFORE_SO.search(text, max(0, m.start() - 40), m.start()):
            continue
        s, e = m.span("tok")
        k = bisect.bisect_left(starts, e)
        covering = [x for x in range(max(0, k - 4), k) if hits[x].end > s]
        if any(hits[x].start <= s and hits[x].end >= e for x in covering):
            continue
        dropped.update(covering)
        added.append(_Hit(s, e, m.group("tok")))
    return sorted([h for x, h in enumerate(hits) if x not in dropped] + added, key=lambda h: h.start)


def _numbered(region: _Region, plan: Plan) -> list[_Found]:
    text = region.text
    out: list[_Found] = []
    for m in _symbol_hits(text):
        std = SYMBOL.fullmatch(m.raw)
        if m.party:
            symbol = normalize_symbol(m.raw)
            pm = SYMBOL.fullmatch(m.raw)
            assert pm is not None
            number, year, code_parts = pm.group("pnum"), None, [pm.group("pkind").upper().translate(AS_VIETNAMESE_D),
                                                                 pm.group("porg").upper().translate(AS_VIETNAMESE_D)]
            type_code = code_parts[0]
        elif std is not None:
            symbol = normalize_symbol(m.raw)
            number = std.group("num")
            year = int(std.group("year")) if std.group("year") else None
            code_parts = symbol.rsplit("/", 1)[1].upper().translate(AS_VIETNAMESE_D).split("-")
            type_code = code_parts[0] if code_parts[0] in TYPE_OF_CODE and len(code_parts) > 1 else None
            if code_parts[0] == "QH" or (len(code_parts) == 1 and code_parts[0].startswith("QH")):
                type_code = "QH"
        else:  # an organisation's own numbering, kept as printed
            symbol = re.sub(r"\s+", "", m.raw).translate(HYPHENS)
            number = re.match(r"[\d.]*", symbol).group(0) or None  # type: ignore[union-attr]
            ym = re.search(r"/((?:19|20)\d\d)(?=/|[A-Za-zĐ])", symbol)
            year = int(ym.group(1)) if ym else None
            code_parts = re.split(r"[/-]", symbol.upper().translate(AS_VIETNAMESE_D))[1:]
            type_code = None
        before = text[max(0, m.start - 40): m.start]
        if _NOT_AN_INSTRUMENT.search(before, max(0, len(before) - 20)):
            continue  # "Mẫu số 01/BC-UBND", "QCVN 08:2023/BTNMT": a form's or a standard's number
        tm = TYPE_BEFORE.search(before)
        type_word = _canonical_type(tm.group("type")) if tm else None
        start = m.start - (len(before) - tm.start()) if tm else m.start
        if type_word == "Văn bản" and type_code:
            type_word = None  # "văn bản số 09/VBHN-BLĐTBXH": any document; its symbol says which kind
        ctype = type_word or (TYPE_OF_CODE.get(type_code, None) if type_code else "Công văn")
        after = text[m.end:]
        date, consumed = _date(after)
        if date is None and consumed == 0:
            ym = YEAR_AFTER.match(after)
            if ym:
                year, consumed = year or int(ym.group("y")), ym.end()
        rest = after[consumed:]
        issuer = None
        authority_hint = None
        im = ISSUER_AFTER.match(rest)
        if im:
            issuer = " ".join(im.group("issuer").split())
            consumed += im.end()
            rest = after[consumed:]
            nm = NOW_IS.match(rest)
            if nm:
                authority_hint = Jurisdiction(nm.group("name").strip(), nm.group("level"))
        sm = SUBJECT_AFTER.match(rest)
        # one line however the region's paragraphs broke it ("… phê duyệt Quy hoạch" / "Thủ đô …")
        title = " ".join(sm.group("subject").split()).strip(" ,") if sm else None
        subject_end = m.end + consumed + (sm.end() if sm else 0)
        found = _Found(start, m.end + consumed, symbol, ctype, number, year or (int(date[:4]) if date else None), date,
                       issuer, title, region, text[start:m.end].strip(), subject_end=subject_end)
        if year is None and date is None and not m.party:
            found.year = None
        found.authority = _authority(found, plan, authority_hint)
        _check_issuer_code(found, code_parts)
        out.append(found)
    return out


_NOT_AN_INSTRUMENT = regex(
    r"(?:(?<!\w)(?:[Mm]ẫu(?: biểu)?|[Bb]iểu(?: mẫu)?|[Pp]hụ lục|PHỤ LỤC|[Bb]ảng|[Hh]ộp thư)(?:\s+số)?\s*:?\s*"
    r"|(?<!\w)(?:QCVN|TCVN|QCĐP|TCCS)\s*[\d.\-]*\s*:\s*|\d:)$"
)
"""What a number after it names is no instrument: a form, a table, an appendix or a mailbox
("Mẫu số 01/BC-UBND", "Phụ lục số 03/PL"), or a technical standard's year after its colon
("QCVN 08:2023/BTNMT", "TCVN 5945:2005")."""


def _canonical_type(word: str) -> str:
    word = " ".join(word.split())
    for t in TYPE_WORDS:
        if t.lower() == word.lower():
            return TYPE_ALIASES.get(t, t)
    return word


def _date(after: str) -> tuple[str | None, int]:
    for pattern in (DATE_AFTER, DATE_WORDS):
        m = pattern.match(after)
        if m:
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y").replace(" ", ""))
            # "ngày 19/9/2023 ngày 19/9/2023": a repeated date is read once
            again = pattern.match(after[m.end():])
            end = m.end() + (again.end() if again and again.group(0).strip() == m.group(0).strip() else 0)
            if 1 <= d <= 31 and 1 <= mo <= 12:
                return f"{y:04d}-{mo:02d}-{d:02d}", end
            return None, end
    return None, 0


def _authority(f: _Found, plan: Plan, hint: Jurisdiction | None) -> str | None:
    """Which authority an administrative symbol belongs to: "huế", "parent of huyện an lão" …"""
    if f.symbol is None or is_national(f.symbol):
        return None
    if hint is not None:
        return canonical(hint)
    own = plan.meta.jurisdiction
    issuer = match_key(f.issuer or "")
    m = re.search(r"(?:ủy ban nhân dân|ubnd)\s+(" + LEVELS_RE + r")(?:\s+(.+))?$", issuer)
    if m:
        level, name = m.group(1), (m.group(2) or "").strip()
        if name.isdigit():  # "UBND Quận 3": a unit known by its number, named with its level as its own plan names it
            name = f"{level} {name}"
        if name:
            return canonical(Jurisdiction(name, level))
        if own is not None and (own.level == level or not own.level):
            return canonical(own)
        if own is not None:
            return f"{level} above {canonical(own)}"
        return level
    return canonical(own) if own is not None else None


def is_national(symbol: str) -> bool:
    """A symbol unique nationwide (a year in the number, a central issuer): no authority needed."""
    if re.match(r"^\d+-", symbol):
        return True
    parts = symbol.split("/")
    if len(parts) == 3:
        return True
    codes = parts[-1].upper().split("-")
    return any(c in CENTRAL or (c.startswith("B") and c not in LOCAL_ISSUERS and len(c) > 2) or c.startswith("QH") for c in codes)


def _check_issuer_code(f: _Found, code_parts: list[str]) -> None:
    if not f.issuer or f.symbol is None:
        return
    expected = ISSUER_CODES.get(match_key(f.issuer))
    if expected is None:
        return
    actual = code_parts[-1]
    printed = f.symbol.rsplit("-", 1)[-1] if "-" in f.symbol else actual
    # the issuer's code may be any part of a compound code (BYT-CDS: the ministry and its unit),
    # and carry the term it was issued in (QH15: the 15th National Assembly)
    parts = [re.sub(r"\d+$", "", p.upper()) for p in code_parts]
    if expected in parts:
        if expected not in MIXED_CASE or MIXED_CASE[expected] in f.raw:
            return
    if expected.startswith("B") and len(expected) > 3 and expected[1:] in parts:
        return  # a ministry's code without its "B" (Bộ): "3444/LĐTBXH-VPQGGN", "1116/LĐTBXH-BĐG"
    if actual.upper() != expected or (expected in MIXED_CASE and printed != MIXED_CASE[expected] and f.raw.find(MIXED_CASE[expected]) < 0):
        f.warnings.append(f"{f.symbol}: issuer code {printed!r} contradicts the issuer named ({f.issuer}); expected {MIXED_CASE.get(expected, expected)}")


def _named(region: _Region, numbered: list[_Found], learned: tuple[str, ...]) -> list[_Found]:
    """Laws by name, and programmes/strategies known by name (data file and names learned in texts).
    ``numbered``: the numbered citations found in this region; ``learned``: names learned, longest
    first."""
    text = region.text
    low = text.lower()
    # the patterns below cannot match where their first words are absent: skip them cheaply, and
    # a clause that names no instrument (most) at once
    laws = "luật" in low or "pháp lệnh" in low
    programmes = "Chương trình" in text or "Chiến lược" in text or "Đề án" in text
    aliases = [named for named in _named_aliases() if named[0] in low]
    learned_here = bool(learned) and any(first in low for first in _first_words(learned))
    if not (laws or programmes or aliases or learned_here or "hiến pháp" in low):
        return []
    out: list[_Found] = []
    subjects = _Subjects(numbered)
    taken = [(f.start, f.end) for f in numbered]
    for m in (_AMENDING.finditer(text) if laws and "sửa đổi" in low else ()):
        # a law that amends others, named by them ("Luật sửa đổi, bổ sung một số điều của Luật Tổ
        # chức Chính phủ và Luật Tổ chức chính quyền địa phương"): one instrument, its whole name;
        # the laws it names are cited as they were
        end = _amended_laws_end(text, m.end())
        if end is None or any(a <= m.start() < b for a, b in taken):
            continue
        out.append(_Found(m.start(), end, None, "Luật", None, None, None, None, " ".join(text[m.start():end].split()),
                          region, text[m.start():end], named=True))
        taken.append((m.start(), m.start() + 1))  # (its first words are no law's name of their own)
    for m in (_known_laws().finditer(text) if laws else ()):
        # a law known by name, however the words after its capital are ("Luật ngân sách nhà nước");
        # a code ("Bộ luật …") is LAW_NAME's below
        if any(a <= m.start() < b for a, b in taken):
            continue
        name = " ".join(m.group(0).split())
        out.append(_Found(m.start(), m.end(), None, "Luật", None, None, None, None, name, region, m.group(0),
                          named=True))
        taken.append((m.start(), m.end()))
    for m in (_PROGRAMME.finditer(text) if programmes else ()):
        name = " ".join(m.group(0).split())
        if any(a <= m.start() < b for a, b in taken) or SYMBOL.search(name) or len(m.group("name").split()) < 3:
            continue
        out.append(_Found(m.start(), m.end(), None, m.group("kind"), None, None, None, None, name, region,
                          m.group(0), named=True))
        taken.append((m.start(), m.end()))
    if "hiến pháp" in low:
        out.extend(_constitution(region, taken))
    for m in (LAW_NAME.finditer(text) if laws else ()):
        if any(a <= m.start() < b for a, b in taken):
            continue
        name = f"{m.group('kind')} {m.group('name')}".strip()
        whole = _law_at(text, m.start())
        if whole is not None:
            name = whole
        known = _known_by_name(name)
        title = known.names[0] if known and known.names else name
        if known is None and len(m.group("name").split()) < 2:
            continue
        kind = "Bộ luật" if m.group("kind").startswith("Bộ") else m.group("kind")  # (a code printed "Bộ Luật")
        out.append(_Found(m.start(), m.start() + len(name), None, kind, None, None, None, None, title,
                          region, text[m.start():m.start() + len(name)], named=True))
    joined: str | None = None  # the text lower-cased with its spaces collapsed, when needed
    for _first, head, alias, k in aliases:
        if joined is None:
            joined = " ".join(low.split())
        if head in joined:  # else its first words are not in the region: the pattern cannot match
            pattern = _phrase(alias, before=r"(?<!\w)", after=_PERIOD)
            for m in pattern.finditer(text):
                if any(a <= m.start() < b for a, b in taken) and subjects.outer(region, m.start()) is None:
                    continue
                period = m.group("period")
                if k.period and period and not _periods_overlap(period, k.period):
                    continue  # "… giai đoạn 2011-2020" is the strategy before, not this one
                out.append(_Found(m.start(), m.end(), None, _name_type(alias), None, None, None, None,
                                  m.group(0), region, m.group(0), named=True))
                taken.append((m.start(), m.end()))
    if learned_here:
        # every learned name in one pattern, longest first: one pass over the text
        for m in _names_pattern(learned).finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            out.append(_Found(m.start(), m.end(), None, _name_type(m.group(0)), None, None, None, None,
                              m.group(0).strip("“”\" "), region, m.group(0), named=True))
            taken.append((m.start(), m.end()))
    return out


def _constitution(region: _Region, taken: list[tuple[int, int]]) -> list[_Found]:
    """The Constitution named ("Hiến pháp năm 2013"): one instrument however it is printed (the
    2013 text, in force), its year kept when printed."""
    out: list[_Found] = []
    for m in CONSTITUTION.finditer(region.text):
        if not any(a <= m.start() < b for a, b in taken):
            year = re.search(r"\d{4}", m.group(0))
            out.append(_Found(m.start(), m.end(), None, "Hiến pháp", None, int(year.group(0)) if year else None, None, None,
                              "Hiến pháp", region, m.group(0), named=True))
            taken.append((m.start(), m.end()))
    return out


def names_key(text: str) -> str:
    """A text as learned names are keyed (``match_key`` with quotes as spaces): where a name
    matches the text's own pattern, its key is a substring of this."""
    return " ".join(_QUOTES.sub(" ", match_key(text)).split())


_QUOTES = regex(r"[“”\"]")


class NameIndex:
    """Every learned name in one Aho–Corasick automaton (pyahocorasick): one pass over a text
    finds which of them it mentions, whatever their number."""

    def __init__(self, names: Iterable[str]) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        self.size = 0
        for name in names:
            if name:
                self._automaton.add_word(name, name)
                self.size += 1
        if self.size:
            self._automaton.make_automaton()

    def find(self, keyed: str) -> set[str]:
        """The names in ``keyed`` (a ``names_key`` text), each starting at a word's start."""
        if not self.size:
            return set()
        out: set[str] = set()
        for end, name in self._automaton.iter(keyed):
            start = end - len(name) + 1
            if start == 0 or not (keyed[start - 1].isalnum() or keyed[start - 1] == "_"):
                out.add(name)
        return out


def _first_letters(names: Iterable[str]) -> str:
    """A lookahead on the names' first letters, either case: most positions of a text fail it at
    once instead of trying every name (3× faster on plans)."""
    firsts = sorted({ch for n in names if n for ch in (n[0].lower(), n[0].upper())})
    return "(?=[" + "".join(re.escape(ch) for ch in firsts) + "])" if firsts else ""


@lru_cache(maxsize=64)
def _first_words(keys: tuple[str, ...]) -> frozenset[str]:
    """The names' first words lower-cased: a text with none of them holds none of the names."""
    return frozenset((key.split() or [""])[0].lower() for key in keys)


@lru_cache(maxsize=64)
def _names_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    sep = r"[\s“”\"]+"
    body = "|".join(sep.join(re.escape(w) for w in key.split()) for key in keys)
    return re.compile(r"(?<!\w)" + _first_letters(keys) + r"(?:" + body + r")(?:[”\"]?" + _PERIOD + r")?[”\"]?", re.IGNORECASE)


@cache
def _known_laws() -> re.Pattern[str]:
    """One pattern for every law known by name ("Luật …"), longest first, matched whole: its "L"
    as printed (a capital: only such a match is taken), the rest case-blind. The capital comes
    first in the pattern, so the engine looks for it alone and tries the names only there."""
    names = [n for n in law_names() if n.startswith("Luật ")]
    rest = "|".join(r"\s+".join(re.escape(w) for w in n[1:].split()) for n in names)
    return regex(r"L(?<!\w.)(?i:" + rest + r")(?!\w)")


_PROGRAMME = regex(
    r"(?P<kind>C(?<!\w.)hương trình|C(?<!\w.)hiến lược|Đ(?<!\w.)ề án)\s+(?!số\b|hành động\b|này\b)"
    r"(?P<name>[^;.:()\n“”\"]{8,160}?)"
    r"(?P<tail>\s*\([A-Za-zĐđ0-9&\-]{2,15}\)|\s+(?:đến năm|đến|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?"
    r"(?:,?\s*tầm nhìn(?:\s+đến(?:\s+năm)?)?\s+\d{4})?)"
)
"""A programme, strategy or scheme named as a title: its name closes with its period ("… đến 2030,
tầm nhìn 2035") or its acronym ("… (SMEdx)")."""


def _periods_overlap(stated: str, known: str) -> bool:
    """A stated period that overlaps the known one names the same instrument (a plan's typo such
    as "giai đoạn 2021-2025" for the 2021-2030 strategy); a disjoint one names another."""
    years = [int(y) for y in re.findall(r"\d{4}", stated)]
    lo, hi = (int(y) for y in known.split("-"))
    if len(years) == 1:  # "đến năm 2030"
        return lo <= years[0] <= hi
    return years[0] <= hi and years[1] >= lo


_AMENDING = regex(r"L(?<!\w.)uật\s+(?i:sửa\s+đổi\s*,?\s*bổ\s+sung\s+một\s+số\s+điều\s+(?:của|tại)\s+)")
"""The opening of an amending law's name, up to the laws it amends."""
_AMENDED_MANY = regex(r"\d+\s+[Ll]uật\s+(?:có\s+liên\s+quan\s+đến|liên\s+quan\s+đến|về)\s+[^;:.,()]+?"
                      r"(?=\s+(?:ngày|năm)\s+\d|\s*[;:.,(]|\s*$)")
""""37 luật có liên quan đến quy hoạch": the laws an amending law names, in one phrase."""
_NEXT_AMENDED = regex(r"(?:\s*,\s*|\s+và\s+)(?=(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\s)")


def _amended_laws_end(text: str, pos: int) -> int | None:
    """Where the laws an amending law names end, from ``pos`` ("Luật Tổ chức Chính phủ và Luật Tổ
    chức chính quyền địa phương", "Luật Phòng, chống thiên tai và Luật Đê điều"): each a known
    law's whole name or a law's name as ``LAW_NAME`` reads it, joined by commas or "và". None
    when no law is named there."""
    many = _AMENDED_MANY.match(text, pos)
    if many is not None:
        return many.end()
    end = None
    while True:
        law = _law_at(text, pos)
        if law is not None:
            end = pos + len(law)
        elif (named := LAW_NAME.match(text, pos)) is not None:
            end = named.end()
        else:
            return end
        joint = _NEXT_AMENDED.match(text, end)
        if joint is None:
            return end
        pos = joint.end()


def _law_at(text: str, pos: int) -> str | None:
    """The longest known law name printed at ``pos`` (as printed), if any."""
    for name in law_names():
        pattern = _phrase(name, after=r"(?!\w)")
        m = pattern.match(text, pos)
        if m:
            return m.group(0)
    return None


def _name_type(alias: str) -> str:
    """The type a name opens with, however its words are printed ("chương trình phát triển …" in
    a sentence is a programme as "Chương trình …" is)."""
    folded = alias.casefold()
    for t in ("Chiến lược", "Chương trình", "Đề án", "Kế hoạch", "Bộ luật", "Luật"):
        if folded.startswith(t.casefold()):
            return t
    return "Văn bản"


@cache
def _named_aliases() -> tuple[tuple[str, str, str, Known], ...]:
    """(first word and first three words lower-cased, alias, instrument) for every name of a known
    instrument that is not a law, in the data file's order: the head is in any text the alias
    matches."""
    return tuple((alias.split()[0].lower(), " ".join(alias.split()[:3]).lower(), alias, k)
                 for k in known_instruments() if k.type not in ("Luật", "Bộ luật") for alias in k.names)


@cache
def _alias_keys() -> tuple[tuple[str, Known], ...]:
    return tuple((match_key(alias).replace(",", ""), k) for k in known_instruments() for alias in k.names)


@lru_cache(maxsize=4096)
def _known_by_name(name: str) -> Known | None:
    key = match_key(name).replace(",", "")
    for a, k in _alias_keys():
        if key == a or key.startswith(a + " "):
            return k
    return None


def _defined_short_names(region: _Region, found: list[_Found], short: dict[str, _Found]) -> list[_Found]:
    """"(viết tắt là Chỉ thị 11)": later mentions of the short name cite the instrument before it.
    ``found``: the citations found so far in this region."""
    out: list[_Found] = []
    here = sorted((f for f in found if f.symbol), key=lambda f: f.end)
    ends = [f.end for f in here]
    for m in SHORT_NAME.finditer(region.text):
        alias = m.group("alias").strip()
        k = bisect.bisect_right(ends, m.start())
        target = here[k - 1] if k else None
        if target is None or SYMBOL.search(alias) or len(alias) < 4 or match_key(alias) in ("kế hoạch",):
            continue
        if _acronym_of_words_before(alias, region.text[max(0, m.start() - 200): m.start()]):
            continue
        short[match_key(alias)] = target
    if short:
        # every short name in one pattern, longest first: one pass over the region
        keys = tuple(sorted(short, key=len, reverse=True))
        body = "|".join(r"\s+".join(re.escape(w) for w in key.split()) for key in keys)
        pattern = _cached_pattern(r"(?<!\w)(?:" + body + r")(?!\w)")
        for m in pattern.finditer(region.text):
            before = region.text[max(0, m.start() - 20): m.start()]
            if re.search(r"(viết tắt là|gọi tắt là|gọi là)\s*$", before):
                continue
            target = short.get(match_key(m.group(0)))
            if target is None:
                continue
            out.append(replace(target, start=m.start(), end=m.end(), region=region, raw=m.group(0), warnings=[], subject_end=m.end()))
    return out


def _acronym_of_words_before(alias: str, before: str) -> bool:
    """"… Cải cách hành chính (sau đây viết tắt là CCHC)": an acronym of the words right before
    it shortens those words, not the instrument cited earlier in the sentence."""
    if " " in alias or not alias.isupper():
        return False
    words = re.findall(r"\w+", before)[-len(alias):]
    initials = "".join(unicodedata.normalize("NFD", w)[0] for w in words).upper()
    return len(words) == len(alias) and initials == "".join(unicodedata.normalize("NFD", ch)[0] for ch in alias)


@lru_cache(maxsize=256)
def _cached_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _resolve_type_conflicts(found: list[_Found], warnings: list[str]) -> None:
    """"Nghị quyết số 28/NĐ-CP": the type word contradicts the code. Resolve to the instrument the
    type word names (merging with a consistent mention of the same number and date), and warn."""
    for f in found:
        if f.symbol is None or f.type is None or f.named:
            continue
        head, _, code = f.symbol.rpartition("/")
        parts = code.split("-")
        expected = CODE_OF_TYPE.get(f.type)
        if expected is None or len(parts) < 2 or parts[0].upper() not in TYPE_OF_CODE or parts[0].upper() == expected.upper():
            continue
        fixed = normalize_symbol(f"{head}/{expected}-{'-'.join(parts[1:])}")
        sibling = next((g for g in found if g.symbol == fixed), None)
        how = "same number and date as" if sibling is not None and sibling.date == f.date else "the type word names"
        warnings.append(f"{f.symbol} is cited as {f.type}; read as {fixed} ({how} {fixed})")
        f.symbol = fixed
        if sibling is not None:
            f.title = f.title or sibling.title
            f.issuer = f.issuer or sibling.issuer


def _complete_short_mentions(found: list[_Found]) -> None:
    """"Kế hoạch số 65/KH-UBND" after "Kế hoạch số 65/KH-UBND ngày 05/5/2021 …": the same instrument."""
    first: dict[tuple[str, str | None], _Found] = {}
    for f in sorted(found, key=lambda g: (g.date is None, g.region.start, g.start)):
        if f.symbol and f.date:
            first.setdefault((f.symbol, f.authority), f)
    for f in found:
        if f.symbol and f.date is None:
            full = first.get((f.symbol, f.authority))
            if full is not None:
                f.year = f.year or full.year
                f.issuer = f.issuer or full.issuer
                f.title = f.title or full.title
                f.date = full.date


_NAMED_KINDS = ("Chiến lược", "Chương trình", "Đề án", "Quy chế", "Điều lệ")
_DEFINES = regex(r"^(?:về\s+)?(?:việc\s+)?(?:ban hành\s+|phê duyệt\s+)?(?P<name>(?:" + "|".join(_NAMED_KINDS) + r")\b.+)$", re.IGNORECASE)


def _learn_aliases(found: list[_Found], plan: Plan) -> dict[str, str]:
    """"Nghị quyết số 28/NQ-CP … về ban hành Chiến lược quốc gia …", "Quyết định 2282/QĐ-TTg … về
    Chương trình “…”": the name now stands for that instrument (not "về thực hiện …", which only
    carries it out)."""
    out: dict[str, str] = {}
    for f in found:
        if f.symbol and f.title:
            m = _DEFINES.match(f.title)
            if m:
                name = match_key(_strip_period(m.group("name"))).replace("“", "").replace("”", "").replace('"', "")
                if len(name.split()) >= 4 and _known_by_name(name) is None:
                    out[name] = _instrument_id(f, plan, {})
    return out


def _strip_period(name: str) -> str:
    return re.sub(r"\s+(?:giai đoạn|đến năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?.*$", "", name).strip(" “”\"")


class _Subjects:
    """Where each citation's subject runs ("… về thực hiện Chiến lược …"), per region, so that
    "which citation's subject holds this position" costs a bisection, not a pass over all
    citations (a paragraph may cite thousands)."""

    NEAR = 64
    """Citations before a position looked at one by one; beyond them, the longest subject."""

    def __init__(self, found: list[_Found]) -> None:
        self.by_region: dict[int, list[_Found]] = {}
        for f in found:
            self.by_region.setdefault(id(f.region), []).append(f)
        self.starts: dict[int, list[int]] = {}
        self.reach: dict[int, list[tuple[int, int]]] = {}  # prefix max of (subject_end, index)
        self.symbol_starts: dict[int, list[int]] = {}
        for key, items in self.by_region.items():
            items.sort(key=lambda g: g.start)
            self.starts[key] = [g.start for g in items]
            best = (-1, -1)
            reach = []
            for k, g in enumerate(items):
                if g.subject_end > best[0]:
                    best = (g.subject_end, k)
                reach.append(best)
            self.reach[key] = reach
            self.symbol_starts[key] = [g.start for g in items if g.symbol]

    def outer(self, region: _Region, pos: int, exclude: _Found | None = None) -> _Found | None:
        """The earliest citation before ``pos`` whose subject holds ``pos``."""
        key = id(region)
        items = self.by_region.get(key, [])
        n = bisect.bisect_right(self.starts.get(key, []), pos)
        if n == 0 or self.reach[key][n - 1][0] <= pos:
            return None
        near = [g for g in items[max(0, n - self.NEAR):n] if g is not exclude and g.end <= pos < g.subject_end]
        if near:
            return near[0] if n <= self.NEAR else min(near, key=lambda g: g.start)
        g = items[self.reach[key][n - 1][1]]
        return g if g is not exclude and g.end <= pos < g.subject_end else None

    def next_symbol(self, region: _Region, pos: int) -> int:
        """Where the next numbered citation after ``pos`` starts (the region's end if none)."""
        starts = self.symbol_starts.get(id(region), [])
        k = bisect.bisect_right(starts, pos)
        return starts[k] if k < len(starts) else len(region.text)


def _is_basis(f: _Found, outer: _Found | None, subjects: _Subjects) -> bool:
    if not f.region.preamble or not _in_ground(f.region.text, f.start):
        return False
    # inside the subject of an earlier citation ("… về thực hiện Chiến lược …"): what the basis is
    # about, unless the plan adopts it under a short name of its own ("Nghị định số 200/2025/NĐ-CP
    # … (sau đây viết tắt là Nghị định)"): then the plan works from it directly
    return outer is None or (f.symbol is not None and _adopted(f, subjects))


def _in_ground(text: str, pos: int) -> bool:
    """Whether ``pos`` is in a preamble's ground: its paragraph opens as one ("Thực hiện …", "- Luật
    …"), or goes on one. A line broken mid-sentence (the line before ends without a stop, as a
    converter or a PDF breaks "… về việc phê duyệt" / "Chiến lược …") goes on the paragraph before;
    an instrument listed after a ";" or a ":" without an opener of its own ("Thực hiện Chỉ thị số
    …;" / "Công văn số …", "Căn cứ:" / "Luật …;") shares the ground's opener."""
    start = text.rfind("\n", 0, pos) + 1
    while True:
        para = text[start:]
        if OPENERS.match(para) or LISTED_GROUND.match(para):
            return True
        if start == 0:
            return False
        before = text[:start - 1].rstrip()
        if not before or before[-1] in ".!?" or (before[-1] in ";:" and not TYPE_OPENING.match(para)):
            return False
        start = text.rfind("\n", 0, len(before)) + 1


def _adopted(f: _Found, subjects: _Subjects) -> bool:
    """A short-name definition follows the citation before any other numbered citation does."""
    return SHORT_NAME.search(f.region.text, f.end, subjects.next_symbol(f.region, f.start)) is not None


def _instrument_id(f: _Found, plan: Plan, learned: dict[str, str]) -> str:
    if f.symbol:
        symbol = f.symbol.translate(AS_VIETNAMESE_D)  # "1719/QÐ-TTg" typed with the Icelandic letter: 1719/QĐ-TTg
        if is_national(symbol):
            return symbol
        year = f.year if f.year else "?"
        return f"{symbol}@{f.authority or '?'}/{year}"
    name = match_key(_strip_period(f.title or f.raw))
    known = _known_by_name(f.title or f.raw)
    if known is not None:
        return known.symbol
    if name in learned:
        return learned[name]
    return f"name:{name}"


def _locate(plan: Plan, f: _Found, cursor: dict[object, tuple[tuple[int, int], int]] | None = None) -> Span:
    """Map the match back to ``plan.source`` (region texts have joined lines and collapsed spaces).
    Citations come in order within a region, so each search starts where the last one was found
    (``cursor``: the region's last citation, its place in the region and in the source; a table's
    rows are one region, in order of rows) — after it when this one comes later: the same words
    twice ("Đợt thi đua" in a title and again in a sentence; "Nghị định" in two rows) are two
    places, not one found twice."""
    tokens = f.raw.split()
    if not tokens:
        return Span(f.region.start, f.region.start)
    pattern = _Printed(f.raw)
    end = max(f.region.end, f.region.start + 1) if f.region.clause != "preamble" else len(plan.source)
    start = f.region.start
    key = f.region.table or id(f.region)
    place = (f.region.row, f.start)
    last = (cursor or {}).get(key)
    if last is not None:
        start = max(start, last[1] + (1 if place > last[0] else 0))
    m = _own_match(pattern, plan.source, start, end, f.region.children)
    if m is not None and "-" in f.raw:
        # the same symbol wrapped after its hyphen before the place found ("21-" / "NQ/TW", then
        # "21-NQ/TW" on one line): the earlier is this mention's, the later the next one's
        m = _wrapped_before(tokens, plan.source, start, m, f.region.children) or m
    if m is None and start > f.region.start:
        # printed otherwise after the last one found (wrapped at a hyphen) before the same words
        # again from the region's start
        m = (_printed_otherwise(tokens, f.raw, plan.source, start, end)
             or _own_match(pattern, plan.source, f.region.start, end, f.region.children))
    if m is None:
        # the words as printed in the region, then anywhere (where the region's text maps badly);
        # a place in the region first: the same words printed otherwise elsewhere (in the title,
        # unwrapped) are another citation's place
        m = _printed_otherwise(tokens, f.raw, plan.source, f.region.start, end)
    if m is None:
        m = pattern.search(plan.source)
    if m is None:
        m = _printed_otherwise(tokens, f.raw, plan.source, f.region.start, len(plan.source))
    if m is not None and cursor is not None:
        cursor[key] = (place, m.start)
    return m if m is not None else Span(f.region.start, f.region.start)


def _printed_otherwise(tokens: list[str], raw: str, source: str, start: int, end: int) -> Span | None:
    """The cited words in ``source[start:end]`` printed otherwise than as their text: a symbol
    wrapped after one of its hyphens ("YBB-" / "SA032/26-LR", "75-" / "KL/TW"), or Markdown
    emphasis inside them ("đến năm 2040*” *và")."""
    found = None
    if "-" in raw:
        found = _wrapped(tokens).search(source, start, end)
    if found is None:
        found = _with_markup(tokens).search(source, start, end)
    return Span(found.start(), found.end()) if found else None


def _wrapped_before(tokens: list[str], source: str, start: int, found: Span,
                    holes: tuple[tuple[int, int], ...]) -> Span | None:
    """The words with a symbol wrapped after one of its hyphens, starting in ``source[start:found.start]``
    (None when none does: a hyphen before a space or line break there is looked for first)."""
    k = source.find("-", start, found.start)
    while k >= 0 and not (k + 1 < len(source) and source[k + 1].isspace()):
        k = source.find("-", k + 1, found.start)
    if k < 0:
        return None
    for m in _wrapped(tokens).finditer(source, start, found.end):
        if m.start() >= found.start:
            return None
        if not any(a <= m.start() < b for a, b in holes):
            return Span(m.start(), m.end())
    return None


def _wrapped(tokens: list[str]) -> re.Pattern[str]:
    """The cited words with a line break or space allowed after any hyphen ("21-" / "NQ/TW")."""
    return re.compile(r"\s+".join(re.escape(t).replace(r"\-", r"-\s*") for t in tokens))


def _own_match(pattern: _Printed, source: str, start: int, end: int,
               holes: tuple[tuple[int, int], ...]) -> Span | None:
    """The first match in ``source[start:end]`` outside the ``holes`` (a clause's children)."""
    for m in pattern.finditer(source, start, end):
        if not any(a <= m.start < b for a, b in holes):
            return m
    return None


def _with_markup(tokens: list[str]) -> re.Pattern[str]:
    """The cited words with Markdown's emphasis and escapes allowed between any two characters."""
    mark = r"[*_\\]*"
    words = [mark.join(re.escape(ch) for ch in token) for token in tokens]
    return re.compile(r"(?:\s|[*_])+".join(words))


def compare_citations(a: Plan, b: Plan) -> dict[str, list[str]]:
    """Instruments added, dropped and kept between two plans (by canonical id)."""
    def table(plan: Plan) -> dict[str, str]:
        out: dict[str, str] = {}
        for c in citations(plan):
            shown = f"{c.type} {c.symbol}" if c.symbol and c.type else c.symbol or c.title or c.instrument
            # a numbered mention names the instrument better than a name-only one
            if c.symbol or c.instrument not in out:
                out[c.instrument] = shown
        return out

    ta, tb = table(a), table(b)
    return {
        "added": [tb[k] for k in tb if k not in ta],
        "dropped": [ta[k] for k in ta if k not in tb],
        "kept": [tb[k] for k in tb if k in ta],
    }

