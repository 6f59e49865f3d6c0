"""What /units and /members show: the units, a unit's card, a member's card and their choices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.organisation.roster import member_of, seat_of, unit_of
from mina_bot.persian import match_key
from storage.models import SEAT_ROLES, Member, Membership, Role, Unit, WorkingGroup
from storage.repositories import members as members_repo
from storage.repositories import units as units_repo
from storage.repositories import working_groups as groups_repo


@dataclass(frozen=True)
class UnitCard:
    """A unit with its people, how many they are, and its working groups (with seat counts)."""

    unit: Unit
    roster: Sequence[tuple[Membership, Member]]
    groups: Sequence[tuple[WorkingGroup, int]]
    member_count: int


@dataclass(frozen=True)
class MemberCard:
    """An active member with their active seats, each with its unit."""

    member: Member
    seats: Sequence[tuple[Membership, Unit]]


@dataclass(frozen=True)
class GroupSeat:
    """A working group of one of the member's committees: whether they sit in it, how many do."""

    group: WorkingGroup
    seated: bool
    count: int


def unit_overview(session: Session) -> list[tuple[Unit, int]]:
    """Every active unit with how many members it has."""
    return [(u, members_repo.count_unit_members(session, unit_id=u.id))
            for u in units_repo.list_units(session)]


def find_unit(session: Session, *, query: str) -> Unit | None:
    """A unit by key, Persian or English name, or any alias spelling."""
    key = match_key(query)
    for unit in units_repo.list_units(session):
        if query.strip().lower() == unit.key or key in {
            match_key(n) for n in (unit.name_fa, unit.name_en, *unit.aliases)
        }:
            return unit
    return None


def unit_card(session: Session, *, unit_id: int) -> UnitCard:
    """One unit's card."""
    unit = unit_of(session, unit_id=unit_id)
    groups = [(g, groups_repo.count_active_seats(session, working_group_id=g.id))
              for g in groups_repo.list_working_groups(session, unit_id=unit.id)]
    return UnitCard(unit, members_repo.unit_roster(session, unit_id=unit.id), groups,
                    members_repo.count_unit_members(session, unit_id=unit.id))


def units_to_pick(session: Session) -> Sequence[Unit]:
    """The active units, by key: what an invitation or a broadcast offers to choose from."""
    return units_repo.list_units(session)


def member_card(session: Session, *, member_id: int) -> MemberCard:
    """An active member's card (NotFound for a deactivated or unknown one)."""
    member = member_of(session, member_id=member_id)
    return MemberCard(member, members_repo.active_memberships(session, member_id=member.id))


def move_choices(session: Session, *,
                 membership_id: int) -> tuple[Membership, Member, Unit, list[Unit]]:
    """A seat with its member and unit, and the other units it can move to."""
    seat, member, unit = seat_of(session, membership_id=membership_id)
    return seat, member, unit, [u for u in units_repo.list_units(session) if u.id != unit.id]


def group_seats(session: Session, *, member_id: int) -> tuple[Member, list[GroupSeat]]:
    """A member and every working group of the units they sit in, as seat toggles."""
    member = member_of(session, member_id=member_id)
    seats = []
    for _, unit in members_repo.active_memberships(session, member_id=member.id):
        for group in groups_repo.list_working_groups(session, unit_id=unit.id):
            seated = member.id in groups_repo.seat_member_ids(session, working_group_id=group.id)
            seats.append(GroupSeat(group, seated, groups_repo.count_active_seats(
                session, working_group_id=group.id)))
    return member, seats


def role_choices(current: Role | None = None) -> list[Role]:
    """The roles a seat can take: all of them for a new seat, the others for an existing one."""
    return [r for r in SEAT_ROLES if r != current]


def seat_role(value: str | None) -> Role | None:
    """The role a button names, or None when it names none."""
    return Role(value) if value in SEAT_ROLES else None
