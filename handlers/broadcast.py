"""/broadcast: compose (text, a document or the agenda), then the buttons take over."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from handlers.broadcast_audience import AUDIENCE, FEATURE, ask_audience, button, search
from handlers.broadcast_buttons import resume_progress, routes
from handlers.common import (
    Context,
    button_router,
    chat_conversation,
    guarded,
    reply,
    text_answer,
)
from mina_bot.actors import Actor
from mina_bot.catalog import text
from mina_bot.delivery import broadcast_screens, broadcasts
from mina_bot.permissions import Action

COMPOSE = 0


@guarded(Action.BROADCAST)
async def start(update: Update, context: Context) -> int:
    """/broadcast [text]: a new draft; without text, ask for it."""
    actor = context.actor
    body = " ".join(context.args or []) or None
    with context.runtime.session() as session:
        draft = broadcasts.start_draft(session, actor=actor)
    if body is not None:
        with context.runtime.session() as session:
            broadcasts.set_text(session, actor=actor, broadcast_id=draft.id, body=body)
        return await ask_audience(update, context, draft.id)
    keyboard = InlineKeyboardMarkup([[
        button(text("broadcast.button_agenda", actor.language), "agenda", draft.id),
        button(text("broadcast.button_drop", actor.language), "drop", draft.id)]])
    await reply(update, text("broadcast.compose", actor.language), reply_markup=keyboard)
    return COMPOSE


def _current_draft(context: Context, actor: Actor) -> int:
    with context.runtime.session() as session:
        return broadcast_screens.current_draft(session, actor=actor)


@guarded(Action.BROADCAST)
async def composed_text(update: Update, context: Context) -> int:
    """The text of the broadcast (an empty or too long one is refused; the step stays)."""
    actor = context.actor
    draft_id = _current_draft(context, actor)
    with context.runtime.session() as session:
        broadcasts.set_text(session, actor=actor, broadcast_id=draft_id,
                            body=update.effective_message.text or "")
    return await ask_audience(update, context, draft_id)


@guarded(Action.BROADCAST)
async def composed_document(update: Update, context: Context) -> int:
    """A document; its caption becomes the text."""
    actor = context.actor
    message = update.effective_message
    document = message.document
    draft_id = _current_draft(context, actor)
    with context.runtime.session() as session:
        broadcasts.set_document(session, actor=actor, broadcast_id=draft_id,
                                file_id=document.file_id, file_unique_id=document.file_unique_id,
                                file_name=document.file_name, mime_type=document.mime_type,
                                size=document.file_size, caption=message.caption)
    return await ask_audience(update, context, draft_id)


async def cancel(update: Update, context: Context) -> int:
    """/cancel while composing drops the draft."""
    actor = context.actor
    with context.runtime.session() as session:
        broadcast_screens.drop_drafts(session, actor=actor)
    await reply(update, text("broadcast.dropped", actor.language))
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """The /broadcast conversation (the composing step) and its buttons."""
    buttons = button_router(FEATURE, routes())  # each re-checked against the stored broadcast
    conversation = chat_conversation(  # the buttons are stateless on purpose
        name="broadcast",
        entry_points=[CommandHandler("broadcast", start)],
        states={COMPOSE: [
            text_answer(composed_text),
            MessageHandler(filters.Document.ALL, composed_document),
            buttons,
        ], AUDIENCE: [text_answer(search), buttons]},
        fallbacks=[CommandHandler("cancel", cancel), buttons],
    )
    return [conversation, buttons]


def install(application: Application) -> None:
    """Resume the progress reports of broadcasts still running at the last stop."""
    application.job_queue.run_once(resume_progress, 0, name="broadcast.resume",
                                   job_kwargs={"misfire_grace_time": None})  # however late
