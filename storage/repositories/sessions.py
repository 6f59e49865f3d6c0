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


def agenda_of(session: Session, *, session_id: int, limit: int | None = None
              ) -> Sequence[AgendaItem]:
    """A session's agenda items in order (those removed, undoable for a while, left out); the
    first `limit` of them if given."""
    return session.exec(_agenda(session_id).order_by(AgendaItem.position, AgendaItem.id)
                        .limit(limit)).all()


def agenda_length(session: Session, *, session_id: int) -> int:
    """How many items a session's agenda has."""
    return session.exec(_agenda(session_id).with_only_columns(sa.func.count())).one()


def _agenda(session_id: int):
    return select(AgendaItem).where(AgendaItem.session_id == session_id,
                                    AgendaItem.removed_at.is_(None))


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


def update_agenda_item(session: Session, *, item_id: int, version: int, **values: object) -> bool:
    """Change an item if it is still at `version` (and bump it); False if someone came first."""
    result = session.execute(
        sa.update(AgendaItem)
        .where(AgendaItem.id == item_id, AgendaItem.version == version)
        .values(version=AgendaItem.version + 1, **values)
        .execution_options(synchronize_session=False))
    session.expire_all()
    return result.rowcount == 1


def purge_removed(session: Session, *, before: dt.datetime) -> None:
    """Forget the items removed before `before` (their undo has expired)."""
    session.execute(sa.delete(AgendaItem).where(AgendaItem.removed_at < before)
                    .execution_options(synchronize_session=False))


def make_room_after(session: Session, *, moment: dt.datetime) -> int:
    """The number a session starting at `moment` takes in date order; the sessions after it
    move up by one to make room."""
    before = session.exec(select(sa.func.max(CouncilSession.number))
                          .where(CouncilSession.starts_at < moment)).one() or 0
    later = CouncilSession.number > before
    # In two steps, so no row ever holds a number another row still holds (unique).
    session.execute(sa.update(CouncilSession).where(later)
                    .values(number=-(CouncilSession.number + 1))
                    .execution_options(synchronize_session=False))
    session.execute(sa.update(CouncilSession).where(CouncilSession.number < 0)
                    .values(number=-CouncilSession.number)
                    .execution_options(synchronize_session=False))
    session.expire_all()
    return before + 1


def sessions_between(session: Session, *, start: dt.datetime, end: dt.datetime,
                     held_only: bool = False) -> Sequence[CouncilSession]:
    """Sessions not cancelled starting in [start, end), earliest first."""
    query = select(CouncilSession).where(CouncilSession.starts_at >= start,
                                         CouncilSession.starts_at < end,
                                         CouncilSession.status != SessionStatus.CANCELLED)
    if held_only:
        query = query.where(CouncilSession.status == SessionStatus.HELD)
    return session.exec(query.order_by(CouncilSession.starts_at)).all()
