"""The secretariat's resolutions: /resolutions with filters, add, edit, reassign, cancel."""

from __future__ import annotations

import warnings

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from handlers.common import Context, actor_of, guarded, reply, reply_key, runtime_of
from handlers.resolutions import keyboard
from mina_bot.callbacks import decode, encode
from mina_bot.catalog import text
from mina_bot.clock import local_today
from mina_bot.errors import NotFound
from mina_bot.jalali import format_date
from mina_bot.permissions import Action
from mina_bot.persian import match_key
from mina_bot.resolutions import lifecycle, manage
from mina_bot.resolutions.listing import STATES, Filters, list_view
from mina_bot.sessions.schedule import ensure_next_session
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

WAIT_LINE = 0


def _list(update: Update, context: Context, f: Filters):
    runtime, actor = runtime_of(context), actor_of(update, context)
    today = local_today(runtime.clock, runtime.tz)
    with runtime.session() as session:
        council = (sessions_repo.get_by_number(session, number=f.session_number)
                   if f.session_number else None)
        state = STATES[f.state]
        found = resolutions_repo.search(
            session, unit_ids=[f.unit_id] if f.unit_id else None,
            statuses=[state] if state else None, session_id=council.id if council else None,
            due_before=today if f.overdue else None)
        if f.session_number and council is None:
            found = []
        if f.overdue:
            found = [(r, c) for r, c in found if lifecycle.is_overdue(r, today)]
        rows = [(r, c, [u.name_fa for u in resolutions_repo.units_of(session, resolution_id=r.id)])
                for r, c in found]
        units = [(u.id, u.name_fa) for u in sorted(units_repo.list_units(session),
                                                    key=lambda u: u.id)]
    return list_view(rows, f, today=today, lang=actor.language, units=units)


@guarded(Action.MANAGE_RESOLUTIONS)
async def show(update: Update, context: Context) -> None:
    """/resolutions [unit] [state] [معوق] [session number]."""
    with runtime_of(context).session() as session:
        keys = {}
        for unit in units_repo.list_units(session):
            for name in (unit.key, unit.name_fa, *unit.aliases):
                keys[match_key(name)] = unit.id
    body, buttons = _list(update, context, Filters.parse(context.args or (), keys))
    await reply(update, body, reply_markup=keyboard(buttons))


@guarded(Action.MANAGE_RESOLUTIONS)
async def filter_page(update: Update, context: Context) -> None:
    """A filter or page button."""
    f = Filters.decode(decode(update.callback_query.data, "res"))
    body, buttons = _list(update, context, f)
    await update.callback_query.answer()
    await update.callback_query.edit_message_text(body, parse_mode="HTML",
                                                  reply_markup=keyboard(buttons))


@guarded(Action.MANAGE_RESOLUTIONS)
async def change_state(update: Update, context: Context) -> None:
    """«لغو» and «بازگشایی»."""
    runtime = runtime_of(context)
    data = decode(update.callback_query.data, "res")
    change = {"cancel": lifecycle.cancel, "reopen": lifecycle.reopen}[data.verb]
    with runtime.session() as session:
        resolution = change(session, resolution_id=data.int_arg(0),
                            actor=actor_of(update, context), note=None, now=runtime.clock.now())
    await update.callback_query.answer()
    key = "resolutions.cancelled" if data.verb == "cancel" else "resolutions.reopened"
    await reply_key(update, context, key, number=resolution.number)


@guarded(Action.MANAGE_RESOLUTIONS)
async def units_menu(update: Update, context: Context) -> None:
    """Reassign: every unit as a toggle (✓ = responsible); each press saves at once."""
    runtime, actor = runtime_of(context), actor_of(update, context)
    data = decode(update.callback_query.data, "res")
    rid = data.int_arg(0)
    with runtime.session() as session:
        resolution = resolutions_repo.get_resolution(session, resolution_id=rid)
        if resolution is None:
            raise NotFound()
        current = [u.id for u in resolutions_repo.units_of(session, resolution_id=rid)]
        if data.verb == "ut":
            toggled = data.int_arg(1)
            chosen = [u for u in current if u != toggled] if toggled in current \
                else [*current, toggled]
            manage.reassign(session, actor=actor, resolution_id=rid, unit_ids=chosen,
                            now=runtime.clock.now())
            current = chosen
        units = sorted(units_repo.list_units(session), key=lambda u: u.id)
    rows = [[(("✓ " if u.id in current else "") + u.name_fa, encode("res", "ut", rid, u.id))]
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
    runtime = runtime_of(context)
    with runtime.session() as session:
        if update.callback_query:
            resolution = resolutions_repo.get_resolution(
                session, resolution_id=decode(update.callback_query.data, "res").int_arg(0))
            if resolution is None:
                raise NotFound()
            context.user_data["res_line"] = ("edit", resolution.id)
            await update.callback_query.answer()
            await reply_key(update, context, "resolutions.edit.ask", number=resolution.number)
            return WAIT_LINE
        now = runtime.clock.now()
        council = sessions_repo.last_before(session, moment=now) or ensure_next_session(
            session, now=now, settings=runtime.settings)
    context.user_data["res_line"] = ("add", council.id)
    await reply_key(update, context, "resolutions.add.ask", session=council.number)
    return WAIT_LINE


@guarded(Action.MANAGE_RESOLUTIONS)
async def take_line(update: Update, context: Context) -> int:
    """Save the added or edited resolution (a malformed line is explained; try again)."""
    runtime, actor = runtime_of(context), actor_of(update, context)
    verb, target = context.user_data.get("res_line", ("", 0))
    line, now = update.effective_message.text, runtime.clock.now()
    with runtime.session() as session:
        if verb == "add":
            r = manage.add_single(session, actor=actor, session_id=target, line=line,
                                  settings=runtime.settings, now=now)
        else:
            r = manage.edit_single(session, actor=actor, resolution_id=target, line=line,
                                   settings=runtime.settings, now=now)
        council = sessions_repo.get_session(session, session_id=r.session_id)
        names = [u.name_fa for u in resolutions_repo.units_of(session, resolution_id=r.id)]
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
    with warnings.catch_warnings():  # per_message=False is meant: the line is a plain message
        warnings.simplefilter("ignore", PTBUserWarning)
        editing = ConversationHandler(
            entry_points=[CommandHandler("newresolution", ask_line),
                          CallbackQueryHandler(ask_line, pattern=r"^res:edit:")],
            states={WAIT_LINE: [MessageHandler(filters.TEXT & ~filters.COMMAND, take_line)]},
            fallbacks=[CommandHandler("cancel", leave)],
            allow_reentry=True,
        )
    return [
        editing,
        CommandHandler("resolutions", show),
        CallbackQueryHandler(filter_page, pattern=r"^res:ls:"),
        CallbackQueryHandler(change_state, pattern=r"^res:(cancel|reopen):"),
        CallbackQueryHandler(units_menu, pattern=r"^res:(units|ut):"),
    ]
