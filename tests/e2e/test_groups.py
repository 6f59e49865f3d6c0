"""A group as the council's: linked with /link, confirmed in private, it receives the agenda
broadcast; in it the bot answers only commands addressed to it and never with private data."""

from __future__ import annotations

import asyncio

import pytest

from mina_bot.catalog import text
from tests.fixtures.bot import button

SECRETARIAT, INFRA_SECRETARY = 1002, 1003
COUNCIL_GROUP, TITLE = -1001234567890, "شورای هماهنگی"
FAST = {"delivery_rate_per_second": 1000, "delivery_chat_interval": 0,
        "delivery_poll_seconds": 0.1, "broadcast_progress_seconds": 0.2}


@pytest.fixture
def bot_settings():
    return FAST


async def in_group(bot, user: int, said: str, replies: int = 0) -> list[dict]:
    sent = await bot.client.send_text(user, said, chat_id=COUNCIL_GROUP, chat_type="supergroup",
                                      chat_title=TITLE)
    if not replies:
        await asyncio.sleep(0.5)  # time enough for an answer that must not come
        return await bot.client.bot_messages(COUNCIL_GROUP, since=sent["message_id"])
    return await bot.client.wait_for_bot_messages(COUNCIL_GROUP, replies,
                                                  since=sent["message_id"])


async def link_as_council(bot) -> None:
    [asked] = await in_group(bot, SECRETARIAT, "/link@mina_demo_bot", replies=1)
    assert asked["source_text"] == text("link.requested", "fa", title=TITLE)
    [links] = await bot.say(SECRETARIAT, "/links")
    assert "در انتظار تأیید" in links["text"]
    await bot.press_label(SECRETARIAT, links, TITLE)
    screen = await bot.client.wait_for_edit(SECRETARIAT, links["message_id"])
    await bot.press(SECRETARIAT, screen, button(screen, "شورا"))
    done = await bot.client.wait_for_edit(SECRETARIAT, links["message_id"], edits=2)
    assert done["source_text"] == text("links.confirmed.council", "fa", title=TITLE)


async def test_the_council_group_receives_the_agenda_and_never_a_private_answer(org_bot):
    bot = org_bot
    await link_as_council(bot)
    assert await in_group(bot, INFRA_SECRETARY, "سلام، چه کارهایی دارم؟") == []  # free text
    assert await in_group(bot, INFRA_SECRETARY, "/owe") == []  # not addressed to the bot
    assert await in_group(bot, INFRA_SECRETARY, "/owe@another_bot") == []
    [note] = await in_group(bot, INFRA_SECRETARY, "/owe@mina_demo_bot", replies=1)
    assert "نخست گفتگوی خصوصی" in note["text"]  # no private chat yet: Telegram's 403
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    [note] = await in_group(bot, INFRA_SECRETARY, "/owe@mina_demo_bot", replies=1)
    assert "در گفتگوی خصوصی برایتان فرستادم" in note["text"]
    [*_, private] = await bot.client.bot_messages(INFRA_SECRETARY)
    assert private["text"] == owe["text"] and private["message_id"] > owe["message_id"]
    [note] = await in_group(bot, INFRA_SECRETARY, "/whoami@mina_demo_bot", replies=1)
    assert note["source_text"].endswith(text("group.private_only", "fa", name="")[2:])

    [compose] = await bot.say(SECRETARIAT, "/broadcast")
    await bot.press_label(SECRETARIAT, compose, "دستور جلسه")
    audience = await bot.client.wait_for_edit(SECRETARIAT, compose["message_id"])
    await bot.press(SECRETARIAT, audience, button(audience, "همه اعضا"))
    chosen = await bot.client.wait_for_edit(SECRETARIAT, compose["message_id"], edits=2)
    await bot.press(SECRETARIAT, chosen, button(chosen, "پیش‌نمایش"))
    preview = await bot.client.wait_for_edit(SECRETARIAT, compose["message_id"], edits=3)
    before = await bot.client.transcript(COUNCIL_GROUP)
    await bot.press(SECRETARIAT, preview, button(preview, "ارسال"), replies=1)
    [agenda] = await bot.client.wait_for_bot_messages(COUNCIL_GROUP, 1,
                                                      since=before[-1]["message_id"])
    assert "دستور جلسه" in agenda["text"]
    said = [m["text"] for m in await bot.client.bot_messages(COUNCIL_GROUP)]
    assert not any(owe["text"][:40] in s for s in said)  # nothing private ever went there
