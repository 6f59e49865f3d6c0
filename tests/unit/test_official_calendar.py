"""Iran's official holidays, 1403–1405, as the official calendar lists them."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest

from mina_bot.official_calendar import official_holidays

# (Jalali date, a word of its Persian name), from the official calendar of each year.
OFFICIAL = {
    1403: [
        ("01/01", "نوروز"), ("01/02", "نوروز"), ("01/03", "نوروز"), ("01/04", "نوروز"),
        ("01/12", "جمهوری اسلامی"), ("01/13", "طبیعت"), ("01/13", "علی"),
        ("01/22", "فطر"), ("01/23", "فطر"), ("02/15", "جعفر صادق"),
        ("03/14", "امام خمینی"), ("03/15", "۱۵ خرداد"), ("03/28", "قربان"), ("04/05", "غدیر"),
        ("04/25", "تاسوعا"), ("04/26", "عاشورا"), ("06/04", "اربعین"),
        ("06/12", "رحلت رسول اکرم"), ("06/14", "امام رضا"), ("06/22", "حسن عسکری"),
        ("06/31", "میلاد رسول اکرم"), ("09/15", "فاطمه"), ("10/25", "ولادت امام علی"),
        ("11/09", "مبعث"), ("11/22", "انقلاب"), ("11/26", "قائم"), ("12/29", "نفت"),
    ],
    1404: [
        ("01/01", "نوروز"), ("01/02", "نوروز"), ("01/02", "علی"), ("01/03", "نوروز"),
        ("01/04", "نوروز"), ("01/11", "فطر"), ("01/12", "فطر"), ("01/12", "جمهوری اسلامی"),
        ("01/13", "طبیعت"), ("02/04", "جعفر صادق"), ("03/14", "امام خمینی"),
        ("03/15", "۱۵ خرداد"), ("03/16", "قربان"), ("03/24", "غدیر"), ("04/14", "تاسوعا"),
        ("04/15", "عاشورا"), ("05/23", "اربعین"), ("05/31", "رحلت رسول اکرم"),
        ("06/02", "امام رضا"), ("06/10", "حسن عسکری"), ("06/19", "میلاد رسول اکرم"),
        ("09/03", "فاطمه"), ("10/13", "ولادت امام علی"), ("10/27", "مبعث"), ("11/15", "قائم"),
        ("11/22", "انقلاب"), ("12/20", "علی"), ("12/29", "نفت"),
    ],
    1405: [
        ("01/01", "نوروز"), ("01/01", "فطر"), ("01/02", "فطر"), ("01/02", "نوروز"),
        ("01/03", "نوروز"), ("01/04", "نوروز"), ("01/12", "جمهوری اسلامی"), ("01/13", "طبیعت"),
        ("01/25", "جعفر صادق"), ("03/06", "قربان"), ("03/14", "امام خمینی"),
        ("03/14", "غدیر"), ("03/15", "۱۵ خرداد"), ("04/03", "تاسوعا"), ("04/04", "عاشورا"),
        ("05/13", "اربعین"), ("05/21", "رحلت رسول اکرم"), ("05/22", "امام رضا"),
        ("05/30", "حسن عسکری"), ("06/08", "میلاد رسول اکرم"), ("08/22", "فاطمه"),
        ("10/02", "ولادت امام علی"), ("11/22", "انقلاب"), ("12/29", "نفت"),
    ],
}
# Days the package also lists: the last day of 1403 (a leap year) and the government's
# closures of Esfand 1404.
ALSO = {"1403/12/30", *(f"1404/12/{day}" for day in range(10, 17))}
# Lunar dates late in 1405 are the package's estimates until the year's calendar is published.
ESTIMATED_FROM = "1405/10/03"


def _gregorian(year: int, month_day: str) -> dt.date:
    month, day = map(int, month_day.split("/"))
    return jdatetime.date(year, month, day).togregorian()


def _normalise(name: str) -> str:
    return name.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_every_official_holiday_of_the_year_is_known_by_its_persian_name(year: int) -> None:
    known = official_holidays(_gregorian(year, "01/01"), _gregorian(year, "12/29"))
    missing = [(day, word) for day, word in OFFICIAL[year]
               if word not in _normalise(known.get(_gregorian(year, day), ("", ""))[0])]
    assert missing == []


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_no_day_is_a_holiday_that_the_official_calendar_does_not_list(year: int) -> None:
    known = official_holidays(_gregorian(year, "01/01"), _gregorian(year, "12/29"))
    listed = {_gregorian(year, day) for day, _ in OFFICIAL[year]}
    extra = sorted(jdatetime.date.fromgregorian(date=d).strftime("%Y/%m/%d")
                   for d in known if d not in listed)
    assert [d for d in extra if d not in ALSO and d < ESTIMATED_FROM] == []


def test_names_come_in_english_too() -> None:
    [(fa, en)] = official_holidays(_gregorian(1404, "11/22"), _gregorian(1404, "11/22")).values()
    assert "انقلاب" in fa and "Revolution" in en
