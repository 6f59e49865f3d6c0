"""The Iranian week, Saturday to Friday, and its weekday numbering."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mina_bot.weeks import (
    FRIDAY,
    MONDAY,
    SATURDAY,
    WEEKDAY_NAMES_EN,
    WEEKDAY_NAMES_FA,
    IranianWeek,
    iranian_weekday,
    next_weekday,
    week_start,
)

D = dt.date
DATES = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 1, 1))


@pytest.mark.parametrize(
    ("d", "iranian", "name_fa", "name_en"),
    [
        (D(2021, 4, 24), 0, "شنبه", "Saturday"),
        (D(2021, 4, 25), 1, "یکشنبه", "Sunday"),
        (D(2021, 4, 26), 2, "دوشنبه", "Monday"),
        (D(2021, 4, 27), 3, "سه‌شنبه", "Tuesday"),
        (D(2021, 4, 28), 4, "چهارشنبه", "Wednesday"),
        (D(2021, 4, 29), 5, "پنجشنبه", "Thursday"),
        (D(2021, 4, 30), 6, "جمعه", "Friday"),
    ],
)
def test_one_real_week(d: dt.date, iranian: int, name_fa: str, name_en: str) -> None:
    assert iranian_weekday(d) == iranian
    assert WEEKDAY_NAMES_FA[iranian] == name_fa
    assert WEEKDAY_NAMES_EN[iranian] == name_en


@pytest.mark.parametrize("bad", [-1, 7, True, 2.0])
def test_weekday_numbers_are_checked(bad: object) -> None:
    with pytest.raises(ValueError):
        IranianWeek.of(D(2021, 4, 26)).day(bad)  # type: ignore[arg-type]


def test_week_start_is_the_saturday_on_or_before() -> None:
    assert week_start(D(2021, 4, 26)) == D(2021, 4, 24)
    assert week_start(D(2021, 4, 24)) == D(2021, 4, 24)
    assert week_start(D(2021, 4, 30)) == D(2021, 4, 24)
    assert week_start(D(2021, 5, 1)) == D(2021, 5, 1)
    assert week_start(dt.datetime(2021, 4, 26, 10, 0)) == D(2021, 4, 24)


def test_iranian_week() -> None:
    week = IranianWeek.of(D(2021, 4, 26))
    assert week.start == D(2021, 4, 24)
    assert week.end == D(2021, 4, 30)
    assert week.day(MONDAY) == D(2021, 4, 26)
    assert week.days()[0] == D(2021, 4, 24) and week.days()[-1] == D(2021, 4, 30)
    assert D(2021, 4, 30) in week and D(2021, 5, 1) not in week
    assert week.shifted(1).start == D(2021, 5, 1)
    assert week.shifted(-1).end == D(2021, 4, 23)
    with pytest.raises(ValueError):
        IranianWeek(D(2021, 4, 26))


@given(DATES, st.integers(min_value=SATURDAY, max_value=FRIDAY))
def test_next_weekday(d: dt.date, day: int) -> None:
    after = next_weekday(d, day)
    on_or_after = next_weekday(d, day, strictly_after=False)
    assert iranian_weekday(after) == iranian_weekday(on_or_after) == day
    assert 1 <= (after - d).days <= 7
    assert 0 <= (on_or_after - d).days <= 6


@given(DATES)
def test_every_date_is_in_its_week(d: dt.date) -> None:
    week = IranianWeek.of(d)
    assert d in week
    assert iranian_weekday(week.start) == SATURDAY
    assert week.days()[iranian_weekday(d)] == d
