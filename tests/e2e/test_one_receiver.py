"""One update-receiving bot per database: a second `bot.py run` refuses on SQLite and stands by
on PostgreSQL, taking over when the active one is killed (issue 25)."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.fixtures import launcher
from tests.fixtures.processes import kill_bot as _kill
from tests.fixtures.processes import say as _say
from tests.fixtures.processes import start_bot as _bot
from tests.fixtures.roster import INFRA_SECRETARY, SECRETARIAT


async def _second(env: dict[str, str], *args: str) -> launcher.BotProcess:
    return await launcher.start(*args, env=env, stdout=launcher.PIPE, stderr=launcher.PIPE)


async def test_a_second_bot_on_one_sqlite_file_refuses_with_one_line(process_env,
                                                                     sandbox_client):
    engine, env = process_env
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite only: PostgreSQL keeps a standby")
    first = await _bot(env)
    sender = None
    try:
        await _say(sandbox_client, SECRETARIAT, "/help")
        second = await _second(env, "run")
        _, stderr = await asyncio.wait_for(second.communicate(), 60)
        lines = stderr.decode().strip().splitlines()
        assert second.returncode == 2 and len(lines) == 1, stderr
        assert lines[0].startswith("mina: another `bot.py run` already receives updates on")
        sender = await _second(env, "dispatch")  # extra senders stay allowed
        await asyncio.sleep(3)
        assert sender.returncode is None
        ask = await _say(sandbox_client, SECRETARIAT, "/import 1400/01/30")
        assert "صورت‌جلسه را بفرستید" in ask["text"]
    finally:
        await _kill(first)
        if sender is not None:
            await _kill(sender)


async def test_a_standby_on_postgresql_takes_over_mid_conversation(process_env, sandbox_client):
    engine, env = process_env
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: SQLite refuses a second bot")
    first = await _bot(env)
    standby = None
    try:
        await _say(sandbox_client, SECRETARIAT, "/help")
        standby = await _second(env, "run")
        line = await asyncio.wait_for(standby.stderr.readline(), 30)
        while b"standby:" not in line and b"Mina starts" not in line and line:
            line = await asyncio.wait_for(standby.stderr.readline(), 30)
        assert b"standby: another bot receives updates" in line, line  # it does not poll
        await _say(sandbox_client, INFRA_SECRETARY, "/report")
        await asyncio.sleep(1)  # the step is stored (a kill sooner is item 12's case)
        await _kill(first)
        killed = time.monotonic()
        answer = await _say(sandbox_client, INFRA_SECRETARY, "نصب سرورهای مرکز داده")
        assert "برنامه هفته آینده" in answer["text"]  # the next question of the same report
        assert time.monotonic() - killed < 15
    finally:
        await _kill(first)
        if standby is not None:
            await _kill(standby)
