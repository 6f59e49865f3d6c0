"""`python bot.py demo`: the bot on the local sandbox, a throw-away database, sample data."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pydantic import SecretStr

from demo.page import DemoPage
from demo.sample import seed_sample_organisation
from mina_bot.clock import FakeClock
from mina_bot.settings import Settings
from sandbox.server import BotApiSandbox

DEMO_TOKEN = "4242424242:MINA-demo-token-not-a-secret-000"
# Monday 1400/02/06 07:30 Tehran: the seed minutes' next session day, as in the tests.
DEMO_START = datetime(2021, 4, 26, 3, 0, tzinfo=UTC)
log = logging.getLogger("mina.demo")


async def run_demo(settings: Settings, build_application: Callable, prepare_runtime: Callable,
                   *, port: int | None = None) -> int:
    """Start sandbox, bot and chat page, print where they are, run until Ctrl-C or SIGTERM."""
    workdir = Path(tempfile.mkdtemp(prefix="mina-demo-"))
    demo_settings = settings.model_copy(update={
        "bot_token": SecretStr(DEMO_TOKEN),
        "database_url": f"sqlite:///{workdir / 'demo.sqlite3'}",
    })
    clock = FakeClock(DEMO_START)
    sandbox = BotApiSandbox(clock=clock)
    await sandbox.start()
    runtime = prepare_runtime(demo_settings, clock=clock)
    page = DemoPage(runtime, clock, sandbox.url)
    await _start_page(page, settings.demo_port if port is None else port)
    with runtime.session() as session:
        people = seed_sample_organisation(session)
    application = build_application(runtime, api_base_url=sandbox.api_base_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    async with application:
        await application.post_init(application)
        await application.updater.start_polling(poll_interval=0, timeout=10)
        await application.start()
        print(f"Mina demo: the Bot API sandbox is at {sandbox.url}", flush=True)
        print(f"  open the chat page: {page.url}", flush=True)
        print(f"  database: {workdir / 'demo.sqlite3'}", flush=True)
        print(f"  sample people: {people}; Ctrl-C stops", flush=True)
        await stop.wait()
        await application.updater.stop()
        await application.stop()
    await page.stop()
    await sandbox.stop()
    return 0


async def _start_page(page: DemoPage, port: int) -> None:
    """Listen on the configured port, or on a free one when it is taken."""
    try:
        await page.start(port)
    except OSError as exc:
        log.warning("port %s is busy (%s); the chat page takes a free port", port, exc.strerror)
        await page.start(0)
