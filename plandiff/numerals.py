"""Roman numerals, as plans number their sections and parts: used by the readers (Word's automatic
numbering) and by the parser (section labels)."""

from __future__ import annotations

import functools

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@functools.lru_cache(maxsize=512)
def roman_value(s: str) -> int | None:
    """"XIV" → 14; None unless ``s`` is a roman numeral written the canonical way. Asked of every
    section's and point's label: the answers of the few hundred labels a corpus uses are kept."""
    s = s.lower()
    if not s or any(c not in _ROMAN_VALUES for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN_VALUES[c]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    canonical = to_roman(total)
    return total if canonical == s.upper() else None


MAX_LABEL_NUMBER = 9999
"""Beyond this, a list's number is printed in digits whatever its format asks (Word's numbering,
a web page's list): Roman numerals and letters grow with the value (10¹¹ in Roman numerals is a
billion characters)."""


def to_roman(n: int) -> str:
    """14 → "XIV" (labels of sections and parts, Word's automatic numbering)."""
    out = []
    for v, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)
