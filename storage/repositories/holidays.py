"""Queries on the organisation's own word on days (holiday): closures and worked holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import Holiday, HolidayKind

_CACHE = "mina.holidays"  # the whole (small) table, read once per database session


class Day(NamedTuple):
    """One row's values (kept apart from the ORM: a commit expires rows, not these)."""

    date: dt.date
    name: str
    kind: HolidayKind


def every_row(session: Session) -> Sequence[Day]:
    """The whole table by date, read once per session (a report deadline is computed for many
    sessions in one request); this module's writes forget the copy."""
    if _CACHE not in session.info:
        rows = session.exec(select(Holiday).order_by(Holiday.date)).all()
        session.info[_CACHE] = [Day(r.date, r.name, HolidayKind(r.kind)) for r in rows]
    return session.info[_CACHE]


def between(session: Session, *, start: dt.date, end: dt.date) -> Sequence[Holiday]:
    """The rows dated in [start, end], by date."""
    return session.exec(select(Holiday).where(Holiday.date >= start, Holiday.date <= end)
                        .order_by(Holiday.date)).all()


def get(session: Session, *, day: dt.date) -> Holiday | None:
    """The row of one day, or None."""
    return session.get(Holiday, day)


def put(session: Session, *, day: dt.date, name: str, kind: HolidayKind) -> Holiday:
    """Set one day's row (a closure or a worked holiday), replacing what was there."""
    session.info.pop(_CACHE, None)
    row = session.get(Holiday, day) or Holiday(date=day, name=name, kind=kind)
    row.name, row.kind = name, kind
    session.add(row)
    session.flush()
    return row


def delete(session: Session, *, days: Iterable[dt.date]) -> int:
    """Forget these days' rows; how many there were."""
    session.info.pop(_CACHE, None)
    wanted = list(days)
    if not wanted:
        return 0
    result = session.execute(sa.delete(Holiday).where(Holiday.date.in_(wanted))
                             .execution_options(synchronize_session=False))
    session.expire_all()
    return result.rowcount or 0
