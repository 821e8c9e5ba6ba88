"""Stage 4 — structure: body lines → paragraphs → clause tree.

Paragraphs are rebuilt from PDF lines (hard wraps, blank lines inside a paragraph, page breaks).
Nesting is decided from the whole sequence of markers (as eRegs does), not line by line: a style
met before is a sibling of the open clause of that style; a new style nests under the open
clause, unless convention ranks it above open styles (a "4.1." after points closes the points).
"""

from __future__ import annotations

import itertools
import operator
import re
from dataclasses import field

from .. import agencies
from ..compiled import dataclass, regex
from ..model import Clause, Span, Table
from ..numerals import roman_value
from ..textnorm import single_spaced
from . import markers
from .lines import Line, flat, row_texts
from .markers import Marker

WRAP_SHARE = 0.8
"""A line at least this share of the page width that does not close a sentence runs on."""

_TERMINAL = regex(r"(?:[.;:!?…]|\./\.)[”\"’)\]]*$")


_PLAIN = operator.attrgetter("plain")


@dataclass(slots=True)
class Paragraph:
    marker: Marker | None
    lines: list[Line]

    @property
    def text(self) -> str:
        lines = self.lines
        if len(lines) == 1:
            joined = lines[0].text
            plain = lines[0].plain
        else:
            texts = [ln.text for ln in lines]
            plain = all(map(_PLAIN, lines))
            if plain:  # no space at either end of a line: a line ending in a hyphen is "-" + "\n"
                broken = "\n".join(texts)
                joined = join_lines(texts) if "-\n" in broken else broken.replace("\n", " ")
            else:
                joined = " ".join(texts)
                if "-" in joined and any(t.rstrip().endswith("-") for t in texts[:-1]):
                    joined = join_lines(texts)
        if self.marker is not None:
            joined = joined.lstrip()[len(self.marker.label):].lstrip()
        # runs of space as one, as \s+ → " " then strip (same characters); plain lines joined by
        # single spaces have none
        return joined if plain else single_spaced(joined)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


_SYMBOL_HEAD = regex(r"(?<![\w/.-])[A-ZĐ0-9][\w/.-]*[A-ZĐ0-9]-$")
"""A line ending inside a symbol, at one of its hyphens: "… tại Văn bản số YBB-" / "SA032/26-LR",
"Kế hoạch số 235/KH-" / "UBND" (a Vietnamese word is never hyphenated at a line's end; a dash
between words stands apart)."""


def wraps_a_symbol(line: str, after: str) -> bool:
    """Whether ``line`` ends inside a symbol that goes on at the start of ``after``."""
    line, head = line.rstrip(), after.lstrip()[:1]
    return line.endswith("-") and (head.isupper() or head.isdigit()) and _SYMBOL_HEAD.search(line) is not None


def join_lines(texts: list[str]) -> str:
    """Lines of one paragraph as one text: a space between them, none where a symbol wrapped
    after its hyphen onto a line that starts with a capital or a digit."""
    if not texts:
        return ""
    out = texts[0]
    for text in texts[1:]:
        out = out.rstrip() + text.lstrip() if wraps_a_symbol(out, text) else out + " " + text
    return out


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


_CLOSING = regex(r"(?:[.:!?…]|\./\.)[”\"’)\]]*$")


def _ends_in_a_name(text: str) -> bool:
    """"… phường Phong" / "Dinh; …": a line that stops inside a proper name runs on."""
    words = text.split()
    return len(words) > 1 and words[-1][:1].isupper() and words[-1][-1:].isalpha()


DANGLING = frozenset({"của", "và", "với", "các", "những", "hoặc", "cho", "về", "tại", "từ", "để", "là", "nhằm",
                      "trong", "giữa", "bằng", "đối"})
"""Words no Vietnamese sentence or heading ends on ("… đường lối của" / "Đảng, chính sách …"): a
line that stops on one runs on, whatever its length and however the text was made (a Word file's
manual line break as well as a page's wrap)."""


def dangles(text: str) -> bool:
    """Whether ``text`` stops on a word no sentence or heading ends on (``DANGLING``)."""
    last = text.rstrip().rpartition(" ")[2]
    return last.lower() in DANGLING


