"""Back matter (Nghị định 30/2020/NĐ-CP, Phụ lục I): recipients ("Nơi nhận") and the signature block
(on whose behalf, the signer's title and name), and where they begin.

Recipients beside the signature block in two columns are read cell by cell; a list or a signature
that a converter ran together or wrapped is split and joined again as it was set.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import field

from ..compiled import dataclass, regex
from ..model import HeaderLine, Span
from ..textnorm import CAPITALS, match_key, single_spaced
from .frontmatter import AUTHORITY, BARE_AUTHORITY, SIGNER_TITLES, breaks_a_word, is_upper
from .lines import Cell, Line
from .markers import BULLETS

_RECIPIENTS = regex(r"^[*_]{0,2}(?:Nơi\s+nhận\s*:?|N[ơo]i\s+nh[ậâạa]n\s*:)[*_]{0,2}", re.IGNORECASE)
""""Nơi nhận:", and "*Nơi nhận:*" in a Markdown table's cell (where no emphasis was set aside); with
its colon, "Nơi nhân:", "Noi nhan:" as an OCR or a typist without marks leaves it."""


def is_back_matter_start(line: Line) -> bool:
    """Where back matter may begin: "Nơi nhận", TM./KT. …, a signer's title."""
    cells = line.cells
    if cells:
        return _back_matter_start(cells[0].text, cells[-1].text)
    text = line.text
    if line.plain and len(text) > _LONGEST_TITLE:
        # single-spaced and longer than any signer's title (keying never shortens it): only its
        # first words can open back matter, and only from one of their first letters
        return text[:1] in _BACK_FIRST and _opens_back_matter(text, text)
    return _back_matter_start(text, text)


_ARCHIVE = regex(r"^[^\w]*Lưu\s*(?::|VT\b|văn thư\b)", re.IGNORECASE)
"""The list's last recipient, the issuer's own archive ("- Lưu: VT, VX.", "- Lưu VT")."""


def unheaded_recipients(lines: Sequence[Line], lo: int, start: int) -> int:
    """Where a list of recipients that lost its "Nơi nhận:" begins, above the signature that opens
    the back matter at ``start``: a run of marked lines (and the wrapped rest of one) ending with
    the archive's ("- Lưu: VT."), two recipients at least — a reader knows the list by its last
    line; ``start`` itself where there is none (or the back matter opens with "Nơi nhận")."""
    if start >= len(lines) or start - 1 < lo or _RECIPIENTS.match(lines[start].text.strip()):
        return start
    if not _ARCHIVE.match(lines[start - 1].text.strip()) or lines[start - 1].text.strip()[:1] not in RECIPIENT_MARKS:
        return start
    k, items = start - 1, 0
    while k >= lo:
        text = lines[k].text.strip()
        if text[:1] in RECIPIENT_MARKS and (k == start - 1 or not text.endswith((".", ":"))):
            # (a recipient ends with ";" or nothing; the archive, last, with "." — a sentence's
            # end above it is the plan's last point)
            items += 1
            k -= 1
        elif k - 1 >= lo and lines[k - 1].text.strip()[:1] in RECIPIENT_MARKS and not lines[k - 1].text.rstrip().endswith((";", ".")):
            k -= 1  # (the wrapped rest of the recipient above: "- Báo …, các cơ quan báo chí" / "tỉnh;")
        else:
            break
    return k + 1 if items >= 2 else start


def _back_matter_start(first: str, last: str) -> bool:
    """``_opens_back_matter``, or a signer's title in a line whose head is set in capitals
    (upper-casing is per letter: a head that changes means a line that does)."""
    if _opens_back_matter(first, last):
        return True
    head = last[:12]
    return head == head.upper() and last == last.upper() and match_key(last).upper() in SIGNER_TITLES


def _opens_back_matter(first: str, last: str) -> bool:
    """"Nơi nhận", or TM./KT./TL./TUQ./Q. (``AUTHORITY``), each tried only where its first two
    letters stand (none of the latter is followed by a small letter)."""
    head = first.lstrip("*_")
    return bool((head[:1] in _RECIPIENT_FIRST and head[1:2] in ("ơ", "Ơ", "o", "O") and _RECIPIENTS.match(first))
                or _signs_for(first) or (last is not first and _signs_for(last)))


