"""The dispatcher: claims due outbox rows in batches, sends them one at a time, records each.

A claim moves up to `delivery_claim_batch` due rows to `sending` in one statement that
returns them whole. They wait in this process's memory (`Batch`) and go out one at a time, in
order, a busy chat's row letting other chats' rows pass; rows for one chat beyond what its
limits let go within a quarter of the lease are put back at once. Just before each send the
row's claim is checked: a row of a broadcast cancelled since is cancelled instead, one to a
member deactivated since is marked `not_member`, one taken over by another process after its
lease is dropped. The send's outcome is committed before the
next send starts: one message is in flight per process at any moment, so a process killed
mid-send re-sends at most that one message. Rows claimed but not yet sent are not in flight:
on a stop they go back to `pending` at once; after a kill they stay `sending` until the lease
runs out (`release_stale`), then are sent once. A send that times out may have been delivered
or not (the messenger keeps no idempotency key): it is sent again rather than lost.

The hot path runs prebuilt Core statements on one autocommit connection, each statement its
own transaction: a claim per batch, then per message one settle, which on PostgreSQL also
checks the next row's claim when no limit makes that row wait (one round trip a message).
Delivery timing (429 waits, backoff, leases) runs on real seconds of the messenger's API, not
business time: pauses on the monotonic clock, stored times (leases, retries) on a wall clock
that never goes backwards, so a clock stepped back stalls nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from mina_bot.clock import Clock, SteadyClock, SystemClock
from mina_bot.delivery.batch import Batch
from mina_bot.delivery.errors import PermanentFailure, RetryLater, TransientFailure, Unreachable
from mina_bot.delivery.limits import RateLimits
from mina_bot.delivery.outbox import never_started, tell_secretariat_unreachable
from mina_bot.delivery.sender import Sender
from mina_bot.pages import Buttons
from mina_bot.settings import Settings
from storage.models import OutboxState
from storage.repositories import outbox as outbox_repo

log = logging.getLogger("mina.delivery")
Sleep = Callable[[float], Awaitable[None]]
# Words a row whose text is decided when it is sent (a reminder: reminders.arrival.message_for):
# (session, outbox_id=, member_id=, now=, settings=) -> (html, buttons), or None to drop it.
Wording = Callable[..., "tuple[str, Buttons] | None"]


def worker_name() -> str:
    """This process's name in claimed_by: host and pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


