"""The secretariat's changes to people: roles, moves, deactivation, admin rights, working groups."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import NotFound
from mina_bot.organisation import audit
from mina_bot.organisation.errors import OrganisationRefused
from mina_bot.organisation.limits import (
    check_group_members,
    check_name,
    check_working_groups,
)
from mina_bot.persian import match_key, normalize
from storage.models import Member, Membership, Role, Unit, UnitKind, WorkingGroup
from storage.repositories import invitations as invitations_repo
from storage.repositories import members as members_repo
from storage.repositories import units as units_repo
from storage.repositories import working_groups as groups_repo


def member_of(session: Session, *, member_id: int) -> Member:
    """An active member, or NotFound (deactivated people are no longer managed)."""
    member = members_repo.get_member(session, member_id=member_id)
    if member is None or not member.active:
        raise NotFound()
    return member


def seat_of(session: Session, *, membership_id: int) -> tuple[Membership, Member, Unit]:
    """An active membership of an active member, with both ends."""
    seat = members_repo.get_membership(session, membership_id=membership_id)
    if seat is None or not seat.active:
        raise NotFound()
    member = member_of(session, member_id=seat.member_id)
    return seat, member, unit_of(session, unit_id=seat.unit_id)


def _guard_admin(session: Session, actor: Actor, member: Member, *, removal: bool,
                 configured: Collection[int]) -> None:
    """Only administrators change an administrator; the last one and configured ones stay."""
    if not (member.is_admin or member.telegram_id in configured):
        return
    if not actor.is_admin:
        raise OrganisationRefused("org.refused.admin_only")
    if not removal:
        return
    if member.telegram_id in configured:
        raise OrganisationRefused("org.refused.configured_admin")
    if not any(m.is_admin and m.id != member.id for m in members_repo.list_active_members(session)):
        raise OrganisationRefused("org.refused.last_admin")


def change_role(session: Session, *, actor: Actor, membership_id: int, role: Role,
                now: datetime, configured: Collection[int] = ()) -> Member:
    """Give a member another role in the same unit (the old seat is ended, kept in history)."""
    seat, member, unit = seat_of(session, membership_id=membership_id)
    _guard_admin(session, actor, member, removal=False, configured=configured)
    if seat.role == role:
        raise OrganisationRefused("org.refused.same")
    _end(session, actor, seat, now)
    _take(session, actor, member.id, unit.id, role, now)
    return member


def move_member(session: Session, *, actor: Actor, membership_id: int, unit_id: int,
                now: datetime, configured: Collection[int] = ()) -> Member:
    """Move a member's seat (same role) to another unit."""
    seat, member, _ = seat_of(session, membership_id=membership_id)
    _guard_admin(session, actor, member, removal=False, configured=configured)
    target = unit_of(session, unit_id=unit_id)
    if target.id == seat.unit_id:
        raise OrganisationRefused("org.refused.same")
    _end(session, actor, seat, now)
    _take(session, actor, member.id, target.id, Role(seat.role), now)
    return member


def deactivate(session: Session, *, actor: Actor, member_id: int, now: datetime,
               configured: Collection[int] = ()) -> Member:
    """Deactivate a member: kept in history, no access from now on, pending invitations revoked."""
    member = member_of(session, member_id=member_id)
    if member.id == actor.member_id:
        raise OrganisationRefused("org.refused.self")
    _guard_admin(session, actor, member, removal=True, configured=configured)
    before = audit.snapshot(member)
    member.active, member.deactivated_at = False, now
    session.add(member)
    for invitation, invited in invitations_repo.pending(session, now=now):
        if invited.id == member.id:
            invitation.revoked_at = now
            session.add(invitation)
    audit.record(session, actor=actor, at=now, action="member.deactivate", entity="member",
                 entity_id=member.id, before=before, after=audit.snapshot(member))
    return member


