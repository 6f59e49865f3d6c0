"""Queries of the quarterly report: its row, and the quarter's figures in grouped statements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import (
    QuarterlyReport,
    Resolution,
    ResolutionAssignment,
    ResolutionStatus,
    ShareState,
    Unit,
    WeeklyReport,
)

_OPEN = (ResolutionStatus.OPEN.value, ResolutionStatus.REPORTED_DONE.value)


def of_quarter(session: Session, *, year: int, quarter: int) -> QuarterlyReport | None:
    """The quarter's report, if one was started."""
    query = select(QuarterlyReport).where(QuarterlyReport.year == year,
                                          QuarterlyReport.quarter == quarter)
    return session.exec(query).first()


def get(session: Session, *, report_id: int, lock: bool = False) -> QuarterlyReport | None:
    """One report by id (locked for update when `lock`: two presses never both approve)."""
    query = select(QuarterlyReport).where(QuarterlyReport.id == report_id)
    return session.exec(query.with_for_update() if lock else query).first()


def add(session: Session, *, report: QuarterlyReport) -> QuarterlyReport:
    """Store a new report."""
    session.add(report)
    session.flush()
    return report


def resolutions_by_unit(session: Session, *, session_ids: Iterable[int], day: dt.date
                        ) -> Sequence[tuple[Unit, int, int, int, int]]:
    """Per unit with a share of these sessions' resolutions: (unit, shares, done, open, of them
    overdue on `day`), most shares first; cancelled resolutions and shares not applicable left
    out. One grouped statement."""
    ids = list(session_ids)
    if not ids:
        return []
    done = ResolutionAssignment.state == ShareState.CONFIRMED.value
    still = sa.not_(done)
    late = sa.and_(still, Resolution.due_date < day)
    query = (select(Unit, sa.func.count(), sa.func.sum(sa.case((done, 1), else_=0)),
                    sa.func.sum(sa.case((still, 1), else_=0)),
                    sa.func.sum(sa.case((late, 1), else_=0)))
             .select_from(ResolutionAssignment)
             .join(Resolution, Resolution.id == ResolutionAssignment.resolution_id)
             .join(Unit, Unit.id == ResolutionAssignment.unit_id)
             .where(Resolution.session_id.in_(ids),
                    Resolution.status != ResolutionStatus.CANCELLED.value,
                    ResolutionAssignment.state != ShareState.NOT_APPLICABLE.value)
             .group_by(Unit.id)
             .order_by(sa.func.count().desc(), Unit.id))
    return [(u, int(n), int(d or 0), int(o or 0), int(x or 0))
            for u, n, d, o, x in session.exec(query).all()]


def resolution_totals(session: Session, *, session_ids: Iterable[int], day: dt.date
                      ) -> tuple[int, int, int, int]:
    """(made, done, open, of them overdue on `day`) of these sessions' resolutions, cancelled
    ones left out."""
    ids = list(session_ids)
    if not ids:
        return 0, 0, 0, 0
    still = Resolution.status.in_(_OPEN)
    query = (select(sa.func.count(),
                    sa.func.sum(sa.case((Resolution.status == ResolutionStatus.CONFIRMED.value,
                                         1), else_=0)),
                    sa.func.sum(sa.case((still, 1), else_=0)),
                    sa.func.sum(sa.case((sa.and_(still, Resolution.due_date < day), 1),
                                        else_=0)))
             .where(Resolution.session_id.in_(ids),
                    Resolution.status != ResolutionStatus.CANCELLED.value))
    made, done, open_, late = session.exec(query).one()
    return int(made), int(done or 0), int(open_ or 0), int(late or 0)


def compliance_by_unit(session: Session, *, session_ids: Iterable[int]
                       ) -> dict[int, tuple[int, int]]:
    """(on time, late) reports of each unit over these sessions; one grouped statement."""
    ids = list(session_ids)
    if not ids:
        return {}
    sent = WeeklyReport.current_version > 0
    query = (select(WeeklyReport.unit_id,
                    sa.func.sum(sa.case((sa.and_(sent, sa.not_(WeeklyReport.late)), 1),
                                        else_=0)),
                    sa.func.sum(sa.case((sa.and_(sent, WeeklyReport.late), 1), else_=0)))
             .where(WeeklyReport.session_id.in_(ids))
             .group_by(WeeklyReport.unit_id))
    return {uid: (int(a or 0), int(b or 0)) for uid, a, b in session.exec(query).all()}
