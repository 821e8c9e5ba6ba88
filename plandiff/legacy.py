"""Legacy Vietnamese encodings: Windows-1258, TCVN3 (ABC) and VNI.

Each candidate decoding is scored by how much of it is Vietnamese text; the best wins and its
name is reported so that a wrong guess is visible in ``meta.encoding``.
"""

from __future__ import annotations

import unicodedata

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

# VNI: a base letter followed by one or two ASCII-range accent bytes.
_VNI_BASE = {0xF4: "ô", 0xD4: "Ô", 0xF6: "ơ", 0xD6: "Ơ", 0xF8: "ư", 0xD8: "Ư", 0xF1: "đ", 0xD1: "Đ"}
_VNI_ACCENT = {
    0xF8: "\u0300", 0xD8: "\u0300",  # huyền
    0xF9: "\u0301", 0xD9: "\u0301",  # sắc
    0xFB: "\u0309", 0xDB: "\u0309",  # hỏi
    0xF5: "\u0303", 0xD5: "\u0303",  # ngã
    0xEF: "\u0323", 0xCF: "\u0323",  # nặng
    0xE2: "\u0302", 0xC2: "\u0302",  # mũ (â ê ô)
    0xEA: "\u0306", 0xCA: "\u0306",  # trăng (ă)
    0xEB: "\u0306\u0300", 0xCB: "\u0306\u0300",  # ằ
    0xEC: "\u0306\u0301", 0xCC: "\u0306\u0301",  # ắ
    0xED: "\u0306\u0309", 0xCD: "\u0306\u0309",  # ẳ
    0xEE: "\u0306\u0303", 0xCE: "\u0306\u0303",  # ẵ
    0xE1: "\u0306\u0323", 0xC1: "\u0306\u0323",  # ặ
    0xE0: "\u0302\u0300", 0xC0: "\u0302\u0300",  # ầ
    0xE5: "\u0302\u0301", 0xC5: "\u0302\u0301",  # ấ
    0xE4: "\u0302\u0309", 0xC4: "\u0302\u0309",  # ẩ
    0xE3: "\u0302\u0303", 0xC3: "\u0302\u0303",  # ẫ
    0xE6: "\u0302\u0323", 0xC6: "\u0302\u0323",  # ậ
}
_VNI_SINGLE = {0xD2: "ị", 0xF2: "ị", 0xC6: "Ị", 0xE6: "ỉ", 0xD3: "ĩ", 0xF3: "ĩ"}


def _cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


def decode_tcvn3(data: bytes) -> str:
    """Bytes outside the letter table (curly quotes, dashes) are the Windows-1252 ones the .VnTime
    fonts kept."""
    return "".join(_TCVN3.get(b) or (chr(b) if b < 0x80 else _cp1252(b)) for b in data)


def decode_vni(data: bytes) -> str:
    out: list[str] = []
    for b in data:
        accent = _VNI_ACCENT.get(b)
        if accent is not None and out and out[-1][-1:].lower() in "aeiouyôơư" + "AEIOUY":
            out[-1] = unicodedata.normalize("NFC", out[-1] + accent)
        elif b in _VNI_BASE:
            out.append(_VNI_BASE[b])
        elif b < 0x80:
            out.append(chr(b))
        else:
            out.append(_VNI_SINGLE.get(b, "\ufffd"))
    return "".join(out)


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
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
        candidates.append((score(text), text, "windows-1258"))
    except UnicodeDecodeError:
        pass
    for name, fn in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        text = unicodedata.normalize("NFC", fn(data))
        candidates.append((score(text), text, name))
    best = max(candidates, key=lambda c: c[0])
    if best[0] < 0.8:
        return None
    return best[1], best[2]
