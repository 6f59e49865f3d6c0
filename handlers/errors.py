"""The one error handler: domain errors become their catalog text, bugs an apology."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError
from telegram.ext import ApplicationHandlerStop

from handlers.common import Context
from mina_bot.catalog import text
from mina_bot.errors import MinaError, PermissionDenied
from mina_bot.ops.health import database_down

log = logging.getLogger("mina.errors")


def harmless(error: object) -> bool:
    """An edit that changes nothing: the same button pressed twice."""
    return isinstance(error, BadRequest) and "not modified" in error.message.lower()


def _unavailable(error: object) -> bool:
    """The Bot API could not be reached or failed; a refused request (PTB's BadRequest is a
    NetworkError too) is a defect of ours, logged with its traceback."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


async def on_error(update: object, context: Context) -> None:
    """Tell the user in a short Persian line; log the traceback for the operator. The update is
    then done: no later handler group runs (one answer, and a failed check fails closed)."""
    error = context.error
    if not isinstance(update, Update):
        log.error("error outside an update", exc_info=error)
        return
    if harmless(error):
        log.debug("update %s: %s", update.update_id, error)
        if update.callback_query:
            await _answer_quietly(update)
        raise ApplicationHandlerStop
    if isinstance(error, PermissionDenied):
        log.warning("refused %s for user %s", error.params,
                    update.effective_user.id if update.effective_user else None)
    elif database_down(error):
        log.warning("database unavailable while handling update %s: %s", update.update_id,
                    str(error).splitlines()[0][:200])
    elif _unavailable(error):
        log.warning("Bot API unavailable while handling update %s: %s", update.update_id, error)
    elif not isinstance(error, MinaError):
        log.error("error while handling update %s", update.update_id, exc_info=error)
    outage = database_down(error) or _unavailable(error)
    lang = "fa" if database_down(error) else _language(update, context)
    key = error.text_key if isinstance(error, MinaError) else (
        "error.busy" if outage else "error.unexpected")
    params = error.params if isinstance(error, MinaError) else {}
    try:
        message = text(key, lang, **params)
    except (KeyError, IndexError):
        message = text(key, lang)
    await _tell(update, message)
    raise ApplicationHandlerStop


def _language(update: Update, context: Context) -> str:
    try:
        return context.actor.language
    except Exception:  # the database itself may be what failed
        return "fa"


async def _answer_quietly(update: Update) -> None:
    with contextlib.suppress(BadRequest):  # already answered
        await update.callback_query.answer()


async def _tell(update: Update, message: str) -> None:
    """A button press gets an alert; one already answered (or any message) gets a chat line."""
    try:
        if update.callback_query:
            try:  # False or BadRequest: answered before failing, or too old: the chat then
                if await update.callback_query.answer(message[:200], show_alert=True):
                    return
            except BadRequest:
                pass
        if update.effective_chat and update.effective_chat.type == "private":
            await update.effective_chat.send_message(message, parse_mode=ParseMode.HTML)
    except Exception:
        log.warning("could not tell user %s about an error",
                    update.effective_user.id if update.effective_user else None, exc_info=True)
