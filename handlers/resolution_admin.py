"""The secretariat's resolutions: /resolutions with filters, add, edit, reassign, cancel."""

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
from mina_bot.callbacks import decode, encode
from mina_bot.catalog import name_in, text
from mina_bot.clock import local_today
from mina_bot.jalali import format_date
from mina_bot.permissions import Action
from mina_bot.resolutions import lifecycle, manage, register
from mina_bot.resolutions.listing import Filters

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


@guarded(Action.MANAGE_RESOLUTIONS)
async def filter_page(update: Update, context: Context) -> None:
    """A filter or page button."""
    f = Filters.decode(decode(update.callback_query.data, "res"))
    body, buttons = _list(update, context, f)
    await update.callback_query.answer()
    await edit_or_reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.MANAGE_RESOLUTIONS)
async def change_state(update: Update, context: Context) -> None:
    """«لغو» and «بازگشایی»."""
    runtime = context.runtime
    data = decode(update.callback_query.data, "res")
    change = {"cancel": lifecycle.cancel, "reopen": lifecycle.reopen}[data.verb]
    with runtime.session() as session:
        resolution = change(session, resolution_id=data.int_arg(0),
                            actor=context.actor, note=None, now=runtime.clock.now())
    await update.callback_query.answer()
    key = "resolutions.cancelled" if data.verb == "cancel" else "resolutions.reopened"
    await reply_key(update, context, key, number=resolution.number)


@guarded(Action.MANAGE_RESOLUTIONS)
async def units_menu(update: Update, context: Context) -> None:
    """Reassign: every unit as a toggle (✓ = responsible); each press saves at once."""
    runtime, actor = context.runtime, context.actor
    data = decode(update.callback_query.data, "res")
    rid = data.int_arg(0)
    with runtime.session() as session:
        if data.verb == "ut":
            register.toggle_unit(session, actor=actor, resolution_id=rid,
                                 unit_id=data.int_arg(1), now=runtime.clock.now())
        resolution, current, units = register.unit_choices(session, resolution_id=rid)
    rows = [[(("✓ " if u.id in current else "") + name_in(u, actor.language),
              encode("res", "ut", rid, u.id))]
            for u in units]
    await update.callback_query.answer()
    body = text("resolutions.units.ask", actor.language, number=resolution.number)
    if data.verb == "ut":
        await update.callback_query.edit_message_reply_markup(reply_markup=keyboard(rows))
    else:
        await reply(update, body, reply_markup=keyboard(rows))


@guarded(Action.MANAGE_RESOLUTIONS)
async def ask_line(update: Update, context: Context) -> int:
    """/newresolution or «ویرایش»: ask for «بازه زمانی | متولی | موضوع»."""
    runtime = context.runtime
    if update.callback_query:
        with runtime.session() as session:
            resolution = lifecycle.resolution_of(
                session, resolution_id=decode(update.callback_query.data, "res").int_arg(0))
        context.user_data["res_line"] = ("edit", resolution.id)
        await update.callback_query.answer()
        await reply_key(update, context, "resolutions.edit.ask", number=resolution.number)
        return WAIT_LINE
    with runtime.session() as session:
        council = register.session_for_new(session, now=runtime.clock.now(),
                                           settings=runtime.settings)
    context.user_data["res_line"] = ("add", council.id)
    await reply_key(update, context, "resolutions.add.ask", session=council.number)
    return WAIT_LINE


@guarded(Action.MANAGE_RESOLUTIONS)
async def take_line(update: Update, context: Context) -> int:
    """Save the added or edited resolution (a malformed line is explained; try again)."""
    runtime, actor = context.runtime, context.actor
    verb, target = context.user_data.get("res_line", ("", 0))
    line, now = update.effective_message.text, runtime.clock.now()
    with runtime.session() as session:
        if verb == "add":
            r = manage.add_single(session, actor=actor, session_id=target, line=line,
                                  settings=runtime.settings, now=now)
        else:
            r = manage.edit_single(session, actor=actor, resolution_id=target, line=line,
                                   settings=runtime.settings, now=now)
        council, names = register.placement(session, resolution=r)
    context.user_data.pop("res_line", None)
    due = format_date(r.due_date, actor.language) if r.due_date else text(
        "resolutions.no_due", actor.language)
    await reply_key(update, context, "resolutions.saved", number=r.number,
                    session=council.number, units="، ".join(names), due=due)
    return ConversationHandler.END


async def leave(update: Update, context: Context) -> int:
    """/cancel while adding or editing."""
    context.user_data.pop("res_line", None)
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """The secretariat's resolution management."""
    editing = chat_conversation(
        entry_points=[CommandHandler("newresolution", ask_line),
                      CallbackQueryHandler(ask_line, pattern=r"^res:edit:")],
        states={WAIT_LINE: [text_answer(take_line)]},
        fallbacks=[CommandHandler("cancel", leave)],
    )
    return [
        editing,
        CommandHandler("resolutions", show),
        CallbackQueryHandler(filter_page, pattern=r"^res:ls:"),
        CallbackQueryHandler(change_state, pattern=r"^res:(cancel|reopen):"),
        CallbackQueryHandler(units_menu, pattern=r"^res:(units|ut):"),
    ]
