"""Legacy Vietnamese encodings: Windows-1258, TCVN3 (ABC) and VNI.

Each candidate decoding is scored by how much of it is Vietnamese text; the best wins and its
name is reported so that a wrong guess is visible in ``meta.encoding``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from ..compiled import regex
from ..textnorm import nfc
from .syllables import syllable_share

VIETNAMESE = set(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
VIETNAMESE |= {c.upper() for c in VIETNAMESE}
MARKED = {c for c in VIETNAMESE if not c.isascii()}

# TCVN3 (ABC): one byte per precomposed lower-case letter; capitals reuse the lower-case toned
# letters and have bytes of their own only for Ă Â Ê Ô Ơ Ư Đ.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

def _cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


def decode_tcvn3(data: bytes) -> str:
    """Bytes outside the letter table (curly quotes, dashes) are the Windows-1252 ones the .VnTime
    fonts kept."""
    return "".join(_TCVN3.get(b) or (chr(b) if b < 0x80 else _cp1252(b)) for b in data)


# VNI Windows: a letter followed by modifier bytes (read here as their Windows-1252 characters):
# ù ø û õ ï the tones; â á à å ã ä a circumflex (with a tone) on a, e, o; ê é è ú ü ë a breve
# (with a tone) on a. Some letters are one byte: ô ơ, ö ư, ñ đ, í ì æ ó ò i with a tone, î ỵ.
_TONE = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VOWELS = set("aeiouyăâêôơư")


def decode_vni(data: bytes) -> str:
    out: list[str] = []
    for ch in data.decode("cp1252", errors="replace"):
        low = ch.lower()
        prev = out[-1] if out else ""
        base = unicodedata.normalize("NFD", prev)[:1].lower() if prev else ""
        mark = None
        if not prev or len(prev) != 1:
            pass
        elif low in _TONE and base in "aeiouy":
            mark = _TONE[low]
        elif low in _CIRC and prev.lower() in ("a", "e", "o"):
            mark = "\u0302" + _CIRC[low]
        elif low in _BREVE and prev.lower() == "a":
            mark = "\u0306" + _BREVE[low]
        if mark is not None:
            out[-1] = unicodedata.normalize("NFC", prev + mark)
        elif low in _VNI_SINGLE:
            single = _VNI_SINGLE[low]
            out.append(single.upper() if ch.isupper() else single)
        else:
            out.append(ch)
    return "".join(out)


def encode_vni(text: str) -> bytes:
    """For tests: Unicode → VNI Windows bytes."""
    rev_single = {v: k for k, v in _VNI_SINGLE.items()}
    rev_tone = {v: k for k, v in _TONE.items()}
    rev_circ = {v: k for k, v in _CIRC.items()}
    rev_breve = {v: k for k, v in _BREVE.items()}
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        upper = ch.isupper()
        low = ch.lower()
        if low in rev_single:
            piece = rev_single[low]
            out.append(piece.upper() if upper else piece)
            continue
        base, *marks = list(unicodedata.normalize("NFD", low))
        tone = next((m for m in marks if m in rev_tone), "")
        shape = [m for m in marks if m != tone]
        letter = unicodedata.normalize("NFC", base + "".join(shape))
        if letter in ("ơ", "ư"):
            piece = rev_single[letter] + (rev_tone[tone] if tone else "")
        elif "\u0302" in shape:
            piece = base + rev_circ[tone]
        elif "\u0306" in shape:
            piece = base + rev_breve[tone]
        elif tone and base in "aeiouy":
            piece = base + rev_tone[tone]
        else:
            piece = low
        out.append(piece.upper() if upper else piece)
    return "".join(out).encode("cp1252")


def encode_tcvn3(text: str) -> bytes:
    """For tests: the inverse of ``decode_tcvn3`` (capital toned letters become lower-case)."""
    rev = {v: k for k, v in _TCVN3.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch.isascii():
            out.append(ord(ch))
        elif ch in rev:
            out.append(rev[ch])
        elif ch.lower() in rev:
            out.append(rev[ch.lower()])
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                raise ValueError(f"{ch!r} has no TCVN3 byte") from None
    return bytes(out)


def score(text: str) -> float:
    """Share of letters that are Vietnamese, weighted towards marked letters; replacement chars cost."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    good = sum(1 for c in letters if c in VIETNAMESE)
    marked = sum(1 for c in letters if c in MARKED)
    bad = text.count("\ufffd") + sum(1 for c in letters if c not in VIETNAMESE)
    return (good + 0.5 * marked - 3 * bad) / len(letters)


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    candidates: list[tuple[float, str, str]] = []
    try:
        text = nfc(data.decode("cp1258"))
        candidates.append((score(text), text, "windows-1258"))
    except UnicodeDecodeError:
        pass
    for name, fn in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        text = nfc(fn(data))
        candidates.append((score(text), text, name))
    best = max(candidates, key=lambda c: c[0])
    if best[0] < 0.8:
        return None
    if best[2] == "tcvn3":  # its capitals came from a capitals' font: "Kế HOạCH" is "KẾ HOẠCH"
        return "\n".join(_capitals_restored(line) for line in best[1].split("\n")), "tcvn3"
    return best[1], best[2]


