"""Load what the planner needs from the database into a Snapshot: what can fall due in a window."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.official_calendar import days_off
from mina_bot.reminders.planner import (
    ResolutionFacts,
    SessionFacts,
    Snapshot,
    UnitFacts,
    digest_moments,
    resolution_due_dates,
    session_moments,
)
from mina_bot.sessions.agenda import ensure_agenda
from mina_bot.sessions.schedule import ensure_next_session, report_deadline
from mina_bot.settings import Settings
from storage.models import CouncilSession, SessionStatus
from storage.repositories import audience as audience_repo
from storage.repositories import reminders as sources
from storage.repositories import sessions as sessions_repo

LOOKAHEAD = dt.timedelta(days=8)
ACTIVE = ("open", "reported_done")


def load_snapshot(session: Session, *, now: dt.datetime, settings: Settings,
                  since: dt.datetime | None = None) -> Snapshot:
    """What plan(snapshot, now, settings, since) needs, and no more: the sessions around now,
    and only when one of their reminders falls in (since, now] the members, units and reports
    (and their agenda made); the resolutions whose series has a moment there (every active one
    when the digest does). `since` defaults to the look-back."""
    ensure_next_session(session, now=now, settings=settings)
    lookback = dt.timedelta(days=settings.reminder_lookback_days)
    since = max(since or now - lookback, now - lookback)

    def inside(moments) -> bool:
        return any(since < m <= now for m in moments)

    found = [s for s in sessions_repo.starting_between(session, start=now - lookback,
                                                       end=now + LOOKAHEAD)
             if s.status == SessionStatus.PLANNED]
    bare = [SessionFacts(s.id, s.number, s.starts_at, report_deadline(s, settings), s.place)
            for s in found]
    due = [(s, facts) for s, facts in zip(found, bare, strict=True)
           if inside(session_moments(facts, settings))]
    digest = inside(m for _, m in digest_moments(now, settings))
    resolutions = _resolutions(session, since=since, now=now, settings=settings, every=digest)
    if not due and not digest and not resolutions:  # most minutes: nothing can fall due
        return Snapshot(sessions=tuple(bare), holidays=holidays_around(session, now, settings))
    officers = audience_repo.officers_by_unit(session)  # one query for every unit
    units = {unit.id: UnitFacts(unit.id, unit.name_fa, unit.name_en,
                                tuple(officers.get(unit.id, ())))
             for unit in audience_repo.units(session)}
    for council, _ in due:  # a session reminder shows the agenda as it is when sent: made now
        if council.starts_at > now:
            ensure_agenda(session, council_session=council)
    return Snapshot(
        sessions=tuple(bare),
        units=units,
        reporting_unit_ids=tuple(u.id for u in audience_repo.units(
            session, kinds=settings.reporting_unit_kinds)) if due or digest else (),
        submitted={s.id: frozenset(sources.submitted_unit_ids(session, session_id=s.id))
                   for s in found} if due or digest else {},
        members=tuple(audience_repo.reachable_member_ids(session)) if due else (),
        secretariat=tuple(m.id for m in audience_repo.secretariat_members(session)),
        resolutions=resolutions,
        holidays=holidays_around(session, now, settings),
    )


def _resolutions(session: Session, *, since: dt.datetime, now: dt.datetime,
                 settings: Settings, every: bool) -> tuple[ResolutionFacts, ...]:
    """The active resolutions whose reminders can fall in (since, now]; all of them if `every`."""
    dates: set[dt.date] | None = None
    at_sessions: list[int] | None = None
    if not every:
        oldest = sources.oldest_due_date(session)
        if oldest is None:
            return ()
        dates = resolution_due_dates(since, now, settings, oldest)
        if not dates:
            return ()
        at_sessions = [s.id for s in sources.sessions_on_days(session, days=dates, tz=settings.tz)]
    rows = sources.resolutions_with_units(session, statuses=ACTIVE, due_dates=dates,
                                          due_at_sessions=at_sessions)
    linked = sources.sessions_by_id(
        session, session_ids=[i for r, _ in rows for i in (r.session_id, r.due_at_session_id) if i])
    return tuple(
        ResolutionFacts(r.id, r.number, linked[r.session_id].number, r.subject,
                        r.due_date or _session_day(linked.get(r.due_at_session_id), settings),
                        tuple(unit_ids), open=r.status == "open")
        for r, unit_ids in rows
    )


def holidays_around(session: Session, now: dt.datetime, settings: Settings
                    ) -> frozenset[dt.date]:
    """The days off from the look-back to 60 days ahead (official holidays and closures)."""
    today = now.astimezone(settings.tz).date()
    return frozenset(days_off(session, today - dt.timedelta(days=settings.reminder_lookback_days),
                              today + dt.timedelta(days=60)))


def _session_day(council_session: CouncilSession | None, settings: Settings) -> dt.date | None:
    """A resolution due «at the next session» is due on that session's day."""
    if council_session is None:
        return None
    return council_session.starts_at.astimezone(settings.tz).date()