def _first_line_goes_on(current: Paragraph) -> bool:
    """A labelled paragraph's only line, left open (no closing mark), runs on over a line with no
    label of its own (the caller's to see) when the label heads a bullet or a single word: a portal's copy breaks a
    paragraph's first line short ("- Tiếp tục triển khai thực hiện" / "Chương trình hành động …",
    "Điều 2. Giao" / "Giám đốc Sở …"); a bullet is no heading with a paragraph under it, and no
    heading is one syllable."""
    mark = current.marker
    if mark is None or len(current.lines) != 1:
        return False
    return mark.style in _BULLETS or (mark.rest.isalpha() and not _is_caps(mark.rest))


def _caps_heading_goes_on(current: Paragraph | None, line: Line) -> bool:
    """A section heading set in capitals ("III. PHÁT" / "TRIỂN NỀN MÓNG …") goes on over a line
    in capitals, however short its first line, and so does a label alone on its line."""
    if current is None or current.marker is None or current.marker.style not in markers.SECTION_STYLES or len(current.lines) > 3:
        return False
    head = " ".join(ln.text for ln in current.lines)[len(current.marker.label):]
    # (a label alone on its line, "Phần thứ nhất" / "THỰC TRẠNG …": the capitals under it are its heading)
    return (not head.strip() or _is_caps(head)) and _is_caps(line.text) and markers.match(line.text) is None


def _ground_ends(prev: str, line: Line) -> bool:
    """One ground of a preamble closed with ";" and the next one opening ("Căn cứ …", "Theo đề
    nghị …"), or the sentence that enacts (a 2025 decision's "Ủy ban nhân dân ban hành Quyết định
    …" where "QUYẾT ĐỊNH:" stood): a new paragraph, however full the line before it and blank line
    or not."""
    text = line.text if line.plain else flat(line)
    if not text.startswith(_GROUND_OR_ENACTING):  # (the opener is rarer than the ";")
        return False
    return prev.rstrip().endswith(";") and (text.startswith(GROUND_OPENERS) or _ENACTS.match(text) is not None)


_ENACTED_BY = ("Ủy ban", "Uỷ ban", "UBND", "Chủ tịch", "Hội đồng", "Bộ trưởng", "Thủ tướng", "Chính phủ", "Giám đốc")
_ENACTS = regex(r"^[^.;:]{0,100}?\bban hành\s+(?:Quyết định|Nghị quyết|Nghị định|Thông tư|Chỉ thị)\b")
"""The enacting sentence a decision under the 2025 law on legal documents ends its grounds with."""


def _caps_heading_ends(current: Paragraph, line: Line) -> bool:
    """A section's heading in capitals ends where a line in sentence case begins, blank line or
    not ("III. KINH PHÍ THỰC HIỆN" / "Kinh phí thực hiện Kế hoạch …"): a reader sees the heading
    end though a converter left no blank line after it."""
    mark = current.marker
    if mark is None or mark.style not in markers.SECTION_STYLES or len(current.lines) > 3:
        return False  # (a heading is a few lines at most: a longer paragraph is not looked at again)
    text = line.text
    return (text[:1].isupper() and not _is_caps(text)
            and _is_caps(" ".join(ln.text for ln in current.lines)[len(mark.label):]))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _closes_paragraph(text: str) -> bool:
    """``_CLOSING`` at the line's end, read from the end (a regex search tries every position)."""
    return text.rstrip().rstrip(_CLOSERS).endswith(_FINAL_MARKS)


_CLOSERS = "”\"’)]"
_FINAL_MARKS = (".", ":", "!", "?", "…")  # "./." ends with "."


GROUND_OPENERS = ("Căn cứ", "Theo đề nghị", "Xét đề nghị", "Theo đề xuất", "Xét đề xuất", "Xét Tờ trình", "Theo Tờ trình")
"""How each ground of a preamble opens ("Căn cứ Luật …;" / "Theo đề nghị của Giám đốc Sở …"): after
a ";" such a line is the next ground, however full the line before it."""
_GROUND_OR_ENACTING = GROUND_OPENERS + _ENACTED_BY


