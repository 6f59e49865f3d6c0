"""Benchmark 5: the running bot's resident memory, and the time from spawn to first getUpdates.

Memory is read twice: once 20 members have asked «what do I owe?», and once every member has,
the bot's steady state on a Monday morning; then also with the worker processes it started
(the first reminder pass, a catch-up, runs in one).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import time
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from bench import processes
from bench.figures import Figure, at_most, info
from bench.over_http import round_trip
from mina_bot.reminders.service import LAST_PASS, MESSAGE, SESSION_MESSAGE
from storage.db import make_engine
from storage.models import ConversationState, OutboxMessage, ReminderItem
from storage.repositories import conversations

WARM_USERS = 20
AT_ONCE = 20  # members asking at the same time while everyone asks


async def _ask(sandbox: processes.Sandbox, users: Sequence[int]) -> None:
    queue = iter(users)

    async def one_keyboard() -> None:
        for user in queue:  # the workers share one iterator: each member asks once
            await round_trip(sandbox, user, ("text", "/owe"))

    await asyncio.gather(*(one_keyboard() for _ in range(AT_ONCE)))


def _never_planned(url: str) -> None:
    """The dataset's reminders as generated, whatever ran before: none planned, none waiting
    (the planner's figure plans a day ahead and leaves its messages pending, 100,000 at ten
    times the country: the first pass would be no catch-up, and the asks would share the bot
    with their sending)."""
    engine = make_engine(url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            session.exec(sa.delete(ReminderItem))
            session.exec(sa.delete(OutboxMessage).where(
                OutboxMessage.kind.in_((MESSAGE, SESSION_MESSAGE))))
            session.exec(sa.delete(ConversationState).where(ConversationState.key == LAST_PASS))
            session.commit()
    finally:
        engine.dispose()


async def _first_reminder_pass(url: str, since: float, timeout: float = 120.0) -> None:
    """Wait until the bot has finished its first reminder pass: on a dataset whose reminders
    were never planned it catches up years of them, and its memory belongs in the figure."""
    engine = make_engine(url, poolclass=NullPool)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with Session(engine) as session:
                row = conversations.get_state(session, key=LAST_PASS)
            if row and dt.datetime.fromisoformat(row.state["at"]).timestamp() >= since:
                return
            await asyncio.sleep(0.2)
        raise TimeoutError("the bot's first reminder pass did not end")
    finally:
        engine.dispose()


async def _one(kind: str, sandbox: processes.Sandbox, users: Sequence[int], *, token: str,
               url: str, log: Path) -> dict:
    await sandbox.control("POST", "/reset")
    if kind == "mina":
        _never_planned(url)
    async with processes.bot(kind, api_base_url=sandbox.api_base_url, token=token,
                             database_url=url, log=log) as (process, spawned):
        first = await sandbox.first_call("getUpdates")
        if kind == "mina":
            await _first_reminder_pass(url, spawned)
        await _ask(sandbox, users[:WARM_USERS])
        warm, _ = processes.resident_mb(process.pid)
        await _ask(sandbox, users[WARM_USERS:])
        rss, peak = processes.resident_mb(process.pid)
        family = processes.family_resident_mb(process.pid)
    return {"startup_s": first - spawned, "warm_rss_mb": warm, "rss_mb": rss,
            "peak_rss_mb": peak, "with_workers_mb": family, "members": len(users)}


async def measure(probes: Sequence[int], everyone: Sequence[int], *, token: str, url: str,
                  log: Path) -> tuple[list[Figure], dict]:
    """Mina started on the dataset and asked /owe by 20 members, then by all; the echo bot
    beside it."""
    seen = set(probes[:WARM_USERS])
    users = [*probes[:WARM_USERS], *itertools.filterfalse(seen.__contains__, everyone)]
    async with processes.sandbox() as sandbox:
        mina = await _one("mina", sandbox, users, token=token, url=url, log=log)
        echo = await _one("echo", sandbox, users, token=token, url=url, log=log)
    figures = [
        at_most("footprint.rss_mb", f"footprint: bot RSS, all {len(users):,} members asked",
                mina["rss_mb"], "MB", 150,
                f"echo bot {echo['rss_mb']:.0f} MB; Mina peak {mina['peak_rss_mb']:.0f} MB; "
                f"with its fork server and worker {mina['with_workers_mb']:.0f} MB"),
        info("footprint.warm_rss_mb", f"footprint: bot RSS, {WARM_USERS} members asked",
             mina["warm_rss_mb"], "MB", f"echo bot {echo['warm_rss_mb']:.0f} MB"),
        at_most("footprint.startup_s", "footprint: spawn to first getUpdates",
                mina["startup_s"], "s", 2.0, f"echo bot {echo['startup_s']:.2f} s"),
    ]
    return figures, {"mina": mina, "echo": echo}
