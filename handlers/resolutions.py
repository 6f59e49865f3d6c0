"""«What do I owe?», one resolution in full, reporting it done, confirming or sending it back."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from handlers.common import (
    Context,
    chat_conversation,
    edit_or_reply,
    guarded,
    reply,
    reply_key,
)
from messenger.keyboards import keyboard
from mina_bot.callbacks import decode
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.intents import OWE, intent_of
from mina_bot.permissions import Action, require
from mina_bot.persian import match_key
from mina_bot.resolutions import lifecycle, views
from mina_bot.resolutions import owe as owe_service
from mina_bot.resolutions.card import resolution_card
from mina_bot.resolutions.lifecycle import DocumentRef

WAIT_NOTE, WAIT_REASON = range(2)
OWE_PHRASES = tuple(match_key(p) for p in (
    "چه کاری بر عهده من است", "چه کاری بر عهده من هست", "چه کارهایی بر عهده من است",
    "کارهای من", "بدهی های من", "بدهیهای من", "تعهدات من", "مصوبات من", "وظایف من",
))


class OwePhrase(filters.MessageFilter):
    """Free text asking «what do I owe?», however it is spelled."""

    def filter(self, message) -> bool:
        return intent_of(message.text) == OWE



@guarded(Action.VIEW_OWN_DUTIES)
async def owe(update: Update, context: Context) -> None:
    """/owe and «چه کاری بر عهده من است؟»."""
    body, buttons = owe_service.owe_page(context.runtime, context.actor, 0)
    await reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.VIEW_OWN_DUTIES)
async def owe_page(update: Update, context: Context) -> None:
    """A page button of the «what do I owe?» list."""
    page = decode(update.callback_query.data, "res").int_arg(0)
    body, buttons = owe_service.owe_page(context.runtime, context.actor, page)
    await update.callback_query.answer()
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.VIEW_OWN_DUTIES)
async def open_one(update: Update, context: Context) -> None:
    """One resolution in full with its history (its units' members and the secretariat)."""
    runtime, actor = context.runtime, context.actor
    rid = decode(update.callback_query.data, "res").int_arg(0)
    with runtime.session() as session:
        card = resolution_card(session, actor=actor, resolution_id=rid)
    someone = text("resolutions.someone", actor.language)
    body, buttons = views.detail_view(
        card.resolution, card.council, units=card.unit_names, tz=runtime.tz,
        today=local_today(runtime.clock, runtime.tz), lang=actor.language,
        history=[(event, name or someone) for event, name in card.history],
        report_unit=card.report_unit, staff=card.staff)
    await update.callback_query.answer()
    await reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.REPORT_RESOLUTION_DONE)
async def ask_note(update: Update, context: Context) -> int:
    """«گزارش انجام»: check the unit and the state now, then ask for a note."""
    runtime, actor = context.runtime, context.actor
    data = decode(update.callback_query.data, "res")
    rid, unit_id = data.int_arg(0), data.int_arg(1)
    require(actor, Action.REPORT_RESOLUTION_DONE, unit_id=unit_id)
    with runtime.session() as session:
        resolution, unit_name = lifecycle.reportable(session, resolution_id=rid, unit_id=unit_id)
    context.user_data["report"] = (rid, unit_id)
    await update.callback_query.answer()
    markup = keyboard([[(text("resolutions.button.no_note", actor.language), "res:nonote")]])
    await reply(update, text("resolutions.report.ask", actor.language, number=resolution.number,
                             unit=unit_name), reply_markup=markup)
    return WAIT_NOTE


async def take_note(update: Update, context: Context) -> int:
    """The note (text, a document with a caption, or «بدون توضیح») completes the report."""
    runtime, actor = context.runtime, context.actor
    pending = context.user_data.get("report")  # kept until saved: a failed save can be retried
    if pending is None:  # the bot restarted since the press: the press must be made again
        await reply_key(update, context, "error.stale_button")
        return ConversationHandler.END
    rid, unit_id = pending
    message, document = update.effective_message, None
    if update.callback_query:
        await update.callback_query.answer()
        note = None
    else:
        note = message.text or message.caption
        if message.document:
            d = message.document
            document = DocumentRef(file_id=d.file_id, file_unique_id=d.file_unique_id,
                                   file_name=d.file_name, mime_type=d.mime_type,
                                   size=d.file_size)
    with runtime.session() as session:
        resolution = lifecycle.report_done(session, resolution_id=rid, unit_id=unit_id,
                                           actor=actor, note=note, now=runtime.clock.now(),
                                           document=document)
    context.user_data.pop("report", None)
    await reply_key(update, context, "resolutions.report.done", number=resolution.number)
    return ConversationHandler.END


@guarded(Action.CONFIRM_RESOLUTION)
async def confirm(update: Update, context: Context) -> None:
    """The secretariat confirms a reported resolution."""
    runtime = context.runtime
    rid = decode(update.callback_query.data, "res").int_arg(0)
    with runtime.session() as session:
        resolution = lifecycle.confirm(session, resolution_id=rid,
                                       actor=context.actor, note=None,
                                       now=runtime.clock.now())
    await update.callback_query.answer()
    await reply_key(update, context, "resolutions.confirmed", number=resolution.number)


@guarded(Action.CONFIRM_RESOLUTION)
async def ask_reason(update: Update, context: Context) -> int:
    """Sending a report back: ask why."""
    runtime = context.runtime
    rid = decode(update.callback_query.data, "res").int_arg(0)
    with runtime.session() as session:
        resolution = lifecycle.returnable(session, resolution_id=rid)
    context.user_data["send_back"] = rid
    await update.callback_query.answer()
    await reply_key(update, context, "resolutions.back.ask", number=resolution.number)
    return WAIT_REASON


async def take_reason(update: Update, context: Context) -> int:
    """The reason completes the send-back."""
    runtime, reason = context.runtime, update.effective_message.text
    with runtime.session() as session:
        resolution = lifecycle.send_back(
            session, resolution_id=context.user_data.get("send_back", 0),
            actor=context.actor, reason=reason, now=runtime.clock.now())
    context.user_data.pop("send_back", None)
    await reply_key(update, context, "resolutions.back.done", number=resolution.number,
                    reason=reason.strip())
    return ConversationHandler.END


async def leave(update: Update, context: Context) -> int:
    """/cancel inside a conversation."""
    context.user_data.pop("report", None)
    context.user_data.pop("send_back", None)
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


def _conversation() -> ConversationHandler:
    text_only = filters.TEXT & ~filters.COMMAND
    return chat_conversation(
        entry_points=[CallbackQueryHandler(ask_note, pattern=r"^res:rep:"),
                      CallbackQueryHandler(ask_reason, pattern=r"^res:back:")],
        states={
            WAIT_NOTE: [MessageHandler(text_only | filters.Document.ALL, take_note),
                        CallbackQueryHandler(take_note, pattern=r"^res:nonote$")],
            WAIT_REASON: [MessageHandler(text_only, take_reason)],
        },
        fallbacks=[CommandHandler("cancel", leave)],
    )


def build_handlers() -> list[BaseHandler]:
    """The «what do I owe?» feature and the resolution state buttons."""
    return [
        _conversation(),
        CommandHandler("owe", owe),
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & OwePhrase(), owe),
        CallbackQueryHandler(owe_page, pattern=r"^res:owe:"),
        CallbackQueryHandler(open_one, pattern=r"^res:open:"),
        CallbackQueryHandler(confirm, pattern=r"^res:ok:"),
    ]