def _starts_lower(text: str) -> bool:
    head = text[:1]
    if head.isalpha():  # most lines: their first character tells
        return head.islower()
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return True
        if ch in "(“\"'‘":
            continue
        return ch in ",;.)-–"
    return False


def line_width(lines: list[Line]) -> int:
    return width_of(sorted(len(ln.text) for ln in lines))


def width_of(lengths: list[int]) -> int:
    """The page's width from its lines' lengths, sorted."""
    if not lengths:
        return 80
    # a floor: a handful of short lines says nothing about the page width; a page of many says
    # more (a text wrapped at 50 columns is 50 wide), if not below 40
    return max(60 if len(lengths) < MANY_LINES else 40, lengths[int(0.9 * (len(lengths) - 1))])


MANY_LINES = 40
"""Lines from which their lengths tell a page's width below 60 columns."""


def paragraphs(lines: list[Line], *, width: int | None = None, hard_wraps: bool = True,
               soft_wraps: bool = False, articles: bool = False, bare_articles: bool = False) -> list[Paragraph]:
    """Group lines into paragraphs; a line opens a paragraph when it starts with a plausible
    marker, or when the previous line ended a sentence (or was a short heading) and this one
    starts with a capital. Without ``hard_wraps`` (Markdown), each line is a paragraph unless it
    starts in lower case. With ``soft_wraps`` (Markdown wrapped by a converter), a blank line ends
    a paragraph and a line break does not, as in CommonMark."""
    width = width or line_width(lines)
    full, long = WRAP_SHARE * width, 0.7 * width
    out: list[Paragraph] = []
    last_value: dict[str, int] = {}
    current: Paragraph | None = None
    for line in lines:
        if line.table is not None:
            # a line of a reader's table: its first cell numbers the table's rows, not a clause
            current = Paragraph(None, [line])
            out.append(current)
            continue
        mark = markers.match(line.text, articles=articles, bare_articles=bare_articles)
        if current is None:
            prev, prev_row, wrapped = "", False, False
        else:
            prev_line = current.lines[-1]
            prev, prev_row = prev_line.text, prev_line.row
            wrapped = _wrapped(current, line, mark, full, long, hard_wraps=hard_wraps, soft_wraps=soft_wraps)
        if mark is not None:
            if mark.style == "upper_letter" and mark.value != last_value.get("upper_letter", 0) + 1:
                mark = None  # a lettered part only in its sequence ("A.", then "B."): else an initial or a quotation
            elif current is not None and not _plausible(mark, prev, wrapped and not (soft_wraps and _closes_paragraph(prev)),
                                                         last_value, line.blank_before):
                # (a label after a closed sentence is as plausible in a converter's wrapped lines as
                # in a page's: "… theo quy định." / "g) Đào tạo …", the blank line between lost)
                if line.row or prev_row:
                    current = Paragraph(None, [line])
                    out.append(current)
                else:
                    current.lines.append(line)
                continue
            else:
                if mark.value:
                    last_value[mark.style] = mark.value
                current = Paragraph(mark, [line])
                out.append(current)
                continue
        if current is None or line.row or prev_row:
            current = Paragraph(None, [line])  # a table's row is a paragraph of its own
            out.append(current)
        elif wrapped or _starts_lower(line.text):
            current.lines.append(line)
        else:
            current = Paragraph(None, [line])
            out.append(current)
    return out


_AGENCY_NAME = regex(
    r"(?:Đề nghị\s+)?(?:Các\s+)?(?:Sở|Phòng|Ban|Bộ|Công an|Ủy ban|Uỷ ban|UBND|Hội|Đoàn|Liên đoàn|Báo|Đài|Thanh tra|"
    r"Văn phòng|Cục|Chi cục|Trung tâm|Bảo hiểm|Ngân hàng|Tòa án|Viện|Mặt trận|Bộ Chỉ huy|Bệnh viện|Trường)\s+\S")
