"""How big a run is: the national scale, and the small one `--quick` runs in CI."""

from __future__ import annotations

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


NATIONAL = Scale(
    name="national", provinces=31, members=5000, resolutions=50_000, reports=100_000,
    probes=200, owe_requests=2000, e2e_users=20, e2e_seconds=15.0, e2e_warmup_seconds=2.0,
    broadcast_recipients=5000, broadcast_rate=500.0, import_rows=100, repeats=5,
)
QUICK = Scale(
    name="quick", provinces=3, members=300, resolutions=2000, reports=3000,
    probes=30, owe_requests=200, e2e_users=20, e2e_seconds=2.0, e2e_warmup_seconds=0.5,
    broadcast_recipients=200, broadcast_rate=500.0, import_rows=100, repeats=2,
)