def toggle_admin(session: Session, *, actor: Actor, member_id: int, now: datetime,
                 configured: Collection[int] = ()) -> Member:
    """Grant or withdraw the administrator right (configured administrators keep theirs)."""
    member = member_of(session, member_id=member_id)
    if member.id == actor.member_id:
        raise OrganisationRefused("org.refused.self")
    _guard_admin(session, actor, member, removal=member.is_admin, configured=configured)
    before = audit.snapshot(member)
    member.is_admin = not member.is_admin
    session.add(member)
    audit.record(session, actor=actor, at=now, action="member.admin", entity="member",
                 entity_id=member.id, before=before, after=audit.snapshot(member))
    return member


def toggle_seat(session: Session, *, actor: Actor, working_group_id: int, member_id: int,
                now: datetime) -> bool:
    """Seat a member in a working group or take the seat away; True when seated now."""
    group = groups_repo.get_working_group(session, working_group_id=working_group_id)
    if group is None or not group.active:
        raise NotFound()
    member = member_of(session, member_id=member_id)
    current = groups_repo.seat_member_ids(session, working_group_id=group.id)
    seated = member.id not in current
    if seated:
        check_group_members(groups_repo.count_active_seats(session, working_group_id=group.id)
                            + 1, group_name=group.name_fa)
        groups_repo.add_seat(session, working_group_id=group.id, member_id=member.id)
    else:
        groups_repo.remove_seat(session, working_group_id=group.id, member_id=member.id)
    after = groups_repo.seat_member_ids(session, working_group_id=group.id)
    audit.record(session, actor=actor, at=now, action="working_group.seats",
                 entity="working_group", entity_id=group.id, before={"members": current},
                 after={"members": after})
    return seated


def create_group(session: Session, *, actor: Actor, unit_id: int, name: str,
                 now: datetime) -> WorkingGroup:
    """Add a working group under a committee, within resolution 5's limit."""
    unit = unit_of(session, unit_id=unit_id)
    name = normalize(name)
    check_name(name)
    if unit.kind != UnitKind.COMMITTEE or not name:
        raise OrganisationRefused("org.refused.group_needs_committee")
    existing = groups_repo.list_working_groups(session, unit_id=unit.id, include_inactive=True)
    if any(match_key(g.name_fa) == match_key(name) for g in existing):
        raise OrganisationRefused("org.refused.group_exists", name=name)
    check_working_groups(sum(g.active for g in existing) + 1, unit_name=unit.name_fa)
    group = groups_repo.create_working_group(session, unit_id=unit.id, name_fa=name)
    audit.record(session, actor=actor, at=now, action="working_group.create",
                 entity="working_group", entity_id=group.id, after=audit.snapshot(group))
    return group


def unit_of(session: Session, *, unit_id: int) -> Unit:
    """An active unit, or NotFound."""
    unit = units_repo.get_unit(session, unit_id=unit_id)
    if unit is None or not unit.active:
        raise NotFound()
    return unit


def _end(session: Session, actor: Actor, seat: Membership, now: datetime) -> None:
    before = audit.snapshot(seat)
    seat.active, seat.ended_at = False, now
    session.add(seat)
    session.flush()
    audit.record(session, actor=actor, at=now, action="membership.end", entity="membership",
                 entity_id=seat.id, before=before, after=audit.snapshot(seat))


def _take(session: Session, actor: Actor, member_id: int, unit_id: int, role: Role,
          now: datetime) -> None:
    seat = members_repo.find_membership(session, member_id=member_id, unit_id=unit_id, role=role)
    before = audit.snapshot(seat) if seat else None
    if seat is None:
        seat = members_repo.add_membership(session, member_id=member_id, unit_id=unit_id,
                                           role=role)
    elif seat.active:
        return
    else:
        seat.active, seat.ended_at = True, None
        session.add(seat)
        session.flush()
    audit.record(session, actor=actor, at=now, action="membership.start", entity="membership",
                 entity_id=seat.id, before=before, after=audit.snapshot(seat))
