"""Traffic control: injected faults, Telegram-like flood limits and per-method/per-chat counters."""

from __future__ import annotations

import math
import random
import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from sandbox.errors import too_many_requests

FAULT_KINDS = ("429", "500", "502", "timeout", "slow", "lost_response")
FLOOD_LIMITED_METHODS = frozenset(
    {
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
        "copyMessage",
        "forwardMessage",
    }
)


@dataclass
class FaultRule:
    """One injected failure: which method, what goes wrong, how often."""

    method: str
    kind: str
    count: int | None = None
    rate: float | None = None
    retry_after: float = 1
    delay: float | None = None
    rng: random.Random = field(default_factory=random.Random)
    fired: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The rule as the control side shows it."""
        return {
            "method": self.method,
            "kind": self.kind,
            "count": self.count,
            "rate": self.rate,
            "retry_after": self.retry_after,
            "delay": self.delay,
            "fired": self.fired,
        }

    def matches(self, method: str) -> bool:
        """Whether this rule fires for the call now, consuming one of its count."""
        if self.method not in ("*", method):
            return False
        if self.count is not None:
            if self.fired >= self.count:
                return False
        elif self.rate is not None and self.rng.random() >= self.rate:
            return False
        self.fired += 1
        return True


class FaultPlan:
    """The injected faults, checked in the order they were added."""

    def __init__(self) -> None:
        self.rules: list[FaultRule] = []

    def add(
        self,
        method: str = "*",
        kind: str = "429",
        *,
        count: int | None = None,
        rate: float | None = None,
        seed: int | None = None,
        retry_after: float = 1,
        delay: float | None = None,
    ) -> FaultRule:
        """Add a rule; without count or rate it fires on every matching call."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; use one of {FAULT_KINDS}")
        if rate is not None and not 0 <= rate <= 1:
            raise ValueError("rate must be between 0 and 1")
        rule = FaultRule(method, kind, count, rate, retry_after, delay, random.Random(seed))
        self.rules.append(rule)
        return rule

    def pick(self, method: str) -> FaultRule | None:
        """The first rule that fires for this call, if any."""
        for rule in self.rules:
            if rule.matches(method):
                return rule
        return None

    def clear(self) -> None:
        """Remove every rule."""
        self.rules.clear()


class RateLimiter:
    """Sliding one-second windows, globally and per chat, answering 429 like Telegram."""

    def __init__(self) -> None:
        self.configure()

    def configure(
        self,
        per_second: float | None = None,
        per_chat_per_second: float | None = None,
        retry_after: float | None = None,
    ) -> None:
        """Set the limits (None disables one) and optionally a fixed retry_after to report."""
        self.per_second = per_second
        self.per_chat_per_second = per_chat_per_second
        self.retry_after = retry_after
        self._global: deque[float] = deque()
        self._chats: dict[int, deque[float]] = defaultdict(deque)

    def check(self, method: str, chat_id: int | None) -> None:
        """Count the call or raise a 429 when a window is full."""
        if method not in FLOOD_LIMITED_METHODS:
            return
        now = time.monotonic()
        windows = [(self._global, self.per_second)]
        if chat_id is not None:
            windows.append((self._chats[chat_id], self.per_chat_per_second))
        for window, limit in windows:
            if limit is None:
                continue
            while window and window[0] <= now - 1:
                window.popleft()
            if len(window) >= limit:
                wait = window[0] + 1 - now
                raise too_many_requests(self.retry_after or max(1, math.ceil(wait)))
        for window, limit in windows:
            if limit is not None:
                window.append(now)

    def to_dict(self) -> dict[str, Any]:
        """The current limits."""
        return {
            "per_second": self.per_second,
            "per_chat_per_second": self.per_chat_per_second,
            "retry_after": self.retry_after,
        }


class CallStats:
    """How often each method was called, how it ended, and successful calls per chat."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Zero every counter."""
        self.calls: Counter[str] = Counter()
        self.ok: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.per_chat: dict[int, Counter[str]] = defaultdict(Counter)
        self.first_at: dict[str, float] = {}

    def called(self, method: str) -> None:
        """Count an attempt, remembering when (epoch seconds) the method was first called."""
        self.calls[method] += 1
        self.first_at.setdefault(method, time.time())

    def succeeded(self, method: str, chat_id: int | None) -> None:
        """Count a success, per chat when the call had a chat_id."""
        self.ok[method] += 1
        if chat_id is not None:
            self.per_chat[chat_id][method] += 1

    def failed(self, method: str, code: int) -> None:
        """Count a failure by its error code."""
        self.errors[f"{method}:{code}"] += 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly counters (chat ids become string keys)."""
        return {
            "calls": dict(self.calls),
            "ok": dict(self.ok),
            "errors": dict(self.errors),
            "per_chat": {str(chat): dict(counts) for chat, counts in self.per_chat.items()},
            "first_at": dict(self.first_at),
        }
