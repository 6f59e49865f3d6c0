"""Queries on resolutions, the units responsible for them, and their history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import (
    Attachment,
    CouncilSession,
    ReportStatus,
    Resolution,
    ResolutionAssignment,
    ResolutionEvent,
    ResolutionStatus,
    ShareState,
    Unit,
    WeeklyReport,
)
from storage.models.council import SHARE_SHOWN_SQL
from storage.probes import ProbeIn
from storage.types import fits_integer


def get_resolution(session: Session, *, resolution_id: int) -> Resolution | None:
    """The resolution with this id, or None."""
    return session.get(Resolution, resolution_id)


def get_by_number(session: Session, *, session_id: int, number: int) -> Resolution | None:
    """Resolution `number` of a session, or None (also for a number no row can hold)."""
    if not fits_integer(number):
        return None
    query = select(Resolution).where(Resolution.session_id == session_id,
                                     Resolution.number == number)
    return session.exec(query).first()


def of_session(session: Session, *, session_id: int) -> Sequence[Resolution]:
    """A session's resolutions by number."""
    query = select(Resolution).where(Resolution.session_id == session_id)
    return session.exec(query.order_by(Resolution.number)).all()


def next_number(session: Session, *, session_id: int) -> int:
    """The number a new resolution of this session gets."""
    query = select(sa.func.max(Resolution.number)).where(Resolution.session_id == session_id)
    return (session.exec(query).one() or 0) + 1


def add_resolution(session: Session, *, resolution: Resolution) -> Resolution:
    """Insert a resolution and flush it."""
    session.add(resolution)
    session.flush()
    return resolution


def units_of(session: Session, *, resolution_id: int) -> Sequence[Unit]:
    """The units responsible for a resolution, in unit id order."""
    query = (
        select(Unit)
        .join(ResolutionAssignment, ResolutionAssignment.unit_id == Unit.id)
        .where(ResolutionAssignment.resolution_id == resolution_id)
        .order_by(Unit.id)
    )
    return session.exec(query).all()


def set_units(
    session: Session, *, resolution_id: int, units: Iterable[tuple[int, str]],
    now: dt.datetime | None = None,
) -> list[int]:
    """Make exactly these (unit id, spelling) pairs responsible: a kept unit keeps its share's
    state, a new one gets a fresh open share, the first named leads if no kept unit does; the
    ids of the units removed (their history stays in resolution_event)."""
    wanted = dict(units)
    order = list(wanted)
    current = session.exec(
        select(ResolutionAssignment).where(ResolutionAssignment.resolution_id == resolution_id)
    ).all()
    removed = []
    for assignment in current:
        if assignment.unit_id not in wanted:
            removed.append(assignment.unit_id)
            session.delete(assignment)
        else:
            assignment.raw_name = wanted.pop(assignment.unit_id)
            session.add(assignment)
    has_lead = any(a.is_lead for a in current if a.unit_id not in removed)
    for unit_id, raw_name in wanted.items():
        lead = not has_lead and unit_id == order[0]
        session.add(ResolutionAssignment(resolution_id=resolution_id, unit_id=unit_id,
                                         raw_name=raw_name, since=now, is_lead=lead))
    if not has_lead and order and order[0] not in wanted:  # the lead was removed
        for assignment in current:
            assignment.is_lead = assignment.unit_id == order[0]
            session.add(assignment)
    session.flush()
    return removed


def add_event(session: Session, *, event: ResolutionEvent) -> ResolutionEvent:
    """Record an event and flush it."""
    session.add(event)
    session.flush()
    return event


def add_attachment(session: Session, *, attachment: Attachment) -> Attachment:
    """Keep a file reference and flush it."""
    session.add(attachment)
    session.flush()
    return attachment


def attachments_of(session: Session, *, event_ids: Iterable[int]) -> dict[int, list[Attachment]]:
    """The files of these events, by event id."""
    ids = list(event_ids)
    if not ids:
        return {}
    query = select(Attachment).where(Attachment.resolution_event_id.in_(ids))
    found: dict[int, list[Attachment]] = {}
    for attachment in session.exec(query.order_by(Attachment.id)).all():
        found.setdefault(attachment.resolution_event_id, []).append(attachment)
    return found


