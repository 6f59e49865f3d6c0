"""Send-rate limits kept by the dispatcher itself: overall, per chat, per group chat.

PTB's AIORateLimiter is deliberately not used: it sleeps (and retries 429s) inside the API
call while the outbox row stays claimed, and it cannot tell the dispatcher "this chat is busy,
send another chat's message first". Here a busy chat's message simply waits in the claimed
batch while other chats' messages go.

A send is recorded when its answer arrives, not when it starts: the API counts it on arrival,
so a window kept from earlier timestamps would let a message through a moment too soon.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable

GROUP_WINDOW = 60.0


class RateLimits:
    """Sliding windows over recent sends; `monotonic` is injectable for tests."""

    def __init__(self, *, per_second: float, chat_interval: float, group_per_minute: int,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.per_second = per_second
        self.chat_interval = chat_interval
        self.group_per_minute = group_per_minute
        self._now = monotonic
        self._recent: deque[float] = deque()
        self._last_sent: dict[int, float] = {}
        self._groups: dict[int, deque[float]] = defaultdict(deque)

    def global_wait(self) -> float:
        """Seconds until one more message may go out at all (0 when it may now)."""
        now = self._now()
        while self._recent and self._recent[0] <= now - 1.0:
            self._recent.popleft()
        if len(self._recent) < self.per_second:
            return 0.0
        return self._recent[0] + 1.0 - now

    def spacing(self, chat_id: int) -> float:
        """The least time between two messages to this chat, on average."""
        if chat_id < 0:
            return max(self.chat_interval, GROUP_WINDOW / self.group_per_minute)
        return self.chat_interval

    def free_in(self, chat_id: int) -> float:
        """Seconds until this chat may receive a message (0 when it may now)."""
        last = self._last_sent.get(chat_id)
        if last is None:
            return 0.0
        now = self._now()
        free_at = last + self.chat_interval
        window = self._groups.get(chat_id)
        if window is not None:
            while window and window[0] <= now - GROUP_WINDOW:
                window.popleft()
            if len(window) >= self.group_per_minute:
                free_at = max(free_at, window[0] + GROUP_WINDOW)
        return max(0.0, free_at - now)

    def blocked_beyond(self, horizon: float) -> set[int]:
        """Chats that stay busy longer than `horizon` seconds (full group windows, mostly)."""
        chats = self._last_sent if self.chat_interval > horizon else self._groups
        return {chat for chat in list(chats) if self.free_in(chat) > horizon}

    def forget_idle(self) -> None:
        """Drop chats that are free again and have no group window left, so tables stay small."""
        for chat in list(self._last_sent):
            if self.free_in(chat) == 0 and not self._groups.get(chat):
                del self._last_sent[chat]
                self._groups.pop(chat, None)

    def record(self, chat_id: int) -> None:
        """Count a message sent to a chat (negative ids are groups and channels)."""
        now = self._now()
        self._recent.append(now)
        self._last_sent[chat_id] = now
        if chat_id < 0:
            self._groups[chat_id].append(now)
