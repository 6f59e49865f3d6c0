"""/whoami, /units and /members: the organisation as people see it, with cards to manage it."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CommandHandler

from handlers import roster
from handlers.common import (
    Context,
    button_router,
    edit_or_reply,
    guarded,
    reply,
    reply_key,
)
from mina_bot.actors import Actor
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import Safe, join, label, name_in, text
from mina_bot.organisation import cards
from mina_bot.permissions import Action, allowed
from mina_bot.reports import approval

FEATURE = "org"
PAGE = 8


@guarded(Action.WHOAMI)
async def whoami(update: Update, context: Context) -> None:
    """My name, units and roles."""
    actor = context.actor
    await reply(update, text("whoami.text", actor.language, name=actor.name or str(
        actor.telegram_id), lines=Safe(role_lines(actor))))


def role_lines(actor: Actor) -> str:
    """One line per role the actor holds, administrator and secretariat first."""
    lang = actor.language
    lines = [text("whoami.admin", lang)] if actor.is_admin else []
    if actor.is_secretariat:
        lines.append(text("whoami.secretariat", lang))
    lines += seat_lines(actor, lang)
    return "\n".join(lines or [text("whoami.none", lang)])


def seat_lines(actor: Actor, lang: str) -> list[str]:
    """A line per seat: the role and the unit, in the reader's language."""
    return [text("whoami.line", lang, role=text(f"role.{m.role.value}", lang),
                 unit=m.unit_name_in(lang)) for m in actor.memberships]


@guarded(Action.VIEW_ORGANISATION)
async def units(update: Update, context: Context) -> None:
    """Every unit, each a button that opens its card."""
    await _show_units(update, context, 0)


@guarded(Action.VIEW_ORGANISATION)
async def members(update: Update, context: Context) -> None:
    """`/members [unit]`: one unit's card, or the list of units to choose from."""
    if not context.args:
        await _show_units(update, context, 0)
        return
    query = " ".join(context.args)
    with context.runtime.session() as session:
        unit = cards.find_unit(session, query=query)
    if unit is None:
        await reply_key(update, context, "units.unknown", query=query)
        return
    await _show_unit(update, context, unit.id, 0)


async def open_units(update: Update, context: Context, data: ButtonData) -> None:
    """A page of the units list."""
    await _show_units(update, context, data.int_arg(0))


async def open_unit(update: Update, context: Context, data: ButtonData) -> None:
    """One unit's card."""
    await _show_unit(update, context, data.int_arg(0), data.int_arg(1))


async def open_member(update: Update, context: Context, data: ButtonData) -> None:
    """One member's card."""
    await roster.show_member(update, context, data.int_arg(0))


async def switch_approval(update: Update, context: Context, data: ButtonData) -> None:
    """The unit's «head approves its report first», turned on or off; the card again."""
    runtime = context.runtime
    with runtime.session() as session:
        unit = approval.switch_required(session, unit_id=data.int_arg(0), actor=context.actor,
                                        now=runtime.clock.now())
    await _show_unit(update, context, unit.id, 0)


async def _show_units(update: Update, context: Context, page: int) -> None:
    lang = context.actor.language
    with context.runtime.session() as session:
        overview = cards.unit_overview(session)
    rows = [[InlineKeyboardButton(label("units.button", lang, name=name_in(u, lang), count=count),
                                  callback_data=encode(FEATURE, "unit", u.id, 0))]
            for u, count in overview[page * PAGE:(page + 1) * PAGE]]
    rows += pager(lang, page, len(overview), lambda p: encode(FEATURE, "units", p))
    await edit_or_reply(update, text("units.header", lang), reply_markup=InlineKeyboardMarkup(rows))


async def _show_unit(update: Update, context: Context, unit_id: int, page: int) -> None:
    actor = context.actor
    lang = actor.language
    with context.runtime.session() as session:
        card = cards.unit_card(session, unit_id=unit_id)
    groups = ("" if not card.groups else text("unit.groups", lang, groups=join(
        (text("unit.group", lang, name=name_in(g, lang), count=n) for g, n in card.groups),
        lang)))
    rows = [[InlineKeyboardButton(
        label("unit.member_button", lang, name=m.name, role=text(f"role.{s.role.value}", lang)),
        callback_data=encode(FEATURE, "mem", m.id))]
        for s, m in card.roster[page * PAGE:(page + 1) * PAGE]]
    rows += pager(lang, page, len(card.roster), lambda p: encode(FEATURE, "unit", unit_id, p))
    if allowed(actor, Action.MANAGE_MEMBERS) and card.unit.kind == "committee":
        rows.append([InlineKeyboardButton(text("button.new_group", lang),
                                          callback_data=encode("ros", "newgroup", unit_id))])
    if allowed(actor, Action.MANAGE_REPORTS):
        state = "on" if card.unit.report_approval else "off"
        rows.append([InlineKeyboardButton(text(f"unit.report_approval.{state}", lang),
                                          callback_data=encode(FEATURE, "appr", unit_id))])
    rows.append([InlineKeyboardButton(text("button.back_units", lang),
                                      callback_data=encode(FEATURE, "units", 0))])
    body = text("unit.card", lang, name=name_in(card.unit, lang), key=card.unit.key,
                count=card.member_count, groups=groups)
    await edit_or_reply(update, body, reply_markup=InlineKeyboardMarkup(rows))


def pager(lang: str, page: int, total: int, data) -> list[list[InlineKeyboardButton]]:
    """Previous/next buttons when a list is longer than a page."""
    row = []
    if page > 0:
        row.append(InlineKeyboardButton(text("button.previous", lang),
                                        callback_data=data(page - 1)))
    if (page + 1) * PAGE < total:
        row.append(InlineKeyboardButton(text("button.next", lang), callback_data=data(page + 1)))
    return [row] if row else []


def build_handlers() -> list[BaseHandler]:
    """The organisation's commands and buttons (changes live in handlers.roster)."""
    return [
        CommandHandler("whoami", whoami),
        CommandHandler("units", units),
        CommandHandler("members", members),
        button_router(FEATURE, {
            "units": (Action.VIEW_ORGANISATION, open_units),
            "unit": (Action.VIEW_ORGANISATION, open_unit),
            "mem": (Action.VIEW_ORGANISATION, open_member),
            "appr": (Action.MANAGE_REPORTS, switch_approval),
        }),
        *roster.build_handlers(),
    ]
