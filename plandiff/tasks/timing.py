"""When a task is due: a deadline ("trước ngày 15/12/2026" → 2026-12-15) or a period kept as
printed ("Quý II/2026", "tháng 11/2026", "hằng năm", "thường xuyên"), with its date range where it
is one. Only deadlines the text states are read: a date that names an instrument ("Kế hoạch … ngày
12/01/2024") is no deadline."""

from __future__ import annotations

import datetime
import re

from ..compiled import regex


def _last_day(year: int, month: int) -> int:
    """The month's number of days (``calendar.monthrange``'s, without loading ``calendar``: some 2 ms
    of every command that reads duties)."""
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


_DATE = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d\d)"
_DATE_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d\d)"
_DEADLINE = regex(
    r"(?:trước|chậm nhất(?:\s+là)?|hạn chót|không quá|không muộn hơn|hoàn thành trước|xong trước"
    r"|(?:thời\s+)?hạn(?:\s+hoàn\s+thành)?\s*:|thời gian hoàn thành\s*:)\s*(?:ngày\s*)?(?:" + _DATE + "|" + _DATE_WORDS + ")",
    re.IGNORECASE,
)
_ANY_DATE = regex(r"(?:ngày\s*)?(?:" + _DATE + "|" + _DATE_WORDS + ")", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = regex(r"[Qq]uý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|[Nn]ăm\s+|,\s*)\s*(?P<y>(?:19|20)\d\d)")
_MONTH = regex(r"(?<!\d )tháng\s+(?P<m>\d{1,2})\s*(?:/|năm\s+)\s*(?P<y>(?:19|20)\d\d)", re.IGNORECASE)
""""tháng 11/2025", "tháng 3 năm 2026", and "ngày tháng 11/2025" (a day left blank), not the month
of a date ("ngày 5 tháng 11 năm 2025")."""
_MONTH_SPAN = regex(r"(?P<named>tháng\s+)?(?P<m>\d{1,2})\s*[-–]\s*(?P<m_end>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d\d)(?!\s*[/.-]\s*\d)",
                         re.IGNORECASE)
""""tháng 10-11/2019", and in a time column "10-11/2019", "01-4/2021": months of a year (a date
writes its day and month alike, "10/11/2019", not a dash then a slash), the first before the last."""
_HALF = regex(r"(?:6|06|sáu)\s+tháng\s+(?P<which>đầu|cuối)\s+năm\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE)
_RECURRING = regex(r"(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)|thường xuyên|định kỳ(?:\s+(?:hằng|hàng))?(?:\s+(?:năm|quý|tháng|06 tháng|6 tháng))?|cả năm|liên tục", re.IGNORECASE)
_EACH_PERIOD = regex(
    r"(?:trước|chậm nhất(?:\s+là)?|hạn chót|không quá|không muộn hơn)\s*(?:ngày\s*)?"
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}(?!\s*[/.-]\s*\d)|\d{1,2}\s+tháng\s+\d{1,2}(?!\s+năm\s+\d)|\d{1,2}|"
    r"\d{1,2}\s+(?:của\s+)?tháng\s+(?:cuối|đầu)\s+quý)\s*(?:của\s+)?(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng)",
    re.IGNORECASE)
""""trước ngày 15/11 hằng năm", "trước ngày 20 hằng tháng": a deadline each period, kept as printed."""
_YEARLESS = regex(
    r"(?:trước|chậm nhất(?:\s+là)?|hạn chót|không quá|không muộn hơn)\s*(?:ngày\s*)?"
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}(?!\s*[/.-]?\s*\d)|\d{1,2}\s+tháng\s+\d{1,2}(?!\s*(?:năm\s+)?\d))",
    re.IGNORECASE)
""""trước ngày 15/12" with no year: a deadline the text does not date, kept as printed (the plan's
year is no sure guess: a plan of December sets January's tasks)."""
_DAY_SPAN = regex(
    r"(?P<from>từ\s+)?(?:ngày\s*)?(?P<d1>\d{1,2})\s*(?:[/.]|\s+tháng\s+)\s*(?P<m1>\d{1,2})"
    r"(?:\s*(?:[/.]|\s+năm\s+)\s*(?P<y1>(?:19|20)\d\d))?\s*(?:[-–]|đến(?:\s+hết)?|tới)\s*(?:ngày\s*)?"
    r"(?P<d2>\d{1,2})\s*(?:[/.]|\s+tháng\s+)\s*(?P<m2>\d{1,2})\s*(?:[/.]|\s+năm\s+)\s*(?P<y2>(?:19|20)\d\d)",
    re.IGNORECASE)
