"""The planner's resolution series: nothing before its first moment, none outside the look-back."""

from __future__ import annotations

import datetime as dt

from mina_bot.reminders.planner import ResolutionFacts, Snapshot, UnitFacts, plan
from mina_bot.settings import Settings

SETTINGS = Settings(_env_file=None)
NOW = dt.datetime(2021, 5, 10, 9, 0, tzinfo=dt.UTC)
SNAP_UNITS = {1: UnitFacts(1, "کمیته زیرساخت", "Infrastructure", officers=(7,))}


def reminders_of(resolution: ResolutionFacts, now: dt.datetime) -> list:
    snap = Snapshot(units=SNAP_UNITS, resolutions=(resolution,), secretariat=(9,))
    return [r for r in plan(snap, now, SETTINGS) if r.subject == f"resolution:{resolution.id}"]


def test_the_first_reminder_comes_at_its_moment_and_not_a_minute_before():
    due = NOW.date() + dt.timedelta(days=SETTINGS.resolution_remind_days_before + 1)
    resolution = ResolutionFacts(1, 1, 1, "گزارش پایلوت", due, (1,))
    first = dt.datetime.combine(due - dt.timedelta(days=SETTINGS.resolution_remind_days_before),
                                SETTINGS.resolution_reminder_time,
                                tzinfo=SETTINGS.tz).astimezone(dt.UTC)
    assert reminders_of(resolution, first - dt.timedelta(minutes=1)) == []
    [before] = reminders_of(resolution, first + dt.timedelta(minutes=1))
    assert (before.period, before.moment, before.recipients) == ("before", first, (7,))


def test_a_long_overdue_resolution_reminds_only_within_the_look_back():
    resolution = ResolutionFacts(2, 2, 1, "تفاهم‌نامه", NOW.date() - dt.timedelta(days=400), (1,))
    found = reminders_of(resolution, NOW)
    since = NOW - dt.timedelta(days=SETTINGS.reminder_lookback_days)
    assert found and all(since < r.moment <= NOW for r in found)
    assert {r.period[:7] for r in found} == {"overdue"}
    assert {r.occasion for r in found} >= {"resolution.overdue"}