_LONGEST_TITLE = max(map(len, SIGNER_TITLES))
_RECIPIENT_FIRST = ("N", "n")
_BACK_FIRST = frozenset("NnTKQ")
"""The first letters of "Nơi nhận" and of ``AUTHORITY``'s "TM.", "KT.", "TL.", "TUQ.", "Q."."""


def _signs_for(text: str) -> bool:
    """``AUTHORITY`` matches: "TM.", "KT.", … (its first letter looked at first, and the second:
    never a small letter)."""
    return text[:1] in ("T", "K", "Q") and not text[1:2].islower() and AUTHORITY.match(text) is not None


@dataclass
class Back:
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    authority: list[str] = field(default_factory=list)
    signer: str | None = None
    signer_title: str | None = None
    lines: list[HeaderLine] = field(default_factory=list)


def read_back(back: list[Line]) -> Back:
    """The back matter: the recipients ("Nơi nhận") in the left column, the signature in the
    right, each read on its own."""
    b = Back()
    left, right = _back_columns(back)
    _read_recipients(b, left, right)
    _read_signature(b, right)
    if b.signer is None and (b.signer_title or b.authority):
        _signer_beside(b)
    return b


_BAR = regex(r"(?<=\S)\s*\|\s+(?=\S)")


def _barred(line: Line) -> list[Cell]:
    """A line's cells where a page kept its table's bar between them ("- Lưu: VT. | KT. CHỦ
    TỊCH": the last recipient and the signature's first line, one row; html2text glues the bar to
    the cell before it, "- Lưu: VT.| KT. CHỦ TỊCH"), each bar kept at the end of the cell before
    it; the whole line else."""
    text = line.text
    if "| " not in text:
        return [Cell(text, line.start, line.end)]
    cells: list[Cell] = []
    pos = begin = 0  # (``begin``: where the next cell starts, before ``pos`` after empty cells' bars)
    for m in [*_BAR.finditer(text), None]:
        end = text.index("|", m.start()) + 1 if m else len(text)  # (the bar with the cell before it)
        if text[pos:end].strip(" |"):
            cells.append(Cell(text[begin:end].strip(), line.start + begin, line.start + end))
        elif cells and text[pos:end].strip():  # an empty cell's bar: with the cell before it, kept
            last = cells[-1]
            cells[-1] = Cell(text[last.start - line.start:end].strip(), last.start, line.start + end)
        else:
            pos = m.end() if m else pos
            continue  # (bars before any cell: with the first)
        pos = begin = m.end() if m else pos
    return cells if len(cells) >= 2 else [Cell(text, line.start, line.end)]


def _back_columns(back: list[Line]) -> tuple[list[Cell], list[tuple[int, Cell]]]:
    """The back matter's cells as the left column's, and the signature's with their column (a
    joint document signs in two columns, each body its own authority, title and name)."""
    left: list[Cell] = []
    right: list[tuple[int, Cell]] = []
    # the left column's indentation: the least of the back matter's; where a table laid out as text
    # indents both columns, a line alone stands in the right one only when set well in from it
    base = min((line.indent for line in back), default=0)
    margin = base + 4 if base else 0
    for line in back:
        cells = list(line.cells) or _barred(line)
        if len(cells) >= 2:
            left.append(cells[0])
            # a barred row's signature cell stands where its lines alone under it stand (column 0)
            right.extend((k, c) for k, c in enumerate(cells[1:], start=1 if line.cells else 0))
            continue
        cell = cells[0]
        if (pair := _signature_beside(cell, right[-1][1].text if right else None)) is not None:
            # "- Báo … trên địa bàn PHÓ CHỦ TỊCH": the signature's line run onto a recipient's
            # by a layout that kept no gap between the columns
            left.append(pair[0])
            # (the signature's column: the one its lines so far stand in; before any, where its
            # lines alone under it stand in a text without indentation, the right one where a
            # layout indents it)
            right.append((right[-1][0] if right else 1 if margin else 0, pair[1]))
        elif right and _wrapped_inside(right[-1][1].text.strip(" |"), cell.text.strip(" |")):
            right.append((right[-1][0], cell))  # "… KT. CHỦ |" / "TỊCH PHÓ CHỦ TỊCH Trương Việt Dũng |"
        elif _continues_recipient(left, cell.text):
            left.append(cell)  # "- Ban Tuyên giáo" / "và Dân vận Tỉnh ủy;": a recipient wrapped
        elif _is_signature_text(cell.text) or (right and not _is_recipient_text(cell.text)):
            right.append((1 if line.indent > margin else 0, cell))  # a line alone: its indentation tells the column
        else:
            left.append(cell)
    return left, right


