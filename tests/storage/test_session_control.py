"""Issue 22 on a real database: numbering in date order, cancellation, holidays, agenda edits
by two people at once, undo, attendance corrections, the quarter's tally."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.calendar.changes import CalendarError, Slot, cancel_session, doubt
from mina_bot.jalali import parse_jalali_ymd
from mina_bot.sessions import agenda, attendance
from mina_bot.sessions.schedule import ensure_next_session, session_on
from mina_bot.settings import Settings
from storage.models import AttendanceStatus, SessionStatus
from storage.repositories import outbox as outbox_repo
from tests.fixtures.organisation import HEAD_ID, seed_org

SETTINGS = Settings(_env_file=None)
TEHRAN = SETTINGS.tz
STAFF = Actor(telegram_id=1, member_id=None, is_admin=True)


def tehran(ymd: str, hour: int = 9) -> dt.datetime:
    """An aware moment on a Jalali day, Tehran time."""
    return dt.datetime.combine(parse_jalali_ymd(ymd), dt.time(hour), tzinfo=TEHRAN)


def test_an_earlier_session_takes_its_place_in_the_numbering(session: Session):
    planned = ensure_next_session(session, now=tehran("1400/02/01"), settings=SETTINGS)
    assert planned.number == 1
    earlier = session_on(session, day=parse_jalali_ymd("1400/01/30"), settings=SETTINGS)
    session.refresh(planned)
    assert (earlier.number, planned.number) == (1, 2)


def test_a_cancelled_slot_is_skipped_and_every_member_told_once(session: Session):
    seed_org(session)
    now = tehran("1400/02/01")
    first = ensure_next_session(session, now=now, settings=SETTINGS)
    with pytest.raises(CalendarError):
        cancel_session(session, council=first, reason="  ", actor=STAFF, now=now,
                       settings=SETTINGS)
    told = cancel_session(session, council=first, reason="تعطیلی اضطراری", actor=STAFF,
                          now=now, settings=SETTINGS)
    assert told == 4 and first.status == SessionStatus.CANCELLED
    following = ensure_next_session(session, now=now, settings=SETTINGS)
    assert following.starts_at - first.starts_at == dt.timedelta(days=7)
    with pytest.raises(CalendarError):  # a cancelled session is not cancelled twice
        cancel_session(session, council=first, reason="x", actor=STAFF, now=now,
                       settings=SETTINGS)
    assert len(outbox_repo.rows(session, kind="session.cancelled")) == 4


def test_past_refused_friday_and_holiday_asked(session: Session):
    now = tehran("1400/02/01")
    with pytest.raises(CalendarError) as past:
        doubt(session, slot=Slot(parse_jalali_ymd("1400/01/30"), dt.time(11), "x"),
              now=now, settings=SETTINGS)
    assert past.value.text_key == "calendar.error.past"
    friday = Slot(parse_jalali_ymd("1400/02/03"), dt.time(11), "x")
    assert doubt(session, slot=friday, now=now, settings=SETTINGS) == "friday"
    holiday = Slot(parse_jalali_ymd("1400/03/14"), dt.time(11), "x")  # Khomeini's death
    assert doubt(session, slot=holiday, now=now, settings=SETTINGS).startswith("holiday:")


def test_two_editors_at_once_lose_nothing_and_double_nothing(session: Session):
    seed_org(session)
    council = ensure_next_session(session, now=tehran("1400/02/01"), settings=SETTINGS)
    item = agenda.add_item(session, council_session=council, title="گزارش بودجه")
    version = item.version
    edited = agenda.edit_item(session, item_id=item.id, version=version,
                              answer="گزارش بودجه ۱۴۰۰ | کمیته زیرساخت | ۲۰")
    assert (edited.title, edited.minutes, edited.version) == ("گزارش بودجه ۱۴۰۰", 20, 1)
    with pytest.raises(agenda.AgendaError) as late:
        agenda.edit_item(session, item_id=item.id, version=version, answer="عنوان دیگر")
    assert late.value.text_key == "agenda.error.conflict"
    with pytest.raises(agenda.AgendaError):  # nor removed on a stale page
        agenda.remove_item(session, item_id=item.id, version=version, now=tehran("1400/02/01"))
    with pytest.raises(agenda.AgendaError) as bad:
        agenda.edit_item(session, item_id=item.id, version=1, answer=" | | ۹۰۰۰")
    assert bad.value.text_key == "agenda.error.minutes"


def test_removal_undone_within_a_minute_only(session: Session):
    seed_org(session)
    now = tehran("1400/02/01")
    council = ensure_next_session(session, now=now, settings=SETTINGS)
    item = agenda.add_item(session, council_session=council, title="بند الف")
    count = len(agenda.ensure_agenda(session, council_session=council))
    agenda.remove_item(session, item_id=item.id, version=item.version, now=now)
    assert len(agenda.ensure_agenda(session, council_session=council)) == count - 1
    agenda.undo_remove(session, item_id=item.id, now=now + dt.timedelta(seconds=30))
    items = agenda.ensure_agenda(session, council_session=council)
    assert [i.title for i in items][-1] == "بند الف" and len(items) == count
    agenda.remove_item(session, item_id=item.id, version=items[-1].version, now=now)
    with pytest.raises(agenda.AgendaError):
        agenda.undo_remove(session, item_id=item.id, now=now + dt.timedelta(minutes=2))


def test_corrections_kept_refused_for_strangers_and_counted_in_the_quarter(session: Session):
    org = seed_org(session)
    now = tehran("1400/02/06", 12)
    council = session_on(session, day=parse_jalali_ymd("1400/02/06"), settings=SETTINGS)
    council.status = SessionStatus.HELD
    with pytest.raises(attendance.AttendanceError) as stranger:
        attendance.correct(session, council=council, answer="آقای ناشناس | حاضر",
                           actor=STAFF, now=now)
    assert stranger.value.text_key == "attendance.error.not_member"
    row = attendance.correct(session, council=council,
                             answer="رئیس زیرساخت | نماینده | خانم نمونه", actor=STAFF, now=now)
    assert (row.member_id, row.status, row.stand_in) == (
        org.members[HEAD_ID], AttendanceStatus.STAND_IN, "خانم نمونه")
    members, units = attendance.quarter_attendance(
        session, start=parse_jalali_ymd("1400/01/01"), end=parse_jalali_ymd("1400/03/31"),
        tz=TEHRAN)
    assert members[org.members[HEAD_ID]].stand_in == 1
    assert units[org.infrastructure].sessions == 2  # two members seated there, one session
    assert units[org.infrastructure].absent == 1
