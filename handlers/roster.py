"""The member card and its buttons: role, move, working groups, deactivate, administrator.

    member card ─ role ─> role choices ─> done      ─ move ─> unit choices ─> done
                ─ groups ─> seat toggles (resolution 5)  ─ deactivate ─> confirm ─> done
    unit card ─ new working group ─> NAME ─text─> created
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
    reply,
    reply_key,
    text_answer,
)
from handlers.menus import republish
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import Safe, label, name_in, safe_text, text
from mina_bot.errors import StaleButton
from mina_bot.organisation import cards
from mina_bot.organisation import roster as roster_service
from mina_bot.pages import picker
from mina_bot.permissions import Action, allowed

FEATURE = "ros"
GROUP_NAME = 0
FLOW = "new_group"


async def show_member(update: Update, context: Context, member_id: int) -> None:
    """A member's card: their seats, and what the caller may change."""
    actor = context.actor
    lang = actor.language
    with context.runtime.session() as session:
        card = cards.member_card(session, member_id=member_id)
    member, seats = card.member, card.seats
    lines = "\n".join(text("whoami.line", lang, role=text(f"role.{s.role.value}", lang),
                           unit=name_in(u, lang)) for s, u in seats) or text("whoami.none", lang)
    rows: list[list[tuple[str, str]]] = []
    if allowed(actor, Action.MANAGE_MEMBERS):
        for seat, unit in seats:
            rows.append([(label("button.role", lang, unit=name_in(unit, lang)),
                          encode(FEATURE, "role", seat.id)),
                         (label("button.move", lang, unit=name_in(unit, lang)),
                          encode(FEATURE, "move", seat.id))])
        rows.append([(text("button.groups", lang), encode(FEATURE, "groups", member.id)),
                     (text("button.deactivate", lang), encode(FEATURE, "deact", member.id))])
    if allowed(actor, Action.GRANT_ADMIN):
        key = "button.admin_revoke" if member.is_admin else "button.admin_grant"
        rows.append([(text(key, lang), encode(FEATURE, "admin", member.id))])
    bound = safe_text("member.bound" if member.telegram_id else "member.unbound", lang)
    await edit_or_reply(update, text("member.card", lang, name=member.name, lines=Safe(lines),
                                     bound=bound), reply_markup=keyboard(rows))


async def ask_role(update: Update, context: Context, data: ButtonData) -> None:
    """Offer the roles for one seat."""
    lang = context.actor.language
    with context.runtime.session() as session:
        seat, member, unit = roster_service.seat_of(session, membership_id=data.int_arg(0))
    rows = [[(text(f"role.{r.value}", lang), encode(FEATURE, "setrole", seat.id, r.value))]
            for r in cards.role_choices(seat.role)]
    await edit_or_reply(update, text("member.choose_role", lang, name=member.name,
                                     unit=name_in(unit, lang)), reply_markup=keyboard(rows))


async def set_role(update: Update, context: Context, data: ButtonData) -> None:
    """Change a seat's role."""
    role = cards.seat_role(data.args[1] if len(data.args) > 1 else None)
    if role is None:
        raise StaleButton()
    await _change(update, context, lambda session, actor, now: roster_service.change_role(
        session, actor=actor, membership_id=data.int_arg(0), role=role, now=now,
        configured=context.runtime.settings.admin_ids))


async def ask_unit(update: Update, context: Context, data: ButtonData) -> None:
    """Offer the units a seat can move to, a page at a time."""
    lang = context.actor.language
    with context.runtime.session() as session:
        seat, member, unit, targets = cards.move_choices(session,
                                                         membership_id=data.int_arg(0))
    shown = picker([(name_in(u, lang), encode(FEATURE, "moveto", seat.id, u.id))
                    for u in targets], data.int_arg(1) if len(data.args) > 1 else 0,
                   (FEATURE, "move"), lang, seat.id)
    await edit_or_reply(update, text("member.choose_unit", lang, name=member.name,
                                     unit=name_in(unit, lang)), reply_markup=keyboard(shown.rows))


async def move(update: Update, context: Context, data: ButtonData) -> None:
    """Move a seat to another unit."""
    await _change(update, context, lambda session, actor, now: roster_service.move_member(
        session, actor=actor, membership_id=data.int_arg(0), unit_id=data.int_arg(1), now=now,
        configured=context.runtime.settings.admin_ids))


async def ask_deactivate(update: Update, context: Context, data: ButtonData) -> None:
    """Ask before deactivating."""
    lang = context.actor.language
    with context.runtime.session() as session:
        member = roster_service.member_of(session, member_id=data.int_arg(0))
    rows = [[(text("button.confirm_deactivate", lang), encode(FEATURE, "deactok", member.id))]]
    await edit_or_reply(update, text("member.confirm_deactivate", lang, name=member.name),
                        reply_markup=keyboard(rows))