def events_of(session: Session, *, resolution_id: int) -> Sequence[ResolutionEvent]:
    """A resolution's history, oldest first."""
    query = (
        select(ResolutionEvent)
        .where(ResolutionEvent.resolution_id == resolution_id)
        .order_by(ResolutionEvent.created_at, ResolutionEvent.id)
    )
    return session.exec(query).all()


def search(
    session: Session,
    *,
    unit_ids: Iterable[int] | None = None,
    statuses: Iterable[ResolutionStatus] | None = None,
    session_id: int | None = None,
    due_before: dt.date | None = None,
    limit: int | None = None,
    share_states: Iterable[ShareState] | None = None,
) -> Sequence[tuple[Resolution, CouncilSession]]:
    """Resolutions with their sessions, filtered (a share of these units, in these states);
    most urgent (earliest due) first."""
    query = select(Resolution, CouncilSession).join(
        CouncilSession, CouncilSession.id == Resolution.session_id
    )
    if unit_ids is not None or share_states is not None:
        assigned = select(ResolutionAssignment.resolution_id)
        if unit_ids is not None:
            assigned = assigned.where(ResolutionAssignment.unit_id.in_(list(unit_ids)))
        if share_states is not None:
            assigned = assigned.where(
                ResolutionAssignment.state.in_([str(s) for s in share_states]))
        query = query.where(Resolution.id.in_(assigned))
    if statuses is not None:
        query = query.where(Resolution.status.in_([str(s) for s in statuses]))
    if session_id is not None:
        query = query.where(Resolution.session_id == session_id)
    if due_before is not None:
        query = query.where(Resolution.due_date < due_before)
    query = query.order_by(
        Resolution.due_date.is_(None), Resolution.due_date, CouncilSession.starts_at,
        Resolution.number,
    )
    return session.exec(query.limit(limit)).all()


# Built once (a report's every round asks it): building it cost more than running it.
_IDS_OF_UNIT = (
    select(Resolution.id)
    .join(CouncilSession, CouncilSession.id == Resolution.session_id)
    .where(Resolution.id.in_(select(ResolutionAssignment.resolution_id).where(
               ResolutionAssignment.unit_id == sa.bindparam("unit_id"),
               ResolutionAssignment.state.in_([ShareState.OPEN.value,
                                               ShareState.SENT_BACK.value]))),
           Resolution.status.in_(sa.bindparam("statuses", expanding=True)))
    .order_by(Resolution.due_date.is_(None), Resolution.due_date, CouncilSession.starts_at,
              Resolution.number)
)


def ids_of_unit(
    session: Session, *, unit_id: int, statuses: Iterable[ResolutionStatus]
) -> list[int]:
    """The ids of the resolutions in these states where a unit's share is owed (open or sent
    back), in `search`'s order (no rows loaded)."""
    return list(session.exec(_IDS_OF_UNIT, params={
        "unit_id": unit_id, "statuses": [str(s) for s in statuses]}).all())


_WITH_SESSIONS = select(Resolution, CouncilSession).join(
    CouncilSession, CouncilSession.id == Resolution.session_id).where(
    Resolution.id.in_(sa.bindparam("ids", expanding=True)))


def with_sessions(
    session: Session, *, resolution_ids: Iterable[int]
) -> dict[int, tuple[Resolution, CouncilSession]]:
    """These resolutions with their sessions, by id, in one query."""
    ids = list(resolution_ids)
    if not ids:
        return {}
    rows = session.exec(_WITH_SESSIONS, params={"ids": ids})
    return {resolution.id: (resolution, council) for resolution, council in rows}


def count_by_status(session: Session, *, statuses: Iterable[ResolutionStatus]) -> int:
    """How many resolutions are in one of these states."""
    query = select(sa.func.count()).select_from(Resolution).where(
        Resolution.status.in_([str(s) for s in statuses]))
    return session.exec(query).one()


ACTIVE_STATES = frozenset({ResolutionStatus.OPEN, ResolutionStatus.REPORTED_DONE})