def _read_recipients(b: Back, left: list[Cell], right: list[tuple[int, Cell]]) -> None:
    """The recipients of the left column; a joint signature's left half goes to ``right``."""
    heading = False
    run_together = False  # "Nơi nhận: - A; - B; - C" on one line: a mark, not a line, opens each
    for cell in left:
        text = single_spaced(cell.text)
        span = Span(cell.start, cell.end)
        if _RECIPIENTS.match(text):
            heading = True
            b.lines.append(HeaderLine("recipients_heading", text, span))
            rest = _RECIPIENTS.sub("", text).strip()
            if rest:
                named = _recipients_in(rest)
                run_together = len(named) >= 2
                b.recipients.extend(named)
        elif (b.recipients and text[:1] not in RECIPIENT_MARKS and not AUTHORITY.match(text)
              and b.recipients[-1].endswith(",")):
            # a recipient cut after a comma ("- Lưu: VT," / "NNMT.": capitals, yet no signature's)
            _carry_on(b.recipients, text)
            b.lines.append(HeaderLine("recipient", text, span))
        elif _is_signature_text(text) or (not heading and right and not b.recipients and _is_name(text)):
            # the left column of a joint signature: its lines, and its signer's name
            right.append((0, cell))
        elif b.recipients and run_together and text[:1] not in RECIPIENT_MARKS:
            # a wrapped line of a list run together ("… - TT. Tỉnh ủy;" / "TT. HĐND tỉnh (b/c); - …")
            _carry_on(b.recipients, text)
            b.lines.append(HeaderLine("recipient", text, span))
        elif text[:1] in RECIPIENT_MARKS or not b.recipients or b.recipients[-1].endswith(";"):
            # a PDF whose list markers were drawn, not written, still ends each recipient with ";"
            b.recipients.extend(_recipients_in(text))
            b.lines.append(HeaderLine("recipient", text, span))
        else:
            # (after a dash alone on its line: "-" / "TT.HĐND tỉnh;"); a list run together and
            # wrapped ("… - Cục Dân" / "số (để b/c); - TT. Thành ủy …") splits where its marks are
            _carry_on(b.recipients, text)
            b.lines.append(HeaderLine("recipient", text, span))


