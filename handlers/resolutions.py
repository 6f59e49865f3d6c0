"""«What do I owe?», one resolution in full, reporting it done, confirming or sending it back."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from handlers.common import (
    Context,
    button_router,
    chat_conversation,
    edit_or_reply,
    flow,
    guarded,
    leave_flows,
    reply,
    reply_key,
)
from handlers.delivery import wake
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.errors import StaleButton
from mina_bot.intents import OWE, intent_of
from mina_bot.permissions import Action, require
from mina_bot.persian import shorten
from mina_bot.resolutions import duties, lifecycle, notices, views
from mina_bot.resolutions import lead as lead_units
from mina_bot.resolutions import owe as owe_service
from mina_bot.resolutions.card import evidence, resolution_card
from mina_bot.resolutions.lead_view import lead_menu
from mina_bot.resolutions.lifecycle import DocumentRef

FEATURE = "res"
WAIT_NOTE, WAIT_REASON = range(2)
CONVERSATION = "share"  # the conversation's step; what each step collected is under its flow:
NOTE_FLOW, BACK_FLOW, NA_FLOW = "share-note", "share-back", "share-na"
REASON_FLOWS = {"back": BACK_FLOW, "na": NA_FLOW}


class OwePhrase(filters.MessageFilter):
    """Free text asking «what do I owe?», however it is spelled."""

    def filter(self, message) -> bool:
        return intent_of(message.text) == OWE



@guarded(Action.VIEW_OWN_DUTIES)
async def owe(update: Update, context: Context) -> None:
    """/owe and «چه کاری بر عهده من است؟»."""
    body, buttons = owe_service.owe_page(context.runtime, context.actor, 0)
    await reply(update, body, reply_markup=keyboard(buttons))


async def owe_page(update: Update, context: Context, data: ButtonData) -> None:
    """A page button of the «what do I owe?» list."""
    body, buttons = owe_service.owe_page(context.runtime, context.actor, data.int_arg(0))
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))


async def open_one(update: Update, context: Context, data: ButtonData) -> None:
    """One resolution in full: its shares and their history (its units and the secretariat)."""
    runtime, actor, rid = context.runtime, context.actor, data.int_arg(0)
    with runtime.session() as session:
        card = resolution_card(session, actor=actor, resolution_id=rid)
    body, buttons = views.detail_view(
        card, tz=runtime.tz, today=local_today(runtime.clock, runtime.tz), lang=actor.language,
        someone=text("resolutions.someone", actor.language))
    await reply(update, body, reply_markup=keyboard(buttons))


async def send_file(update: Update, context: Context, data: ButtonData) -> None:
    """A file of a share's report, from the card (for whoever may see the card)."""
    with context.runtime.session() as session:
        attachment = evidence(session, actor=context.actor, resolution_id=data.int_arg(0),
                              attachment_id=data.int_arg(1))
    await update.effective_message.reply_document(attachment.telegram_file_id)


async def ask_note(update: Update, context: Context, data: ButtonData) -> int:
    """«گزارش انجام»: check the unit's share now, then ask for a note."""
    runtime, actor = context.runtime, context.actor
    rid, unit_id = data.int_arg(0), data.int_arg(1)
    require(actor, Action.REPORT_RESOLUTION_DONE, unit_id=unit_id)
    with runtime.session() as session:
        resolution, unit_name = lifecycle.reportable(session, resolution_id=rid, unit_id=unit_id)
        flow(update, NOTE_FLOW).save(session, {"resolution": rid, "unit": unit_id})
    markup = keyboard([[(text("resolutions.button.no_note", actor.language), "res:nonote")]])
    await reply(update, text("resolutions.report.ask", actor.language, number=resolution.number,
                             unit=unit_name), reply_markup=markup)
    return WAIT_NOTE


async def take_note(update: Update, context: Context, _data: ButtonData | None = None) -> int:
    """The note (text, a document with a caption, or «بدون توضیح») completes the report."""
    runtime, actor = context.runtime, context.actor
    message, document, note = update.effective_message, None, None
    if not update.callback_query:
        note = message.text or message.caption
        if message.document:
            d = message.document
            document = DocumentRef(file_id=d.file_id, file_unique_id=d.file_unique_id,
                                   file_name=d.file_name, mime_type=d.mime_type,
                                   size=d.file_size)
    with runtime.session() as session:
        pending = flow(update, NOTE_FLOW).load(session)
        if pending is None:  # gone (cancelled elsewhere): the press must be made again
            raise StaleButton()
        rid, unit_id = pending["resolution"], pending["unit"]
        require(actor, Action.REPORT_RESOLUTION_DONE, unit_id=unit_id)
        resolution = lifecycle.report_done(session, resolution_id=rid, unit_id=unit_id,
                                           actor=actor, note=note, now=runtime.clock.now(),
                                           document=document)
        unit = notices.unit_name(session, unit_id, actor.language)
        flow(update, NOTE_FLOW).drop(session)
    wake(context)
    await reply_key(update, context, "resolutions.report.done_share", number=resolution.number,
                    unit=unit)
    return ConversationHandler.END


async def confirm(update: Update, context: Context, data: ButtonData) -> None:
    """The secretariat confirms one unit's reported share."""
    runtime, actor, unit_id = context.runtime, context.actor, data.int_arg(1)
    with runtime.session() as session:
        resolution = lifecycle.confirm(session, resolution_id=data.int_arg(0), unit_id=unit_id,
                                       actor=actor, now=runtime.clock.now(),
                                       allow_own=runtime.settings.self_confirm_allowed)
        unit = notices.unit_name(session, unit_id, actor.language)
    wake(context)
    await reply_key(update, context, "resolutions.confirmed_share", number=resolution.number,
                    unit=unit, status=views.status_label(resolution.status, actor.language))


