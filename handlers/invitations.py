"""/invite (name → unit → role → link), /invites with revoke buttons, and `/start CODE`.

    /invite [name] ──(no name)──> NAME ──text──> UNIT: unit buttons, a page at a time
    UNIT ──typed letters──> the units narrowed ──button──> role buttons ──> link + code
The draft (name, then what was typed) is kept in the database, so a restart loses nothing.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
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
from handlers.language import language_row
from handlers.menus import publish
from handlers.organisation import seat_lines
from handlers.picking import MAX_QUERY, with_hint
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import Safe, label, name_in, text
from mina_bot.commands import help_text
from mina_bot.errors import NotFound
from mina_bot.jalali import format_datetime
from mina_bot.operator_log import add_secret
from mina_bot.organisation import cards, invitations
from mina_bot.organisation.errors import OrganisationRefused
from mina_bot.organisation.limits import check_name
from mina_bot.organisation.roster import unit_of
from mina_bot.pages import narrowed, page_count, page_nav, picker
from mina_bot.permissions import Action
from mina_bot.platforms import platform_named

FEATURE = "inv"
NAME, UNIT = range(2)
FLOW = "invite"


@guarded(Action.INVITE)
async def invite(update: Update, context: Context) -> int:
    """Start an invitation; the name may come with the command."""
    if context.args:
        await _ask_unit(update, context, " ".join(context.args))
        return UNIT
    await reply_key(update, context, "invite.ask_name")
    return NAME


@guarded(Action.INVITE)
async def invite_name(update: Update, context: Context) -> int:
    """The invited person's name."""
    await _ask_unit(update, context, update.effective_message.text)
    return UNIT


async def _ask_unit(update: Update, context: Context, name: str) -> None:
    name = name.strip()
    if not name:
        raise OrganisationRefused("invite.name.empty")
    check_name(name)
    with context.runtime.session() as session:
        flow(update, FLOW).save(session, {"name": name})
    html, markup = _unit_page(context, {"name": name}, 0)
    await reply(update, html, reply_markup=markup)


def _unit_page(context: Context, draft: dict, page: int) -> tuple[str, InlineKeyboardMarkup]:
    """The question and one page of unit buttons, narrowed by the letters typed so far."""
    lang, query = context.actor.language, draft.get("query")
    with context.runtime.session() as session:
        units = narrowed(cards.units_to_pick(session), query, lambda u: f"{u.name_fa} {u.name_en}")
    shown = picker([(name_in(u, lang), encode(FEATURE, "unit", u.id)) for u in units], page,
                   (FEATURE, "units"), lang)
    question = text("invite.ask_unit", lang, name=draft["name"])
    return with_hint(question, shown, query, lang), keyboard(shown.rows)


@guarded(Action.INVITE)
async def search_unit(update: Update, context: Context) -> int:
    """A few letters typed while the units are shown: the units whose name holds them."""
    with context.runtime.session() as session:
        draft = flow(update, FLOW).load(session)
        if draft is None:
            raise OrganisationRefused("invite.no_draft")
        draft["query"] = (update.effective_message.text or "").strip()[:MAX_QUERY]
        flow(update, FLOW).save(session, draft)
    html, markup = _unit_page(context, draft, 0)
    await reply(update, html, reply_markup=markup)
    return UNIT


async def turn_unit_page(update: Update, context: Context, data: ButtonData) -> int:
    """«previous» / «next» under the units."""
    with context.runtime.session() as session:
        draft = flow(update, FLOW).load(session)
    if draft is None:
        raise OrganisationRefused("invite.no_draft")
    html, markup = _unit_page(context, draft, data.int_arg(0))
    await edit_or_reply(update, html, reply_markup=markup)
    return UNIT


async def cancel(update: Update, context: Context) -> int:
    """Leave the invitation and forget its draft."""
    with context.runtime.session() as session:
        flow(update, FLOW).drop(session)
    await reply_key(update, context, "cancel.done")
    return ConversationHandler.END


async def choose_unit(update: Update, context: Context, data: ButtonData) -> int:
    """The unit was chosen: ask for the role (typed text is no longer a search)."""
    unit_id, lang = data.int_arg(0), context.actor.language
    with context.runtime.session() as session:
        draft = flow(update, FLOW).load(session)
        if draft is None:
            raise OrganisationRefused("invite.no_draft")
        unit = unit_of(session, unit_id=unit_id)
    rows = [[InlineKeyboardButton(text(f"role.{r.value}", lang),
                                  callback_data=encode(FEATURE, "role", unit.id, r.value))]
            for r in cards.role_choices()]
    await edit_or_reply(update, text("invite.ask_role", lang, name=draft["name"],
                                     unit=name_in(unit, lang)),
                        reply_markup=InlineKeyboardMarkup(rows))
    return ConversationHandler.END


