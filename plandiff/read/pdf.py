"""Read the text layer of a PDF with pypdf (pure Python, maintained, reports encryption; no
compiled dependency). Page headers and footers repeated on most pages and page numbers standing
alone are dropped by the clean stage; pages are separated by form feeds.

E-office systems leave the number and the day blank in the text ("Số:   /KH-UBND", "ngày   tháng")
and stamp them at signing as annotations or form-field values: what the rendered page shows there
is written back into the blank of the line it stands on.

A text layer drawn out of reading order (a font without Vietnamese letters, the missing ones drawn
after each line: "Th c hi n … ự ệ") is read again by glyph position (``pdf_layout``).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from typing import Any

from .. import errors
from ..compiled import regex
from ..parsing.lines import running_lines
from . import legacy
from .pdf_notes import Run, split_notes

MAX_PAGES = 2000
"""Pages read from a PDF: extraction time grows with them before the text budget applies."""


def extract_text(data: bytes, *, label: str = "input") -> tuple[str, str, frozenset[str], list[tuple[str, str]]]:
    """The text of the pages (separated by form feeds), every text run seen, the running lines
    (see ``running_lines``), and the footnotes set apart from the pages (``pdf_notes``)."""
    try:
        import pypdf
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise errors.MissingDependency(f"{label}: reading PDF needs pypdf: pip install 'plandiff[pdf]'") from exc
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise errors.EncryptedDocument(f"{label}: the PDF is encrypted; save an unprotected copy first") from exc
            if not ok:
                raise errors.EncryptedDocument(f"{label}: the PDF is encrypted with a password; save an unprotected copy first")
        if len(reader.pages) > MAX_PAGES:
            raise errors.InputTooLarge(f"{label}: {len(reader.pages):,} pages; a plan has tens (limit {MAX_PAGES:,})")
        seen: list[str] = []
        above: list[bool] = []
        drawn: list[list[Run]] = []
        pages = [_clean(_with_stamps(page, seen, above, drawn)) for page in reader.pages]
    except errors.PlanError:
        raise
    except Exception as exc:
        raise errors.CorruptDocument(f"{label}: damaged or truncated PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise errors.CorruptDocument(f"{label}: the PDF has no pages")
    if not any(p.strip() for p in pages):
        raise errors.NoTextLayer(f"{label}: the PDF has no text layer (a scan?); run OCR first")
    pages, notes = split_notes(pages, drawn)
    pages, seen = _letters(pages, seen)
    if notes:
        texts, _ = _letters([text for _, text in notes], [])
        notes = [(label, text) for (label, _), text in zip(notes, texts, strict=True)]
    broken = broken_share(pages)
    if broken >= GARBLED_SHARE:
        # drawn out of order (a font without Vietnamese letters, the missing ones drawn after each
        # line): read where the glyphs stand instead
        from .pdf_layout import pages_by_position

        pages, _ = _letters([_clean(p) for p in pages_by_position(data, label=label)], [])
        if broken_share(pages) >= GARBLED_SHARE:
            raise errors.GarbledTextLayer(
                f"{label}: the PDF's text layer holds accented letters apart from their words ({broken:.0%} of its words "
                "broken: a font without Vietnamese letters) even read by position; OCR it")
        return "\f".join(pages), _clean(" ".join(pages)), running_lines(pages), []
    if any(above):
        # a page drew text above its first line after it (Word's floating header table, drawn
        # after the body), or off the page: read the pages where their glyphs stand (those on
        # the page), stamps written in as before
        try:
            from .pdf_layout import lines_by_position

            placed = lines_by_position(data, label=label)
        except errors.MissingDependency:  # pragma: no cover - depends on the installation
            placed = None
        if placed is not None and len(placed) == len(reader.pages):
            stamps = [_stamps(page) for page in reader.pages]
            pages = [_clean(_stamped([t for _, t in lines], [y for y, _ in lines], st)) for lines, st in zip(placed, stamps, strict=True)]
            seen_now = [*(t for lines in placed for _, t in lines), *(value for st in stamps for value, _ in st)]
            pages, seen_now = _letters(pages, seen_now)
            return "\f".join(pages), _clean(" ".join(seen_now)), running_lines(pages), []
    return "\f".join(pages), _clean(" ".join(seen)), running_lines(pages), notes


def _letters(pages: list[str], seen: list[str]) -> tuple[list[str], list[str]]:
    """The pages' letters as their fonts drew them (``_font_letters``), and their syllables whole
    again where a glyph's width split them (``_rejoined``): what the reader saw is then the pages."""
    pages, seen = _font_letters(pages, seen)
    whole = [_rejoined(p) for p in pages]
    return (whole, list(whole)) if whole != pages else (pages, seen)


