"""The planner job's work, done in a worker process (`Workers.run`): a catch-up pass plans a
week of reminders in CPU-bound Python, which in the bot would hold everyone's answers."""

from __future__ import annotations

import datetime as dt

from mina_bot.calendar.off_day import ask as ask_about_off_days
from mina_bot.reminders.service import PlannerRun, run_planner
from mina_bot.reports.group_summary import enqueue_group_summaries
from mina_bot.settings import Settings
from mina_bot.workers import worker_runtime


def planner_pass(settings: Settings, *, now: dt.datetime) -> PlannerRun:
    """One pass as of `now` (the bot's clock): reminders, the groups' weekly summaries, the
    questions about days off; each committed as it goes."""
    with worker_runtime(settings).session() as session:
        result = run_planner(session, now=now, settings=settings)
        result.enqueued += enqueue_group_summaries(session, now=now, settings=settings)
        result.enqueued += ask_about_off_days(session, now=now, settings=settings)
        return result
