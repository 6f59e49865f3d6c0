"""What every part of the running bot shares: settings, the database and the clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from mina_bot.clock import Clock, SteadyClock
from mina_bot.settings import Settings


@dataclass
class Runtime:
    """The shared services of one bot process."""

    settings: Settings
    engine: Engine
    clock: Clock = field(default_factory=SteadyClock)

    @property
    def tz(self) -> ZoneInfo:
        """The organisation's time zone."""
        return self.settings.tz

    @contextmanager
    def session(self) -> Iterator[Session]:
        """The one way to the database: a unit of work that commits on success, rolls back on
        error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
