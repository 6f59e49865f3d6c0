"""The weekly compliance summary reaches the groups linked to the council (every unit) and to a
unit (its own line), once, at the digest's moment and not in quiet hours; units only, no
buttons, nothing about a person."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlmodel import select

from handlers.delivery import plan_now
from mina_bot.sessions.schedule import ensure_next_session
from storage.models import LinkedChat, Member, OutboxMessage, ReportStatus, Unit, WeeklyReport
from tests.e2e.test_groups import COUNCIL_GROUP, in_group, link_as_council

INFRA_GROUP = -1009876543210
HEADING = "وضعیت گزارش‌های هفتگی"
FAST = {"delivery_rate_per_second": 1000, "delivery_chat_interval": 0,
        "delivery_poll_seconds": 0.1, "broadcast_progress_seconds": 0.2,
        "reminders_enabled": True, "reminder_interval_seconds": 3600}


@pytest.fixture
def bot_settings():
    return FAST


@pytest.fixture
async def linked(org_bot):
    """The council's group linked through /link and /links; the infrastructure committee's
    group linked too; the design committee reported on time, data provision late."""
    bot = org_bot
    await link_as_council(bot)
    await bot.client.send_text(1003, "سلام", chat_id=INFRA_GROUP, chat_type="supergroup",
                               chat_title="کمیته زیرساخت")
    with bot.runtime.session() as session:
        units = {u.key: u for u in session.exec(select(Unit)).all()}
        session.add(LinkedChat(chat_id=INFRA_GROUP, title="کمیته زیرساخت", chat_type="supergroup",
                               unit_id=units["infrastructure"].id, confirmed=True))
        council = ensure_next_session(session, now=bot.clock.now(), settings=bot.settings)
        for key, late, hours in (("design", False, 30), ("data-provision", True, 2)):
            session.add(WeeklyReport(
                unit_id=units[key].id, session_id=council.id, status=ReportStatus.SUBMITTED,
                current_version=1, late=late,
                first_submitted_at=bot.clock.now() - dt.timedelta(hours=hours)))
    return bot


async def test_linked_groups_get_the_weekly_summary_once_and_no_private_data(linked):
    bot = linked
    assert await plan_now(bot.application) == 0  # Monday 07:30: quiet hours
    bot.clock.advance(dt.timedelta(minutes=30))  # 08:00, within a day of Sunday's 13:00 digest
    assert await plan_now(bot.application) >= 2
    [council] = await _summary(bot, COUNCIL_GROUP)
    said = council["text"]
    assert "به‌موقع: ۱ · با تأخیر: ۱ · نرسیده: ۳" in said, said
    for name in ("کمیته طراحی و روش‌شناسی", "کمیته تامین داده", "کمیته زیرساخت و تبادل داده",
                 "کمیته فناوری اطلاعات"):
        assert name in said
    assert said.index("❌ نرسیده") < said.index("⚠️ با تأخیر") < said.index("✅ به‌موقع")
    [unit] = await _summary(bot, INFRA_GROUP)
    assert "❌ نرسیده کمیته زیرساخت و تبادل داده" in unit["text"]
    assert "کمیته طراحی" not in unit["text"] and "کمیته فناوری" not in unit["text"]
    with bot.runtime.session() as session:
        people = [m.name for m in session.exec(select(Member)).all()]
        rows = session.exec(select(OutboxMessage).where(
            OutboxMessage.kind == "compliance.group")).all()
    assert sorted(r.chat_id for r in rows) == sorted([COUNCIL_GROUP, INFRA_GROUP])
    for message in (council, unit):
        assert message.get("reply_markup") is None
        assert not any(person in message["text"] for person in people)
    assert await plan_now(bot.application) == 0  # once a week, whatever the passes
    bot.clock.advance(dt.timedelta(days=1))  # Tuesday: past its use, none comes late
    with bot.runtime.session() as session:
        assert len(session.exec(select(OutboxMessage).where(
            OutboxMessage.kind == "compliance.group")).all()) == 2


async def test_a_group_never_linked_or_not_yet_confirmed_gets_no_summary(org_bot):
    bot = org_bot
    [asked] = await in_group(bot, 1002, "/link@mina_demo_bot", replies=1)  # never confirmed
    bot.clock.advance(dt.timedelta(minutes=30))
    await plan_now(bot.application)
    with bot.runtime.session() as session:
        assert session.exec(select(OutboxMessage).where(
            OutboxMessage.kind == "compliance.group")).all() == []
    assert await bot.client.bot_messages(COUNCIL_GROUP, since=asked["message_id"]) == []


async def _summary(bot, chat_id: int) -> list[dict]:
    """The summaries the chat received, once the first has come."""
    for _ in range(200):
        found = [m for m in await bot.client.bot_messages(chat_id) if HEADING in m["text"]]
        if found:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"no summary in chat {chat_id}")
