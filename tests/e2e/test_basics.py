"""End to end through the sandbox: /start, /help, /cancel, unknown input, strangers, errors."""

import asyncio

from telegram.ext import CommandHandler

from tests.fixtures.bot import ADMIN_ID, STRANGER_ID


async def test_a_stranger_is_told_how_to_get_an_invitation(bot):
    [answer] = await bot.say(STRANGER_ID, "/start", first_name="Sara")
    assert "هنوز عضو ثبت‌شده‌ای نیستید" in answer["text"]
    assert "دعوت‌نامه" in answer["text"]


async def test_a_stranger_can_do_nothing_but_start(bot):
    for attempt in ("/whoami", "/report", "سلام", "/broadcast همه"):
        [answer] = await bot.say(STRANGER_ID, attempt)
        assert "فقط /start در دسترس است" in answer["text"], attempt


async def test_a_stranger_pressing_a_forged_button_is_refused(bot):
    [answer] = await bot.say(STRANGER_ID, "/start")
    query = await bot.client.press_button(STRANGER_ID, answer["message_id"], "res:confirm:1")
    said = await bot.client.wait_for_answer(query)
    assert "اجازه" in said["text"]


async def test_help_lists_what_the_caller_may_do_in_persian(bot):
    [answer] = await bot.say(ADMIN_ID, "/help")
    assert "کارهایی که می‌توانید انجام دهید" in answer["text"]
    assert "/start — شروع و معرفی" in answer["text"]
    assert "/cancel — لغو کار نیمه‌تمام" in answer["text"]


async def test_an_administrator_is_greeted_by_name_with_the_help(bot):
    [answer] = await bot.say(ADMIN_ID, "/start")
    assert answer["text"].startswith("سلام")
    assert "/help" in answer["text"]


async def test_cancel_outside_a_conversation_says_there_is_nothing(bot):
    [answer] = await bot.say(ADMIN_ID, "/cancel")
    assert "کار نیمه‌تمامی برای لغو نیست" in answer["text"]


async def test_unknown_text_and_commands_get_a_polite_persian_answer(bot):
    [answer] = await bot.say(ADMIN_ID, "blah blah")
    assert "متوجه نشدم" in answer["text"]
    [answer] = await bot.say(ADMIN_ID, "/frobnicate now")
    assert "«/frobnicate»" in answer["text"]


async def test_an_unknown_command_as_long_as_a_message_gets_an_answer_that_fits(bot):
    [answer] = await bot.say(ADMIN_ID, "/" + "x" * 4095)
    assert "«/xxxxxxxx" in answer["text"] and "…»" in answer["text"]
    assert len(answer["text"]) < 200


async def test_user_text_echoed_in_a_reply_is_escaped(bot):
    [answer] = await bot.say(ADMIN_ID, "/echo<b>x</b>&y")
    assert "«/echo<b>x</b>&y»" in answer["text"]  # shown literally, not parsed
    assert not [e for e in answer.get("entities", []) if e["type"] == "bold"]


async def test_the_command_menu_is_published_in_persian(bot):
    commands = await bot.client.commands()
    described = {c["command"]: c["description"] for c in commands}
    assert described["start"] == "شروع و معرفی"
    assert described["help"].startswith("راهنما")
    assert described["owe"] and "import" not in described  # an ordinary member's menu
    english = await bot.client.commands(language_code="en")
    assert {"start", "help", "owe"} <= {c["command"] for c in english}


async def test_a_stranger_who_writes_gets_a_menu_of_start_and_help(bot):
    await bot.say(STRANGER_ID, "/help")
    for _ in range(50):  # published beside the answer
        menu = {c["command"] for c in await bot.client.visible_commands(STRANGER_ID)}
        if menu == {"start", "help"}:
            break
        await asyncio.sleep(0.1)
    assert menu == {"start", "help"}


async def test_an_error_in_one_update_gets_an_apology_and_the_bot_goes_on(bot):
    async def explode(update, context):
        raise RuntimeError("boom")

    bot.application.handlers[0].insert(0, CommandHandler("explode", explode))
    [answer] = await bot.say(ADMIN_ID, "/explode")
    assert "متأسفم، مشکلی پیش آمد" in answer["text"]
    [answer] = await bot.say(ADMIN_ID, "/help")
    assert "کارهایی که می‌توانید" in answer["text"]


async def test_the_bot_ignores_group_chats(bot):
    await bot.client.send_text(STRANGER_ID, "/start", chat_id=-100123, chat_type="group")
    [answer] = await bot.say(STRANGER_ID, "/start")  # the private answer is the only one
    assert "دعوت‌نامه" in answer["text"]
    assert await bot.client.bot_messages(-100123) == []