def _read_signature(b: Back, right: list[tuple[int, Cell]]) -> None:
    """The signature, column by column: authorities ("TM. …", "KT. …"), the signer's title in
    capitals, and the signer's name."""
    bars: list[Cell] = []
    cells = [(k, part) for k, c in _rewrapped(right, bars) for part in split_collapsed_signature(c)]
    b.lines.extend(HeaderLine("other", bar.text, Span(bar.start, bar.end)) for bar in bars)
    block_after_name = False
    for _, cell in sorted(cells, key=lambda kc: (kc[0], kc[1].start)):
        text = single_spaced(cell.text)
        span = Span(cell.start, cell.end)
        if (b.authority and b.signature and b.signature[-1] == b.authority[-1] and is_upper(text)
                and ((len(text.split()) == 1 and text.isalpha() and text not in SIGNER_TITLES)
                     or breaks_a_word(b.authority[-1], text)
                     or (BARE_AUTHORITY.match(b.authority[-1]) and not AUTHORITY.match(text)))):
            # "TM. ỦY BAN NHÂN" / "DÂN", "TM. ỦY" / "BAN NHÂN DÂN", "TM." / "ỦY BAN NHÂN DÂN TỈNH": an
            # authority's name wrapped in a narrow column
            b.authority[-1] = b.signature[-1] = f"{b.authority[-1]} {text}"
            b.lines.append(HeaderLine("signature", text, span))
            continue
        if b.signer_title and b.signature and b.signature[-1] == b.signer_title and breaks_a_word(b.signer_title, text):
            # "PHÓ CHỦ" / "TỊCH": the signer's title wrapped
            b.signer_title = b.signature[-1] = f"{b.signer_title} {text}"
            b.lines.append(HeaderLine("signature", text, span))
            continue
        b.signature.append(text)
        if AUTHORITY.match(text):
            b.authority.append(text)
            block_after_name = b.signer is not None  # (a second body's signature: "KT. GIÁM ĐỐC" after a name)
            if _ACTING.match(text):  # "Q. CHỦ TỊCH": the acting head signs as such, no title under it
                b.signer_title = text
            b.lines.append(HeaderLine("signature", text, span))
        elif b.signer_title and b.signer is None and is_name_in_capitals(text):
            # "PHÓ CHỦ TỊCH" / "NGUYỄN VĂN AN": the signer's name set in capitals under the title
            b.signer = text
            b.lines.append(HeaderLine("signer", text, span))
        elif text == text.upper() and any(ch.isalpha() for ch in text) and not _SIGNED_NAME.fullmatch(text):
            # a title in capitals; not a mark without letters ("* *") nor "(ĐÃ KÝ)" under it; under
            # the signer's name, capitals are no title of theirs (the next document's title, its
            # type's line lost), unless no title came before the name
            if b.signer is None or b.signer_title is None or block_after_name:
                b.signer_title = text
                block_after_name = False
            b.lines.append(HeaderLine("signature", text, span))
        elif (signed := _SIGNED_NAME.match(cell.text)) and _is_name(cell.text[signed.end():].strip()):
            # "Đã ký: Phạm Văn D" (a copy for publication): the mark, then the signer
            k = signed.end()
            b.signer = cell.text[k:].strip()
            b.lines.append(HeaderLine("signature", cell.text[:k].strip(), Span(cell.start, cell.start + len(cell.text[:k].rstrip()))))
            b.lines.append(HeaderLine("signer", b.signer, Span(cell.start + k + (len(cell.text[k:]) - len(cell.text[k:].lstrip())), cell.end)))
        elif (k := _glued_name_at(cell.text)) is not None:
            # "PHÓ CHỦ TỊCHSơn Thị Ánh Hồng": a web page lost the line break between title and name
            title, name = cell.text[:k].strip(), cell.text[k:].strip()
            b.signer_title, b.signer = title, name
            b.lines.append(HeaderLine("signature", title, Span(cell.start, cell.start + len(cell.text[:k].rstrip()))))
            b.lines.append(HeaderLine("signer", name, Span(cell.start + k, cell.end)))
        elif _is_name(text):
            b.signer = text
            b.lines.append(HeaderLine("signer", text, span))
        elif (rank := _RANK.match(cell.text.lstrip())) and _is_name(cell.text.lstrip()[rank.end():]):
            # "Đại tá Nguyễn Văn Hùng": the rank, then the signer
            k = len(cell.text) - len(cell.text.lstrip()) + rank.end()
            b.signer = single_spaced(cell.text[k:]).strip()
            b.lines.append(HeaderLine("signature", cell.text[:k].strip(), Span(cell.start, cell.start + len(cell.text[:k].rstrip()))))
            b.lines.append(HeaderLine("signer", cell.text[k:].strip(), Span(cell.start + k, cell.end)))
        else:
            b.lines.append(HeaderLine("signature", text, span))


def _rewrapped(right: list[tuple[int, Cell]], bars: list[Cell]) -> list[tuple[int, Cell]]:
    """The signature's cells with a run-together signature that was then wrapped as a paragraph
    is ("TM. ỦY BAN NHÂN DÂN KT. CHỦ" / "TỊCH PHÓ CHỦ TỊCH Mai" / "Xuân Liêm", a converter's reflowed
    page) joined where a line broke inside one of its parts: a title's or a body's word ("CHỦ" /
    "TỊCH"), a title's first word ("PHÓ" / "CHỦ TỊCH …"), or the signer's name ("… Mai" / "Xuân
    Liêm"). A table's bar left at either end of a cell ("… Mai Sơn |") is no part of it: it goes
    to ``bars``, kept as printed."""
    out: list[tuple[int, Cell]] = []
    for k, cell in right:
        text = cell.text.strip()
        if text.startswith("|") or text.endswith("|"):
            inner = cell.text.strip(" |")
            lead = len(cell.text) - len(cell.text.lstrip(" |"))
            head, tail = cell.text[:lead], cell.text[lead + len(inner):]
            if cell.end - cell.start == len(cell.text):  # (the cell's text is the source's: each piece's place)
                bars.extend(Cell(piece.strip(), at + piece.index("|"), at + piece.rindex("|") + 1)
                            for piece, at in ((head, cell.start), (tail, cell.start + lead + len(inner))) if "|" in piece)
                cell = Cell(inner, cell.start + lead, cell.start + lead + len(inner))
            else:
                bars.extend(Cell(piece.strip(), cell.start, cell.end) for piece in (head, tail) if "|" in piece)
                cell = Cell(inner, cell.start, cell.end)
        if out and out[-1][0] == k and cell.text and len(out[-1][1].text) < _LONGEST_SIGNATURE and _wrapped_inside(
                out[-1][1].text, cell.text):
            prev = out[-1][1]
            out[-1] = (k, Cell(f"{prev.text} {cell.text}", prev.start, cell.end))
        else:
            out.append((k, cell))
    return out