async def choose_role(update: Update, context: Context, data: ButtonData) -> None:
    """The role was chosen: issue the invitation and show its link and code."""
    unit_id, actor = data.int_arg(0), context.actor
    role = cards.seat_role(data.args[1] if len(data.args) > 1 else None)
    if role is None:
        raise NotFound()
    runtime = context.runtime
    now, settings = runtime.clock.now(), runtime.settings
    with runtime.session() as session:
        draft = flow(update, FLOW).load(session)
        if draft is None:
            raise OrganisationRefused("invite.no_draft")
        issued = invitations.issue(session, actor=actor, name=draft["name"], unit_id=unit_id,
                                   role=role, now=now, ttl=timedelta(days=settings.invite_ttl_days))
        flow(update, FLOW).drop(session)
    add_secret(issued.code)  # shown once, to its creator: never in a log line
    link = invitations.invite_link(settings.platform, context.bot.username, issued.code)
    await edit_or_reply(update, text(
        "invite.created", actor.language, name=draft["name"], role=text(f"role.{role.value}",
                                                                        actor.language),
        unit=issued.unit_name, link=link, code=issued.code,
        expires=format_datetime(issued.expires_at, runtime.tz, actor.language)))


@guarded(Action.INVITE)
async def list_pending(update: Update, context: Context) -> None:
    """/invites: the first page of pending invitations, each with a revoke button."""
    await _pending_page(update, context, 0)


async def turn_pending_page(update: Update, context: Context, data: ButtonData) -> None:
    """Another page of pending invitations."""
    await _pending_page(update, context, data.int_arg(0))


async def _pending_page(update: Update, context: Context, page: int) -> None:
    runtime, lang = context.runtime, context.actor.language
    with runtime.session() as session:
        total, page, shown = invitations.pending(session, now=runtime.clock.now(), page=page)
    if not total:
        await reply_key(update, context, "invite.pending_none")
        return
    lines, rows = [text("invite.pending_header", lang)], []
    for invitation, member, unit in shown:
        role = text(f"role.{invitation.role.value}", lang) if invitation.role else ""
        lines.append(text("invite.pending_line", lang, name=member.name, role=role,
                          unit=name_in(unit, lang) if unit else "",
                          expires=format_datetime(invitation.expires_at, runtime.tz, lang)))
        rows.append([(label("button.revoke", lang, name=member.name),
                      encode(FEATURE, "revoke", invitation.id))])
    pages = page_count(total, invitations.PENDING_PAGE)
    if pages > 1:
        lines.append(text("list.page", lang, page=page + 1, pages=pages, count=total))
    await edit_or_reply(update, "\n".join(lines),
                        reply_markup=keyboard(rows + page_nav((FEATURE, "pend"), page, pages,
                                                              lang)))


async def revoke(update: Update, context: Context, data: ButtonData) -> None:
    """Revoke one pending invitation."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        member = invitations.revoke(session, actor=actor, invitation_id=data.int_arg(0),
                                    now=runtime.clock.now())
    await reply(update, text("invite.revoked", actor.language, name=member.name))


async def send_again(update: Update, context: Context, data: ButtonData) -> None:
    """The bot's link for a member who has not pressed Start yet, to forward to them."""
    runtime, lang = context.runtime, context.actor.language
    with runtime.session() as session:
        name = invitations.start_link_for(session, member_id=data.int_arg(0))
    link = platform_named(runtime.settings.platform).deep_link(context.bot.username)
    await reply(update, text("delivery.link", lang, name=name, link=link))


async def redeem(update: Update, context: Context) -> None:
    """`/start CODE`: bind this account to the invited member and greet them."""
    runtime, user = context.runtime, update.effective_user
    settings = runtime.settings
    throttle = invitations.Throttle(settings.auth_max_failures,
                                    timedelta(minutes=settings.auth_window_minutes),
                                    timedelta(minutes=settings.auth_cooldown_minutes))
    with runtime.session() as session:
        outcome = invitations.redeem(session, telegram_id=user.id, code=context.args[0],
                                     now=runtime.clock.now(), throttle=throttle)
    lang = context.actor.language
    if outcome.member is None:
        params = {k: format_datetime(v, runtime.tz, lang) for k, v in outcome.params.items()}
        await reply(update, text(outcome.refusal, lang, **params))
        return
    context.forget_actor()
    actor = context.actor
    lines = "\n".join(seat_lines(actor, actor.language))
    await reply(update, text("invite.welcome", actor.language, name=actor.name, lines=Safe(lines),
                             help=Safe(help_text(actor, actor.language))),
                reply_markup=keyboard(language_row()))  # the language, offered at once
    await publish(context, actor)


def build_handlers() -> list[BaseHandler]:
    """The invitation conversation, its buttons and `/start CODE`."""
    buttons = button_router(FEATURE, {
        "unit": (Action.INVITE, choose_unit),
        "units": (Action.INVITE, turn_unit_page),
        "role": (Action.INVITE, choose_role),
        "revoke": (Action.INVITE, revoke),
        "pend": (Action.INVITE, turn_pending_page),
        "again": (Action.INVITE, send_again),
    })
    conversation = chat_conversation(  # the same buttons end or keep the UNIT step
        name=FLOW,
        entry_points=[CommandHandler("invite", invite)],
        states={NAME: [text_answer(invite_name)], UNIT: [text_answer(search_unit), buttons]},
        fallbacks=[CommandHandler("cancel", cancel), buttons],
    )
    return [CommandHandler("start", redeem, has_args=True), conversation,
            CommandHandler("invites", list_pending), buttons]