# Text typed in a legacy font: a Word file (or a PDF made from one) whose runs are set in a
# TCVN3 font (".VnTime", ".VnArialH") or a VNI one ("VNI-Times") holds the encoding's bytes as
# Windows-1252 characters ("KÕ ho¹ch") — the letters only the font draws. The font's name says
# which encoding; a TCVN3 font whose name ends in "H" draws every letter as a capital.


@functools.cache
def _font_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """TCVN3's and VNI's font names (compiled on first use, not at import)."""
    return regex(r"(?:^|\+)\.?Vn[A-Z]"), regex(r"(?:^|\+)VNI[-\s]", re.IGNORECASE)


def font_encoding(font: str | None) -> str | None:
    """"tcvn3", "tcvn3-caps" or "vni" for a legacy Vietnamese font's name; None for any other."""
    if not font:
        return None
    name = font.strip()
    tcvn3, vni = _font_names()
    if tcvn3.search(name):
        return "tcvn3-caps" if name.replace(" ", "").endswith("H") else "tcvn3"
    if vni.search(name):
        return "vni"
    return None


@functools.cache
def _bytes_of() -> dict[int, int]:
    """The byte each character a legacy font's text may hold stands for: its Windows-1252 byte,
    or the low byte of the private-use code (U+F0xx) Word gives a font it takes for a symbol font."""
    table = {b: b for b in range(0x80)}
    for b in range(0x80, 0x100):
        ch = _cp1252(b)
        if ch != "\ufffd":
            table[ord(ch)] = b
    table.update({0xF000 + b: b for b in range(0x100)})
    return table


@functools.cache
def _typed_line() -> re.Pattern[str]:
    """A text every character of which stands for a byte (``_bytes_of``): typed in a legacy font."""
    chars = "".join(re.escape(chr(c)) for c in sorted(_bytes_of()) if c >= 0x80)
    return regex(f"[\\x00-\\x7f{chars}]*")


@functools.cache
def _tcvn3_table() -> dict[int, str]:
    """TCVN3 decoding as a translation of characters: each is one byte, each byte one letter."""
    return {c: _TCVN3.get(b) or (chr(b) if b < 0x80 else _cp1252(b)) for c, b in _bytes_of().items() if c >= 0x80}


def decode_font_text(text: str, encoding: str) -> str:
    """Text typed in a legacy font (``font_encoding``'s name for it) as the Unicode letters the
    font draws; a character that stands for no byte (typed in Unicode) is kept as it is."""
    if encoding == "vni":
        table = _bytes_of()
        out: list[str] = []
        run = bytearray()
        for ch in text:
            b = table.get(ord(ch))
            if b is None:
                if run:
                    out.append(decode_vni(bytes(run)))
                    run.clear()
                out.append(ch)
            else:
                run.append(b)
        if run:
            out.append(decode_vni(bytes(run)))
        decoded = nfc("".join(out))
    else:
        decoded = nfc(text.translate(_tcvn3_table()))
    return decoded.upper() if encoding == "tcvn3-caps" else decoded


_TCVN3_SIGNS = "".join(sorted({_cp1252(b) for b in _TCVN3} - VIETNAMESE - {"\ufffd"}))
_VNI_SIGNS = "öïñøûåäëüæîÖÏÑØÛÅÄËÜÆÎ"
SIGNS = _TCVN3_SIGNS + _VNI_SIGNS
"""The characters a legacy font's bytes show as in Windows-1252 that no Vietnamese word holds
("¹" of "ho¹ch", "ï" of "hoaïch"): inside a word, text typed in a legacy font, its font lost."""