_LONGEST_SIGNATURE = 200
"""A signature run together is a line or two; past this, its lines are not joined (bounded work)."""


def _wrapped_inside(before: str, text: str) -> bool:
    """Whether the line ``text`` carries on a signature's part that the line ``before`` broke,
    in a signature run together: where either line, or the two joined, hold more than one part
    (or an authority's mark inside). A recipient's line carries on none."""
    if text[:1] in RECIPIENT_MARKS or _RECIPIENTS.match(text):
        return False
    joined = f"{before} {text}"
    if not _AUTHORITY_IN.search(joined) and all(len(split_collapsed_signature(Cell(t, 0, len(t)))) < 2
                                                for t in (before, text, joined)):
        return False  # ("TM. ỦY" / "BAN NHÂN DÂN": a narrow column, read as such line by line)
    last, first = before.rpartition(" ")[2], text.partition(" ")[0]
    if breaks_a_word(before, text):
        return True
    if last.isupper() and any(t.startswith(f"{last} {first}") for t in SIGNER_TITLES) and last not in SIGNER_TITLES:
        return True  # "… PHÓ" / "CHỦ TỊCH Bùi Minh Thạnh"
    head = before.rstrip()
    words = head.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not words[k - 1].isupper():
        k -= 1
    return 0 < k < len(words) and words[k - 1].isupper() and _is_name(" ".join([*words[k:], *text.split()])) and not any(
        w.isupper() for w in text.split())  # "… PHÓ CHỦ TỊCH Mai" / "Xuân Liêm"


def _signature_beside(cell: Cell, above: str | None = None) -> tuple[Cell, Cell] | None:
    """A recipient's line (or "Nơi nhận:") with a line of the signature run onto its end (no gap
    kept between the columns): the recipient and the signature's piece, split where an authority
    mark ("TM. ỦY BAN NHÂN") or a known signer's title ("PHÓ CHỦ TỊCH") in capitals ends the line
    after a word in lower case or a recipient's ";" ("… TT.HĐND TP; TM. ỦY BAN NHÂN"), or where
    the rest of the signature's piece on the line ``above`` ends it after a ";" ("- CT, PCT UBND
    TP; DÂN" under "… TM. ỦY BAN NHÂN")."""
    text = cell.text.rstrip()
    if (text.lstrip()[:1] not in RECIPIENT_MARKS and not _RECIPIENTS.match(text.lstrip())) or not (
            text[-1:].isalpha() and text[-1:].isupper()):
        return None  # (most recipients end with ";" or "." or a word in lower case: one look tells)
    at = None
    m = _AUTHORITY_IN.search(text)
    if m is not None and is_upper(text[m.start():]):
        at = m.start()
    else:
        words = [w for w in re.finditer(r"\S+", text)]
        for w in words[1:]:
            if match_key(text[w.start():]).upper() in SIGNER_TITLES:
                at = w.start()
                break
    if at is None and above is not None and ";" in text:
        tail = text[text.rindex(";") + 1:]
        if tail.strip() and is_upper(tail) and breaks_a_word(above, tail.strip()):
            at = text.rindex(";") + 1 + len(tail) - len(tail.lstrip())
    if at is None:
        return None
    head = text[:at].rstrip()
    before = head.split()[-1] if head.split() else ""
    if not any(ch.islower() for ch in before) and not before.endswith(";"):
        return None  # a recipient in capitals ("- VP UBND TỈNH") goes on in capitals
    return Cell(head, cell.start, cell.start + len(head)), Cell(text[at:], cell.start + at, cell.start + len(text))


