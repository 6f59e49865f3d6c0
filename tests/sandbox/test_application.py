"""A real PTB Application polling the sandbox: command, button press, document round trip."""

from __future__ import annotations

import datetime as dtm
from collections.abc import AsyncIterator

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from sandbox.client import SandboxClient
from sandbox.server import BotApiSandbox

USER = 1001
TOKEN = "123456:APP-TOKEN"


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    buttons = [[InlineKeyboardButton("تایید", callback_data="confirm")]]
    await update.effective_message.reply_html(
        f"سلام <b>{update.effective_user.first_name}</b>",
        reply_markup=InlineKeyboardMarkup(buttons),
    )


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer("ثبت شد")
    await query.edit_message_text(f"chosen: {query.data}")


async def reverse_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    telegram_file = await update.effective_message.document.get_file()
    content = bytes(await telegram_file.download_as_bytearray())
    await update.effective_message.reply_document(content[::-1], filename="reversed.txt")


@pytest.fixture
async def running_app(sandbox: BotApiSandbox) -> AsyncIterator[Application]:
    application = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(sandbox.api_base_url)
        .base_file_url(sandbox.file_base_url)
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(pressed))
    application.add_handler(MessageHandler(filters.Document.ALL, reverse_document))
    await application.initialize()
    await application.start()
    await application.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))
    yield application
    await application.updater.stop()
    await application.stop()
    await application.shutdown()


async def test_command_button_and_document(
    running_app: Application, sandbox_client: SandboxClient
) -> None:
    mine = await sandbox_client.send_text(USER, "/start", first_name="Sara")
    [greeting] = await sandbox_client.wait_for_bot_messages(USER, since=mine["message_id"])
    assert greeting["text"] == "سلام Sara" and greeting["parse_mode"] == "HTML"
    assert greeting["reply_markup"] == [[{"text": "تایید", "callback_data": "confirm"}]]

    query_id = await sandbox_client.press_button(USER, greeting["message_id"], "confirm")
    assert (await sandbox_client.wait_for_answer(query_id))["text"] == "ثبت شد"
    edited = await sandbox_client.wait_for_edit(USER, greeting["message_id"])
    assert edited["text"] == "chosen: confirm" and edited["reply_markup"] is None

    upload = await sandbox_client.send_document(USER, "data.txt", b"census", "text/plain")
    [reply] = await sandbox_client.wait_for_bot_messages(USER, since=upload["message_id"])
    assert reply["document"]["file_name"] == "reversed.txt"
    assert await sandbox_client.download(reply["document"]["file_id"]) == b"susnec"

    stats = await sandbox_client.stats()
    assert stats["per_chat"][str(USER)] == {
        "sendMessage": 1,
        "editMessageText": 1,
        "sendDocument": 1,
    }
    assert stats["ok"]["answerCallbackQuery"] == 1
    assert stats["calls"]["deleteWebhook"] == 1
