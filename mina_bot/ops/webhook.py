"""The webhook server: receives updates (secret checked in constant time) and answers /healthz."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from aiohttp import web

from mina_bot.platforms import PlatformProfile

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"
MAX_UPDATE_BYTES = 1024 * 1024
log = logging.getLogger("mina.webhook")

Deliver = Callable[[dict[str, Any]], Awaitable[None]]
Healthy = Callable[[], None]


@dataclass(frozen=True)
class WebhookPlan:
    """Where the messenger posts updates and how each post proves it comes from the messenger."""

    public_url: str
    local_path: str
    secret: str
    secret_in_header: bool

    @property
    def set_webhook_secret(self) -> str | None:
        """The secret_token to pass to setWebhook (None when the secret is in the path)."""
        return self.secret if self.secret_in_header else None


def plan_webhook(webhook_url: str, secret: str | None, profile: PlatformProfile) -> WebhookPlan:
    """The webhook plan: header secret where supported, otherwise a secret last path segment."""
    secret = secret or secrets.token_urlsafe(32)
    path = urlparse(webhook_url).path.rstrip("/") or ""
    if profile.supports_webhook_secret_header:
        return WebhookPlan(webhook_url, path or "/", secret, secret_in_header=True)
    public = f"{webhook_url.rstrip('/')}/{secret}"
    return WebhookPlan(public, f"{path}/{secret}", secret, secret_in_header=False)


class WebhookServer:
    """An aiohttp server with the update route and /healthz."""

    def __init__(self, plan: WebhookPlan, deliver: Deliver, healthy: Healthy) -> None:
        self.plan = plan
        self.deliver = deliver
        self.healthy = healthy
        self._runner: web.AppRunner | None = None
        self.port = 0

    def build_app(self) -> web.Application:
        """Routes: POST the update path (exact; in path mode any other path is 404), GET health."""
        app = web.Application(client_max_size=MAX_UPDATE_BYTES)
        app.router.add_get(HEALTH_PATH, self.health)
        if self.plan.secret_in_header:
            app.router.add_post(self.plan.local_path, self.receive)
        else:
            prefix = self.plan.local_path.rsplit("/", 1)[0]
            app.router.add_post(prefix + "/{secret}", self.receive)
        return app

    def _authentic(self, request: web.Request) -> bool:
        if self.plan.secret_in_header:
            given = request.headers.get(SECRET_HEADER, "")
        else:
            given = request.match_info.get("secret", "")
        return hmac.compare_digest(given.encode(), self.plan.secret.encode())

    async def receive(self, request: web.Request) -> web.Response:
        """Queue one update; 403 without the right secret, 400 for a body that is not an update."""
        if not self._authentic(request):
            log.warning("refused a webhook post without the right secret from %s", request.remote)
            return web.Response(status=403, text="forbidden")
        try:
            update = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400, text="not JSON")
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return web.Response(status=400, text="not an update")
        await self.deliver(update)
        return web.Response(text="ok")

    async def health(self, request: web.Request) -> web.Response:
        """200 when the database answers, 503 when it does not: only ok / not ok, the reason
        (which may name the database's host and user) goes to the log."""
        try:
            await asyncio.to_thread(self.healthy)
        except Exception as exc:  # any failure of the check means unhealthy
            log.warning("health check failed: %s", exc)
            return web.json_response({"ok": False}, status=503)
        return web.json_response({"ok": True})

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port (0 picks a free port)."""
        self._runner = web.AppRunner(self.build_app(), access_log=None, shutdown_timeout=10.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Stop accepting posts, letting requests in progress finish."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
