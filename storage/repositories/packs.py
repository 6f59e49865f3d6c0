"""Queries of the session pack: each part in one or two statements, whatever the rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import (
    AgendaItem,
    CouncilSession,
    ReportSubmission,
    Resolution,
    ResolutionAssignment,
    ShareState,
    Unit,
    WeeklyReport,
)
from storage.repositories.resolutions import ACTIVE_STATES, in_states

OWED = (ShareState.OPEN.value, ShareState.SENT_BACK.value)


def agenda_with_units(session: Session, *, session_id: int
                      ) -> Sequence[tuple[AgendaItem, Unit | None]]:
    """A session's agenda items in order, each with its presenting unit (or None)."""
    query = (select(AgendaItem, Unit).outerjoin(Unit, Unit.id == AgendaItem.unit_id)
             .where(AgendaItem.session_id == session_id)
             .order_by(AgendaItem.position, AgendaItem.id))
    return session.exec(query).all()


def reports_with_latest(session: Session, *, session_ids: Iterable[int]
                        ) -> Sequence[tuple[WeeklyReport, ReportSubmission | None, Unit]]:
    """Every report of these sessions with its unit and the version that counts (None for a
    draft never sent)."""
    query = (select(WeeklyReport, ReportSubmission, Unit)
             .join(Unit, Unit.id == WeeklyReport.unit_id)
             .outerjoin(ReportSubmission, sa.and_(
                 ReportSubmission.report_id == WeeklyReport.id,
                 ReportSubmission.version == WeeklyReport.current_version))
             .where(WeeklyReport.session_id.in_(list(session_ids)))
             .order_by(WeeklyReport.session_id, Unit.id))
    return session.exec(query).all()


def owed_by_unit(session: Session, *, day: dt.date) -> Sequence[tuple[Unit, int, int]]:
    """Each unit owing shares of active resolutions: (unit, shares owed, of them overdue on
    `day`), most overdue first. One grouped statement."""
    overdue = sa.func.sum(sa.case((Resolution.due_date < day, 1), else_=0))
    query = (select(Unit, sa.func.count(), overdue)
             .select_from(ResolutionAssignment)
             .join(Resolution, Resolution.id == ResolutionAssignment.resolution_id)
             .join(Unit, Unit.id == ResolutionAssignment.unit_id)
             .where(ResolutionAssignment.state.in_(OWED), in_states(ACTIVE_STATES))
             .group_by(Unit.id)
             .order_by(overdue.desc(), sa.func.count().desc(), Unit.id))
    return [(unit, int(n), int(late or 0)) for unit, n, late in session.exec(query).all()]


def _due_by(day: dt.date, session_id: int) -> sa.ColumnElement[bool]:
    return sa.or_(Resolution.due_date <= day, Resolution.due_at_session_id == session_id)


def count_due_with_owed(session: Session, *, day: dt.date, session_id: int) -> int:
    """How many active resolutions due by the session still have a share owed."""
    owing = select(ResolutionAssignment.resolution_id).where(
        ResolutionAssignment.state.in_(OWED))
    query = (select(sa.func.count()).select_from(Resolution)
             .where(in_states(ACTIVE_STATES), _due_by(day, session_id),
                    Resolution.id.in_(owing)))
    return session.exec(query).one()


def due_with_owed(session: Session, *, day: dt.date, session_id: int, limit: int
                  ) -> Sequence[tuple[Resolution, int, Unit, ShareState]]:
    """Active resolutions due by the session (`day`) with a share still owed, the most recently
    due first, at most `limit` of them; a row per share: (resolution, its session's number,
    unit, state)."""
    owing = select(ResolutionAssignment.resolution_id).where(
        ResolutionAssignment.state.in_(OWED))
    chosen = (select(Resolution.id)
              .where(in_states(ACTIVE_STATES), _due_by(day, session_id),
                     Resolution.id.in_(owing))
              .order_by(Resolution.due_date.desc().nulls_first(), Resolution.id.desc())
              .limit(limit)).subquery()
    query = (select(Resolution, CouncilSession.number, Unit, ResolutionAssignment.state)
             .join(chosen, chosen.c.id == Resolution.id)
             .join(CouncilSession, CouncilSession.id == Resolution.session_id)
             .join(ResolutionAssignment, ResolutionAssignment.resolution_id == Resolution.id)
             .join(Unit, Unit.id == ResolutionAssignment.unit_id)
             .order_by(Resolution.due_date.desc().nulls_first(), Resolution.id.desc(),
                       Unit.id))
    return [(r, n, u, ShareState(s)) for r, n, u, s in session.exec(query).all()]


def of_session_with_shares(session: Session, *, session_ids: Iterable[int]
                           ) -> Sequence[tuple[Resolution, Unit | None, ShareState | None]]:
    """These sessions' resolutions by session and number, a row per share (unit, state)."""
    query = (select(Resolution, Unit, ResolutionAssignment.state)
             .outerjoin(ResolutionAssignment,
                        ResolutionAssignment.resolution_id == Resolution.id)
             .outerjoin(Unit, Unit.id == ResolutionAssignment.unit_id)
             .where(Resolution.session_id.in_(list(session_ids)))
             .order_by(Resolution.session_id, Resolution.number, Unit.id))
    return [(r, u, ShareState(s) if s else None) for r, u, s in session.exec(query).all()]


def compliance_counts(session: Session, *, session_ids: Iterable[int], kinds: Iterable[str]
                      ) -> dict[int, tuple[int, int, int]]:
    """(on time, late, reporting units that sent a report) of each session; one grouped
    statement over the reports, not one pass over the units per session."""
    ids = list(session_ids)
    if not ids:
        return {}
    sent = WeeklyReport.current_version > 0
    kinds = [str(k) for k in kinds]
    query = (select(WeeklyReport.session_id,
                    sa.func.sum(sa.case((sa.and_(sent, sa.not_(WeeklyReport.late)), 1),
                                        else_=0)),
                    sa.func.sum(sa.case((sa.and_(sent, WeeklyReport.late), 1), else_=0)),
                    sa.func.sum(sa.case((sa.and_(sent, Unit.kind.in_(kinds), Unit.active), 1),
                                        else_=0)))
             .join(Unit, Unit.id == WeeklyReport.unit_id)
             .where(WeeklyReport.session_id.in_(ids))
             .group_by(WeeklyReport.session_id))
    return {sid: (int(a or 0), int(b or 0), int(c or 0))
            for sid, a, b, c in session.exec(query).all()}
