"""Queries on the organisation's own word on days (holiday): closures and worked holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import Holiday, HolidayKind


def between(session: Session, *, start: dt.date, end: dt.date) -> Sequence[Holiday]:
    """The rows dated in [start, end], by date."""
    return session.exec(select(Holiday).where(Holiday.date >= start, Holiday.date <= end)
                        .order_by(Holiday.date)).all()


def get(session: Session, *, day: dt.date) -> Holiday | None:
    """The row of one day, or None."""
    return session.get(Holiday, day)


def put(session: Session, *, day: dt.date, name: str, kind: HolidayKind) -> Holiday:
    """Set one day's row (a closure or a worked holiday), replacing what was there."""
    row = session.get(Holiday, day) or Holiday(date=day, name=name, kind=kind)
    row.name, row.kind = name, kind
    session.add(row)
    session.flush()
    return row


def delete(session: Session, *, days: Iterable[dt.date]) -> int:
    """Forget these days' rows; how many there were."""
    wanted = list(days)
    if not wanted:
        return 0
    result = session.execute(sa.delete(Holiday).where(Holiday.date.in_(wanted))
                             .execution_options(synchronize_session=False))
    session.expire_all()
    return result.rowcount or 0
