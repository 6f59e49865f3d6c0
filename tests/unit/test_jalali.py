"""Jalali parsing, formatting, month arithmetic and quarters, checked against real dates."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mina_bot.jalali import (
    REASONS,
    JalaliDateError,
    add_jalali_months,
    days_in_month,
    format_date,
    format_datetime,
    format_time,
    from_jalali,
    is_leap_year,
    jalali_quarter,
    jalali_ymd,
    parse_date,
    parse_jalali_ymd,
    quarter_bounds,
    to_jalali,
)
from mina_bot.persian import to_latin_digits
from mina_bot.weeks import WEEKDAY_NAMES_FA, iranian_weekday

D = dt.date
SATURDAY_1400_02_04 = D(2021, 4, 24)  # a Saturday, two days before the next session
SESSION = D(2021, 4, 26)  # «دوشنبه ۱۴۰۰/۲/۶», a Monday
SUPPORTED = st.dates(min_value=D(1821, 3, 21), max_value=D(2221, 3, 20))  # 1200/01/01..1599/12/29


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۹۹/۱۲/۲۵", D(2021, 3, 15)),
        ("۱۴۰۰/۰۱/۲۲", D(2021, 4, 11)),
        ("۲۲ دی ۹۹", D(2021, 1, 11)),
        ("۸ بهمن ۹۹", D(2021, 1, 27)),
        ("۱۵ بهمن ۹۹", D(2021, 2, 3)),
        ("۹ اسفند ۹۹", D(2021, 2, 27)),
        ("دوشنبه ۱۴۰۰/۲/۶", SESSION),
        ("- دوشنبه ۱۴۰۰/۲/۶", SESSION),
        ("(۲۲ دی ۹۹)", D(2021, 1, 11)),
        ("در تاریخ ۱۴۰۰/۰۱/۲۲", D(2021, 4, 11)),
    ],
)
def test_every_date_form_in_the_seed_minutes(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=SATURDAY_1400_02_04) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1400/1/22", D(2021, 4, 11)),
        ("1400-01-22", D(2021, 4, 11)),
        ("1400.01.22", D(2021, 4, 11)),
        ("۱۴۰۰-۰۱-۲۲", D(2021, 4, 11)),
        ("1400 / 01 / 22", D(2021, 4, 11)),
        ("تاریخ ۱۴۰۰/۰۱/۲۲", D(2021, 4, 11)),
        ("٢٢ دي ٩٩", D(2021, 1, 11)),
        ("۲۲ دی ۱۳۹۹", D(2021, 1, 11)),
        ("22 دی 99", D(2021, 1, 11)),
        ("۸ بهمن‌ماه ۹۹", D(2021, 1, 27)),
        ("۸ بهمن ماه سال ۱۳۹۹", D(2021, 1, 27)),
        ("۸ بهمن", D(2022, 1, 28)),  # no year: the Jalali year of today, 1400
        ("۰۵/۰۱/۰۱", D(2026, 3, 21)),  # yy < 50 -> 14yy
        ("۵۰/۰۱/۰۱", D(1971, 3, 21)),  # yy >= 50 -> 13yy
        ("۱۴۰۳/۱۲/۳۰", D(2025, 3, 20)),  # 1403 is a leap year
        ("۱۳۹۹/۱۲/۳۰", D(2021, 3, 20)),
        ("Monday 6 Ordibehesht 1400", SESSION),
        ("سه‌شنبه ۲۲ دی ۹۹", None),
        ("دوشنبه ۲۲ دی ۹۹", D(2021, 1, 11)),
    ],
)
def test_typed_explicit_dates(text: str, expected: dt.date | None) -> None:
    if expected is None:
        with pytest.raises(JalaliDateError) as err:
            parse_date(text, today=SATURDAY_1400_02_04)
        assert err.value.reason == "weekday_mismatch"
    else:
        assert parse_date(text, today=SATURDAY_1400_02_04) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("امروز", D(2021, 4, 24)),
        ("فردا", D(2021, 4, 25)),
        ("پس‌فردا", D(2021, 4, 26)),
        ("پس فردا", D(2021, 4, 26)),
        ("دیروز", D(2021, 4, 23)),
        ("دوشنبه", D(2021, 4, 26)),
        ("دوشنبه آینده", D(2021, 4, 26)),
        ("دوشنبه بعد", D(2021, 4, 26)),
        ("دوشنبه هفته بعد", D(2021, 5, 3)),
        ("دوشنبه هفته آینده", D(2021, 5, 3)),
        ("دوشنبه این هفته", D(2021, 4, 26)),
        ("شنبه", D(2021, 5, 1)),  # today is Saturday: strictly after
        ("یکشنبه", D(2021, 4, 25)),
        ("یک‌شنبه", D(2021, 4, 25)),
        ("سه‌شنبه", D(2021, 4, 27)),
        ("سه شنبه", D(2021, 4, 27)),
        ("سهشنبه", D(2021, 4, 27)),
        ("چهارشنبه", D(2021, 4, 28)),
        ("پنجشنبه", D(2021, 4, 29)),
        ("پنج‌شنبه", D(2021, 4, 29)),
        ("جمعه", D(2021, 4, 30)),
        ("روز دوشنبه", D(2021, 4, 26)),
        ("تا جمعه", D(2021, 4, 30)),
    ],
)
def test_relative_words_and_weekdays(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=SATURDAY_1400_02_04) == expected


def test_next_week_differs_from_next_occurrence_late_in_the_week() -> None:
    wednesday = D(2021, 4, 28)
    assert parse_date("شنبه", wednesday) == D(2021, 5, 1)
    assert parse_date("شنبه هفته بعد", wednesday) == D(2021, 5, 1)
    assert parse_date("دوشنبه", wednesday) == D(2021, 5, 3)
    assert parse_date("دوشنبه هفته بعد", wednesday) == D(2021, 5, 3)
    assert parse_date("دوشنبه", SESSION) == D(2021, 5, 3)  # on a Monday, the next one
    assert parse_date("دوشنبه هفته بعد", SATURDAY_1400_02_04) == D(2021, 5, 3)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("۱۴۰۰/۱۲/۳۰", "no_such_date"),  # 1400 is not a leap year
        ("۳۱ مهر ۱۴۰۰", "no_such_date"),
        ("1400/13/01", "month_out_of_range"),
        ("1400/00/10", "month_out_of_range"),
        ("۳۲ دی ۹۹", "day_out_of_range"),
        ("1400/01/00", "day_out_of_range"),
        ("abc", "malformed"),
        ("۱۴۰۰/۰۱", "malformed"),
        ("140/01/01", "malformed"),
        ("1400/01-22", "malformed"),
        ("۱۴۰۰", "malformed"),
        ("", "empty"),
        ("   \u200c ", "empty"),
        ("۸ فلان ۹۹", "unknown_month"),
        ("2021/04/26", "year_out_of_range"),
        ("سه‌شنبه ۱۴۰۰/۲/۶", "weekday_mismatch"),
        ("دوشنبه فلان", "malformed"),
    ],
)
def test_bad_inputs_raise_a_typed_reason(text: str, reason: str) -> None:
    with pytest.raises(JalaliDateError) as err:
        parse_date(text, today=SATURDAY_1400_02_04)
    assert err.value.reason == reason
    assert err.value.reason in REASONS
    assert err.value.text == text
    assert isinstance(err.value, ValueError)


def test_parse_jalali_ymd_is_strict() -> None:
    assert parse_jalali_ymd("1400/01/30") == D(2021, 4, 19)
    assert parse_jalali_ymd(" ۱۴۰۰/۲/۶ ") == SESSION
    for text in ("1400-01-30", "۲۲ دی ۹۹", "99/12/25", "فردا"):
        with pytest.raises(JalaliDateError) as err:
            parse_jalali_ymd(text)
        assert err.value.reason == "malformed"
    with pytest.raises(JalaliDateError) as err:
        parse_jalali_ymd("1400/12/30")
    assert err.value.reason == "no_such_date"


@pytest.mark.parametrize(
    ("lang", "style", "expected"),
    [
        ("fa", "short", "۱۴۰۰/۰۲/۰۶"),
        ("fa", "long", "۶ اردیبهشت ۱۴۰۰"),
        ("fa", "weekday_long", "دوشنبه ۶ اردیبهشت ۱۴۰۰"),
        ("en", "short", "1400/02/06"),
        ("en", "long", "6 Ordibehesht 1400"),
        ("en", "weekday_long", "Monday 6 Ordibehesht 1400"),
    ],
)
def test_format_date(lang: str, style: str, expected: str) -> None:
    assert format_date(SESSION, lang, style) == expected


def test_format_date_edges() -> None:
    assert format_date(D(2021, 3, 20), style="weekday_long") == "شنبه ۳۰ اسفند ۱۳۹۹"
    assert format_date(D(2021, 3, 19), "en", "weekday_long") == "Friday 29 Esfand 1399"
    assert format_date(dt.datetime(2021, 4, 26, 23, 59)) == "۱۴۰۰/۰۲/۰۶"
    assert jalali_ymd(D(2021, 1, 11)) == "1399/10/22"
    with pytest.raises(ValueError):
        format_date(SESSION, style="medium")
    with pytest.raises(ValueError):
        format_date(SESSION, lang="de")


def test_format_time_and_datetime() -> None:
    tehran = ZoneInfo("Asia/Tehran")
    assert format_time(dt.time(10, 0)) == "۱۰:۰۰"
    assert format_time(dt.time(9, 5), "en") == "09:05"
    # 2021 still had daylight saving (+04:30); since 2022 Tehran is +03:30 all year.
    assert format_datetime(dt.datetime(2021, 4, 26, 6, 30, tzinfo=dt.UTC), tehran) == (
        "۱۴۰۰/۰۲/۰۶ ۱۱:۰۰"
    )
    assert format_datetime(dt.datetime(2023, 4, 24, 6, 30, tzinfo=dt.UTC), tehran, "en") == (
        "1402/02/04 10:00"
    )
    # 22:00 UTC is already the next Jalali day in Tehran.
    late = dt.datetime(2024, 1, 1, 22, 0, tzinfo=dt.UTC)
    assert format_datetime(late, tehran, "fa", "long") == "۱۲ دی ۱۴۰۲ ۰۱:۳۰"
    with pytest.raises(ValueError):
        format_datetime(dt.datetime(2021, 4, 26, 10, 0), tehran)


def test_calendar_facts() -> None:
    assert is_leap_year(1399) and is_leap_year(1403)
    assert not is_leap_year(1400) and not is_leap_year(1404)
    assert [days_in_month(1400, m) for m in (1, 6, 7, 11, 12)] == [31, 31, 30, 30, 29]
    assert days_in_month(1403, 12) == 30
    assert from_jalali(1400, 1, 1) == D(2021, 3, 21)
    j = to_jalali(SESSION)
    assert (j.year, j.month, j.day) == (1400, 2, 6)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ((1400, 6, 31), 1, (1400, 7, 30)),
        ((1399, 11, 30), 1, (1399, 12, 30)),  # 1399 is leap
        ((1400, 11, 30), 1, (1400, 12, 29)),
        ((1400, 1, 15), -1, (1399, 12, 15)),
        ((1399, 12, 30), 12, (1400, 12, 29)),
        ((1400, 10, 1), 3, (1401, 1, 1)),
        ((1400, 2, 6), 0, (1400, 2, 6)),
    ],
)
def test_add_jalali_months(start: tuple, months: int, expected: tuple) -> None:
    assert add_jalali_months(from_jalali(*start), months) == from_jalali(*expected)


def test_quarters() -> None:
    assert jalali_quarter(SESSION) == (1400, 1)
    assert jalali_quarter(D(2021, 6, 22)) == (1400, 2)  # 1400/04/01
    assert jalali_quarter(D(2021, 3, 20)) == (1399, 4)  # 1399/12/30
    assert quarter_bounds(1400, 1) == (D(2021, 3, 21), D(2021, 6, 21))
    assert quarter_bounds(1400, 3) == (D(2021, 9, 23), D(2021, 12, 21))
    assert quarter_bounds(1399, 4) == (D(2020, 12, 21), D(2021, 3, 20))
    assert quarter_bounds(1400, 4) == (D(2021, 12, 22), D(2022, 3, 20))
    with pytest.raises(ValueError):
        quarter_bounds(1400, 5)


@given(SUPPORTED, st.sampled_from(["short", "long", "weekday_long"]), st.sampled_from(["fa", "en"]))
def test_format_then_parse_round_trips(d: dt.date, style: str, lang: str) -> None:
    text = format_date(d, lang, style)
    assert parse_date(text, today=SESSION) == d
    assert parse_date(to_latin_digits(text), today=SESSION) == d


@given(st.dates(min_value=D(1971, 3, 21), max_value=D(2071, 3, 20)))
def test_two_digit_years_cover_1350_to_1449(d: dt.date) -> None:
    j = to_jalali(d)
    assert parse_date(f"{j.year % 100:02d}/{j.month}/{j.day}", today=SESSION) == d


@given(SUPPORTED, st.integers(min_value=1, max_value=6))
def test_a_wrong_weekday_before_a_date_is_refused(d: dt.date, offset: int) -> None:
    wrong = WEEKDAY_NAMES_FA[(iranian_weekday(d) + offset) % 7]
    with pytest.raises(JalaliDateError) as err:
        parse_date(f"{wrong} {format_date(d)}", today=SESSION)
    assert err.value.reason == "weekday_mismatch"


@given(SUPPORTED, st.integers(min_value=0, max_value=6))
def test_weekday_names_land_within_the_next_seven_days(today: dt.date, day: int) -> None:
    got = parse_date(WEEKDAY_NAMES_FA[day], today=today)
    assert iranian_weekday(got) == day
    assert 1 <= (got - today).days <= 7


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 1, 1)), st.integers(-60, 60))
def test_add_jalali_months_moves_the_month_and_clamps_the_day(d: dt.date, n: int) -> None:
    before, after = to_jalali(d), to_jalali(add_jalali_months(d, n))
    assert after.year * 12 + after.month == before.year * 12 + before.month + n
    assert after.day == min(before.day, days_in_month(after.year, after.month))


@given(SUPPORTED)
def test_quarter_bounds_contain_the_date(d: dt.date) -> None:
    start, end = quarter_bounds(*jalali_quarter(d))
    assert start <= d <= end
    assert to_jalali(start).day == 1
    assert 88 <= (end - start).days <= 92  # 89 to 93 days
