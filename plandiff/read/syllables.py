"""Vietnamese syllables: how Vietnamese spells one, and how often it writes each.

A repair that must tell Vietnamese from noise asks whether a word is a syllable (``is_syllable``:
a legacy font's bytes read as Windows-1258 are not; ``is_whole_syllable``, stricter: a letter put
back where a PDF tool displaced it must make one as Vietnamese spells it), and, between two
spellings that both are, which is the more frequent (``zipf``, ``rarity``: wordfreq's frequencies
for Vietnamese, its one-syllable entries, CC BY-SA 4.0, credited in ``plandiff/data/syllables.txt``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..compiled import regex
from ..datafiles import read_text

SAMPLE_WORDS = 64
"""Words of a line that decide how it was typed: a line of a plan has a few dozen; a longer one
(a page run into one line) is decided on its first ones, in bounded time."""
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@functools.cache
def _syllable() -> re.Pattern[str]:
    """A Vietnamese syllable without its tone: initial, vowels, final (compiled on first use)."""
    return regex(
        r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
        # vowels that end their syllable ("hoài", "người"), those before "nh"/"ch" ("hoành",
        # "thích"), and those before any other final or none ("chuyên", "được", "tăng")
        r"(?:iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ua|ưa"
        r"|(?:oa|uê|uy|[aêiy])(?:nh|ch)"
        r"|(?:uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|oo|[aăâeêioôơuưy])(?:ng|[cmnpt])?)")


def is_syllable(word: str) -> bool:
    """Whether a lower-case word is one Vietnamese syllable (one tone at most; ``syllable_share``)."""
    nfd = unicodedata.normalize("NFD", word)
    toneless = "".join(ch for ch in nfd if ch not in _TONE_MARKS)
    return len(nfd) - len(toneless) <= 1 and bool(_syllable().fullmatch(unicodedata.normalize("NFC", toneless)))


@functools.cache
def _whole_syllable() -> re.Pattern[str]:
    """A Vietnamese syllable without its tone, as Vietnamese spells one: ``_syllable`` with the
    vowels that never end a syllable ("iê", "uô", "ươ", "ă", "â" …: "viê", "phươ", "pâ") before a
    final, those that take "nh"/"ch" for "ng"/"c" ("inh", "êch": never "ing", "êc"), and "y"
    alone with none (compiled on first use)."""
    return regex(
        r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
        r"(?:iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ua|ưa|uơ"
        r"|(?:oa|uê|uy|[aêi])(?:nh|ch)"
        r"|(?:uyê|iê|yê|uô|ươ|oă|uâ|oo|[ăâ])(?:ng|[cmnpt])"
        r"|(?:oa|oe|[aeoôuư])(?:ng|[cmnpt])?"
        r"|(?:uê|uy|[êiơ])[mnpt]?"
        r"|y)")


_STOPS = ("c", "ch", "p", "t")
_RISING_OR_HEAVY = frozenset("\u0301\u0323")


@functools.lru_cache(maxsize=1 << 16)
def is_whole_syllable(word: str) -> bool:
    """Whether a lower-case word is one Vietnamese syllable as Vietnamese spells one
    (``_whole_syllable``), its tone one a syllable closed by c, ch, p or t may carry (sắc or nặng:
    "việc", never "viềc"). The Central Highlands' names end in "k" ("Đắk Lắk"), read as "c"."""
    nfd = unicodedata.normalize("NFD", word)
    tones = [ch for ch in nfd if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in nfd if ch not in _TONE_MARKS))
    if toneless.endswith("k"):
        toneless = toneless[:-1] + "c"
    if not _whole_syllable().fullmatch(toneless):
        return False
    return not (tones and toneless.endswith(_STOPS) and tones[0] not in _RISING_OR_HEAVY)


def syllable_share(text: str) -> float:
    """The share of a text's words (its first ``SAMPLE_WORDS``) that are Vietnamese syllables (one
    tone at most, letters a syllable may hold in their order): near 1 for Vietnamese, low for a
    legacy font's bytes read as Windows-1252 ("ho¹ch") or decoded in the wrong encoding ("cửụứng")."""
    words = [w.strip(".,;:!?()[]{}\"'“”‘’-–/*…").lower() for w in text.split(None, SAMPLE_WORDS)[:SAMPLE_WORDS]]
    words = [w for w in words if w and not any("0" <= ch <= "9" for ch in w)]
    if not words:
        return 0.0
    return sum(map(is_syllable, words)) / len(words)


COMMON_ZIPF = 7.0
"""A syllable this frequent (Zipf scale) or more is no rarer than any: "của", "và", "được"."""
RARE_SPAN = 4.0
"""Zipf points below ``COMMON_ZIPF`` over which a syllable grows rare: "tế" (6.1) is common,
"yết" (4.2) rare, one not listed rarer still."""


@functools.cache
def _zipf() -> dict[str, float]:
    """Each listed syllable (lower case, NFC) with its frequency (loaded on first use)."""
    text = read_text("syllables.txt")
    out: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            out[word] = float(zipf)
    return out


def zipf(syllable: str) -> float:
    """How often Vietnamese writes ``syllable`` (lower case, NFC) on the Zipf scale (log10 of uses
    per billion words): 0 for one not listed; "k" ("Đắk") read as "c"."""
    got = _zipf().get(syllable)
    if got is None and syllable.endswith("k"):
        got = _zipf().get(syllable[:-1] + "c")
    return got or 0.0


def rarity(syllable: str) -> float:
    """How rarely Vietnamese writes ``syllable`` (lower case, NFC): 0 for the most frequent, 1 for
    one rarely written or not listed. The Central Highlands' "k" ("Đắk Lắk") reads as "c"."""
    z = zipf(syllable)
    return 1.0 if not z else min(1.0, max(0.0, (COMMON_ZIPF - z) / RARE_SPAN))
