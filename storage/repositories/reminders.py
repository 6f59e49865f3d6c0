"""Read-only queries the reminder planner and broadcasts need: sessions, reports, resolutions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, select

from storage.models import (
    Broadcast,
    BroadcastStatus,
    CouncilSession,
    ReportStatus,
    Resolution,
    ResolutionAssignment,
    ResolutionStatus,
    ShareState,
    WeeklyReport,
)
from storage.repositories import resolutions as resolutions_repo

OWED_SHARES = (ShareState.OPEN.value, ShareState.SENT_BACK.value)


def submitted_unit_ids(session: Session, *, session_id: int) -> set[int]:
    """Units whose weekly report for a session has been submitted."""
    query = select(WeeklyReport.unit_id).where(
        WeeklyReport.session_id == session_id, WeeklyReport.status == ReportStatus.SUBMITTED
    )
    return set(session.exec(query).all())


def resolutions_with_units(
    session: Session, *, statuses: Sequence[ResolutionStatus]
) -> list[tuple[Any, list[int]]]:
    """Resolutions in some states, each with the ids of the units whose share is owed, by id.

    Plain rows (id, number, session_id, subject, due_date, due_at_session_id, status), not ORM
    objects: the planner reads thousands of them every minute.
    """
    wanted = resolutions_repo.in_states(statuses)
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
