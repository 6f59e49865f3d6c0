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
from handlers.delivery import wake
from messenger.keyboards import keyboard
from mina_bot import drafts
from mina_bot.callbacks import decode
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.errors import StaleButton
from mina_bot.permissions import Action, require
from mina_bot.persian import match_key, shorten
from mina_bot.resolutions import duties, lifecycle, notices, views
from mina_bot.resolutions import owe as owe_service
from mina_bot.resolutions.card import evidence, resolution_card
from mina_bot.resolutions.lifecycle import DocumentRef

WAIT_NOTE, WAIT_REASON = range(2)
NOTE_FLOW, BACK_FLOW, NA_FLOW = "share-note", "share-back", "share-na"  # flow:<name>:<chat>:<user>
REASON_FLOWS = {"back": BACK_FLOW, "na": NA_FLOW}
OWE_PHRASES = tuple(match_key(p) for p in (
    "چه کاری بر عهده من است", "چه کاری بر عهده من هست", "چه کارهایی بر عهده من است",
    "کارهای من", "بدهی های من", "بدهیهای من", "تعهدات من", "مصوبات من", "وظایف من",
))


class OwePhrase(filters.MessageFilter):
    """Free text asking «what do I owe?», however it is spelled."""

    def filter(self, message) -> bool:
        key = match_key(message.text or "").strip("?؟!.")
        return any(key.startswith(p) for p in OWE_PHRASES)



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
    """One resolution in full: its shares and their history (its units and the secretariat)."""
    runtime, actor = context.runtime, context.actor
    rid = decode(update.callback_query.data, "res").int_arg(0)
    with runtime.session() as session:
        card = resolution_card(session, actor=actor, resolution_id=rid)
    body, buttons = views.detail_view(
        card, tz=runtime.tz, today=local_today(runtime.clock, runtime.tz), lang=actor.language,
        someone=text("resolutions.someone", actor.language))
    await update.callback_query.answer()
    await reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.VIEW_OWN_DUTIES)
async def send_file(update: Update, context: Context) -> None:
    """A file of a share's report, from the card (for whoever may see the card)."""
    data = decode(update.callback_query.data, "res")
    with context.runtime.session() as session:
        attachment = evidence(session, actor=context.actor, resolution_id=data.int_arg(0),
                              attachment_id=data.int_arg(1))
    await update.callback_query.answer()
    await update.effective_message.reply_document(attachment.telegram_file_id)


def _flow_key(update: Update, flow: str) -> str:
    return f"flow:{flow}:{update.effective_chat.id}:{update.effective_user.id}"


@guarded(Action.REPORT_RESOLUTION_DONE)
async def ask_note(update: Update, context: Context) -> int:
    """«گزارش انجام»: check the unit's share now, then ask for a note."""
    runtime, actor = context.runtime, context.actor
    data = decode(update.callback_query.data, "res")
    rid, unit_id = data.int_arg(0), data.int_arg(1)
    require(actor, Action.REPORT_RESOLUTION_DONE, unit_id=unit_id)
    with runtime.session() as session:
        resolution, unit_name = lifecycle.reportable(session, resolution_id=rid, unit_id=unit_id)
        drafts.save(session, key=_flow_key(update, NOTE_FLOW), name=NOTE_FLOW,
                    state={"resolution": rid, "unit": unit_id})
    await update.callback_query.answer()
    markup = keyboard([[(text("resolutions.button.no_note", actor.language), "res:nonote")]])
    await reply(update, text("resolutions.report.ask", actor.language, number=resolution.number,
                             unit=unit_name), reply_markup=markup)
    return WAIT_NOTE


async def take_note(update: Update, context: Context) -> int:
    """The note (text, a document with a caption, or «بدون توضیح») completes the report."""
    runtime, actor = context.runtime, context.actor
    message, document, note = update.effective_message, None, None
    if update.callback_query:
        await update.callback_query.answer()
    else:
        note = message.text or message.caption
        if message.document:
            d = message.document
            document = DocumentRef(file_id=d.file_id, file_unique_id=d.file_unique_id,
                                   file_name=d.file_name, mime_type=d.mime_type,
                                   size=d.file_size)
    key = _flow_key(update, NOTE_FLOW)
    with runtime.session() as session:
        pending = drafts.load(session, key=key, name=NOTE_FLOW)
        if pending is None:  # gone (cancelled elsewhere): the press must be made again
            raise StaleButton()
        rid, unit_id = pending["resolution"], pending["unit"]
        require(actor, Action.REPORT_RESOLUTION_DONE, unit_id=unit_id)
        resolution = lifecycle.report_done(session, resolution_id=rid, unit_id=unit_id,
                                           actor=actor, note=note, now=runtime.clock.now(),
                                           document=document)
        unit = notices.unit_name(session, unit_id, actor.language)
        drafts.drop(session, key=key)
    wake(context)
    await reply_key(update, context, "resolutions.report.done_share", number=resolution.number,
                    unit=unit)
    return ConversationHandler.END


