"""Benchmark 7, `blocking`: nobody waits for somebody else's work.

20 members ask «what do I owe?» in a loop over HTTP through the sandbox while, one at a time,
the secretariat exports the session pack (PDF and XLSX) and the quarter, draws the compliance
chart, imports minutes with 100 resolutions as a .docx, sends two .docx decompression bombs
(one declaring its 300 MB, one hiding them), and starts a broadcast to 5,000 (at Telegram's
30 a second: its first seconds); then the bot restarts and its planner catches up a week. For
each: its own duration, and the others' /owe p99 and max while it ran, beside the same load
with nothing else going on. The 20 ask 100 times a second together (the quick run: 5 users, 20
times), each counted from its turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import sqlalchemy as sa

from bench import processes
from bench.bomb import REFUSED, Memory, zip_bomb
from bench.dataset import Dataset, vacuumed
from bench.figures import Figure, at_most, info, percentile
from bench.importing import minutes_docx, minutes_text
from bench.over_http import collector_paused, round_trip
from bench.scale import Scale
from mina_bot.delivery import broadcasts
from mina_bot.delivery.audience import Audience, recipients
from mina_bot.identity import load_actor
from mina_bot.jalali import jalali_ymd
from mina_bot.reminders.service import LAST_PASS, run_planner
from mina_bot.runtime import Runtime
from storage.models import ConversationState, Membership, OutboxMessage, OutboxState

BROADCAST = 5000
# A short backoff after the sandbox's 429s, and the sending window open whatever the hour, so
# that the planner's catch-up does its work; the sending rate is the bot's own, Telegram's.
ENV = {"MINA_FLOOD_LIMIT": "1000000", "MINA_REMINDER_QUIET_START": "00:00",
       "MINA_REMINDER_QUIET_END": "00:00", "MINA_REMINDER_DAYS_OFF": "",
       "MINA_DELIVERY_BACKOFF_BASE": "0.1", "MINA_DELIVERY_BACKOFF_CAP": "1.0",
       "MINA_DELIVERY_POLL_SECONDS": "0.05"}


async def _wait(sandbox: processes.Sandbox, user: int, since: int,
                done: Callable[[list[dict]], bool] = bool) -> list[dict]:
    """The bot's messages after `since` once `done` says they hold what was asked for."""
    count, deadline = 1, time.monotonic() + 115.0
    while True:
        entries = await sandbox.control("GET", f"/chats/{user}/wait", params={
            "count": count, "since": since, "timeout": max(1.0, deadline - time.monotonic())})
        if done(entries):
            return entries
        count = len(entries) + 1


def _buttons(entry: dict) -> list[str]:
    return [b.get("callback_data", "") for row in entry.get("reply_markup") or [] for b in row]


def _with_button(prefix: str) -> Callable[[list[dict]], bool]:
    return lambda entries: any(d.startswith(prefix) for e in entries for d in _buttons(e))


async def _say(sandbox: processes.Sandbox, user: int, words: str,
               done: Callable[[list[dict]], bool] = bool) -> list[dict]:
    sent = await sandbox.control("POST", f"/users/{user}/messages", json={"text": words})
    return await _wait(sandbox, user, sent["message_id"], done)


async def _press(sandbox: processes.Sandbox, user: int, entries: list[dict], prefix: str,
                 done: Callable[[list[dict]], bool] = bool) -> list[dict]:
    entry, data = next((e, d) for e in entries for d in _buttons(e) if d.startswith(prefix))
    await sandbox.control("POST", f"/users/{user}/callbacks",
                          json={"message_id": entry["message_id"], "data": data})
    return await _wait(sandbox, user, entry["message_id"], done)


def _documents(entries: list[dict]) -> bool:
    return sum(1 for e in entries if e.get("document")) >= 2  # XLSX and PDF


async def _chart(sandbox: processes.Sandbox, head: int) -> None:
    table = await _say(sandbox, head, "/reports", _with_button("rpt:trend:"))
    await _press(sandbox, head, table, "rpt:trend:", lambda es: any(e.get("photo") for e in es))


def _import_docx(data: Dataset, scale: Scale) -> tuple[dt.date, bytes]:
    """The minutes to import and their session's day, made before the measurement."""
    day = data.coming_date + dt.timedelta(weeks=30)
    return day, minutes_docx(minutes_text(scale.import_rows, session_day=day, seed=data.seed,
                                          provinces=min(scale.provinces, 31)))


