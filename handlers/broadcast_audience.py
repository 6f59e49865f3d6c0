"""/broadcast's audience screen: everyone, the units a page at a time (narrowed by a few typed
letters), the roles; each press edits the screen in place."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from handlers.common import Context, edit_or_reply, flow, guarded, reply
from handlers.picking import MAX_QUERY, with_hint
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import label, name_in, text
from mina_bot.delivery import broadcast_screens, broadcasts
from mina_bot.delivery.audience import ROLES, Audience
from mina_bot.organisation.cards import units_to_pick
from mina_bot.pages import narrowed, picker
from mina_bot.permissions import Action

FEATURE = "bc"
AUDIENCE = 1  # the conversation step while the audience is shown: typed letters narrow it
SEARCH = "broadcast.search"  # the flow keeping what was typed, per broadcast
ON, OFF = "✅", "▫️"
TOGGLES = {"all": "everyone", "unit": "unit", "role": "role"}


def button(caption: str, verb: str, *args: object) -> InlineKeyboardButton:
    """An inline button of this feature."""
    return InlineKeyboardButton(caption, callback_data=encode(FEATURE, verb, *args))


def _mark(chosen: bool) -> str:
    return ON if chosen else OFF


def _query(update: Update, context: Context, broadcast_id: int) -> str | None:
    with context.runtime.session() as session:
        kept = flow(update, SEARCH).load(session) or {}
    return kept.get("query") if kept.get("broadcast") == broadcast_id else None


def audience_screen(update: Update, context: Context, broadcast_id: int, audience: Audience,
                    page: int = 0) -> tuple[str, InlineKeyboardMarkup]:
    """The question and its keyboard: everyone, a page of units, the roles, preview, discard."""
    lang, query = context.actor.language, _query(update, context, broadcast_id)
    with context.runtime.session() as session:
        units = narrowed(units_to_pick(session), query, lambda u: f"{u.name_fa} {u.name_en}")
    choices = [(label("broadcast.button_unit", lang, mark=_mark(u.id in audience.unit_ids),
                      name=name_in(u, lang)), encode(FEATURE, "unit", broadcast_id, u.id, page))
               for u in units]
    shown = picker(choices, page, (FEATURE, "units"), lang, broadcast_id)
    rows = [[button(text("broadcast.button_everyone", lang, mark=_mark(audience.everyone)),
                    "all", broadcast_id)]]
    rows += [[InlineKeyboardButton(caption, callback_data=data) for caption, data in row]
             for row in shown.rows]
    rows.append([button(text(f"broadcast.role_{r}", lang, mark=_mark(r in audience.roles)),
                        "role", broadcast_id, r) for r in ROLES])
    rows.append([button(text("broadcast.button_preview", lang), "prev", broadcast_id),
                 button(text("broadcast.button_drop", lang), "drop", broadcast_id)])
    return (with_hint(text("broadcast.audience", lang), shown, query, lang),
            InlineKeyboardMarkup(rows))


async def ask_audience(update: Update, context: Context, broadcast_id: int) -> int:
    """Show the audience screen anew (after the text, or after letters were typed)."""
    with context.runtime.session() as session:
        audience = broadcasts.draft_audience(session, actor=context.actor,
                                             broadcast_id=broadcast_id)
    html, markup = audience_screen(update, context, broadcast_id, audience)
    await reply(update, html, reply_markup=markup)
    return AUDIENCE


@guarded(Action.BROADCAST)
async def search(update: Update, context: Context) -> int:
    """Letters typed while the audience is shown: the units whose name holds them."""
    with context.runtime.session() as session:
        broadcast_id = broadcast_screens.current_draft(session, actor=context.actor)
        flow(update, SEARCH).save(session, {
            "broadcast": broadcast_id,
            "query": (update.effective_message.text or "").strip()[:MAX_QUERY]})
    return await ask_audience(update, context, broadcast_id)


async def toggle(update: Update, context: Context, data: ButtonData) -> int:
    """Everyone, a unit or a role switched on or off; the keyboard is redrawn on its page."""
    broadcast_id = data.int_arg(0)
    value = data.args[1] if len(data.args) > 1 else None
    page = data.int_arg(2) if data.verb == "unit" and len(data.args) > 2 else 0
    with context.runtime.session() as session:
        draft = broadcasts.change_audience(session, actor=context.actor,
                                           broadcast_id=broadcast_id, what=TOGGLES[data.verb],
                                           value=value)
        audience = Audience.from_json(draft.audience)
    _, markup = audience_screen(update, context, broadcast_id, audience, page)
    await update.callback_query.edit_message_reply_markup(markup)
    return AUDIENCE


async def turn_page(update: Update, context: Context, data: ButtonData) -> int:
    """«previous» / «next» under the units."""
    broadcast_id = data.int_arg(0)
    with context.runtime.session() as session:
        audience = broadcasts.draft_audience(session, actor=context.actor,
                                             broadcast_id=broadcast_id)
    html, markup = audience_screen(update, context, broadcast_id, audience, data.int_arg(1))
    await edit_or_reply(update, html, reply_markup=markup)
    return AUDIENCE
