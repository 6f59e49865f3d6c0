"""The outbox and the dispatcher on a real database, with a scripted in-memory Sender."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import threading

from mina_bot.clock import FakeClock
from mina_bot.delivery import broadcasts
from mina_bot.delivery.dispatcher import Dispatcher, backoff
from mina_bot.delivery.errors import PermanentFailure, RetryLater, TransientFailure, Unreachable
from mina_bot.delivery.outbox import enqueue, enqueue_rows, outbox_row
from mina_bot.identity import load_actor
from mina_bot.settings import Settings
from storage.models import Member, OutboxState
from storage.repositories import outbox as outbox_repo
from tests.fixtures.organisation import HEAD_ID, SECRETARY_ID, seed_org
from tests.fixtures.senders import RecordingSender, no_sleep

NOW = dt.datetime(2021, 4, 26, 5, 0, tzinfo=dt.UTC)
FAST = Settings(_env_file=None, delivery_chat_interval=0, delivery_backoff_base=0,
                delivery_backoff_cap=0, delivery_max_attempts=3)


class ScriptedSender(RecordingSender):
    """Raises the scripted errors for a chat in order, then succeeds; records deliveries."""

    def __init__(self, script: dict[int, list[Exception]] | None = None) -> None:
        self.script = script or {}
        self.delivered: list[tuple[int, str]] = []

    async def send_text(self, chat_id, html, *, buttons=None):
        errors = self.script.get(chat_id) or []
        if errors:
            raise errors.pop(0)
        self.delivered.append((chat_id, html))
        return len(self.delivered)


def _dispatcher(engine, sender, settings=FAST, clock=None) -> Dispatcher:
    return Dispatcher(engine=engine, sender=sender, settings=settings, worker="test",
                      clock=clock or FakeClock(NOW), sleep=no_sleep, rng=random.Random(1))


def test_rows_enqueued_at_once_insert_only_new_keys_and_say_which(session):
    """The planner's bulk insert: a key already in the outbox is left as it was, a key twice
    in one batch goes in once, and a member without an account gets no row."""
    org = seed_org(session)
    head, secretary = (session.get(Member, org.members[i]) for i in (HEAD_ID, SECRETARY_ID))
    args = {"kind": "reminder.deadline", "period": "d0", "now": NOW, "text": "x"}
    sent = enqueue(session, subject="resolution:1", member=head, **args)
    outbox_repo.get(session, message_id=sent).state = OutboxState.SENT
    session.flush()
    rows = [outbox_row(subject=subject, member=member, state=OutboxState.DROPPED, **args)
            for subject, member in (("resolution:1", head), ("resolution:2", head),
                                    ("resolution:2", secretary), ("resolution:2", head))]
    inserted = enqueue_rows(session, rows)
    assert inserted == {rows[1]["dedupe_key"], rows[2]["dedupe_key"]}
    assert outbox_repo.get(session, message_id=sent).state == OutboxState.SENT
    assert outbox_row(subject="s", member=Member(name="بی‌حساب"), **args) is None
    assert enqueue_rows(session, []) == set()


def test_the_same_dedupe_key_is_enqueued_once(session):
    org = seed_org(session)
    member = session.get(Member, org.members[HEAD_ID])
    args = {"kind": "report.copy", "subject": "report:1", "period": "v1", "now": NOW,
            "member": member, "text": "x"}
    assert enqueue(session, **args) is not None
    assert enqueue(session, **args) is None
    assert len(outbox_repo.rows(session)) == 1


async def test_outcomes_sent_retried_failed_and_unreachable(session, engine):
    org = seed_org(session)
    for telegram_id in (HEAD_ID, 903, 904):
        enqueue(session, kind="t", subject="s", period="p", now=NOW, text="hi",
                member=session.get(Member, org.members[telegram_id]))
    session.commit()
    sender = ScriptedSender({HEAD_ID: [RetryLater(0), TransientFailure("502")],
                             903: [TransientFailure("x")] * 3, 904: [Unreachable("403")]})
    clock = FakeClock(NOW)
    dispatcher = _dispatcher(engine, sender, clock=clock)
    for _ in range(4):
        await dispatcher.drain()
        clock.advance(dt.timedelta(seconds=1))
    states = {r.chat_id: r.state for r in outbox_repo.rows(session, kind="t")}
    assert states == {HEAD_ID: OutboxState.SENT, 903: OutboxState.FAILED,
                      904: OutboxState.UNREACHABLE}
    assert [c for c, _ in sender.delivered].count(HEAD_ID) == 1
    session.expire_all()
    assert session.get(Member, org.members[904]).unreachable_since == NOW
    told = [r for r in outbox_repo.rows(session, kind="unreachable")]
    assert [r.chat_id for r in told] == [SECRETARY_ID]  # the secretariat, once
    assert (SECRETARY_ID, told[0].payload["text"]) in sender.delivered
    # Later messages to the unreachable member are held, until they write again.
    enqueue(session, kind="t", subject="s2", period="p", now=NOW, text="again",
            member=session.get(Member, org.members[904]))
    assert outbox_repo.rows(session, kind="t")[-1].state == OutboxState.UNREACHABLE
    assert outbox_repo.clear_unreachable(session, telegram_id=904)
    enqueue(session, kind="t", subject="s3", period="p", now=NOW, text="back",
            member=session.get(Member, org.members[904]))
    assert outbox_repo.rows(session, kind="t")[-1].state == OutboxState.PENDING


async def test_a_permanent_failure_is_not_retried(session, engine):
    enqueue(session, kind="t", subject="s", period="p", now=NOW, text="<b", chat_id=42)
    session.commit()
    sender = ScriptedSender({42: [PermanentFailure("can't parse entities")]})
    await _dispatcher(engine, sender).drain()
    [row] = outbox_repo.rows(session)
    assert row.state == OutboxState.FAILED and "parse" in row.last_error


async def test_rows_left_sending_by_a_dead_process_are_sent_after_the_lease(session, engine):
    enqueue(session, kind="t", subject="s", period="p", now=NOW, text="hi", chat_id=42)
    session.commit()
    with engine.begin() as connection:
        assert len(outbox_repo.claim_batch(connection, now=NOW, worker="dead", limit=10)) == 1
    clock = FakeClock(NOW + dt.timedelta(seconds=10))
    dispatcher = _dispatcher(engine, ScriptedSender(), clock=clock)
    assert dispatcher.release_stale() == 0  # still within the lease
    clock.advance(dt.timedelta(seconds=FAST.delivery_lease_seconds))
    assert dispatcher.release_stale() == 1
    await dispatcher.drain()
    assert dispatcher.sender.delivered == [(42, "hi")]


def test_concurrent_claims_never_take_the_same_row(session, engine):
    for chat in range(60):
        enqueue(session, kind="t", subject="s", period="p", now=NOW, text="x", chat_id=chat)
    session.commit()
    claimed: list[int] = []
    lock = threading.Lock()

    def claimer(name: str) -> None:
        while True:
            with engine.begin() as connection:
                rows = outbox_repo.claim_batch(connection, now=NOW, worker=name, limit=7)
            if not rows:
                return
            with lock:
                claimed.extend(row.id for row in rows)

    threads = [threading.Thread(target=claimer, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed) == sorted(set(claimed)) and len(claimed) == 60


def test_backoff_grows_with_jitter_and_stays_capped():
    rng = random.Random(7)
    delays = [backoff(n, base=1, cap=30, rng=rng) for n in range(1, 8)]
    assert all(0.5 * min(30, 2 ** (n - 1)) <= d <= min(30, 2 ** (n - 1))
               for n, d in enumerate(delays, 1))
    assert max(delays) <= 30


async def test_stop_ends_the_dispatchers_wait_at_once(session, engine):
    """With an hour between polls, stop() still ends run() right after the last send."""
    enqueue(session, kind="t", subject="s", period="p", now=NOW, text="hi", chat_id=42)
    session.commit()
    sender = ScriptedSender()
    dispatcher = _dispatcher(engine, sender, settings=FAST.model_copy(
        update={"delivery_poll_seconds": 3600}))
    task = asyncio.create_task(dispatcher.run())
    while not sender.delivered:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.01)  # now waiting for a wake-up or the next poll
    assert not task.done()
    dispatcher.stop()
    await asyncio.wait_for(task, timeout=30)  # an hour if stop() did not wake it
    assert sender.delivered == [(42, "hi")]


async def test_a_member_deactivated_after_a_broadcast_was_queued_is_skipped(session, engine):
    org = seed_org(session, plain_members=3)
    sender_actor = load_actor(session, telegram_id=SECRETARY_ID, admin_ids=())
    draft = broadcasts.start_draft(session, actor=sender_actor, body="جلسه فردا")
    broadcasts.change_audience(session, actor=sender_actor, broadcast_id=draft.id, what="everyone")
    broadcasts.launch(session, actor=sender_actor, broadcast_id=draft.id, now=NOW,
                      settings=FAST, progress_chat_id=SECRETARY_ID)
    gone = session.get(Member, org.members[HEAD_ID])
    enqueue(session, kind="reminder", subject="s", period="p", now=NOW, text="یادآوری",
            member=gone)
    gone.active = False  # deactivated after the broadcast and the reminder were queued
    session.commit()
    sender = ScriptedSender()
    await _dispatcher(engine, sender).drain()
    assert HEAD_ID not in [chat for chat, _ in sender.delivered]
    assert outbox_repo.rows(session, kind="reminder")[0].state == OutboxState.NOT_MEMBER
    state = broadcasts.progress(session, broadcast_id=draft.id)
    assert (state.not_member, state.sent, state.waiting) == (1, state.total - 1, 0)
    assert broadcasts.finish_if_done(session, broadcast_id=draft.id, now=NOW, lang="fa")
    [report] = outbox_repo.rows(session, kind="broadcast.report")
    assert "دیگر عضو نیست: ۱" in report.payload["text"]
    assert f"{gone.name} (دیگر عضو نیست)" in report.payload["text"]


async def test_a_wall_clock_stepped_back_stalls_neither_retries_nor_leases(session, engine):
    enqueue(session, kind="t", subject="s", period="p", now=NOW, text="hi", chat_id=42)
    enqueue(session, kind="t", subject="s2", period="p", now=NOW, text="left", chat_id=43)
    session.commit()
    with engine.begin() as connection:  # a process that died holding the second row
        outbox_repo.claim_batch(connection, now=NOW, worker="dead", limit=1, skip_chats=[42])
    wall, seconds = FakeClock(NOW), [0.0]
    slow = FAST.model_copy(update={"delivery_backoff_base": 20, "delivery_backoff_cap": 20})
    sender = ScriptedSender({42: [TransientFailure("502")]})
    dispatcher = Dispatcher(engine=engine, sender=sender, settings=slow, worker="test",
                            clock=wall, sleep=no_sleep, rng=random.Random(1),
                            monotonic=lambda: seconds[0])
    await dispatcher.drain()  # fails: retried in 10–20 s
    assert dispatcher.release_stale() == 0
    wall.set(NOW - dt.timedelta(hours=1))  # the wall clock is stepped back an hour
    seconds[0] += slow.delivery_lease_seconds + 21
    assert dispatcher.release_stale() == 1
    await dispatcher.drain()
    assert sorted(sender.delivered) == [(42, "hi"), (43, "left")]