async def _import(sandbox: processes.Sandbox, head: int, minutes: tuple[dt.date, bytes]):
    day, docx = minutes
    await _say(sandbox, head, f"/import {jalali_ymd(day)}")
    form = aiohttp.FormData()
    form.add_field("file", docx, filename="minutes.docx",
                   content_type="application/vnd.openxmlformats-officedocument."
                                "wordprocessingml.document")
    sent = await sandbox.control("POST", f"/users/{head}/documents", data=form)
    preview = await _wait(sandbox, head, sent["message_id"], _with_button("imp:"))
    while not _with_button("imp:ok")(preview):  # a unit the directory does not know: create it
        preview = await _press(sandbox, head, preview, "imp:new", _with_button("imp:"))
    await _press(sandbox, head, preview, "imp:ok")


async def _bomb(sandbox: processes.Sandbox, head: int, data: Dataset, bomb: bytes,
                hidden: bool) -> None:
    """The secretariat sends a decompression bomb as the minutes, until its clear refusal."""
    await _say(sandbox, head, f"/import {jalali_ymd(data.coming_date + dt.timedelta(weeks=31))}")
    form = aiohttp.FormData()
    form.add_field("file", bomb, filename="minutes.docx",
                   content_type="application/vnd.openxmlformats-officedocument."
                                "wordprocessingml.document")
    sent = await sandbox.control("POST", f"/users/{head}/documents", data=form)
    [refusal] = await _wait(sandbox, head, sent["message_id"])
    await _say(sandbox, head, "/cancel")
    said = refusal.get("text") or ""
    if not any(words in said for words in REFUSED[hidden]):
        raise RuntimeError(f"not the clear refusal: {said[:200]!r}")


def _settle_reminders(runtime: Runtime) -> None:
    """The week's reminders planned and delivered before the measurement: the bot starts with
    an empty outbox and the planner at its frontier (the catch-up has its own figure); their
    27,000 rows vacuumed now, not by autovacuum during a measurement."""
    settings = runtime.settings.model_copy(update={
        "reminder_quiet_start": dt.time(0), "reminder_quiet_end": dt.time(0),
        "reminder_days_off": ()})
    with runtime.session() as session:
        run_planner(session, now=runtime.clock.now(), settings=settings)
        session.exec(sa.update(OutboxMessage).where(
            OutboxMessage.state == OutboxState.PENDING, OutboxMessage.broadcast_id.is_(None))
            .values(state=OutboxState.SENT))
    vacuumed(runtime.engine)


async def _broadcast_draft(sandbox: processes.Sandbox, runtime: Runtime, data: Dataset) -> int:
    """A broadcast draft to about 5,000 members (whole units), every one of them known to the
    sandbox (before the measurement: the load generator's own work is not the bot's)."""
    with runtime.session() as session:
        actor = load_actor(session, telegram_id=data.secretariat_head, admin_ids=())
        draft = broadcasts.start_draft(session, actor=actor, body="اطلاعیه آزمون انسداد")
        sizes = session.exec(sa.select(Membership.unit_id, sa.func.count()).group_by(
            Membership.unit_id).order_by(Membership.unit_id)).all()
        audience, total = Audience(), 0
        for unit_id, size in sizes:
            if total >= BROADCAST:
                break
            audience, total = audience.toggle_unit(unit_id), total + size
        draft.audience = audience.to_json()
        session.add(draft)
        draft_id = draft.id
        chats = [m.telegram_id for m in recipients(session, audience)]
    for start in range(0, len(chats), 200):
        await asyncio.gather(*(sandbox.control("POST", f"/users/{user}", json={})
                               for user in chats[start:start + 200]))
    return draft_id


