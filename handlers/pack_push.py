"""The session pack pushed the evening before (a job), «خواندم» pressed, who has read it, and
the session-day nudge to those who have not."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import Application, BaseHandler

from handlers import pack_files
from handlers.common import Context, button_router, edit_or_reply, reply
from messenger.context import runtime_of
from messenger.sender import core_errors
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import label, text
from mina_bot.delivery import pack_push
from mina_bot.delivery.errors import Unreachable
from mina_bot.permissions import Action

log = logging.getLogger(__name__)
INTERVAL = 60  # seconds between two looks; the push and the nudge are each sent once


async def _tick(context: Context) -> None:
    """Push a due pack; nudge the unread on the session's day."""
    runtime = runtime_of(context.application)
    now = runtime.clock.now()
    with runtime.session() as session:
        council = pack_push.due_push(session, now=now, settings=runtime.settings)
        keepers = pack_push.keepers(session)
    if council and keepers:
        dto = await context.workers.run("mina_bot.reports.pack:gathered", runtime.settings,
                                        council_id=council.id, now=now,
                                        lang=str(keepers[0].language))
        await _push(context, council, keepers, dto)
    with runtime.session() as session:
        due = pack_push.due_nudge(session, now=now, settings=runtime.settings)
    if due is not None:
        await context.workers.run("mina_bot.delivery.pack_push:nudge_in_worker",
                                  runtime.settings, council_id=due.id, now=now)


async def _push(context: Context, council, keepers, dto) -> None:
    """The PDF goes to a secretariat member first (Telegram then keeps it for the outbox to
    send by its id), with the readers' button; then to every member. A keeper whose chat
    refuses it is marked unreachable and the next one tried; with none left, the next look
    renders nothing until one of them writes to the bot again."""
    runtime = runtime_of(context.application)
    dto = await pack_files.attach(context, dto)
    data = await context.workers.run("mina_bot.export.attached:render_book", dto)
    for keeper in keepers:
        lang = str(keeper.language)
        try:
            with core_errors():
                sent = await context.bot.send_document(
                    keeper.telegram_id, InputFile(data, filename=f"{dto.file_stem}.pdf"),
                    caption=text("pack.push.copy", lang, number=council.number),
                    reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(
                        label("pack.button.who", lang), callback_data=encode(
                            pack_push.FEATURE, "who", council.id))]]))
        except Unreachable as exc:
            log.warning("session %s pack: chat %s unreachable (%s)", council.number,
                        keeper.telegram_id, exc)
            with runtime.session() as session:
                pack_push.keeper_unreachable(session, keeper=keeper, error=str(exc),
                                             now=runtime.clock.now())
            continue
        count = await context.workers.run(
            "mina_bot.delivery.pack_push:push_in_worker", runtime.settings,
            council_id=council.id, file_id=sent.document.file_id, now=runtime.clock.now())
        log.info("session %s pack pushed to %d members", council.number, count)
        return
    log.warning("session %s pack not pushed: no secretariat member's chat takes it; tried "
                "again once one of them writes to the bot", council.number)


async def _read(update: Update, context: Context, data: ButtonData) -> None:
    """«خواندم»."""
    runtime = context.runtime
    with runtime.session() as session:
        pack_push.read(session, session_id=data.int_arg(0), actor=context.actor,
                       now=runtime.clock.now())
    await edit_or_reply(update, text("pack.read.thanks", context.actor.language))


async def _who(update: Update, context: Context, data: ButtonData) -> None:
    """Who has read the pack."""
    runtime, lang = context.runtime, context.actor.language
    with runtime.session() as session:
        message = pack_push.readers(session, session_id=data.int_arg(0), tz=runtime.tz,
                                    lang=lang)
    await reply(update, message)


def build_handlers() -> list[BaseHandler]:
    """The two buttons."""
    return [button_router(pack_push.FEATURE, {"read": (Action.VIEW_SESSION, _read),
                                              "who": (Action.EXPORT, _who)})]


def install(application: Application) -> None:
    """Look every minute whether a pack is due or a nudge."""
    application.job_queue.run_repeating(_tick, INTERVAL, first=5, name="pack.push",
                                        job_kwargs={"misfire_grace_time": None})
