"""Per-account flood control: a sliding window, a cool-off, and one polite warning."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    """What to do with one update from an account."""

    PASS = "pass"
    WARN = "warn"  # drop it, and tell the account once
    DROP = "drop"  # drop it silently


@dataclass
class _Account:
    arrivals: deque[float] = field(default_factory=deque)
    blocked_until: float = 0.0


class FloodGuard:
    """At most `limit` updates per `window` seconds per account; past that, a cool-off."""

    def __init__(self, limit: int = 20, window: float = 10.0, cooloff: float = 30.0,
                 max_accounts: int = 50_000) -> None:
        self.limit, self.window, self.cooloff = limit, window, cooloff
        self.max_accounts = max_accounts
        self._accounts: dict[int, _Account] = {}
        self._swept_at = 0.0

    def check(self, account_id: int, now: float) -> Verdict:
        """Record an update at monotonic time `now` and judge it."""
        if now - self._swept_at >= self.window:  # an idle account's arrivals tell nothing more
            self._forget_idle(now)
            self._swept_at = now
        account = self._accounts.get(account_id)
        if account is None:
            if len(self._accounts) >= self.max_accounts:
                self._forget_idle(now)
            account = self._accounts[account_id] = _Account()
        if now < account.blocked_until:
            return Verdict.DROP
        arrivals = account.arrivals
        while arrivals and arrivals[0] <= now - self.window:
            arrivals.popleft()
        arrivals.append(now)
        if len(arrivals) > self.limit:
            arrivals.clear()
            account.blocked_until = now + self.cooloff
            return Verdict.WARN
        return Verdict.PASS

    def __len__(self) -> int:
        """How many accounts are remembered."""
        return len(self._accounts)

    def _forget_idle(self, now: float) -> None:
        quiet_since = now - self.window
        idle = [k for k, a in self._accounts.items()
                if a.blocked_until <= now and (not a.arrivals or a.arrivals[-1] <= quiet_since)]
        for key in idle:
            del self._accounts[key]
