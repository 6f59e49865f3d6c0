"""Queries on working groups (کارگروه) and their seats."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import Member, WorkingGroup, WorkingGroupMember


def get_working_group(session: Session, *, working_group_id: int) -> WorkingGroup | None:
    """The working group with this id, or None."""
    return session.get(WorkingGroup, working_group_id)


def list_working_groups(
    session: Session, *, unit_id: int, include_inactive: bool = False
) -> Sequence[WorkingGroup]:
    """A unit's working groups by id; active ones unless asked otherwise."""
    query = select(WorkingGroup).where(WorkingGroup.unit_id == unit_id).order_by(WorkingGroup.id)
    if not include_inactive:
        query = query.where(WorkingGroup.active)
    return session.exec(query).all()


def create_working_group(
    session: Session, *, unit_id: int, name_fa: str, name_en: str | None = None
) -> WorkingGroup:
    """Add a working group under a unit and flush it."""
    group = WorkingGroup(unit_id=unit_id, name_fa=name_fa, name_en=name_en)
    session.add(group)
    session.flush()
    return group


def seat_member_ids(session: Session, *, working_group_id: int) -> list[int]:
    """Ids of the members seated in a working group, ascending."""
    query = (
        select(WorkingGroupMember.member_id)
        .where(WorkingGroupMember.working_group_id == working_group_id)
        .order_by(WorkingGroupMember.member_id)
    )
    return list(session.exec(query).all())


def count_active_seats(session: Session, *, working_group_id: int) -> int:
    """How many active members sit in a working group."""
    query = (
        select(sa.func.count())
        .select_from(WorkingGroupMember)
        .join(Member, Member.id == WorkingGroupMember.member_id)
        .where(WorkingGroupMember.working_group_id == working_group_id, Member.active)
    )
    return session.exec(query).one()


def add_seat(session: Session, *, working_group_id: int, member_id: int) -> None:
    """Seat a member in a working group."""
    session.add(WorkingGroupMember(working_group_id=working_group_id, member_id=member_id))
    session.flush()


def remove_seat(session: Session, *, working_group_id: int, member_id: int) -> None:
    """Take a member's seat in a working group away."""
    seat = session.get(WorkingGroupMember, (working_group_id, member_id))
    if seat is not None:
        session.delete(seat)
        session.flush()
