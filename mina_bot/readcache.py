"""Hot reads kept in memory until the data they were read from changes.

An entry remembers the change counters (storage/changes.py) of the topics it was read from;
a later read with other counters, or after the entry's own expiry time, reads afresh. A key
names a slot (one member's page, one unit's list) and its variant what the value was read for
(the day, the coming session): a new variant replaces the old value in its slot, so what no
longer holds does not sit in memory until the least recently used entries make room.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.engine import Engine

from storage.changes import ChangeCounters, counters_for

T = TypeVar("T")


class ReadCache:
    """A bounded LRU of read results, each valid while its topics are unchanged."""

    def __init__(self, engine: Engine, *, poll_every: float, size: int) -> None:
        self.engine = engine
        self.poll_every = poll_every
        self.size = size
        self.counters: ChangeCounters = counters_for(engine)
        self._entries: OrderedDict[Hashable, tuple[tuple, tuple | None, Hashable, Any]] = (
            OrderedDict())
        self.hits = self.misses = 0

    def fetch(self, key: Hashable, topics: tuple[str, ...], load: Callable[[], T], *,
              now: datetime | None = None,
              until: Callable[[T], datetime | None] | None = None,
              variant: Hashable = None) -> T:
        """The cached value of `key` read for `variant`, or `load()` (stored in the key's slot
        with its topics' counters, in place of any other variant).

        With `until`, the value read at `now` holds only from then up to until(value).
        """
        stamp = self.counters.stamp(topics, self.engine, poll_every=self.poll_every)
        entry = self._entries.get(key)
        if (entry is not None and entry[0] == stamp and entry[2] == variant
                and _within(entry[1], now)):
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[3]
        self.misses += 1
        value = load()
        if self.size:
            window = (now, until(value)) if until is not None and now is not None else None
            self._entries[key] = (stamp, window, variant, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        """How many entries are kept."""
        return len(self._entries)

    def clear(self) -> None:
        """Forget everything (tests, and after a restore)."""
        self._entries.clear()


def _within(window: tuple[datetime, datetime | None] | None, now: datetime | None) -> bool:
    if window is None:
        return True
    start, end = window
    return now is not None and start <= now and (end is None or now <= end)
