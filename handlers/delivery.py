"""The delivery engine inside PTB: the dispatcher and planner jobs.

Jobs (stable names, rebuilt on every start; the database is the source of truth):
`delivery.dispatcher` starts the outbox dispatcher as a task of the application (so stop() waits
for the send in flight) and stops it when the job queue shuts down, early in Application.stop(),
rather than at its next poll,
`reminders.planner` runs the reminder planner every reminder_interval_seconds, and with it the
weekly compliance summary to linked groups (and `plan_now` runs it at once, e.g. when the demo's
clock moves).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN
from telegram import Update
from telegram.ext import Application, TypeHandler

from handlers.common import GROUP_REACHABLE, Context
from messenger.api_request import sending_bot
from messenger.context import runtime_of, workers_of
from messenger.sender import PtbSender
from mina_bot.delivery.dispatcher import Dispatcher
from mina_bot.delivery.outbox import mark_reachable
from mina_bot.reminders.arrival import message_for
from mina_bot.runtime import Runtime

log = logging.getLogger("mina.delivery")


def dispatcher_of(context: Context) -> Dispatcher:
    """This process's dispatcher."""
    return context.application.bot_data["dispatcher"]


def wake(context: Context) -> None:
    """Something was enqueued: deliver it now."""
    dispatcher_of(context).wake()


async def _run_dispatcher(context: Context) -> None:
    application = context.application
    dispatcher = dispatcher_of(context)
    application.bot_data["dispatcher_task"] = application.create_task(
        dispatcher.run(lambda: not application.running), name="delivery.dispatcher")


async def plan_now(application: Application) -> int:
    """One planner pass against the clock's "now", delivered at once; how many rows were new.

    The planner job calls it on schedule; the demo calls it when its clock jumps. The pass is
    CPU-bound Python (a catch-up plans a week of reminders): it runs in a worker process, so
    the bot goes on answering meanwhile (benchmark `blocking`), within the heavy work's limits.
    """
    runtime: Runtime = runtime_of(application)
    if not runtime.settings.reminders_enabled:
        return 0
    result = await workers_of(application).run("mina_bot.reminder_pass:planner_pass",
                                                runtime.settings, now=runtime.clock.now())
    if result.enqueued:
        log.info("planner enqueued %d reminder message(s)", result.enqueued)
        application.bot_data["dispatcher"].wake()
    return result.enqueued


async def _run_planner(context: Context) -> None:
    await plan_now(context.application)


async def _mark_reachable(update: Update, context: Context) -> None:
    """Anyone who writes to the bot can be written to again (they unblocked it)."""
    if update.effective_user is None or update.effective_chat is None \
            or update.effective_chat.type != "private":
        return
    if not context.actor.unreachable:  # the cached actor: no write per update
        return
    with context.runtime.session() as session:
        if mark_reachable(session, telegram_id=update.effective_user.id):
            log.info("member %s is reachable again", update.effective_user.id)


def install(application: Application) -> None:
    """Create the dispatcher and schedule the delivery and reminder jobs."""
    runtime: Runtime = runtime_of(application)
    settings = runtime.settings
    dispatcher = Dispatcher(
        engine=runtime.engine, sender=PtbSender(application.bot, settings.delivery_send_timeout),
        settings=settings, wording=message_for, business=runtime.clock)
    application.bot_data["dispatcher"] = dispatcher
    application.add_handler(TypeHandler(Update, _mark_reachable), group=GROUP_REACHABLE)
    jobs = application.job_queue
    # However late a busy start lets it run: APScheduler drops a job missed by over a second.
    jobs.run_once(_run_dispatcher, 0, name="delivery.dispatcher",
                  job_kwargs={"misfire_grace_time": None})
    # Application.stop() shuts the job queue down before it awaits its tasks: the dispatcher's
    # cue to stop at once (PTB calls post_stop only after stop() has awaited them).
    jobs.scheduler.add_listener(lambda _event: dispatcher.stop(), EVENT_SCHEDULER_SHUTDOWN)
    if settings.reminders_enabled:
        jobs.run_repeating(_run_planner, settings.reminder_interval_seconds, first=1,
                           name="reminders.planner", job_kwargs={"misfire_grace_time": None})


async def serve_dispatcher(runtime: Runtime, api_base_url: str, base_file_url: str) -> int:
    """`bot.py dispatch`: only deliver the outbox (another sender process), until SIGTERM."""
    settings = runtime.settings
    loop = asyncio.get_running_loop()
    async with sending_bot(settings.token, base_url=api_base_url,
                           base_file_url=base_file_url) as bot:
        dispatcher = Dispatcher(engine=runtime.engine,
                                sender=PtbSender(bot, settings.delivery_send_timeout),
                                settings=settings, wording=message_for, business=runtime.clock)
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signum, dispatcher.stop)
        log.info("dispatcher %s delivers the outbox", dispatcher.worker)
        await dispatcher.run()
    return 0
