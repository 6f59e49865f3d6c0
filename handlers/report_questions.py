"""/questions: the secretariat changes the weekly report's questions, per kind of unit.

    /questions ─► a kind ─► its questions, a row of buttons each (reword, up, optional, remove)
                     ├─ «سؤال تازه» or «✏️» ─► WAIT_TEXT ─► text ─► the questions again, END
                     └─ ⬆️ / اختیاری / 🗑 ─► the questions again
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
    text_answer,
)
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData
from mina_bot.catalog import text
from mina_bot.errors import NotFound
from mina_bot.permissions import Action
from mina_bot.reports import questionnaire_edit as edit
from mina_bot.reports.question_views import kind_message, kinds_message

FEATURE, FLOW, WAIT_TEXT = "rq", "report_questions", "text"
MANAGE = Action.MANAGE_REPORTS


@guarded(MANAGE)
async def show_kinds(update: Update, context: Context) -> None:
    """/questions: which kind of unit's questions to change."""
    message, buttons = kinds_message(context.actor.language, FEATURE)
    await reply(update, message, reply_markup=keyboard(buttons))


async def _show_kind(update: Update, context: Context, kind: str) -> None:
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        shown = edit.view(session, kind=edit.kind_named(kind), now=runtime.clock.now())
    message, buttons = kind_message(shown, actor.language, runtime.tz, FEATURE)
    await edit_or_reply(update, message, reply_markup=keyboard(buttons))


async def open_kind(update: Update, context: Context, data: ButtonData) -> None:
    """A kind's questions, with a row of buttons per question."""
    await _show_kind(update, context, data.args[0] if data.args else "")


async def press(update: Update, context: Context, data: ButtonData) -> None:
    """⬆️, اختیاری/الزامی, 🗑: changed at once in next week's version."""
    runtime, actor = context.runtime, context.actor
    kind, key = (*data.args, "", "")[:2]
    with runtime.session() as session:
        edit.change(session, kind=kind, verb=data.verb, key=key, typed=None,
                    now=runtime.clock.now(), tz=runtime.tz, actor=actor)
    await _show_kind(update, context, kind)


async def ask_text(update: Update, context: Context, data: ButtonData) -> str:
    """«سؤال تازه» or «✏️»: ask for the question's text (checked again when it comes)."""
    runtime, actor = context.runtime, context.actor
    kind, key = (*data.args, "", "")[:2]
    with runtime.session() as session:
        shown = edit.view(session, kind=edit.kind_named(kind), now=runtime.clock.now())
        if data.verb == "rw" and key not in {q["key"] for q in shown.shown}:
            raise NotFound()
        flow(update, FLOW).save(session, {"kind": kind, "verb": data.verb, "key": key or None})
    await reply(update, text("questions.ask_text", actor.language, limit=edit.TEXT_LIMIT,
                             mark=edit.ENGLISH_MARK))
    return WAIT_TEXT


@guarded(MANAGE)
async def take_text(update: Update, context: Context) -> str | int:
    """The question's text: added or reworded (an empty or too long one is asked again)."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        state = flow(update, FLOW).load(session)
        if state is None:
            raise NotFound()
        edit.change(session, kind=state["kind"], verb=state["verb"], key=state["key"],
                    typed=update.effective_message.text, now=runtime.clock.now(),
                    tz=runtime.tz, actor=actor)
        flow(update, FLOW).drop(session)
    await _show_kind(update, context, state["kind"])
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """/questions, its buttons and the text step."""
    return [
        chat_conversation(
            name=FLOW,
            entry_points=[button_router(FEATURE, {"add": (MANAGE, ask_text),
                                                  "rw": (MANAGE, ask_text)})],
            states={WAIT_TEXT: [text_answer(take_text)]},
            fallbacks=[CommandHandler("cancel", leave_flows(FLOW))],
        ),
        CommandHandler("questions", show_kinds),
        button_router(FEATURE, {"kind": (MANAGE, open_kind), "up": (MANAGE, press),
                                "opt": (MANAGE, press), "del": (MANAGE, press)}),
    ]
