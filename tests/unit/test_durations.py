"""Resolution time frames and other durations, as typed and as said back."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mina_bot.durations import (
    MonthSpan,
    add_duration,
    format_duration,
    parse_duration,
    parse_time_frame,
    relative_days,
)
from mina_bot.jalali import JalaliDateError, from_jalali

D = dt.date
DAYS = dt.timedelta
SESSION = D(2021, 4, 19)  # 1400/01/30, the session whose resolutions the seed lists


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("یک هفته", DAYS(7)),
        ("دو هفته", DAYS(14)),
        ("سه هفته", DAYS(21)),
        ("۱۰ روز", DAYS(10)),
        ("10 روز", DAYS(10)),
        ("10روز", DAYS(10)),
        ("یک روز", DAYS(1)),
        ("یک هفته‌ای", DAYS(7)),
        ("یك هفته", DAYS(7)),
        ("ظرف دو هفته", DAYS(14)),
        ("حداکثر ۱۵ روز", DAYS(15)),
        ("پانزده روز", DAYS(15)),
        ("بیست و یک روز", DAYS(21)),
        ("سی روز", DAYS(30)),
        ("یک ماه", MonthSpan(1)),
        ("دو ماه", MonthSpan(2)),
        ("سه ماهه", MonthSpan(3)),
        ("یک سال", MonthSpan(12)),
        ("2 weeks", DAYS(14)),
    ],
)
def test_parse_duration(text: str, expected: DAYS | MonthSpan) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["-", "", "abc", "هفته", "۰ روز", "۱۰ روز کاری", "سی و یک روز", "دوشنبه"]
)
def test_not_a_duration(text: str) -> None:
    with pytest.raises(JalaliDateError) as err:
        parse_duration(text)
    assert err.value.reason == "unknown_duration"
    assert err.value.text == text


def test_time_frame_column_of_the_seed() -> None:
    assert parse_time_frame("یک هفته") == DAYS(7)
    assert parse_time_frame("دو هفته") == DAYS(14)
    assert parse_time_frame("-") is None
    assert parse_time_frame(" ") is None
    with pytest.raises(JalaliDateError):
        parse_time_frame("زود")


def test_deadlines_counted_from_the_session() -> None:
    assert add_duration(SESSION, "یک هفته") == D(2021, 4, 26)
    assert add_duration(SESSION, "دو هفته") == D(2021, 5, 3)
    assert add_duration(SESSION, "یک ماه") == from_jalali(1400, 2, 30)
    assert add_duration(from_jalali(1400, 6, 31), "یک ماه") == from_jalali(1400, 7, 30)
    assert add_duration(from_jalali(1400, 11, 30), MonthSpan(1)) == from_jalali(1400, 12, 29)
    assert add_duration(SESSION, 10) == D(2021, 4, 29)
    assert add_duration(SESSION, DAYS(3)) == D(2021, 4, 22)


@pytest.mark.parametrize(
    ("duration", "fa", "en"),
    [
        (1, "یک روز", "1 day"),
        (7, "یک هفته", "1 week"),
        (14, "دو هفته", "2 weeks"),
        (21, "سه هفته", "3 weeks"),
        (10, "۱۰ روز", "10 days"),
        (3, "۳ روز", "3 days"),
        (0, "۰ روز", "0 days"),
        (DAYS(14), "دو هفته", "2 weeks"),
        (MonthSpan(1), "یک ماه", "1 month"),
        (MonthSpan(3), "سه ماه", "3 months"),
    ],
)
def test_format_duration(duration: int | DAYS | MonthSpan, fa: str, en: str) -> None:
    assert format_duration(duration) == fa
    assert format_duration(duration, "en") == en


def test_format_duration_refuses_negative() -> None:
    with pytest.raises(ValueError):
        format_duration(-1)


@pytest.mark.parametrize(
    ("due", "fa", "en"),
    [
        (D(2021, 4, 22), "۳ روز مانده", "3 days left"),
        (D(2021, 4, 20), "فردا", "tomorrow"),
        (D(2021, 4, 19), "امروز", "today"),
        (D(2021, 4, 18), "۱ روز گذشته", "1 day overdue"),
        (D(2021, 4, 17), "۲ روز گذشته", "2 days overdue"),
    ],
)
def test_relative_days(due: dt.date, fa: str, en: str) -> None:
    assert relative_days(due, SESSION) == fa
    assert relative_days(due, SESSION, "en") == en


@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["fa", "en"]))
def test_format_then_parse_duration(days: int, lang: str) -> None:
    assert parse_duration(format_duration(days, lang)) == DAYS(days)


@given(st.integers(min_value=1, max_value=30))
def test_month_spans_round_trip(months: int) -> None:
    assert parse_duration(format_duration(MonthSpan(months))) == MonthSpan(months)
