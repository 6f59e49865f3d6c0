"""Fuzz: thousands of hostile updates from every role through the real Application.

No unhandled exception, every reply within Telegram's limits, and no row changed that the
sender had no right to change. `MINA_FUZZ_EXAMPLES` sets the number of updates (1,500 by
default; `MINA_FUZZ_EXAMPLES=10000` for the full run).
"""

from __future__ import annotations

import asyncio
import os

import pytest
from hypothesis import HealthCheck, example, given, settings

from tests.hardening.fuzz_rights import forbidden_changes
from tests.hardening.fuzz_updates import EXTREMES, batches, build
from tests.hardening.fuzz_world import close_world, open_world
from tests.hardening.telegram_limits import violations

pytestmark = pytest.mark.slow  # scheduled first (tests/conftest.py)

UPDATES = int(os.environ.get("MINA_FUZZ_EXAMPLES", "1500"))
PER_BATCH = 3.5  # the mean length of a drawn batch
# A committee secretary's look at a session whose agenda nobody has opened yet: the look sets up
# the automatic items, which is no change of the secretary's making.
FIRST_LOOK = [{"role": "secretary", "user": 1010, "kind": "command", "text": "/session 1",
               "chat": "private"}]


def test_hostile_updates_from_every_role(sample_organisation, database_url, fake_clock):
    runner = asyncio.Runner()
    fuzz = runner.run(open_world(database_url, fake_clock))
    last: list = []  # the snapshot after the last batch that passed

    @settings(max_examples=max(1, int(UPDATES / PER_BATCH)), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(batches())
    @example(EXTREMES)
    @example(FIRST_LOOK)
    def run(batch):
        # Nothing runs between two batches: the last batch's «after» is this one's «before».
        before = last.pop() if last else fuzz.snapshot()
        for action in batch:
            calls = runner.run(fuzz.feed(build(fuzz, action)))
            problems = [v for call in calls for v in violations(call)]
            assert not problems, (action, problems)
            assert not fuzz.unexpected, (action, fuzz.unexpected)
            assert not fuzz.errors.records, (action, [r.getMessage() for r in
                                                       fuzz.errors.records])
        after = fuzz.snapshot()
        changed = forbidden_changes(batch[0]["role"], batch[0]["user"], before, after)
        assert not changed, (batch, changed)
        last.append(after)

    try:
        run()
        print(f"\nfuzz: {fuzz.updates} updates processed")
    finally:
        runner.run(close_world(fuzz))
        runner.close()
