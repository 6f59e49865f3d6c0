"""Batch claims on a real database: each row claimed once, released on stop or after the lease."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import random
import sqlite3

import pytest
from sqlmodel import Session

from mina_bot.clock import FakeClock
from mina_bot.delivery.dispatcher import Dispatcher
from mina_bot.delivery.errors import TransientFailure, Unreachable
from mina_bot.delivery.outbox import enqueue
from mina_bot.settings import Settings
from storage.models import Broadcast, BroadcastStatus, Member, OutboxState
from storage.repositories import outbox as outbox_repo
from tests.fixtures.organisation import HEAD_ID, seed_org
from tests.fixtures.senders import RecordingSender

NOW = dt.datetime(2021, 4, 26, 5, 0, tzinfo=dt.UTC)
SETTINGS = Settings(_env_file=None, delivery_chat_interval=1, delivery_backoff_base=0,
                    delivery_backoff_cap=0, delivery_claim_batch=10, delivery_lease_seconds=8)


class FakeTime:
    """A monotonic clock that only moves when the dispatcher sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.001)
        await asyncio.sleep(0)


class Recorder(RecordingSender):
    """Delivers everything, noting (chat, text, fake time); `during` runs inside each send."""

    def __init__(self, time: FakeTime, during=None, script=None) -> None:
        self.time, self.during, self.script = time, during, script or {}
        self.sent: list[tuple[int, str, float]] = []

    async def send_text(self, chat_id, html, *, buttons=None):
        if self.during is not None:
            self.during(len(self.sent))
        if self.script.get(chat_id):
            raise self.script[chat_id].pop(0)
        self.sent.append((chat_id, html, self.time.now))
        return len(self.sent)


def _dispatcher(engine, sender, time: FakeTime, settings=SETTINGS, worker="test") -> Dispatcher:
    return Dispatcher(engine=engine, sender=sender, settings=settings, worker=worker,
                      clock=FakeClock(NOW), sleep=time.sleep, monotonic=time,
                      rng=random.Random(1))


def _enqueue(session, chats, text="x", broadcast_id=None) -> None:
    for n, chat in enumerate(chats):
        enqueue(session, kind="t", subject=f"s{n}", period="p", now=NOW, text=f"{text}{n}",
                chat_id=chat, broadcast_id=broadcast_id)
    session.commit()


def _cancel(engine, broadcast_id: int) -> None:
    """What broadcasts.cancel does: the broadcast marked cancelled, its unclaimed rows too."""
    with Session(engine) as other:
        other.get(Broadcast, broadcast_id).status = BroadcastStatus.CANCELLED
        outbox_repo.cancel_pending(other, broadcast_id=broadcast_id)
        other.commit()


def _states(session) -> dict[int, OutboxState]:
    session.expire_all()
    return {row.id: row.state for row in outbox_repo.rows(session)}


def test_a_batch_claim_returns_whole_rows_oldest_first_and_never_twice(session, engine):
    _enqueue(session, range(1, 26))
    with engine.begin() as connection:
        first = outbox_repo.claim_batch(connection, now=NOW, worker="a", limit=10)
        second = outbox_repo.claim_batch(connection, now=NOW, worker="b", limit=10,
                                         skip_chats={11, 12})
        third = outbox_repo.claim_batch(connection, now=NOW, worker="a", limit=10)
    assert [r.chat_id for r in first] == list(range(1, 11))
    assert first[0].payload["text"] == "x0" and first[0].attempts == 0
    assert [r.chat_id for r in second] == list(range(13, 23))
    assert sorted(r.chat_id for r in third) == [11, 12, 23, 24, 25]
    ids = [r.id for r in first + second + third]
    assert len(ids) == len(set(ids)) == 25
    assert set(_states(session).values()) == {OutboxState.SENDING}