async def _broadcast(sandbox: processes.Sandbox, runtime: Runtime, head: int, draft_id: int,
                     window: float) -> str:
    """The head opens the draft's preview and presses «send»: the bot enqueues it and sends at
    its rate, Telegram's 30 a second. The others ask through its first `window` seconds (the
    whole would take minutes), then it is cancelled. How many went out meanwhile."""
    *_, last = await _say(sandbox, head, "/help")  # a message of the bot's, to press on
    await sandbox.control("POST", f"/users/{head}/callbacks",
                          json={"message_id": last["message_id"], "data": f"bc:prev:{draft_id}"})
    preview = [await _edited(sandbox, head, last["message_id"], "bc:send:")]
    await _press(sandbox, head, preview, "bc:send:")  # the progress message, once enqueued
    await asyncio.sleep(window)
    with runtime.session() as session:
        state = broadcasts.progress(session, broadcast_id=draft_id)
        broadcasts.cancel(session, actor=load_actor(session, telegram_id=head, admin_ids=()),
                          broadcast_id=draft_id)
    return (f"{state.sent:,} of {state.total:,} sent in {window:.0f} s "
            f"({state.sent / window:.0f}/s)")


async def _edited(sandbox: processes.Sandbox, user: int, message_id: int, prefix: str) -> dict:
    """The message once an edit gave it a button whose data starts with `prefix`."""
    for _ in range(600):
        entries = await sandbox.control("GET", f"/chats/{user}/messages")
        found = next(e for e in entries if e["message_id"] == message_id)
        if any(d.startswith(prefix) for d in _buttons(found)):
            return found
        await asyncio.sleep(0.05)
    raise RuntimeError(f"no {prefix} button on message {message_id}")


async def _planner_pass(runtime: Runtime, since: float) -> None:
    while True:
        with runtime.session() as session:
            row = session.get(ConversationState, LAST_PASS)
            if row and dt.datetime.fromisoformat(row.state["at"]).timestamp() >= since:
                return
        await asyncio.sleep(0.1)


async def _under_load(sandbox: processes.Sandbox, users: list[int],
                      action: Callable[[], Awaitable[object]], least: float,
                      scale: Scale) -> dict:
    """Run `action` (given up after the scale's limit) while the users ask /owe, together at
    the scale's rate, each round trip counted from its turn; its duration, the round trips."""
    rate, limit = scale.blocking_rate, scale.action_limit
    samples: list[float] = []
    failures = 0
    done = asyncio.Event()

    async def member(index: int, user: int) -> None:
        nonlocal failures
        turn = time.perf_counter() + index / rate
        while not done.is_set():
            await asyncio.sleep(max(0.0, turn - time.perf_counter()))
            begun, turn = turn, turn + len(users) / rate
            try:
                await round_trip(sandbox, user, ("text", "/owe"))
            except RuntimeError:
                failures += 1
            samples.append(time.perf_counter() - begun)

    workers = [asyncio.create_task(member(i, u)) for i, u in enumerate(users)]
    started = time.perf_counter()
    finished, error, outcome = True, None, None
    with collector_paused():
        try:
            outcome = await asyncio.wait_for(action(), limit)
        except (TimeoutError, RuntimeError) as exc:
            finished, error = False, repr(exc)[:300]
        seconds = time.perf_counter() - started
        await asyncio.sleep(max(0.0, least - seconds))
        done.set()
        await asyncio.gather(*workers)
    return {"seconds": seconds if finished else None, "p99": percentile(samples, 0.99) * 1000,
            "max": max(samples, default=float("nan")) * 1000, "round_trips": len(samples),
            "failures": failures, "error": error,
            "outcome": outcome if isinstance(outcome, str) else None}


