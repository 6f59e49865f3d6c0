"""How big a run is: the national scale, its multiples (`--scale N`), and the quick one in CI."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """Sizes of the dataset and of each measurement."""

    name: str
    provinces: int
    members: int
    resolutions: int
    reports: int
    probes: int  # members of exactly three units, who ask «what do I owe?»
    owe_requests: int
    e2e_users: int
    e2e_seconds: float
    e2e_warmup_seconds: float  # load before the measured seconds, reported on its own
    broadcast_recipients: int
    broadcast_rate: float
    import_rows: int
    repeats: int  # how many times a single timed action is repeated (median kept)
    blocking_seconds: float = 4.0  # the quiet load's length
    blocking_rate: float = 100.0  # the users' /owe round trips a second, together, meanwhile
    broadcast_window: float = 15.0  # seconds of a broadcast at Telegram's rate under the load
    action_limit: float = 115.0  # seconds (under the sandbox's longest wait): then «not done»
    factor: int = 1

    def times(self, factor: int) -> Scale:
        """The organisation `factor` times as large (every county's committees joining): more
        provinces, members, resolutions and reports; the measurements' own sizes unchanged."""
        if factor == 1:
            return self
        return dataclasses.replace(
            self, name=f"{self.name}×{factor}", provinces=self.provinces * factor,
            members=self.members * factor, resolutions=self.resolutions * factor,
            reports=self.reports * factor, factor=self.factor * factor)


NATIONAL = Scale(
    name="national", provinces=31, members=5000, resolutions=50_000, reports=100_000,
    probes=200, owe_requests=2000, e2e_users=20, e2e_seconds=15.0, e2e_warmup_seconds=2.0,
    broadcast_recipients=5000, broadcast_rate=500.0, import_rows=100, repeats=5,
)
QUICK = Scale(
    name="quick", provinces=3, members=300, resolutions=2000, reports=3000,
    probes=30, owe_requests=200, e2e_users=5, e2e_seconds=1.0, e2e_warmup_seconds=0.3,
    broadcast_recipients=200, broadcast_rate=500.0, import_rows=100, repeats=2,
    blocking_seconds=1.0, blocking_rate=20.0, broadcast_window=1.0, action_limit=60.0,
)
