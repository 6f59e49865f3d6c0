"""/import: the secretariat sends the minutes, checks the preview, settles unknown units, saves.

The draft lives in the database (conversation_state), so the preview's buttons still work
after a restart; nothing is saved until «ثبت» is pressed.
"""

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
    reply,
    reply_key,
)
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.jalali import JalaliDateError, jalali_ymd, parse_date
from mina_bot.minutes import importer, review
from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.preview import saved_text
from mina_bot.permissions import Action

WAIT_TEXT, WAIT_DATE = range(2)
FLOW, PREVIEW = "import", "import_preview"  # the conversation's state; the preview's draft


@guarded(Action.IMPORT_MINUTES)
async def start(update: Update, context: Context) -> int:
    """/import [date]: ask for the minutes."""
    runtime = context.runtime
    given, date = " ".join(context.args or ()), None
    if given:
        try:
            day = parse_date(given, local_today(runtime.clock, runtime.tz))
        except JalaliDateError:
            raise MinutesError("minutes.error.bad_session_date", text=given) from None
        date = jalali_ymd(day)
    with runtime.session() as session:
        flow(update, FLOW).save(session, {"date": date})
    await reply_key(update, context, "minutes.ask_text")
    return WAIT_TEXT


@guarded(Action.IMPORT_MINUTES)
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
    state = _state(update, context, text=source)
    if state["date"] is None:
        await reply_key(update, context, "minutes.ask_date")
        return WAIT_DATE
    return await _preview(update, context, state)


def _state(update: Update, context: Context, **changes: object) -> dict:
    """The conversation's state with `changes` saved into it."""
    with context.runtime.session() as session:
        state = flow(update, FLOW).load(session)
        if state is None:
            raise MinutesError("minutes.error.expired")
        state.update(changes)
        flow(update, FLOW).save(session, state)
    return state


@guarded(Action.IMPORT_MINUTES)
async def take_date(update: Update, context: Context) -> int:
    """The session date, when /import did not give it."""
    runtime = context.runtime
    given = update.effective_message.text or ""
    try:
        day = parse_date(given, local_today(runtime.clock, runtime.tz))
    except JalaliDateError:
        await reply_key(update, context, "minutes.error.bad_session_date", text=given)
        return WAIT_DATE
    return await _preview(update, context, _state(update, context, date=jalali_ymd(day)))


async def _preview(update: Update, context: Context, state: dict) -> int:
    draft = {"text": state["text"], "date": state["date"], "decisions": {}, "create": []}
    try:
        body, buttons = _render(update, context, draft)
    except MinutesError as exc:
        await reply(update, exc.render(context.actor.language))
        return ConversationHandler.END
    with context.runtime.session() as session:
        flow(update, PREVIEW).save(session, draft)
        flow(update, FLOW).drop(session)
    await reply(update, body, reply_markup=keyboard(buttons))
    return ConversationHandler.END


def _render(update: Update, context: Context, draft: dict, page: int = 0):
    with context.runtime.session() as session:
        return review.preview_of(session, draft=draft, lang=context.actor.language, page=page)


def _draft(update: Update, context: Context) -> dict:
    with context.runtime.session() as session:
        draft = flow(update, PREVIEW).load(session)
    if draft is None:
        raise MinutesError("minutes.error.expired")
    return draft


async def button(update: Update, context: Context, data: ButtonData) -> None:
    """The preview's buttons: pick a unit, create one, save, or discard."""
    runtime, draft = context.runtime, _draft(update, context)
    if data.verb == "no":
        with runtime.session() as session:
            flow(update, PREVIEW).drop(session)
        await reply_key(update, context, "minutes.discarded")
        return
    if data.verb == "redate":
        with runtime.session() as session:
            flow(update, PREVIEW).drop(session)
        await reply_key(update, context, "minutes.redate")
        return
    with runtime.session() as session:
        ahead = review.ahead(session, draft=draft, settings=runtime.settings,
                             now=runtime.clock.now())
    if data.verb == "ok" and ahead:
        lang = context.actor.language
        await reply(update, text("minutes.ask_early", lang), reply_markup=keyboard([
            [(text("minutes.button.early", lang), encode("imp", "early"))],
            [(text("minutes.button.redate", lang), encode("imp", "redate"))]]))
        return
    if data.verb in ("ok", "early"):
        await _save(update, context, draft, early=data.verb == "early")
        return
    if data.verb == "pg":  # another page of the units to pick from
        body, buttons = _render(update, context, draft, data.int_arg(0))
        await edit_or_reply(update, body, reply_markup=keyboard(buttons))
        return
    with runtime.session() as session:
        draft = review.settle(session, draft=draft, verb=data.verb,
                              unit_key=data.args[0] if data.args else None)
        flow(update, PREVIEW).save(session, draft)
    body, buttons = _render(update, context, draft)
    await reply(update, body, reply_markup=keyboard(buttons))


async def _save(update: Update, context: Context, draft: dict, *, early: bool) -> None:
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        result, minutes = review.save(session, draft=draft, actor=actor,
                                      settings=runtime.settings, now=runtime.clock.now(),
                                      early=early)
        flow(update, PREVIEW).drop(session)
    await reply(update, saved_text(result, actor.language, minutes.next_session))


async def leave(update: Update, context: Context) -> int:
    """/cancel while importing."""
    with context.runtime.session() as session:
        flow(update, FLOW).drop(session)
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """The /import conversation and the preview's buttons."""
    private = filters.ChatType.PRIVATE
    return [
        chat_conversation(
            name=FLOW,
            entry_points=[CommandHandler("import", start)],
            states={
                WAIT_TEXT: [MessageHandler(private & ((filters.TEXT & ~filters.COMMAND)
                                                      | filters.Document.ALL), take_minutes)],
                WAIT_DATE: [MessageHandler(private & filters.TEXT & ~filters.COMMAND,
                                           take_date)],
            },
            fallbacks=[CommandHandler("cancel", leave)],
        ),
        button_router("imp", {verb: (Action.IMPORT_MINUTES, button)
                              for verb in ("pick", "new", "ok", "no", "early", "redate", "pg")}),
    ]
