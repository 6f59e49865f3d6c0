"""Attendance: members answer the day-before reminder; the secretariat reads and corrects it.

    «حضور دارم» / «نمی‌توانم بیایم» -> noted
    «نماینده می‌فرستم» -> WAIT_STAND_IN (the stand-in's name) -> noted
    /attendance N -> the record -> WAIT_CORRECTION (name | status | stand-in) -> corrected
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler

from handlers.common import (
    Context,
    button_router,
    chat_conversation,
    flow,
    guarded,
    leave_flows,
    reply,
    reply_key,
    text_answer,
)
from mina_bot.callbacks import ButtonData
from mina_bot.errors import NotFound
from mina_bot.permissions import Action
from mina_bot.persian import to_latin_digits
from mina_bot.sessions import attendance
from mina_bot.sessions.attendance_view import RSVP, recorded_attendance
from mina_bot.sessions.board import council_session, numbered

STAND_IN_FLOW, CORRECT_FLOW = "rsvp_stand_in", "attendance"
WAIT_STAND_IN, WAIT_CORRECTION = range(2)


async def _answer(update: Update, context: Context, session_id: int, verb: str,
                  stand_in: str | None = None) -> None:
    runtime = context.runtime
    with runtime.session() as session:
        number, stand_in = attendance.rsvp(session, session_id=session_id,
                                           member_id=context.actor.member_id, verb=verb,
                                           stand_in=stand_in, now=runtime.clock.now())
    status = attendance.RSVP_VERBS[verb]
    await reply_key(update, context, f"attendance.answered.{status}", number=number,
                    stand_in=stand_in or "")


async def rsvp(update: Update, context: Context, data: ButtonData) -> int | None:
    """An RSVP button: noted, or (for a stand-in) the name is asked."""
    if data.verb != "sub":
        await _answer(update, context, data.int_arg(0), data.verb)
        return None
    with context.runtime.session() as session:
        council_session(session, session_id=data.int_arg(0))  # a forged id stops here
        flow(update, STAND_IN_FLOW).save(session, {"session_id": data.int_arg(0)})
    await reply_key(update, context, "attendance.ask.stand_in",
                    limit=attendance.STAND_IN_LIMIT)
    return WAIT_STAND_IN


@guarded(Action.VIEW_SESSION)
async def take_stand_in(update: Update, context: Context) -> int:
    """The stand-in's name (too long: said so, asked again)."""
    with context.runtime.session() as session:
        state = flow(update, STAND_IN_FLOW).load(session)
    if state is None:
        raise NotFound()
    await _answer(update, context, state["session_id"], "sub",
                  update.effective_message.text or "")
    with context.runtime.session() as session:
        flow(update, STAND_IN_FLOW).drop(session)
    return ConversationHandler.END


@guarded(Action.MANAGE_AGENDA)
async def show(update: Update, context: Context) -> int:
    """/attendance N: the session's attendance, then a correction may follow."""
    digits = to_latin_digits(" ".join(context.args or ())).strip()
    if not digits.isdigit():
        await reply_key(update, context, "attendance.usage")
        return ConversationHandler.END
    with context.runtime.session() as session:
        council = numbered(session, number=int(digits))
        flow(update, CORRECT_FLOW).save(session, {"session_id": council.id})
        body = recorded_attendance(session, council=council, lang=context.actor.language)
    await reply(update, body)
    return WAIT_CORRECTION


@guarded(Action.MANAGE_AGENDA)
async def take_correction(update: Update, context: Context) -> int:
    """One correction; the record is shown again, and another may follow."""
    runtime = context.runtime
    with runtime.session() as session:
        state = flow(update, CORRECT_FLOW).load(session)
        if state is None:
            raise NotFound()
        council = council_session(session, session_id=state["session_id"])
        row = attendance.correct(session, council=council,
                                 answer=update.effective_message.text or "",
                                 actor=context.actor, now=runtime.clock.now())
        name = row.name
        body = recorded_attendance(session, council=council, lang=context.actor.language)
    await reply_key(update, context, "attendance.corrected", name=name)
    await reply(update, body)
    return WAIT_CORRECTION



def build_handlers() -> list[BaseHandler]:
    """The RSVP buttons, the stand-in's name, /attendance and its corrections."""
    return [
        chat_conversation(
            name=STAND_IN_FLOW,
            entry_points=[button_router(RSVP, {verb: (Action.VIEW_SESSION, rsvp)
                                               for verb in attendance.RSVP_VERBS})],
            states={WAIT_STAND_IN: [text_answer(take_stand_in)]},
            fallbacks=[CommandHandler("cancel", leave_flows(STAND_IN_FLOW, CORRECT_FLOW))],
        ),
        chat_conversation(
            name=CORRECT_FLOW,
            entry_points=[CommandHandler("attendance", show)],
            states={WAIT_CORRECTION: [text_answer(take_correction)]},
            fallbacks=[CommandHandler("cancel", leave_flows(STAND_IN_FLOW, CORRECT_FLOW))],
        ),
    ]
