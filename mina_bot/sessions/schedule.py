"""When the council meets: the weekly slot, numbered sessions, and the report deadline.

The next session always exists: asking for it creates it at the regular weekly slot
(settings.session_weekday / session_time / session_place), numbered after the last one.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.settings import Settings
from mina_bot.weeks import IranianWeek, next_weekday
from storage.models import CouncilSession
from storage.repositories import sessions as sessions_repo
from storage.repositories.races import created_or_found


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


def ensure_next_session(
    session: Session, *, now: dt.datetime, settings: Settings
) -> CouncilSession:
    """The next session starting at or after `now`, created at the regular slot if missing."""
    upcoming = sessions_repo.first_starting_at_or_after(session, moment=now)
    if upcoming is not None:
        return upcoming
    return created_or_found(
        session,
        create=lambda: sessions_repo.create_session(
            session, number=sessions_repo.last_number(session) + 1,
            starts_at=regular_slot_after(now, settings), place=settings.session_place),
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
    return sessions_repo.create_session(
        session, number=sessions_repo.last_number(session) + 1, starts_at=start,
        place=settings.session_place,
    )


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
    if found:
        return found[0]
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
    """When weekly reports for this session are due: N days before at a set time (aware UTC)."""
    tz = tz or settings.tz
    day = local_date(council_session, tz) - dt.timedelta(days=settings.report_deadline_days_before)
    return dt.datetime.combine(day, settings.report_deadline_time, tzinfo=tz).astimezone(dt.UTC)
