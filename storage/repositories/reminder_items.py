"""Queries on reminder items: each reminder to each member once, grouped into outbox rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from storage.models import (
    Membership,
    OutboxMessage,
    OutboxState,
    ReminderItem,
    Resolution,
    ResolutionAssignment,
    Role,
    Unit,
    UnitKind,
)
from storage.repositories.reminders import OWED_SHARES

ITEMS: sa.Table = ReminderItem.__table__
QUEUED, COMPOSED, DROPPED = "queued", "composed", "dropped"
# Without RETURNING: psycopg then sends one statement in a pipeline instead of parsing a
# thousand-row one for each page (a catch-up on PostgreSQL at ten times the country, profiled:
# 94 → 32 s, the whole pass 157 → 110 s).
_INSERT_NEW = {name: dialect.insert(ITEMS).on_conflict_do_nothing(index_elements=["key"])
               for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))}


def insert_new(session: Session, *, rows: Sequence[dict[str, Any]]) -> None:
    """Insert the items whose keys are new (one another pass recorded meanwhile is skipped)."""
    if rows:
        session.connection().execute(_INSERT_NEW[session.get_bind().dialect.name], list(rows))


def existing_keys(session: Session, *, keys: Iterable[str], chunk: int = 500) -> set[str]:
    """Which of these keys are recorded already."""
    wanted = list(keys)
    found: set[str] = set()
    for start in range(0, len(wanted), chunk):
        found.update(session.exec(select(ReminderItem.key).where(
            ReminderItem.key.in_(wanted[start:start + chunk]))).all())
    return found


def members_waiting(session: Session) -> list[int]:
    """The members with items still waiting to be put in a message, in order."""
    return list(session.exec(select(ReminderItem.member_id).where(ReminderItem.state == QUEUED)
                             .distinct().order_by(ReminderItem.member_id)).all())


def queued(session: Session, *, member_ids: Sequence[int]) -> Sequence[sa.Row]:
    """These members' items waiting to be put in a message (id, member_id, kind, subject,
    expires; not their details), by member."""
    return session.exec(select(ReminderItem.id, ReminderItem.member_id, ReminderItem.kind,
                               ReminderItem.subject, ReminderItem.expires)
                        .where(ReminderItem.state == QUEUED,
                               ReminderItem.member_id.in_(list(member_ids)))
                        .order_by(ReminderItem.member_id, ReminderItem.id)).all()


# One row at a time by its id: SQLite would otherwise search `state = 'queued'` by its index
# and read every queued item for each call (a catch-up at ten times the country: 50,000 calls).
_MOVE = (sa.update(ITEMS).where(ITEMS.c.id == sa.bindparam("item"), ITEMS.c.state == QUEUED)
         .values(state=sa.bindparam("to"), outbox_id=sa.bindparam("outbox")))


def move(session: Session, *, moves: Sequence[tuple[int, str, int | None]]) -> None:
    """Move queued items on, each (id, new state, its outbox row or None), in one statement."""
    if moves:
        session.connection().execute(_MOVE, [{"item": item, "to": state, "outbox": outbox}
                                             for item, state, outbox in moves])


def of_message(session: Session, *, outbox_id: int) -> Sequence[ReminderItem]:
    """The items an outbox row carries."""
    return session.exec(select(ReminderItem).where(ReminderItem.outbox_id == outbox_id)
                        .order_by(ReminderItem.id)).all()


def moments_between(session: Session, *, member_ids: Iterable[int], kind: str,
                    start: datetime, end: datetime) -> dict[int, int]:
    """How many reminder messages of a kind each member has in [start, end), not dropped."""
    wanted = list(member_ids)
    if not wanted:
        return {}
    query = (select(OutboxMessage.member_id, sa.func.count())
             .where(OutboxMessage.kind == kind, OutboxMessage.member_id.in_(wanted),
                    OutboxMessage.not_before >= start, OutboxMessage.not_before < end,
                    OutboxMessage.state != OutboxState.DROPPED)
             .group_by(OutboxMessage.member_id))
    return {member_id: count for member_id, count in session.exec(query)}


def seats_of(session: Session, *, member_id: int) -> tuple[set[int], bool]:
    """The units a member is head or secretary of now, and whether they sit in a secretariat."""
    rows = session.exec(select(Membership.unit_id, Membership.role, Unit.kind)
                        .join(Unit, Unit.id == Membership.unit_id)
                        .where(Membership.member_id == member_id, Membership.active,
                               Unit.active)).all()
    return ({unit for unit, role, _ in rows if role in (Role.HEAD, Role.SECRETARY)},
            any(kind == UnitKind.SECRETARIAT for *_, kind in rows))


def resolutions_now(session: Session, *, ids: Iterable[int]
                    ) -> dict[int, tuple[Resolution, set[int]]]:
    """Some resolutions as they are now, each with the units whose share is still owed."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    found = {r.id: (r, set()) for r in session.exec(
        select(Resolution).where(Resolution.id.in_(wanted))).all()}
    for rid, unit_id in session.exec(
            select(ResolutionAssignment.resolution_id, ResolutionAssignment.unit_id)
            .where(ResolutionAssignment.resolution_id.in_(wanted),
                   ResolutionAssignment.state.in_(OWED_SHARES))):
        found[rid][1].add(unit_id)
    return found


def told_between(session: Session, *, member_ids: Iterable[int], start: datetime,
                 end: datetime) -> set[tuple[int, str]]:
    """(member, subject) of the items put in a message for [start, end), not dropped."""
    wanted = list(member_ids)
    if not wanted:
        return set()
    query = (select(ReminderItem.member_id, ReminderItem.subject)
             .join(OutboxMessage, OutboxMessage.id == ReminderItem.outbox_id)
             .where(ReminderItem.member_id.in_(wanted), OutboxMessage.not_before >= start,
                    OutboxMessage.not_before < end, OutboxMessage.state != OutboxState.DROPPED))
    return set(session.exec(query).all())