"""A name of a body, as an item on the bodies' duties opens ("Sở Y tế", "Trung tâm Văn hóa -
Thông tin và Thể thao")."""
_DUTY_WORD = regex(r"\b(?:chủ trì|phối hợp|thực hiện|triển khai|tổ chức|hướng dẫn|chỉ đạo|xây dựng|tham mưu|theo dõi|"
                   r"có trách nhiệm|chịu trách nhiệm|căn cứ|đẩy mạnh|tăng cường|tiếp tục|rà soát|báo cáo|kiểm tra)\b")
"""What a body is told to do, in lower case: a line with one says a duty, not only names."""
_NAME_ENDS = ("Sở", "Phòng", "Ban", "Ủy ban", "Uỷ ban", "Trung tâm", "Hội", "Đoàn", "Cục", "Chi cục", "Văn phòng", "-", "–")


def _names_bodies_only(current: Paragraph, line: Line) -> bool:
    """An item's first line that names the bodies it gives duties to and nothing else ("2. Phòng
    Văn hóa - Thông tin; Trung tâm Văn hóa - Thông tin và Thể thao"), as wide as the page, over a
    line that opens in a capital and names no body: the heading of the duties below, as its
    siblings' shorter ones are — not a sentence wrapped (a reader sees the capital open the body)."""
    mark = current.marker
    if mark is None or mark.style in _BULLETS or len(current.lines) != 1 or not line.text[:1].isupper():
        return False
    rest = mark.rest.strip()
    if not rest or rest.endswith((",", ";", ":")) or rest.endswith(_NAME_ENDS) or dangles(rest) or _DUTY_WORD.search(rest):
        return False
    if _AGENCY_NAME.match(line.text):
        return False
    # the last name whole, a body of a known role ("… Hội Liên hiệp" / "Phụ nữ tỉnh …" is a name
    # the line broke: "Hội Liên hiệp" is no body's)
    last = re.split(r"[;,]", rest)[-1].strip()
    return (all(_AGENCY_NAME.match(part.strip()) for part in rest.split(";")) and _AGENCY_NAME.match(last) is not None
            and agencies.key_of(last) is not None)


FIRST_LINE_INDENT = 12
"""The most a paragraph's first line is set in (characters): a line set in further stands in a
column of its own."""


def _wrapped(current: Paragraph, line: Line, mark: Marker | None, full: float, long: float, *, hard_wraps: bool,
             soft_wraps: bool) -> bool:
    """Whether ``line`` (labelled ``mark``, or not) carries on ``current``'s last line (a wrap, not
    a new paragraph), as far as the two lines' texts tell; the label is weighed by ``paragraphs``."""
    last = current.lines[-1]
    prev = last.text
    # a paragraph's first line set in from the margin ("     1.1. Xây dựng …", a first-line indent
    # a PDF's text keeps) is as full as the page's lines with its indent counted
    width_used = len(prev) + (last.indent if last.indent <= FIRST_LINE_INDENT else 0)
    if soft_wraps and not line.blank_before:
        # a converter's wrapped lines run on, blank line or none; but a heading in capitals, a
        # ground of a preamble, or a short line that ends a sentence (not a colon's lead-in)
        # before a capital ends its paragraph where a reader sees it end (the cheap looks first),
        # and so does any sentence's end before the plan's closing words ("Trên đây là Kế hoạch …")
        text = line.text
        return not ((current.marker is not None and current.marker.style in markers.SECTION_STYLES
                     and _caps_heading_ends(current, line))
                    or _ground_ends(prev, line)
                    or (text[:1].isupper() and _closes_paragraph(prev) and not prev.rstrip().endswith(":")
                        and (len(prev) < full or CLOSING_FORMULA.match(text) is not None)))
    if hard_wraps and not _closes_paragraph(prev):
        if width_used < full and len(current.lines) >= 3:
            # a paragraph set in a narrower column than the page's (a table's cell a PDF printed):
            # its own wrapped lines before this one (its first aside, a few: the work per line
            # bounded) tell the width it runs to
            column = max(len(x.text) for x in current.lines[max(1, len(current.lines) - 6):-1])
            full = min(full, WRAP_SHARE * column)
        # a full-width line runs on unless it closes a sentence with . : ! ? (";" and "," run on),
        # or closes one ground of a preamble with ";" and the next ground opens, or is a section's
        # heading in capitals as wide as the page and a line in sentence case follows
        if _names_bodies_only(current, line):
            return False
        return ((width_used >= full or (width_used >= long and _ends_in_a_name(prev))
                 or _caps_heading_goes_on(current, line) or wraps_a_symbol(prev, line.text)
                 or dangles(prev) or (mark is None and _first_line_goes_on(current)))
                and not _ground_ends(prev, line)
                and not (current.marker is not None and current.marker.style in markers.SECTION_STYLES
                         and _caps_heading_ends(current, line)))
    # a paragraph a line (Word, Markdown): only a line stopped on a word no sentence ends on runs on
    return not soft_wraps and not line.blank_before and not _closes_paragraph(prev) and dangles(prev)


