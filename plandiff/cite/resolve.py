"""Stage 3 — resolve: one type where two readings disagree, short mentions completed from their
full citation, names a plan's citations define, each citation's role (a ground of the preamble is
its basis, anything else a mention) and its instrument's canonical id."""

from __future__ import annotations

import re

from ..compiled import regex
from ..model import Plan
from ..textnorm import AS_VIETNAMESE_D, match_key
from .named import known_by_name
from .numbered import is_national
from .regions import Found, Subjects
from .vocabulary import CODE_OF_TYPE, LISTED_GROUND, OPENERS, SHORT_NAME, TYPE_OF_CODE, TYPE_OPENING, normalize_symbol


def resolve_type_conflicts(found: list[Found], warnings: list[str]) -> None:
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


def complete_short_mentions(found: list[Found]) -> None:
    """"Kế hoạch số 65/KH-UBND" after "Kế hoạch số 65/KH-UBND ngày 05/5/2021 …": the same instrument."""
    first: dict[tuple[str, str | None], Found] = {}
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


def learn_aliases(found: list[Found], plan: Plan) -> dict[str, str]:
    """"Nghị quyết số 28/NQ-CP … về ban hành Chiến lược quốc gia …", "Quyết định 2282/QĐ-TTg … về
    Chương trình “…”": the name now stands for that instrument (not "về thực hiện …", which only
    carries it out)."""
    out: dict[str, str] = {}
    for f in found:
        if f.symbol and f.title:
            m = _DEFINES.match(f.title)
            if m:
                name = match_key(_strip_period(m.group("name"))).replace("“", "").replace("”", "").replace('"', "")
                if len(name.split()) >= 4 and known_by_name(name) is None:
                    out[name] = instrument_id(f, plan, {})
    return out


def _strip_period(name: str) -> str:
    return re.sub(r"\s+(?:giai đoạn|đến năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?.*$", "", name).strip(" “”\"")


def is_basis(f: Found, outer: Found | None, subjects: Subjects) -> bool:
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


def _adopted(f: Found, subjects: Subjects) -> bool:
    """A short-name definition follows the citation before any other numbered citation does."""
    return SHORT_NAME.search(f.region.text, f.end, subjects.next_symbol(f.region, f.start)) is not None


def instrument_id(f: Found, plan: Plan, learned: dict[str, str]) -> str:
    if f.symbol:
        symbol = f.symbol.translate(AS_VIETNAMESE_D)  # "1719/QÐ-TTg" typed with the Icelandic letter: 1719/QĐ-TTg
        if is_national(symbol):
            return symbol
        year = f.year if f.year else "?"
        return f"{symbol}@{f.authority or '?'}/{year}"
    name = match_key(_strip_period(f.title or f.raw))
    known = known_by_name(f.title or f.raw)
    if known is not None:
        return known.symbol
    if name in learned:
        return learned[name]
    return f"name:{name}"
