"""Shared plumbing for PTB callbacks: the runtime, the actor, guarded callbacks, replies."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from mina_bot.actors import Actor
from mina_bot.catalog import text
from mina_bot.identity import load_actor
from mina_bot.permissions import Action, require
from mina_bot.runtime import Runtime

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE
Callback = Callable[[Update, Context], Awaitable[Any]]


def runtime_of(context: Context) -> Runtime:
    """The process's shared runtime."""
    return context.application.bot_data["runtime"]


def actor_of(update: Update, context: Context) -> Actor:
    """The actor behind this update, loaded once per update."""
    cached = getattr(context, "mina_actor", None)
    if cached is not None and cached[0] is update:
        return cached[1]
    runtime = runtime_of(context)
    user = update.effective_user
    telegram_id = user.id if user else 0
    with runtime.session() as session:
        actor = load_actor(
            session,
            telegram_id=telegram_id,
            admin_ids=runtime.settings.admin_ids,
            fallback_language=runtime.settings.language,
        )
    context.mina_actor = (update, actor)  # one CallbackContext serves one update
    return actor


async def reply(update: Update, message: str, **kwargs: Any) -> None:
    """Answer in the update's chat with an HTML message."""
    chat = update.effective_chat
    if chat is None:
        return
    await chat.send_message(message, parse_mode=ParseMode.HTML, **kwargs)


async def reply_key(update: Update, context: Context, key: str, **params: object) -> None:
    """Answer with a catalog text in the actor's language."""
    actor = actor_of(update, context)
    await reply(update, text(key, actor.language, **params))


def guarded(action: Action) -> Callable[[Callback], Callback]:
    """Check the permission table before running a callback (commands and buttons alike)."""

    def decorate(callback: Callback) -> Callback:
        @functools.wraps(callback)
        async def wrapper(update: Update, context: Context) -> Any:
            require(actor_of(update, context), action)
            return await callback(update, context)

        return wrapper

    return decorate
