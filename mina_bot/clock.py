"""The injected clock: the core never reads the wall clock itself."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    """Something that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime:
        """The current moment, timezone-aware UTC."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The current moment, timezone-aware UTC."""
        return datetime.now(UTC)


class FakeClock:
    """A clock that tests and the demo move by hand."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        """The current fake moment."""
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        """Move time forward and return the new moment."""
        self._now += delta
        return self._now

    def set(self, moment: datetime) -> None:
        """Jump to a given aware moment."""
        self._now = moment.astimezone(UTC)


def local_today(clock: Clock, tz: tzinfo) -> date:
    """Today's date in the organisation's time zone."""
    return clock.now().astimezone(tz).date()
