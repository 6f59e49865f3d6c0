"""Queries on council sessions and their agenda items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import AgendaItem, AgendaKind, CouncilSession, SessionStatus
from storage.types import fits_integer


def get_session(session: Session, *, session_id: int) -> CouncilSession | None:
    """The council session with this id, or None."""
    return session.get(CouncilSession, session_id)


def get_by_number(session: Session, *, number: int) -> CouncilSession | None:
    """The council session with this number, or None (also for a number no row can hold)."""
    if not fits_integer(number):
        return None
    return session.exec(select(CouncilSession).where(CouncilSession.number == number)).first()


def last_number(session: Session) -> int:
    """The highest session number so far (0 when there is none)."""
    return session.exec(select(sa.func.max(CouncilSession.number))).one() or 0


# Built once (every /report asks it): building the statement cost more than running it.
_FIRST_FROM = (
    select(CouncilSession)
    .where(CouncilSession.starts_at >= sa.bindparam("moment", type_=CouncilSession.starts_at.type),
           CouncilSession.status != SessionStatus.CANCELLED)
    .order_by(CouncilSession.starts_at).limit(1)
)


def first_starting_at_or_after(session: Session, *, moment: dt.datetime) -> CouncilSession | None:
    """The earliest session not cancelled that starts at or after `moment`."""
    return session.exec(_FIRST_FROM, params={"moment": moment}).first()


def starting_between(
    session: Session, *, start: dt.datetime, end: dt.datetime
) -> Sequence[CouncilSession]:
    """Sessions starting in [start, end), earliest first."""
    query = (
        select(CouncilSession)
        .where(CouncilSession.starts_at >= start, CouncilSession.starts_at < end)
        .order_by(CouncilSession.starts_at)
    )
    return session.exec(query).all()


def last_before(session: Session, *, moment: dt.datetime) -> CouncilSession | None:
    """The latest session that started before `moment`."""
    query = (
        select(CouncilSession)
        .where(CouncilSession.starts_at < moment)
        .order_by(CouncilSession.starts_at.desc())
    )
    return session.exec(query).first()


def create_session(
    session: Session, *, number: int, starts_at: dt.datetime, place: str | None
) -> CouncilSession:
    """Add a planned session and flush it."""
    council_session = CouncilSession(number=number, starts_at=starts_at, place=place)
    session.add(council_session)
    session.flush()
    return council_session


def agenda_of(session: Session, *, session_id: int) -> Sequence[AgendaItem]:
    """A session's agenda items in order."""
    query = (
        select(AgendaItem)
        .where(AgendaItem.session_id == session_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    return session.exec(query).all()


def get_agenda_item(session: Session, *, item_id: int) -> AgendaItem | None:
    """One agenda item, or None."""
    return session.get(AgendaItem, item_id)


def add_agenda_item(
    session: Session, *, session_id: int, kind: AgendaKind, title: str,
    position: int, unit_id: int | None = None,
) -> AgendaItem:
    """Add an agenda item at a position and flush it."""
    item = AgendaItem(session_id=session_id, kind=kind, title=title, position=position,
                      unit_id=unit_id)
    session.add(item)
    session.flush()
    return item


def delete_agenda_items(session: Session, *, session_id: int, kind: AgendaKind) -> None:
    """Remove every agenda item of one kind from a session."""
    for item in session.exec(
        select(AgendaItem).where(AgendaItem.session_id == session_id, AgendaItem.kind == kind)
    ).all():
        session.delete(item)
    session.flush()
