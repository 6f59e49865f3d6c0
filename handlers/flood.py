"""Slows down an account that floods the bot, before any other handler runs."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from handlers.common import Context
from mina_bot.catalog import text
from mina_bot.flood import FloodGuard, Verdict

log = logging.getLogger(__name__)
_GUARD_KEY = "flood_guard"


async def check_flood(update: Update, context: Context) -> None:
    """Drop updates over the limit; the first dropped one gets a polite warning."""
    user = update.effective_user
    if user is None:
        return
    guard: FloodGuard | None = context.application.bot_data.get(_GUARD_KEY)
    if guard is None:
        settings = context.runtime.settings
        guard = context.application.bot_data[_GUARD_KEY] = FloodGuard(
            limit=settings.flood_limit, window=settings.flood_window_seconds,
            cooloff=settings.flood_cooloff_seconds)
    verdict = guard.check(user.id, time.monotonic())
    if verdict is Verdict.PASS:
        return
    if verdict is Verdict.WARN:
        log.warning("flood from %s: slowed down for %.0f s", user.id, guard.cooloff)
        chat = update.effective_chat
        if chat is not None and chat.type == "private":
            await chat.send_message(text("flood.slow_down", context.actor.language),
                                    parse_mode=ParseMode.HTML)
    if update.callback_query:
        await update.callback_query.answer()
    raise ApplicationHandlerStop


def build_gate() -> list[BaseHandler]:
    """The flood check, for the group that runs before every other."""
    return [TypeHandler(Update, check_flood)]
