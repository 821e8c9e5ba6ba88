"""Stage 2a — find numbered citations: a symbol ("1719/QĐ-TTg", "57-NQ/TW", "385/KH-UBND") with
the type word before it and the date, issuer and subject after it; the issuing authority an
administrative symbol is unique within."""

from __future__ import annotations

import bisect
import re

from ..compiled import dataclass, regex
from ..jurisdictions import LEVELS_RE, canonical
from ..model import Jurisdiction, Plan
from ..textnorm import AS_VIETNAMESE_D, HYPHENS, match_key
from .regions import Found, Region
from .vocabulary import (
    CENTRAL,
    DATE_AFTER,
    DATE_WORDS,
    ISSUER_AFTER,
    ISSUER_CODES,
    LOCAL_ISSUERS,
    MIXED_CASE,
    NOW_IS,
    SUBJECT_AFTER,
    SYMBOL,
    TYPE_ALIASES,
    TYPE_BEFORE,
    TYPE_OF_CODE,
    TYPE_RE,
    TYPE_WORDS,
    YEAR_AFTER,
    normalize_symbol,
)

_NUMBER_AFTER_SO = regex(
    r"s(?<!\w.)ố\s*:?\s*(?P<tok>(?=[^\s,;()\[\]]*\d)(?=[^\s,;()\[\]]*[A-Za-zĐđ])[^\s,;()\[\]]*[/-][^\s,;()\[\]]*[^\s,;().\[\]])",
    re.IGNORECASE,
)
"""A number an organisation writes its own way after "Văn bản số", "Công văn số" …: "21.4/GĐN",
"01-GCN-MT", "05/2026/VLN/CV-LV", "11/2026CV-YVG". The pattern starts at "số" (a literal, quick to
find) and ``_TYPE_BEFORE_SO`` checks the type word before it. A bracket ends it: "[1]" after a
symbol is a footnote's mark."""
_TYPE_BEFORE_SO = regex(r"(?<!\w)(?:" + TYPE_RE + r"|Đơn|Tờ khai)\s+$", re.IGNORECASE)


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


def find_numbered(region: Region, plan: Plan) -> list[Found]:
    text = region.text
    out: list[Found] = []
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
        found = Found(start, m.end + consumed, symbol, ctype, number, year or (int(date[:4]) if date else None), date,
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


def _authority(f: Found, plan: Plan, hint: Jurisdiction | None) -> str | None:
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


def _check_issuer_code(f: Found, code_parts: list[str]) -> None:
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
