"""Injected faults, flood limits, blocked users and call statistics, as PTB sees them."""

from __future__ import annotations

import time

import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from sandbox.client import SandboxClient
from sandbox.server import BotApiSandbox

USER = 1001


async def test_429_raises_retry_after_then_recovers(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER)
    await sandbox_client.inject_fault("sendMessage", "429", count=1, retry_after=3)
    with pytest.raises(RetryAfter, match="Retry in 3 seconds"):
        await sandbox_bot.send_message(USER, "hi")
    await sandbox_bot.send_message(USER, "hi")
    stats = await sandbox_client.stats()
    assert stats["calls"]["sendMessage"] == 2 and stats["ok"]["sendMessage"] == 1
    assert stats["errors"] == {"sendMessage:429": 1}
    assert stats["per_chat"][str(USER)] == {"sendMessage": 1}


@pytest.mark.parametrize(
    ("kind", "text"), [("500", "Internal Server Error"), ("502", "Bad Gateway")]
)
async def test_server_errors_are_network_errors(
    sandbox_bot: Bot, sandbox_client: SandboxClient, kind: str, text: str
) -> None:
    await sandbox_client.ensure_user(USER)
    await sandbox_client.inject_fault("*", kind, count=1)
    with pytest.raises(NetworkError, match=text):
        await sandbox_bot.send_message(USER, "hi")
    assert await sandbox_client.transcript(USER) == []


async def test_timeouts_slow_calls_and_lost_responses(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER)
    await sandbox_client.inject_fault("sendMessage", "timeout", count=1, delay=5)
    with pytest.raises(TimedOut):
        await sandbox_bot.send_message(USER, "never", read_timeout=0.2)
    await sandbox_client.inject_fault("sendMessage", "slow", count=1, delay=0.3)
    started = time.monotonic()
    await sandbox_bot.send_message(USER, "late")
    assert time.monotonic() - started >= 0.3
    await sandbox_client.inject_fault("sendMessage", "lost_response", count=1, delay=5)
    with pytest.raises(TimedOut):
        await sandbox_bot.send_message(USER, "delivered anyway", read_timeout=0.2)
    texts = [m["text"] for m in await sandbox_client.transcript(USER)]
    assert texts == ["late", "delivered anyway"]


async def test_fault_rate_is_seedable(sandbox: BotApiSandbox) -> None:
    def pattern() -> list[bool]:
        sandbox.faults.clear()
        rule = sandbox.faults.add("sendMessage", "500", rate=0.3, seed=7)
        return [rule.matches("sendMessage") for _ in range(50)]

    first = pattern()
    assert first == pattern() and 5 <= sum(first) <= 25


async def test_per_chat_flood_limit(sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    for user in (USER, USER + 1):
        await sandbox_client.ensure_user(user)
    await sandbox_client.set_rate_limit(per_chat_per_second=1)
    await sandbox_bot.send_message(USER, "one")
    await sandbox_bot.send_message(USER + 1, "other chat is fine")
    with pytest.raises(RetryAfter, match="Retry in 1 seconds"):
        await sandbox_bot.send_message(USER, "two")
    await sandbox_client.set_rate_limit(per_second=2, retry_after=0.05)
    await sandbox_bot.send_message(USER, "a")
    await sandbox_bot.send_message(USER + 1, "b")
    with pytest.raises(RetryAfter):
        await sandbox_bot.send_message(USER + 1, "c")


async def test_blocked_user_is_forbidden(sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    await sandbox_client.set_blocked(USER)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await sandbox_bot.send_message(USER, "hi")
    await sandbox_client.set_blocked(USER, blocked=False)
    await sandbox_bot.send_message(USER, "hi")
    await sandbox_client.set_blocked(USER)
    await sandbox_client.send_text(USER, "/start")
    await sandbox_bot.send_message(USER, "writing to the bot unblocks it, as on Telegram")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await sandbox_bot.answer_callback_query("123")