def _plausible(mark: Marker, prev: str, wrapped: bool, last_value: dict[str, int], blank_before: bool) -> bool:
    after_sentence = not wrapped
    if mark.style in ("dash", "plus", "bullet"):
        # "- xã hội." after "kinh tế" is the rest of "kinh tế - xã hội", not a bullet; nor is "- Thương
        # binh và Xã hội" after "Sở Lao động", blank line between or not (a page broke the name there)
        if mark.style == "dash" and (_splits_a_name(prev, mark.rest) or splits_a_range(prev, mark.rest)):
            return False
        if (mark.rest[:1].islower() and prev and not prev.rstrip(" *_”\"’)").endswith((".", ":", ";", ",", "!", "?", "…"))
                and mark.rest[1:2] != ")"):
            # a bullet in lower case follows a lead-in's colon or its neighbour's ";", never a bare
            # word; one that opens with a point's letter ("- a) Đổi mới …") is a listed point
            return False
        # after a neighbour's ";" a bullet opens, in whatever it begins ("- 100% cán bộ …")
        return after_sentence or prev.rstrip(" *_").endswith(";") or not _starts_lower(mark.rest)
    if after_sentence:
        return True
    last = last_value.get(mark.style, 0)
    # a repeated label ("d)" twice) is a clause when it opens a block of its own
    if mark.style == "letter" and mark.value == last + 2:
        return True  # "e)" after "d)": Latin lettering skips the Vietnamese "đ"
    return mark.value in (1, last + 1) or (blank_before and mark.value == last)


DASHED_NAMES = (
    ("Lao động", "Thương binh"), ("Kế hoạch", "Tài chính"), ("Tài chính", "Kế hoạch"), ("Văn hóa", "Thông tin"),
    ("Văn hoá", "Thông tin"), ("Văn hóa", "Thể thao"), ("Văn hoá", "Thể thao"), ("Văn hóa", "Xã hội"),
    ("Văn hoá", "Xã hội"), ("Kinh tế", "Hạ tầng"), ("Thi đua", "Khen thưởng"), ("Phát thanh", "Truyền hình"),
)
"""Names written with a dash inside them, as they are capitalised ("Sở Lao động - Thương binh và Xã
hội", "Phòng Tài chính - Kế hoạch", "Phòng Văn hóa - Xã hội", "Hội đồng Thi đua - Khen thưởng"): a
line that ends on the first half and a line that opens "- " on the second are one name broken at
its dash, not a bullet ("- Xã hội hóa …" under "2. Văn hóa" is one)."""
_DASHED_FIRST = {a.rpartition(" ")[2] for a, _ in DASHED_NAMES}


def _splits_a_name(prev: str, rest: str) -> bool:
    tail = prev.rstrip(" *_")
    if tail.rpartition(" ")[2] not in _DASHED_FIRST:  # (one look at the last word: most lines end elsewhere)
        return False
    words = rest.split()
    head = " ".join(words[:2]).strip(" ,;.")
    if len(words) > 2 and words[2].lower().strip(",;.") in ("hóa", "hoá"):
        return False  # "Xã hội hóa", a word of its own
    return any(tail.endswith(a) and head == b for a, b in DASHED_NAMES)


_YEAR_ENDS = regex(r"(?:19|20)\d\d\s*$")
_YEAR_OPENS = regex(r"(?:19|20)\d\d(?!\d)")


