"""The delivery engine inside PTB: the Sender over telegram.Bot, the dispatcher and planner jobs.

Jobs (stable names, rebuilt on every start; the database is the source of truth):
`delivery.dispatcher` runs the outbox dispatcher until the application stops,
`reminders.planner` runs the reminder planner every reminder_interval_seconds (and `plan_now`
runs it at once, e.g. when the demo's clock moves).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import warnings
from collections.abc import Iterator
from datetime import timedelta

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, TypeHandler
from telegram.warnings import PTBDeprecationWarning

from handlers.api_request import sending_bot
from handlers.common import GROUP_REACHABLE, Context, actor_of, runtime_of
from handlers.keyboards import keyboard
from mina_bot.delivery.dispatcher import Dispatcher
from mina_bot.delivery.errors import PermanentFailure, RetryLater, TransientFailure, Unreachable
from mina_bot.delivery.outbox import mark_reachable
from mina_bot.delivery.sender import Buttons
from mina_bot.reminders.service import PlannerRun, run_planner
from mina_bot.runtime import Runtime

log = logging.getLogger("mina.delivery")
UNREACHABLE_REASONS = ("chat not found", "user is deactivated", "bot was blocked")



@contextlib.contextmanager
def core_errors() -> Iterator[None]:
    """Translate PTB's errors into the delivery core's."""
    try:
        yield
    except RetryAfter as exc:
        with warnings.catch_warnings():  # int now, timedelta in PTB 23: both are handled
            warnings.simplefilter("ignore", PTBDeprecationWarning)
            wait = exc.retry_after
        raise RetryLater(wait.total_seconds() if isinstance(wait, timedelta) else float(wait)) \
            from exc
    except Forbidden as exc:
        raise Unreachable(exc.message) from exc
    except BadRequest as exc:  # a subclass of NetworkError: test it first
        if any(reason in exc.message.lower() for reason in UNREACHABLE_REASONS):
            raise Unreachable(exc.message) from exc
        raise PermanentFailure(exc.message) from exc
    except NetworkError as exc:  # TimedOut, 5xx, connection errors
        raise TransientFailure(exc.message) from exc
    except TelegramError as exc:
        raise PermanentFailure(exc.message) from exc


class PtbSender:
    """The Sender protocol over a telegram.Bot."""

    def __init__(self, bot: Bot, timeout: float) -> None:
        self.bot = bot
        self.timeouts = {"read_timeout": timeout, "write_timeout": timeout,
                         "connect_timeout": timeout}

    async def send_text(self, chat_id: int, html: str, *, buttons: Buttons | None = None) -> int:
        """sendMessage with HTML."""
        with core_errors():
            message = await self.bot.send_message(chat_id, html, parse_mode=ParseMode.HTML,
                                                  reply_markup=keyboard(buttons), **self.timeouts)
        return message.message_id

    async def send_document(self, chat_id: int, file_id: str, *, caption: str | None = None) -> int:
        """sendDocument by file id."""
        with core_errors():
            message = await self.bot.send_document(chat_id, file_id, caption=caption,
                                                   parse_mode=ParseMode.HTML, **self.timeouts)
        return message.message_id

    async def edit_text(self, chat_id: int, message_id: int, html: str, *,
                        buttons: Buttons | None = None) -> None:
        """editMessageText; an unchanged text is not an error."""
        try:
            with core_errors():
                await self.bot.edit_message_text(html, chat_id=chat_id, message_id=message_id,
                                                 parse_mode=ParseMode.HTML,
                                                 reply_markup=keyboard(buttons), **self.timeouts)
        except PermanentFailure as exc:
            if "not modified" not in str(exc):
                raise


def dispatcher_of(context: Context) -> Dispatcher:
    """This process's dispatcher."""
    return context.application.bot_data["dispatcher"]


def wake(context: Context) -> None:
    """Something was enqueued: deliver it now."""
    dispatcher_of(context).wake()


async def _run_dispatcher(context: Context) -> None:
    application = context.application
    await dispatcher_of(context).run(lambda: not application.running)


async def plan_now(application: Application) -> int:
    """One planner pass against the clock's "now", delivered at once; how many rows were new.

    The planner job calls it on schedule; the demo calls it when its clock jumps. The pass is
    CPU-bound Python (a catch-up plans a week of reminders): it runs in a thread with its own
    database session, so the loop goes on answering meanwhile (benchmark `blocking`).
    """
    runtime: Runtime = application.bot_data["runtime"]
    if not runtime.settings.reminders_enabled:
        return 0
    result = await asyncio.to_thread(_plan, runtime)
    if result.enqueued:
        log.info("planner enqueued %d reminder message(s)", result.enqueued)
        application.bot_data["dispatcher"].wake()
    return result.enqueued


def _plan(runtime: Runtime) -> PlannerRun:
    with runtime.session() as session:
        return run_planner(session, now=runtime.clock.now(), settings=runtime.settings)


async def _run_planner(context: Context) -> None:
    await plan_now(context.application)


async def _mark_reachable(update: Update, context: Context) -> None:
    """Anyone who writes to the bot can be written to again (they unblocked it)."""
    if update.effective_user is None or update.effective_chat is None \
            or update.effective_chat.type != "private":
        return
    if not actor_of(update, context).unreachable:  # the cached actor: no write per update
        return
    with runtime_of(context).session() as session:
        if mark_reachable(session, telegram_id=update.effective_user.id):
            log.info("member %s is reachable again", update.effective_user.id)


def install(application: Application) -> None:
    """Create the dispatcher and schedule the delivery and reminder jobs."""
    runtime: Runtime = application.bot_data["runtime"]
    settings = runtime.settings
    application.bot_data["dispatcher"] = Dispatcher(
        engine=runtime.engine, sender=PtbSender(application.bot, settings.delivery_send_timeout),
        settings=settings)
    application.add_handler(TypeHandler(Update, _mark_reachable), group=GROUP_REACHABLE)
    jobs = application.job_queue
    jobs.run_once(_run_dispatcher, 0, name="delivery.dispatcher")
    if settings.reminders_enabled:
        jobs.run_repeating(_run_planner, settings.reminder_interval_seconds, first=1,
                           name="reminders.planner")


async def serve_dispatcher(runtime: Runtime, api_base_url: str, base_file_url: str) -> int:
    """`bot.py dispatch`: only deliver the outbox (another sender process), until SIGTERM."""
    settings = runtime.settings
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    async with sending_bot(settings.token, base_url=api_base_url,
                           base_file_url=base_file_url) as bot:
        dispatcher = Dispatcher(engine=runtime.engine,
                                sender=PtbSender(bot, settings.delivery_send_timeout),
                                settings=settings)
        log.info("dispatcher %s delivers the outbox", dispatcher.worker)
        await dispatcher.run(stop.is_set)
    return 0
