"""/holidays: the secretariat sees the coming holidays, adds or removes closures and makes a
built-in holiday a working day (or undoes it).

    /holidays -> a page of the list (buttons: 🗑 / 💼 / ↩️ per entry, pages, ➕)
    «➕» -> WAIT_CLOSURE («date | name» or «date to date | name») -> added, the list again
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
    text_answer,
)
from messenger.keyboards import keyboard
from mina_bot import holiday_table as table
from mina_bot.callbacks import ButtonData
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.errors import StaleButton
from mina_bot.holiday_view import FEATURE, page
from mina_bot.jalali import format_date
from mina_bot.permissions import Action

FLOW = "holidays"
WAIT_CLOSURE = 0


def _when(entry: table.Entry, lang: str) -> str:
    first = format_date(entry.start, lang, "long")
    if entry.end == entry.start:
        return first
    return text("holidays.range", lang, start=first, end=format_date(entry.end, lang, "long"))


async def _show(update: Update, context: Context, number: int = 0,
                note: str | None = None, edit: bool = False) -> None:
    runtime, lang = context.runtime, context.actor.language
    with runtime.session() as session:
        entries = table.coming(session, today=local_today(runtime.clock, runtime.tz))
    body, rows = page(entries, number, lang, note)
    send = edit_or_reply if edit else reply
    await send(update, body, reply_markup=keyboard(rows))


@guarded(Action.MANAGE_HOLIDAYS)
async def show(update: Update, context: Context) -> None:
    """The first page of the coming holidays."""
    await _show(update, context)


async def turn(update: Update, context: Context, data: ButtonData) -> None:
    """Another page of the list."""
    await _show(update, context, data.int_arg(0), edit=True)


def _day(data: ButtonData) -> dt.date:
    try:
        return dt.date.fromordinal(data.int_arg(0))
    except ValueError:
        raise StaleButton() from None


async def change(update: Update, context: Context, data: ButtonData) -> None:
    """🗑 a closure, 💼 work on a built-in holiday, ↩️ keep it a holiday again."""
    runtime, actor, lang = context.runtime, context.actor, context.actor.language
    day, now = _day(data), runtime.clock.now()
    today = local_today(runtime.clock, runtime.tz)
    with runtime.session() as session:
        if data.verb == "rm":
            entry = table.remove_closure(session, actor=actor, day=day, today=today, now=now)
            key = "holidays.removed"
        else:
            entry = table.mark_working(session, actor=actor, day=day, now=now, today=today,
                                       working=data.verb == "wk")
            key = "holidays.worked" if data.verb == "wk" else "holidays.unworked"
    note = text(key, lang, name=entry.name(lang), when=_when(entry, lang))
    await _show(update, context, note=note, edit=True)


async def ask(update: Update, context: Context, data: ButtonData) -> int:
    """«➕»: ask for the closure's day or days and name."""
    with context.runtime.session() as session:
        flow(update, FLOW).save(session, {"step": "closure"})
    await reply(update, text("holidays.ask", context.actor.language))
    return WAIT_CLOSURE


@guarded(Action.MANAGE_HOLIDAYS)
async def take_closure(update: Update, context: Context) -> int:
    """The closure typed: added, then the list; a malformed one is answered and asked again."""
    runtime, actor, lang = context.runtime, context.actor, context.actor.language
    today = local_today(runtime.clock, runtime.tz)
    start, end, name = table.read_closure(update.effective_message.text or "", today=today)
    with runtime.session() as session:
        table.add_closure(session, actor=actor, start=start, end=end, name=name,
                          now=runtime.clock.now())
        flow(update, FLOW).drop(session)
    note = text("holidays.added", lang, name=name,
                when=_when(table.Entry(start, end, name, name, table.CLOSURE), lang))
    await _show(update, context, note=note)
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """/holidays, its buttons and the «add a closure» conversation."""
    return [
        CommandHandler("holidays", show),
        chat_conversation(
            name=FLOW,
            entry_points=[button_router(FEATURE, {"add": (Action.MANAGE_HOLIDAYS, ask)})],
            states={WAIT_CLOSURE: [text_answer(take_closure)]},
            fallbacks=[CommandHandler("cancel", leave_flows(FLOW))],
        ),
        button_router(FEATURE, {"pg": (Action.MANAGE_HOLIDAYS, turn),
                                **{verb: (Action.MANAGE_HOLIDAYS, change)
                                   for verb in ("rm", "wk", "uw")}}),
    ]
