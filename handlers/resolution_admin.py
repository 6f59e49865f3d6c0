"""The secretariat's resolutions: /resolutions with filters, add, edit, reassign, cancel."""

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
from mina_bot.catalog import join, name_in, text
from mina_bot.clock import local_today
from mina_bot.errors import NotFound
from mina_bot.jalali import format_date
from mina_bot.minutes import single
from mina_bot.pages import picker
from mina_bot.permissions import Action
from mina_bot.resolutions import lifecycle, register
from mina_bot.resolutions.listing import Filters

FEATURE = "res"
FLOW = "resolution_line"
WAIT_LINE = 0


def _list(update: Update, context: Context, f: Filters):
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        return register.register_page(session, filters=f, lang=actor.language,
                                      today=local_today(runtime.clock, runtime.tz))


@guarded(Action.MANAGE_RESOLUTIONS)
async def show(update: Update, context: Context) -> None:
    """/resolutions [unit] [state] [معوق] [session number]."""
    with context.runtime.session() as session:
        f = register.read_filters(session, words=context.args or ())
    body, buttons = _list(update, context, f)
    await reply(update, body, reply_markup=keyboard(buttons))


async def filter_page(update: Update, context: Context, data: ButtonData) -> None:
    """A filter or page button."""
    body, buttons = _list(update, context, Filters.decode(data))
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))


async def change_state(update: Update, context: Context, data: ButtonData) -> None:
    """«لغو» and «بازگشایی»."""
    runtime = context.runtime
    change = {"cancel": lifecycle.cancel, "reopen": lifecycle.reopen}[data.verb]
    with runtime.session() as session:
        resolution = change(session, resolution_id=data.int_arg(0),
                            actor=context.actor, note=None, now=runtime.clock.now())
    key = "resolutions.cancelled" if data.verb == "cancel" else "resolutions.reopened"
    await reply_key(update, context, key, number=resolution.number)


async def units_menu(update: Update, context: Context, data: ButtonData) -> None:
    """Reassign: every unit as a toggle (✓ = responsible), a page at a time; each press saves
    at once."""
    runtime, actor = context.runtime, context.actor
    rid, toggled = data.int_arg(0), data.verb == "ut"
    page_arg = 2 if toggled else 1
    page = data.int_arg(page_arg) if len(data.args) > page_arg else 0
    with runtime.session() as session:
        if toggled:
            register.toggle_unit(session, actor=actor, resolution_id=rid,
                                 unit_id=data.int_arg(1), now=runtime.clock.now())
        resolution, current, units = register.unit_choices(session, resolution_id=rid)
    shown = picker([(("✓ " if u.id in current else "") + name_in(u, actor.language),
                     encode("res", "ut", rid, u.id, page)) for u in units],
                   page, ("res", "units"), actor.language, rid, per_row=1)
    rows = shown.rows
    body = text("resolutions.units.ask", actor.language, number=resolution.number)
    if toggled or page_arg < len(data.args):
        await update.callback_query.edit_message_reply_markup(reply_markup=keyboard(rows))
    else:
        await reply(update, body, reply_markup=keyboard(rows))


async def ask_edit(update: Update, context: Context, data: ButtonData) -> int:
    """«ویرایش»: ask for the resolution's new «بازه زمانی | متولی | موضوع»."""
    with context.runtime.session() as session:
        resolution = lifecycle.resolution_of(session, resolution_id=data.int_arg(0))
        flow(update, FLOW).save(session, {"verb": "edit", "target": resolution.id})
    await reply_key(update, context, "resolutions.edit.ask", number=resolution.number)
    return WAIT_LINE


@guarded(Action.MANAGE_RESOLUTIONS)
async def ask_new(update: Update, context: Context) -> int:
    """/newresolution: ask for «بازه زمانی | متولی | موضوع»."""
    runtime = context.runtime
    with runtime.session() as session:
        council = register.session_for_new(session, now=runtime.clock.now(),
                                           settings=runtime.settings)
        flow(update, FLOW).save(session, {"verb": "add", "target": council.id})
    await reply_key(update, context, "resolutions.add.ask", session=council.number)
    return WAIT_LINE


@guarded(Action.MANAGE_RESOLUTIONS)
async def take_line(update: Update, context: Context) -> int:
    """Save the added or edited resolution (a malformed line is explained; try again)."""
    runtime, actor = context.runtime, context.actor
    line, now = update.effective_message.text, runtime.clock.now()
    with runtime.session() as session:
        state = flow(update, FLOW).load(session)
        if state is None:
            raise NotFound()
        if state["verb"] == "add":
            r = single.add_single(session, actor=actor, session_id=state["target"], line=line,
                                  settings=runtime.settings, now=now)
        else:
            r = single.edit_single(session, actor=actor, resolution_id=state["target"],
                                   line=line, settings=runtime.settings, now=now)
        council, names = register.placement(session, resolution=r, lang=actor.language)
        flow(update, FLOW).drop(session)
    due = format_date(r.due_date, actor.language) if r.due_date else text(
        "resolutions.no_due", actor.language)
    await reply_key(update, context, "resolutions.saved", number=r.number,
                    session=council.number, units=join(names, actor.language), due=due)
    return ConversationHandler.END



def build_handlers() -> list[BaseHandler]:
    """The secretariat's resolution management."""
    editing = chat_conversation(
        name=FLOW,
        entry_points=[CommandHandler("newresolution", ask_new),
                      button_router(FEATURE, {"edit": (Action.MANAGE_RESOLUTIONS, ask_edit)})],
        states={WAIT_LINE: [text_answer(take_line)]},
        fallbacks=[CommandHandler("cancel", leave_flows(FLOW))],
    )
    manage_ = Action.MANAGE_RESOLUTIONS
    return [
        editing,
        CommandHandler("resolutions", show),
        button_router(FEATURE, {"ls": (manage_, filter_page), "cancel": (manage_, change_state),
                                "reopen": (manage_, change_state), "units": (manage_, units_menu),
                                "ut": (manage_, units_menu)}),
    ]