_NAME_AFTER = regex(r"(?<=;)\s+(?P<name>[^;]+?)\s*$")


def _signer_beside(b: Back) -> None:
    """The signer's name run onto the end of a recipient's line after its ";" ("Các sở: Nông
    nghiệp và Môi trường, Tài chính; Mai Xuân Liêm", a layout that kept no gap between the
    columns), when the signature has no name: taken there, if one recipient alone ends so."""
    found = [(k, m) for k, r in enumerate(b.recipients) if (m := _NAME_AFTER.search(r)) and _is_name(m.group("name"))
             and len(m.group("name").split()) <= 5 and all(w.isalpha() and not w.isupper() for w in m.group("name").split())]
    if len(found) != 1:
        return
    k, m = found[0]
    name = m.group("name")
    b.recipients[k] = b.recipients[k][:m.start()].rstrip()
    b.signer = name
    b.signature.append(name)
    for i, ln in enumerate(b.lines):
        at = ln.text.rfind(name)
        if ln.role == "recipient" and at > 0 and ln.text.endswith(name) and ln.span.end - ln.span.start == len(ln.text):
            cut = ln.span.start + at
            b.lines[i] = HeaderLine("recipient", ln.text[:at].rstrip(), Span(ln.span.start, ln.span.start + len(ln.text[:at].rstrip())))
            b.lines.insert(i + 1, HeaderLine("signer", name, Span(cut, cut + len(name))))
            break


_AUTHORITY_IN = regex(r"(?<=\s)(?:(?:TM|T\.M|KT|K\.T|TL|T\.L|TUQ|Q)\s*\.|T/M|K/T|T/L)\s*(?=[" + CAPITALS + r"])")
"""An authority mark inside a line ("… NHÂN DÂN KT. CHỦ TỊCH"): where a collapsed signature's next line began."""


def split_collapsed_signature(cell: Cell) -> list[Cell]:
    """A signature whose lines a web page ran together ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ
    TỊCH Trương Việt Dũng") as its lines again: each authority mark opens one, the signer's
    title (a known one) and the name (mixed case, at the end) stand on their own. Anything
    else is returned as it was."""
    text = cell.text
    if not AUTHORITY.match(text.strip()):
        return _title_and_name(cell)
    if len(text.split()) < 4:
        return [cell]  # "KT. CHỦ TỊCH": one line ("KT. BỘ TRƯỞNG THỨ TRƯỞNG" is two)
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    k = len(words)
    while k > 0 and words[k - 1][1][:1].isupper() and not words[k - 1][1].isupper():
        k -= 1
    name_at = words[k][0] if k < len(words) and _is_name(text[words[k][0]:]) else len(text)
    upper = text[:name_at].rstrip()
    if upper != upper.upper():
        return [cell]
    cuts = [m.start() for m in _AUTHORITY_IN.finditer(upper)]
    # the longest known title that ends the capitals, after the mark's own; in one line of
    # capitals without a second mark or a name, only after two words of it ("KT. BỘ TRƯỞNG" /
    # "THỨ TRƯỞNG", while "TM. ĐOÀN CHỦ TỊCH" is an authority's name)
    first = 2 if cuts or name_at < len(text) else 3
    head_words = [w for w in words if w[0] < len(upper)]
    for j in range(first, len(head_words)):
        at = head_words[j][0]
        if match_key(upper[at:]).upper() in SIGNER_TITLES and not AUTHORITY.match(upper[at:]):
            if at > max(cuts, default=0):
                cuts.append(at)
            break
    if name_at < len(text):
        cuts.append(name_at)
    if not cuts:
        return [cell]
    return _cut(cell, cuts)


def _title_and_name(cell: Cell) -> list[Cell]:
    """ "PHÓ CHỦ TỊCH Đào Mỹ": a known signer's title in capitals and the name after it, one line
    of a page's cell, as two."""
    text = cell.text
    if not text[:1].isupper() or text.upper() == text:
        return [cell]  # (most lines: the name alone, or the capitals alone)
    for title in _TITLE_HEADS.get(text.split(" ", 1)[0], ()):
        if text.startswith(title + " ") and _is_name(text[len(title):].strip()):
            return _cut(cell, [len(title)])
    return [cell]