def splits_a_range(prev: str, rest: str) -> bool:
    """ "… giai đoạn 2021" / "- 2030 …": a span of years broken at its dash, not a bullet."""
    return rest[:2].isdigit() and bool(_YEAR_OPENS.match(rest)) and bool(_YEAR_ENDS.search(prev))


@dataclass(slots=True)
class _Node:
    marker: Marker | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    end: int = 0


_BULLETS = ("dash", "plus", "bullet")
_POINTS = ("letter", "paren_num")
_HEADS = (*markers.SECTION_STYLES, "article")
"""Styles under which "1)" numbers items, not points ("II. NỘI DUNG" / "1) Quan trắc …")."""
"""Points lettered "a)" and numbered "1)" or "(1)": either may stand over the other ("1) Tuyên
truyền" over "a) …", or "a)" over "(1) …"); the one open takes the other under it."""


CLOSING_FORMULA = regex(
    r"^(?:Trên đây là (?:Kế hoạch|Chương trình|Phương án|nội dung)|"
    r"Trong quá trình (?:tổ chức |triển khai |)thực hiện(?: Kế hoạch(?: này)?)?,? nếu (?:có|phát sinh)|"
    r"Yêu cầu (?:Thủ trưởng |các |Giám đốc |Chủ tịch ).{0,120}(?:nghiêm túc|triển khai|tổ chức) thực hiện)",
    re.IGNORECASE,
)
"""The plan's own closing words after its last clause ("Trên đây là Kế hoạch …", "Trong quá
trình thực hiện, nếu có khó khăn, vướng mắc …", "Yêu cầu các sở, ngành … nghiêm túc triển khai
thực hiện"): they belong to no clause."""
CLOSING_ID = "closing"


def build_tree(paras: list[Paragraph]) -> tuple[list[Paragraph], list[Clause]]:
    """Nest paragraphs into clauses. Paragraphs before the first marker are returned apart; the
    plan's closing words after its last clause are a clause of their own (kind "paragraph", id
    ``CLOSING_ID``), not the last clause's text."""
    closing_at = _closing_at(paras)
    closing = paras[closing_at:] if closing_at is not None else []
    paras = paras[:closing_at] if closing_at is not None else paras
    lead: list[Paragraph] = []
    roots: list[_Node] = []
    stack: list[_Node] = []
    styles: list[str] = []  # the open nodes' styles, beside ``stack``
    ranks: list[float] = []  # and their ranks where they opened (``_rank``)
    marked = [p.marker for p in paras if p.marker is not None]
    misread = _misread_roman_one(marked)
    seen_marked = 0
    for para in paras:
        mark = para.marker
        if mark is not None and seen_marked == misread:
            mark = para.marker = Marker("roman", mark.label, "I", 1, mark.rest)
        if mark is None:
            if not stack:
                lead.append(para)
                continue
            # a paragraph after a bullet belongs to the bullet's parent, unless it is the only owner
            target = stack[-1]
            if styles[-1] in _BULLETS:
                target = next((stack[k] for k in range(len(stack) - 1, -1, -1) if styles[k] not in _BULLETS), target)
            target.paragraphs.append(para)
            continue
        seen_marked += 1
        if mark.key in ("l", "I") and (one := _misread_item_one(mark, stack, marked, seen_marked)) is not None:
            mark = para.marker = one
        elif mark.key in ("11", "111") and (section := _misread_roman_ones(mark, stack)) is not None:
            mark = para.marker = section
        style: markers.Style = _resolve_style(mark, stack, marked, seen_marked)
        if style != mark.style:
            mark = Marker(style, mark.label, mark.key, roman_value(mark.key) or mark.value, mark.rest)
            para.marker = mark
        node = _Node(mark, [para])
        if style in styles:  # a sibling of the open clause of its style
            while styles[-1] != style:
                stack.pop()
                styles.pop()
                ranks.pop()
            stack.pop()
            styles.pop()
            ranks.pop()
        elif style in _BULLETS and styles and styles[-1] in _BULLETS:
            # a new kind of bullet right under an open one is nested in it: among dashes, pluses
            # and bullets the order they first appear in decides ("*" over "+" as well as "-" over "+")
            pass
        else:
            rank = _rank(style, styles)
            while styles and ranks[-1] > rank and not (style in _POINTS and styles[-1] in _POINTS):
                stack.pop()
                styles.pop()
                ranks.pop()
        (stack[-1].children if stack else roots).append(node)
        ranks.append(_rank(style, styles))
        stack.append(node)
        styles.append(style)
    clauses = _to_clauses(roots, "")
    if closing:
        clauses.append(Clause(CLOSING_ID, "", "paragraph", "\n".join(t for t in (p.text for p in closing) if t), (),
                              Span(closing[0].start, closing[-1].end)))
    return lead, clauses


