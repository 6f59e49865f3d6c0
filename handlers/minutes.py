"""/import: the secretariat sends the minutes, checks the preview, settles unknown units, saves.

/import -> WAIT_TEXT (pasted pieces kept until «پایان متن», or a file) -> [WAIT_DATE] -> the
preview (its pages and questions are buttons; while a name is asked about, ASKING: typed letters
narrow its units) -> «ثبت N مصوبه». Pieces and draft live in the database (conversation_state),
so a restart loses nothing; nothing is saved until «ثبت».
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
    leave_flows,
    reply,
    reply_key,
)
from handlers.picking import MAX_QUERY
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.jalali import JalaliDateError, jalali_ymd, parse_date
from mina_bot.minutes import review
from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.preview import saved_text
from mina_bot.permissions import Action

WAIT_TEXT, WAIT_DATE, ASKING = range(3)
IN_PLACE = ("page", "tick", "upage", "all")  # the same question redrawn: edited in place
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
        flow(update, FLOW).save(session, {"date": date, "pieces": []})
    await reply_key(update, context, "minutes.ask_text")
    return WAIT_TEXT


@guarded(Action.IMPORT_MINUTES)
async def take_piece(update: Update, context: Context) -> int:
    """One message of pasted minutes (Telegram splits a long paste): kept until «پایان متن»."""
    piece = update.effective_message.text or ""
    if not piece.strip():
        raise MinutesError("minutes.error.empty")
    with context.runtime.session() as session:
        state = flow(update, FLOW).load(session)
        if state is None:
            raise MinutesError("minutes.error.expired")
        pieces = [*state.get("pieces", ()), piece]
        flow(update, FLOW).save(session, {**state, "pieces": pieces})
    lang = context.actor.language
    await reply(update, text("minutes.piece", lang, number=len(pieces),
                             lines=len(piece.splitlines()),
                             total=sum(len(p.splitlines()) for p in pieces)),
                reply_markup=keyboard([[(text("minutes.button.end", lang),
                                         encode("imp", "end"))]]))
    return WAIT_TEXT


async def end_of_text(update: Update, context: Context, data: ButtonData) -> int:
    """«پایان متن»: the pieces pasted so far, joined, are the minutes."""
    with context.runtime.session() as session:
        state = flow(update, FLOW).load(session)
    if state is None:
        raise MinutesError("minutes.error.expired")
    if not state.get("pieces"):
        await reply_key(update, context, "minutes.error.no_pieces")
        return WAIT_TEXT
    return await _read(update, context, None, "\n".join(state["pieces"]))


@guarded(Action.IMPORT_MINUTES)
async def take_file(update: Update, context: Context) -> int:
    """The minutes as a file (it stands for the whole minutes: pieces pasted before are
    dropped)."""
    document, limit = update.effective_message.document, context.runtime.settings.max_upload_mb
    if (document.file_size or 0) > limit * 1024 * 1024:
        raise MinutesError("minutes.error.file_size", name=document.file_name, limit=limit)
    data = bytes(await (await document.get_file()).download_as_bytearray())
    return await _read(update, context, document.file_name or "", data)


async def _read(update: Update, context: Context, name: str | None, data: bytes | str) -> int:
    """Check the minutes' shape in a worker, then ask the date or preview."""
    runtime = context.runtime
    try:  # reading a .docx and parsing run in a worker process, not on the event loop
        source = await context.workers.run(
            "mina_bot.minutes.reading:checked_against_units", runtime.settings, name, data,
            session_date=local_today(runtime.clock, runtime.tz))
    except MinutesError as exc:
        _state(update, context, pieces=[])  # the corrected minutes start afresh
        await reply(update, exc.render(context.actor.language)
                    + "\n" + text("minutes.try_again", context.actor.language))
        return WAIT_TEXT
    state = _state(update, context, text=source, pieces=[])
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
    draft = {"text": state["text"], "date": state["date"], "decisions": {}, "create": [],
             "chosen": [], "page": 0,
             "move_off_days": context.runtime.settings.deadline_off_day_moves}
    try:
        body, buttons, asking = await _render(context, draft)
    except MinutesError as exc:
        await reply(update, exc.render(context.actor.language))
        return ConversationHandler.END
    with context.runtime.session() as session:
        flow(update, PREVIEW).save(session, draft)
        flow(update, FLOW).drop(session)
    await reply(update, body, reply_markup=keyboard(buttons))
    return ASKING if asking else ConversationHandler.END


async def _render(context: Context, draft: dict) -> tuple[str, list, bool]:
    return await context.workers.run("mina_bot.minutes.review:previewed",
                                     context.runtime.settings, draft=draft,
                                     lang=context.actor.language)


