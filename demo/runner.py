"""`python bot.py demo`: the bot on the local sandbox, a throw-away database, sample data."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from pydantic import SecretStr

from demo.sample import seed_sample_organisation
from mina_bot.settings import Settings
from sandbox.server import BotApiSandbox

DEMO_TOKEN = "4242424242:MINA-demo-token-not-a-secret-000"
log = logging.getLogger("mina.demo")


async def run_demo(settings: Settings, build_application: Callable, prepare_runtime: Callable,
                   *, port: int | None = None) -> int:
    """Start sandbox and bot, print where they are, and run until Ctrl-C or SIGTERM."""
    workdir = Path(tempfile.mkdtemp(prefix="mina-demo-"))
    demo_settings = settings.model_copy(update={
        "bot_token": SecretStr(DEMO_TOKEN),
        "database_url": f"sqlite:///{workdir / 'demo.sqlite3'}",
    })
    sandbox = BotApiSandbox()
    await sandbox.start(port=port or 0)
    runtime = prepare_runtime(demo_settings)
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
        print(f"  database: {workdir / 'demo.sqlite3'}", flush=True)
        print(f"  sample people: {people}; Ctrl-C stops", flush=True)
        await stop.wait()
        await application.updater.stop()
        await application.stop()
    await sandbox.stop()
    return 0
