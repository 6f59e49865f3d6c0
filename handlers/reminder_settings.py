"""/settings: a member turns reminder kinds on and off with buttons."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CommandHandler

from handlers.common import Context, button_router, edit_or_reply, guarded, reply
from handlers.language import language_row
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import text
from mina_bot.errors import StaleButton
from mina_bot.permissions import Action
from mina_bot.reminders import preferences

FEATURE = "rs"
MARKS = {"on": "🔔", "off": "🔕", "mandatory": "🔒"}


def _keyboard(context: Context, member_id: int, lang: str) -> InlineKeyboardMarkup:
    """A switch per reminder kind, then the language switch."""
    runtime = context.runtime
    with runtime.session() as session:
        states = preferences.switches(session, member_id=member_id, settings=runtime.settings)
    return InlineKeyboardMarkup([
        *([InlineKeyboardButton(text("reminders.button", lang, mark=MARKS[state],
                                     kind=text(f"reminders.kind_{kind}", lang)),
                                callback_data=encode(FEATURE, "t", kind))]
          for kind, state in states),
        *([InlineKeyboardButton(caption, callback_data=data) for caption, data in row]
          for row in language_row()),
    ])


@guarded(Action.SETTINGS)
async def show(update: Update, context: Context) -> None:
    """The switches, one button per reminder kind."""
    actor = context.actor
    await reply(update, text("reminders.settings", actor.language),
                reply_markup=_keyboard(context, actor.member_id, actor.language))


async def toggle(update: Update, context: Context, data: ButtonData) -> None:
    """Flip one kind; the keyboard shows the new state."""
    actor = context.actor
    if len(data.args) != 1:
        raise StaleButton()
    runtime = context.runtime
    with runtime.session() as session:
        preferences.toggle(session, member_id=actor.member_id, kind=data.args[0],
                           settings=runtime.settings)
    await edit_or_reply(update, text("reminders.settings", actor.language),
                        reply_markup=_keyboard(context, actor.member_id, actor.language))


def build_handlers() -> list[BaseHandler]:
    """/settings and its buttons."""
    return [CommandHandler("settings", show),
            button_router(FEATURE, {"t": (Action.SETTINGS, toggle)})]
