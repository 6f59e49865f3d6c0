"""A resolution's deadline cell read into a due date, a recurrence or «at the next session»."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass

from mina_bot.durations import MonthSpan, add_duration, parse_duration
from mina_bot.jalali import (
    MONTH_NAMES_FA,
    JalaliDateError,
    add_jalali_months,
    days_in_month,
    from_jalali,
    parse_date,
    to_jalali,
)
from mina_bot.minutes import vocabulary as vocab
from mina_bot.persian import ZWNJ, match_key, normalize, to_latin_digits
from mina_bot.weeks import FRIDAY, iranian_weekday

_DATE_REASONS = frozenset({"no_such_date", "month_out_of_range", "day_out_of_range",
                           "year_out_of_range", "weekday_mismatch"})
_LEADING = ("حداکثر", "نهایتا", "تا", "مورخ", "مورخه", "تاریخ", "در", "ظرف", "طی", "مهلت")
_DAY_FIRST = re.compile(r"\b(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\b")
_WORKING = re.compile(r"^(.+?)\s*روز\s*(?:کاری|اداری)$")
_HALF = re.compile(r"^(.+?)\s+و\s+نیم$")
_ONE_AND_HALF = re.compile(r"^(یک|1)\s+و\s+نیم\s+(\S+)$")
_MONTH_KEYS = {match_key(m): i for i, m in enumerate(MONTH_NAMES_FA, 1)} | {
    "امرداد": 5, "ابان": 8, "اذر": 9}


@dataclass(frozen=True)
class Deadline:
    """What a deadline cell says."""

    due: dt.date | None = None
    at_next_session: bool = False
    urgent: bool = False
    recurrence: str | None = None
    working_days: int | None = None


class DeadlineError(ValueError):
    """A deadline cell that is no form Mina knows; `key` is the catalog text to answer with."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def add_working_days(start: dt.date, n: int, holidays: Collection[dt.date] = ()) -> dt.date:
    """`start` plus `n` working days: Fridays and the given official holidays are skipped."""
    day, left = start, n
    while left > 0:
        day += dt.timedelta(days=1)
        if iranian_weekday(day) != FRIDAY and day not in holidays:
            left -= 1
    return day


def subject_recurrence(subject: str) -> str | None:
    """«weekly» when the subject asks for something every week, not when it names meetings."""
    words = normalize(subject).replace(ZWNJ, " ").split()
    keys = [match_key(w) for w in words]
    for i, key in enumerate(keys):
        if key == "هر" and keys[i + 1:i + 2] == ["هفته"]:
            return "weekly"
        if key == "هفتگی" and not (i and keys[i - 1] in vocab.MEETING_WORDS):
            return "weekly"
    return None


def _strip_leading(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    return " ".join(words)


def _end_of(rest: str, session_date: dt.date) -> dt.date | None:
    """«پایان سال», «پایان ماه», «پایان خرداد [۱۴۰۰]»: that period's last day."""
    words = [w for w in rest.split() if w not in ("ماه", "جاری", "همین", "سال")] or ["سال"]
    today = to_jalali(session_date)
    if rest.split()[0] == "سال" and len(words) <= 1:
        year = int(words[0]) if words[0].isdigit() else today.year
        return from_jalali(year, 12, days_in_month(year, 12))
    if rest.split()[0] == "ماه":
        return from_jalali(today.year, today.month, days_in_month(today.year, today.month))
    month = _MONTH_KEYS.get(match_key(words[0]).removesuffix("ماه"))
    if month is None:
        return None
    if len(words) > 1 and words[1].isdigit():
        year = int(words[1]) + (1300 if len(words[1]) == 2 and int(words[1]) >= 50 else
                                1400 if len(words[1]) == 2 else 0)
    else:
        year = today.year + (1 if month < today.month else 0)
    return from_jalali(year, month, days_in_month(year, month))


def _duration(text: str, session_date: dt.date) -> dt.date:
    if m := _ONE_AND_HALF.match(text):
        text = f"{m[1]} {m[2]} و نیم"
    if m := _HALF.match(text):
        duration = parse_duration(m[1])
        if isinstance(duration, MonthSpan):
            if m[1].split()[-1].startswith("سال"):
                return add_jalali_months(session_date, duration.months + 6)
            return add_jalali_months(session_date, duration.months) + dt.timedelta(days=15)
        half = 4 if duration.days % 7 == 0 else 1  # half a week or a day, rounded up
        return session_date + duration + dt.timedelta(days=half)
    return add_duration(session_date, parse_duration(text))


def read_deadline(cell: str, *, session_date: dt.date, next_session: dt.date | None,
                  holidays: Collection[dt.date] = ()) -> Deadline:
    """The deadline a cell gives (counted from the session's date); raises DeadlineError."""
    text = normalize(cell)
    key = match_key(text)
    if text in vocab.NO_DEADLINE:
        return Deadline()
    at_next = next_session or session_date + dt.timedelta(days=7)
    if any(w in key for w in vocab.URGENT_WORDS):
        return Deadline(due=at_next, at_next_session=True, urgent=True)
    if any(w in key for w in vocab.NEXT_SESSION_WORDS):
        return Deadline(due=at_next, at_next_session=True)
    for word, value in vocab.RECURRENCE_WORDS:
        if word in key:
            return Deadline(recurrence=value)
    plain = _strip_leading(to_latin_digits(text).replace(ZWNJ, " ").strip(" .،,:؛()«»"))
    plain = _DAY_FIRST.sub(lambda m: f"{m[4]}/{m[3]}/{m[1]}", plain)
    if plain.startswith("پایان "):
        try:
            due = _end_of(plain.removeprefix("پایان ").strip(), session_date)
        except JalaliDateError:
            raise DeadlineError("minutes.error.bad_date") from None
        if due is None:
            raise DeadlineError("minutes.error.bad_time_frame")
        return Deadline(due=due)
    if m := _WORKING.match(plain):
        try:
            n = parse_duration(f"{m[1]} روز").days
        except JalaliDateError:
            raise DeadlineError("minutes.error.bad_time_frame") from None
        return Deadline(due=add_working_days(session_date, n, holidays), working_days=n)
    try:
        return Deadline(due=_duration(plain, session_date))
    except JalaliDateError:
        pass
    try:
        return Deadline(due=parse_date(plain, session_date))
    except JalaliDateError as exc:
        raise DeadlineError("minutes.error.bad_date" if exc.reason in _DATE_REASONS
                            else "minutes.error.bad_time_frame") from None