def in_states(statuses: Iterable[ResolutionStatus | str]) -> sa.ColumnElement[bool]:
    """Resolution.status in these states; the active ones written out as the partial index's
    own condition, not as parameters, so that both databases can use ix_resolution_active
    (storage/db.py refresh_planner_statistics)."""
    wanted = frozenset(ResolutionStatus(s) for s in statuses)
    if wanted == ACTIVE_STATES:
        return sa.text("resolution.status IN ('open', 'reported_done')")
    return Resolution.status.in_([str(s) for s in wanted])


_UNITS = sa.bindparam("units", expanding=True)
# The partial index's own condition (ix_resolution_assignment_shown), not parameters, so that
# both databases can use it.
_SHOWN_IDS = sa.select(ResolutionAssignment.resolution_id).where(
    ResolutionAssignment.unit_id.in_(_UNITS), SHARE_SHOWN_SQL)
_SHOWN = (ProbeIn(Resolution.id, _SHOWN_IDS), in_states(ACTIVE_STATES))
# A weekly resolution falls due at the coming session (when there is one).
_DUE = sa.case((sa.func.coalesce(Resolution.recurrence, "") != "",
                sa.func.coalesce(sa.bindparam("weekly_due", type_=sa.Date),
                                 Resolution.due_date)), else_=Resolution.due_date)
_COUNT_SHOWN = select(sa.func.count()).select_from(Resolution).where(*_SHOWN)
_SHOWN_PAGE = (
    select(Resolution.id, Resolution.number, Resolution.recurrence, Resolution.due_date,
           CouncilSession.number, sa.func.count().over())
    .join(CouncilSession, CouncilSession.id == Resolution.session_id).where(*_SHOWN)
    .order_by(_DUE.is_(None), _DUE, CouncilSession.number, Resolution.number)
    .offset(sa.bindparam("offset")).limit(sa.bindparam("limit")))
_PAGE_SHARES = (
    select(ResolutionAssignment.resolution_id, ResolutionAssignment.unit_id,
           ResolutionAssignment.state, Resolution.subject, Resolution.urgent)
    .join(Resolution, Resolution.id == ResolutionAssignment.resolution_id)
    .where(ResolutionAssignment.resolution_id.in_(sa.bindparam("ids", expanding=True))))


def count_shown(session: Session, *, unit_ids: Iterable[int]) -> int:
    """How many active resolutions these units hold a share of that is owed or reported."""
    return session.exec(_COUNT_SHOWN, params={"units": list(unit_ids)}).one()


def shown_page(
    session: Session, *, unit_ids: Iterable[int], weekly_due: dt.date | None, offset: int,
    limit: int,
) -> Sequence[tuple]:
    """(id, number, recurrence, due date, session number, how many in all) of a page of the
    active resolutions these units hold a share of that is owed or reported, most urgent first:
    by due date (a weekly one's is `weekly_due`), undated last, then by session and number.
    A page past the end has no rows (count_shown then says how many there are). Only columns
    of ix_resolution_active: the sort never visits the wide rows."""
    return session.exec(_SHOWN_PAGE, params={
        "units": list(unit_ids), "weekly_due": weekly_due, "offset": offset,
        "limit": limit}).all()


def page_shares(session: Session, *, resolution_ids: Iterable[int]
                ) -> Sequence[tuple[int, int, str, str, bool]]:
    """(resolution id, unit id, state, subject, urgent) of every share of these resolutions."""
    ids = list(resolution_ids)
    if not ids:
        return []
    return session.exec(_PAGE_SHARES, params={"ids": ids}).all()


# Built once: /owe asks it every time, and building it cost more than running it.
_SUBMITTED = select(WeeklyReport.unit_id).where(
    WeeklyReport.session_id == sa.bindparam("session_id"),
    WeeklyReport.status == ReportStatus.SUBMITTED)
_SUBMITTED_OF = _SUBMITTED.where(WeeklyReport.unit_id.in_(sa.bindparam("units", expanding=True)))


def units_with_submitted_report(session: Session, *, session_id: int,
                                unit_ids: Iterable[int] | None = None) -> set[int]:
    """The units (of these, if given) that have submitted their weekly report for a session."""
    if unit_ids is None:
        return set(session.exec(_SUBMITTED, params={"session_id": session_id}).all())
    return set(session.exec(_SUBMITTED_OF, params={"session_id": session_id,
                                                   "units": list(unit_ids)}).all())
