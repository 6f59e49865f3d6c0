"""The /broadcast buttons (audience, preview, send, stop) and the live progress message."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import ConversationHandler

from handlers.broadcast_audience import (
    AUDIENCE,
    FEATURE,
    TOGGLES,
    audience_screen,
    button,
    toggle,
    turn_page,
)
from handlers.common import Alert, ButtonCallback, Context, edit_or_reply
from handlers.delivery import dispatcher_of, wake
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import Safe, text
from mina_bot.delivery import broadcast_screens, broadcasts
from mina_bot.delivery.audience import Audience
from mina_bot.permissions import Action


def routes() -> dict[str, tuple[Action, ButtonCallback]]:
    """Every /broadcast verb for the button router; a press ends the composing step, and the
    audience's own presses keep the step where typed letters narrow the units."""

    def by_id(screen):
        async def press(update: Update, context: Context, data: ButtonData):
            result = await screen(update, context, data.int_arg(0))
            return result if result is not None else ConversationHandler.END
        return press

    screens = {"agenda": _agenda, "drop": _drop, "prev": _preview, "back": _back,
               "send": _send, "stop": _stop}
    verbs: dict[str, ButtonCallback] = {verb: toggle for verb in TOGGLES}
    verbs["units"] = turn_page
    verbs.update({verb: by_id(screen) for verb, screen in screens.items()})
    return {verb: (Action.BROADCAST, callback) for verb, callback in verbs.items()}


async def _edit(update: Update, html: str, markup: InlineKeyboardMarkup | None = None) -> None:
    await edit_or_reply(update, html, reply_markup=markup)


async def _agenda(update: Update, context: Context, broadcast_id: int) -> int:
    actor = context.actor
    with context.runtime.session() as session:
        broadcasts.choose_agenda(session, actor=actor, broadcast_id=broadcast_id)
    await _edit(update, *audience_screen(update, context, broadcast_id, Audience()))
    return AUDIENCE


async def _back(update: Update, context: Context, broadcast_id: int) -> int:
    actor = context.actor
    with context.runtime.session() as session:
        audience = broadcasts.draft_audience(session, actor=actor, broadcast_id=broadcast_id)
    await _edit(update, *audience_screen(update, context, broadcast_id, audience))
    return AUDIENCE


async def _drop(update: Update, context: Context, broadcast_id: int) -> None:
    actor = context.actor
    with context.runtime.session() as session:
        broadcasts.cancel(session, actor=actor, broadcast_id=broadcast_id)
    await _edit(update, text("broadcast.dropped", actor.language))


async def _preview(update: Update, context: Context, broadcast_id: int) -> None:
    actor, runtime = context.actor, context.runtime
    with runtime.session() as session:
        count, body = broadcast_screens.preview(session, actor=actor, broadcast_id=broadcast_id,
                                                settings=runtime.settings,
                                                now=runtime.clock.now())
    lang = actor.language
    await _edit(update, text("broadcast.preview", lang, count=count, body=Safe(body)),
                InlineKeyboardMarkup([[button(text("broadcast.button_send", lang), "send",
                                              broadcast_id),
                                       button(text("broadcast.button_back", lang), "back",
                                              broadcast_id),
                                       button(text("broadcast.button_drop", lang), "drop",
                                              broadcast_id)]]))


async def _send(update: Update, context: Context, broadcast_id: int) -> None:
    actor, runtime = context.actor, context.runtime
    chat_id = update.effective_chat.id
    html = await context.workers.run("mina_bot.delivery.launching:launched", runtime.settings,
                                     actor=actor, broadcast_id=broadcast_id,
                                     now=runtime.clock.now(), progress_chat_id=chat_id)
    await update.callback_query.edit_message_reply_markup(None)
    message = await update.effective_chat.send_message(
        html, parse_mode=ParseMode.HTML,
        reply_markup=_stop_keyboard(broadcast_id, actor.language))
    with runtime.session() as session:
        broadcasts.set_progress_message(session, broadcast_id=broadcast_id,
                                        message_id=message.message_id)
    wake(context)
    watch(context, broadcast_id)


async def _stop(update: Update, context: Context, broadcast_id: int) -> Alert:
    actor = context.actor
    with context.runtime.session() as session:
        held = broadcasts.cancel(session, actor=actor, broadcast_id=broadcast_id)
    return Alert(text("broadcast.stopped", actor.language, count=held))


def _stop_keyboard(broadcast_id: int, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(text("broadcast.button_stop", lang), "stop",
                                         broadcast_id)]])


def watch(context: Context, broadcast_id: int) -> None:
    """Keep the progress message of a running broadcast up to date (job per broadcast)."""
    name = f"broadcast.progress:{broadcast_id}"
    if context.job_queue.get_jobs_by_name(name):
        return
    interval = context.runtime.settings.broadcast_progress_seconds
    context.job_queue.run_repeating(report_progress, interval, first=interval, name=name,
                                    data=broadcast_id)


async def report_progress(context: Context) -> None:
    """Edit the progress message; when all is sent, finish and send the delivery report."""
    broadcast_id = context.job.data
    runtime = context.runtime
    with runtime.session() as session:
        report = broadcast_screens.progress_report(session, broadcast_id=broadcast_id,
                                                   now=runtime.clock.now(),
                                                   default_lang=runtime.settings.language)
    if report.message_id is not None:
        last = context.bot_data.setdefault("broadcast_progress", {})
        if last.get(broadcast_id) != report.html or report.over:
            await dispatcher_of(context).sender.edit_text(
                report.chat_id, report.message_id, report.html,
                buttons=[[(text("broadcast.button_stop", report.lang),
                           encode(FEATURE, "stop", broadcast_id))]] if report.stoppable else None)
            last[broadcast_id] = report.html
    if report.finished_now:
        wake(context)
    if report.over:
        context.job.schedule_removal()


async def resume_progress(context: Context) -> None:
    """On start: watch every broadcast still without its final report."""
    with context.runtime.session() as session:
        running = broadcast_screens.unfinished(session)
    for broadcast_id in running:
        watch(context, broadcast_id)
