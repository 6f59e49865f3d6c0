"""Benchmark 4: the reminder planner: its catch-up pass, its steady pass every minute, and the
minute the day's resolution reminders fall due."""

from __future__ import annotations

import datetime as dt
import logging
import time

from bench.dataset import Dataset
from bench.figures import Figure, at_most, info, median
from bench.scale import Scale
from mina_bot.reminders.planner import plan
from mina_bot.reminders.service import run_planner
from mina_bot.reminders.snapshot import load_snapshot
from mina_bot.runtime import Runtime
from mina_bot.settings import Settings

MINUTE = dt.timedelta(minutes=1)


def _pass(runtime: Runtime, now: dt.datetime, settings: Settings) -> tuple[float, int]:
    started = time.perf_counter()
    with runtime.session() as session:
        result = run_planner(session, now=now, settings=settings)
    return time.perf_counter() - started, result.enqueued + result.dropped


def measure(runtime: Runtime, data: Dataset, scale: Scale) -> tuple[list[Figure], dict]:
    """The first pass (catching up a week: enqueues the backlog), then a pass a minute."""
    # The catch-up pass logs every reminder it drops: thousands of lines at national scale.
    logging.getLogger("mina.reminders").setLevel(logging.WARNING)
    # Whatever the hour of the run, the sending window is open: the passes do their full work.
    settings = runtime.settings.model_copy(update={
        "reminder_quiet_start": dt.time(0), "reminder_quiet_end": dt.time(0),
        "reminder_days_off": ()})
    now = runtime.clock.now()
    started = time.perf_counter()
    with runtime.session() as session:
        snapshot = load_snapshot(session, now=now, settings=settings)
    loaded = time.perf_counter()
    reminders = len(plan(snapshot, now, settings))
    full_load, full_plan = loaded - started, time.perf_counter() - loaded
    first, enqueued = _pass(runtime, now, settings)
    steady = median([_pass(runtime, now + k * MINUTE, settings)[0]
                     for k in range(1, scale.repeats + 1)])
    # The minute the day's resolution reminders fall due (09:00 in Tehran by default).
    local = (now + (scale.repeats + 1) * MINUTE).astimezone(settings.tz)
    due = dt.datetime.combine(local.date(), settings.resolution_reminder_time, settings.tz)
    due = due if due > local else due + dt.timedelta(days=1)
    _pass(runtime, due - MINUTE, settings)  # catches up to the minute before
    busy, busy_rows = _pass(runtime, due + dt.timedelta(seconds=1), settings)
    ms = 1000
    figures = [
        at_most("planner.steady_ms", "planner: one pass (steady, every minute)", steady * ms,
                "ms", 200, f"the minute resolutions fall due {busy * ms:,.0f} ms "
                           f"({busy_rows:,} rows)"),
        info("planner.first_ms", "planner: first pass (catching up a week)", first * ms, "ms",
             f"{enqueued:,} outbox rows"),
        info("planner.snapshot_ms", "planner: a full re-plan of the week (load + plan)",
             (full_load + full_plan) * ms, "ms",
             f"load {full_load * ms:,.0f} ms, {reminders:,} reminders"),
    ]
    return figures, {"reminders": reminders, "enqueued_first": enqueued,
                     "busy_minute_ms": busy * ms, "busy_minute_rows": busy_rows}
