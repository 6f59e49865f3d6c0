"""Iran's official calendar: the holidays of the Islamic Republic, solar and lunar (from the
maintained `holidays` package), with the organisation's own closures and worked days on top."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection
from dataclasses import dataclass

import holidays as official
from sqlmodel import Session

from mina_bot.weeks import FRIDAY, iranian_weekday
from storage.models import HolidayKind
from storage.repositories import holidays as holidays_repo


@dataclass(frozen=True)
class DayOff:
    """A day nothing falls due on and no reminder goes out."""

    date: dt.date
    name_fa: str
    name_en: str
    official: bool  # False: a closure of the organisation's own

    def name(self, lang: str) -> str:
        """The day's name in the reader's language."""
        return self.name_en if lang == "en" else self.name_fa


@functools.lru_cache(maxsize=8)
def _official_year(year: int) -> dict[dt.date, tuple[str, str]]:
    # The package computes a year's lunar dates on first use (milliseconds); a year never changes.
    fa = official.country_holidays("IR", years=year, language="fa_IR")
    en = official.country_holidays("IR", years=year, language="en_US")
    return {day: (fa[day].replace(";", "،"), en[day]) for day in fa}


def warm(today: dt.date) -> None:
    """Compute this year's and next year's official holidays now: the package takes about
    100 ms a year on first use, which would otherwise fall on someone's question."""
    for year in (today.year, today.year + 1):
        _official_year(year)


def official_holidays(start: dt.date, end: dt.date) -> dict[dt.date, tuple[str, str]]:
    """The official holidays in [start, end]: their Persian and English names."""
    found: dict[dt.date, tuple[str, str]] = {}
    for year in range(start.year, end.year + 1):
        found.update((d, names) for d, names in _official_year(year).items() if start <= d <= end)
    return found


def days_off(session: Session, start: dt.date, end: dt.date) -> dict[dt.date, DayOff]:
    """Every holiday in [start, end]: the official ones the organisation does not work on, and
    its own closures."""
    rows = [r for r in holidays_repo.every_row(session) if start <= r.date <= end]
    worked = {row.date for row in rows if row.kind == HolidayKind.WORKING}
    found = {d: DayOff(d, fa, en, official=True)
             for d, (fa, en) in official_holidays(start, end).items() if d not in worked}
    for row in rows:
        if row.kind == HolidayKind.CLOSURE:
            found[row.date] = DayOff(row.date, row.name, row.name, official=False)
    return dict(sorted(found.items()))


def is_day_off(day: dt.date, holidays: Collection[dt.date]) -> bool:
    """Whether nothing is due on `day`: a Friday, or one of `holidays` (see days_off)."""
    return iranian_weekday(day) == FRIDAY or day in holidays


def next_working_day(day: dt.date, holidays: Collection[dt.date]) -> dt.date:
    """`day` itself when it is a working day, else the first working day after it."""
    while is_day_off(day, holidays):
        day += dt.timedelta(days=1)
    return day


def holidays_from(session: Session, start: dt.date, days: int = 400) -> frozenset[dt.date]:
    """The days off (official holidays and closures) in the `days` from `start`."""
    return frozenset(days_off(session, start, start + dt.timedelta(days=days)))