async def test_claimed_unsent_rows_of_a_killed_process_are_sent_once_after_the_lease(
        session, engine):
    _enqueue(session, range(1, 8))
    with engine.begin() as connection:  # a process claimed a batch, then was killed
        assert len(outbox_repo.claim_batch(connection, now=NOW, worker="dead", limit=5)) == 5
    time = FakeTime()
    sender = Recorder(time)
    dispatcher = _dispatcher(engine, sender, time)
    assert dispatcher.release_stale() == 0
    await dispatcher.drain()
    assert [c for c, _, _ in sender.sent] == [6, 7]  # the claimed five wait for the lease
    dispatcher.clock.advance(dt.timedelta(seconds=SETTINGS.delivery_lease_seconds + 1))
    assert dispatcher.release_stale() == 5
    await dispatcher.drain()
    assert sorted(c for c, _, _ in sender.sent) == list(range(1, 8))
    assert set(_states(session).values()) == {OutboxState.SENT}


async def test_a_stop_puts_claimed_unsent_rows_back_at_once(session, engine):
    _enqueue(session, range(1, 8))
    time = FakeTime()
    sender = Recorder(time)
    dispatcher = _dispatcher(engine, sender, time)
    assert await dispatcher.drain(lambda: not sender.sent) == 1
    states = _states(session)
    assert list(states.values()).count(OutboxState.SENT) == 1
    assert list(states.values()).count(OutboxState.PENDING) == 6
    assert {r.claimed_by for r in outbox_repo.rows(session)} == {None}
    await dispatcher.drain()
    assert [c for c, _, _ in sender.sent] == list(range(1, 8))


async def test_a_stop_ends_a_wait_for_a_busy_chat_at_once(session, engine):
    _enqueue(session, [5, 5])
    sender = Recorder(FakeTime())
    settings = SETTINGS.model_copy(update={"delivery_chat_interval": 30.0})
    dispatcher = Dispatcher(engine=engine, sender=sender, settings=settings, worker="test",
                            clock=FakeClock(NOW), rng=random.Random(1))  # the real sleep
    running = asyncio.create_task(dispatcher.run())
    while not sender.sent:
        await asyncio.sleep(0.01)
    loop = asyncio.get_running_loop()
    started = loop.time()
    dispatcher.stop()
    await asyncio.wait_for(running, timeout=5)
    assert loop.time() - started < 1.0  # not the chat's 30 s
    assert list(_states(session).values()).count(OutboxState.PENDING) == 1


async def test_a_busy_chat_waits_its_interval_without_holding_up_other_chats(session, engine):
    _enqueue(session, [5, 5, 6, 7])
    time = FakeTime()
    sender = Recorder(time)
    await _dispatcher(engine, sender, time).drain()
    assert [(c, text) for c, text, _ in sender.sent] == [(5, "x0"), (6, "x2"), (7, "x3"),
                                                         (5, "x1")]
    times = {text: at for _, text, at in sender.sent}
    assert times["x1"] - times["x0"] >= SETTINGS.delivery_chat_interval
    assert times["x3"] - times["x0"] < SETTINGS.delivery_chat_interval


async def test_rows_for_one_chat_beyond_the_horizon_are_released_and_sent_later(
        session, engine):
    _enqueue(session, [5] * 6 + [6])
    time = FakeTime()
    sender = Recorder(time)
    dispatcher = _dispatcher(engine, sender, time)
    assert dispatcher.batch.horizon == 2  # a quarter of the lease: three rows of chat 5 kept
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        dispatcher._claim(connection)
        assert sorted(r.chat_id for r in dispatcher.batch.rows) == [5, 5, 5, 6]
        assert list(_states(session).values()).count(OutboxState.PENDING) == 3
        dispatcher._release_batch(connection)
    await dispatcher.drain()
    assert [text for c, text, _ in sender.sent if c == 5] == [f"x{n}" for n in range(6)]
    sent_at = [at for c, _, at in sender.sent if c == 5]
    assert all(b - a >= 1 for a, b in itertools.pairwise(sent_at))
    assert set(_states(session).values()) == {OutboxState.SENT}