def backoff(attempt: int, *, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with equal jitter: half fixed, half random, capped."""
    delay = min(cap, base * 2 ** max(0, attempt - 1))
    return delay / 2 + rng.random() * delay / 2


class Dispatcher:
    """Sends what the outbox holds, within the rate limits, surviving crashes."""

    def __init__(self, *, engine: Engine, sender: Sender, settings: Settings,
                 worker: str | None = None, clock: Clock | None = None,
                 rng: random.Random | None = None, sleep: Sleep = asyncio.sleep,
                 monotonic: Callable[[], float] = time.monotonic,
                 wording: Wording | None = None, business: Clock | None = None) -> None:
        self.engine = engine
        self.wording = wording
        self.business = business  # the organisation's clock, which words reminders
        self.sender = sender
        self.settings = settings
        self.worker = worker or worker_name()
        self.clock = clock or SystemClock()
        self._steady = SteadyClock(self.clock, monotonic)  # leases and retries never go back
        self.rng = rng or random.Random()
        self._sleep = sleep
        self._monotonic = monotonic
        self.limits = RateLimits(per_second=settings.delivery_rate_per_second,
                                 chat_interval=settings.delivery_chat_interval,
                                 group_per_minute=settings.delivery_group_per_minute,
                                 monotonic=monotonic)
        self.batch = Batch(self.limits, size=settings.delivery_claim_batch,
                           horizon=settings.delivery_lease_seconds / 4)
        self._paused_until = 0.0
        self._checked: int | None = None  # the next row's claim, checked with the last settle
        self._draining = False
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._stopped = False
        self._last_release = float("-inf")

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def wake(self) -> None:
        """Something was enqueued: look at the outbox now rather than at the next poll."""
        self._wake.set()

    def stop(self) -> None:
        """Stop delivering: run() returns after the send in flight, without waiting a poll."""
        self._stopped = True
        self._stopping.set()
        self._wake.set()

    def release_stale(self) -> int:
        """Put rows claimed longer than the lease ago (a dead process's) back to pending."""
        lease = timedelta(seconds=self.settings.delivery_lease_seconds)
        with self._session() as session:
            released = outbox_repo.release_stale(session, claimed_before=self._steady.now() - lease)
            session.commit()
        if released:
            log.warning("released %d message(s) left in flight by a stopped process", released)
        self._last_release = self._monotonic()
        return released

    async def run(self, stopping: Callable[[], bool] = lambda: False) -> None:
        """Deliver until stop() (or `stopping()`), waking on wake() or every poll interval."""
        poll = self.settings.delivery_poll_seconds

        def going() -> bool:
            return not (self._stopped or stopping())

        while going():
            try:
                if self._monotonic() - self._last_release \
                        >= self.settings.delivery_lease_seconds / 2:
                    await _waited_out(self.release_stale)
                await self.drain(going)
            except Exception:  # a database hiccup must not end delivery for good
                log.exception("the dispatcher's pass failed; it goes on")
            if not going():
                break
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=poll)

    async def drain(self, keep_going: Callable[[], bool] = lambda: True) -> int:
        """Send everything due now, one at a time; returns how many rows were handled."""
        if self._draining:
            return 0
        self._draining = True
        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as db:
                try:
                    return await self._drain(db, keep_going)
                finally:
                    self._release_batch(db)
        finally:
            self._draining = False

    async def _drain(self, db: Connection, keep_going: Callable[[], bool]) -> int:
        handled = 0
        poll = self.settings.delivery_poll_seconds
        self._checked = None
        while keep_going():
            wait = max(self._paused_until - self._monotonic(), self.limits.global_wait())
            if wait > 0:
                await self._pause(min(wait, poll))
                continue
            row, free_in = self.batch.next_ready()
            if row is None and self.batch.room():
                skip = await _waited_out(self._claim, db)
                row, free_in = self.batch.next_ready()
                if row is None and free_in is None and skip:
                    free_in = min(self.limits.free_in(chat) for chat in skip)
            if row is None:
                if free_in is None:
                    return handled
                await self._pause(min(free_in, poll))  # due rows wait for a busy chat
                continue
            self.batch.take(row)
            if row.id != self._checked and not outbox_repo.still_claimed(
                    db, message_id=row.id, worker=self.worker):
                # Its broadcast was cancelled (this cancels the row), its member was deactivated
                # (this marks it not_member), or another process took it over after the lease
                # (this does nothing).
                outbox_repo.release_claimed(db, ids=[row.id], worker=self.worker)
                continue
            self._checked = None
            await self._deliver(db, row)
            handled += 1
        return handled

    async def _pause(self, seconds: float) -> None:
        """Wait for a limit to pass, or less if stop() comes first."""
        self._checked = None  # a check made before a wait is too old to send on
        if self._stopped:
            return
        pause = asyncio.ensure_future(self._sleep(seconds))
        stop = asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait((pause, stop), return_when=asyncio.FIRST_COMPLETED)
        finally:
            pause.cancel()
            stop.cancel()

    def _following(self) -> int | None:
        """The row that goes next if no limit makes it wait, to check along with a settle."""
        if self.limits.global_wait() > 0 or self._paused_until > self._monotonic():
            return None
        row, _ = self.batch.next_ready()
        return None if row is None else row.id

    def _claim(self, db: Connection) -> set[int]:
        """Claim rows into the batch; the chats skipped because they stay busy a while."""
        self.limits.forget_idle()
        skip = self.batch.skip_chats()
        claimed = outbox_repo.claim_batch(db, now=self._steady.now(), worker=self.worker,
                                          limit=self.batch.room(), skip_chats=skip)
        excess = self.batch.add(claimed)
        if excess:  # more rows for one chat than its limits let go soon
            outbox_repo.release_claimed(db, ids=[r.id for r in excess], worker=self.worker)
        return skip - {row.chat_id for row in self.batch.rows}

    def _release_batch(self, db: Connection) -> None:
        """Rows claimed but not sent go back to pending now (a stop, or a failed pass)."""
        rows = self.batch.take_all()
        if not rows:
            return
        try:
            released = outbox_repo.release_claimed(db, ids=[r.id for r in rows],
                                                   worker=self.worker)
        except Exception:  # the database is down: the lease will release them
            log.exception("could not release %d claimed message(s)", len(rows))
            return
        log.info("released %d claimed, unsent message(s)", released)

    async def _send(self, row: Any, worded: tuple[str, Buttons] | None = None) -> int:
        body = row.payload or {}
        try:
            if body.get("document"):
                return await self.sender.send_document(row.chat_id, body["document"],
                                                       caption=body.get("text"))
            buttons = [[tuple(b) for b in r] for r in body["buttons"]] if body.get(
                "buttons") else None
            html, buttons = worded or (body["text"], buttons)
            return await self.sender.send_text(row.chat_id, html, buttons=buttons or None)
        finally:
            self.limits.record(row.chat_id)

    def _word(self, row: Any) -> tuple[str, Buttons] | None:
        """A reminder's text as of now, on the business clock (None: nothing still helps)."""
        if self.wording is None:
            raise PermanentFailure("this dispatcher cannot word reminders")
        with self._session() as session:
            return self.wording(session, outbox_id=row.id, member_id=row.member_id,
                                now=(self.business or self.clock).now(),
                                settings=self.settings)

    async def _deliver(self, db: Connection, row: Any) -> None:
        try:
            worded = None
            if (row.payload or {}).get("reminder"):
                worded = self._word(row)
                if worded is None:
                    await _waited_out(lambda: outbox_repo.settle(
                        db, message_id=row.id, state=OutboxState.DROPPED, worker=self.worker,
                        last_error="no longer useful"))
                    return
            message_id = await self._send(row, worded)
        except RetryLater as exc:
            self._retry_later(db, row, exc.retry_after)
        except Unreachable as exc:
            self._unreachable(row, str(exc))
        except PermanentFailure as exc:
            outbox_repo.settle(db, message_id=row.id, state=OutboxState.FAILED,
                               worker=self.worker, last_error=str(exc))
            log.warning("message %s to %s refused for good: %s", row.id, row.chat_id, exc)
        except Exception as exc:  # TransientFailure, and any surprise from the sender
            if not isinstance(exc, TransientFailure):
                log.exception("unexpected error sending message %s", row.id)
            self._transient(db, row, f"{type(exc).__name__}: {exc}")
        else:
            following, sent_at = self._following(), self._steady.now()
            if await _waited_out(lambda: outbox_repo.settle_sent(
                    db, message_id=row.id, sent_at=sent_at, telegram_message_id=message_id,
                    then_check=following, worker=self.worker)):
                self._checked = following

    def _retry_later(self, db: Connection, row: Any, retry_after: float) -> None:
        # A 429 is about the bot as a whole: every send waits, and this row goes again after.
        self._paused_until = max(self._paused_until, self._monotonic() + retry_after)
        not_before = self._steady.now() + timedelta(seconds=retry_after)
        outbox_repo.settle(db, message_id=row.id, state=OutboxState.PENDING,
                           worker=self.worker, not_before=not_before,
                           last_error=f"429 retry after {retry_after}s")
        log.info("429: waiting %ss before sending again", retry_after)

    def _transient(self, db: Connection, row: Any, error: str) -> None:
        attempts = row.attempts + 1
        if attempts >= self.settings.delivery_max_attempts:
            outbox_repo.settle(db, message_id=row.id, state=OutboxState.FAILED,
                               worker=self.worker, attempts=attempts, last_error=error)
            log.warning("message %s to %s failed after %d attempts: %s",
                        row.id, row.chat_id, attempts, error)
            return
        delay = backoff(attempts, base=self.settings.delivery_backoff_base,
                        cap=self.settings.delivery_backoff_cap, rng=self.rng)
        outbox_repo.settle(db, message_id=row.id, state=OutboxState.PENDING, attempts=attempts,
                           worker=self.worker, last_error=error,
                           not_before=self._steady.now() + timedelta(seconds=delay))

    def _unreachable(self, row: Any, error: str) -> None:
        now = self._steady.now()
        claimed = [r.id for r in self.batch.take_chat(row.chat_id)]
        with self._session() as session:
            outbox_repo.settle(session, message_id=row.id, state=OutboxState.UNREACHABLE,
                               worker=self.worker, last_error=error)
            held = outbox_repo.hold_for_chat(session, chat_id=row.chat_id, claimed=claimed)
            member = outbox_repo.mark_unreachable(session, chat_id=row.chat_id, now=now)
            if member is not None:
                tell_secretariat_unreachable(session, member_name=member.name,
                                             member_id=member.id, since=now,
                                             never_started=never_started(error))
            session.commit()
        log.warning("chat %s unreachable (%s); %d pending message(s) held", row.chat_id,
                    error, held)


T = TypeVar("T")


async def _waited_out(work: Callable[..., T], *args: Any) -> T:
    """`work(*args)` in a thread: a claim or a settle may wait for a lock another process holds
    (on SQLite a worker's long write: a broadcast's launch, the planner's catch-up), and the
    event loop must not wait with it (it held everyone 0.3–1.3 s at a time during a catch-up at
    ten times the country). A cancellation lets it end first: it uses the drain's connection."""
    job = asyncio.ensure_future(asyncio.to_thread(work, *args))
    try:
        return await asyncio.shield(job)
    except asyncio.CancelledError:
        await asyncio.wait({job})
        raise
