"""Mina's composition root and command line: settings, database, PTB Application, modes."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults, TypeHandler
from telegram.request import BaseRequest

from cli import minutes as minutes_cli
from handlers import attendance as attendance_handlers
from handlers import broadcast as broadcast_handlers
from handlers import calendar as calendar_handlers
from handlers import delivery as delivery_handlers
from handlers import export as export_handlers
from handlers import flood as flood_handlers
from handlers import groups as group_handlers
from handlers import holidays as holiday_handlers
from handlers import invitations as invitation_handlers
from handlers import language as language_handlers
from handlers import menus as menu_handlers
from handlers import minutes as minutes_handlers
from handlers import minutes_out as minutes_out_handlers
from handlers import organisation as organisation_handlers
from handlers import pack_push as pack_push_handlers
from handlers import quarterly as quarterly_handlers
from handlers import reminder_settings as reminder_settings_handlers
from handlers import report_approval as report_approval_handlers
from handlers import report_questions as report_question_handlers
from handlers import report_reading as report_reading_handlers
from handlers import reports as report_handlers
from handlers import resolution_admin as resolution_admin_handlers
from handlers import resolutions as resolution_handlers
from handlers import sessions as session_handlers
from handlers import start as start_handlers
from handlers.common import GROUP_CHATS, GROUP_FLOOD, GROUP_GATE, GROUP_MENUS, GROUP_PERSIST
from handlers.errors import on_error
from messenger.api_request import AiohttpRequest
from messenger.concurrency import PerChatUpdateProcessor
from messenger.context import CONTEXT_TYPES, install_runtime, runtime_of, workers_of
from messenger.persistence import SQLConversationPersistence, write_through
from messenger.polling import AckingApplication, RedeliveryTolerantBot, serve_polling
from mina_bot import official_calendar
from mina_bot.clock import SteadyClock, local_today
from mina_bot.commands import MENU_LANGUAGES, ORDINARY_MEMBER, commands_for, menu
from mina_bot.identity import ensure_admins
from mina_bot.operator_log import add_secret, configure_logging
from mina_bot.ops import backups
from mina_bot.platforms import platform_named
from mina_bot.runtime import Runtime
from mina_bot.settings import Settings, SettingsError, load_settings
from mina_bot.workers import Workers
from storage.backup import BackupError
from storage.db import (
    DatabaseUnavailable,
    check_connection,
    make_engine,
    refresh_planner_statistics,
)
from storage.migrate import upgrade
from storage.receiver_lock import AnotherReceiver, ReceiverLock, take_receiver_role

log = logging.getLogger("mina")
# Feature modules, each exposing build_handlers(); registered before the general commands so
# a conversation sees its own /cancel and `/start CODE` reaches the invitations.
FEATURES: tuple = (
    invitation_handlers, organisation_handlers,
    minutes_handlers, resolution_handlers, resolution_admin_handlers, session_handlers,
    calendar_handlers, holiday_handlers, attendance_handlers, minutes_out_handlers,
    report_approval_handlers, report_question_handlers, report_handlers,
    report_reading_handlers, export_handlers, quarterly_handlers, pack_push_handlers,
    broadcast_handlers, reminder_settings_handlers, language_handlers, group_handlers,
)


class StartupError(Exception):
    """A start-up check failed; the message is the one line the operator sees."""


def file_base_url(api_base_url: str) -> str:
    """The file download base that pairs with an API base URL (…/bot -> …/file/bot)."""
    base = api_base_url.rstrip("/")
    return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"


def prepare_runtime(settings: Settings, clock=None) -> Runtime:
    """Connect to the database and bring its schema up to date."""
    engine = make_engine(settings.database_url)
    try:
        check_connection(engine)
        upgrade(engine)
        refresh_planner_statistics(engine)
    except DatabaseUnavailable as exc:
        raise StartupError(f"MINA_DATABASE_URL: {exc}") from None
    runtime = Runtime(settings=settings, engine=engine, clock=clock or SteadyClock())
    with runtime.session() as session:
        ensure_admins(session, admin_ids=settings.admin_ids)
    return runtime


def build_application(runtime: Runtime, *, api_base_url: str | None = None,
                      request: BaseRequest | None = None,
                      workers: Workers | None = None) -> Application:
    """The PTB Application with every handler registered (`request`: e.g. the bench's in-process
    Bot API; `workers`: e.g. the test harness's, kept from one test to the next)."""
    settings = runtime.settings
    base = api_base_url or settings.api_base_url
    bot = RedeliveryTolerantBot(
        settings.token, base_url=base, base_file_url=file_base_url(base),
        defaults=Defaults(tzinfo=runtime.tz, parse_mode=ParseMode.HTML),
        request=request or AiohttpRequest(connection_pool_size=256),
        get_updates_request=request or AiohttpRequest(connection_pool_size=1))
    application = (
        ApplicationBuilder()
        .application_class(AckingApplication)
        .bot(bot)
        .context_types(CONTEXT_TYPES)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .persistence(SQLConversationPersistence(runtime.engine))
        .concurrent_updates(PerChatUpdateProcessor(settings.concurrent_updates))
        .build()
    )
    install_runtime(application, runtime,  # the worker processes start lazily
                    workers or Workers.from_settings(settings))
    application.add_handlers(group_handlers.build_gate(), group=GROUP_CHATS)
    application.add_handlers(flood_handlers.build_gate(), group=GROUP_FLOOD)
    application.add_handlers(menu_handlers.build_gate(), group=GROUP_MENUS)
    application.add_handlers(start_handlers.build_gate(), group=GROUP_GATE)
    # Features first: a conversation's own /cancel must win over the general one, which
    # still answers when no conversation is under way.
    for feature in FEATURES:
        application.add_handlers(feature.build_handlers())
    application.add_handlers(start_handlers.build_handlers())
    application.add_handlers(start_handlers.build_fallbacks())
    application.add_handler(TypeHandler(Update, write_through), group=GROUP_PERSIST)
    application.add_error_handler(on_error)
    delivery_handlers.install(application)
    broadcast_handlers.install(application)
    pack_push_handlers.install(application)
    return application


async def _post_init(application: Application) -> None:
    """Compute the year's official holidays before the first update (a thread would hold the
    event loop as long: it is Python, under the GIL); publish the command menu (Persian by
    default, English for English clients)."""
    runtime = runtime_of(application)
    official_calendar.warm(local_today(runtime.clock, runtime.tz))
    platform = platform_named(runtime.settings.platform)
    if not platform.supports_command_menu:
        log.info("%s has no command menu; /help lists the commands", platform.name)
        return
    for lang, code in MENU_LANGUAGES:
        commands = [BotCommand(n, d) for n, d in menu(commands_for(ORDINARY_MEMBER), lang)]
        try:
            await application.bot.set_my_commands(
                commands, scope=BotCommandScopeDefault(), language_code=code
            )
        except TelegramError as exc:  # e.g. a platform without command menus
            log.warning("could not publish the command menu: %s", exc)
            if menu_handlers.menus_missing(application.bot_data, exc):
                return


async def _post_shutdown(application: Application) -> None:
    """Stop the worker processes of exports, charts and minutes parsing."""
    workers_of(application).close()


async def preflight(application: Application, api_base_url: str) -> None:
    """Reach the Bot API once, so a bad token or URL is one clear line."""
    try:
        await application.bot.initialize()
    except InvalidToken:
        raise StartupError("MINA_BOT_TOKEN was rejected by the Bot API: check the token.") from None
    except NetworkError as exc:
        raise StartupError(
            f"MINA_API_BASE_URL: cannot reach the Bot API at {api_base_url} ({exc.message}); "
            "check the URL and the network."
        ) from None
    finally:
        await application.bot.shutdown()


def command_run(settings: Settings, webhook: bool) -> int:
    """Run the bot with long polling (or a webhook) until stopped."""
    if settings.token is None:
        raise StartupError("MINA_BOT_TOKEN is not set: put the bot's token in the environment "
                           "or .env (or run `python bot.py demo`).")
    webhook = webhook or settings.webhook_url is not None
    if webhook and settings.webhook_url is None:
        raise StartupError("MINA_WEBHOOK_URL is not set: give the public https URL the "
                           "messenger should post updates to (or run without --webhook).")
    runtime = prepare_runtime(settings)
    lock = receive_alone(runtime)
    application = build_application(runtime)
    application.job_queue.run_repeating(_check_lock, 5, first=5, data=lock, name="receiver")
    asyncio.run(preflight(application, settings.api_base_url))
    settle_start_up()
    log.info("Mina starts (%s, %s)", settings.platform, "webhook" if webhook else "polling")
    if webhook:
        from messenger.webhook import WebhookRefused, serve_webhook

        try:
            asyncio.run(serve_webhook(application, runtime))
        except WebhookRefused as exc:
            raise StartupError(f"MINA_WEBHOOK_URL was refused by the Bot API ({exc}); use a "
                               "public https URL on port 443, 80, 88 or 8443.") from None
    else:
        asyncio.run(serve_polling(application))
    return 0


def settle_start_up() -> None:
    """Keep what start-up made (modules, handlers, the catalog), which lives as long as the
    process, out of the collector's full passes: they otherwise stop every chat for 70-90 ms."""
    gc.collect()
    gc.freeze()


def receive_alone(runtime: Runtime) -> ReceiverLock:
    """Hold the update-receiving role: one bot per SQLite file, a standby on PostgreSQL."""
    try:
        return take_receiver_role(runtime.engine, on_standby=lambda: log.info(
            "standby: another bot receives updates on this database; taking over when it stops"))
    except AnotherReceiver as exc:
        raise StartupError(f"another `bot.py run` already receives updates on {exc}: stop it "
                           "first (extra senders: `bot.py dispatch`).") from None


async def _check_lock(context) -> None:
    """A lost PostgreSQL connection lost the lock too: stop rather than run beside a standby."""
    if not context.job.data.alive():
        log.error("lost the database lock of the update-receiving role: stopping")
        os.kill(os.getpid(), signal.SIGTERM)  # the graceful stop of polling and webhook alike


def command_demo(settings: Settings, port: int | None) -> int:
    """Run the bot against the local sandbox on a throw-away database."""
    from demo.runner import run_demo

    return asyncio.run(run_demo(settings, build_application, prepare_runtime, port=port))


def command_dispatch(settings: Settings) -> int:
    """Run only the outbox dispatcher (an extra sender process next to the bot)."""
    if settings.token is None:
        raise StartupError("MINA_BOT_TOKEN is not set: the dispatcher needs the bot's token.")
    runtime = prepare_runtime(settings)
    base = settings.api_base_url
    return asyncio.run(delivery_handlers.serve_dispatcher(runtime, base, file_base_url(base)))


def command_db(settings: Settings, args: argparse.Namespace) -> int:
    """Database maintenance: upgrade, backup FILE, restore FILE [--force]."""
    if args.action == "upgrade":
        prepare_runtime(settings)
        print("database is up to date")
        return 0
    if not args.file:
        raise StartupError(f"db {args.action} needs a FILE, e.g. python bot.py db {args.action} "
                           "mina-backup.sqlite3")
    try:
        if args.action == "backup":
            done, message = backups.backup(settings.database_url, args.file)
        else:
            done, message = backups.restore(settings.database_url, args.file, force=args.force)
    except BackupError as exc:
        raise StartupError(f"db {args.action}: {exc}") from None
    print(message)
    return 0 if done else 1


def command_org(settings: Settings, path: str) -> int:
    """Organisation maintenance: load a YAML file of units, working groups and members."""
    from cli.organisation import run_org_load

    return run_org_load(prepare_runtime(settings), Path(path))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="bot.py", description="Mina, the council's assistant")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run the bot (long polling by default)")
    run.add_argument("--webhook", action="store_true", help="receive updates through a webhook")
    demo = sub.add_parser("demo", help="run against the local Bot API sandbox")
    demo.add_argument("--port", type=int, default=None, help="the demo page's port")
    db = sub.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade", "backup", "restore"])
    db.add_argument("file", nargs="?", help="the backup file (backup and restore)")
    db.add_argument("--force", action="store_true", help="restore over an existing database")
    org = sub.add_parser("org", help="the organisation: units, working groups, members")
    org.add_argument("action", choices=["load"])
    org.add_argument("file", help="the organisation YAML file, e.g. examples/org.yaml")
    minutes_cli.add_parser(sub)
    sub.add_parser("dispatch", help="only deliver the outbox (an extra sender process)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: one clear line and a non-zero exit for any start-up problem."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        settings = load_settings()
        configure_logging(secrets=(settings.token,))
        add_secret(settings.webhook_secret.get_secret_value() if settings.webhook_secret else None)
        command = args.command or ("run" if settings.token else "demo")
        if command == "run":
            return command_run(settings, webhook=getattr(args, "webhook", False))
        if command == "demo":
            return command_demo(settings, getattr(args, "port", None))
        if command == "org":
            return command_org(settings, args.file)
        if command == "dispatch":
            return command_dispatch(settings)
        if command == "minutes":
            return minutes_cli.run(args, settings, prepare_runtime)
        return command_db(settings, args)
    except (SettingsError, StartupError) as exc:
        print(f"mina: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
