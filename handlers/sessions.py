"""/session: the next council session and its agenda; the secretariat edits the agenda."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
)

from handlers.common import (
    Context,
    chat_conversation,
    edit_or_reply,
    guarded,
    reply,
    reply_key,
    text_answer,
)
from messenger.keyboards import keyboard
from mina_bot.callbacks import decode
from mina_bot.errors import NotFound
from mina_bot.permissions import Action, allowed
from mina_bot.sessions import agenda
from mina_bot.sessions.board import council_session, session_board
from mina_bot.sessions.schedule import report_deadline
from mina_bot.sessions.views import session_view

WAIT_TITLE = 0


def _render(update: Update, context: Context, session_id: int | None = None):
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        board = session_board(session, now=runtime.clock.now(), settings=runtime.settings,
                              session_id=session_id)
    return session_view(board.council, board.items, tz=runtime.tz, lang=actor.language,
                        deadline=report_deadline(board.council, runtime.settings, runtime.tz),
                        owing=board.owing,
                        staff=allowed(actor, Action.MANAGE_AGENDA))


@guarded(Action.VIEW_SESSION)
async def show(update: Update, context: Context) -> None:
    """/session."""
    body, buttons = _render(update, context)
    await reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.MANAGE_AGENDA)
async def edit(update: Update, context: Context) -> None:
    """Move an item up or down, or remove it; the message shows the new agenda."""
    runtime, query = context.runtime, update.callback_query
    data = decode(query.data, "ses")
    item_id = data.int_arg(0)
    with runtime.session() as session:
        if data.verb == "rm":
            session_id = agenda.remove_item(session, item_id=item_id)
        elif data.verb in ("up", "down"):
            item = agenda.move_item(session, item_id=item_id, step=-1 if data.verb == "up" else 1)
            session_id = item.session_id
        else:
            raise NotFound()
    body, buttons = _render(update, context, session_id)
    await query.answer()
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.MANAGE_AGENDA)
async def ask_title(update: Update, context: Context) -> int:
    """«افزودن بند»: ask for the title."""
    session_id = decode(update.callback_query.data, "ses").int_arg(0)
    with context.runtime.session() as session:
        council_session(session, session_id=session_id)
    context.user_data["agenda_session"] = session_id
    await update.callback_query.answer()
    await reply_key(update, context, "sessions.add.ask")
    return WAIT_TITLE


@guarded(Action.MANAGE_AGENDA)
async def take_title(update: Update, context: Context) -> int:
    """The new item's title."""
    title = update.effective_message.text.strip()
    with context.runtime.session() as session:
        council = council_session(session,
                                  session_id=context.user_data.pop("agenda_session", 0))
        agenda.add_item(session, council_session=council, title=title)
    await reply_key(update, context, "sessions.add.done", title=title)
    body, buttons = _render(update, context, council.id)
    await reply(update, body, reply_markup=keyboard(buttons))
    return ConversationHandler.END


async def leave(update: Update, context: Context) -> int:
    """/cancel while adding an item."""
    context.user_data.pop("agenda_session", None)
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """/session and the agenda buttons."""
    adding = chat_conversation(
        entry_points=[CallbackQueryHandler(ask_title, pattern=r"^ses:add:")],
        states={WAIT_TITLE: [text_answer(take_title)]},
        fallbacks=[CommandHandler("cancel", leave)],
    )
    return [
        adding,
        CommandHandler("session", show),
        CallbackQueryHandler(edit, pattern=r"^ses:(up|down|rm):"),
    ]
