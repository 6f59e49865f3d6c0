"""Queries that pick who receives a message: everyone, units, roles, the secretariat."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select
from sqlmodel.sql.expression import Select

from storage.models import Member, Membership, Role, Unit, UnitKind


def reachable_members(session: Session) -> Sequence[Member]:
    """Active members with a Telegram account, by name."""
    return session.exec(_reachable().order_by(Member.name, Member.id)).all()


def reachable_member_ids(session: Session) -> list[int]:
    """The ids of reachable_members, in the same order, without loading the rows."""
    query = select(Member.id).where(Member.active, Member.telegram_id.is_not(None))
    return list(session.exec(query.order_by(Member.name, Member.id)).all())


def members_holding(
    session: Session, *, unit_ids: Iterable[int] | None = None,
    roles: Iterable[Role] | None = None, unit_kinds: Iterable[UnitKind] | None = None,
) -> Sequence[Member]:
    """Active members with an active seat matching every given filter, by name."""
    query = _holding(unit_ids=unit_ids, roles=roles, unit_kinds=unit_kinds)
    return session.exec(query.order_by(Member.name, Member.id)).all()


def count_reachable(session: Session, *, unit_ids: Iterable[int] | None = None,
                    roles: Iterable[Role] | None = None) -> int:
    """How many reachable_members (with unit_ids or roles: members_holding) there are,
    counted by the database."""
    query = (_reachable() if unit_ids is None and roles is None
             else _holding(unit_ids=unit_ids, roles=roles, unit_kinds=None))
    return session.exec(select(sa.func.count()).select_from(query.subquery())).one()


def _reachable() -> Select:
    return select(Member).where(Member.active, Member.telegram_id.is_not(None))


def _holding(*, unit_ids: Iterable[int] | None, roles: Iterable[Role] | None,
             unit_kinds: Iterable[UnitKind] | None) -> Select:
    seats = (
        select(Membership.member_id)
        .join(Unit, Unit.id == Membership.unit_id)
        .where(Membership.active, Unit.active)
    )
    if unit_ids is not None:
        seats = seats.where(Membership.unit_id.in_(list(unit_ids)))
    if roles is not None:
        seats = seats.where(Membership.role.in_(list(roles)))
    if unit_kinds is not None:
        seats = seats.where(Unit.kind.in_(list(unit_kinds)))
    return _reachable().where(Member.id.in_(seats))


def officers_by_unit(session: Session) -> dict[int, list[int]]:
    """The heads and secretaries (as members_holding picks them) of every active unit, by name,
    in one query."""
    query = (
        select(Membership.unit_id, Member.id)
        .join(Member, Member.id == Membership.member_id)
        .join(Unit, Unit.id == Membership.unit_id)
        .where(Membership.active, Unit.active, Member.active, Member.telegram_id.is_not(None),
               Membership.role.in_([Role.HEAD, Role.SECRETARY]))
        .order_by(Member.name, Member.id)
    )
    found: dict[int, dict[int, None]] = {}
    for unit_id, member_id in session.exec(query):
        found.setdefault(unit_id, {})[member_id] = None  # a head who is also secretary: once
    return {unit_id: list(members) for unit_id, members in found.items()}


def secretariat_members(session: Session) -> Sequence[Member]:
    """Everyone with a seat in a secretariat unit."""
    return members_holding(session, unit_kinds=[UnitKind.SECRETARIAT])


def officers_of(session: Session, *, unit_ids: Iterable[int]) -> Sequence[Member]:
    """Heads and secretaries of the given units."""
    return members_holding(session, unit_ids=unit_ids, roles=[Role.HEAD, Role.SECRETARY])


def units(session: Session, *, kinds: Iterable[str] | None = None) -> Sequence[Unit]:
    """Active units (of some kinds), by key."""
    query = select(Unit).where(Unit.active).order_by(Unit.key)
    if kinds is not None:
        query = query.where(Unit.kind.in_(list(kinds)))
    return session.exec(query).all()
