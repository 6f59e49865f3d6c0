"""Benchmark 4: one reminder-planning pass over the national dataset."""

from __future__ import annotations

import logging
import time

from bench.dataset import Dataset
from bench.figures import Figure, at_most, info, median
from bench.scale import Scale
from mina_bot.reminders.planner import plan
from mina_bot.reminders.service import run_planner
from mina_bot.reminders.snapshot import load_snapshot
from mina_bot.runtime import Runtime


def _pass(runtime: Runtime) -> tuple[float, int]:
    started = time.perf_counter()
    with runtime.session() as session:
        result = run_planner(session, now=runtime.clock.now(), settings=runtime.settings)
    return time.perf_counter() - started, result.enqueued + result.dropped


def measure(runtime: Runtime, data: Dataset, scale: Scale) -> tuple[list[Figure], dict]:
    """The first pass (catching up: enqueues the backlog) and the steady pass the bot repeats
    every minute (everything already enqueued: the dedupe keys make it a no-op)."""
    # The catch-up pass logs every reminder it drops: thousands of lines at national scale.
    logging.getLogger("mina.reminders").setLevel(logging.WARNING)
    snapshots, plans = [], []
    reminders = 0
    for _ in range(scale.repeats):
        started = time.perf_counter()
        with runtime.session() as session:
            snapshot = load_snapshot(session, now=runtime.clock.now(), settings=runtime.settings)
        loaded = time.perf_counter()
        reminders = len(plan(snapshot, runtime.clock.now(), runtime.settings))
        snapshots.append(loaded - started)
        plans.append(time.perf_counter() - loaded)
    first, enqueued = _pass(runtime)
    steady = median([_pass(runtime)[0] for _ in range(scale.repeats)])
    ms = 1000
    figures = [
        at_most("planner.steady_ms", "planner: one pass (steady, every minute)", steady * ms,
                "ms", 200, f"first pass {first * ms:,.0f} ms enqueued {enqueued:,}"),
        info("planner.first_ms", "planner: first pass (catching up)", first * ms, "ms",
             f"{enqueued:,} outbox rows"),
        info("planner.snapshot_ms", "planner: load the snapshot", median(snapshots) * ms, "ms",
             f"plan alone {median(plans) * ms:.0f} ms, {reminders:,} reminders"),
    ]
    return figures, {"reminders": reminders, "enqueued_first": enqueued}
