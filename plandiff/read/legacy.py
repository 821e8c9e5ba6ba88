"""Legacy Vietnamese encodings: Windows-1258, TCVN3 (ABC) and VNI.

Each candidate decoding is scored by how much of it is Vietnamese text; the best wins and its
name is reported so that a wrong guess is visible in ``meta.encoding``.
"""

from __future__ import annotations

import unicodedata

from ..textnorm import nfc

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
    return best[1], best[2]