@functools.cache
def _signs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A sign anywhere, and a sign inside a word (compiled on first use, not at import). The soft
    hyphen (TCVN3's "ư") is no sign: web pages put it inside words typed in Unicode."""
    chars = re.escape(SIGNS.replace("\xad", ""))
    return regex(f"[{chars}]"), regex(f"(?<=\\w)[{chars}]|[{chars}](?=\\w)")


REPAIR_GAIN = 0.2
"""How much larger a share of a line's words must be Vietnamese syllables once decoded for the
line to be taken as typed in a legacy font (a line typed in Unicode gains nothing)."""
REPAIRED_SHARE = 0.6
"""The least share of a decoded line's words that must be Vietnamese syllables: a foreign name
with a sign ("Göttingen") does not become Vietnamese decoded."""


def repair_font_typed(text: str) -> str:
    """Lines typed in a TCVN3 or VNI font whose font was lost on the way (a PDF's text layer, a
    text copied out of one), read as the letters the font drew. A line is decoded when it holds
    a legacy font's sign inside a word, every character of it stands for a byte (a line in
    Unicode holds letters no legacy byte stands for) and far more of its words are Vietnamese
    syllables decoded; once ``DOCUMENT_LINES`` lines are, and most of those typed so, every
    line typed so that reads as well decoded is ("Sè: 14/KH-UBND"). Words a capitals' font drew
    are put back in capitals."""
    sign, signed_word = _signs()
    if not sign.search(text) or not signed_word.search(text):
        return text
    lines = text.split("\n")
    typed_line = _typed_line()
    typed = [i for i, line in enumerate(lines) if not line.isascii() and typed_line.fullmatch(line)]
    found = {i: got for i in typed if (got := _repaired_line(lines[i], signed_word)) is not None}
    encodings = Counter(encoding for _, encoding in found.values())
    for i, (decoded, _) in found.items():
        lines[i] = decoded
    if len(found) >= DOCUMENT_LINES and len(found) >= 0.6 * len(typed):
        encoding = encodings.most_common(1)[0][0]
        for i in typed:
            if i not in found:
                decoded = decode_font_text(lines[i], encoding)
                if syllable_share(decoded) >= syllable_share(lines[i]):
                    lines[i] = _capitals_restored(decoded)
    return "\n".join(lines)


DOCUMENT_LINES = 3
"""Lines decoded (each on its own evidence) from which the text is taken as typed in that legacy
font throughout, lines without a sign too."""


def _repaired_line(line: str, signed_word: re.Pattern[str]) -> tuple[str, str] | None:
    """The line decoded and its encoding, when it is typed in a legacy font on its own evidence."""
    if not signed_word.search(line):
        return None
    best, best_share = None, max(syllable_share(line) + REPAIR_GAIN, REPAIRED_SHARE)
    for encoding in ("tcvn3", "vni"):
        decoded = decode_font_text(line, encoding)
        if (share := syllable_share(decoded)) >= best_share:
            best, best_share = (decoded, encoding), share
        if best_share >= CLEAR_SHARE:
            break  # read as Vietnamese throughout: the other encoding cannot read it better
    return None if best is None else (_capitals_restored(best[0]), best[1])


CLEAR_SHARE = 0.95
"""A decoded line this much of Vietnamese syllables needs no other encoding tried."""


def _capitals_restored(line: str) -> str:
    """A capitals' font drew toned letters from the lower-case bytes ("HO¹CH" → "HOạCH"): a word
    whose other letters are capitals — two or more, or one in a line of capitals — is capitals."""
    if line.islower() or not any("A" <= c <= "Z" for c in line):
        return line  # no capital a font could have drawn: nothing to restore
    words = line.split(" ")
    caps = [_plain_capitals(w) for w in words]
    lettered = sum(1 for w in words if any(c.isalpha() for c in w))
    shouting = sum(1 for k in caps if k >= 2) >= max(1, lettered - 1)
    return " ".join(w.upper() if k >= 2 or (k == 1 and shouting) else w for w, k in zip(words, caps, strict=True))


def _plain_capitals(word: str) -> int:
    """How many ASCII letters a word has, all capitals; -1 when it has none or one in lower case."""
    plain = [c for c in word if "A" <= c <= "Z" or "a" <= c <= "z"]
    return len(plain) if plain and all(c <= "Z" for c in plain) else -1
