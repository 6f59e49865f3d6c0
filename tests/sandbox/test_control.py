"""The control side: users, groups, commands per scope, waiting helpers, reset, CLI entry."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from sandbox.client import SandboxClient, SandboxError
from sandbox.server import BotApiSandbox

USER = 1001
GROUP = -100500


async def test_commands_are_stored_per_scope_and_language(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_bot.set_my_commands([BotCommand("start", "شروع")])
    await sandbox_bot.set_my_commands(
        [BotCommand("help", "help")], scope=BotCommandScopeAllPrivateChats(), language_code="en"
    )
    await sandbox_bot.set_my_commands(
        [BotCommand("admin", "panel")], scope=BotCommandScopeChat(USER)
    )
    assert [c.command for c in await sandbox_bot.get_my_commands()] == ["start"]
    assert await sandbox_client.commands() == [{"command": "start", "description": "شروع"}]
    en_private = await sandbox_client.commands({"type": "all_private_chats"}, "en")
    assert [c["command"] for c in en_private] == ["help"]
    assert [c["command"] for c in await sandbox_client.visible_commands(USER)] == ["admin"]
    assert [c["command"] for c in await sandbox_client.visible_commands(2002, "en")] == ["help"]
    assert [c["command"] for c in await sandbox_client.visible_commands(2002, "fa")] == ["start"]
    assert await sandbox_bot.delete_my_commands(scope=BotCommandScopeChat(USER))
    assert await sandbox_client.commands({"type": "chat", "chat_id": USER}) == []


async def test_group_and_channel_messages(sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    await sandbox_client.send_text(USER, "/start@mina_demo_bot", chat_id=GROUP, chat_type="group")
    await sandbox_client.send_text(USER, "news", chat_id=-100600, chat_type="channel")
    in_group, in_channel = await sandbox_bot.get_updates()
    assert in_group.effective_chat.type == "group" and in_group.effective_user.id == USER
    assert in_channel.channel_post.sender_chat.id == -100600
    reply = await sandbox_bot.send_message(GROUP, "hi group")
    assert reply.chat.type == "group"
    chats = {chat["id"]: chat for chat in await sandbox_client.chats()}
    assert chats[GROUP]["message_count"] == 2


async def test_waiting_helpers(sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    mine = await sandbox_client.send_text(USER, "/start")

    async def bot_side() -> None:
        await asyncio.sleep(0.1)
        sent = await sandbox_bot.send_message(USER, "working 0%")
        await sandbox_bot.send_message(USER, "second")
        await asyncio.sleep(0.1)
        await sandbox_bot.edit_message_text("working 50%", USER, sent.message_id)
        await sandbox_bot.edit_message_text("done", USER, sent.message_id)

    task = asyncio.create_task(bot_side())
    replies = await sandbox_client.wait_for_bot_messages(USER, 2, since=mine["message_id"])
    assert [r["text"] for r in replies] == ["working 0%", "second"]
    final = await sandbox_client.wait_for_edit(USER, replies[0]["message_id"], contains="done")
    assert final["text"] == "done" and len(final["edit_history"]) == 2
    await task
    assert len(await sandbox_client.bot_messages(USER, since=replies[0]["message_id"])) == 1
    with pytest.raises(TimeoutError, match=r"bot: .second"):
        await sandbox_client.wait_for_bot_messages(USER, 3, since=mine["message_id"], timeout=0.2)


async def test_a_chat_wait_also_ends_at_an_edit_when_asked(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER)
    sent = await sandbox_bot.send_message(USER, "working 0%")
    await sandbox_bot.edit_message_text("working 50%", USER, sent.message_id)
    with pytest.raises(TimeoutError):  # one edit already known: nothing new
        await sandbox_client.wait_for_bot_messages(USER, since=sent.message_id, edits=1,
                                                   timeout=0.2)

    async def edit_later() -> None:
        await asyncio.sleep(0.1)
        await sandbox_bot.edit_message_text("done", USER, sent.message_id)

    task = asyncio.create_task(edit_later())
    assert await sandbox_client.wait_for_bot_messages(
        USER, since=sent.message_id, edits=1, timeout=5) == []  # no new message, but an edit
    await task
    with pytest.raises(TimeoutError):  # without edits=, only a new message ends the wait
        await sandbox_client.wait_for_bot_messages(USER, since=sent.message_id, timeout=0.2)


async def test_buttons_can_be_forged_unless_required(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
    sent = await sandbox_bot.send_message(USER, "sure?", reply_markup=markup)
    with pytest.raises(SandboxError, match="no button"):
        await sandbox_client.press_button(USER, sent.message_id, "no", require_button=True)
    forged = await sandbox_client.press_button(USER, sent.message_id, "admin:delete")
    [update] = await sandbox_bot.get_updates()
    assert update.callback_query.id == forged and update.callback_query.data == "admin:delete"
    with pytest.raises(SandboxError, match="no bot message"):
        await sandbox_client.press_button(USER, 999, "yes")
    query_id = await sandbox_client.press_button(USER, sent.message_id, "yes")
    assert await sandbox_client.answers(query_id) is None
    await sandbox_bot.answer_callback_query(query_id, "saved", show_alert=True)
    answer = await sandbox_client.wait_for_answer(query_id, timeout=1)
    assert answer["text"] == "saved" and answer["show_alert"] is True


async def test_reset_forgets_everything(sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    await sandbox_client.send_text(USER, "hello")
    await sandbox_bot.send_message(USER, "hi")
    await sandbox_client.reset()
    assert await sandbox_client.chats() == []
    assert await sandbox_client.pending_updates() == []
    assert (await sandbox_client.stats())["calls"] == {}


async def test_python_m_sandbox_prints_its_url() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "sandbox", "--port", "0", stdout=asyncio.subprocess.PIPE
    )
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 10)
        url = line.decode().rsplit(" ", 1)[-1].strip()
        assert url.startswith("http://127.0.0.1:")
        async with Bot("1:A", base_url=f"{url}/bot") as bot:
            assert bot.username == "mina_demo_bot"
    finally:
        process.terminate()
        await process.wait()


async def test_control_allows_the_demo_page_and_no_other_origin(sandbox: BotApiSandbox) -> None:
    page = "http://127.0.0.1:8080"
    sandbox.allowed_origins.add(page)
    async with httpx.AsyncClient(base_url=sandbox.url) as http:
        preflight = await http.options("/control/stats", headers={"Origin": page})
        stats = await http.get("/control/stats", headers={"Origin": page})
        plain = await http.get("/control/stats")  # no Origin: a local script, as the tests
        foreign = await http.get("/control/stats", headers={"Origin": "http://evil.example"})
        rebound = await http.get("/control/stats", headers={"Host": "evil.example:80"})
        sent = [await http.post(f"/control/users/{USER}/messages", content=b'{"text": "hi"}',
                                headers={"Content-Type": kind, "Origin": page})
                for kind in ("text/plain", "application/x-www-form-urlencoded")]
    assert preflight.headers["Access-Control-Allow-Origin"] == page
    assert stats.headers["Access-Control-Allow-Origin"] == page
    assert plain.status_code == 200 and "Access-Control-Allow-Origin" not in plain.headers
    assert (foreign.status_code, foreign.json()["error"]) == (403, "origin not allowed")
    assert "Access-Control-Allow-Origin" not in foreign.headers
    assert (rebound.status_code, rebound.json()["error"]) == (403, "host not allowed")
    assert [r.status_code for r in sent] == [403, 403]


@pytest.mark.parametrize(("method", "path", "body"), [
    ("GET", "/control/chats/" + "9" * 5000 + "/messages", None),
    ("GET", "/control/chats/1/wait?since=" + "9" * 30, None),
    ("GET", "/control/chats/1/wait?timeout=1e400", None),
    ("POST", "/control/faults", {"method": "sendMessage", "kind": "slow", "delay": "inf"}),
    ("POST", "/control/rate-limit", {"per_second": 1e300}),
])
async def test_control_numbers_are_bounded(sandbox: BotApiSandbox, method, path, body) -> None:
    async with httpx.AsyncClient(base_url=sandbox.url) as http:
        answer = await http.request(method, path, json=body)
    assert answer.status_code == 400 and "bad control request" in answer.json()["error"]


class FixedClock:
    def now(self) -> dt.datetime:
        return dt.datetime(2026, 3, 21, 8, 0, tzinfo=dt.UTC)


async def test_message_dates_follow_an_injected_clock() -> None:
    async with BotApiSandbox(clock=FixedClock()) as sandbox, SandboxClient(sandbox.url) as client:
        message = await client.send_text(USER, "hi")
    assert message["date"] == int(FixedClock().now().timestamp())
