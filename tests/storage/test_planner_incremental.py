"""The incremental planner against a full re-plan, over a generated organisation.

At every moment, planning only the window since the previous pass (and loading only what can
fall due in it) gives the same reminders, with the same texts, as planning the whole look-back
and keeping what is new since that pass; and a week of passes enqueues the same outbox.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from pydantic import SecretStr
from sqlmodel import Session, delete, select

from bench.dataset import generate
from bench.scale import QUICK
from mina_bot.reminders.planner import plan
from mina_bot.reminders.service import LAST_PASS, run_planner
from mina_bot.reminders.snapshot import load_snapshot
from mina_bot.reminders.texts import render
from mina_bot.settings import Settings
from storage.models import ConversationState, Holiday, OutboxMessage, ReminderItem
from tests.fixtures.bot import TEST_TOKEN

pytestmark = pytest.mark.slow  # scheduled first (tests/conftest.py)

TEHRAN = ZoneInfo("Asia/Tehran")
SETTINGS = Settings(_env_file=None, bot_token=SecretStr(TEST_TOKEN))
SMALL = dataclasses.replace(QUICK, members=120, resolutions=1500, reports=600, probes=5)
ANCHOR = dt.datetime(2021, 5, 8, 7, 0, tzinfo=TEHRAN).astimezone(dt.UTC)  # a Saturday morning


def tehran(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2021, 5, day, hour, minute, tzinfo=TEHRAN).astimezone(dt.UTC)


# Every rule's own time (09:00 resolutions and deadline day, 10:00 Saturday's reports, 12:00
# the deadline, 13:00 Sunday's digest, 16:00 the eve, 08:00 the day), minutes either side,
# a quiet night, Friday, a holiday, and passes hours apart.
MOMENTS = sorted({
    *(tehran(day, hour, minute) for day in range(8, 16) for hour, minute in (
        (8, 0), (8, 59), (9, 0), (9, 1), (10, 0), (10, 30), (12, 0), (13, 0), (13, 2),
        (16, 0), (16, 1), (21, 0), (23, 30))),
    tehran(8, 7, 1), tehran(11, 3, 0), tehran(14, 15, 7),
})


@pytest.fixture
def organisation(engine):
    data = generate(engine, SMALL, seed=11, now=ANCHOR, settings=SETTINGS)
    with Session(engine) as session:
        session.add(Holiday(date=dt.date(2021, 5, 12), name="تعطیل آزمایشی"))
        session.commit()
    return data


def _seen(reminders) -> list[tuple]:
    return sorted((r.occasion, r.subject, r.period, r.moment, r.expires, r.recipients,
                   *((render(r, "fa", SETTINGS.tz), render(r, "en", SETTINGS.tz))
                     if r.kind == "digest" else ()))
                  for r in reminders)


def test_planning_the_window_since_the_last_pass_gives_what_a_full_replan_adds(
        engine, organisation):
    compared = 0
    with Session(engine) as session:
        for since, now in itertools.pairwise(MOMENTS):
            full = plan(load_snapshot(session, now=now, settings=SETTINGS), now, SETTINGS)
            snapshot = load_snapshot(session, now=now, settings=SETTINGS, since=since)
            window = plan(snapshot, now, SETTINGS, since)
            assert _seen(window) == _seen(r for r in full if r.moment > since), now
            compared += len(window)
        session.rollback()
    assert compared > 500  # every kind of reminder came due along the way


def test_a_minute_with_nothing_due_loads_no_resolution_member_or_unit(engine, organisation):
    now = tehran(10, 10, 31)
    with Session(engine) as session:
        snapshot = load_snapshot(session, now=now, settings=SETTINGS,
                                 since=now - dt.timedelta(minutes=1))
        busy = load_snapshot(session, now=tehran(10, 9, 0), settings=SETTINGS,
                             since=tehran(10, 8, 59))
    assert (snapshot.resolutions, snapshot.members, snapshot.units) == ((), (), {})
    assert busy.resolutions and busy.units


# Fewer passes than MOMENTS (a full pass costs the whole look-back): a holiday, Friday and
# nights between the rules' times.
WALK = [tehran(day, hour) for day in range(10, 15) for hour in (8, 9, 10, 12, 13, 16, 23)]


def _walk(engine, *, full: bool) -> tuple[list[frozenset], dict, set]:
    composed, items = [], {}
    with Session(engine) as session:
        for now in WALK:
            run_planner(session, now=now, settings=SETTINGS, full=full)
            session.commit()
            composed.append(frozenset(session.exec(select(ReminderItem.key).where(
                ReminderItem.state == "composed")).all()))
        items = {key: (state, details) for key, state, details in session.exec(
            select(ReminderItem.key, ReminderItem.state, ReminderItem.details))}
        messages = set(session.exec(select(OutboxMessage.member_id, OutboxMessage.kind,
                                           OutboxMessage.not_before)).all())
        session.exec(delete(ReminderItem))
        session.exec(delete(OutboxMessage))
        session.exec(delete(ConversationState).where(ConversationState.key == LAST_PASS))
        session.commit()
    return composed, items, messages


def test_a_week_of_incremental_passes_enqueues_what_full_passes_do(engine, organisation):
    incremental = _walk(engine, full=False)
    full = _walk(engine, full=True)
    assert incremental[0] == full[0]  # the same reminders sent, at every moment
    assert incremental[1] == full[1] and len(full[1]) > 500  # and in the end, every item
    assert incremental[2] == full[2]  # in the same messages