def _titles_by_head() -> dict[str, tuple[str, ...]]:
    heads: dict[str, tuple[str, ...]] = {}
    for title in sorted(SIGNER_TITLES, key=len, reverse=True):
        heads[title.split(" ", 1)[0]] = (*heads.get(title.split(" ", 1)[0], ()), title)
    return heads


_TITLE_HEADS = _titles_by_head()
"""Signers' titles by their first word, the longest first ("PHÓ CHỦ TỊCH" before "PHÓ")."""


def _cut(cell: Cell, cuts: list[int]) -> list[Cell]:
    """The cell cut where ``cuts`` say, each piece stripped."""
    text = cell.text
    bounds = [0, *sorted(set(cuts)), len(text)]
    # a piece's place in the source, when the cell's text is the source's (not where Markdown
    # emphasis was taken out of it: then each piece has the whole cell's)
    exact = cell.end - cell.start == len(text)
    out = []
    for lo, hi in itertools.pairwise(bounds):
        piece = text[lo:hi]
        if piece.strip():
            at = cell.start + lo + len(piece) - len(piece.lstrip())
            out.append(Cell(piece.strip(), at, at + len(piece.strip())) if exact else Cell(piece.strip(), cell.start, cell.end))
    return out


_COLLAPSED_RECIPIENTS = regex(r"(?<=[;.])\s+[-–+•]\s+(?=\S)|(?:(?<=\))\s+[-–+•]\s+|(?<=;)[-–+•]\s*)(?=[" + CAPITALS + r"])")
"""Where the next recipient begins in a cell that holds the whole list ("Như trên; - TT Tỉnh ủy; -
Lưu: VT." — a web page's table whose line breaks were lost): a list mark after one's ";" or ".",
or after its "(để b/c)" when its ";" was left out and a capital follows, or glued to its ";" before
a capital ("(để b/c);- CVP …")."""


def _recipients_in(text: str) -> list[str]:
    """The recipients a line or cell names: one, or each of a list run together."""
    parts = (part.lstrip(RECIPIENT_MARKS + " ").strip().rstrip(" |") for part in _COLLAPSED_RECIPIENTS.split(text))
    return [part for part in parts if part.strip(RECIPIENT_MARKS + " ")]  # (not a mark alone: "- -", a table's empty row)


def _carry_on(recipients: list[str], text: str) -> None:
    """The last recipient carried on by the line ``text``, split where a list run together marks
    its next ("… - Cục Dân" / "số (để b/c); - TT. Thành ủy …"). A recipient is a line or two: one
    that has run on past any such length is carried on without being read again (bounded work)."""
    last = recipients[-1]
    if len(last) <= _LONGEST_RECIPIENT:
        recipients[-1:] = _recipients_in(f"{last} {text}".strip())
        return
    parts = _recipients_in(text) or [""]
    recipients[-1:] = [f"{last} {parts[0]}".strip(), *parts[1:]]


_LONGEST_RECIPIENT = 400


def _continues_recipient(left: list[Cell], text: str) -> bool:
    """A line that carries on an unfinished recipient line: it follows one that ends without ";"
    or ".", and it is neither a signature line nor the signer's name."""
    if not left or _is_signature_text(text) or _is_name(text) or _RECIPIENTS.match(text):
        return False
    prev = left[-1].text.rstrip()
    if prev.endswith((";", ".", ":")):
        return False
    # the recipient those lines carry on opens with a list mark ("- Ban Thi đua - Khen thưởng
    # Trung" / "ương" / "(b/c);": a narrow column wrapped it twice)
    opening = next((c.text for c in reversed(left[-4:]) if c.text[:1] in RECIPIENT_MARKS or _RECIPIENTS.match(c.text)), "")
    return opening[:1] in RECIPIENT_MARKS


RECIPIENT_MARKS = BULLETS.replace("*", "")
"""What opens a recipient's line: the dashes and bullets of clauses, Word's Symbol ones too (not
"*", Markdown's emphasis of "*Nơi nhận:*" and of the signature)."""


def _is_recipient_text(text: str) -> bool:
    return text[:1] in RECIPIENT_MARKS or bool(_RECIPIENTS.match(text))


