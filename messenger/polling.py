"""Long polling that confirms an update to the Bot API only after it was handled.

PTB's Updater confirms a batch with its next getUpdates call, while the updates may still wait
in the queue: a process killed then loses them (a press acknowledged, nothing saved, no
answer after the restart). Here the offset given to getUpdates never passes an update still
being handled, so a kill leaves it to be delivered again. An update whose work committed is
recorded in that same transaction (mina_bot.runtime.handling_update), so one delivered again
after its commit is skipped, never done twice; one that wrote nothing is simply answered again.

Behind one long piece of work (an export) every getUpdates would bring that update back at
once, so the poll could not wait for new ones, and at most 100 updates come from the offset: a
hundred others would fill every batch and nobody would be answered until it ended. So an update
in hand for longer than PARK_AFTER when a poll brings nothing new (or a batch is all old) is
parked in the database (mina_bot.redelivery) and confirmed; a restart handles it again if its
work did not commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import warnings

from telegram import Update
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ExtBot
from telegram.warnings import PTBUserWarning

from messenger.context import runtime_of
from mina_bot.redelivery import (
    already_handled,
    forget_old,
    newest_handled,
    park,
    parked,
    unpark,
)
from mina_bot.runtime import Runtime, handling_update

log = logging.getLogger("mina.transport")
BATCH = 100  # the most updates one getUpdates brings (Telegram's limit)
# An update in hand this long is parked when polls bring nothing new (an ordinary answer takes
# a few milliseconds, unparked). Until then, a poll that brought nothing new is made again this
# soon, or when the work in hand ends: a new message waits at most that long behind an export.
PARK_AFTER = 0.05
POLL_AGAIN = 0.005


class AckingApplication(Application):
    """An Application whose handlers' commits record the update, and which reports every update
    whose handling has ended."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.handled = None  # a callable taking the update, set by the poller

    async def process_update(self, update: object) -> None:
        """Handle the update (its callbacks commit at their edge), then report it."""
        try:
            if isinstance(update, Update):
                with handling_update(update.update_id):
                    await super().process_update(update)
            else:
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

    def __init__(self, application: AckingApplication, runtime: Runtime, *,
                 timeout: int = 10) -> None:
        self.application = application
        self.runtime = runtime
        self.timeout = timeout
        self.next_id = 0  # one past the newest update this process took (0: none yet)
        self.handled: set[int] = set()  # by this process, not yet confirmed to the messenger
        self.in_hand: dict[int, Update] = {}
        self.taken: dict[int, float] = {}  # when each update in hand was taken (loop time)
        self.parked: set[int] = set()  # in hand, kept in the database and confirmed
        self.handled_before: int | None = None  # the newest update recorded handled at start
        self._changed = asyncio.Event()
        application.handled = self._handled

    @property
    def offset(self) -> int:
        """What getUpdates confirms: everything below the oldest update in hand, not parked."""
        held = self.in_hand.keys() - self.parked
        return min(held) if held else self.next_id

    def _handled(self, update: object) -> None:
        if isinstance(update, Update) and update.update_id in self.in_hand:
            del self.in_hand[update.update_id]
            self.taken.pop(update.update_id, None)
            self.handled.add(update.update_id)
            if update.update_id in self.parked:
                self.parked.discard(update.update_id)
                unpark(self.runtime, update.update_id)
            self._changed.set()

    def _park(self, taken_before: float | None = None) -> None:
        """Keep the updates in hand (taken before `taken_before`) in the database, so the offset
        may pass them."""
        waiting = {i: u.to_dict() for i, u in self.in_hand.items() if i not in self.parked
                   and (taken_before is None or self.taken.get(i, 0.0) <= taken_before)}
        if waiting:
            log.info("%d update(s) still in hand parked, so that newer ones are answered",
                     len(waiting))
            park(self.runtime, waiting)
            self.parked |= waiting.keys()

    async def resume_parked(self) -> None:
        """Handle again the parked updates a stopped process left unfinished (at start)."""
        found = parked(self.runtime)
        if found:
            log.info("handling again %d parked update(s) a stopped process left", len(found))
        for payload in found:
            update = Update.de_json(payload, self.application.bot)
            self.in_hand[update.update_id] = update
            self.parked.add(update.update_id)
            await self.application.update_queue.put(update)

    async def poll_once(self) -> None:
        """One getUpdates: queue the new updates; wait a moment when it brought none."""
        offset = self.offset
        if self.handled_before is None:  # the first poll of this process
            self.handled_before = newest_handled(self.runtime)
        bot = self.application.bot
        with warnings.catch_warnings():  # PTB asks for get_updates, which parses every update
            warnings.simplefilter("ignore", PTBUserWarning)
            updates: list[dict] = await bot.do_api_request(
                "getUpdates", api_kwargs={"offset": offset or None, "timeout": self.timeout,
                                          "allowed_updates": list(Update.ALL_TYPES)},
                read_timeout=(bot.request.read_timeout or 0) + self.timeout)
        # Those below the offset sent are confirmed now: this process need not remember them.
        self.handled = {i for i in self.handled if i >= offset}
        for update in updates:
            self.next_id = max(self.next_id, update["update_id"] + 1)
        # Not those in hand, nor those handled already (before a restart too): they come back
        # until the offset passes them, and are not read again.
        waiting = [u for u in updates
                   if u["update_id"] not in self.in_hand and u["update_id"] not in self.handled]
        # Only an update up to the newest recorded at the start can have been handled before.
        earlier = [u["update_id"] for u in waiting if u["update_id"] <= self.handled_before]
        done = already_handled(self.runtime, earlier) if earlier else set()
        self.handled |= done
        fresh = sorted((u for u in waiting if u["update_id"] not in done),
                       key=lambda u: u["update_id"])
        now = asyncio.get_running_loop().time()
        for payload in fresh:
            update = Update.de_json(payload, bot)
            self.in_hand[update.update_id], self.taken[update.update_id] = update, now
            await self.application.update_queue.put(update)
        if fresh:
            return
        if len(updates) >= BATCH:  # a full batch of none new: the window is stuck
            self._park()
            return
        held = [self.taken.get(i, 0.0) for i in self.in_hand if i not in self.parked]
        if not held:
            return
        if now - min(held) >= PARK_AFTER:  # long work holds the offset: let it pass
            self._park(taken_before=now - PARK_AFTER)
            return
        self._changed.clear()  # only short work came back: wait for it to end, briefly
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(),
                                   min(POLL_AGAIN, PARK_AFTER - (now - min(held))))

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


async def serve_polling(application: AckingApplication) -> None:
    """Run with long polling until SIGTERM or SIGINT, then stop gracefully."""
    runtime = runtime_of(application)
    poller = AckPoller(application, runtime)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    async with application:
        if application.post_init:
            await application.post_init(application)
        forget_old(runtime)
        await application.bot.delete_webhook(drop_pending_updates=False)
        await application.start()
        await poller.resume_parked()
        try:
            await poller.run(stop)
        finally:
            log.info("stopping: finishing the updates in progress")
            await application.stop()
            await poller.confirm()
    if application.post_shutdown:
        await application.post_shutdown(application)