async def ask_reason(update: Update, context: Context, data: ButtonData) -> int:
    """Sending one unit's report back, or marking its share not applicable: ask why."""
    runtime, actor = context.runtime, context.actor
    rid, unit_id, name = data.int_arg(0), data.int_arg(1), REASON_FLOWS[data.verb]
    with runtime.session() as session:
        if name == NA_FLOW:
            resolution = lifecycle.reportable(session, resolution_id=rid, unit_id=unit_id)[0]
        else:
            resolution = lifecycle.returnable(session, resolution_id=rid, unit_id=unit_id)
        unit = notices.unit_name(session, unit_id, actor.language)
        for other in REASON_FLOWS.values():
            flow(update, other).drop(session)
        flow(update, name).save(session, {"resolution": rid, "unit": unit_id})
    await reply_key(update, context, f"resolutions.{name}.ask", number=resolution.number,
                    unit=unit)
    return WAIT_REASON


async def take_reason(update: Update, context: Context) -> int:
    """The reason completes the send-back (or the «not applicable»)."""
    runtime, actor, reason = context.runtime, context.actor, update.effective_message.text
    require(actor, Action.CONFIRM_RESOLUTION)
    with runtime.session() as session:
        name, pending = next(((f, p) for f in REASON_FLOWS.values()
                              if (p := flow(update, f).load(session)) is not None), (None, None))
        if pending is None:
            raise StaleButton()
        if name == NA_FLOW:
            require(actor, Action.MANAGE_RESOLUTIONS)
        change = lifecycle.send_back if name == BACK_FLOW else lifecycle.not_applicable
        resolution = change(session, resolution_id=pending["resolution"],
                            unit_id=pending["unit"], actor=actor, reason=reason,
                            now=runtime.clock.now())
        unit = notices.unit_name(session, pending["unit"], actor.language)
        flow(update, name).drop(session)
    wake(context)
    await reply_key(update, context, f"resolutions.{name}.done", number=resolution.number,
                    unit=unit, reason=shorten(reason.strip(), 300))
    return ConversationHandler.END


async def lead(update: Update, context: Context, data: ButtonData) -> None:
    """The lead-unit menu: a page of the resolution's units, or a choice made on it."""
    runtime, actor, rid = context.runtime, context.actor, data.int_arg(0)
    page = data.int_arg(1) if data.verb == "lead" else 0  # leadm: the menu's first page
    with runtime.session() as session:
        if data.verb == "setlead":
            lead_units.set_lead(session, actor=actor, resolution_id=rid, unit_id=data.int_arg(1),
                                now=runtime.clock.now())
        elif data.verb == "leadc":
            lead_units.toggle_lead_closes(session, actor=actor, resolution_id=rid,
                                          now=runtime.clock.now())
        resolution, shares = lead_units.lead_choices(session, resolution_id=rid)
        body, buttons = lead_menu(resolution, shares, page=page, lang=actor.language)
    if data.verb == "leadm":  # opened from the card: the card stays
        await reply(update, body, reply_markup=keyboard(buttons))
    else:
        await edit_or_reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.CONFIRM_RESOLUTION)
async def pending(update: Update, context: Context, _data: ButtonData | None = None) -> None:
    """/pending (or its button in /resolutions): the shares awaiting confirmation, each with
    «تأیید» / «برگرداندن»."""
    lang = context.actor.language
    with context.runtime.session() as session:
        count, rows = duties.awaiting_confirmation(session, limit=views.PAGE)
    buttons: list = []
    lines = [text("resolutions.pending.header", lang, count=count)]
    lines += views.awaiting_lines(rows, lang, buttons) or [text("resolutions.pending.none", lang)]
    await reply(update, "\n".join(lines), reply_markup=keyboard(buttons))



def _conversation() -> ConversationHandler:
    text_only = filters.TEXT & ~filters.COMMAND
    report, confirm_ = Action.REPORT_RESOLUTION_DONE, Action.CONFIRM_RESOLUTION
    return chat_conversation(
        name=CONVERSATION,
        entry_points=[button_router(FEATURE, {"rep": (report, ask_note),
                                              "back": (confirm_, ask_reason),
                                              "na": (Action.MANAGE_RESOLUTIONS, ask_reason)})],
        states={
            WAIT_NOTE: [MessageHandler(text_only | filters.Document.ALL, take_note),
                        button_router(FEATURE, {"nonote": (report, take_note)})],
            WAIT_REASON: [MessageHandler(text_only, take_reason)],
        },
        fallbacks=[CommandHandler("cancel", leave_flows(NOTE_FLOW, BACK_FLOW, NA_FLOW))],
    )


def build_handlers() -> list[BaseHandler]:
    """The «what do I owe?» feature and the resolution state buttons."""
    duties_, confirm_ = Action.VIEW_OWN_DUTIES, Action.CONFIRM_RESOLUTION
    return [
        _conversation(),
        CommandHandler("owe", owe),
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & OwePhrase(), owe),
        button_router(FEATURE, {"owe": (duties_, owe_page), "open": (duties_, open_one),
                                "file": (duties_, send_file), "ok": (confirm_, confirm),
                                "pq": (confirm_, pending)}),
        button_router(FEATURE, {verb: (Action.MANAGE_RESOLUTIONS, lead)
                                for verb in ("leadm", "lead", "setlead", "leadc")}),
        CommandHandler("pending", pending),
    ]
