"""/import: the secretariat sends the minutes, checks the preview, settles unknown units, saves.

The draft lives in the database (conversation_state), so the preview's buttons still work
after a restart; nothing is saved until «ثبت» is pressed.
"""

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

from handlers.common import Context, guarded, reply, reply_key
from messenger.keyboards import keyboard
from mina_bot import drafts
from mina_bot.callbacks import decode
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.jalali import JalaliDateError, jalali_ymd, parse_date
from mina_bot.minutes import importer, review
from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.preview import saved_text
from mina_bot.permissions import Action

WAIT_TEXT, WAIT_DATE = range(2)


def _key(update: Update) -> str:
    return f"import:{update.effective_user.id}"


@guarded(Action.IMPORT_MINUTES)
async def start(update: Update, context: Context) -> int:
    """/import [date]: ask for the minutes."""
    runtime = context.runtime
    given = " ".join(context.args or ())
    context.user_data["import_date"] = None
    if given:
        try:
            day = parse_date(given, local_today(runtime.clock, runtime.tz))
        except JalaliDateError:
            raise MinutesError("minutes.error.bad_session_date", text=given) from None
        context.user_data["import_date"] = jalali_ymd(day)
    await reply_key(update, context, "minutes.ask_text")
    return WAIT_TEXT


async def take_minutes(update: Update, context: Context) -> int:
    """The minutes as text or a file: check their shape, then ask the date or preview."""
    runtime, message = context.runtime, update.effective_message
    name, data = None, message.text or ""
    if message.document:
        document, limit = message.document, runtime.settings.max_upload_mb
        if (document.file_size or 0) > limit * 1024 * 1024:
            raise MinutesError("minutes.error.file_size", name=document.file_name, limit=limit)
        name = document.file_name or ""
        data = bytes(await (await document.get_file()).download_as_bytearray())
    elif not data.strip():
        raise MinutesError("minutes.error.empty")
    with runtime.session() as session:
        units = importer.directory(session)
    try:  # reading a .docx and parsing run in a worker process, not on the event loop
        source = await context.workers.run(
            "mina_bot.minutes.reading:checked_minutes", name, data,
            session_date=local_today(runtime.clock, runtime.tz), units=units,
            max_unpacked_mb=runtime.settings.max_document_uncompressed_mb)
    except MinutesError as exc:
        await reply(update, exc.render(context.actor.language)
                    + "\n" + text("minutes.try_again", context.actor.language))
        return WAIT_TEXT
    context.user_data["import_text"] = source
    if context.user_data.get("import_date") is None:
        await reply_key(update, context, "minutes.ask_date")
        return WAIT_DATE
    return await _preview(update, context)


async def take_date(update: Update, context: Context) -> int:
    """The session date, when /import did not give it."""
    runtime = context.runtime
    given = update.effective_message.text or ""
    try:
        day = parse_date(given, local_today(runtime.clock, runtime.tz))
    except JalaliDateError:
        await reply_key(update, context, "minutes.error.bad_session_date", text=given)
        return WAIT_DATE
    context.user_data["import_date"] = jalali_ymd(day)
    return await _preview(update, context)


async def _preview(update: Update, context: Context) -> int:
    draft = {"text": context.user_data.pop("import_text"),
             "date": context.user_data.pop("import_date"), "decisions": {}, "create": []}
    try:
        body, buttons = _render(update, context, draft)
    except MinutesError as exc:
        await reply(update, exc.render(context.actor.language))
        return ConversationHandler.END
    with context.runtime.session() as session:
        drafts.save(session, key=_key(update), name="import", state=draft)
    await reply(update, body, reply_markup=keyboard(buttons))
    return ConversationHandler.END


def _render(update: Update, context: Context, draft: dict):
    with context.runtime.session() as session:
        return review.preview_of(session, draft=draft, lang=context.actor.language)


def _draft(update: Update, context: Context) -> dict:
    with context.runtime.session() as session:
        draft = drafts.load(session, key=_key(update), name="import")
    if draft is None:
        raise MinutesError("minutes.error.expired")
    return draft


@guarded(Action.IMPORT_MINUTES)
async def button(update: Update, context: Context) -> None:
    """The preview's buttons: pick a unit, create one, save, or discard."""
    runtime, query = context.runtime, update.callback_query
    data, draft = decode(query.data, "imp"), _draft(update, context)
    await query.answer()
    if data.verb == "no":
        with runtime.session() as session:
            drafts.drop(session, key=_key(update))
        await reply_key(update, context, "minutes.discarded")
        return
    if data.verb == "ok":
        await _save(update, context, draft)
        return
    with runtime.session() as session:
        draft = review.settle(session, draft=draft, verb=data.verb,
                              unit_key=data.args[0] if data.args else None)
        drafts.save(session, key=_key(update), name="import", state=draft)
    body, buttons = _render(update, context, draft)
    await reply(update, body, reply_markup=keyboard(buttons))


async def _save(update: Update, context: Context, draft: dict) -> None:
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        result, minutes = review.save(session, draft=draft, actor=actor,
                                      settings=runtime.settings, now=runtime.clock.now())
        drafts.drop(session, key=_key(update))
    await reply(update, saved_text(result, actor.language, minutes.next_session))


async def leave(update: Update, context: Context) -> int:
    """/cancel while importing."""
    context.user_data.pop("import_text", None)
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """The /import conversation and the preview's buttons."""
    private = filters.ChatType.PRIVATE
    return [
        ConversationHandler(
            entry_points=[CommandHandler("import", start)],
            states={
                WAIT_TEXT: [MessageHandler(private & ((filters.TEXT & ~filters.COMMAND)
                                                      | filters.Document.ALL), take_minutes)],
                WAIT_DATE: [MessageHandler(private & filters.TEXT & ~filters.COMMAND,
                                           take_date)],
            },
            fallbacks=[CommandHandler("cancel", leave)],
            allow_reentry=True,
        ),
        CallbackQueryHandler(button, pattern=r"^imp:"),
    ]
