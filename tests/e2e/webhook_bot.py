"""A bot in webhook mode on a free local port, receiving updates from a sandbox."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bot import build_application, prepare_runtime
from messenger.webhook import WebhookRunner
from mina_bot.clock import FakeClock
from sandbox.server import BotApiSandbox
from tests.fixtures.bot import harness_settings

SECRET = "webhook-secret-for-tests-0123"


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@asynccontextmanager
async def webhook_bot(sandbox: BotApiSandbox, database_url: str, clock: FakeClock,
                      **overrides: Any) -> AsyncIterator[WebhookRunner]:
    """Start the bot in webhook mode (it registers its URL with the sandbox); stop it after.
    The URL is local http, which only a lenient sandbox takes (Telegram wants https)."""
    sandbox.lenient = True
    port = free_port()
    values = {"webhook_url": f"http://127.0.0.1:{port}/telegram", "webhook_listen": "127.0.0.1",
              "api_base_url": sandbox.api_base_url,
              "webhook_port": port, "webhook_secret": SECRET, **overrides}
    runtime = prepare_runtime(harness_settings(database_url, **values), clock=clock)
    application = build_application(runtime, api_base_url=sandbox.api_base_url)
    runner = WebhookRunner(application, runtime)
    await runner.start()
    try:
        yield runner
    finally:
        await runner.stop()
        runtime.engine.dispose()


def update_from(user_id: int, text: str, update_id: int = 990_001) -> dict[str, Any]:
    """A Telegram update carrying a private text message."""
    user = {"id": user_id, "is_bot": False, "first_name": "Test"}
    message = {"message_id": 1, "date": 1619406000, "text": text, "from": user,
               "chat": {"id": user_id, "type": "private", "first_name": "Test"}}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}
