"""Per-person command menus: each chat sees exactly the commands its person may use."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import BaseHandler, TypeHandler

from handlers.common import Context
from mina_bot.actors import Actor
from mina_bot.commands import commands_for, menu, needs_own_menu
from mina_bot.identity import load_actor
from mina_bot.platforms import platform_named

log = logging.getLogger(__name__)
PUBLISHED = "published_menus"  # chat ids whose menu this process has published
NO_MENUS = "no_command_menus"  # the messenger answered 404 to setMyCommands: never ask again


def menus_missing(bot_data: dict, exc: TelegramError) -> bool:
    """Whether `exc` says the messenger has no setMyCommands (404), remembering it if so."""
    if isinstance(exc, InvalidToken) and "not found" in str(exc).lower():
        bot_data[NO_MENUS] = True
    return bool(bot_data.get(NO_MENUS))


async def publish(context: Context, actor: Actor) -> bool:
    """Publish the actor's own command list in their private chat (where the platform has one);
    whether there is nothing left to do."""
    bot, bot_data = context.bot, context.bot_data
    if bot_data.get(NO_MENUS) or \
            not platform_named(context.runtime.settings.platform).supports_command_menu:
        return True
    commands = [BotCommand(n, d) for n, d in menu(commands_for(actor), actor.language)]
    try:
        await bot.set_my_commands(commands, scope=BotCommandScopeChat(actor.telegram_id))
    except TelegramError as exc:  # a blocked bot or a platform without chat scopes
        if menus_missing(bot_data, exc):
            log.warning("the messenger has no command menus (%s); not asking again", exc)
            return True
        log.warning("could not publish the menu of %s: %s", actor.telegram_id, exc)
        return False
    bot_data.setdefault(PUBLISHED, set()).add(actor.telegram_id)
    return True


async def republish(context: Context, telegram_id: int | None) -> None:
    """Publish a person's menu again after their rights changed (no-op if not bound)."""
    if not telegram_id:
        return
    runtime = context.runtime
    with runtime.session() as session:
        actor = load_actor(session, telegram_id=telegram_id, admin_ids=runtime.settings.admin_ids,
                           fallback_language=runtime.settings.language)
    await publish(context, actor)


async def publish_on_first_update(update: Update, context: Context) -> None:
    """The first update of a person after the bot starts publishes their own menu, once, if it
    differs from the default one, beside the answer (which does not wait for setMyCommands)."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or chat.type != "private":
        return
    published = context.bot_data.setdefault(PUBLISHED, set())
    if user.id in published:
        return
    published.add(user.id)  # now, so a second update meanwhile starts no second publish
    actor = context.actor
    if needs_own_menu(actor, user.language_code):
        context.application.create_task(_publish_once(context, actor), update=update)


async def _publish_once(context: Context, actor: Actor) -> None:
    if not await publish(context, actor):
        context.bot_data[PUBLISHED].discard(actor.telegram_id)  # try again at the next update


def build_gate() -> list[BaseHandler]:
    """Runs before every other group; never stops an update."""
    return [TypeHandler(Update, publish_on_first_update, block=True)]
