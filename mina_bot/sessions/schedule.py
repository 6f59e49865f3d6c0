"""When the council meets: the weekly slot, numbered sessions, and the report deadline.

The next session always exists: asking for it creates it at the regular weekly slot
(settings.session_weekday / session_time / session_place), skipping a slot whose session was
cancelled. Sessions are numbered in date order: one created before others (the minutes of an
earlier session, an extra session) takes its place and the later ones move up by one.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.official_calendar import days_off, is_day_off, next_working_day, official_holidays
from mina_bot.settings import Settings
from mina_bot.weeks import IranianWeek, next_weekday
from storage.models import CouncilSession, SessionStatus
from storage.repositories import sessions as sessions_repo
from storage.repositories.races import created_or_found, retried


def _local(moment: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is needed")
    return moment.astimezone(tz)


def session_start(day: dt.date, settings: Settings) -> dt.datetime:
    """The aware UTC moment a session on `day` starts (at settings.session_time, local)."""
    local = dt.datetime.combine(day, settings.session_time, tzinfo=settings.tz)
    return local.astimezone(dt.UTC)


def local_date(council_session: CouncilSession, tz: dt.tzinfo) -> dt.date:
    """The session's date in the organisation's time zone."""
    return _local(council_session.starts_at, tz).date()


def regular_slot_after(now: dt.datetime, settings: Settings) -> dt.datetime:
    """The first regular weekly slot starting at or after `now`."""
    today = _local(now, settings.tz).date()
    day = next_weekday(today, settings.session_weekday, strictly_after=False)
    start = session_start(day, settings)
    if start < now:
        start = session_start(next_weekday(day, settings.session_weekday), settings)
    return start


def create_numbered(session: Session, *, starts_at: dt.datetime,
                    place: str | None) -> CouncilSession:
    """A new planned session, numbered in date order (the later ones move up by one); numbered
    again if another process numbered one at the same moment, or that one if it is the same."""

    def numbered() -> CouncilSession:
        same = sessions_repo.starting_between(session, start=starts_at,
                                              end=starts_at + dt.timedelta(seconds=1))
        if same:  # another process made this very session first
            return same[0]
        number = sessions_repo.make_room_after(session, moment=starts_at)
        return sessions_repo.create_session(session, number=number, starts_at=starts_at,
                                            place=place)

    return retried(session, numbered)


def _free_slot(session: Session, now: dt.datetime, settings: Settings) -> dt.datetime:
    """The first regular slot from `now` on whose day holds no session (a cancelled one)."""
    start = regular_slot_after(now, settings)
    while session_on(session, day=local_date_of(start, settings.tz), settings=settings,
                     create=False) is not None:
        start = session_start(local_date_of(start, settings.tz) + dt.timedelta(days=7),
                              settings)
    return start


def local_date_of(moment: dt.datetime, tz: dt.tzinfo) -> dt.date:
    """The local date of an aware moment."""
    return _local(moment, tz).date()


def ensure_next_session(
    session: Session, *, now: dt.datetime, settings: Settings
) -> CouncilSession:
    """The next session starting at or after `now`, created at the regular slot if missing."""
    upcoming = sessions_repo.first_starting_at_or_after(session, moment=now)
    if upcoming is not None:
        return upcoming
    return created_or_found(
        session,
        create=lambda: create_numbered(session, starts_at=_free_slot(session, now, settings),
                                       place=settings.session_place),
        find=lambda: sessions_repo.first_starting_at_or_after(session, moment=now))


def session_on(
    session: Session, *, day: dt.date, settings: Settings, create: bool = True
) -> CouncilSession | None:
    """The session held on `day` (local), created at the regular time if asked to."""
    start = session_start(day, settings)
    midnight = dt.datetime.combine(day, dt.time(0), tzinfo=settings.tz).astimezone(dt.UTC)
    found = sessions_repo.starting_between(
        session, start=midnight, end=midnight + dt.timedelta(days=1)
    )
    if found or not create:
        return found[0] if found else None
    return create_numbered(session, starts_at=start, place=settings.session_place)


def session_for_week(
    session: Session, *, day: dt.date, settings: Settings
) -> CouncilSession:
    """The session of the Iranian week containing `day` (created at the regular slot)."""
    week = IranianWeek.of(day)
    midnight = dt.datetime.combine(week.start, dt.time(0), tzinfo=settings.tz)
    found = sessions_repo.starting_between(
        session, start=midnight.astimezone(dt.UTC),
        end=(midnight + dt.timedelta(days=7)).astimezone(dt.UTC),
    )
    held = [s for s in found if s.status != SessionStatus.CANCELLED]  # a cancelled one if alone
    if held or found:
        return (held or found)[0]
    result = session_on(session, day=week.day(settings.session_weekday), settings=settings)
    assert result is not None
    return result


def current_or_next_session(
    session: Session, *, now: dt.datetime, settings: Settings,
    grace: dt.timedelta = dt.timedelta(hours=3),
) -> CouncilSession:
    """A session under way (started less than `grace` ago), otherwise the next one."""
    return ensure_next_session(session, now=now - grace, settings=settings)


def report_deadline(
    council_session: CouncilSession, settings: Settings, tz: dt.tzinfo | None = None
) -> dt.datetime:
    """When weekly reports for this session are due: N days before at a set time (aware UTC);
    off a Friday or holiday (settings.deadline_off_day_moves) to the next working day before the
    session, or else the last one before it."""
    tz = tz or settings.tz
    session_day = local_date(council_session, tz)
    day = session_day - dt.timedelta(days=settings.report_deadline_days_before)
    if settings.deadline_off_day_moves:
        day = _working_day_near(council_session, day, session_day)
    return dt.datetime.combine(day, settings.report_deadline_time, tzinfo=tz).astimezone(dt.UTC)


def _working_day_near(council_session: CouncilSession, day: dt.date,
                      session_day: dt.date) -> dt.date:
    # The holiday table is read through the session the record came from: every caller has
    # one open; a detached record (tests, the bench) sees the official holidays alone.
    start = day - dt.timedelta(days=14)
    db = Session.object_session(council_session)
    off = frozenset(days_off(db, start, session_day) if db is not None
                    else official_holidays(start, session_day))
    if not is_day_off(day, off):
        return day
    later = next_working_day(day, off)
    if later < session_day:
        return later
    while is_day_off(day, off) and day > start:
        day -= dt.timedelta(days=1)
    return day