@guarded(Action.CONFIRM_RESOLUTION)
async def confirm(update: Update, context: Context) -> None:
    """The secretariat confirms one unit's reported share."""
    runtime, actor = context.runtime, context.actor
    data = decode(update.callback_query.data, "res")
    unit_id = data.int_arg(1)
    with runtime.session() as session:
        resolution = lifecycle.confirm(session, resolution_id=data.int_arg(0), unit_id=unit_id,
                                       actor=actor, now=runtime.clock.now(),
                                       allow_own=runtime.settings.self_confirm_allowed)
        unit = notices.unit_name(session, unit_id, actor.language)
    wake(context)
    await update.callback_query.answer()
    await reply_key(update, context, "resolutions.confirmed_share", number=resolution.number,
                    unit=unit, status=views.status_label(resolution.status, actor.language))


@guarded(Action.CONFIRM_RESOLUTION)
async def ask_reason(update: Update, context: Context) -> int:
    """Sending one unit's report back, or marking its share not applicable: ask why."""
    runtime, actor = context.runtime, context.actor
    data = decode(update.callback_query.data, "res")
    rid, unit_id, flow = data.int_arg(0), data.int_arg(1), REASON_FLOWS[data.verb]
    if flow == NA_FLOW:
        require(actor, Action.MANAGE_RESOLUTIONS)
    with runtime.session() as session:
        if flow == NA_FLOW:
            resolution = lifecycle.reportable(session, resolution_id=rid, unit_id=unit_id)[0]
        else:
            resolution = lifecycle.returnable(session, resolution_id=rid, unit_id=unit_id)
        unit = notices.unit_name(session, unit_id, actor.language)
        for other in REASON_FLOWS.values():
            drafts.drop(session, key=_flow_key(update, other))
        drafts.save(session, key=_flow_key(update, flow), name=flow,
                    state={"resolution": rid, "unit": unit_id})
    await update.callback_query.answer()
    await reply_key(update, context, f"resolutions.{flow}.ask", number=resolution.number,
                    unit=unit)
    return WAIT_REASON


async def take_reason(update: Update, context: Context) -> int:
    """The reason completes the send-back (or the «not applicable»)."""
    runtime, actor, reason = context.runtime, context.actor, update.effective_message.text
    require(actor, Action.CONFIRM_RESOLUTION)
    with runtime.session() as session:
        flow, pending = next(((f, p) for f in REASON_FLOWS.values() if (p := drafts.load(
            session, key=_flow_key(update, f), name=f)) is not None), (None, None))
        if pending is None:
            raise StaleButton()
        change = lifecycle.send_back if flow == BACK_FLOW else lifecycle.not_applicable
        resolution = change(session, resolution_id=pending["resolution"],
                            unit_id=pending["unit"], actor=actor, reason=reason,
                            now=runtime.clock.now())
        unit = notices.unit_name(session, pending["unit"], actor.language)
        drafts.drop(session, key=_flow_key(update, flow))
    wake(context)
    await reply_key(update, context, f"resolutions.{flow}.done", number=resolution.number,
                    unit=unit, reason=shorten(reason.strip(), 300))
    return ConversationHandler.END


@guarded(Action.CONFIRM_RESOLUTION)
async def pending(update: Update, context: Context) -> None:
    """/pending (or its button in /resolutions): the shares awaiting confirmation, each with
    «تأیید» / «برگرداندن»."""
    lang = context.actor.language
    with context.runtime.session() as session:
        count, rows = duties.awaiting_confirmation(session, limit=views.PAGE)
    buttons: list = []
    lines = [text("resolutions.pending.header", lang, count=count)]
    lines += views.awaiting_lines(rows, lang, buttons) or [text("resolutions.pending.none", lang)]
    if update.callback_query:
        await update.callback_query.answer()
    await reply(update, "\n".join(lines), reply_markup=keyboard(buttons))


async def leave(update: Update, context: Context) -> int:
    """/cancel inside a conversation."""
    with context.runtime.session() as session:
        for flow in (NOTE_FLOW, BACK_FLOW, NA_FLOW):
            drafts.drop(session, key=_flow_key(update, flow))
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


def _conversation() -> ConversationHandler:
    text_only = filters.TEXT & ~filters.COMMAND
    return chat_conversation(
        entry_points=[CallbackQueryHandler(ask_note, pattern=r"^res:rep:"),
                      CallbackQueryHandler(ask_reason, pattern=r"^res:(back|na):")],
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
        CallbackQueryHandler(send_file, pattern=r"^res:file:"),
        CommandHandler("pending", pending),
        CallbackQueryHandler(pending, pattern=r"^res:pq$"),
    ]
