"""Send-rate limits kept by the dispatcher itself: overall, per chat, per group chat.

PTB's AIORateLimiter is deliberately not used: it sleeps (and retries 429s) inside the API
call while the outbox row stays claimed, and it cannot tell the dispatcher "this chat is busy,
send another chat's message first". Here a busy chat is simply skipped when claiming.
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

    def _chat_free_at(self, chat_id: int) -> float:
        free_at = self._last_sent.get(chat_id, float("-inf")) + self.chat_interval
        window = self._groups.get(chat_id)
        if window is not None:
            now = self._now()
            while window and window[0] <= now - GROUP_WINDOW:
                window.popleft()
            if len(window) >= self.group_per_minute:
                free_at = max(free_at, window[0] + GROUP_WINDOW)
        return free_at

    def busy_chats(self) -> set[int]:
        """Chats that may not receive a message right now."""
        now = self._now()
        busy = {chat for chat in list(self._last_sent) if self._chat_free_at(chat) > now}
        for chat in set(self._last_sent) - busy:
            if chat not in self._groups:
                del self._last_sent[chat]  # forget idle private chats
        return busy

    def next_free_in(self) -> float | None:
        """Seconds until the first busy chat frees up, None when none is busy."""
        now = self._now()
        waits = [self._chat_free_at(chat) - now for chat in self.busy_chats()]
        return max(0.0, min(waits)) if waits else None

    def record(self, chat_id: int) -> None:
        """Count a message sent to a chat (negative ids are groups and channels)."""
        now = self._now()
        self._recent.append(now)
        self._last_sent[chat_id] = now
        if chat_id < 0:
            self._groups[chat_id].append(now)
