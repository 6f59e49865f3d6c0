"""/session [N]: a council session and its agenda; the secretariat edits the agenda.

    «افزودن بند» -> WAIT_TITLE -> added
    «✏️ N» -> WAIT_EDIT (title | unit | minutes) -> edited, or refused if someone came first
    «✖️ N» -> removed, with «برگردان» for a minute
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler

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
    text_answer,
)
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import name_in, text
from mina_bot.errors import NotFound
from mina_bot.permissions import Action, allowed
from mina_bot.persian import to_latin_digits
from mina_bot.sessions import agenda
from mina_bot.sessions.attendance_view import expected_attendance
from mina_bot.sessions.board import council_session, numbered, session_board
from mina_bot.sessions.schedule import report_deadline
from mina_bot.sessions.views import AGENDA_PAGE, session_view

FEATURE = "ses"
FLOW, EDIT_FLOW = "agenda_item", "agenda_edit"
WAIT_TITLE, WAIT_EDIT = range(2)


def _render(update: Update, context: Context, session_id: int | None = None, page: int = 0):
    runtime, actor = context.runtime, context.actor
    staff = allowed(actor, Action.MANAGE_AGENDA)
    with runtime.session() as session:
        board = session_board(session, now=runtime.clock.now(), settings=runtime.settings,
                              session_id=session_id)
        expected = (expected_attendance(session, council=board.council, lang=actor.language)
                    if staff else "")
    names = {unit_id: name_in(unit, actor.language) for unit_id, unit in board.units.items()}
    return session_view(board.council, board.items, tz=runtime.tz, lang=actor.language,
                        deadline=report_deadline(board.council, runtime.settings, runtime.tz),
                        owing=board.owing, staff=staff, page=page, units=names,
                        attendance=expected)


@guarded(Action.VIEW_SESSION)
async def show(update: Update, context: Context) -> None:
    """/session, or /session N for any session."""
    given, session_id = " ".join(context.args or ()), None
    if given:
        digits = to_latin_digits(given).strip()
        with context.runtime.session() as session:
            try:
                session_id = numbered(session, number=int(digits)).id if digits.isdigit() \
                    else None
            except NotFound:
                session_id = None
        if session_id is None:
            await reply_key(update, context, "sessions.not_found", text=given[:40])
            return
    body, buttons = _render(update, context, session_id)
    await reply(update, body, reply_markup=keyboard(buttons))


async def edit(update: Update, context: Context, data: ButtonData) -> None:
    """Move an item up or down, or remove it; the message shows the new agenda on the page of
    the moved item (or the page the press came from)."""
    item_id, now = data.int_arg(0), context.runtime.clock.now()
    at = 2 if data.verb == "rm" else 1  # the page the press came from, after id (and version)
    page = data.int_arg(at) if data.verb != "undo" and len(data.args) > at else 0
    with context.runtime.session() as session:
        if data.verb == "rm":
            item = agenda.remove_item(session, item_id=item_id, version=data.int_arg(1), now=now)
        elif data.verb == "undo":
            item = agenda.undo_remove(session, item_id=item_id, now=now)
        else:
            item = agenda.move_item(session, item_id=item_id, step=-1 if data.verb == "up" else 1)
        session_id, title = item.session_id, item.title
        if data.verb in ("up", "down"):
            page = (item.position - 1) // AGENDA_PAGE
    body, buttons = _render(update, context, session_id, page)
    if data.verb == "undo":
        await reply_key(update, context, "agenda.restored", title=title)
        await reply(update, body, reply_markup=keyboard(buttons))
        return
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))
    if data.verb == "rm":
        lang = context.actor.language
        await reply(update, text("agenda.removed", lang, title=title), reply_markup=keyboard(
            [[(text("agenda.button.undo", lang), encode(FEATURE, "undo", item_id))]]))


async def turn_page(update: Update, context: Context, data: ButtonData) -> None:
    """Another page of the agenda's buttons."""
    body, buttons = _render(update, context, data.int_arg(0), data.int_arg(1))
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))


async def ask_edit(update: Update, context: Context, data: ButtonData) -> int:
    """«✏️ N»: remember the item's version, ask for the change."""
    with context.runtime.session() as session:
        item = agenda.item_of(session, item_id=data.int_arg(0))
        flow(update, EDIT_FLOW).save(session, {"item_id": item.id, "version": item.version})
        position, title = item.position, item.title
    await reply_key(update, context, "agenda.ask.edit", position=position, title=title or "—")
    return WAIT_EDIT


@guarded(Action.MANAGE_AGENDA)
async def take_edit(update: Update, context: Context) -> int:
    """The change; refused (and said so) if the item changed since the edit began."""
    with context.runtime.session() as session:
        state = flow(update, EDIT_FLOW).load(session)
        if state is None:
            raise NotFound()
        flow(update, EDIT_FLOW).drop(session)
    with context.runtime.session() as session:
        item = agenda.edit_item(session, item_id=state["item_id"], version=state["version"],
                                answer=update.effective_message.text or "")
        session_id, title = item.session_id, item.title
    await reply_key(update, context, "agenda.edited", title=title or "—")
    body, buttons = _render(update, context, session_id)
    await reply(update, body, reply_markup=keyboard(buttons))
    return ConversationHandler.END


async def ask_title(update: Update, context: Context, data: ButtonData) -> int:
    """«افزودن بند»: ask for the title."""
    with context.runtime.session() as session:
        council = council_session(session, session_id=data.int_arg(0))
        flow(update, FLOW).save(session, {"session_id": council.id})
    await reply_key(update, context, "sessions.add.ask")
    return WAIT_TITLE


@guarded(Action.MANAGE_AGENDA)
async def take_title(update: Update, context: Context) -> int:
    """The new item's title."""
    title = update.effective_message.text.strip()
    with context.runtime.session() as session:
        state = flow(update, FLOW).load(session)
        if state is None:
            raise NotFound()
        council = council_session(session, session_id=state["session_id"])
        item = agenda.add_item(session, council_session=council, title=title)
        page = (item.position - 1) // AGENDA_PAGE  # the page showing the new item
        flow(update, FLOW).drop(session)
    await reply_key(update, context, "sessions.add.done", title=title)
    body, buttons = _render(update, context, council.id, page)
    await reply(update, body, reply_markup=keyboard(buttons))
    return ConversationHandler.END



def build_handlers() -> list[BaseHandler]:
    """/session and the agenda buttons."""
    adding = chat_conversation(
        name=FLOW,
        entry_points=[button_router(FEATURE, {"add": (Action.MANAGE_AGENDA, ask_title)})],
        states={WAIT_TITLE: [text_answer(take_title)]},
        fallbacks=[CommandHandler("cancel", leave_flows(FLOW, EDIT_FLOW))],
    )
    editing = chat_conversation(
        name=EDIT_FLOW,
        entry_points=[button_router(FEATURE, {"ed": (Action.MANAGE_AGENDA, ask_edit)})],
        states={WAIT_EDIT: [text_answer(take_edit)]},
        fallbacks=[CommandHandler("cancel", leave_flows(FLOW, EDIT_FLOW))],
    )
    return [
        adding,
        editing,
        CommandHandler("session", show),
        button_router(FEATURE, {**{verb: (Action.MANAGE_AGENDA, edit)
                                   for verb in ("up", "down", "rm", "undo")},
                                "page": (Action.MANAGE_AGENDA, turn_page)}),
    ]
