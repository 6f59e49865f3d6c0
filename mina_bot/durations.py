"""Durations people type («یک هفته», «۱۰ روز», «یک ماه») and how Mina says them back."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mina_bot.jalali import JalaliDateError, add_jalali_months
from mina_bot.persian import ZWNJ, normalize, persian_number, to_latin_digits


@dataclass(frozen=True)
class MonthSpan:
    """Whole Jalali calendar months; adding clamps the day to the target month's length."""

    months: int


Duration = dt.timedelta | MonthSpan

_UNITS = ("یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS = ("ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده")
# NUMBER_WORDS_FA[n] is the Persian word for n, 1 <= n <= 30.
NUMBER_WORDS_FA = ("", *_UNITS, *_TEENS, "بیست", *(f"بیست و {u}" for u in _UNITS), "سی")
_WORD_VALUES = {w.replace(" ", ""): n for n, w in enumerate(NUMBER_WORDS_FA) if w}
_WORD_VALUES |= {"یه": 1, "شیش": 6, "پونزده": 15, "شونزده": 16, "هیفده": 17, "هیجده": 18}

_UNIT_WORDS = {
    "روز": "day", "روزه": "day", "هفته": "week", "ماه": "month", "ماهه": "month",
    "سال": "year", "ساله": "year",
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year",
}
_LEADING = frozenset({"ظرف", "طی", "در", "تا", "حداکثر", "مدت", "به", "مهلت"})
# «یک هفته‌ای» arrives as «یک هفته ای»; «کاری» (working days) is deliberately not accepted.
_TRAILING = frozenset({"ای", "آینده", "دیگر", "بعد"})
_NO_DEADLINE = frozenset({"", "-", "–", "—", "_"})
_DIGIT_THEN_LETTER = re.compile(r"(\d)(?=[^\W\d_])")


def _number(words: list[str]) -> int | None:
    key = "".join(words)
    if re.fullmatch(r"[0-9]{1,4}", key):
        return int(key)
    return _WORD_VALUES.get(key)


def parse_duration(text: str) -> Duration:
    """«یک هفته» -> 7 days, «۱۰ روز» -> 10 days, «یک ماه» -> MonthSpan(1); words up to «سی»."""
    s = to_latin_digits(normalize(text)).lower().replace(ZWNJ, " ")
    tokens = _DIGIT_THEN_LETTER.sub(r"\1 ", s).strip(" .،,:؛()«»").split()
    while tokens and tokens[0] in _LEADING:
        tokens.pop(0)
    while tokens and tokens[-1] in _TRAILING:
        tokens.pop()
    unit = _UNIT_WORDS.get(tokens[-1]) if len(tokens) >= 2 else None
    n = _number(tokens[:-1]) if unit else None
    if not n:
        raise JalaliDateError("unknown_duration", text)
    if unit == "day":
        return dt.timedelta(days=n)
    if unit == "week":
        return dt.timedelta(weeks=n)
    return MonthSpan(n if unit == "month" else 12 * n)


def parse_time_frame(text: str) -> Duration | None:
    """A resolution's «بازه زمانی»: None for «-» or a blank cell (no fixed deadline)."""
    if normalize(text) in _NO_DEADLINE:
        return None
    return parse_duration(text)


def add_duration(d: dt.date, duration: str | Duration | int) -> dt.date:
    """``d`` plus a duration given as text, timedelta, MonthSpan or a number of days."""
    if isinstance(duration, str):
        duration = parse_duration(duration)
    if isinstance(duration, MonthSpan):
        return add_jalali_months(d, duration.months)
    if isinstance(duration, int):
        duration = dt.timedelta(days=duration)
    return d + duration


def _count_word(n: int) -> str:
    return NUMBER_WORDS_FA[n] if 0 < n < len(NUMBER_WORDS_FA) else persian_number(n)


def format_duration(duration: int | Duration, lang: str = "fa") -> str:
    """7 -> «یک هفته», 14 -> «دو هفته», 10 -> «۱۰ روز», 1 -> «یک روز», MonthSpan(1) -> «یک ماه»."""
    if lang not in ("fa", "en"):
        raise ValueError(f"lang must be 'fa' or 'en', got {lang!r}")
    if isinstance(duration, MonthSpan):
        n, unit_fa, unit_en = duration.months, "ماه", "month"
    else:
        days = duration.days if isinstance(duration, dt.timedelta) else duration
        if days < 0:
            raise ValueError("a duration cannot be negative")
        if days and days % 7 == 0:
            n, unit_fa, unit_en = days // 7, "هفته", "week"
        else:
            n, unit_fa, unit_en = days, "روز", "day"
    if lang == "en":
        return f"{n} {unit_en}" + ("" if n == 1 else "s")
    count = persian_number(n) if unit_fa == "روز" and n != 1 else _count_word(n)
    return f"{count} {unit_fa}"


def relative_days(due: dt.date, today: dt.date, lang: str = "fa") -> str:
    """«۳ روز مانده», «۲ روز گذشته», «امروز», «فردا» (en: 3 days left, 2 days overdue, ...)."""
    diff = (due - today).days
    if lang == "en":
        if diff in (0, 1):
            return ("today", "tomorrow")[diff]
        n = abs(diff)
        return f"{n} day{'' if n == 1 else 's'} " + ("left" if diff > 0 else "overdue")
    if lang != "fa":
        raise ValueError(f"lang must be 'fa' or 'en', got {lang!r}")
    if diff in (0, 1):
        return ("امروز", "فردا")[diff]
    return f"{persian_number(abs(diff))} روز " + ("مانده" if diff > 0 else "گذشته")