async def deactivate(update: Update, context: Context, data: ButtonData) -> None:
    """Deactivate: history kept, access gone at once, menu withdrawn."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        member = roster_service.deactivate(session, actor=actor, member_id=data.int_arg(0),
                                           now=runtime.clock.now(),
                                           configured=runtime.settings.admin_ids)
    await edit_or_reply(update, text("member.deactivated", actor.language, name=member.name))
    await republish(context, member.telegram_id)


async def toggle_admin(update: Update, context: Context, data: ButtonData) -> None:
    """Grant or withdraw the administrator right."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        member = roster_service.toggle_admin(session, actor=actor, member_id=data.int_arg(0),
                                             now=runtime.clock.now(),
                                             configured=runtime.settings.admin_ids)
    key = "member.admin_on" if member.is_admin else "member.admin_off"
    await reply(update, text(key, actor.language, name=member.name))
    await republish(context, member.telegram_id)


async def show_groups(update: Update, context: Context, data: ButtonData) -> None:
    """The working groups of the member's committees, each a seat toggle."""
    member_id, lang = data.int_arg(0), context.actor.language
    with context.runtime.session() as session:
        member, seats = cards.group_seats(session, member_id=member_id)
    rows = [[(text("button.seated" if s.seated else "button.not_seated", lang,
                   name=name_in(s.group, lang), count=s.count),
              encode(FEATURE, "seat", member.id, s.group.id))] for s in seats]
    await edit_or_reply(update, text("member.choose_group", lang, name=member.name),
                        reply_markup=keyboard(rows))


async def toggle_seat(update: Update, context: Context, data: ButtonData) -> None:
    """Seat or unseat a member in a working group (at most seven members)."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        roster_service.toggle_seat(session, actor=actor, member_id=data.int_arg(0),
                                   working_group_id=data.int_arg(1), now=runtime.clock.now())
    await show_groups(update, context, data)


async def _change(update: Update, context: Context, change) -> None:
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        member = change(session, actor, runtime.clock.now())
    await republish(context, member.telegram_id)
    await show_member(update, context, member.id)


async def new_group(update: Update, context: Context, data: ButtonData) -> int:
    """Button on a committee's card: ask the new working group's name."""
    with context.runtime.session() as session:
        unit = cards.unit_card(session, unit_id=data.int_arg(0)).unit
        flow(update, FLOW).save(session, {"unit_id": unit.id})
    lang = context.actor.language
    await reply_key(update, context, "group.ask_name", unit=name_in(unit, lang))
    return GROUP_NAME


@guarded(Action.MANAGE_MEMBERS)
async def group_name(update: Update, context: Context) -> int:
    """The new working group's name: create it (within resolution 5's limit)."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:  # a refused name keeps the draft: send another
        draft = flow(update, FLOW).load(session) or {}
        group = roster_service.create_group(session, actor=actor, unit_id=draft.get("unit_id", 0),
                                            name=update.effective_message.text,
                                            now=runtime.clock.now())
        unit = roster_service.unit_of(session, unit_id=group.unit_id)
        flow(update, FLOW).drop(session)
    await reply_key(update, context, "group.created", name=group.name_fa,
                    unit=name_in(unit, actor.language))
    return ConversationHandler.END


async def cancel(update: Update, context: Context) -> int:
    """Leave the new-group step."""
    with context.runtime.session() as session:
        flow(update, FLOW).drop(session)
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """The member-changing buttons and the new-working-group step."""
    conversation = chat_conversation(
        name=FLOW,
        entry_points=[button_router(FEATURE, {"newgroup": (Action.MANAGE_MEMBERS, new_group)})],
        states={GROUP_NAME: [text_answer(group_name)]},
        fallbacks=[CommandHandler("cancel", cancel)],
    )
    return [conversation, button_router(FEATURE, {
        "role": (Action.MANAGE_MEMBERS, ask_role),
        "setrole": (Action.MANAGE_MEMBERS, set_role),
        "move": (Action.MANAGE_MEMBERS, ask_unit),
        "moveto": (Action.MANAGE_MEMBERS, move),
        "deact": (Action.MANAGE_MEMBERS, ask_deactivate),
        "deactok": (Action.MANAGE_MEMBERS, deactivate),
        "admin": (Action.GRANT_ADMIN, toggle_admin),
        "groups": (Action.MANAGE_MEMBERS, show_groups),
        "seat": (Action.MANAGE_MEMBERS, toggle_seat),
    })]
