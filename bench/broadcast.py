"""Benchmark 3: a broadcast to every member through the outbox and the dispatcher.

The sandbox (its own process) enforces a raised flood limit; the dispatcher runs in this
process over a real telegram.Bot. A second broadcast runs with 5% 429s and 5% 5xx injected and
the sandbox's per-chat counters prove every recipient got exactly one copy. Telegram's real
30/s is computed, not run.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

from bench import processes
from bench.dataset import Dataset
from bench.figures import Figure, at_least, info
from bench.scale import Scale
from messenger.api_request import sending_bot
from messenger.sender import PtbSender
from mina_bot.delivery import broadcasts
from mina_bot.delivery.dispatcher import Dispatcher
from mina_bot.identity import load_actor
from mina_bot.runtime import Runtime

TELEGRAM_RATE = 30.0
FAULT_RATE = 0.05
RETRY_AFTER = 0.05  # seconds: a short 429 pause, so the faulty run stays short


def _launch(runtime: Runtime, data: Dataset, body: str) -> tuple[int, int, float]:
    """Compose and launch a broadcast to everyone as the secretariat's head."""
    started = time.perf_counter()
    with runtime.session() as session:
        actor = load_actor(session, telegram_id=data.secretariat_head, admin_ids=())
        draft = broadcasts.start_draft(session, actor=actor, body=body)
        broadcasts.change_audience(session, actor=actor, broadcast_id=draft.id, what="everyone")
        count = broadcasts.launch(session, actor=actor, broadcast_id=draft.id,
                                  now=runtime.clock.now(), settings=runtime.settings,
                                  progress_chat_id=data.secretariat_head)
    return draft.id, count, time.perf_counter() - started


async def _deliver(runtime: Runtime, dispatcher: Dispatcher, broadcast_id: int,
                   rate: float) -> float:
    """Run the dispatcher until nothing of the broadcast waits; wall seconds until seen done."""
    finished = False
    started = time.perf_counter()
    ended = started

    async def watch() -> None:
        nonlocal finished, ended
        while not finished:
            with runtime.session() as session:
                state = broadcasts.progress(session, broadcast_id=broadcast_id)
            if state.done:
                ended, finished = time.perf_counter(), True
                return
            # Poll rarely while much is left and often near the end: the watcher shares the
            # dispatcher's event loop, and its count query would otherwise slow what it measures.
            await asyncio.sleep(min(0.5, max(0.02, state.waiting / rate / 4)))

    await asyncio.gather(dispatcher.run(lambda: finished), watch())
    return ended - started


async def _sent_per_chat(sandbox: processes.Sandbox) -> Counter[int]:
    stats = await sandbox.control("GET", "/stats")
    return Counter({int(chat): counts.get("sendMessage", 0)
                    for chat, counts in stats["per_chat"].items()})


async def measure(runtime: Runtime, data: Dataset, scale: Scale) -> tuple[list[Figure], dict]:
    """Achieved rate against the raised limit; exactly one copy each under injected faults."""
    rate = scale.broadcast_rate
    settings = runtime.settings.model_copy(update={
        "delivery_rate_per_second": rate, "delivery_backoff_base": 0.1,
        "delivery_backoff_cap": 1.0, "delivery_poll_seconds": 0.05})
    async with processes.sandbox() as sandbox:
        for start in range(0, len(data.everyone), 200):  # every member has a chat with the bot
            await asyncio.gather(*(sandbox.control("POST", f"/users/{user}", json={})
                                   for user in data.everyone[start:start + 200]))
        await sandbox.control("POST", "/rate-limit", json={"per_second": rate})
        # The bot's own transport, as `bot.py dispatch` and the bot's dispatcher send.
        async with sending_bot(settings.token, base_url=sandbox.api_base_url) as bot:
            dispatcher = Dispatcher(engine=runtime.engine, sender=PtbSender(bot, 10.0),
                                    settings=settings)
            first, count, enqueue_s = _launch(runtime, data, "اطلاعیه آزمون سامانه مینا")
            seconds = await _deliver(runtime, dispatcher, first, rate)
            before = await _sent_per_chat(sandbox)
            for kind in ("429", "500"):
                await sandbox.control("POST", "/faults", json={
                    "method": "sendMessage", "kind": kind, "rate": FAULT_RATE, "seed": data.seed,
                    "retry_after": RETRY_AFTER})
            second, count2, _ = _launch(runtime, data, "اطلاعیه دوم، با خطاهای تزریق‌شده")
            faulty_s = await _deliver(runtime, dispatcher, second, rate)
            after = await _sent_per_chat(sandbox)
            stats = await sandbox.control("GET", "/stats")
    copies = Counter(after[user] - before[user] for user in data.everyone)
    exact = copies.get(1, 0) / len(data.everyone)
    achieved = count / seconds
    capacity = f"{achieved / TELEGRAM_RATE:.1f}×" if achieved else "n/a"
    figures = [
        at_least("broadcast.rate_ratio", f"broadcast: {count:,} at {rate:.0f}/s, achieved rate",
                 achieved / rate, "× limit", 0.95, f"{achieved:,.0f}/s of {rate:.0f}/s; "
                 f"enqueue {enqueue_s * 1000:.0f} ms"),
        at_least("broadcast.exactly_once", "broadcast: exactly one copy (5% 429 + 5% 5xx)",
                 exact * 100, "%", 100.0, f"{dict(sorted(copies.items()))} copies→users; "
                 f"{faulty_s:.1f} s"),
        info("broadcast.telegram_30_s", "broadcast: at Telegram's 30/s (computed)",
             count / TELEGRAM_RATE, "s", f"dispatcher did {capacity} that rate here"),
    ]
    return figures, {"recipients": count, "seconds": seconds, "achieved_per_s": achieved,
                     "faulty_recipients": count2, "faulty_seconds": faulty_s,
                     "copies": dict(copies), "errors": stats["errors"]}
