"""The real Application on the sample organisation and the seed minutes, fed updates in-process."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from telegram import Update
from telegram.ext import Application

from bot import build_application, prepare_runtime
from handlers.errors import harmless
from mina_bot.errors import MinaError
from mina_bot.flood import FloodGuard
from mina_bot.jalali import parse_jalali_ymd
from mina_bot.minutes.importer import directory, import_minutes
from mina_bot.minutes.parser import parse_minutes
from mina_bot.runtime import Runtime
from sandbox.state import StoredMessage
from storage.models import metadata
from tests.fixtures.bot import ADMIN_ID, STRANGER_ID, harness_settings
from tests.hardening.inprocess_api import ApiCall, InProcessApi

SEED = (Path(__file__).resolve().parents[1] / "data" / "seed_minutes.txt").read_text("utf-8")
# Accounts of examples/org.yaml by role (secretariat: the secretariat unit's head and secretary).
ROLES: dict[str, tuple[int, ...]] = {
    "admin": (ADMIN_ID,),
    "secretariat": (1001, 1002),
    "head": (1004, 1009),
    "secretary": (1003, 1010),
    "member": (1016, 1017),
    "stranger": (STRANGER_ID, 4242),
}


class ErrorRecorder(logging.Handler):
    """Keeps every log record at ERROR or above, from any logger."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember the record."""
        self.records.append(record)


@dataclass
class FuzzWorld:
    """One bot process: the Application, its in-process Bot API and what went wrong."""

    runtime: Runtime
    application: Application
    api: InProcessApi
    errors: ErrorRecorder
    unexpected: list[BaseException] = field(default_factory=list)
    updates: int = 0

    @property
    def world(self):
        """The sandbox's users, chats and messages."""
        return self.api.sandbox.world

    async def feed(self, update: dict[str, Any] | None) -> list[ApiCall]:
        """Process one update (None: a user action the client could not make) and the outbox."""
        if update is not None:
            self.updates += 1
            await self.application.process_update(Update.de_json(update, self.application.bot))
        await self.application.bot_data["dispatcher"].drain()
        return self.api.drain()

    def last_bot_message(self, chat_id: int) -> StoredMessage | None:
        """The newest bot message in a chat, to press its (or a forged) button."""
        return next((m for m in reversed(self.world.chat_messages(chat_id))
                     if m.from_bot and not m.deleted), None)

    def last_own_text(self, user_id: int) -> StoredMessage | None:
        """The user's newest text message in their private chat, to edit it."""
        return next((m for m in reversed(self.world.chat_messages(user_id))
                     if m.sender_id == user_id and "text" in m.payload), None)

    def ids(self) -> dict[str, list[int]]:
        """Real record ids, so forged buttons name things that exist."""
        wanted = ("resolution", "unit", "council_session", "member", "invitation",
                  "agenda_item", "weekly_report", "broadcast", "working_group")
        with self.runtime.engine.connect() as connection:
            return {t: [r[0] for r in connection.execute(sa.text(f"SELECT id FROM {t}"))]
                    for t in wanted}

    def snapshot(self) -> dict[str, dict[tuple, tuple]]:
        """Every table's rows by primary key."""
        tables: dict[str, dict[tuple, tuple]] = {}
        with self.runtime.engine.connect() as connection:
            for table in metadata.sorted_tables:
                keys = [c.name for c in table.primary_key.columns]
                rows = connection.execute(sa.select(table)).mappings().all()
                tables[table.name] = {tuple(r[k] for k in keys): tuple(r.items()) for r in rows}
        return tables


def import_seed_minutes(session, settings, now) -> None:
    """The seed minutes of 1400/01/30, imported as the secretariat would."""
    minutes = parse_minutes(SEED, session_date=parse_jalali_ymd("1400/01/30"),
                            units=directory(session))
    import_minutes(session, minutes=minutes, settings=settings, actor=None, now=now)


async def open_world(database_url: str, clock, **overrides: Any) -> FuzzWorld:
    """Import the seed minutes on the sample organisation (the test asks for
    `sample_organisation`), build the Application on an in-process Bot API."""
    settings = harness_settings(database_url, delivery_chat_interval=0,
                                delivery_rate_per_second=1000, **overrides)
    runtime = prepare_runtime(settings, clock=clock)
    with runtime.session() as session:
        import_seed_minutes(session, settings, clock.now())
    api = InProcessApi()
    application = build_application(runtime, request=api)
    application.bot_data["flood_guard"] = FloodGuard(limit=10**9)  # the fuzzer is one fast user
    recorder = ErrorRecorder()
    logging.getLogger().addHandler(recorder)
    fuzz = FuzzWorld(runtime, application, api, recorder)

    async def record_unexpected(update: object, context: Any) -> None:
        if not isinstance(context.error, MinaError) and not harmless(context.error):
            fuzz.unexpected.append(context.error)

    product = list(application.error_handlers)  # ours first: the product's ends the update
    for handler in product:
        application.remove_error_handler(handler)
    application.add_error_handler(record_unexpected)
    for handler in product:
        application.add_error_handler(handler)
    for accounts in ROLES.values():
        for telegram_id in accounts:
            fuzz.world.private_chat(fuzz.world.user(telegram_id, first_name=f"u{telegram_id}"))
    await application.initialize()
    api.drain()
    return fuzz


async def close_world(fuzz: FuzzWorld) -> None:
    """Shut the Application down and release the database."""
    logging.getLogger().removeHandler(fuzz.errors)
    await fuzz.application.shutdown()
    fuzz.runtime.engine.dispose()