def _draft(update: Update, context: Context) -> dict:
    with context.runtime.session() as session:
        draft = flow(update, PREVIEW).load(session)
    if draft is None:
        raise MinutesError("minutes.error.expired")
    return draft


async def button(update: Update, context: Context, data: ButtonData) -> int:
    """The preview's buttons: page, tick units, turn or widen the units, settle a name, save,
    or discard."""
    runtime, draft = context.runtime, _draft(update, context)
    if data.verb in ("no", "redate"):
        with runtime.session() as session:
            flow(update, PREVIEW).drop(session)
        await reply_key(update, context,
                        "minutes.discarded" if data.verb == "no" else "minutes.redate")
        return ConversationHandler.END
    if data.verb in ("ok", "early"):
        await _confirm(update, context, draft, data.verb)
        return ConversationHandler.END
    if data.verb in ("page", "upage"):
        draft = {**draft, {"page": "page", "upage": "unit_page"}[data.verb]: data.int_arg(0)}
    elif data.verb == "all":
        draft = {**draft, "query": None, "unit_page": 0}
    else:
        draft = await context.workers.run("mina_bot.minutes.review:settled", runtime.settings,
                                          draft=draft, verb=data.verb,
                                          unit_key=data.args[0] if data.args else None)
    return await _show(update, context, draft, in_place=data.verb in IN_PLACE)


async def _show(update: Update, context: Context, draft: dict, *, in_place: bool) -> int:
    """Save the draft and show its preview (in place of the pressed one, or anew)."""
    with context.runtime.session() as session:
        flow(update, PREVIEW).save(session, draft)
    body, buttons, asking = await _render(context, draft)
    if in_place:
        await edit_or_reply(update, body, reply_markup=keyboard(buttons))
    else:
        await reply(update, body, reply_markup=keyboard(buttons))
    return ASKING if asking else ConversationHandler.END


@guarded(Action.IMPORT_MINUTES)
async def search_units(update: Update, context: Context) -> int:
    """Letters typed while a name is asked about: the units whose name holds them."""
    with context.runtime.session() as session:
        draft = flow(update, PREVIEW).load(session)
    if draft is None:  # discarded or saved meanwhile: the text is no search any more
        await reply_key(update, context, "minutes.error.expired")
        return ConversationHandler.END
    query = (update.effective_message.text or "").strip()[:MAX_QUERY]
    draft = {**draft, "query": query or None, "unit_page": 0}
    return await _show(update, context, draft, in_place=False)


async def _confirm(update: Update, context: Context, draft: dict, verb: str) -> None:
    """«ثبت»: ask first about a session not started yet, else save."""
    runtime = context.runtime
    with runtime.session() as session:
        ahead = review.ahead(session, draft=draft, settings=runtime.settings,
                             now=runtime.clock.now())
    if verb == "ok" and ahead:
        lang = context.actor.language
        await reply(update, text("minutes.ask_early", lang), reply_markup=keyboard([
            [(text("minutes.button.early", lang), encode("imp", "early"))],
            [(text("minutes.button.redate", lang), encode("imp", "redate"))]]))
        return
    await _save(update, context, draft, early=verb == "early")


async def _save(update: Update, context: Context, draft: dict, *, early: bool) -> None:
    runtime, actor = context.runtime, context.actor
    result, next_day = await context.workers.run(
        "mina_bot.minutes.review:saved", runtime.settings, draft=draft,
        kept_in=flow(update, PREVIEW), actor=actor, now=runtime.clock.now(), early=early)
    await reply(update, saved_text(result, actor.language, next_day))



def build_handlers() -> list[BaseHandler]:
    """The /import conversation and the preview's buttons."""
    private = filters.ChatType.PRIVATE
    preview_buttons = button_router("imp", {verb: (Action.IMPORT_MINUTES, button) for verb in (
        "page", "tick", "upage", "all", "pick", "new", "skip", "ok", "no", "early", "redate")})
    return [
        chat_conversation(
            name=FLOW,
            entry_points=[CommandHandler("import", start)],
            states={
                WAIT_TEXT: [
                    MessageHandler(private & filters.TEXT & ~filters.COMMAND, take_piece),
                    MessageHandler(private & filters.Document.ALL, take_file),
                    button_router("imp", {"end": (Action.IMPORT_MINUTES, end_of_text)}),
                ],
                WAIT_DATE: [MessageHandler(private & filters.TEXT & ~filters.COMMAND,
                                           take_date)],
                ASKING: [MessageHandler(private & filters.TEXT & ~filters.COMMAND,
                                        search_units), preview_buttons],
            },
            fallbacks=[CommandHandler("cancel", leave_flows(FLOW, PREVIEW))],
        ),
        preview_buttons,
    ]
