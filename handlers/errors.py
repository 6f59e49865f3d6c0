"""The one error handler: domain errors become their catalog text, bugs an apology."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode

from handlers.common import Context, actor_of
from mina_bot.catalog import text
from mina_bot.errors import MinaError, PermissionDenied

log = logging.getLogger("mina.errors")


async def on_error(update: object, context: Context) -> None:
    """Tell the user in a short Persian line; log the traceback for the operator."""
    error = context.error
    if not isinstance(update, Update):
        log.error("error outside an update", exc_info=error)
        return
    if isinstance(error, PermissionDenied):
        log.warning("refused %s for user %s", error.params,
                    update.effective_user.id if update.effective_user else None)
    elif not isinstance(error, MinaError):
        log.error("error while handling update %s", update.update_id, exc_info=error)
    lang = _language(update, context)
    key = error.text_key if isinstance(error, MinaError) else "error.unexpected"
    params = error.params if isinstance(error, MinaError) else {}
    try:
        message = text(key, lang, **params)
    except (KeyError, IndexError):
        message = text(key, lang)
    await _tell(update, message)


def _language(update: Update, context: Context) -> str:
    try:
        return actor_of(update, context).language
    except Exception:  # the database itself may be what failed
        return "fa"


async def _tell(update: Update, message: str) -> None:
    try:
        if update.callback_query:
            await update.callback_query.answer(message[:200], show_alert=True)
        elif update.effective_chat:
            await update.effective_chat.send_message(message, parse_mode=ParseMode.HTML)
    except Exception:
        log.exception("could not tell the user about an error")
