"""Every keyboard listing people or chats pages: 320 pending invitations in /invites, 320 members
of one unit in /members, 320 linked groups in /links, each walked to its last page within
Telegram's 100 buttons (the strict sandbox refuses more) and used there."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from mina_bot.persian import to_persian_digits
from storage.models import LinkedChat, Role, Unit
from storage.repositories import invitations as invitations_repo
from storage.repositories import members as members_repo
from tests.e2e.test_limits import NEXT, labels
from tests.fixtures.bot import ADMIN_ID

MANY = 320


@pytest.fixture
def bot_settings():
    """Walking every page is quicker than a person presses: no flood limit here."""
    return {"flood_limit": 1000}


@pytest.fixture
async def crowded(sample_organisation, bot):
    """The sample organisation with 320 people invited to the design committee, each with a
    pending invitation, and 320 groups asking to be linked."""
    with bot.runtime.session() as session:
        design = session.exec(select(Unit).where(Unit.key == "design")).one()
        now = bot.clock.now()
        for i in range(MANY):
            member = members_repo.create_member(
                session, name=f"مدعو {to_persian_digits(f'{i:03d}')}", telegram_id=None)
            members_repo.add_membership(session, member_id=member.id, unit_id=design.id,
                                        role=Role.MEMBER)
            invitations_repo.create_invitation(
                session, code_hash=f"hash{i}", member_id=member.id, unit_id=design.id,
                role=Role.MEMBER, created_by_id=None, created_at=now,
                expires_at=now + dt.timedelta(days=7))
            session.add(LinkedChat(chat_id=-1_000_000 - i, title=f"گروه {i:03d}"))
        session.commit()
    return bot


async def walk(bot, message: dict, edits: int = 0) -> tuple[dict, list[str], int]:
    """Press «next» until there is none: the last screen, every label seen, the edits."""
    seen: list[str] = []
    while True:
        shown = labels(message)
        assert len(shown) <= 100 and len(message["text"]) <= 4096
        seen += shown
        if not any(NEXT in label for label in shown):
            return message, seen, edits
        await bot.press_label(ADMIN_ID, message, NEXT)
        edits += 1
        message = await bot.client.wait_for_edit(ADMIN_ID, message["message_id"], edits=edits)


async def test_invites_pages_through_320_and_revokes_on_the_last_page(crowded):
    bot = crowded
    [first] = await bot.say(ADMIN_ID, "/invites")
    assert "صفحهٔ ۱ از ۱۶" in first["text"]
    last, seen, _ = await walk(bot, first)
    revokes = [label for label in seen if "لغو دعوت" in label]
    assert len(revokes) == MANY and len(set(revokes)) == MANY
    assert "صفحهٔ ۱۶ از ۱۶" in last["text"] and "مدعو ۳۱۹" in last["text"]
    [revoked] = await bot.press_label(ADMIN_ID, last, "لغو دعوت مدعو ۳۱۹", replies=1)
    assert "لغو شد" in revoked["text"]
    [again] = await bot.say(ADMIN_ID, "/invites")
    assert "از ۱۶" in again["text"]
    last, seen, _ = await walk(bot, again)
    assert len([label for label in seen if "لغو دعوت" in label]) == MANY - 1


async def test_a_unit_of_320_members_pages_to_its_last_member(crowded):
    bot = crowded
    [card] = await bot.say(ADMIN_ID, "/members design")
    last, seen, _ = await walk(bot, card)
    assert len([label for label in seen if "مدعو" in label]) == MANY
    assert any("مدعو ۳۱۹" in label for label in labels(last))


async def test_links_pages_through_320_groups(crowded):
    bot = crowded
    [first] = await bot.say(ADMIN_ID, "/links")
    last, seen, _ = await walk(bot, first)
    groups = [label for label in seen if "گروه" in label]
    assert len(groups) == MANY and len(set(groups)) == MANY
    assert "گروه 319" in last["text"] and "از ۱۶" in last["text"]
    await bot.press_label(ADMIN_ID, last, "گروه 319")
    screen = await bot.client.wait_for_edit(ADMIN_ID, last["message_id"], contains="گروه 319")
    assert len(labels(screen)) <= 100
