"""What every part of the running bot shares: settings, the database and the clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from mina_bot.clock import Clock, SteadyClock
from mina_bot.settings import Settings
from storage.db import track_writes, wrote
from storage.repositories import updates as updates_repo

# The messenger's update being handled in this task, if any: a unit of work that writes records
# it as handled in the same transaction, so a redelivery after a crash is skipped, never redone.
_HANDLING: ContextVar[int | None] = ContextVar("mina_handling_update", default=None)


@contextmanager
def handling_update(update_id: int) -> Iterator[None]:
    """Within this block, every committing unit of work marks `update_id` handled."""
    token = _HANDLING.set(update_id)
    try:
        yield
    finally:
        _HANDLING.reset(token)


@dataclass
class Runtime:
    """The shared services of one bot process."""

    settings: Settings
    engine: Engine
    clock: Clock = field(default_factory=SteadyClock)

    def __post_init__(self) -> None:
        track_writes(self.engine)

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
                update_id = _HANDLING.get()
                if update_id is not None and wrote(session):
                    updates_repo.mark_handled(session, update_id=update_id,
                                              at=self.clock.now())
                session.commit()
            except BaseException:
                session.rollback()
                raise
