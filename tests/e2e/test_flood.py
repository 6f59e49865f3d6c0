"""One account flooding the bot is slowed down with one polite message; others are answered."""

import asyncio

import pytest

from tests.fixtures.bot import ADMIN_ID, STRANGER_ID

FLOODER = 4242


async def test_fifty_messages_a_second_get_one_warning_and_others_are_unaffected(bot):
    first = await bot.client.send_text(FLOODER, "/start")
    for i in range(49):
        await bot.client.send_text(FLOODER, f"spam {i}")
        await asyncio.sleep(0.02)
    [answer] = await bot.say(ADMIN_ID, "/help")
    assert "کارهایی که می‌توانید" in answer["text"]
    [other] = await bot.say(STRANGER_ID, "/start")
    assert "دعوت‌نامه" in other["text"]
    replies = await bot.client.bot_messages(FLOODER, since=first["message_id"])
    warnings = [m for m in replies if "خیلی سریع" in m["text"]]
    assert len(warnings) == 1
    assert len(replies) <= 21  # at most the 20 answered before the limit, and the warning


async def test_a_button_pressed_fifty_times_is_slowed_down_and_every_press_is_answered(bot):
    [menu] = await bot.say(ADMIN_ID, "/help")
    await bot.client.send_text(FLOODER, "/start")
    first = await bot.client.send_text(FLOODER, "/help")
    [own] = await bot.client.wait_for_bot_messages(FLOODER, 1, since=first["message_id"])
    queries = []
    for i in range(50):
        queries.append(await bot.client.press_button(FLOODER, own["message_id"], f"x:{i}"))
    for query in queries:  # dropped presses are answered too, so no spinner hangs
        await bot.client.wait_for_answer(query)
    [answer] = await bot.say(ADMIN_ID, "/help")
    assert "کارهایی که می‌توانید" in answer["text"] and menu
    warnings = [m for m in await bot.client.bot_messages(FLOODER) if "خیلی سریع" in m["text"]]
    assert len(warnings) == 1


@pytest.mark.parametrize("bot_settings", [{"flood_limit": 3, "flood_cooloff_seconds": 60}])
async def test_the_limit_is_the_operators_setting(bot, bot_settings):
    first = await bot.client.send_text(ADMIN_ID, "/help")
    for _ in range(4):
        await bot.client.send_text(ADMIN_ID, "/help")
    replies = await bot.client.wait_for_bot_messages(ADMIN_ID, 4, since=first["message_id"])
    assert ["خیلی سریع" in m["text"] for m in replies] == [False, False, False, True]
    await asyncio.sleep(0.3)  # the fifth is dropped, unanswered
    assert len(await bot.client.bot_messages(ADMIN_ID, since=first["message_id"])) == 4
