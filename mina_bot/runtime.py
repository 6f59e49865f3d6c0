"""What every part of the running bot shares: settings, the database and the clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from mina_bot.clock import Clock, SystemClock
from mina_bot.readcache import ReadCache
from mina_bot.settings import Settings


@dataclass
class Runtime:
    """The shared services of one bot process."""

    settings: Settings
    engine: Engine
    clock: Clock = field(default_factory=SystemClock)
    reads: ReadCache = field(init=False)

    def __post_init__(self) -> None:
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