async def measure(runtime: Runtime, data: Dataset, scale: Scale, *, token: str, url: str,
                  log: Path) -> tuple[list[Figure], dict]:
    """The quiet figure, then each action under the same load."""
    officers = set(data.officers)
    users = [u for u in data.everyone if u not in officers and u != data.secretariat_head]
    users = users[:scale.e2e_users]
    head = data.secretariat_head
    found: dict[str, dict] = {}
    async with processes.sandbox() as sandbox:
        bot = _Bot(sandbox, scale.broadcast_rate, token=token, url=url, log=log, env=ENV)
        _settle_reminders(runtime)
        spawned = await bot.start()
        await _planner_pass(runtime, spawned)
        await asyncio.gather(*(round_trip(sandbox, u, ("text", "/owe")) for u in users))
        found["quiet"] = await _under_load(sandbox, users, lambda: asyncio.sleep(0),
                                           scale.blocking_seconds, scale)
        actions = {
            "session pack": lambda: _say(sandbox, head, "/export", _documents),
            "quarter": lambda: _say(sandbox, head, "/export quarter", _documents),
            "chart": lambda: _chart(sandbox, head),
            "import": lambda: _import(sandbox, head, minutes),
            "bomb": lambda: _bomb(sandbox, head, data, bombs[False], False),
            "hidden bomb": lambda: _bomb(sandbox, head, data, bombs[True], True),
            "broadcast": lambda: _broadcast(sandbox, runtime, head, draft,
                                            scale.broadcast_window),
        }
        bombs = {hidden: zip_bomb(hide_size=hidden) for hidden in (False, True)}
        minutes = _import_docx(data, scale)
        draft = await _broadcast_draft(sandbox, runtime, data)
        for name, action in actions.items():
            print(f"bench: blocking: {name}…", flush=True, file=sys.stderr)
            # Memory sampled for the bombs only: the sampling costs CPU too.
            memory = Memory(bot.process.pid) if "bomb" in name else None
            with memory or contextlib.nullcontext():
                found[name] = await _under_load(sandbox, users, action, 0.5, scale)
            if memory is not None:
                found[name].update(rss_mb=round(memory.own_peak, 1),
                                   rss_with_workers_mb=round(memory.family_peak, 1))
            if found[name]["seconds"] is None:  # still at it: it would weigh on the next one
                found[name]["chat"] = [(m["text"] or m.get("caption") or "")[:200] for m in (
                    await sandbox.control("GET", f"/chats/{head}/messages"))[-4:]]
                await bot.stop()
                await bot.start()
        # Down for a week: the restarted bot's planner catches up the whole look-back.
        await bot.stop()
        with runtime.session() as session:
            session.exec(sa.delete(ConversationState).where(ConversationState.key == LAST_PASS))
        spawned = await bot.start(wait=False)
        answering = await sandbox.first_call("getUpdates")
        found["restart"] = await _under_load(
            sandbox, users, lambda: _planner_pass(runtime, spawned), 0.5, scale)
        if found["restart"]["seconds"] is not None:
            found["restart"]["seconds"] = time.time() - answering
        await bot.stop()
    return _figures(found, scale), found


class _Bot:
    """Mina in its own process, stopped and started again between actions."""

    def __init__(self, sandbox: processes.Sandbox, rate: float, **options) -> None:
        self.sandbox, self.rate, self.options = sandbox, rate, options
        self.running, self.process = None, None

    async def start(self, wait: bool = True) -> float:
        """Spawn it on a fresh sandbox (first_call then sees this start); the spawn time."""
        await self.sandbox.control("POST", "/reset")
        await self.sandbox.control("POST", "/rate-limit", json={"per_second": self.rate})
        self.running = processes.bot("mina", api_base_url=self.sandbox.api_base_url,
                                     database_url=self.options["url"],
                                     token=self.options["token"], log=self.options["log"],
                                     env=self.options["env"])
        self.process, spawned = await self.running.__aenter__()
        if wait:
            await self.sandbox.first_call("getUpdates")
        return spawned

    async def stop(self) -> None:
        """Terminate it."""
        await self.running.__aexit__(None, None, None)


def _figures(found: dict[str, dict], scale: Scale) -> list[Figure]:
    quiet = found["quiet"]
    figures = [info("blocking.quiet_p99_ms", f"blocking: {scale.e2e_users} users' /owe p99 at "
                    f"{scale.blocking_rate:.0f}/s, quiet",
                    quiet["p99"], "ms", f"max {quiet['max']:.0f} ms, "
                                        f"{quiet['round_trips']:,} round trips")]
    limit = min(100.0, 2 * quiet["p99"])
    for name, got in found.items():
        if name == "quiet":
            continue
        own = (f"not done in {scale.action_limit:.0f} s" if got["seconds"] is None
               else got.get("outcome") or f"{got['seconds']:.1f} s")
        key = name.replace(" ", "_")
        figures.append(at_most(f"blocking.{key}_p99_ms", f"blocking: others' /owe p99 during "
                               f"{name}", got["p99"], "ms", limit,
                               f"its own {own}; max {got['max']:.0f} ms; "
                               f"{got['failures']} unanswered"))
        if "bomb" in name and "rss_mb" in got:
            figures.append(info(f"blocking.{key}_rss_mb", f"blocking: the bot's peak RSS during "
                                f"{name}", got["rss_mb"], "MB", f"with its workers "
                                f"{got['rss_with_workers_mb']:.0f} MB"))
    return figures
