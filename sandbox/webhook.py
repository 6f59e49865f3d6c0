"""Webhook delivery: POST each pending update to the bot's URL in order, retrying on failure."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

import aiohttp

from sandbox.profiles import Profile
from sandbox.state import World

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
FIRST_RETRY_DELAY = 0.05
MAX_RETRY_DELAY = 2.0
DELIVERY_TIMEOUT = 10.0


class WebhookDelivery:
    """The webhook setting and the task that pushes updates to it."""

    def __init__(self, world: World, profile: Profile) -> None:
        self.world = world
        self.profile = profile
        self.url = ""
        self.secret: str | None = None
        self.max_connections = 40
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self.delivered = 0
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    def configure(self, url: str, secret: str | None, max_connections: int) -> None:
        """Set (or with url "" remove) the webhook and start or stop delivering."""
        self.url, self.secret, self.max_connections = url, secret, max_connections
        self.last_error_date = self.last_error_message = None
        if url and (self._task is None or self._task.done()):
            self._task = asyncio.get_running_loop().create_task(self._deliver_forever())
        self.world.new_updates.notify()

    def info(self) -> dict[str, Any]:
        """Telegram's WebhookInfo."""
        info: dict[str, Any] = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.world.updates),
        }
        if self.url:
            info["max_connections"] = self.max_connections
            info["allowed_updates"] = sorted(self.world.allowed_updates)
        if self.last_error_date is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info

    async def close(self) -> None:
        """Stop delivering and release the HTTP session."""
        self.url = ""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _deliver_forever(self) -> None:
        delay = FIRST_RETRY_DELAY
        while self.url:
            batch = self.world.pending(1)
            if not batch:
                await self.world.new_updates.wait(3600)
                continue
            update = batch[0]
            if await self._post(update):
                delay = FIRST_RETRY_DELAY
                self.delivered += 1
                if self.world.updates and self.world.updates[0] is update:
                    self.world.updates.pop(0)
                self.world.changes.notify()
            else:
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_RETRY_DELAY)

    async def _post(self, update: dict[str, Any]) -> bool:
        """Send one update; record Telegram-style last_error_* on failure."""
        if self._session is None:
            timeout = aiohttp.ClientTimeout(total=DELIVERY_TIMEOUT)
            self._session = aiohttp.ClientSession(timeout=timeout)
        headers = {}
        if self.secret and self.profile.sends_webhook_secret:
            headers[SECRET_HEADER] = self.secret
        try:
            async with self._session.post(self.url, json=update, headers=headers) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return True
                error = f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            error = f"Connection failed: {exc.__class__.__name__}"
        self.last_error_date = int(time.time())
        self.last_error_message = error
        return False