HOOKED = "ảẩẳẻểỉỏổởủửỷẢẨẲẺỂỈỎỔỞỦỬỶ"
"""The letters with a hook above."""
_SPLIT_AFTER_HOOK = regex(r"(?<![^\W\d_])([^\W\d_]*[" + HOOKED + r"]) (?:(ng|nh|ch|[aiouncmtpy]|NG|NH|CH|[AIOUNCMTPY])(?![^\W\d_])"
                               r"(?=(?:[ \t]+([^\W\d_]+))?)|(?=[,.;:)]))")
"""A syllable split after its vowel with a hook above ("củ a", "giả i", "đả o", "sả n", "Ủ Y BAN"),
and the word after it, or a mark after the gap ("các sở , ban"): some fonts draw the hook wider
than its advance, and a text layer puts a space in the gap."""
Y_WORDS = frozenset({"tế", "học", "khoa", "sĩ", "đức", "bác", "dược", "sinh", "tá", "lệnh", "án", "như", "hệt", "nguyên"})
"""What follows "y" where it is a word of its own ("hiệu quả y tế", "cả y học"), not the end of
"ủy", "xảy", "đẩy"."""


def _rejoined(page: str) -> str:
    """The page with syllables split after a hooked vowel joined again: only where the piece after
    the space is no word by itself (a lone "a", "i", "o", a final "n", "ng" …; "y" but in "y tế"
    and its like) and the two make one Vietnamese syllable ("cơ sở y tế" stays, "sởy" being none);
    and a mark after such a gap back against its word."""
    if " " not in page or not _HOOKED_SET.intersection(page):
        return page
    from .syllables import is_syllable

    def join(m: re.Match[str]) -> str:
        if m.group(2) is None:  # a mark after the gap: it closes the word before it
            return m.group(1)
        piece, whole = m.group(2), m.group(1) + m.group(2)
        if not (whole.islower() or whole.isupper() or whole[1:].islower()):  # "củ a", "TỈ NH", "Ủ y"; never "cả Y"
            return m.group(0)
        if piece in ("y", "Y") and (m.group(3) or "").lower() in Y_WORDS:
            return m.group(0)
        return whole if is_syllable(whole.lower()) else m.group(0)

    return _SPLIT_AFTER_HOOK.sub(join, page)


_HOOKED_SET = frozenset(HOOKED)


def _font_letters(pages: list[str], seen: list[str]) -> tuple[list[str], list[str]]:
    """The pages with lines set in a TCVN3 or VNI font ("KÕ ho¹ch") read as the letters the font
    drew (``legacy.repair_font_typed``; before the garble check, which such bytes would fail), and
    what the reader saw: then those pages themselves (the runs' bytes are not the plan's letters).
    The one place a PDF's text is so read: ``source`` does not read it again."""
    typed = [legacy.repair_font_typed(p) for p in pages]
    return (typed, list(typed)) if typed != pages else (pages, seen)


