"""Groups and channels: in them the bot answers only commands addressed to it, never with
private data, and ignores free text; `/link` asks to serve a unit or the council, and the
secretariat confirms it in private with /links."""

from __future__ import annotations

import re

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ApplicationHandlerStop, BaseHandler, CommandHandler, TypeHandler

from handlers.common import Context, button_router, edit_or_reply, guarded, reply
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import label, name_in, text
from mina_bot.delivery import linked_chats
from mina_bot.organisation.cards import units_to_pick
from mina_bot.pages import picker
from mina_bot.permissions import Action, allowed
from mina_bot.resolutions import owe as owe_service

FEATURE = "lnk"
LINKS_PAGE = 20  # linked chats on a page of /links
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,32}))?(?:\s|$)")


def addressed_command(message_text: str | None, bot_username: str, *, channel: bool) -> str | None:
    """The command a group message addresses to this bot (`/cmd@bot`; in a channel, where only
    its admins write, `/cmd` too), or None: free text, or a command for another bot."""
    match = _COMMAND.match(message_text or "")
    if match is None:
        return None
    to = match.group(2)
    if to is None:
        return match.group(1).lower() if channel else None
    return match.group(1).lower() if to.lower() == bot_username.lower() else None


async def in_groups(update: Update, context: Context) -> None:
    """Every update from a group or channel ends here; only /link and /owe do something."""
    chat = update.effective_chat
    if chat is None or chat.type == "private":
        return
    if update.callback_query:
        await update.callback_query.answer()
    message = update.effective_message
    command = addressed_command(message.text if message else None, context.bot.username,
                                channel=chat.type == "channel")
    if command == "link":
        with context.runtime.session() as session:
            link = linked_chats.request_link(
                session, chat_id=chat.id, title=chat.title, chat_type=chat.type,
                requested_by=update.effective_user.id if update.effective_user else None)
        await chat.send_message(text("link.requested", context.runtime.settings.language,
                                     title=link.title))
    elif command is not None and update.effective_user is not None:
        await _answer_privately(update, context, command)
    raise ApplicationHandlerStop  # nothing else runs for a group: no private data there


async def _answer_privately(update: Update, context: Context, command: str) -> None:
    """/owe goes to the member's private chat with a note here; anything else: a note."""
    actor, user = context.actor, update.effective_user
    lang = actor.language
    key = "group.private_only"
    if command == "owe" and allowed(actor, Action.VIEW_OWN_DUTIES):
        body, buttons = owe_service.owe_page(context.runtime, actor, 0)
        try:
            await context.bot.send_message(user.id, body, reply_markup=keyboard(buttons))
            key = "group.answered_in_private"
        except Forbidden:  # never started the bot, or blocked it
            key = "group.start_private_first"
    await update.effective_chat.send_message(text(key, lang, name=user.first_name))


@guarded(Action.BROADCAST)
async def show_links(update: Update, context: Context) -> None:
    """/links (in private): every linked chat and a button to settle each, a page at a time."""
    await _links_page(update, context, 0)


async def turn_links_page(update: Update, context: Context, data: ButtonData) -> None:
    """Another page of /links."""
    await _links_page(update, context, data.int_arg(0))


async def _links_page(update: Update, context: Context, page: int) -> None:
    lang = context.actor.language
    with context.runtime.session() as session:
        links = linked_chats.listing(session, actor=context.actor)
        names = {u.id: name_in(u, lang) for u in units_to_pick(session)}
    if not links:
        await reply(update, text("links.none", lang))
        return
    shown = picker([(label("links.button.open", lang, title=link.title),
                     encode(FEATURE, "open", link.id)) for link in links], page,
                   (FEATURE, "list"), lang, per_row=1, size=LINKS_PAGE)
    lines = [text("links.header", lang)]
    for link in links[shown.page * LINKS_PAGE:(shown.page + 1) * LINKS_PAGE]:
        state = "pending" if not link.confirmed else "council" if link.council else "unit"
        lines.append(text(f"links.line.{state}", lang, title=link.title,
                          unit=names.get(link.unit_id or 0, "")))
    if shown.pages > 1:
        lines.append(text("list.page", lang, page=shown.page + 1, pages=shown.pages,
                          count=len(links)))
    await edit_or_reply(update, "\n".join(lines), reply_markup=keyboard(shown.rows))


async def open_link(update: Update, context: Context, data: ButtonData) -> None:
    """One link: the council, a page of units, or unlink."""
    lang, link_id = context.actor.language, data.int_arg(0)
    page = data.int_arg(1) if len(data.args) > 1 else 0
    with context.runtime.session() as session:
        link = linked_chats.one(session, actor=context.actor, link_id=link_id)
        shown = picker([(name_in(u, lang), encode(FEATURE, "unit", link_id, u.id))
                        for u in units_to_pick(session)], page, (FEATURE, "open"), lang, link_id)
    rows = [[(text("links.button.council", lang), encode(FEATURE, "council", link_id))],
            *shown.rows, [(text("links.button.drop", lang), encode(FEATURE, "drop", link_id))]]
    await edit_or_reply(update, text("links.ask", lang, title=link.title),
                        reply_markup=keyboard(rows))


async def settle(update: Update, context: Context, data: ButtonData) -> None:
    """The council's, a unit's, or unlinked."""
    lang, link_id = context.actor.language, data.int_arg(0)
    with context.runtime.session() as session:
        if data.verb == "drop":
            title = linked_chats.unlink(session, actor=context.actor, link_id=link_id)
            message = text("links.dropped", lang, title=title)
        else:
            unit_id = data.int_arg(1) if data.verb == "unit" else None
            link = linked_chats.confirm(session, actor=context.actor, link_id=link_id,
                                        unit_id=unit_id)
            names = {u.id: name_in(u, lang) for u in units_to_pick(session)}
            message = text("links.confirmed.council" if link.council else "links.confirmed.unit",
                           lang, title=link.title, unit=names.get(link.unit_id or 0, ""))
    await edit_or_reply(update, message)


def build_gate() -> list[BaseHandler]:
    """The group that runs before every other: groups and channels stop here."""
    return [TypeHandler(Update, in_groups)]


def build_handlers() -> list[BaseHandler]:
    """/links and its buttons (private chats only: groups never get past the gate)."""
    return [CommandHandler("links", show_links),
            button_router(FEATURE, {verb: (Action.BROADCAST, callback) for verb, callback in
                                    (("open", open_link), ("council", settle),
                                     ("unit", settle), ("drop", settle),
                                     ("list", turn_links_page))})]
