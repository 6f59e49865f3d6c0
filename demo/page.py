"""The demo's chat page: static files, the sample people, and a clock the visitor can move."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

from mina_bot.clock import FakeClock
from mina_bot.jalali import format_datetime
from mina_bot.runtime import Runtime
from sandbox.control_http import local_request
from storage.repositories import members as members_repo

WEB_DIR = Path(__file__).resolve().parent / "web"
MAX_STEP = timedelta(days=62)
log = logging.getLogger("mina.demo")
ClockListener = Callable[[datetime], Awaitable[None]]


class DemoPage:
    """The page's HTTP side, on 127.0.0.1 next to the sandbox (which the page calls directly)."""

    def __init__(self, runtime: Runtime, clock: FakeClock, sandbox_url: str) -> None:
        self.runtime = runtime
        self.clock = clock
        self.sandbox_url = sandbox_url
        # The scheduler (reminders) registers here to run what fell due when time jumps.
        self.clock_listeners: list[ClockListener] = []
        self._runner: web.AppRunner | None = None
        self.url = ""

    def build_app(self) -> web.Application:
        """Routes: the page, its static files, and the small demo-only JSON API."""
        app = web.Application(middlewares=[self._same_origin])
        app.router.add_get("/", self.index)
        app.router.add_get("/api/config", self.config)
        app.router.add_get("/api/people", self.people)
        app.router.add_get("/api/clock", self.read_clock)
        app.router.add_post("/api/clock", self.move_clock)
        app.router.add_static("/static/", WEB_DIR, follow_symlinks=False)
        return app

    @web.middleware
    async def _same_origin(self, request: web.Request, handler) -> web.StreamResponse:
        """/api answers only the page itself: this machine's Host, its own Origin, JSON."""
        refused = request.path.startswith("/api") and local_request(request, (), ())
        if refused:
            return web.json_response({"error": refused}, status=403)
        return await handler(request)

    async def index(self, request: web.Request) -> web.FileResponse:
        """The chat page."""
        return web.FileResponse(WEB_DIR / "index.html",
                                headers={"Cache-Control": "no-store"})

    async def config(self, request: web.Request) -> web.Response:
        """Where the sandbox is, and the demo's time."""
        return web.json_response({"sandbox": self.sandbox_url, "clock": self._clock_view()})

    async def people(self, request: web.Request) -> web.Response:
        """The sample people the visitor can be: name, Telegram id, and unit roles."""
        with self.runtime.session() as session:
            result = []
            for member in members_repo.list_active_members(session):
                if member.telegram_id is None:
                    continue
                seats = members_repo.active_memberships(session, member_id=member.id)
                result.append({
                    "telegram_id": member.telegram_id,
                    "name": member.name,
                    "roles": [{"unit": unit.name_fa, "unit_kind": str(unit.kind),
                               "role": str(seat.role)} for seat, unit in seats],
                })
        result.sort(key=lambda person: person["telegram_id"])
        return web.json_response(result)

    def _clock_view(self) -> dict[str, Any]:
        now = self.clock.now()
        return {"now": now.isoformat(), "text": format_datetime(now, self.runtime.tz, "fa",
                                                                 "weekday_long")}

    async def read_clock(self, request: web.Request) -> web.Response:
        """The demo's current time."""
        return web.json_response(self._clock_view())

    async def move_clock(self, request: web.Request) -> web.Response:
        """Move the demo's time forward by {"minutes": n} (at most two months at a time)."""
        try:
            body = await request.json()
            minutes = body["minutes"]
            if len(str(minutes)) > 12:
                raise ValueError("too long")
            step = timedelta(minutes=int(minutes))
        except (ValueError, KeyError, TypeError, OverflowError):
            return web.json_response({"error": 'send {"minutes": <whole number>}'}, status=400)
        if not timedelta(0) < step <= MAX_STEP:
            return web.json_response({"error": "time only moves forward, by up to 62 days"},
                                     status=400)
        moment = self.clock.advance(step)
        log.info("demo clock moved to %s", moment.isoformat())
        for listener in self.clock_listeners:
            await listener(moment)
        return web.json_response(self._clock_view())

    async def start(self, port: int) -> None:
        """Listen on 127.0.0.1:port (0 picks a free port)."""
        self._runner = web.AppRunner(self.build_app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"

    async def stop(self) -> None:
        """Close the page server."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
