"""Queries on members and their memberships in units."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import Language, Member, Membership, Role, Unit


def get_by_telegram_id(session: Session, *, telegram_id: int) -> Member | None:
    """The member bound to this Telegram account, or None."""
    return session.exec(select(Member).where(Member.telegram_id == telegram_id)).first()


def _identity_query() -> sa.Select:
    member, membership, unit = Member.__table__.c, Membership.__table__.c, Unit.__table__.c
    seat = sa.and_(membership.member_id == member.id, membership.active)
    return (
        sa.select(member.id, member.name, member.language, member.is_admin, member.active,
                  member.unreachable_since, unit.id, unit.key, unit.name_fa, membership.role,
                  unit.kind, unit.name_en)
        .select_from(Member.__table__)
        .outerjoin(Membership.__table__, seat)
        .outerjoin(Unit.__table__, sa.and_(unit.id == membership.unit_id, unit.active))
        .where(member.telegram_id == sa.bindparam("telegram_id"))
        .order_by(unit.key, membership.role)
    )


# Built once, on the tables rather than the ORM classes: a first contact reads this, and building
# the statement and going through the ORM cost more than the query itself.
_IDENTITY = _identity_query()


def identity_rows(db: Session | sa.Connection, *, telegram_id: int) -> Sequence[tuple]:
    """An account's member and its active memberships in active units, in one query, as plain
    rows (member id, name, language, is_admin, active, unreachable_since, unit id, unit key,
    unit name, role, unit kind, unit English name); the unit columns are None for a member
    without any. `db`: a session, or a bare connection (the hot path: no session to set up)."""
    connection = db.connection() if isinstance(db, Session) else db
    return connection.execute(_IDENTITY, {"telegram_id": telegram_id}).all()


def get_member(session: Session, *, member_id: int) -> Member | None:
    """The member with this id, or None."""
    return session.get(Member, member_id)


def create_member(
    session: Session,
    *,
    name: str,
    telegram_id: int | None = None,
    language: Language = Language.FA,
    is_admin: bool = False,
) -> Member:
    """Add a member (invited people have no Telegram id yet) and flush it."""
    member = Member(name=name, telegram_id=telegram_id, language=language, is_admin=is_admin)
    session.add(member)
    session.flush()
    return member


def list_active_members(session: Session) -> Sequence[Member]:
    """Active members ordered by name."""
    return session.exec(select(Member).where(Member.active).order_by(Member.name)).all()


def add_membership(session: Session, *, member_id: int, unit_id: int, role: Role) -> Membership:
    """Give a member a role in a unit and flush it."""
    membership = Membership(member_id=member_id, unit_id=unit_id, role=role)
    session.add(membership)
    session.flush()
    return membership


def memberships_of(
    session: Session, *, member_id: int, include_ended: bool = False
) -> Sequence[Membership]:
    """A member's memberships, active ones unless asked otherwise."""
    query = select(Membership).where(Membership.member_id == member_id).order_by(Membership.id)
    if not include_ended:
        query = query.where(Membership.active)
    return session.exec(query).all()


def active_memberships(session: Session, *, member_id: int) -> Sequence[tuple[Membership, Unit]]:
    """A member's active memberships in active units, each with its unit, by unit key."""
    query = (
        select(Membership, Unit)
        .join(Unit, Unit.id == Membership.unit_id)
        .where(Membership.member_id == member_id, Membership.active, Unit.active)
        .order_by(Unit.key, Membership.role)
    )
    return session.exec(query).all()


def active_seats(session: Session) -> Sequence[tuple[int, int]]:
    """Every (member id, unit id) of an active membership in an active unit, each pair once;
    one statement for the whole organisation."""
    query = (select(Membership.member_id, Membership.unit_id).distinct()
             .join(Unit, Unit.id == Membership.unit_id)
             .where(Membership.active, Unit.active))
    return session.exec(query).all()


def unit_members(session: Session, *, unit_id: int, role: Role | None = None) -> Sequence[Member]:
    """Active members holding an active membership in a unit, optionally in one role."""
    holds_seat = select(Membership.member_id).where(
        Membership.unit_id == unit_id, Membership.active
    )
    if role is not None:
        holds_seat = holds_seat.where(Membership.role == role)
    query = select(Member).where(Member.active, Member.id.in_(holds_seat)).order_by(Member.name)
    return session.exec(query).all()


def list_members(session: Session, *, include_inactive: bool = False) -> Sequence[Member]:
    """Members ordered by id; active ones unless asked otherwise."""
    query = select(Member).order_by(Member.id)
    if not include_inactive:
        query = query.where(Member.active)
    return session.exec(query).all()


def get_membership(session: Session, *, membership_id: int) -> Membership | None:
    """The membership with this id, or None."""
    return session.get(Membership, membership_id)


def find_membership(
    session: Session, *, member_id: int, unit_id: int, role: Role
) -> Membership | None:
    """The (active or ended) membership of a member in a unit with a role, or None."""
    query = select(Membership).where(
        Membership.member_id == member_id, Membership.unit_id == unit_id, Membership.role == role
    )
    return session.exec(query).first()


def unit_roster(session: Session, *, unit_id: int) -> Sequence[tuple[Membership, Member]]:
    """A unit's active memberships of active members, heads first, then by name."""
    order = sa.case({Role.HEAD.value: 0, Role.SECRETARY.value: 1}, value=Membership.role, else_=2)
    query = (
        select(Membership, Member)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.unit_id == unit_id, Membership.active, Member.active)
        .order_by(order, Member.name, Membership.id)
    )
    return session.exec(query).all()


def count_unit_members(session: Session, *, unit_id: int) -> int:
    """How many active members hold an active seat in a unit."""
    query = (
        select(sa.func.count(sa.distinct(Membership.member_id)))
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.unit_id == unit_id, Membership.active, Member.active)
    )
    return session.exec(query).one()
