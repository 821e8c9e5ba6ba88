"""Stage 2b — find instruments cited by name: laws and codes ("Luật Bình đẳng giới"), the
Constitution, programmes, strategies and schemes named with their period, the names the data file
knows, and the short names a plan defines ("(sau đây viết tắt là Nghị định)")."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from ..compiled import regex
from ..textnorm import match_key
from .regions import Found, Region, Subjects
from .vocabulary import CONSTITUTION, LAW_NAME, PERIOD, SHORT_NAME, SYMBOL, Known, known_instruments, law_names, phrase


def find_named(region: Region, numbered: list[Found], learned: tuple[str, ...]) -> list[Found]:
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
    out: list[Found] = []
    subjects = Subjects(numbered)
    taken = [(f.start, f.end) for f in numbered]
    for m in (_AMENDING.finditer(text) if laws and "sửa đổi" in low else ()):
        # a law that amends others, named by them ("Luật sửa đổi, bổ sung một số điều của Luật Tổ
        # chức Chính phủ và Luật Tổ chức chính quyền địa phương"): one instrument, its whole name;
        # the laws it names are cited as they were
        end = _amended_laws_end(text, m.end())
        if end is None or any(a <= m.start() < b for a, b in taken):
            continue
        out.append(Found(m.start(), end, None, "Luật", None, None, None, None, " ".join(text[m.start():end].split()),
                          region, text[m.start():end], named=True))
        taken.append((m.start(), m.start() + 1))  # (its first words are no law's name of their own)
    for m in (_known_laws().finditer(text) if laws else ()):
        # a law known by name, however the words after its capital are ("Luật ngân sách nhà nước");
        # a code ("Bộ luật …") is LAW_NAME's below
        if any(a <= m.start() < b for a, b in taken):
            continue
        name = " ".join(m.group(0).split())
        out.append(Found(m.start(), m.end(), None, "Luật", None, None, None, None, name, region, m.group(0),
                          named=True))
        taken.append((m.start(), m.end()))
    for m in (_PROGRAMME.finditer(text) if programmes else ()):
        name = " ".join(m.group(0).split())
        if any(a <= m.start() < b for a, b in taken) or SYMBOL.search(name) or len(m.group("name").split()) < 3:
            continue
        out.append(Found(m.start(), m.end(), None, m.group("kind"), None, None, None, None, name, region,
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
        known = known_by_name(name)
        title = known.names[0] if known and known.names else " ".join(name.split())
        if known is None and len(m.group("name").split()) < 2:
            continue
        kind = "Bộ luật" if m.group("kind").startswith("Bộ") else m.group("kind")  # (a code printed "Bộ Luật")
        out.append(Found(m.start(), m.start() + len(name), None, kind, None, None, None, None, title,
                          region, text[m.start():m.start() + len(name)], named=True))
    joined: str | None = None  # the text lower-cased with its spaces collapsed, when needed
    for _first, head, alias, k in aliases:
        if joined is None:
            joined = " ".join(low.split())
        if head in joined:  # else its first words are not in the region: the pattern cannot match
            pattern = phrase(alias, before=r"(?<!\w)", after=PERIOD)
            for m in pattern.finditer(text):
                if any(a <= m.start() < b for a, b in taken) and subjects.outer(region, m.start()) is None:
                    continue
                period = m.group("period")
                if k.period and period and not _periods_overlap(period, k.period):
                    continue  # "… giai đoạn 2011-2020" is the strategy before, not this one
                out.append(Found(m.start(), m.end(), None, _name_type(alias), None, None, None, None,
                                  " ".join(m.group(0).split()), region, m.group(0), named=True))
                taken.append((m.start(), m.end()))
    if learned_here:
        # every learned name in one pattern, longest first: one pass over the text
        for m in _names_pattern(learned).finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            out.append(Found(m.start(), m.end(), None, _name_type(m.group(0)), None, None, None, None,
                              " ".join(m.group(0).split()).strip("“”\" "), region, m.group(0), named=True))
            taken.append((m.start(), m.end()))
    return out


def _constitution(region: Region, taken: list[tuple[int, int]]) -> list[Found]:
    """The Constitution named ("Hiến pháp năm 2013"): one instrument however it is printed (the
    2013 text, in force), its year kept when printed."""
    out: list[Found] = []
    for m in CONSTITUTION.finditer(region.text):
        if not any(a <= m.start() < b for a, b in taken):
            year = re.search(r"\d{4}", m.group(0))
            out.append(Found(m.start(), m.end(), None, "Hiến pháp", None, int(year.group(0)) if year else None, None, None,
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
    return re.compile(r"(?<!\w)" + _first_letters(keys) + r"(?:" + body + r")(?:[”\"]?" + PERIOD + r")?[”\"]?", re.IGNORECASE)


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
        pattern = phrase(name, after=r"(?!\w)")
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
def known_by_name(name: str) -> Known | None:
    key = match_key(name).replace(",", "")
    for a, k in _alias_keys():
        if key == a or key.startswith(a + " "):
            return k
    return None


def defined_short_names(region: Region, found: list[Found], short: dict[str, Found]) -> list[Found]:
    """"(viết tắt là Chỉ thị 11)": later mentions of the short name cite the instrument before it.
    ``found``: the citations found so far in this region."""
    out: list[Found] = []
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
