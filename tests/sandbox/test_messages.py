"""sendMessage/edit/delete through the real telegram.Bot, checked against the transcript."""

from __future__ import annotations

import re

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup
from telegram.error import BadRequest, InvalidToken

from sandbox.client import SandboxClient
from sandbox.server import BotApiSandbox

USER = 1001


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d.title(), callback_data=d) for d in data]])


async def test_get_me_describes_the_bot(sandbox_bot: Bot) -> None:
    me = await sandbox_bot.get_me()
    assert (me.is_bot, me.username, me.first_name) == (True, "mina_demo_bot", "Mina")


async def test_send_message_returns_telegram_message(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER, first_name="Sara", language_code="fa")
    sent = await sandbox_bot.send_message(
        USER,
        "سلام <b>سارا</b> &amp; <i>خوش</i> آمدی",
        parse_mode="HTML",
        reply_markup=keyboard("a"),
    )
    assert sent.text == "سلام سارا & خوش آمدی"
    assert sent.from_user.is_bot and sent.chat.id == USER and sent.chat.first_name == "Sara"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 5, 4),
        ("italic", 12, 3),
    ]
    assert sent.reply_markup == keyboard("a")
    [entry] = await sandbox_client.transcript(USER)
    assert entry["from_bot"] and entry["parse_mode"] == "HTML"
    assert entry["source_text"].startswith("سلام <b>")
    assert entry["reply_markup"] == [[{"text": "A", "callback_data": "a"}]]


async def test_reply_keyboard_is_recorded_but_not_echoed(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER)
    sent = await sandbox_bot.send_message(USER, "pick", reply_markup=ReplyKeyboardMarkup([["x"]]))
    assert sent.reply_markup is None
    [entry] = await sandbox_client.transcript(USER)
    assert entry["reply_keyboard"] == [["x"]]


@pytest.mark.parametrize(
    ("text", "parse_mode", "error"),
    [
        ("<b>open", "HTML", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", "HTML", "Unmatched end tag at byte offset 4"),
        ("<div>x</div>", "HTML", 'Unsupported start tag "div" at byte offset 0'),
        ("a < b > c", "HTML", 'Unsupported start tag "" at byte offset 2'),
        ("x" * 4097, None, "Message is too long"),
        ("", None, "Message text is empty"),
        ("<b></b>", "HTML", "Text must be non-empty"),
    ],
)
async def test_bad_text_is_a_bad_request(
    sandbox_bot: Bot, sandbox_client: SandboxClient, text: str, parse_mode: str | None, error: str
) -> None:
    await sandbox_client.ensure_user(USER)
    with pytest.raises(BadRequest, match="(?i)" + re.escape(error)):
        await sandbox_bot.send_message(USER, text, parse_mode=parse_mode)
    assert await sandbox_client.transcript(USER) == []


async def test_unknown_chat_and_oversized_callback_data(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await sandbox_bot.send_message(4242, "hi")
    await sandbox_client.ensure_user(USER)
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await sandbox_bot.send_message(USER, "hi", reply_markup=keyboard("x" * 65))


async def test_edits_keep_history_and_detect_no_change(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER)
    sent = await sandbox_bot.send_message(USER, "0%", reply_markup=keyboard("stop"))
    edited = await sandbox_bot.edit_message_text("50%", USER, sent.message_id)
    assert edited.text == "50%" and edited.edit_date is not None
    assert edited.reply_markup is None, "an edit without reply_markup drops the keyboard"
    with pytest.raises(BadRequest, match="Message is not modified"):
        await sandbox_bot.edit_message_text("50%", USER, sent.message_id)
    await sandbox_bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=keyboard("ok"))
    with pytest.raises(BadRequest, match="Message is not modified"):
        await sandbox_bot.edit_message_reply_markup(
            USER, sent.message_id, reply_markup=keyboard("ok")
        )
    entry = await sandbox_client.wait_for_edit(USER, sent.message_id, edits=2, timeout=1)
    assert entry["edited"] and [h["text"] for h in entry["edit_history"]] == ["0%", "50%"]
    assert entry["reply_markup"] == [[{"text": "Ok", "callback_data": "ok"}]]
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await sandbox_bot.edit_message_text("x", USER, 999)


async def test_delete_marks_message_deleted(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER)
    sent = await sandbox_bot.send_message(USER, "temporary")
    assert await sandbox_bot.delete_message(USER, sent.message_id) is True
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await sandbox_bot.delete_message(USER, sent.message_id)
    [entry] = await sandbox_client.transcript(USER)
    assert entry["deleted"]


async def test_wire_formats_errors_and_token(sandbox: BotApiSandbox) -> None:
    async with httpx.AsyncClient(base_url=f"{sandbox.api_base_url}1:T") as http:
        sandbox.world.user(USER)
        sandbox.world.private_chat(sandbox.world.users[USER])
        form = await http.post(
            "/sendMessage",
            data={
                "chat_id": str(USER),
                "text": "form",
                "reply_markup": '{"inline_keyboard":[[{"text":"a","callback_data":"a"}]]}',
            },
        )
        query = await http.get("/sendMessage", params={"chat_id": USER, "text": "query"})
        as_json = await http.post("/SENDMESSAGE", json={"chat_id": USER, "text": "json"})
        missing = await http.post("/noSuchMethod", json={})
    assert form.json()["result"]["reply_markup"]["inline_keyboard"][0][0]["text"] == "a"
    assert query.json()["result"]["text"] == "query"
    assert as_json.json()["result"]["text"] == "json"
    assert missing.status_code == 404
    assert missing.json() == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }


async def test_fixed_token_rejects_others() -> None:
    async with BotApiSandbox(token="42:RIGHT") as sandbox:
        with pytest.raises(InvalidToken, match="rejected by the server"):
            async with Bot("42:WRONG", base_url=sandbox.api_base_url):
                pass
        async with Bot("42:RIGHT", base_url=sandbox.api_base_url) as right:
            assert right.id == 42