""""từ ngày 15/11 đến ngày 15/12/2025" (the Month of Action), "từ 01/3/2026 đến 31/3/2026", and in a
time column "15/11-15/12/2025": the days between, the first's year the last's where it prints none
(a span over the new year, "từ 15/12 đến 15/01/2026", begins the year before)."""
_EACH_YEARS_DAYS = regex(
    r"từ\s+(?:ngày\s*)?\d{1,2}\s*(?:[/.]|\s+tháng\s+)\s*\d{1,2}\s*(?:[-–]|đến(?:\s+hết)?|tới)\s*(?:ngày\s*)?"
    r"\d{1,2}\s*(?:[/.]|\s+tháng\s+)\s*\d{1,2}\s+(?:hằng|hàng|mỗi)\s+năm", re.IGNORECASE)
""""từ ngày 15/11 đến ngày 15/12 hằng năm": the same days each year, kept as printed."""
_DIGIT = regex(r"\d")
_A_DATE = regex("(?:" + _DATE + "|" + _DATE_WORDS + ")", re.IGNORECASE)
"""What a deadline cannot be without."""
_TO = regex(r"\s*(?:[-–—]|đến(?:\s+hết)?|tới|và)\s*(?:(?:hết|cuối)\s+)?", re.IGNORECASE)
"""What stands between the two ends of a range ("Quý IV/2025 - Quý II/2026", "tháng 11/2025 đến
tháng 3/2026"), or between two periods that follow each other ("Quý IV/2025 và Quý I/2026")."""
_BARE_MONTH = regex(r"^(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d\d)$")
_YEAR = regex(r"^(?:năm\s+)?(?P<a>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<b>(?:19|20)\d\d))?$", re.IGNORECASE)


def when(text: str, *, whole: bool = False) -> tuple[str | None, str | None, tuple[str, str] | None]:
    """(deadline, period, period_dates) stated in ``text``. With ``whole`` (a table's time
    column) the text is all about time: any date is the deadline and a bare year is a period."""
    if whole:
        return _when(text, whole)
    # each pattern asked only of a text holding what it cannot match without (a number, a date,
    # its key word): most task texts are asked one or two searches, not six
    if not _DIGIT.search(text):
        r = _RECURRING.search(text)
        return (None, r.group(0), None) if r else (None, None, None)
    low = text.lower()
    m = _DEADLINE.search(text) if _A_DATE.search(text) else None
    if m:
        iso = _iso(m)
        if iso:
            return iso, None, None
    if "từ" in low:
        days = _day_span(text, False)
        if days is not None:
            return days
    if "quý" in low or "tháng" in low:
        found = _month_span(text, False) or _periods(text)
        if found:
            return found
    each = any(w in low for w in ("hằng", "hàng", "mỗi"))
    r = ((_EACH_YEARS_DAYS.search(text) or _EACH_PERIOD.search(text) if each else None) or _RECURRING.search(text)
         or _YEARLESS.search(text))
    return (None, r.group(0), None) if r else (None, None, None)


