"""/language (and the switch in /settings and the welcome): Persian or English, per person."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from handlers.common import Context, button_router, edit_or_reply, guarded, reply
from handlers.menus import publish
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import LANGUAGES, text
from mina_bot.languages import choose_language
from mina_bot.pages import Buttons
from mina_bot.permissions import Action

FEATURE = "lang"


def language_row() -> Buttons:
    """One button per language, each named in its own language."""
    return [[(text("language.name", lang), encode(FEATURE, "set", lang)) for lang in LANGUAGES]]


@guarded(Action.SETTINGS)
async def show(update: Update, context: Context) -> None:
    """/language: the choice, in the person's current language."""
    lang = context.actor.language
    await reply(update, text("language.ask", lang, current=text("language.name", lang)),
                reply_markup=keyboard(language_row()))


async def choose(update: Update, context: Context, data: ButtonData) -> None:
    """A language was chosen: keep it, say so in it, and show the menu in it."""
    with context.runtime.session() as session:
        choose_language(session, actor=context.actor, language=data.args[0] if data.args else "")
    context.forget_actor()
    actor = context.actor
    await edit_or_reply(update, text("language.chosen", actor.language))
    await publish(context, actor)


def build_handlers() -> list[BaseHandler]:
    """/language and its buttons."""
    return [CommandHandler("language", show),
            button_router(FEATURE, {"set": (Action.SETTINGS, choose)})]