def _rank(style: markers.Style, open_styles: list[str]) -> float:
    """A style's place in the numbering (``markers.RANK``), where it opens: "1)" straight under a
    section, or opening the body, numbers its items as "1." does (its "1.1." subitems go under
    it), elsewhere a point's sub-points."""
    if style == "paren_num" and (not open_styles or open_styles[-1] in _HEADS):
        return markers.RANK["arabic"]
    return markers.RANK[style]


def _closing_at(paras: list[Paragraph]) -> int | None:
    """Where the closing words begin: an unnumbered paragraph after the last numbered one that
    opens with a closing formula (None when there is none, or no numbered paragraph before it)."""
    last = max((i for i, p in enumerate(paras) if p.marker is not None), default=None)
    if last is None:
        return None
    return next((i for i in range(last + 1, len(paras)) if CLOSING_FORMULA.match(paras[i].text)), None)


def _misread_roman_one(marked: list[Marker]) -> int | None:
    """Where OCR read the first section's "I-" as "1-" ("1- MỤC ĐÍCH, YÊU CẦU" … "II- NHIỆM VỤ
    CHỦ YẾU"): the index in ``marked`` of an arabic 1 over a heading in capitals, printed with
    the delimiter of the roman II that opens the next section, no roman I before it; None where
    there is none (most texts: the first roman numeral is an I)."""
    first_roman = next((k for k, m in enumerate(marked) if m.style == "roman"), None)
    if first_roman is None or marked[first_roman].value != 2:
        return None
    delimiter = marked[first_roman].label[-1:]
    for k in range(first_roman - 1, -1, -1):
        m = marked[k]
        if m.style == "arabic" and m.value == 1 and m.label[-1:] == delimiter and _is_caps(m.rest):
            return k
    return None


def _misread_item_one(mark: Marker, stack: list[_Node], marked: list[Marker], after: int) -> Marker | None:
    """An item "1." an OCR read as "l." or "I." under a section ("l. Mục tiêu tổng quát", "I. Mục
    tiêu chung" under "I. MỤC TIÊU"), as arabic 1: over words in sentence case, no letter open
    before it (after "k)" an "l)" is a point), and the next item of the section numbered "2."; None
    where it is what it reads as."""
    if mark.label[-1:] not in ".)" or _is_caps(mark.rest) or not mark.rest[:1].isupper():
        return None
    if mark.style == "letter":
        if mark.key != "l" or any(n.marker is not None and n.marker.style == "letter" for n in stack):
            return None
    elif mark.style != "roman" or mark.key != "I":
        return None
    if not any(n.marker is not None and n.marker.style == "roman" for n in stack):
        return None  # an item under a section only
    for nxt in itertools.islice(marked, after, None):
        if nxt.style in markers.SECTION_STYLES:
            return None
        if nxt.style == "arabic":
            return Marker("arabic", mark.label, "1", 1, mark.rest) if nxt.value == 2 else None
    return None


def _misread_roman_ones(mark: Marker, stack: list[_Node]) -> Marker | None:
    """A section's "II." or "III." an OCR read as "11." or "111." over a heading in capitals, as
    the roman section: the section open before it is the one before (I, or II), and its items
    had not reached 10 (an eleventh item "11. SỞ Y TẾ" is an item)."""
    if mark.style != "arabic" or mark.label[-1:] not in ".)-" or not _is_caps(mark.rest):
        return None
    section = next((n.marker for n in reversed(stack) if n.marker is not None and n.marker.style == "roman"), None)
    value = len(mark.key)
    if section is None or section.value != value - 1:
        return None
    if any(n.marker is not None and n.marker.style == "arabic" and n.marker.value >= 10 for n in stack):
        return None
    return Marker("roman", mark.label, "I" * value, value, mark.rest)