def _when(text: str, whole: bool) -> tuple[str | None, str | None, tuple[str, str] | None]:
    """``when`` by every pattern in turn."""
    # (in a time column, "15/11-15/12/2025" is days, not a date; in a text, a deadline comes first)
    span = _month_span(text, whole) or (_day_span(text, whole) if whole else None)
    if span is not None:
        return (None, " ".join(text.split()), span[2]) if whole else span
    m = _DEADLINE.search(text) or (_ANY_DATE.search(text) if whole else None)
    if m:
        iso = _iso(m)
        if iso:
            return iso, None, None
    found = None if whole else _day_span(text, False)
    if found:
        return found
    found = _periods(text)
    if found:
        # a table's time column is all about time: kept as printed, with what it adds ("Tháng
        # 11/2025 (sau khi … ban hành Hướng dẫn)")
        return (None, " ".join(text.split()), found[2]) if whole else found
    if whole:
        bare = _BARE_MONTH.match(text.strip())
        if bare and 1 <= int(bare.group("m")) <= 12:  # a time column's "12/2019": that month
            year, month = int(bare.group("y")), int(bare.group("m"))
            return None, text.strip(), (f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{_last_day(year, month):02d}")
        y = _YEAR.match(text.strip())
        if y:
            a, b = int(y.group("a")), int(y.group("b") or y.group("a"))
            return None, text.strip(), (f"{a:04d}-01-01", f"{b:04d}-12-31")
    r = _EACH_YEARS_DAYS.search(text) or _EACH_PERIOD.search(text) or _RECURRING.search(text) or _YEARLESS.search(text)
    if r:
        return None, (text.strip() if whole else r.group(0)), None
    if whole and text.strip():
        return None, text.strip(), None
    return None, None, None


def _month_span(text: str, whole: bool) -> tuple[None, str, tuple[str, str]] | None:
    """The months "tháng 10-11/2019" name (in a time column, "10-11/2019" too), as printed with
    their date range; None where there are none."""
    m = _MONTH_SPAN.search(text)
    if m is None or not (whole or m.group("named")):
        return None
    first, last, year = int(m.group("m")), int(m.group("m_end")), int(m.group("y"))
    if not 1 <= first < last <= 12:
        return None
    return None, m.group(0), (f"{year:04d}-{first:02d}-01", f"{year:04d}-{last:02d}-{_last_day(year, last):02d}")


def _day_span(text: str, whole: bool) -> tuple[None, str, tuple[str, str]] | None:
    """The days "từ ngày 15/11 đến ngày 15/12/2025" names (in a time column, without its "từ"), as
    printed with their date range; None where there are none or they run backwards."""
    m = _DAY_SPAN.search(text)
    if m is None or not (whole or m.group("from")):
        return None
    last_year = int(m.group("y2"))
    first_month, last_month = int(m.group("m1")), int(m.group("m2"))
    first_year = int(m.group("y1")) if m.group("y1") else last_year - (first_month > last_month)
    try:
        start = datetime.date(first_year, first_month, int(m.group("d1")))
        end = datetime.date(last_year, last_month, int(m.group("d2")))
    except ValueError:
        return None
    if end < start:
        return None
    printed = m.group(0)[len(m.group("from") or ""):] if whole else m.group(0)
    return None, printed.strip(), (start.isoformat(), end.isoformat())


def _periods(text: str) -> tuple[None, str, tuple[str, str] | None] | None:
    """The first quarter, month or half-year the text names, as printed with its date range; or a
    range of two ("Quý IV/2025 - Quý II/2026", "từ tháng 11/2025 đến tháng 3/2026"): from the
    first's start to the second's end, printed whole."""
    found = [m for p in (_QUARTER, _MONTH, _HALF) if (m := p.search(text))]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    span = _range(first)
    to = _TO.match(text, first.end())
    if to and span:
        last = next((m for p in (_QUARTER, _MONTH, _HALF) if (m := p.match(text, to.end()))), None)
        end = _range(last) if last else None
        # a range runs forward; two periods joined by "và" are one only where the second follows on
        joined = "và" in to.group(0).lower()
        if last and end and end[1] >= span[0] and (not joined or _next_day(span[1]) == end[0]):
            return None, text[first.start():last.end()], (span[0], end[1])
    return None, first.group(0), span


def _next_day(iso: str) -> str:
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=1)).isoformat()


def _iso(m: re.Match[str]) -> str | None:
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    day, month, year = int(d), int(mo), int(y)
    if 1 <= month <= 12 and 1 <= day <= _last_day(year, month):
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _range(m: re.Match[str]) -> tuple[str, str] | None:
    year = int(m.group("y"))
    groups = m.groupdict()
    if groups.get("q"):
        q = _ROMAN[m.group("q").lower()]
        first, last = 3 * q - 2, 3 * q
    elif groups.get("which"):
        first, last = (1, 6) if m.group("which").lower() == "đầu" else (7, 12)
    else:
        first = last = int(m.group("m"))
        if not 1 <= first <= 12:
            return None
    return f"{year:04d}-{first:02d}-01", f"{year:04d}-{last:02d}-{_last_day(year, last):02d}"
