"""Which updates' work is committed, so one the messenger delivers again is not redone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from storage.models import HandledUpdate

_TABLE = HandledUpdate.__table__
_MARK = {name: dialect.insert(_TABLE).on_conflict_do_nothing(index_elements=["update_id"])
         for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))}


def mark_handled(session: Session, *, update_id: int, at: dt.datetime) -> None:
    """Record in the session's own transaction that this update's work is done."""
    connection = session.connection()
    connection.execute(_MARK[connection.dialect.name],
                       {"update_id": update_id, "handled_at": at})


def handled_among(session: Session, *, update_ids: Iterable[int]) -> set[int]:
    """Which of these updates were handled already."""
    ids = list(update_ids)
    if not ids:
        return set()
    return set(session.connection().execute(
        sa.select(_TABLE.c.update_id).where(_TABLE.c.update_id.in_(ids))).scalars())


def newest(session: Session) -> int:
    """The highest update id recorded (0 when none is)."""
    return session.connection().execute(
        sa.select(sa.func.coalesce(sa.func.max(_TABLE.c.update_id), 0))).scalar_one()


def forget_before(session: Session, *, before: dt.datetime) -> int:
    """Drop the records older than `before` (the messenger keeps an update a day at most)."""
    return session.connection().execute(
        sa.delete(_TABLE).where(_TABLE.c.handled_at < before)).rowcount