async def test_a_cancelled_broadcast_sends_nothing_more_of_its_claimed_rows(session, engine):
    org = seed_org(session)
    broadcast = Broadcast(created_by_id=org.members[HEAD_ID], text="hi")
    session.add(broadcast)
    session.commit()
    _enqueue(session, range(1, 9), broadcast_id=broadcast.id)

    def cancel_during_the_third_send(sent: int) -> None:
        if sent == 2:
            _cancel(engine, broadcast.id)

    time = FakeTime()
    sender = Recorder(time, during=cancel_during_the_third_send)
    await _dispatcher(engine, sender, time).drain()
    assert [c for c, _, _ in sender.sent] == [1, 2, 3]  # the third was in flight at the cancel
    states = sorted(_states(session).values())
    assert states.count(OutboxState.SENT) == 3 and states.count(OutboxState.CANCELLED) == 5
    assert {r.claimed_by for r in outbox_repo.rows(session)} == {None}


def test_a_dead_process_s_claimed_rows_of_a_cancelled_broadcast_are_not_sent_later(
        session, engine):
    org = seed_org(session)
    broadcast = Broadcast(created_by_id=org.members[HEAD_ID], text="hi")
    session.add(broadcast)
    session.commit()
    _enqueue(session, range(1, 5), broadcast_id=broadcast.id)
    with engine.begin() as connection:
        assert len(outbox_repo.claim_batch(connection, now=NOW, worker="dead", limit=3)) == 3
    _cancel(engine, broadcast.id)
    with Session(engine) as other:
        assert outbox_repo.release_stale(other, claimed_before=NOW + dt.timedelta(1)) == 3
        other.commit()
    assert set(_states(session).values()) == {OutboxState.CANCELLED}


async def test_a_row_cancelled_while_its_send_fails_is_not_retried(session, engine):
    org = seed_org(session)
    broadcast = Broadcast(created_by_id=org.members[HEAD_ID], text="hi")
    session.add(broadcast)
    session.commit()
    _enqueue(session, [1], broadcast_id=broadcast.id)

    time = FakeTime()
    sender = Recorder(time, during=lambda _sent: _cancel(engine, broadcast.id),
                      script={1: [TransientFailure("502")]})
    await _dispatcher(engine, sender, time).drain()
    [row] = outbox_repo.rows(session)
    assert row.state == OutboxState.CANCELLED and not sender.sent


async def test_a_blocked_chat_s_other_claimed_rows_are_held_unreachable(session, engine):
    org = seed_org(session)
    member = session.get(Member, org.members[HEAD_ID])
    for n in range(3):
        enqueue(session, kind="t", subject=f"s{n}", period="p", now=NOW, text="x",
                member=member)
    session.commit()
    time = FakeTime()
    sender = Recorder(time, script={HEAD_ID: [Unreachable("403")]})
    await _dispatcher(engine, sender, time).drain()
    rows = outbox_repo.rows(session, kind="t")
    assert [r.state for r in rows] == [OutboxState.UNREACHABLE] * 3
    assert HEAD_ID not in [c for c, _, _ in sender.sent]


async def test_a_write_lock_held_by_another_process_does_not_hold_the_event_loop(
        session, engine, database_url):
    """On SQLite another process's long write (the planner's catch-up in a worker) makes the
    settle after a send wait for the lock: the wait is the dispatcher's alone, the event loop
    (everyone's answers) goes on, and the row is settled once the lock is free."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's single writer")
    _enqueue(session, [HEAD_ID])
    holder = sqlite3.connect(engine.url.database, isolation_level=None)
    loop = asyncio.get_running_loop()

    def take_the_lock(_sent: int) -> None:  # during the send: another process starts writing
        holder.execute("BEGIN IMMEDIATE")
        loop.call_later(1.0, holder.rollback)

    time = FakeTime()
    drain = asyncio.ensure_future(_dispatcher(engine, Recorder(time, take_the_lock),
                                              time).drain())
    longest, last = 0.0, loop.time()
    while not drain.done():
        await asyncio.sleep(0.01)
        longest, last = max(longest, loop.time() - last), loop.time()
    assert await drain == 1
    holder.close()
    assert set(_states(session).values()) == {OutboxState.SENT}
    assert longest < 0.5  # the loop ran its ticks while the lock was held for a second
