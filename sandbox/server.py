"""BotApiSandbox: a local HTTP server speaking the Bot API subset Mina uses, plus /control."""

from __future__ import annotations

import asyncio
import contextlib
from types import TracebackType
from typing import Any

from aiohttp import web

from sandbox.botapi import handle_call
from sandbox.control import ControlRoutes
from sandbox.control_http import control_guard
from sandbox.errors import UNAUTHORIZED
from sandbox.faults import CallStats, FaultPlan, RateLimiter
from sandbox.methods_files import download_file
from sandbox.profiles import profile_named
from sandbox.state import SupportsNow, World
from sandbox.webhook import WebhookDelivery

DEFAULT_BOT_ID = 7_000_000_001
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class BotApiSandbox:
    """An in-memory Telegram (or Bale) Bot API on 127.0.0.1, controllable over /control."""

    def __init__(
        self,
        profile: str = "telegram",
        bot_username: str = "mina_demo_bot",
        token: str | None = None,
        bot_first_name: str = "Mina",
        clock: SupportsNow | None = None,
        *,
        lenient: bool = False,
    ) -> None:
        self.profile = profile_named(profile)
        self.lenient = lenient  # accept local http webhooks; every other limit stays
        self.token = token
        bot_id = int(token.split(":", 1)[0]) if token and token.split(":", 1)[0].isdigit() else None
        self.world = World(
            {
                "id": bot_id or DEFAULT_BOT_ID,
                "is_bot": True,
                "first_name": bot_first_name,
                "username": bot_username,
            },
            clock,
        )
        self.faults = FaultPlan()
        self.limiter = RateLimiter()
        self.stats = CallStats()
        self.webhook = WebhookDelivery(self.world, self.profile)
        self.poll_generation = 0
        self.closing = False
        self._closed: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None
        self.host = "127.0.0.1"
        self.allowed_origins: set[str] = set()  # pages on other local ports that call /control
        self.port = 0

    @property
    def url(self) -> str:
        """Root URL, e.g. http://127.0.0.1:8081."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_base_url(self) -> str:
        """What PTB's ApplicationBuilder().base_url() takes (PTB appends the token)."""
        return f"{self.url}/bot"

    @property
    def file_base_url(self) -> str:
        """What PTB's ApplicationBuilder().base_file_url() takes."""
        return f"{self.url}/file/bot"

    def build_app(self) -> web.Application:
        """The aiohttp application with Bot API, file and control routes."""
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES, middlewares=[control_guard(
            lambda: {self.host}, lambda: self.allowed_origins)])

        async def call(request: web.Request) -> web.StreamResponse:
            return await handle_call(self, request)

        async def file(request: web.Request) -> web.StreamResponse:
            return await download_file(self, request)

        app.router.add_route("*", "/bot{token}/{method}", call)
        app.router.add_get("/file/bot{token}/{file_path:.+}", file)
        ControlRoutes(self).register(app)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> BotApiSandbox:
        """Listen on host:port (0 picks a free port) and return self."""
        self.closing = False
        self._closed = asyncio.Event()
        self._runner = web.AppRunner(self.build_app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.host = host
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        """Wake every long poll and waiter, stop webhook delivery and close the server."""
        if self._runner is None:
            return
        self.closing = True
        if self._closed is not None:
            self._closed.set()
        self.world.new_updates.notify()
        self.world.changes.notify()
        await self.webhook.close()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> BotApiSandbox:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def check_token(self, token: str) -> None:
        """401 Unauthorized when the sandbox has a fixed token and this is another one."""
        if self.token is not None and token != self.token:
            raise UNAUTHORIZED

    def loop_time(self) -> float:
        """The event loop clock used for long-poll deadlines."""
        return asyncio.get_running_loop().time()

    async def pause(self, seconds: float) -> None:
        """Sleep, but return at once when the sandbox stops."""
        if self._closed is None:
            await asyncio.sleep(seconds)
            return
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._closed.wait()

    def reset(self) -> None:
        """Forget users, chats, messages, files, updates, faults, limits, counters and webhook."""
        self.world.reset()
        self.faults.clear()
        self.limiter.configure()
        self.stats.clear()
        self.webhook.configure("", None, 40)

    def describe(self) -> dict[str, Any]:
        """URLs and profile, as python -m sandbox prints them."""
        return {
            "profile": self.profile.name,
            "lenient": self.lenient,
            "url": self.url,
            "api_base_url": self.api_base_url,
            "file_base_url": self.file_base_url,
            "bot": self.world.bot_user,
        }
