"""The Iranian week (Saturday to Friday) and the weekday numberings that meet in Mina.

Three numberings meet in this project; convert only through the functions here:
- Iranian (jdatetime ``weekday()``): 0 = Saturday ... 6 = Friday. Mina stores this one.
- Python ``date.weekday()``: 0 = Monday ... 6 = Sunday.
- PTB ``JobQueue.run_daily(days=...)``: 0 = Sunday ... 6 = Saturday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

SATURDAY, SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = range(7)

WEEKDAY_NAMES_FA = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")
WEEKDAY_NAMES_EN = (
    "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
)
# Friday is the only weekend day by default; offices closed on Thursday pass their own set.
DEFAULT_WORKING_DAYS = frozenset(range(SATURDAY, FRIDAY))


def _checked(day: int) -> int:
    if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6:
        raise ValueError(f"weekday must be an int in 0..6, got {day!r}")
    return day


def _as_date(d: dt.date) -> dt.date:
    return d.date() if isinstance(d, dt.datetime) else d


def iranian_weekday(d: dt.date) -> int:
    """Iranian weekday of a date: 0 = Saturday ... 6 = Friday."""
    return (d.weekday() + 2) % 7


def python_weekday_to_iranian(day: int) -> int:
    """Python weekday (0 = Monday) to Iranian (0 = Saturday)."""
    return (_checked(day) + 2) % 7


def iranian_to_python(day: int) -> int:
    """Iranian weekday (0 = Saturday) to Python (0 = Monday)."""
    return (_checked(day) + 5) % 7


def iranian_to_ptb(day: int) -> int:
    """Iranian weekday (0 = Saturday) to PTB run_daily (0 = Sunday)."""
    return (_checked(day) + 6) % 7


def ptb_to_iranian(day: int) -> int:
    """PTB run_daily weekday (0 = Sunday) to Iranian (0 = Saturday)."""
    return (_checked(day) + 1) % 7


def python_to_ptb(day: int) -> int:
    """Python weekday (0 = Monday) to PTB run_daily (0 = Sunday)."""
    return (_checked(day) + 1) % 7


def ptb_to_python(day: int) -> int:
    """PTB run_daily weekday (0 = Sunday) to Python (0 = Monday)."""
    return (_checked(day) + 6) % 7


def ptb_days(iranian_days: Iterable[int]) -> tuple[int, ...]:
    """Iranian weekdays as the sorted ``days`` tuple PTB's run_daily expects."""
    return tuple(sorted({iranian_to_ptb(d) for d in iranian_days}))


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


def is_working_day(
    d: dt.date,
    working_days: frozenset[int] = DEFAULT_WORKING_DAYS,
    holidays: frozenset[dt.date] = frozenset(),
) -> bool:
    """Whether ``d`` is a working day: its Iranian weekday is working and it is no holiday."""
    return iranian_weekday(d) in working_days and d not in holidays


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
