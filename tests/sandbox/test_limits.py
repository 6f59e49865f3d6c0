"""The strict sandbox refuses what Telegram refuses: keyboards, lengths, strangers."""

from __future__ import annotations

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden

from sandbox.client import SandboxClient

USER = 1001


def grid(rows: int, per_row: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(f"{r}.{c}", callback_data=f"{r}.{c}")
                                  for c in range(per_row)] for r in range(rows)])


@pytest.mark.parametrize(("rows", "per_row", "refused"), [
    (25, 4, False), (20, 5, False), (101, 1, True), (13, 8, True), (1, 9, True),
])
async def test_keyboards_over_100_buttons_or_8_a_row_are_refused(
        sandbox_bot: Bot, sandbox_client: SandboxClient, rows, per_row, refused) -> None:
    await sandbox_client.ensure_user(USER)
    if refused:
        with pytest.raises(BadRequest, match=r"(?i)reply markup is too long"):
            await sandbox_bot.send_message(USER, "pick", reply_markup=grid(rows, per_row))
        assert await sandbox_client.transcript(USER) == []
    else:
        await sandbox_bot.send_message(USER, "pick", reply_markup=grid(rows, per_row))


async def test_lengths_are_counted_in_utf16_units_after_entity_parsing(
        sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    await sandbox_client.ensure_user(USER)
    await sandbox_bot.send_message(USER, "<b>" + "ب" * 4096 + "</b>", parse_mode="HTML")
    await sandbox_bot.send_message(USER, "&amp;" * 4096, parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await sandbox_bot.send_message(USER, "😀" * 2049)  # 4,098 UTF-16 units
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await sandbox_bot.send_document(USER, b"x", filename="a.txt", caption="😀" * 513)


async def test_a_user_who_never_started_the_bot_cannot_be_written_to(
        sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    await sandbox_client.ensure_user(USER, started=False)
    with pytest.raises(Forbidden, match=r"(?i)bot can't initiate conversation with a user"):
        await sandbox_bot.send_message(USER, "hi")
    await sandbox_client.send_text(USER, "/start")
    assert (await sandbox_bot.send_message(USER, "hi")).text == "hi"
