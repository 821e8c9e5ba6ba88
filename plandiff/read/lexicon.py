"""How often Vietnamese writes each syllable: a prior for putting displaced letters back.

Repairing a text whose letters a PDF tool displaced (``legacy.restore_displaced_letters``) may
find two spellings that are both Vietnamese syllables ("Y tế" or "Yết", "ứng" or "ngứ"); the more
frequent is the likelier. The frequencies (``plandiff/data/syllables.txt``) are wordfreq's for
Vietnamese (CC BY-SA 4.0, credited in the file), its one-syllable entries.
"""

from __future__ import annotations

import functools
from importlib import resources

COMMON_ZIPF = 7.0
"""A syllable this frequent (Zipf scale) or more is no rarer than any: "của", "và", "được"."""
RARE_SPAN = 4.0
"""Zipf points below ``COMMON_ZIPF`` over which a syllable grows rare: "tế" (6.1) is common,
"yết" (4.2) rare, one not listed rarer still."""


@functools.cache
def _zipf() -> dict[str, float]:
    """Each listed syllable (lower case, NFC) with its frequency (loaded on first use)."""
    text = resources.files("plandiff").joinpath("data/syllables.txt").read_text(encoding="utf-8")
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
