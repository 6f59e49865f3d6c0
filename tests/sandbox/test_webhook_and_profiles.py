"""Webhook delivery (secret header, retries, 409 for getUpdates) and the Bale profile."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, BotCommand
from telegram.error import BadRequest, Conflict, InvalidToken

from sandbox.client import SandboxClient
from sandbox.server import BotApiSandbox
from sandbox.webhook import SECRET_HEADER

USER = 1001


@dataclass
class Receiver:
    """A tiny webhook endpoint recording what it got; status can be switched to fail."""

    url: str = ""
    status: int = 200
    received: list[tuple[dict[str, Any], str | None]] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)


@pytest.fixture
async def receiver(request: pytest.FixtureRequest) -> AsyncIterator[Receiver]:
    """A local http endpoint, which only a lenient sandbox accepts as a webhook."""
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").lenient = True
    state = Receiver()

    async def hook(request: web.Request) -> web.Response:
        if state.status == 200:
            state.received.append((await request.json(), request.headers.get(SECRET_HEADER)))
            state.arrived.set()
        return web.Response(status=state.status)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    state.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    yield state
    await runner.cleanup()


async def wait_for_delivery(receiver: Receiver, count: int) -> None:
    async with asyncio.timeout(3):
        while len(receiver.received) < count:
            receiver.arrived.clear()
            await receiver.arrived.wait()


async def test_webhook_delivers_with_secret_and_blocks_polling(
    sandbox_bot: Bot, sandbox_client: SandboxClient, receiver: Receiver
) -> None:
    await sandbox_bot.set_webhook(receiver.url, secret_token="s3cr3t")
    await sandbox_client.send_text(USER, "/start")
    await wait_for_delivery(receiver, 1)
    update, secret = receiver.received[0]
    assert secret == "s3cr3t" and update["message"]["text"] == "/start"
    with pytest.raises(Conflict, match="webhook is active"):
        await sandbox_bot.get_updates()
    info = await sandbox_bot.get_webhook_info()
    assert info.url == receiver.url and info.pending_update_count == 0
    assert await sandbox_bot.delete_webhook()
    await sandbox_client.send_text(USER, "polling again")
    [polled] = await sandbox_bot.get_updates()
    assert polled.message.text == "polling again"


async def test_failed_webhook_deliveries_are_retried(
    sandbox_bot: Bot, sandbox_client: SandboxClient, receiver: Receiver
) -> None:
    receiver.status = 500
    await sandbox_bot.set_webhook(receiver.url)
    await sandbox_client.send_text(USER, "first")
    await sandbox_client.send_text(USER, "second")
    await asyncio.sleep(0.2)
    info = await sandbox_bot.get_webhook_info()
    assert info.pending_update_count == 2
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
    receiver.status = 200
    await wait_for_delivery(receiver, 2)
    assert [u["message"]["text"] for u, _ in receiver.received] == ["first", "second"]
    assert receiver.received[0][1] is None


async def test_bale_profile_lacks_commands_and_webhook_secret(receiver: Receiver) -> None:
    async with (
        BotApiSandbox(profile="bale", lenient=True) as sandbox,
        SandboxClient(sandbox.url) as client,
        Bot("9:BALE", base_url=sandbox.api_base_url) as bot,
    ):
        with pytest.raises(InvalidToken, match="method not found"):
            await bot.set_my_commands([BotCommand("start", "start")])
        with pytest.raises(InvalidToken, match="method not found"):
            await bot.get_my_commands()
        await bot.set_webhook(receiver.url, secret_token="ignored-by-bale")
        await client.send_text(USER, "salam")
        await wait_for_delivery(receiver, 1)
        assert receiver.received[0][1] is None
        assert (await bot.send_message(USER, "hi")).text == "hi"


@pytest.mark.parametrize(("url", "reason"), [
    ("http://bot.example.org/hook", "An HTTPS URL must be provided"),
    ("https://bot.example.org:8080/hook", "only on ports 80, 88, 443 or 8443"),
    ("https://bot.example.org:99999/hook", "only on ports 80, 88, 443 or 8443"),
])
async def test_the_strict_sandbox_refuses_webhooks_telegram_refuses(sandbox_bot: Bot, url, reason):
    with pytest.raises(BadRequest, match=f"(?i){reason}"):
        await sandbox_bot.set_webhook(url)
    for good in ("https://bot.example.org/hook", "https://bot.example.org:8443/hook"):
        assert await sandbox_bot.set_webhook(good)
