"""The first repository functions: members and units."""

from __future__ import annotations

from sqlmodel import Session

from storage.models import Language, Role, UnitKind
from storage.repositories import members, units


def test_member_found_by_telegram_id(session: Session) -> None:
    """A bound member is found by a 64-bit Telegram id; unknown ids give None."""
    created = members.create_member(session, name="علی", telegram_id=7_000_000_001)
    session.commit()
    found = members.get_by_telegram_id(session, telegram_id=7_000_000_001)
    assert found is not None and found.id == created.id
    assert found.language is Language.FA
    assert members.get_by_telegram_id(session, telegram_id=1) is None


def test_unit_found_by_key_and_listed_by_kind(session: Session) -> None:
    """Units come back by key, filtered by kind, inactive ones hidden by default."""
    units.create_unit(
        session, key="design", kind=UnitKind.COMMITTEE, name_fa="کمیته طراحی و روش‌شناسی",
        name_en="Design & Methodology", aliases=["کمیته طراحی"],
    )  # fmt: skip
    units.create_unit(
        session, key="secretariat", kind=UnitKind.SECRETARIAT, name_fa="دبیرخانه ستاد",
        name_en="Secretariat",
    )  # fmt: skip
    old = units.create_unit(
        session, key="old", kind=UnitKind.COMMITTEE, name_fa="قدیمی", name_en="Old"
    )
    old.active = False
    session.commit()

    design = units.get_by_key(session, key="design")
    assert design is not None and design.aliases == ["کمیته طراحی"]
    assert units.get_by_key(session, key="missing") is None
    assert [u.key for u in units.list_units(session)] == ["design", "secretariat"]
    assert [u.key for u in units.list_units(session, kind=UnitKind.COMMITTEE)] == ["design"]
    keys = [u.key for u in units.list_units(session, include_inactive=True)]
    assert keys == ["design", "old", "secretariat"]


def test_memberships_and_unit_members(session: Session) -> None:
    """A member's roles are listed, and a unit's members filtered by role."""
    unit = units.create_unit(
        session, key="data", kind=UnitKind.COMMITTEE, name_fa="کمیته تامین داده", name_en="Data"
    )
    head = members.create_member(session, name="الف")
    secretary = members.create_member(session, name="ب")
    members.add_membership(session, member_id=head.id, unit_id=unit.id, role=Role.HEAD)
    members.add_membership(session, member_id=secretary.id, unit_id=unit.id, role=Role.SECRETARY)
    members.add_membership(session, member_id=secretary.id, unit_id=unit.id, role=Role.MEMBER)
    session.commit()

    roles = [m.role for m in members.memberships_of(session, member_id=secretary.id)]
    assert roles == [Role.SECRETARY, Role.MEMBER]
    assert [m.name for m in members.unit_members(session, unit_id=unit.id)] == ["الف", "ب"]
    secretaries = members.unit_members(session, unit_id=unit.id, role=Role.SECRETARY)
    assert [m.name for m in secretaries] == ["ب"]
    assert [m.name for m in members.list_active_members(session)] == ["الف", "ب"]


def test_active_memberships_come_with_their_units(session: Session) -> None:
    """Ended memberships and inactive units are left out; pairs are ordered by unit key."""
    member = members.create_member(session, name="ج", telegram_id=42)
    it = units.create_unit(session, key="it", kind=UnitKind.COMMITTEE, name_fa="ف", name_en="IT")
    data = units.create_unit(
        session, key="data", kind=UnitKind.COMMITTEE, name_fa="د", name_en="Data"
    )
    gone = units.create_unit(session, key="gone", kind=UnitKind.OTHER, name_fa="ر", name_en="G")
    gone.active = False
    members.add_membership(session, member_id=member.id, unit_id=it.id, role=Role.HEAD)
    members.add_membership(session, member_id=member.id, unit_id=data.id, role=Role.MEMBER)
    members.add_membership(session, member_id=member.id, unit_id=gone.id, role=Role.MEMBER)
    ended = members.add_membership(
        session, member_id=member.id, unit_id=data.id, role=Role.SECRETARY
    )
    ended.active = False
    session.commit()

    pairs = members.active_memberships(session, member_id=member.id)
    assert [(unit.key, membership.role) for membership, unit in pairs] == [
        ("data", Role.MEMBER),
        ("it", Role.HEAD),
    ]
