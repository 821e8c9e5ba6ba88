"""Normalisation for matching only — stored text is never changed.

Old-style tone placement ("hoà", "uỷ") and new style ("hòa", "ủy") must compare equal; so must
case, punctuation and spacing variants.
"""

from __future__ import annotations

import re
import unicodedata

_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# only at the end of a syllable, and "uy" not after "q" (quý keeps its mark on y)
_OLD_TONE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TO_NEW) + r")(?![^\W\d_])")
_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_tones(text: str) -> str:
    """Old-style tone placement → new style, on lower-case NFC text."""
    return _OLD_TONE.sub(lambda m: _OLD_TO_NEW[m.group(1)], text)


def match_key(text: str) -> str:
    """Lower-case, NFC, new-style tones, single spaces."""
    return _SPACE.sub(" ", fold_tones(nfc(text).lower())).strip()


def words(text: str) -> list[str]:
    """Syllable tokens for matching: ``match_key`` without punctuation."""
    return _PUNCT.sub(" ", match_key(text)).split()
