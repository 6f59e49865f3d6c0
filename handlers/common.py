"""Shared plumbing for feature callbacks: guarded callbacks, the button router, replies."""

from __future__ import annotations

import functools
import logging
import warnings
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from messenger.context import MinaContext
from mina_bot import buttons
from mina_bot.callbacks import ButtonData, decode, pattern
from mina_bot.catalog import text
from mina_bot.commands import check_arguments
from mina_bot.errors import StaleButton
from mina_bot.permissions import Action, require

log = logging.getLogger(__name__)
Context = MinaContext
Callback = Callable[[Update, Context], Awaitable[Any]]
ButtonCallback = Callable[[Update, Context, ButtonData], Awaitable[Any]]


async def reply(update: Update, message: str, **kwargs: Any) -> None:
    """Answer in the update's chat with an HTML message."""
    chat = update.effective_chat
    if chat is None:
        return
    await chat.send_message(message, **kwargs)


async def reply_key(update: Update, context: Context, key: str, **params: object) -> None:
    """Answer with a catalog text in the actor's language."""
    actor = context.actor
    await reply(update, text(key, actor.language, **params))


def guarded(action: Action) -> Callable[[Callback], Callback]:
    """Check the permission table before running a callback (commands and buttons alike)."""

    def decorate(callback: Callback) -> Callback:
        @functools.wraps(callback)
        async def wrapper(update: Update, context: Context) -> Any:
            require(context.actor, action)
            check_arguments(context.args)
            return await callback(update, context)

        return wrapper

    return decorate


def checked_button(update: Update, context: Context, feature: str) -> ButtonData:
    """Decode a press of `feature`'s button and check the Action its verb is registered with."""
    data = decode(update.callback_query.data if update.callback_query else None, feature)
    require(context.actor, buttons.lookup(feature, data.verb).action)
    return data


def button_router(
    feature: str, routes: Mapping[str, tuple[Action, ButtonCallback]]
) -> CallbackQueryHandler:
    """One handler for a feature's buttons: each verb is registered with its Action and checked
    before its callback runs; the callback re-checks unit-scoped rights on the record it loads."""
    for verb, (action, _) in routes.items():
        buttons.register(feature, verb, action)

    async def dispatch(update: Update, context: Context) -> None:
        data = checked_button(update, context, feature)
        if data.verb not in routes:
            raise StaleButton()
        toast = await routes[data.verb][1](update, context, data)
        await update.callback_query.answer(toast)

    return CallbackQueryHandler(dispatch, pattern=pattern(feature))


def chat_conversation(**kwargs: Any) -> ConversationHandler:
    """A ConversationHandler tracked per chat and user, re-enterable from its entry points.

    PTB warns when callback-query entry points are tracked per chat rather than per message;
    per chat is meant here: the answers that follow are plain messages.
    """
    kwargs.setdefault("allow_reentry", True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(**kwargs)


def text_answer(callback: Callback) -> MessageHandler:
    """The handler for a step that waits for one line of text (commands excluded)."""
    return MessageHandler(filters.TEXT & ~filters.COMMAND, callback)


async def edit_or_reply(update: Update, message: str, **kwargs: Any) -> None:
    """Replace the pressed button's message, or answer anew: for a command, and for a button on
    a message with no text to replace (a document or photo: editing it is refused)."""
    query = update.callback_query
    if query and query.message and getattr(query.message, "text", None) is not None:
        await query.edit_message_text(message, **kwargs)
    else:
        await reply(update, message, **kwargs)


# Handler groups for checks that apply to every update. PTB runs at most one handler per
# group, so each check needs its own group; lower runs first.
GROUP_FLOOD = -4
GROUP_REACHABLE = -3
GROUP_MENUS = -2
GROUP_GATE = -1
GROUP_PERSIST = 100  # after every feature: conversation states are written through
