"""The session's calendar: the secretariat moves, cancels or adds a session from /session.

    «جابه‌جایی» / «جلسه فوق‌العاده» -> WAIT_SLOT (date | time | place) -> done, or a Friday or
        holiday asked about (yes / no buttons) -> done
    «لغو جلسه» -> WAIT_REASON -> done
"""

from __future__ import annotations

import datetime as dt

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
from mina_bot.calendar import changes as calendar
from mina_bot.calendar import off_day as off_day_sessions
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.errors import StaleButton
from mina_bot.jalali import format_date, format_time
from mina_bot.permissions import Action
from mina_bot.sessions.board import council_session

FEATURE, FLOW = "cal", "calendar"
WAIT_SLOT, WAIT_REASON = range(2)


async def ask(update: Update, context: Context, data: ButtonData) -> int:
    """A calendar button: ask for the new slot, or for the reason to cancel."""
    number = None
    with context.runtime.session() as session:
        if data.verb != "extra":
            council = council_session(session, session_id=data.int_arg(0))
            number = council.number
        flow(update, FLOW).save(session, {"op": data.verb, "session_id": (
            data.int_arg(0) if data.verb != "extra" else None)})
    await reply_key(update, context, f"calendar.ask.{data.verb}", number=number)
    return WAIT_REASON if data.verb == "cancel" else WAIT_SLOT


def _state(update: Update, context: Context) -> dict:
    with context.runtime.session() as session:
        state = flow(update, FLOW).load(session)
    if state is None:
        raise StaleButton()
    return state


@guarded(Action.MANAGE_AGENDA)
async def take_slot(update: Update, context: Context) -> int:
    """The new date, time and place: refused if past, asked about if a Friday or holiday."""
    runtime, lang = context.runtime, context.actor.language
    state = _state(update, context)
    with runtime.session() as session:
        current = (council_session(session, session_id=state["session_id"])
                   if state["session_id"] else None)
        slot = calendar.read_slot(update.effective_message.text or "",
                                  today=local_today(runtime.clock, runtime.tz),
                                  settings=runtime.settings, current=current)
        doubt = calendar.doubt(session, slot=slot, now=runtime.clock.now(),
                               settings=runtime.settings, moving=current)
        if doubt is not None:
            flow(update, FLOW).save(session, {**state, "slot": slot.to_state()})
    if doubt is None:
        await _apply(update, context, state, slot)
        return ConversationHandler.END
    key, _, name = doubt.partition(":")
    body = text(f"calendar.confirm.{key}", lang,
                date=format_date(slot.day, lang, "weekday_long"), name=name)
    await reply(update, body, reply_markup=keyboard([[
        (text("calendar.button.yes", lang), encode(FEATURE, "yes")),
        (text("calendar.button.no", lang), encode(FEATURE, "no"))]]))
    return ConversationHandler.END


async def confirm(update: Update, context: Context, data: ButtonData) -> None:
    """Yes or no to a Friday or a holiday."""
    state = _state(update, context)
    if data.verb == "no" or "slot" not in state:
        with context.runtime.session() as session:
            flow(update, FLOW).drop(session)
        await edit_or_reply(update, text("calendar.dropped", context.actor.language))
        return
    await _apply(update, context, state, calendar.Slot.from_state(state["slot"]))


async def _apply(update: Update, context: Context, state: dict, slot: calendar.Slot) -> None:
    runtime, actor, lang = context.runtime, context.actor, context.actor.language
    with runtime.session() as session:
        if state["op"] == "move":
            council = council_session(session, session_id=state["session_id"])
            told = calendar.move_session(session, council=council, slot=slot, actor=actor,
                                         now=runtime.clock.now(), settings=runtime.settings)
            key = "calendar.moved"
        else:
            council, told = calendar.add_extra(session, slot=slot, actor=actor,
                                               now=runtime.clock.now(),
                                               settings=runtime.settings), 0
            key = "calendar.extra"
        flow(update, FLOW).drop(session)
        local = council.starts_at.astimezone(runtime.tz)
        body = text(key, lang, number=council.number, told=told,
                    date=format_date(local.date(), lang, "weekday_long"),
                    time=format_time(local, lang), place=council.place or "—")
    await edit_or_reply(update, body)


@guarded(Action.MANAGE_AGENDA)
async def take_reason(update: Update, context: Context) -> int:
    """Why the session is cancelled: cancel it and tell every member."""
    runtime = context.runtime
    state = _state(update, context)
    with runtime.session() as session:
        council = council_session(session, session_id=state["session_id"])
        told = calendar.cancel_session(session, council=council,
                                       reason=update.effective_message.text or "",
                                       actor=context.actor, now=runtime.clock.now(),
                                       settings=runtime.settings)
        flow(update, FLOW).drop(session)
        number = council.number
    await reply_key(update, context, "calendar.cancelled", number=number, told=told)
    return ConversationHandler.END
async def off_day(update: Update, context: Context, data: ButtonData) -> None:
    """The answer to «the session falls on a day off: move it?» (asked a week ahead)."""
    runtime, actor, lang = context.runtime, context.actor, context.actor.language
    with runtime.session() as session:
        council = council_session(session, session_id=data.int_arg(0))
        if data.verb == "offkeep":
            body = text("calendar.off_day.kept", lang, number=council.number)
        else:
            try:
                day = dt.date.fromordinal(data.int_arg(1))
            except ValueError:
                raise StaleButton() from None
            told = off_day_sessions.move_off(session, council=council, day=day, actor=actor,
                                             now=runtime.clock.now(), settings=runtime.settings)
            local = council.starts_at.astimezone(runtime.tz)
            body = text("calendar.moved", lang, number=council.number, told=told,
                        date=format_date(local.date(), lang, "weekday_long"),
                        time=format_time(local, lang), place=council.place or "—")
    await edit_or_reply(update, body)


def build_handlers() -> list[BaseHandler]:
    """The calendar conversation and its confirmation buttons."""
    return [
        chat_conversation(
            name=FLOW,
            entry_points=[button_router(FEATURE, {verb: (Action.MANAGE_AGENDA, ask)
                                                  for verb in ("move", "cancel", "extra")})],
            states={WAIT_SLOT: [text_answer(take_slot)],
                    WAIT_REASON: [text_answer(take_reason)]},
            fallbacks=[CommandHandler("cancel", leave_flows(FLOW))],
        ),
        button_router(FEATURE, {verb: (Action.MANAGE_AGENDA, confirm) for verb in ("yes", "no")}),
        button_router(FEATURE, {verb: (Action.MANAGE_AGENDA, off_day)
                                for verb in ("offmove", "offkeep")}),
    ]
