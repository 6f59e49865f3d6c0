"""Both languages: each person chooses, and an English reader sees English where it exists."""

from __future__ import annotations

import re

import pytest

from mina_bot.catalog import text
from tests.fixtures.bot import STRANGER_ID

SECRETARIAT, INFRA_SECRETARY = 1002, 1003
PERSIAN = re.compile("[\u0600-\u06ff]")


async def choose(bot, user: int, lang: str) -> dict:
    [ask] = await bot.say(user, "/language")
    await bot.press_label(user, ask, text("language.name", lang))
    return await bot.client.wait_for_edit(user, ask["message_id"])


async def test_a_member_switches_to_english_and_the_session_speaks_it(org_bot):
    chosen = await choose(org_bot, SECRETARIAT, "en")
    assert chosen["source_text"] == text("language.chosen", "en")
    [board] = await org_bot.say(SECRETARIAT, "/session")
    standing = [line for line in board["text"].split("\n") if "report" in line.lower()]
    assert standing and not any(PERSIAN.search(line) for line in standing), board["text"]
    assert "the council hall" in board["text"]
    [settings] = await org_bot.say(SECRETARIAT, "/settings")
    await org_bot.press_label(SECRETARIAT, settings, "فارسی")
    back = await org_bot.client.wait_for_edit(SECRETARIAT, settings["message_id"])
    assert back["source_text"] == text("language.chosen", "fa")


async def test_a_stranger_with_an_english_client_is_answered_in_english(org_bot):
    [answer] = await org_bot.say(STRANGER_ID, "/start", language_code="en")
    assert answer["source_text"] == text("start.stranger", "en")
    [answer] = await org_bot.say(STRANGER_ID + 1, "/start", language_code="de")
    assert answer["source_text"] == text("start.stranger", "fa")


@pytest.mark.parametrize("question", ["سلام، چه کارهایی دارم؟", "مهلت‌های من",
                                      "Hi, what do I owe?", "my deadlines"])
async def test_free_text_asking_what_i_owe_gets_the_owe_answer(org_bot, question):
    [asked] = await org_bot.say(INFRA_SECRETARY, question)
    [command] = await org_bot.say(INFRA_SECRETARY, "/owe")
    assert asked["text"] == command["text"]


async def test_text_the_bot_does_not_understand_is_answered_with_what_it_does(org_bot):
    await choose(org_bot, SECRETARIAT, "en")
    [answer] = await org_bot.say(SECRETARIAT, "Could you book a room?")
    assert answer["source_text"] == text("unknown.member", "en")
    assert "What do I owe?" in answer["text"]


@pytest.mark.parametrize("bot_settings", [{"delivery_rate_per_second": 1000,
                                           "delivery_chat_interval": 0,
                                           "delivery_poll_seconds": 0.1}])
async def test_an_english_member_gets_the_agenda_with_english_names(org_bot):
    await choose(org_bot, INFRA_SECRETARY, "en")
    [compose] = await org_bot.say(SECRETARIAT, "/broadcast")
    await org_bot.press_label(SECRETARIAT, compose, "دستور جلسه")
    audience = await org_bot.client.wait_for_edit(SECRETARIAT, compose["message_id"])
    await org_bot.press_label(SECRETARIAT, audience, "همه اعضا")
    chosen = await org_bot.client.wait_for_edit(SECRETARIAT, compose["message_id"], edits=2)
    await org_bot.press_label(SECRETARIAT, chosen, "پیش‌نمایش")
    preview = await org_bot.client.wait_for_edit(SECRETARIAT, compose["message_id"], edits=3)
    since = (await org_bot.client.transcript(INFRA_SECRETARY))[-1]["message_id"]
    await org_bot.press_label(SECRETARIAT, preview, "ارسال", replies=1)
    [agenda] = await org_bot.client.wait_for_bot_messages(INFRA_SECRETARY, 1, since=since)
    committees = [line for line in agenda["text"].split("\n") if "Committee" in line
                  or "committee" in line]
    assert committees and not any(PERSIAN.search(line) for line in committees), agenda["text"]
    assert "the council hall" in agenda["text"]
