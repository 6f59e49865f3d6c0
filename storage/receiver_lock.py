"""One update-receiving bot per database: a lock file on SQLite, an advisory lock on PostgreSQL."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Callable
from pathlib import Path
from typing import IO

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger("mina")
# pg_advisory_lock's key for the update-receiving role ("MINA" in ASCII).
RECEIVER_KEY = 0x4D494E41


class AnotherReceiver(Exception):
    """Another bot already receives updates on this SQLite database."""


class ReceiverLock:
    """Held for the process's life: the file or the connection goes with the process."""

    def __init__(self, holder: IO | Connection | None) -> None:
        self._holder = holder

    def alive(self) -> bool:
        """Whether the lock is still ours (a dropped PostgreSQL connection loses it)."""
        if not isinstance(self._holder, Connection):
            return True
        try:
            self._holder.execute(sa.text("SELECT 1"))
        except sa.exc.DBAPIError:
            return False
        return True


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    return None if not database or database == ":memory:" else Path(database)


def take_receiver_role(engine: Engine, *, on_standby: Callable[[], None] = lambda: None
                       ) -> ReceiverLock:
    """Become the one bot receiving updates: refuse on SQLite, wait as a standby on PostgreSQL."""
    if engine.dialect.name == "sqlite":
        path = _sqlite_file(engine)
        if path is None:
            return ReceiverLock(None)
        handle = open(f"{path}.lock", "a")  # noqa: SIM115 - held open for the process's life
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise AnotherReceiver(str(path)) from None
        return ReceiverLock(handle)
    # A connection checked out for the process's life, in autocommit so it holds no transaction.
    connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    lock = sa.text("SELECT pg_try_advisory_lock(:key)").bindparams(key=RECEIVER_KEY)
    if not connection.execute(lock).scalar():
        on_standby()
        connection.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": RECEIVER_KEY})
        log.info("the active bot is gone: this standby now receives updates")
    return ReceiverLock(connection)
