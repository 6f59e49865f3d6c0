"""What every part of the running bot shares: settings, the database and the clock."""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from mina_bot.clock import Clock, SystemClock
from mina_bot.readcache import ReadCache
from mina_bot.settings import Settings
from storage.db import reading_engine

T = TypeVar("T")
# Threads that wait for PostgreSQL (MINA_DATABASE_THREADS, at most 4: fewer than the engine's
# pool of 5, so the loop's own sessions always find a connection). One set per process.
_threads: ThreadPoolExecutor | None = None


def _database_threads(count: int) -> ThreadPoolExecutor:
    global _threads
    if _threads is None:
        _threads = ThreadPoolExecutor(count, thread_name_prefix="mina-db")
    return _threads


@dataclass
class Runtime:
    """The shared services of one bot process."""

    settings: Settings
    engine: Engine
    clock: Clock = field(default_factory=SystemClock)
    reads: ReadCache = field(init=False)
    _reading: Engine = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._reading = reading_engine(self.engine)
        self.reads = ReadCache(self.engine, poll_every=self.settings.cache_check_seconds,
                               size=self.settings.cache_entries)

    @property
    def tz(self) -> ZoneInfo:
        """The organisation's time zone."""
        return self.settings.tz

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A database session that commits on success and rolls back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only: no transaction around them on PostgreSQL (one round trip
        per query, not three); a write through it is refused."""
        with Session(self._reading, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def reading_connection(self) -> Iterator[Connection]:
        """reading() without the session, for a hot read of a few columns (who is asking):
        setting up and closing a session cost as much as the query."""
        with self._reading.connect() as connection:
            yield connection

    async def off_loop(self, work: Callable[..., T], *args: object) -> T:
        """work(*args) in a database thread when MINA_DATABASE_THREADS is set and the database is
        PostgreSQL, so other chats go on while the server answers; else here, on the loop."""
        if not self.settings.database_threads or self.engine.dialect.name != "postgresql":
            return work(*args)
        call = functools.partial(contextvars.copy_context().run, work, *args)
        return await asyncio.get_running_loop().run_in_executor(
            _database_threads(self.settings.database_threads), call)

    async def transact(self, work: Callable[[Session], T]) -> T:
        """work(session) in one transaction (see session()), off the loop (see off_loop())."""
        return await self.off_loop(self._in_session, work)

    def _in_session(self, work: Callable[[Session], T]) -> T:
        with self.session() as session:
            return work(session)