GARBLED_SHARE = 0.2
"""Share of lower-case words without a vowel beyond which a text layer is garbled: a Vietnamese
syllable always has one; a plan's text has at most 1–2% such words (units, a stray letter), a text
layer that drew its accented letters apart 35–40% ("Th c hi n … ự ệ")."""
_VOWELS = frozenset("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_WORD = regex(r"[^\W\d_]+")


def broken_share(pages: list[str]) -> float:
    """The share of lower-case words with no vowel (0 for a text of fewer than 200 words)."""
    import unicodedata

    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", "\n".join(pages))) if w.islower()]
    if len(words) < 200:
        return 0.0
    return sum(1 for w in words if _VOWELS.isdisjoint(w)) / len(words)


def _clean(text: str) -> str:
    """Lone surrogates (a broken text map) become U+FFFD: they cannot be printed or written."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


_SLOTS = (
    regex(r"(Số\s*[:.]?[ \t]*)(?=/)"),          # the number, before "/KH-UBND"
    regex(r"(ngày[ \t]+)(?=tháng)"),            # the day
    regex(r"(tháng[ \t]+)(?=năm)"),             # the month
)


ABOVE_FIRST = 24.0
"""Points above a page's first drawn text beyond which text drawn later is out of reading order
(two lines of body text: a table's right column drawn after its left starts level with it)."""


def _with_stamps(page: Any, seen: list[str], above: list[bool], drawn: list[list[Run]]) -> str:
    """The page's text with stamped values (FreeText annotations, form-field values) written into
    the blanks of the line they stand on; every text run it holds is added to ``seen``, to
    ``above`` whether text was drawn above the page's first text after it, and to ``drawn`` its
    runs with their heights and sizes."""
    runs: list[Run] = []

    def visit(t: str, cm: Any, tm: Any, _font: Any, size: Any) -> None:
        if t.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            try:
                points = float(size) * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            except (TypeError, ValueError):
                points = 0.0
            runs.append(Run(t.strip(), x, y, points))

    text = page.extract_text(visitor_text=visit) or ""
    drawn.append(runs)
    seen.extend(r.text for r in runs)
    on_page = _page_box(page)
    above.append(bool(runs) and (any(r.y > runs[0].y + ABOVE_FIRST for r in runs[1:])
                                 or any(not on_page(r.x, r.y) for r in runs)))
    stamps = _stamps(page)
    if not stamps:
        return text
    seen.extend(value for value, _ in stamps)
    lines = text.split("\n")
    for value, (_x0, y0, _x1, y1) in sorted(stamps, key=lambda s: (-s[1][1], s[1][0])):
        mid = (y0 + y1) / 2
        near = [r for r in runs if abs(r.y - mid) <= max(6.0, (y1 - y0))]
        if not near:
            continue
        anchor = min(near, key=lambda r: abs(r.y - mid)).text
        k = next((i for i, ln in enumerate(lines) if anchor[:20] in ln), None)
        if k is not None:
            lines[k] = _into_blank(lines[k], value)
    return "\n".join(lines)


def _page_box(page: Any) -> Callable[[float, float], bool]:
    """Whether a point stands on the page (its media box, a point of slack): text drawn off the
    page (a browser's print draws some fallback glyphs below its bottom) is not seen on it."""
    try:
        box = page.mediabox
        left, bottom, right, top = float(box.left), float(box.bottom), float(box.right), float(box.top)
    except Exception:  # noqa: BLE001 - a page without a usable box shows everything
        return lambda _x, _y: True
    return lambda x, y: left - 1 <= x <= right + 1 and bottom - 1 <= y <= top + 1


def _stamped(lines: list[str], heights: list[float], stamps: list[tuple[str, tuple[float, float, float, float]]]) -> str:
    """Lines read by position, with each stamped value written into the blank of the line that
    stands level with it (as ``_with_stamps`` does for the text in drawing order)."""
    lines = list(lines)
    for value, (_x0, y0, _x1, y1) in sorted(stamps, key=lambda s: (-s[1][1], s[1][0])):
        mid = (y0 + y1) / 2
        near = [k for k, y in enumerate(heights) if abs(y - mid) <= max(6.0, y1 - y0)]
        if not near:
            continue
        k = min(near, key=lambda k: abs(heights[k] - mid))
        lines[k] = _into_blank(lines[k], value)
    return "\n".join(lines)


def _into_blank(line: str, value: str) -> str:
    """The line with a stamped value written into its first blank ("Số:   /KH-UBND", "ngày   tháng")."""
    for slot in _SLOTS:
        m = slot.search(line)
        if m:
            return f"{line[:m.end()].rstrip()} {value} {line[m.end():].lstrip()}"
    return line


def _stamps(page: Any) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Short values a page shows outside its text layer: FreeText annotations and filled form
    fields (a number, a day), with their rectangles."""
    out: list[tuple[str, tuple[float, float, float, float]]] = []
    for ref in page.get("/Annots") or []:
        try:
            annot = ref.get_object()
            kind = annot.get("/Subtype")
            value = annot.get("/Contents") if kind == "/FreeText" else annot.get("/V") if kind == "/Widget" else None
            if value is None and kind == "/Widget" and annot.get("/Parent") is not None:
                value = annot["/Parent"].get_object().get("/V")
            rect = [float(v) for v in annot.get("/Rect", [])]
        except Exception:  # noqa: BLE001 - a damaged annotation shows nothing
            continue
        value = str(value).strip() if value is not None else ""
        if value and len(value) <= 12 and re.fullmatch(r"[\dA-Za-zĐđ./-]+", value) and len(rect) == 4:
            out.append((value, (min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3]))))
    return out
