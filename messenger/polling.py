"""Long polling that confirms an update to the Bot API only after it was handled.

PTB's Updater confirms a batch with its next getUpdates call, while the updates may still wait
in the queue: a process killed then loses them (a press acknowledged, nothing saved, no
answer after the restart). Here the offset given to getUpdates never passes an update still
being handled, so its transaction has committed (or it failed and the person was told) before
the messenger forgets it; a kill leaves it to be delivered again. Which updates were handled
is also stored (a row written right after each), so one handled but not yet confirmed is
skipped when delivered again; only a kill between a handler's commit and that row, a few
milliseconds, can still have an update handled twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram import Update
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ExtBot

from mina_bot import conversations

log = logging.getLogger("mina.transport")
HANDLED_KEY = "updates:handled"  # {"recent": the ids of the updates handled last}
# Handled ids remembered: more than a restart can leave unconfirmed. Exact ids, not "every id
# below N": after a week without updates Telegram numbers the next one at random, maybe lower.
RECENT = 1000


class AckingApplication(Application):
    """An Application that reports every update whose handling has ended."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.handled = None  # a callable taking the update, set by the poller

    async def process_update(self, update: object) -> None:
        """Handle the update (its callbacks commit at their edge), then report it."""
        try:
            await super().process_update(update)
        finally:
            if self.handled is not None:
                self.handled(update)


class RedeliveryTolerantBot(ExtBot):
    """A press delivered again after a restart can no longer be answered (Telegram: «query is
    too old»); the work it asks for is still done."""

    async def answer_callback_query(self, *args, **kwargs) -> bool:
        """Answer the press; False when it is too old to answer."""
        try:
            return await super().answer_callback_query(*args, **kwargs)
        except BadRequest as exc:
            if "query is too old" not in exc.message and "query id is invalid" not in \
                    exc.message.lower():
                raise
            log.info("a press could not be answered any more (%s); handling it", exc.message)
            return False


class AckPoller:
    """getUpdates whose offset stops at the oldest update still being handled."""

    def __init__(self, application: AckingApplication, engine: Engine, *,
                 timeout: int = 10) -> None:
        self.application = application
        self.engine = engine
        self.timeout = timeout
        with Session(engine) as session:
            stored = conversations.load_kept(session, key=HANDLED_KEY) or {}
        self.next_id = 0  # one past the newest update this process took (0: none yet)
        self.recent: list[int] = [int(i) for i in stored.get("recent", [])][-RECENT:]
        self.handled: set[int] = set(self.recent)
        self.in_hand: set[int] = set()
        self._changed = asyncio.Event()
        application.handled = self._handled

    @property
    def offset(self) -> int:
        """What getUpdates confirms: everything below the oldest update still in hand."""
        return min(self.in_hand) if self.in_hand else self.next_id

    def _handled(self, update: object) -> None:
        if isinstance(update, Update) and update.update_id in self.in_hand:
            self.in_hand.discard(update.update_id)
            self.recent.append(update.update_id)
            self.handled.add(update.update_id)
            if len(self.recent) > RECENT:
                self.handled.discard(self.recent.pop(0))
            self._store()
            self._changed.set()

    def _store(self) -> None:
        # At once, before anything else runs: a kill after the handler's commit must find the
        # update recorded, or its redelivery would be handled a second time.
        with Session(self.engine) as session:
            conversations.keep(session, key=HANDLED_KEY, state={"recent": list(self.recent)})
            session.commit()

    async def poll_once(self) -> None:
        """One getUpdates: queue the new updates; wait a moment when it brought none."""
        updates = await self.application.bot.get_updates(
            offset=self.offset or None, timeout=self.timeout, allowed_updates=Update.ALL_TYPES)
        for update in updates:
            self.next_id = max(self.next_id, update.update_id + 1)
        # Not those in hand, nor those handled already (before a restart too): they come back
        # until the offset passes them.
        fresh = sorted((u for u in updates
                        if u.update_id not in self.in_hand and u.update_id not in self.handled),
                       key=lambda u: u.update_id)
        for update in fresh:
            self.in_hand.add(update.update_id)
            await self.application.update_queue.put(update)
        if not fresh and self.in_hand:  # only updates in hand came back: wait for one to end
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), 0.25)

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set; network trouble is waited out, a bad token ends it."""
        delay = 1.0
        while not stop.is_set():
            poll = asyncio.ensure_future(self.poll_once())
            stopping = asyncio.ensure_future(stop.wait())
            await asyncio.wait({poll, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not poll.done():
                poll.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await poll
                return
            try:
                poll.result()
                delay = 1.0
            except InvalidToken:
                raise
            except (NetworkError, Conflict) as exc:  # Conflict: another getUpdates
                log.warning("getUpdates failed (%s); trying again in %.0f s", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)

    async def confirm(self) -> None:
        """Tell the Bot API which updates were handled (at a stop)."""
        with contextlib.suppress(TelegramError):
            await self.application.bot.get_updates(offset=self.offset, timeout=0, limit=1)


async def serve_polling(application: AckingApplication, engine: Engine) -> None:
    """Run with long polling until SIGTERM or SIGINT, then stop gracefully."""
    poller = AckPoller(application, engine)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    async with application:
        if application.post_init:
            await application.post_init(application)
        await application.bot.delete_webhook(drop_pending_updates=False)
        await application.start()
        try:
            await poller.run(stop)
        finally:
            log.info("stopping: finishing the updates in progress")
            await application.stop()
            await poller.confirm()
