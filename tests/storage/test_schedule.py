"""The weekly schedule: the next session always exists, numbered; the report deadline."""

from __future__ import annotations

import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import Session

from mina_bot.jalali import format_date, jalali_ymd, parse_jalali_ymd
from mina_bot.sessions.schedule import (
    current_or_next_session,
    ensure_next_session,
    local_date,
    report_deadline,
    session_for_week,
    session_on,
)
from mina_bot.settings import Settings

SETTINGS = Settings(_env_file=None)
TEHRAN = SETTINGS.tz


def tehran(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> dt.datetime:
    """An aware moment given in Jalali Tehran time."""
    day = parse_jalali_ymd(f"{y}/{m}/{d}")
    return dt.datetime.combine(day, dt.time(hh, mm), tzinfo=TEHRAN)


def test_the_next_session_is_created_on_monday_at_ten_and_then_reused(session: Session):
    now = tehran(1400, 2, 1, 9)  # Wednesday
    first = ensure_next_session(session, now=now, settings=SETTINGS)
    assert first.number == 1
    assert jalali_ymd(local_date(first, TEHRAN)) == "1400/02/06"
    assert first.starts_at.astimezone(TEHRAN).time() == dt.time(10, 0)
    assert first.place == SETTINGS.session_place
    again = ensure_next_session(session, now=now + dt.timedelta(days=2), settings=SETTINGS)
    assert again.id == first.id


def test_on_monday_morning_the_next_session_is_today_and_after_it_next_week(session: Session):
    today = ensure_next_session(session, now=tehran(1400, 2, 6, 7, 30), settings=SETTINGS)
    assert jalali_ymd(local_date(today, TEHRAN)) == "1400/02/06"
    later = ensure_next_session(session, now=tehran(1400, 2, 6, 10, 1), settings=SETTINGS)
    assert jalali_ymd(local_date(later, TEHRAN)) == "1400/02/13"
    assert later.number == today.number + 1
    under_way = current_or_next_session(session, now=tehran(1400, 2, 6, 11), settings=SETTINGS)
    assert under_way.id == today.id


def test_the_day_and_time_come_from_the_settings(session: Session):
    settings = Settings(_env_file=None, session_weekday=0, session_time=dt.time(8, 30))
    upcoming = ensure_next_session(session, now=tehran(1400, 2, 6, 9), settings=settings)
    assert format_date(local_date(upcoming, TEHRAN), "fa", "weekday_long").startswith("شنبه ۱۱")
    assert upcoming.starts_at.astimezone(TEHRAN).time() == dt.time(8, 30)


def test_sessions_by_day_and_by_week(session: Session):
    held = session_on(session, day=parse_jalali_ymd("1400/01/30"), settings=SETTINGS)
    assert held.number == 1
    assert session_on(session, day=parse_jalali_ymd("1400/01/30"), settings=SETTINGS).id == held.id
    assert session_on(session, day=parse_jalali_ymd("1400/01/31"), settings=SETTINGS,
                      create=False) is None
    assert session_for_week(session, day=parse_jalali_ymd("1400/01/28"),
                            settings=SETTINGS).id == held.id
    following = session_for_week(session, day=parse_jalali_ymd("1400/02/04"), settings=SETTINGS)
    assert jalali_ymd(local_date(following, TEHRAN)) == "1400/02/06"


def test_the_report_deadline_is_the_day_before_at_noon(session: Session):
    upcoming = ensure_next_session(session, now=tehran(1400, 2, 1), settings=SETTINGS)
    deadline = report_deadline(upcoming, SETTINGS, TEHRAN)
    assert deadline.tzinfo is not None
    assert deadline.astimezone(TEHRAN) == tehran(1400, 2, 5, 12)
    two_days = Settings(_env_file=None, report_deadline_days_before=2,
                        report_deadline_time=dt.time(18, 0))
    assert report_deadline(upcoming, two_days).astimezone(TEHRAN) == tehran(1400, 2, 4, 18)


def test_a_session_number_no_column_can_hold_is_simply_not_found(session):
    from storage.repositories import resolutions as resolutions_repo
    from storage.repositories import sessions as sessions_repo

    assert sessions_repo.get_by_number(session, number=10**12) is None
    assert resolutions_repo.get_by_number(session, session_id=1, number=-(10**12)) is None


def test_two_processes_numbering_a_session_at_once_both_succeed(engine, database_url):
    """The import of old minutes and the planner's next session, in two transactions at once:
    the second waits for the first's number and takes the next, instead of failing."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite's writers take turns on the database lock")
    first, second = Session(engine), Session(engine)
    try:
        early = session_on(first, day=parse_jalali_ymd("1400/01/30"), settings=SETTINGS)
        with ThreadPoolExecutor(1) as pool:
            later = pool.submit(ensure_next_session, second, now=tehran(1405, 1, 20),
                                settings=SETTINGS)
            time.sleep(0.5)  # the second now waits on the first's uncommitted number
            first.commit()
            upcoming = later.result(timeout=30)
        second.commit()
        assert (early.number, upcoming.number) == (1, 2)
    finally:
        first.close()
        second.close()


def test_the_report_deadline_moves_off_a_friday_or_a_closure(session: Session):
    from mina_bot.holiday_table import add_closure

    upcoming = ensure_next_session(session, now=tehran(1400, 2, 1), settings=SETTINGS)
    three_days = Settings(_env_file=None, report_deadline_days_before=3)  # a Friday
    assert report_deadline(upcoming, three_days).astimezone(TEHRAN) == tehran(1400, 2, 4, 12)
    add_closure(session, actor=None, start=parse_jalali_ymd("1400/02/05"),
                end=parse_jalali_ymd("1400/02/05"), name="تعطیلی", now=tehran(1400, 2, 1))
    # Sunday is closed and Monday is the session: the last working day before it, Saturday.
    assert report_deadline(upcoming, SETTINGS).astimezone(TEHRAN) == tehran(1400, 2, 4, 12)
    stays = Settings(_env_file=None, deadline_off_day_moves=False)
    assert report_deadline(upcoming, stays).astimezone(TEHRAN) == tehran(1400, 2, 5, 12)


def test_two_processes_making_the_same_next_session_at_once_make_one(engine, database_url):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite's writers take turns on the database lock")
    first, second = Session(engine), Session(engine)
    now = tehran(1405, 1, 20)
    try:
        made = ensure_next_session(first, now=now, settings=SETTINGS)
        with ThreadPoolExecutor(1) as pool:
            later = pool.submit(ensure_next_session, second, now=now, settings=SETTINGS)
            time.sleep(0.5)  # the second now waits on the first's uncommitted number
            first.commit()
            found = later.result(timeout=30)
        second.commit()
        assert (made.id, made.number) == (found.id, found.number) == (made.id, 1)
    finally:
        first.close()
        second.close()
