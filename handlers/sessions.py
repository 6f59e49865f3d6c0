"""/session: the next council session and its agenda; the secretariat edits the agenda."""

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
    reply,
    reply_key,
    text_answer,
)
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData
from mina_bot.catalog import name_in
from mina_bot.errors import NotFound
from mina_bot.organisation.cards import units_to_pick
from mina_bot.permissions import Action, allowed
from mina_bot.sessions import agenda
from mina_bot.sessions.board import council_session, session_board
from mina_bot.sessions.schedule import report_deadline
from mina_bot.sessions.views import AGENDA_PAGE, session_view

FEATURE = "ses"
FLOW = "agenda_item"
WAIT_TITLE = 0


def _render(update: Update, context: Context, session_id: int | None = None, page: int = 0):
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        board = session_board(session, now=runtime.clock.now(), settings=runtime.settings,
                              session_id=session_id)
        names = {u.id: name_in(u, actor.language) for u in units_to_pick(session)}
    return session_view(board.council, board.items, tz=runtime.tz, lang=actor.language,
                        deadline=report_deadline(board.council, runtime.settings, runtime.tz),
                        open_count=board.open_count, overdue=board.overdue,
                        staff=allowed(actor, Action.MANAGE_AGENDA), page=page,
                        unit_names=names)


@guarded(Action.VIEW_SESSION)
async def show(update: Update, context: Context) -> None:
    """/session."""
    body, buttons = _render(update, context)
    await reply(update, body, reply_markup=keyboard(buttons))


async def edit(update: Update, context: Context, data: ButtonData) -> None:
    """Move an item up or down, or remove it; the message shows the new agenda on the page of
    the moved item (or the page the press came from)."""
    item_id = data.int_arg(0)
    page = data.int_arg(1) if len(data.args) > 1 else 0
    with context.runtime.session() as session:
        if data.verb == "rm":
            session_id = agenda.remove_item(session, item_id=item_id)
        else:
            item = agenda.move_item(session, item_id=item_id, step=-1 if data.verb == "up" else 1)
            session_id, page = item.session_id, (item.position - 1) // AGENDA_PAGE
    body, buttons = _render(update, context, session_id, page)
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))


async def turn_page(update: Update, context: Context, data: ButtonData) -> None:
    """Another page of the agenda's buttons."""
    body, buttons = _render(update, context, data.int_arg(0), data.int_arg(1))
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))


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


async def leave(update: Update, context: Context) -> int:
    """/cancel while adding an item."""
    with context.runtime.session() as session:
        flow(update, FLOW).drop(session)
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """/session and the agenda buttons."""
    adding = chat_conversation(
        name=FLOW,
        entry_points=[button_router(FEATURE, {"add": (Action.MANAGE_AGENDA, ask_title)})],
        states={WAIT_TITLE: [text_answer(take_title)]},
        fallbacks=[CommandHandler("cancel", leave)],
    )
    return [
        adding,
        CommandHandler("session", show),
        button_router(FEATURE, {**{verb: (Action.MANAGE_AGENDA, edit)
                                   for verb in ("up", "down", "rm")},
                                "page": (Action.MANAGE_AGENDA, turn_page)}),
    ]
