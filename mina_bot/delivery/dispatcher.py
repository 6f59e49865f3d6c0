"""The dispatcher: claims due outbox rows one at a time, sends them, records the outcome.

One message is in flight per process at any moment, so a process killed mid-send re-sends at
most that one message (its row stays `sending` until the lease runs out, then goes back to
`pending`). Delivery timing (429 waits, backoff, leases) runs on the wall clock: these are real
seconds of the messenger's API, not business time.
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
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session

from mina_bot.catalog import text
from mina_bot.clock import Clock, SystemClock
from mina_bot.delivery.errors import PermanentFailure, RetryLater, TransientFailure, Unreachable
from mina_bot.delivery.limits import RateLimits
from mina_bot.delivery.outbox import enqueue_to_secretariat
from mina_bot.delivery.sender import Sender
from mina_bot.settings import Settings
from storage.models import OutboxMessage, OutboxState
from storage.repositories import outbox as outbox_repo

log = logging.getLogger("mina.delivery")
Sleep = Callable[[float], Awaitable[None]]


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
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.sender = sender
        self.settings = settings
        self.worker = worker or worker_name()
        self.clock = clock or SystemClock()
        self.rng = rng or random.Random()
        self._sleep = sleep
        self._monotonic = monotonic
        self.limits = RateLimits(per_second=settings.delivery_rate_per_second,
                                 chat_interval=settings.delivery_chat_interval,
                                 group_per_minute=settings.delivery_group_per_minute,
                                 monotonic=monotonic)
        self._paused_until = 0.0
        self._draining = False
        self._wake = asyncio.Event()
        self._last_release = float("-inf")

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def wake(self) -> None:
        """Something was enqueued: look at the outbox now rather than at the next poll."""
        self._wake.set()

    def release_stale(self) -> int:
        """Put rows claimed longer than the lease ago (a dead process's) back to pending."""
        lease = timedelta(seconds=self.settings.delivery_lease_seconds)
        with self._session() as session:
            released = outbox_repo.release_stale(session, claimed_before=self.clock.now() - lease)
            session.commit()
        if released:
            log.warning("released %d message(s) left in flight by a stopped process", released)
        self._last_release = self._monotonic()
        return released

    async def run(self, stopping: Callable[[], bool]) -> None:
        """Deliver until `stopping()` is true, waking on wake() or every poll interval."""
        poll = self.settings.delivery_poll_seconds
        while not stopping():
            if self._monotonic() - self._last_release >= self.settings.delivery_lease_seconds / 2:
                self.release_stale()
            try:
                await self.drain(lambda: not stopping())
            except Exception:  # a database hiccup must not end delivery for good
                log.exception("the dispatcher's pass failed; it goes on")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=poll)

    async def drain(self, keep_going: Callable[[], bool] = lambda: True) -> int:
        """Send everything due now, one at a time; returns how many rows were handled."""
        if self._draining:
            return 0
        self._draining = True
        handled = 0
        try:
            while keep_going():
                wait = max(self._paused_until - self._monotonic(), self.limits.global_wait())
                if wait > 0:
                    await self._sleep(min(wait, self.settings.delivery_poll_seconds))
                    continue
                with self._session() as session:
                    claimed = outbox_repo.claim_next(session, now=self.clock.now(),
                                                     worker=self.worker,
                                                     skip_chats=self.limits.busy_chats())
                    session.commit()
                    row = outbox_repo.get(session, message_id=claimed) if claimed else None
                if row is None:
                    free_in = self.limits.next_free_in()
                    if free_in is None:
                        return handled
                    await self._sleep(free_in)  # due rows may be waiting for a busy chat
                    continue
                self.limits.record(row.chat_id)
                await self._deliver(row)
                handled += 1
            return handled
        finally:
            self._draining = False

    async def _deliver(self, row: OutboxMessage) -> None:
        body = row.payload or {}
        try:
            if body.get("document"):
                message_id = await self.sender.send_document(row.chat_id, body["document"],
                                                             caption=body.get("text"))
            else:
                buttons = [[tuple(b) for b in r] for r in body["buttons"]] if body.get(
                    "buttons") else None
                message_id = await self.sender.send_text(row.chat_id, body["text"],
                                                         buttons=buttons)
        except RetryLater as exc:
            self._retry_later(row, exc.retry_after)
        except Unreachable as exc:
            self._unreachable(row, str(exc))
        except PermanentFailure as exc:
            self._settle(row, OutboxState.FAILED, last_error=str(exc))
            log.warning("message %s to %s refused for good: %s", row.id, row.chat_id, exc)
        except Exception as exc:  # TransientFailure, and any surprise from the sender
            if not isinstance(exc, TransientFailure):
                log.exception("unexpected error sending message %s", row.id)
            self._transient(row, f"{type(exc).__name__}: {exc}")
        else:
            self._settle(row, OutboxState.SENT, sent_at=self.clock.now(),
                         telegram_message_id=message_id)

    def _settle(self, row: OutboxMessage, state: OutboxState, **values: object) -> None:
        with self._session() as session:
            outbox_repo.settle(session, message_id=row.id, state=state, **values)
            session.commit()

    def _retry_later(self, row: OutboxMessage, retry_after: float) -> None:
        # A 429 is about the bot as a whole: every send waits, and this row goes again after.
        self._paused_until = max(self._paused_until, self._monotonic() + retry_after)
        not_before = self.clock.now() + timedelta(seconds=retry_after)
        self._settle(row, OutboxState.PENDING, not_before=not_before,
                     last_error=f"429 retry after {retry_after}s")
        log.info("429: waiting %ss before sending again", retry_after)

    def _transient(self, row: OutboxMessage, error: str) -> None:
        attempts = row.attempts + 1
        if attempts >= self.settings.delivery_max_attempts:
            self._settle(row, OutboxState.FAILED, attempts=attempts, last_error=error)
            log.warning("message %s to %s failed after %d attempts: %s",
                        row.id, row.chat_id, attempts, error)
            return
        delay = backoff(attempts, base=self.settings.delivery_backoff_base,
                        cap=self.settings.delivery_backoff_cap, rng=self.rng)
        self._settle(row, OutboxState.PENDING, attempts=attempts, last_error=error,
                     not_before=self.clock.now() + timedelta(seconds=delay))

    def _unreachable(self, row: OutboxMessage, error: str) -> None:
        now = self.clock.now()
        with self._session() as session:
            outbox_repo.settle(session, message_id=row.id, state=OutboxState.UNREACHABLE,
                               last_error=error)
            held = outbox_repo.hold_for_chat(session, chat_id=row.chat_id)
            member = outbox_repo.mark_unreachable(session, chat_id=row.chat_id, now=now)
            if member is not None:
                tell_secretariat_unreachable(session, member_name=member.name,
                                             member_id=member.id, since=now)
            session.commit()
        log.warning("chat %s unreachable (%s); %d pending message(s) held", row.chat_id,
                    error, held)


def tell_secretariat_unreachable(session: Session, *, member_name: str, member_id: int,
                                 since: datetime) -> int:
    """Tell the secretariat, once per episode, that a member blocked the bot."""
    return enqueue_to_secretariat(
        session, kind="unreachable", subject=f"member:{member_id}",
        period=since.strftime("%Y%m%dT%H%M%S"), now=since,
        render=lambda lang: text("delivery.unreachable", lang, name=member_name),
    )
