"""getUpdates: real long polling, offsets, limits, allowed_updates, conflicts, update shapes."""

from __future__ import annotations

import asyncio
import time

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import Conflict

from sandbox.client import SandboxClient
from sandbox.server import BotApiSandbox

USER = 1001


async def test_long_poll_waits_for_the_timeout(sandbox_bot: Bot) -> None:
    started = time.monotonic()
    assert await sandbox_bot.get_updates(timeout=1) == ()
    assert 0.9 <= time.monotonic() - started < 1.5


async def test_an_update_wakes_a_waiting_poll(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    poll = asyncio.create_task(sandbox_bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    started = time.monotonic()
    await sandbox_client.send_text(USER, "hello")
    [update] = await poll
    assert time.monotonic() - started < 0.5
    assert update.message.text == "hello" and update.effective_user.id == USER


async def test_offset_confirms_and_limit_caps(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    for text in ("one", "two", "three"):
        await sandbox_client.send_text(USER, text)
    first = await sandbox_bot.get_updates(limit=2)
    assert [u.message.text for u in first] == ["one", "two"]
    again = await sandbox_bot.get_updates()
    assert len(again) == 3, "updates stay until an offset confirms them"
    rest = await sandbox_bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest] == ["three"]
    assert len(await sandbox_client.pending_updates()) == 1
    assert await sandbox_bot.get_updates(offset=rest[-1].update_id + 1) == ()


async def test_allowed_updates_filters_and_persists(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    assert await sandbox_bot.get_updates(allowed_updates=["callback_query"]) == ()
    await sandbox_client.send_text(USER, "ignored")
    assert await sandbox_bot.get_updates() == ()
    await sandbox_bot.get_updates(allowed_updates=[])
    await sandbox_client.send_text(USER, "seen")
    [update] = await sandbox_bot.get_updates()
    assert update.message.text == "seen"


async def test_a_second_poller_terminates_the_first(
    sandbox_bot: Bot, sandbox: BotApiSandbox
) -> None:
    first = asyncio.create_task(sandbox_bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    async with Bot(sandbox_bot.token, base_url=sandbox.api_base_url) as second_instance:
        assert await second_instance.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await first


async def test_callback_edit_and_command_update_shapes(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    mine = await sandbox_client.send_text(USER, "/report@mina_demo_bot weekly", first_name="Reza")
    await sandbox_client.edit_text(USER, mine["message_id"], "/report monthly")
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="go:1")]])
    sent = await sandbox_bot.send_message(USER, "choose", reply_markup=markup)
    query_id = await sandbox_client.press_button(USER, sent.message_id, "go:1")
    command, edited, pressed = await sandbox_bot.get_updates()
    assert command.message.entities[0].type == "bot_command"
    assert command.message.entities[0].length == len("/report@mina_demo_bot")
    assert edited.edited_message.text == "/report monthly"
    assert edited.edited_message.edit_date is not None
    assert pressed.callback_query.id == query_id
    assert pressed.callback_query.data == "go:1"
    assert pressed.callback_query.message.message_id == sent.message_id
    assert pressed.callback_query.from_user.first_name == "Reza"