def _resolve_style(mark: Marker, stack: list[_Node], marked: list[Marker], after: int) -> markers.Style:
    """"i)", "v)", "x)" are letters when they continue a letter sequence, roman numerals when they
    continue (or open, followed by "ii)") a roman sequence. ``marked[after:]`` are the markers
    that follow (an index, not a slice: a list of 200,000 markers must not be copied each time)."""
    if not mark.ambiguous:
        return mark.style
    open_letter = next((n.marker for n in reversed(stack) if n.marker and n.marker.style == "letter"), None)
    open_roman = next((n.marker for n in reversed(stack) if n.marker and n.marker.style == "roman_lower"), None)
    if open_letter and mark.key in markers.letters_after(open_letter.key):
        return "letter"
    if open_roman and (roman_value(mark.key) or 0) == open_roman.value + 1:
        return "roman_lower"
    if mark.key == "i":
        for nxt in itertools.islice(marked, after, None):
            if nxt.style in ("letter", "roman_lower"):
                if nxt.key == "ii":
                    return "roman_lower"
                break
    return "letter"


def _to_clauses(nodes: list[_Node], parent_id: str, parent_kind: str | None = None) -> list[Clause]:
    out: list[Clause] = []
    used: dict[str, int] = {}
    dash_count = 0
    for node in nodes:
        mark = node.marker
        assert mark is not None
        style = mark.style
        if style in _BULLETS:
            dash_count += 1
            own = f"-{dash_count}"
        elif style in ("dotted2", "dotted3", "dotted4", "letter_sub"):
            # "1.2.1." under "II.1.2" is "II.1.2.1", "a.1)" under "II.1.a" is "II.1.a.1": the
            # parent's id already holds the prefix
            *prefix, own = mark.key.split(".")
            if not (parent_id and parent_id.split(".")[-len(prefix):] == prefix):
                own = mark.key
        else:
            own = mark.key
        base = f"{parent_id}.{own}" if parent_id else own
        count = used[base] = used.get(base, 0) + 1
        cid = base if count == 1 else f"{base}#{count}"
        kind = markers.KIND_OF_STYLE[style]
        if style == "paren_num" and parent_kind in (None, "section", "article"):
            kind = "item"  # "1) Tuyên truyền" straight under a section numbers its items, not points
        elif style == "dotted2" and mark.key[:1] in "IVXL":
            kind = "item"  # "I.1. Mục đích": section I's items
        children = _to_clauses(node.children, cid, kind) if node.children else []
        paras = node.paragraphs
        end = max(p.end for p in paras) if len(paras) > 1 else paras[0].end
        if children:
            end = max(end, max(c.span.end for c in children))
        if len(paras) == 1:  # a clause of its heading alone (most): no text to join, no table
            text = paras[0].text
            tables: tuple[Table, ...] = ()
        else:
            text = "\n".join(filter(None, [p.text for p in paras]))
            tables = _tables(paras)
        out.append(Clause(cid, mark.label, kind, text, tuple(children), Span(paras[0].start, end), tables))  # type: ignore[arg-type]
    return out


def _tables(paras: list[Paragraph]) -> tuple[Table, ...]:
    """The runs of table rows among a clause's own paragraphs, each a ``Table`` of cell texts: a
    reader's table with the reader's rows (a cell of several lines is one cell), pipe rows a row a
    line."""
    out: list[Table] = []
    run: list[Line] = []
    for p in [*paras, None]:
        line = p.lines[0] if p is not None and p.marker is None and len(p.lines) == 1 else None
        if line is not None and run and line.table is not run[-1].table:
            out.append(_table_of(run))
            run = []
        if line is not None and (line.row or line.table is not None):
            run.append(line)
            continue
        if run:
            out.append(_table_of(run))
            run = []
    return tuple(out)


def _table_of(run: list[Line]) -> Table:
    rows = run[0].table if run[0].table is not None else tuple(row_texts(ln) for ln in run)
    return Table(rows, Span(run[0].start, run[-1].end))
