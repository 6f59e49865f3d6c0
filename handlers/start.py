"""/start, /help, /cancel, the stranger gate and the polite fallback for anything else."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers.common import Context, reply, reply_key
from mina_bot.catalog import Safe, text
from mina_bot.commands import help_text
from mina_bot.persian import shorten

log = logging.getLogger(__name__)
_OPEN_TO_STRANGERS = ("/start", "/help")


async def gate_strangers(update: Update, context: Context) -> None:
    """Stop every update from a stranger except /start and /help, with one polite answer."""
    if update.effective_chat is None or update.effective_chat.type != "private":
        raise ApplicationHandlerStop  # the bot works in private chats only
    if update.effective_user is None or not context.actor.is_stranger:
        return
    message = update.effective_message
    if update.message and message.text and message.text.startswith(_OPEN_TO_STRANGERS):
        return
    log.info("refused stranger %s", update.effective_user.id)
    if update.callback_query:
        await update.callback_query.answer(text("error.forbidden"), show_alert=True)
    else:
        await reply_key(update, context, "unknown.stranger")
    raise ApplicationHandlerStop


async def start(update: Update, context: Context) -> None:
    """Greet: a stranger learns how to join, a member sees what they can do."""
    actor = context.actor
    if actor.is_stranger:
        await reply_key(update, context, "start.stranger")
        return
    lang = actor.language
    name = actor.name or update.effective_user.full_name
    await reply(update, text("start.member", lang, name=name, help=Safe(help_text(actor, lang))))


async def show_help(update: Update, context: Context) -> None:
    """List what the caller may do."""
    actor = context.actor
    await reply(update, help_text(actor, actor.language))


async def cancel(update: Update, context: Context) -> None:
    """Outside any conversation there is nothing to cancel."""
    await reply_key(update, context, "cancel.nothing")


async def unknown_command(update: Update, context: Context) -> None:
    """A slash command nobody handles."""
    command = (update.effective_message.text or "").split()[0]
    # Echo what was typed, but a "command" can be 4,096 characters: the answer must still fit.
    await reply_key(update, context, "unknown.command", command=shorten(command, 40))


async def unknown_text(update: Update, context: Context) -> None:
    """Free text nobody understood."""
    await reply_key(update, context, "unknown.member")


async def unsupported(update: Update, context: Context) -> None:
    """Stickers, voice notes and the like."""
    await reply_key(update, context, "unknown.unsupported")


async def stale_button(update: Update, context: Context) -> None:
    """A button press no feature claimed: stale or forged callback data."""
    log.warning("unclaimed callback %r from %s", update.callback_query.data,
                update.effective_user.id if update.effective_user else None)
    await update.callback_query.answer(text("error.stale_button",
                                            context.actor.language),
                                       show_alert=True)


def build_gate() -> list[BaseHandler]:
    """Handlers for group -1: checks that apply to every update."""
    return [TypeHandler(Update, gate_strangers)]


def build_handlers() -> list[BaseHandler]:
    """The general commands, registered before feature handlers."""
    return [
        CommandHandler("start", start),
        CommandHandler("help", show_help),
        CommandHandler("cancel", cancel),
    ]


def build_fallbacks() -> list[BaseHandler]:
    """Catch-alls, registered after every feature handler of group 0."""
    private = filters.ChatType.PRIVATE
    return [
        MessageHandler(private & filters.COMMAND, unknown_command),
        MessageHandler(private & filters.TEXT, unknown_text),
        CallbackQueryHandler(stale_button),
        MessageHandler(private & ~filters.UpdateType.EDITED, unsupported),
    ]
