"""Jalali dates: parsing what people type, formatting, month arithmetic and quarters.

Dates travel as Gregorian ``datetime.date``; the Jalali calendar lives only at the edges.
Pure functions: callers pass ``today``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import jdatetime

from mina_bot.persian import ZWNJ, normalize, to_latin_digits, to_persian_digits
from mina_bot.weeks import (
    WEEKDAY_NAMES_EN,
    WEEKDAY_NAMES_FA,
    IranianWeek,
    iranian_weekday,
    next_weekday,
)

# Years outside this range are refused, chiefly to catch a Gregorian «2021/04/26» typed by
# mistake. 1200..1599 covers Gregorian 1821..2221.
MIN_YEAR, MAX_YEAR = 1200, 1599
# Two-digit years: «۹۹» is 1399, «۰۵» is 1405 (yy < 50 -> 14yy, otherwise 13yy).
TWO_DIGIT_YEAR_PIVOT = 50

MONTH_NAMES_FA = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)
MONTH_NAMES_EN = (
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
)

# Why a text is not a date; handlers map each reason to a catalog text.
REASONS = (
    "empty",  # nothing typed
    "malformed",  # not a date form Mina knows
    "unknown_month",  # «۸ فلان ۹۹»
    "year_out_of_range",  # outside MIN_YEAR..MAX_YEAR, e.g. a Gregorian 2021
    "month_out_of_range",  # month not 1..12
    "day_out_of_range",  # day not 1..31
    "no_such_date",  # the month is shorter: ۱۴۰۰/۱۲/۳۰, ۳۱ مهر
    "weekday_mismatch",  # «سه‌شنبه ۱۴۰۰/۲/۶», which was a Monday
    "unknown_duration",  # not «یک هفته», «۱۰ روز», «یک ماه», ...
)


class JalaliDateError(ValueError):
    """Text that names no real Jalali date or duration; ``reason`` is one of REASONS."""

    def __init__(self, reason: str, text: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {text!r}" + (f" ({detail})" if detail else ""))
        self.reason = reason
        self.text = text
        self.detail = detail


def _key(word: str) -> str:
    return word.replace(ZWNJ, "").replace(" ", "").lower()


_MONTHS = {_key(n): i for ns in (MONTH_NAMES_FA, MONTH_NAMES_EN) for i, n in enumerate(ns, 1)}
_MONTHS |= {"امرداد": 5, "ابان": 8, "اذر": 9}
_WEEKDAYS = {_key(n): i for ns in (WEEKDAY_NAMES_FA, WEEKDAY_NAMES_EN) for i, n in enumerate(ns)}
_RELATIVE = {
    "امروز": 0, "فردا": 1, "پسفردا": 2, "دیروز": -1, "پریروز": -2,
    "today": 0, "tomorrow": 1, "yesterday": -1,
}
_FILLERS = frozenset({"تاریخ", "در", "مورخ", "مورخه", "روز", "تا", "به", "date"})
_NEXT = frozenset({"", "آینده", "بعد", "بعدی", "next"})
_NEXT_WEEK = frozenset({"هفتهبعد", "هفتهآینده", "هفتهبعدی", "هفتهدیگر", "nextweek"})
_THIS_WEEK = frozenset({"اینهفته", "همینهفته", "thisweek"})
_EDGE_PUNCTUATION = " ()[]«»\"'.,،:؛;!?؟"
_NUMERIC_RE = re.compile(r"(\d+)\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})")
_TEXTUAL_RE = re.compile(r"(\d{1,2})\s*([^\W\d_]+)(?:\s*ماه)?(?:\s*(?:سال\s*)?(\d+))?")


def to_jalali(d: dt.date) -> jdatetime.date:
    """The Jalali date of a Gregorian date (a datetime's own date)."""
    if isinstance(d, dt.datetime):
        d = d.date()
    return jdatetime.date.fromgregorian(date=d)


def is_leap_year(year: int) -> bool:
    """Whether Jalali ``year`` has 30 days in Esfand."""
    return jdatetime.date(year, 1, 1).isleap()


def days_in_month(year: int, month: int) -> int:
    """Length of a Jalali month: 31 for months 1-6, 30 for 7-11, 29 or 30 for Esfand."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    if month <= 6:
        return 31
    return 30 if month <= 11 or is_leap_year(year) else 29


def from_jalali(year: int, month: int, day: int, text: str = "") -> dt.date:
    """The Gregorian date of a Jalali y/m/d, or JalaliDateError saying what is wrong."""
    text = text or f"{year}/{month}/{day}"
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise JalaliDateError("year_out_of_range", text, f"year {year}")
    if not 1 <= month <= 12:
        raise JalaliDateError("month_out_of_range", text, f"month {month}")
    if not 1 <= day <= 31:
        raise JalaliDateError("day_out_of_range", text, f"day {day}")
    length = days_in_month(year, month)
    if day > length:
        raise JalaliDateError("no_such_date", text, f"{year}/{month} has {length} days")
    return jdatetime.date(year, month, day).togregorian()


def _year(digits: str, text: str) -> int:
    if len(digits) == 2:
        yy = int(digits)
        return (1400 if yy < TWO_DIGIT_YEAR_PIVOT else 1300) + yy
    if len(digits) == 4:
        return int(digits)
    raise JalaliDateError("malformed", text, "a year has 2 or 4 digits")


def _tokens(text: str) -> list[str]:
    s = to_latin_digits(normalize(text)).lower().replace(ZWNJ, " ")
    s = s.strip(_EDGE_PUNCTUATION).lstrip("-–—•* ")  # a list bullet before the date
    tokens = [t.strip(",،") for t in s.split()]
    return [t for t in tokens if t]


def _explicit_date(tokens: list[str], today: dt.date, text: str) -> dt.date:
    s = " ".join(tokens)
    if m := _NUMERIC_RE.fullmatch(s):
        return from_jalali(_year(m[1], text), int(m[3]), int(m[4]), text)
    if m := _TEXTUAL_RE.fullmatch(s):
        month = _MONTHS.get(m[2].removesuffix("ماه"))  # «مهرماه»
        if month is None:
            raise JalaliDateError("unknown_month", text, m[2])
        year = _year(m[3], text) if m[3] else to_jalali(today).year
        return from_jalali(year, month, int(m[1]), text)
    raise JalaliDateError("malformed", text)


def _take_weekday(tokens: list[str]) -> tuple[int | None, list[str]]:
    # «سه‌شنبه» arrives as «سه شنبه» once ZWNJs are spaces, so try two tokens first.
    if len(tokens) >= 2 and tokens[1] == "شنبه" and tokens[0] + "شنبه" in _WEEKDAYS:
        return _WEEKDAYS[tokens[0] + "شنبه"], tokens[2:]
    if tokens and tokens[0] in _WEEKDAYS:
        return _WEEKDAYS[tokens[0]], tokens[1:]
    return None, tokens


def parse_date(text: str, today: dt.date) -> dt.date:
    """Parse a date as people type it (see the forms below) into a Gregorian date.

    Forms: «۱۴۰۰/۰۱/۲۲», «1400-1-22», «۹۹/۱۲/۲۵», «۲۲ دی ۹۹», «۸ بهمن» (this Jalali year),
    «امروز», «فردا», «پس‌فردا», «دیروز»; a weekday «دوشنبه» / «دوشنبه آینده» / «دوشنبه بعد»
    is the next one strictly after today, «دوشنبه هفته بعد» the one in next Iranian week,
    «دوشنبه این هفته» the one in this week; a weekday before a date must agree with it.
    A leading «تاریخ» / «مورخ» is ignored. Raises JalaliDateError.
    """
    tokens = _tokens(text)
    if not tokens:
        raise JalaliDateError("empty", text)
    while len(tokens) > 1 and tokens[0] in _FILLERS:
        tokens = tokens[1:]
    if (shift := _RELATIVE.get("".join(tokens))) is not None:
        return today + dt.timedelta(days=shift)
    weekday, tokens = _take_weekday(tokens)
    if weekday is None:
        return _explicit_date(tokens, today, text)
    rest = "".join(tokens)
    if rest in _NEXT:
        return next_weekday(today, weekday)
    if rest in _NEXT_WEEK:
        return IranianWeek.of(today).shifted(1).day(weekday)
    if rest in _THIS_WEEK:
        return IranianWeek.of(today).day(weekday)
    d = _explicit_date(tokens, today, text)
    if iranian_weekday(d) != weekday:
        actual = WEEKDAY_NAMES_FA[iranian_weekday(d)]
        raise JalaliDateError("weekday_mismatch", text, f"that date is a {actual}")
    return d


def parse_jalali_ymd(text: str) -> dt.date:
    """Strict «1400/01/30» (either digit style), as the CLI takes it."""
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", to_latin_digits(text.strip()), re.ASCII)
    if m is None:
        raise JalaliDateError("malformed", text, "expected YYYY/MM/DD")
    return from_jalali(int(m[1]), int(m[2]), int(m[3]), text)


def _localise(text: str, lang: str) -> str:
    if lang == "fa":
        return to_persian_digits(text)
    if lang == "en":
        return text
    raise ValueError(f"lang must be 'fa' or 'en', got {lang!r}")


# A page of duties shows the same few dates again and again; converting each was most of the
# cost of rendering a member's first «what do I owe?».
@functools.lru_cache(maxsize=4096)
def format_date(d: dt.date, lang: str = "fa", style: str = "short") -> str:
    """«۱۴۰۰/۰۲/۰۶» (short), «۶ اردیبهشت ۱۴۰۰» (long), «دوشنبه ۶ اردیبهشت ۱۴۰۰» (weekday_long)."""
    j = to_jalali(d)
    if style == "short":
        return _localise(f"{j.year:04d}/{j.month:02d}/{j.day:02d}", lang)
    if style not in ("long", "weekday_long"):
        raise ValueError(f"unknown date style {style!r}")
    months = MONTH_NAMES_FA if lang == "fa" else MONTH_NAMES_EN
    text = f"{j.day} {months[j.month - 1]} {j.year}"
    if style == "weekday_long":
        weekdays = WEEKDAY_NAMES_FA if lang == "fa" else WEEKDAY_NAMES_EN
        text = f"{weekdays[iranian_weekday(d)]} {text}"
    return _localise(text, lang)


def format_time(t: dt.time | dt.datetime, lang: str = "fa") -> str:
    """«۱۰:۰۰»: hours and minutes, zero-padded."""
    return _localise(f"{t.hour:02d}:{t.minute:02d}", lang)


def format_datetime(
    moment: dt.datetime, tz: dt.tzinfo, lang: str = "fa", style: str = "short"
) -> str:
    """«۱۴۰۰/۰۲/۰۶ ۱۰:۰۰»: an aware datetime shown in ``tz``."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("format_datetime needs an aware datetime")
    local = moment.astimezone(tz)
    return f"{format_date(local.date(), lang, style)} {format_time(local, lang)}"


def jalali_ymd(d: dt.date) -> str:
    """«1400/02/06»: Jalali with Latin digits, for JSON and logs."""
    return format_date(d, "en", "short")


def add_jalali_months(d: dt.date, n: int) -> dt.date:
    """``d`` plus ``n`` Jalali months, the day clamped to the month's length (۳۱/۶ + 1 = ۳۰/۷)."""
    j = to_jalali(d)
    year, month0 = divmod(j.year * 12 + j.month - 1 + n, 12)
    day = min(j.day, days_in_month(year, month0 + 1))
    return jdatetime.date(year, month0 + 1, day).togregorian()


def jalali_quarter(d: dt.date) -> tuple[int, int]:
    """(Jalali year, quarter 1-4) of ``d``; quarters are months 1-3, 4-6, 7-9, 10-12."""
    j = to_jalali(d)
    return j.year, (j.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian dates of a Jalali quarter, both inclusive."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1..4, got {quarter}")
    last_month = quarter * 3
    start = jdatetime.date(year, last_month - 2, 1).togregorian()
    end = jdatetime.date(year, last_month, days_in_month(year, last_month)).togregorian()
    return start, end
