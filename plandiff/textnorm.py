"""Normalisation for matching only — stored text is never changed.

Old-style tone placement ("hoà", "uỷ") and new style ("hòa", "ủy") must compare equal; so must
case, punctuation and spacing variants.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

from .compiled import regex

_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# only at the end of a syllable, and "uy" not after "q" (quý keeps its mark on y). The pair comes
# first and the "q" is looked for behind it: a pattern that opens with a letter is searched for
# at C speed, one that opens with a look-behind is tried at every position (five times slower)
_OLD_TONE = regex(r"(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?<![qQ]..)(?![^\W\d_])")
_PUNCT = regex(r"[^\w\s]|_")


MARK_RUN = 32
"""Combining marks in a row beyond which a run is cut for normalisation. A Vietnamese letter
carries at most two; CPython's canonical reordering is quadratic in a run's length, so a run of
thousands (an attack, never text) is normalised in pieces of this size."""


@functools.cache
def _long_mark_run() -> re.Pattern[str]:
    marks = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)))
    return regex(f"[{re.escape(marks)}]{{{MARK_RUN + 1},}}")


CAPITALS = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
"""Vietnamese capitals, for a regex's character class: "À-Ỹ" would span the small letters too
("ủy", "ở" …), every code point between the first capital and the last."""
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width spaces and joiners, a byte-order mark inside the text, soft hyphens: web pages and
copied text carry them between (or inside) words; nothing a reader sees."""
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
"""Spaces other than U+0020 (a web page's &nbsp; above all): each is a plain space inside plandiff."""
_PLAIN = str.maketrans({**{c: " " for c in _SPACES}, **{c: None for c in INVISIBLE}})
NOT_PLAIN_CHARS = _SPACES + INVISIBLE
"""What ``plain_spaces`` replaces or removes."""
_NOT_PLAIN = regex(f"[{NOT_PLAIN_CHARS}]")


HYPHENS = str.maketrans({"–": "-", "‐": "-", "‑": "-", "−": "-"})

AS_VIETNAMESE_D = str.maketrans("Ðð", "Đđ")
"""The Icelandic "Ð"/"ð" (U+00D0/U+00F0) that some converters write for Vietnamese "Đ"/"đ", read
as the letters they stand for; ``AS_PRINTED_D`` gives them back."""
AS_PRINTED_D = str.maketrans("Đđ", "Ðð")


def icelandic_d(*texts: str) -> bool:
    """Whether ``texts`` type their "Đ"/"đ" with the Icelandic letter throughout: "Ð" or "ð" in them
    and no "Đ" or "đ" (a text that has both keeps its letters as they are)."""
    return any("Ð" in t or "ð" in t for t in texts) and not any("Đ" in t or "đ" in t for t in texts)
"""An en dash, a hyphen, a non-breaking hyphen or a minus where a document symbol has its hyphen
("14/KH–UBND": Word's autocorrect, a PDF): ``symbol.translate(HYPHENS)``."""


def plain_spaces(text: str) -> str:
    """Every space a plain space, the invisible characters gone (see ``INVISIBLE``). The text is
    only rewritten when it holds one (a scan in C; ``translate`` goes character by character)."""
    return text.translate(_PLAIN) if _NOT_PLAIN.search(text) else text


ESCAPED_BREAKS = 3
"""Escaped line breaks (the characters "\\r\\n" or "\\n") from which a text is taken to hold them."""
_ESCAPED_BREAK = regex(r"(?: *\\r\\n)+ *")
_ESCAPED_LINE = regex(r"\\r\\n|\\n")


def unescaped_breaks(text: str) -> str:
    """Line breaks a page or a scraper left escaped, as characters.

    - A text of one line holding escaped breaks ("KẾ HOẠCH\\nThực hiện …", a JSON string stored as
      it was): each is the line break it stands for (and "\\t" a tab).
    - A page whose text holds its source's line breaks escaped — "\\r\\n", as some portals print
      them ("CỘNG\\r\\n HÒA XÃ HỘI …", "số 1896/QĐ-TTg\\r\\nngày 25/12/2019") beside its own line
      breaks: those are the wraps of the page's source, inside a paragraph, so each run is a space
      (as the page's own line breaks are in HTML).

    A text with fewer than ``ESCAPED_BREAKS`` is left as it is (a path such as "C:\\reports\\new"
    is no break)."""
    if "\\" not in text:
        return text
    if "\n" not in text.strip() and len(_ESCAPED_LINE.findall(text)) >= ESCAPED_BREAKS:
        return _ESCAPED_LINE.sub("\n", text).replace("\\t", "\t")
    if text.count("\\r\\n") < ESCAPED_BREAKS:
        return text
    return _ESCAPED_BREAK.sub(" ", text)


def nfc(text: str) -> str:
    """NFC in time linear in the text: runs of combining marks longer than ``MARK_RUN`` are
    normalised piece by piece (their order within the run is all that can differ)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    runs = list(_long_mark_run().finditer(text))
    if not runs:
        return unicodedata.normalize("NFC", text)
    out: list[str] = []
    last = 0
    for m in runs:
        out.append(unicodedata.normalize("NFC", text[last:m.start()]))
        run = m.group()
        out.extend(unicodedata.normalize("NFC", run[k:k + MARK_RUN]) for k in range(0, len(run), MARK_RUN))
        last = m.end()
    out.append(unicodedata.normalize("NFC", text[last:]))
    return "".join(out)


def fold_tones(text: str) -> str:
    """Old-style tone placement → new style, on lower-case NFC text."""
    return _OLD_TONE.sub(lambda m: _OLD_TO_NEW[m.group(1)], text)


def single_spaced(text: str) -> str:
    """``" ".join(text.split())``: runs of white space as one space, no space at either end. A text
    with none to fold is returned as it is, found by a scan in C: in a printable text the only white
    space is U+0020 (every other space, tab, line or paragraph separator is unprintable), so no
    double space and no space at an end means nothing to fold."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def match_key(text: str) -> str:
    """Lower-case, NFC, new-style tones, single spaces."""
    return _short_key(text) if len(text) <= SHORT_KEY else _key(text)


def _key(text: str) -> str:
    return single_spaced(fold_tones(nfc(text).lower()))  # \s+ as one space, stripped


SHORT_KEY = 200
"""Headings, names and lines are keyed again and again (each stage asks); the keys of texts this
short are remembered, longer ones are not (memory stays bounded)."""


_short_key = functools.lru_cache(maxsize=16384)(_key)


def words(text: str) -> list[str]:
    """Syllable tokens for matching: ``match_key`` without punctuation."""
    return _PUNCT.sub(" ", match_key(text)).split()


def key_words(key: str) -> list[str]:
    """``words`` of a text already keyed (``match_key``'s output, with lower-case words put in or
    taken out): the key is not normalised again."""
    return _PUNCT.sub(" ", key).split()


_SEP = "\ue000"
"""A private-use character between texts, to normalise many texts in one pass."""


def words_each(texts: list[str]) -> list[list[str]]:
    """``words`` of each text, normalised in one pass over them all (a third of the cost of one
    pass per text for a plan's clauses)."""
    if any(_SEP in t for t in texts):
        return [words(t) for t in texts]
    parts = fold_tones(nfc(_SEP.join(texts)).lower()).split(_SEP)
    return [_PUNCT.sub(" ", part).split() for part in parts]
