"""`python bot.py demo`: the bot on the local sandbox, a throw-away database, sample data."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from pydantic import SecretStr

from demo.page import DemoPage
from demo.sample import seed_sample_minutes, seed_sample_organisation
from handlers.delivery import plan_now
from mina_bot.clock import FakeClock
from mina_bot.operator_log import REDACTOR
from mina_bot.settings import Settings
from sandbox.server import BotApiSandbox
from storage.models import Member
from storage.repositories import members as members_repo

DEMO_TOKEN = "4242424242:MINA-demo-token-not-a-secret-000"
# Monday 1400/02/06 07:30 Tehran: the day of the session after the seed minutes' 1400/01/30
# (its reports were due Sunday noon); the session-day reminder goes out at 08:00.
DEMO_START = datetime(2021, 4, 26, 3, 0, tzinfo=UTC)
log = logging.getLogger("mina.demo")
# Ctrl-C, `kill`, and a closed terminal all stop the demo the same way.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


async def run_demo(settings: Settings, build_application: Callable, prepare_runtime: Callable,
                   *, port: int | None = None) -> int:
    """Start sandbox, bot and chat page, print where they are, run until Ctrl-C or SIGTERM; the
    throw-away database and the log go with their temporary folder when it stops."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in STOP_SIGNALS:
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    with tempfile.TemporaryDirectory(prefix="mina-demo-", ignore_cleanup_errors=True) as folder:
        workdir = Path(folder)
        with _log_to(workdir / "demo.log"):
            await _serve(settings, build_application, prepare_runtime, port, workdir, stop)
    return 0


async def _serve(settings: Settings, build_application: Callable, prepare_runtime: Callable,
                 port: int | None, workdir: Path, stop: asyncio.Event) -> None:
    """The demo itself, from the sample data to the last message sent after `stop`."""
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
    # The page calls /control from its own port, opened as 127.0.0.1 or as localhost.
    sandbox.allowed_origins.update({page.url, page.url.replace("127.0.0.1", "localhost")})
    with runtime.session() as session:
        people = seed_sample_organisation(session, clock=clock)
        imported = seed_sample_minutes(session, settings=runtime.settings, now=clock.now())
        _introduce_people(sandbox, members_repo.list_active_members(session))
    log.info("demo: %s sample people, %s resolutions of session %s, database %s", people,
             imported.created + imported.updated + imported.unchanged, imported.session_number,
             workdir / "demo.sqlite3")
    application = build_application(runtime, api_base_url=sandbox.api_base_url)

    async def run_reminders(moment: datetime) -> None:
        await plan_now(application)  # what fell due by the new "now" is sent at once

    page.clock_listeners.append(run_reminders)
    async with application:
        await application.post_init(application)
        await application.updater.start_polling(poll_interval=0, timeout=10)
        await application.start()
        print(f"Mina demo: the Bot API sandbox is at {sandbox.url}", flush=True)
        print(f"  open the chat page: {page.url}  (Ctrl-C stops the demo; its log until then: "
              f"{workdir / 'demo.log'})", flush=True)
        await stop.wait()
        await application.updater.stop()
        await application.stop()
    await application.post_shutdown(application)
    await page.stop()
    await sandbox.stop()
    runtime.engine.dispose()


@contextlib.contextmanager
def _log_to(path: Path) -> Iterator[None]:
    """INFO and above to `path` while the demo runs; the console shows warnings and errors only."""
    root = logging.getLogger()
    console = [(handler, handler.level) for handler in root.handlers]
    kept = logging.FileHandler(path, encoding="utf-8")
    kept.setFormatter(console[0][0].formatter if console else None)
    kept.addFilter(REDACTOR)
    for handler, level in console:
        handler.setLevel(max(level, logging.WARNING))
    root.addHandler(kept)
    try:
        yield
    finally:
        root.removeHandler(kept)
        kept.close()
        for handler, level in console:
            handler.setLevel(level)


def _introduce_people(sandbox: BotApiSandbox, members: Iterable[Member]) -> None:
    """Every sample person has a chat with the bot already, so reminders reach them."""
    for member in members:
        if member.telegram_id is not None:
            user = sandbox.world.user(member.telegram_id, first_name=member.name,
                                      language_code="fa")
            sandbox.world.private_chat(user)


async def _start_page(page: DemoPage, port: int) -> None:
    """Listen on the configured port, or on a free one when it is taken."""
    try:
        await page.start(port)
    except OSError as exc:
        log.warning("port %s is busy (%s); the chat page takes a free port", port, exc.strerror)
        await page.start(0)
