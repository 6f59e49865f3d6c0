"""The Iranian week (Saturday to Friday), in the numbering Mina stores: jdatetime's ``weekday()``,
0 = Saturday ... 6 = Friday. Python's ``date.weekday()`` (0 = Monday) is converted only here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SATURDAY, SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = range(7)

WEEKDAY_NAMES_FA = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")
WEEKDAY_NAMES_EN = (
    "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
)


def _checked(day: int) -> int:
    if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6:
        raise ValueError(f"weekday must be an int in 0..6, got {day!r}")
    return day


def _as_date(d: dt.date) -> dt.date:
    return d.date() if isinstance(d, dt.datetime) else d


def iranian_weekday(d: dt.date) -> int:
    """Iranian weekday of a date: 0 = Saturday ... 6 = Friday."""
    return (d.weekday() + 2) % 7
















def week_start(d: dt.date) -> dt.date:
    """The Saturday on or before ``d`` (a date, also for a datetime)."""
    d = _as_date(d)
    return d - dt.timedelta(days=iranian_weekday(d))


def next_weekday(d: dt.date, day: int, *, strictly_after: bool = True) -> dt.date:
    """The first date after ``d`` (or on it, if not strictly) with Iranian weekday ``day``."""
    ahead = (_checked(day) - iranian_weekday(d)) % 7
    if ahead == 0 and strictly_after:
        ahead = 7
    return d + dt.timedelta(days=ahead)




@dataclass(frozen=True, order=True)
class IranianWeek:
    """A week from Saturday ``start`` to Friday ``end``."""

    start: dt.date

    def __post_init__(self) -> None:
        if iranian_weekday(self.start) != SATURDAY:
            raise ValueError(f"an Iranian week starts on Saturday, not {self.start}")

    @classmethod
    def of(cls, d: dt.date) -> IranianWeek:
        """The week containing ``d``."""
        return cls(week_start(d))

    @property
    def end(self) -> dt.date:
        """The Friday closing the week."""
        return self.start + dt.timedelta(days=6)

    def day(self, weekday: int) -> dt.date:
        """The date of Iranian weekday ``weekday`` in this week."""
        return self.start + dt.timedelta(days=_checked(weekday))

    def days(self) -> tuple[dt.date, ...]:
        """The seven dates, Saturday first."""
        return tuple(self.day(i) for i in range(7))

    def shifted(self, weeks: int) -> IranianWeek:
        """The week ``weeks`` weeks later (earlier if negative)."""
        return IranianWeek(self.start + dt.timedelta(weeks=weeks))

    def __contains__(self, d: object) -> bool:
        return isinstance(d, dt.date) and self.start <= _as_date(d) <= self.end
