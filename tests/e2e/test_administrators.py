"""End to end: only administrators change an administrator; configured ones stay (issue 25)."""

from __future__ import annotations

import pytest

from storage.repositories import members
from tests.fixtures.bot import ADMIN_ID
from tests.fixtures.invitations import unit_id
from tests.fixtures.roster import INFRA_HEAD, SECRETARIAT, forge, member_id


@pytest.fixture
async def org_with_admin(org_bot):
    """The sample organisation where the infrastructure committee's head is an administrator."""
    with org_bot.runtime.session() as session:
        head = members.get_by_telegram_id(session, telegram_id=INFRA_HEAD)
        head.is_admin = True
        session.add(head)
        session.commit()
    return org_bot


def seats(bot, telegram_id: int) -> list[tuple[int, int, str]]:
    with bot.runtime.session() as session:
        person = members.get_by_telegram_id(session, telegram_id=telegram_id)
        return [(s.id, s.unit_id, s.role) for s, _ in
                members.active_memberships(session, member_id=person.id)]


async def test_a_secretariat_member_cannot_deactivate_demote_or_move_an_administrator(
        org_with_admin):
    org, target = org_with_admin, member_id(org_with_admin, INFRA_HEAD)
    [(seat, _, _)] = before = seats(org, INFRA_HEAD)
    [whoami] = await org.say(SECRETARIAT, "/whoami")
    for data in (f"ros:deactok:{target}", f"ros:setrole:{seat}:member",
                 f"ros:moveto:{seat}:{unit_id(org, 'design')}"):
        said = await forge(org, SECRETARIAT, whoami, data)
        assert "فقط مدیران سامانه" in said["text"], data
    said = await forge(org, SECRETARIAT, whoami, f"ros:admin:{target}")
    assert "اجازه" in said["text"]
    with org.runtime.session() as session:
        head = members.get_member(session, member_id=target)
        assert head.active and head.is_admin
    assert seats(org, INFRA_HEAD) == before


async def test_a_configured_administrator_cannot_be_removed_in_chat(org_with_admin):
    org, target = org_with_admin, member_id(org_with_admin, ADMIN_ID)
    [whoami] = await org.say(INFRA_HEAD, "/whoami")
    for data in (f"ros:deactok:{target}", f"ros:admin:{target}"):
        said = await forge(org, INFRA_HEAD, whoami, data)
        assert "MINA_ADMIN_IDS" in said["text"], data
    with org.runtime.session() as session:
        admin = members.get_member(session, member_id=target)
        assert admin.active and admin.is_admin
