"""Dispatcher processes: killed with SIGKILL mid-broadcast, and two sharing one outbox."""

from __future__ import annotations

import asyncio
import signal

import pytest
from sqlmodel import Session

from mina_bot.clock import SystemClock
from mina_bot.delivery.outbox import enqueue
from storage.db import make_engine
from storage.models import OutboxState
from storage.repositories import audience as audience_repo
from storage.repositories import outbox as outbox_repo
from tests.fixtures import launcher
from tests.fixtures.organisation import seed_org
from tests.fixtures.processes import delivery_environment

RECIPIENTS = 120


async def _dispatcher(env: dict[str, str]) -> launcher.BotProcess:
    return await launcher.start("dispatch", env=env)


@pytest.fixture
async def outbox_of_a_broadcast(database_url, sandbox_client):
    """An organisation whose every member has one broadcast message waiting in the outbox."""
    engine = make_engine(database_url)
    with Session(engine) as session:
        seed_org(session, plain_members=RECIPIENTS - 4)
        members = audience_repo.reachable_members(session)
        for member in members:
            enqueue(session, kind="broadcast", subject="broadcast:test", period="-",
                    now=SystemClock().now(), member=member, text=f"سلام {member.name}")
        session.commit()
        chats = [m.telegram_id for m in members]
    for chat in chats:
        await sandbox_client.ensure_user(chat)
    yield engine, chats
    engine.dispose()


def _open_rows(engine) -> int:
    with Session(engine) as session:
        return len(outbox_repo.rows(session, states=[OutboxState.PENDING, OutboxState.SENDING]))


async def _until(condition, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def _stop(process: launcher.BotProcess) -> None:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)


async def test_a_dispatcher_killed_mid_broadcast_resends_at_most_the_message_in_flight(
        outbox_of_a_broadcast, sandbox, sandbox_client, database_url):
    engine, chats = outbox_of_a_broadcast
    await sandbox_client.inject_fault("sendMessage", "slow", delay=0.02)
    env = delivery_environment(database_url, sandbox.api_base_url)
    first = await _dispatcher(env)

    async def some_sent() -> bool:
        return (await sandbox_client.stats())["ok"].get("sendMessage", 0) >= RECIPIENTS // 3

    await _until(some_sent)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    assert _open_rows(engine) > 0  # killed mid-broadcast
    second = await _dispatcher(env)

    async def all_settled() -> bool:
        return _open_rows(engine) == 0

    try:
        await _until(all_settled)
    finally:
        await _stop(second)
    per_chat = (await sandbox_client.stats())["per_chat"]
    copies = [per_chat.get(str(chat), {}).get("sendMessage", 0) for chat in chats]
    assert min(copies) == 1 and max(copies) <= 2
    assert copies.count(2) <= 1  # only the one in flight at the kill, if any


async def test_two_dispatchers_on_one_outbox_send_nothing_twice(
        outbox_of_a_broadcast, sandbox, sandbox_client, database_url):
    engine, chats = outbox_of_a_broadcast
    await sandbox_client.inject_fault("sendMessage", "slow", delay=0.01)
    env = delivery_environment(database_url, sandbox.api_base_url)
    env["MINA_DELIVERY_LEASE_SECONDS"] = "30"  # both live: nothing may be taken from the other
    processes = [await _dispatcher(env), await _dispatcher(env)]

    async def all_settled() -> bool:
        return _open_rows(engine) == 0

    try:
        await _until(all_settled)
    finally:
        for process in processes:
            await _stop(process)
    per_chat = (await sandbox_client.stats())["per_chat"]
    assert [per_chat.get(str(chat), {}).get("sendMessage", 0) for chat in chats] == \
        [1] * len(chats)
    with Session(engine) as session:
        workers = {r.claimed_by for r in outbox_repo.rows(session)}
    assert workers == {None}  # every claim was settled


async def test_a_dispatcher_process_stops_on_sigterm_without_waiting_for_its_poll(
        sandbox, database_url):
    """SIGTERM wakes `bot.py dispatch` at once, though its next poll is an hour away."""
    env = delivery_environment(database_url, sandbox.api_base_url)
    env["MINA_DELIVERY_POLL_SECONDS"] = "3600"
    process = await launcher.start("dispatch", env=env, stderr=launcher.PIPE)
    try:
        async with asyncio.timeout(60):
            while b"delivers the outbox" not in await process.stderr.readline():
                assert not process.stderr.at_eof(), "the dispatcher ended before it began"
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0  # an hour if not woken
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
