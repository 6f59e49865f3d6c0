"""Read-only queries the reminder planner and broadcasts need: sessions, reports, resolutions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import (
    Broadcast,
    BroadcastStatus,
    CouncilSession,
    ReportStatus,
    Resolution,
    ResolutionAssignment,
    ResolutionStatus,
    SessionStatus,
    ShareState,
    WeeklyReport,
)
from storage.repositories import resolutions as resolutions_repo

ONE_DAY = dt.timedelta(days=1)
OWED_SHARES = (ShareState.OPEN.value, ShareState.SENT_BACK.value)


def sessions_between(session: Session, *, start: dt.datetime,
                     end: dt.datetime) -> Sequence[CouncilSession]:
    """Planned council sessions starting in [start, end), by start."""
    query = select(CouncilSession).where(
        CouncilSession.status == SessionStatus.PLANNED,
        CouncilSession.starts_at >= start, CouncilSession.starts_at < end,
    )
    return session.exec(query.order_by(CouncilSession.starts_at)).all()


def submitted_unit_ids(session: Session, *, session_id: int) -> set[int]:
    """Units whose weekly report for a session has been submitted."""
    query = select(WeeklyReport.unit_id).where(
        WeeklyReport.session_id == session_id, WeeklyReport.status == ReportStatus.SUBMITTED
    )
    return set(session.exec(query).all())


def resolutions_with_units(
    session: Session, *, statuses: Sequence[ResolutionStatus | str],
    due_dates: Iterable[dt.date] | None = None, due_at_sessions: Iterable[int] | None = None,
) -> list[tuple[Any, list[int]]]:
    """Resolutions in some states, each with the ids of the units whose share is owed, by id;
    with `due_dates`, only those due on one of them, or undated and due at one of
    `due_at_sessions`.

    Plain rows (id, number, session_id, subject, due_date, due_at_session_id, status), not ORM
    objects: a catch-up pass reads thousands of them.
    """
    wanted = resolutions_repo.in_states(statuses)
    if due_dates is not None:
        wanted = sa.and_(wanted, sa.or_(
            Resolution.due_date.in_(sorted(due_dates)),
            sa.and_(Resolution.due_date.is_(None),
                    Resolution.due_at_session_id.in_(sorted(due_at_sessions or ())))))
    resolutions = session.exec(
        select(Resolution.id, Resolution.number, Resolution.session_id, Resolution.subject,
               Resolution.due_date, Resolution.due_at_session_id, Resolution.status)
        .where(wanted).order_by(Resolution.id)
    ).all()
    if not resolutions:
        return []
    # Only the units whose share is owed (open or sent back) are reminded; a unit that has
    # reported, been confirmed or been let off is not (issue 19: reminders per share).
    pairs = session.exec(
        select(ResolutionAssignment.resolution_id, ResolutionAssignment.unit_id)
        .join(Resolution, Resolution.id == ResolutionAssignment.resolution_id)
        .where(wanted, ResolutionAssignment.state.in_(OWED_SHARES))
    ).all()
    units: dict[int, list[int]] = {}
    for resolution_id, unit_id in pairs:
        units.setdefault(resolution_id, []).append(unit_id)
    return [(r, sorted(units.get(r.id, []))) for r in resolutions]


def oldest_due_date(session: Session) -> dt.date | None:
    """The earliest due date of any resolution (an index's first entry)."""
    return session.exec(select(sa.func.min(Resolution.due_date))).one()


def sessions_on_days(session: Session, *, days: Iterable[dt.date],
                     tz: dt.tzinfo) -> list[CouncilSession]:
    """The sessions held (in `tz`) on one of these days."""
    wanted = set(days)
    if not wanted:
        return []
    query = select(CouncilSession).where(
        CouncilSession.starts_at >= dt.datetime.combine(min(wanted), dt.time(), tz) - ONE_DAY,
        CouncilSession.starts_at < dt.datetime.combine(max(wanted), dt.time(), tz) + 2 * ONE_DAY)
    return [s for s in session.exec(query).all() if s.starts_at.astimezone(tz).date() in wanted]


def sessions_by_id(session: Session, *, session_ids: Sequence[int]) -> dict[int, CouncilSession]:
    """Some sessions, by id."""
    if not session_ids:
        return {}
    query = select(CouncilSession).where(CouncilSession.id.in_(list(set(session_ids))))
    return {s.id: s for s in session.exec(query).all()}


def unfinished_broadcasts(session: Session) -> Sequence[Broadcast]:
    """Broadcasts launched (or cancelled) whose final report is not yet out."""
    query = select(Broadcast).where(
        Broadcast.status.in_([BroadcastStatus.SENDING, BroadcastStatus.CANCELLED]),
        Broadcast.finished_at.is_(None),
    )
    return session.exec(query.order_by(Broadcast.id)).all()
