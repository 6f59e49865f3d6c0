"""Load what the planner needs from the database into a Snapshot."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.official_calendar import days_off
from mina_bot.reminders.planner import ResolutionFacts, SessionFacts, Snapshot, UnitFacts
from mina_bot.sessions.agenda import ensure_agenda
from mina_bot.sessions.schedule import ensure_next_session, report_deadline
from mina_bot.settings import Settings
from storage.models import CouncilSession, SessionStatus
from storage.repositories import audience as audience_repo
from storage.repositories import reminders as sources
from storage.repositories import sessions as sessions_repo

LOOKAHEAD = dt.timedelta(days=8)


def load_snapshot(session: Session, *, now: dt.datetime, settings: Settings) -> Snapshot:
    """Sessions around now, units and their officers, members, open resolutions, holidays."""
    ensure_next_session(session, now=now, settings=settings)
    lookback = dt.timedelta(days=settings.reminder_lookback_days)
    found = [s for s in sessions_repo.starting_between(session, start=now - lookback,
                                                       end=now + LOOKAHEAD)
             if s.status == SessionStatus.PLANNED]
    sessions = tuple(
        SessionFacts(s.id, s.number, s.starts_at, report_deadline(s, settings), s.place,
                     tuple(i.title for i in (
                         ensure_agenda(session, council_session=s) if s.starts_at > now
                         else sessions_repo.agenda_of(session, session_id=s.id))))
        for s in found
    )
    officers = audience_repo.officers_by_unit(session)  # one query for every unit
    units = {unit.id: UnitFacts(unit.id, unit.name_fa, unit.name_en,
                                tuple(officers.get(unit.id, ())))
             for unit in audience_repo.units(session)}
    reporting = tuple(u.id for u in audience_repo.units(session,
                                                        kinds=settings.reporting_unit_kinds))
    resolutions = sources.resolutions_with_units(session, statuses=["open", "reported_done"])
    linked = sources.sessions_by_id(
        session, session_ids=[i for r, _ in resolutions
                              for i in (r.session_id, r.due_at_session_id) if i])
    facts = tuple(
        ResolutionFacts(r.id, r.number, linked[r.session_id].number, r.subject,
                        r.due_date or _session_day(linked.get(r.due_at_session_id), settings),
                        tuple(unit_ids), open=r.status == "open")
        for r, unit_ids in resolutions
    )
    today = now.astimezone(settings.tz).date()
    return Snapshot(
        sessions=sessions,
        units=units,
        reporting_unit_ids=reporting,
        submitted={s.id: frozenset(sources.submitted_unit_ids(session, session_id=s.id))
                   for s in found},
        members=tuple(audience_repo.reachable_member_ids(session)),
        secretariat=tuple(m.id for m in audience_repo.secretariat_members(session)),
        resolutions=facts,
        holidays=frozenset(days_off(session, today - lookback, today + dt.timedelta(days=60))),
    )


def _session_day(council_session: CouncilSession | None, settings: Settings) -> dt.date | None:
    """A resolution due «at the next session» is due on that session's day."""
    if council_session is None:
        return None
    return council_session.starts_at.astimezone(settings.tz).date()
