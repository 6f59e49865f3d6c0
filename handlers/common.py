"""Shared plumbing for feature callbacks: guarded callbacks, the button router, replies."""

from __future__ import annotations

import asyncio
import functools
import html
import logging
import re
import warnings
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
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
from mina_bot.callbacks import ButtonData, decode
from mina_bot.catalog import text
from mina_bot.commands import check_arguments
from mina_bot.conversations import Flow
from mina_bot.errors import StaleButton
from mina_bot.message_size import fits, split
from mina_bot.permissions import Action, require

log = logging.getLogger(__name__)
Context = MinaContext
PRESS_ANSWER_SECONDS = 1.0
Callback = Callable[[Update, Context], Awaitable[Any]]
ButtonCallback = Callable[[Update, Context, ButtonData], Awaitable[Any]]


async def reply(update: Update, message: str, **kwargs: Any) -> None:
    """Answer in the update's chat with an HTML message; one too long for Telegram goes as
    several, cut between lines, the keyboard under the last."""
    chat = update.effective_chat
    if chat is None:
        return
    parts = split(message)
    markup = kwargs.pop("reply_markup", None)
    for part in parts[:-1]:
        await chat.send_message(part, **kwargs)
    await chat.send_message(parts[-1], reply_markup=markup, **kwargs)


async def reply_key(update: Update, context: Context, key: str, **params: object) -> None:
    """Answer with a catalog text in the actor's language."""
    actor = context.actor
    await reply(update, text(key, actor.language, **params))


def guarded(action: Action) -> Callable[[Callback], Callback]:
    """Check the permission table before running a callback (commands and buttons alike)."""

    def decorate(callback: Callback) -> Callback:
        @functools.wraps(callback)
        async def wrapper(update: Update, context: Context, *data: ButtonData) -> Any:
            require(context.actor, action)
            check_arguments(context.args)
            return await callback(update, context, *data)

        return wrapper

    return decorate


@dataclass(frozen=True)
class Alert:
    """What a button callback returns to have its press answered with an alert."""

    text: str


def button_router(
    feature: str, routes: Mapping[str, tuple[Action, ButtonCallback]]
) -> CallbackQueryHandler:
    """The one way to handle buttons: each verb is registered with its Action, checked with the
    actor of this press before its callback runs, and the press is answered once: at the end, or
    when the work takes longer than PRESS_ANSWER_SECONDS, at once and the work goes on (the
    spinner stops, and Telegram refuses answers to old presses). A callback
    re-checks unit-scoped rights on the record it loads; what it returns is the next
    conversation step when the router sits in a ConversationHandler. Several routers may share
    a feature (a conversation's entry verbs, its steps' verbs, the rest)."""
    for verb, (action, _) in routes.items():
        buttons.register(feature, verb, action)

    async def dispatch(update: Update, context: Context) -> Any:
        data = decode(update.callback_query.data, feature)
        if data.verb not in routes:
            raise StaleButton()
        require(context.actor, routes[data.verb][0])  # the actor as of this press
        work = asyncio.ensure_future(routes[data.verb][1](update, context, data))
        try:
            await asyncio.wait({work}, timeout=PRESS_ANSWER_SECONDS)
        except asyncio.CancelledError:
            work.cancel()
            raise
        answered = not work.done()
        if answered:
            await update.callback_query.answer()
        result = await work
        if isinstance(result, Alert):  # too late for an alert (or too old a press): a chat line
            if answered or not await update.callback_query.answer(result.text[:200],
                                                                    show_alert=True):
                await reply(update, html.escape(result.text))
            return None
        if not answered:
            await update.callback_query.answer()
        return result

    dispatch.routes = (feature, tuple(routes))  # type: ignore[attr-defined]  # for the tests
    verbs = "|".join(re.escape(v) for v in routes)
    return CallbackQueryHandler(dispatch, pattern=rf"^{re.escape(feature)}:({verbs})(:|$)")


def flow(update: Update, name: str) -> Flow:
    """The flow `name` of this update's chat and user (its state is kept in the database)."""
    return Flow(name, update.effective_chat.id, update.effective_user.id)


def leave_flows(*names: str) -> Callback:
    """A conversation's /cancel: forget what these flows collected, say so, end."""

    async def leave(update: Update, context: Context) -> int:
        with context.runtime.session() as session:
            for name in names:
                flow(update, name).drop(session)
        await reply_key(update, context, "cancel.done")
        return ConversationHandler.END

    return leave


def chat_conversation(*, name: str, **kwargs: Any) -> ConversationHandler:
    """A ConversationHandler per chat and user, its step stored in the database under `name`
    (so a restart resumes it), re-enterable from its entry points.

    PTB warns when callback-query entry points are tracked per chat rather than per message;
    per chat is meant here: the answers that follow are plain messages.
    """
    kwargs.setdefault("allow_reentry", True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(name=name, persistent=True, **kwargs)


def text_answer(callback: Callback) -> MessageHandler:
    """The handler for a step that waits for one line of text (commands excluded)."""
    return MessageHandler(filters.TEXT & ~filters.COMMAND, callback)


async def edit_or_reply(update: Update, message: str, **kwargs: Any) -> None:
    """Replace the pressed button's message, or answer anew: for a command, and for a button on
    a message with no text to replace (a document or photo: editing it is refused), and for a
    text too long for one message."""
    query = update.callback_query
    if query and query.message and getattr(query.message, "text", None) is not None \
            and fits(message):
        await query.edit_message_text(message, **kwargs)
    else:
        await reply(update, message, **kwargs)


# Handler groups for checks that apply to every update. PTB runs at most one handler per
# group, so each check needs its own group; lower runs first.
GROUP_CHATS = -5  # groups and channels: only /link and notes, nothing private
GROUP_FLOOD = -4
GROUP_REACHABLE = -3
GROUP_MENUS = -2
GROUP_GATE = -1
GROUP_PERSIST = 100  # after every feature: conversation states are written through
