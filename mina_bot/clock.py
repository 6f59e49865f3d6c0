"""The injected clock: the core never reads the wall clock itself."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
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


class SteadyClock:
    """A clock that never goes backwards: a wall clock stepped back is bridged by the monotonic
    clock (time keeps going from the last reading); steps forward are taken as they come."""

    def __init__(self, wall: Clock | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._wall = wall or SystemClock()
        self._monotonic = monotonic
        self._offset = timedelta(0)
        self._last: tuple[datetime, float] | None = None
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The wall clock's moment, or later when it was stepped back."""
        with self._lock:
            wall, mono = self._wall.now(), self._monotonic()
            steady = wall + self._offset
            if self._last is not None and steady < self._last[0]:  # stepped back
                last, last_mono = self._last
                bridged = last + timedelta(seconds=max(0.0, mono - last_mono))
                self._offset += bridged - steady
                steady = bridged
            self._last = (steady, mono)
            return steady


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
