"""The Iranian week and the three weekday numberings (Iranian, Python, PTB)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mina_bot.weeks import (
    DEFAULT_WORKING_DAYS,
    FRIDAY,
    MONDAY,
    SATURDAY,
    THURSDAY,
    WEEKDAY_NAMES_EN,
    WEEKDAY_NAMES_FA,
    IranianWeek,
    iranian_to_ptb,
    iranian_to_python,
    iranian_weekday,
    is_working_day,
    next_weekday,
    ptb_days,
    ptb_to_iranian,
    ptb_to_python,
    python_to_ptb,
    python_weekday_to_iranian,
    week_start,
)

D = dt.date
DATES = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 1, 1))


@pytest.mark.parametrize(
    ("d", "iranian", "python", "ptb", "name_fa", "name_en"),
    [
        (D(2021, 4, 24), 0, 5, 6, "شنبه", "Saturday"),
        (D(2021, 4, 25), 1, 6, 0, "یکشنبه", "Sunday"),
        (D(2021, 4, 26), 2, 0, 1, "دوشنبه", "Monday"),
        (D(2021, 4, 27), 3, 1, 2, "سه‌شنبه", "Tuesday"),
        (D(2021, 4, 28), 4, 2, 3, "چهارشنبه", "Wednesday"),
        (D(2021, 4, 29), 5, 3, 4, "پنجشنبه", "Thursday"),
        (D(2021, 4, 30), 6, 4, 5, "جمعه", "Friday"),
    ],
)
def test_one_real_week_in_every_numbering(
    d: dt.date, iranian: int, python: int, ptb: int, name_fa: str, name_en: str
) -> None:
    assert iranian_weekday(d) == iranian
    assert d.weekday() == python
    assert python_weekday_to_iranian(python) == iranian
    assert iranian_to_python(iranian) == python
    assert iranian_to_ptb(iranian) == ptb
    assert ptb_to_iranian(ptb) == iranian
    assert python_to_ptb(python) == ptb
    assert ptb_to_python(ptb) == python
    assert WEEKDAY_NAMES_FA[iranian] == name_fa
    assert WEEKDAY_NAMES_EN[iranian] == name_en


@given(DATES)
def test_conversions_agree_with_the_calendar(d: dt.date) -> None:
    iranian = iranian_weekday(d)
    assert iranian_to_python(iranian) == d.weekday()
    assert iranian_to_ptb(iranian) == d.isoweekday() % 7  # PTB: 0 = Sunday
    assert python_to_ptb(d.weekday()) == d.isoweekday() % 7
    assert ptb_to_python(d.isoweekday() % 7) == d.weekday()


@pytest.mark.parametrize("bad", [-1, 7, True, 2.0])
def test_weekday_numbers_are_checked(bad: object) -> None:
    with pytest.raises(ValueError):
        iranian_to_ptb(bad)  # type: ignore[arg-type]


def test_ptb_days_for_the_default_working_week() -> None:
    assert ptb_days(DEFAULT_WORKING_DAYS) == (0, 1, 2, 3, 4, 6)  # every day but Friday (5)
    assert ptb_days([MONDAY]) == (1,)


def test_week_start_is_the_saturday_on_or_before() -> None:
    assert week_start(D(2021, 4, 26)) == D(2021, 4, 24)
    assert week_start(D(2021, 4, 24)) == D(2021, 4, 24)
    assert week_start(D(2021, 4, 30)) == D(2021, 4, 24)
    assert week_start(D(2021, 5, 1)) == D(2021, 5, 1)
    assert week_start(dt.datetime(2021, 4, 26, 10, 0)) == D(2021, 4, 24)


def test_working_days() -> None:
    assert not is_working_day(D(2021, 4, 30))  # Friday
    assert is_working_day(D(2021, 4, 29))  # Thursday
    assert is_working_day(D(2021, 4, 24))  # Saturday
    five_day_week = DEFAULT_WORKING_DAYS - {THURSDAY}
    assert not is_working_day(D(2021, 4, 29), working_days=five_day_week)
    assert not is_working_day(D(2021, 3, 21), holidays=frozenset({D(2021, 3, 21)}))  # Nowruz


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
