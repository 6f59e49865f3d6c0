"""The rows one dispatcher has claimed and not yet sent, served as their chats' limits allow."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mina_bot.delivery.limits import RateLimits


class Batch:
    """Claimed rows in claim order (oldest due first); a busy chat's row lets others pass."""

    def __init__(self, limits: RateLimits, *, size: int, horizon: float) -> None:
        self.limits = limits
        self.size = size
        self.horizon = horizon  # a row is kept only if its chat frees up within this many seconds
        self.rows: list[Any] = []

    def __len__(self) -> int:
        return len(self.rows)

    def room(self) -> int:
        """How many more rows may be claimed."""
        return self.size - len(self.rows)

    def skip_chats(self) -> set[int]:
        """Chats a claim must leave alone: those held here, and those busy beyond the horizon."""
        return {row.chat_id for row in self.rows} | self.limits.blocked_beyond(self.horizon)

    def add(self, claimed: Iterable[Any]) -> list[Any]:
        """Keep the claimed rows whose chat frees up within the horizon; the others, to release."""
        queued: dict[int, int] = {}
        for row in self.rows:
            queued[row.chat_id] = queued.get(row.chat_id, 0) + 1
        held = {row.id for row in self.rows}
        excess = []
        for row in claimed:
            if row.id in held:  # re-claimed after its lease ran out: one copy is enough
                continue
            ahead = queued.get(row.chat_id, 0)
            chat = row.chat_id
            if self.limits.free_in(chat) + ahead * self.limits.spacing(chat) > self.horizon:
                excess.append(row)
                continue
            queued[chat] = ahead + 1
            held.add(row.id)
            self.rows.append(row)
        return excess

    def next_ready(self) -> tuple[Any | None, float | None]:
        """The first row whose chat is free now, or (None, seconds until one is, None if none)."""
        soonest: float | None = None
        seen: set[int] = set()
        for row in self.rows:
            if row.chat_id in seen:
                continue  # a chat's rows go in order
            seen.add(row.chat_id)
            wait = self.limits.free_in(row.chat_id)
            if wait <= 0:
                return row, 0.0
            soonest = wait if soonest is None else min(soonest, wait)
        return None, soonest

    def take(self, row: Any) -> None:
        """Remove a row about to be sent."""
        self.rows.remove(row)

    def take_chat(self, chat_id: int) -> list[Any]:
        """Remove and return every row held for one chat."""
        mine = [row for row in self.rows if row.chat_id == chat_id]
        self.rows = [row for row in self.rows if row.chat_id != chat_id]
        return mine

    def take_all(self) -> list[Any]:
        """Remove and return every row held."""
        rows, self.rows = self.rows, []
        return rows