def is_signature_line(line: Line) -> bool:
    """A line that opens a signature: an authority's mark ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")."""
    return any(AUTHORITY.match(c.text.strip()) for c in (line.cells or (Cell(line.text, line.start, line.end),)))


def signature_end(lines: Sequence[Line], at: int) -> int:
    """Where a signature that opens at ``at`` with an authority's mark ends: after its marks, the
    lines in capitals under them (a wrapped authority, the signer's title), and the signer's
    name; ``at`` when no signature opens there."""
    if at >= len(lines) or not is_signature_line(lines[at]):
        return at
    end = at + 1
    while end < len(lines):
        text = lines[end].text.strip()
        if _is_name(text) and text != text.upper():  # (a name in capitals is an authority's wrapped rest: "NHÂN DÂN")
            return end + 1
        if not _is_signature_text(text) or len(text) > _LONGEST_TITLE + 20:
            break
        end += 1
    return end


def _is_signature_text(text: str) -> bool:
    t = text.strip()
    # a line in capitals that ends with ";" is a recipient ("CT, PCT UBND TP;"), never a signature's;
    # nor is the recipients' heading set in capitals ("NƠI NHẬN:")
    return bool(AUTHORITY.match(t)) or (t == t.upper() and any(c.isalpha() for c in t) and not t.startswith("-")
                                         and not t.endswith(";") and not _RECIPIENTS.match(t))


_SIGNED_NAME = regex(r"\s*\(?\s*(?:Đã ký|ĐÃ KÝ|đã ký)\s*\)?\s*:?\s*")


def _glued_name_at(text: str) -> int | None:
    """Where the signer's name begins in a signer's title glued to it ("PHÓ CHỦ TỊCHSơn Thị Ánh
    Hồng" → 12); None unless the part before is a known title and the rest a name."""
    for k in range(len(text) - 1, 1, -1):
        if text[k].isupper() and text[k + 1:k + 2].islower() and text[k - 1].isupper():
            head, rest = text[:k].strip(), text[k:].strip()
            if match_key(head).upper() in SIGNER_TITLES and _is_name(rest):
                return k
    return None


_RANK = regex(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+")
"""A military or police rank printed before the signer's name ("Đại tá Nguyễn Văn Hùng": the
police's and the military command's plans); the name is the signer, the rank a line of the
signature. (A degree, "TS. Lê Văn A", reads as part of the name, as printed.)"""
_ACTING = regex(r"^Q\s*\.\s*\S")
"""An acting head's mark ("Q. CHỦ TỊCH", quyền): the authority line is the signer's title too."""


def _is_name(text: str) -> bool:
    """A person's name: two to six words, each opening with a capital, no figures, no roman
    numeral of two letters or more ("Chương II", "Phụ lục III" name no one), and no ";", "," or
    ":" at its end."""
    words = text.split()
    return (2 <= len(words) <= 6 and all(w[:1].isupper() for w in words) and not any(ch.isdigit() for ch in text)
            and text.rstrip()[-1:] not in (";", ",", ":")  # (a recipient's wrapped end: "Đắk Lắk;")
            and not any(len(w) >= 2 and _ROMAN_WORD.fullmatch(w) for w in words))


_ROMAN_WORD = regex(r"[IVXL]+")
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Đoàn Lâm Mai Trịnh Trương Cao "
    "Lương Hà Lưu Tạ Chu Tô Thái Quách Kiều Đàm Triệu Vương Hứa Lò Lục Nông Giáp Khuất Phùng Nghiêm Mạc Tăng Ông "
    "Khổng Từ Diệp Âu Tống Hầu Giang La Lại Khúc Thân Tòng Vi Quàng Đèo".split())
"""Vietnamese family names (the commonest, which most people bear): what a person's full name
opens with, a signer's under the signature or a lead's in a task table ("Đỗ Mạnh Cường"); a title
in capitals opens with none of them."""


def is_name_in_capitals(text: str) -> bool:
    """A person's name printed in capitals ("NGUYỄN VĂN AN"): a family name first, no title in it."""
    return (text == text.upper() and _is_name(text) and text.split()[0].capitalize() in SURNAMES
            and not any(title in text for title in SIGNER_TITLES) and not AUTHORITY.match(text))
