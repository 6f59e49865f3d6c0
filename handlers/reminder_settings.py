"""/settings: a member turns the reminder kinds that reach them on and off, chooses one message
a day instead of separate moments, and narrows their sending hours, with buttons."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CommandHandler

from handlers.common import Context, button_router, edit_or_reply, guarded, reply
from handlers.language import language_row
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import text
from mina_bot.errors import StaleButton
from mina_bot.jalali import format_time
from mina_bot.permissions import Action
from mina_bot.reminders import preferences

FEATURE = "rs"
MARKS = {"on": "🔔", "off": "🔕", "mandatory": "🔒"}


def _screen(context: Context) -> tuple[str, InlineKeyboardMarkup]:
    """The text and the buttons: a switch per kind that reaches this person, the daily digest,
    the hours (when the organisation's can be narrowed), then the language switch."""
    runtime, actor = context.runtime, context.actor
    lang, settings = actor.language, runtime.settings
    with runtime.session() as session:
        states, digest, start, end = preferences.overview(
            session, member_id=actor.member_id, settings=settings,
            kinds=preferences.concerning(actor))
    rows = [[(text("reminders.button", lang, mark=MARKS[state],
                   kind=text(f"reminders.kind_{kind}", lang)), encode(FEATURE, "t", kind))]
            for kind, state in states]
    rows.append([(text("reminders.button.digest_on" if digest else "reminders.button.digest_off",
                       lang, time=format_time(settings.digest_time, lang)),
                  encode(FEATURE, "dg"))])
    body = text("reminders.settings", lang)
    if preferences.narrowable(settings):
        rows.append([(text(f"reminders.button.{edge}", lang, time=format_time(t, lang)),
                      encode(FEATURE, "h", edge)) for edge, t in (("from", start),
                                                                   ("until", end))])
        body += text("reminders.hours", lang, start=format_time(start, lang),
                     end=format_time(end, lang),
                     org_start=format_time(settings.reminder_quiet_end, lang),
                     org_end=format_time(settings.reminder_quiet_start, lang))
    buttons = [[InlineKeyboardButton(caption, callback_data=data) for caption, data in row]
               for row in [*rows, *language_row()]]
    return body, InlineKeyboardMarkup(buttons)


@guarded(Action.SETTINGS)
async def show(update: Update, context: Context) -> None:
    """The switches."""
    body, markup = _screen(context)
    await reply(update, body, reply_markup=markup)


async def change(update: Update, context: Context, data: ButtonData) -> None:
    """Flip a kind (t), the daily digest (dg), or shift an edge of the hours (h); the screen
    shows the new state."""
    runtime, actor = context.runtime, context.actor
    if len(data.args) != (0 if data.verb == "dg" else 1):
        raise StaleButton()
    with runtime.session() as session:
        if data.verb == "t":
            preferences.toggle(session, member_id=actor.member_id, kind=data.args[0],
                               settings=runtime.settings, kinds=preferences.concerning(actor))
        elif data.verb == "dg":
            preferences.toggle_digest(session, member_id=actor.member_id)
        else:
            preferences.shift(session, member_id=actor.member_id, edge=data.args[0],
                              settings=runtime.settings)
    body, markup = _screen(context)
    await edit_or_reply(update, body, reply_markup=markup)


def build_handlers() -> list[BaseHandler]:
    """/settings and its buttons."""
    return [CommandHandler("settings", show),
            button_router(FEATURE, {verb: (Action.SETTINGS, change) for verb in ("t", "dg", "h")})]
