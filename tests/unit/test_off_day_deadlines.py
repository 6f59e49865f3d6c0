"""Deadlines on a day off: a Friday or holiday is flagged in the preview and moved to the next
working day (or only flagged); «N روز کاری» skips Fridays, holidays and closures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mina_bot.minutes.off_days import settle_off_days
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.preview import preview
from mina_bot.minutes.units import UnitDirectory
from mina_bot.official_calendar import next_working_day, official_holidays

UNITS = UnitDirectory.from_yaml(Path(__file__).resolve().parents[2] / "examples" / "org.yaml")
NAMES = {e.key: e.names[0] for e in UNITS.entries}
SESSION = dt.date(2021, 4, 19)  # Monday 1400/01/30
ROWS = ("ردیف\tموضوع\tمتولی\tمهلت\n"
        "1\tگزارش پایلوت\tدبیرخانه\t۱۴۰۰/۰۲/۱۰\n"  # a Friday
        "2\tبرآورد هزینه\tدبیرخانه\t۱۴۰۰/۰۲/۰۸\n"  # a Wednesday
        "3\tطرح آموزش\tدبیرخانه\t۱۴۰۰/۰۲/۲۳\n"  # Eid al-Fitr (a Thursday), then a Friday
        "4\tجمع‌بندی\tدبیرخانه\t۵ روز کاری\n")


def parsed(holidays=frozenset(), move=True):
    minutes = parse_minutes(ROWS, session_date=SESSION, units=UNITS, holidays=holidays)
    return settle_off_days(minutes, holidays, move=move)


def test_a_friday_or_a_holiday_moves_to_the_next_working_day_and_the_preview_says_so():
    holidays = frozenset(official_holidays(SESSION, SESSION + dt.timedelta(days=60)))
    minutes = parsed(holidays)
    friday, wednesday, eid, working = minutes.resolutions
    assert (friday.due, friday.off_day, friday.moved) == (dt.date(2021, 5, 1),
                                                          dt.date(2021, 4, 30), True)
    assert (wednesday.due, wednesday.off_day) == (dt.date(2021, 4, 28), None)
    assert eid.off_day == dt.date(2021, 5, 13) and eid.due == dt.date(2021, 5, 15)  # past Friday
    assert working.due == dt.date(2021, 4, 25) and working.off_day is None  # skips the Friday
    body, _ = preview(minutes, UNITS, NAMES, "fa")
    assert "مهلت به روز تعطیل می‌افتد؛ از جمعه ۱۰ اردیبهشت ۱۴۰۰ به شنبه ۱۱ اردیبهشت ۱۴۰۰ " \
           "منتقل شد" in body
    assert body.count("منتقل شد") == 2
    english, _ = preview(minutes, UNITS, NAMES, "en")
    assert "moved from Friday 10 Ordibehesht 1400 to Saturday 11 Ordibehesht 1400" in english


def test_with_the_setting_off_the_deadline_stays_and_is_flagged():
    minutes = parsed(move=False)
    friday = minutes.resolutions[0]
    assert (friday.due, friday.off_day, friday.moved) == (dt.date(2021, 4, 30),
                                                          dt.date(2021, 4, 30), False)
    body, _ = preview(minutes, UNITS, NAMES, "fa")
    assert "⚠️ مهلت به روز تعطیل می‌افتد (جمعه ۱۰ اردیبهشت ۱۴۰۰)." in body
    assert "منتقل شد" not in body


def test_working_days_skip_a_closure_and_a_worked_holiday_counts():
    closure = frozenset({dt.date(2021, 4, 20), dt.date(2021, 4, 21)})  # Tuesday, Wednesday
    assert parsed(closure).resolutions[3].due == dt.date(2021, 4, 27)
    assert next_working_day(dt.date(2021, 4, 30), frozenset()) == dt.date(2021, 5, 1)
    assert next_working_day(dt.date(2021, 5, 1), frozenset()) == dt.date(2021, 5, 1)
