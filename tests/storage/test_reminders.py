"""The reminder planner walked through a week on a fake clock, on a real database."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pydantic import SecretStr
from sqlmodel import Session, select

from mina_bot.clock import FakeClock
from mina_bot.reminders import preferences, service
from mina_bot.reminders.arrival import message_for
from mina_bot.reminders.service import run_planner
from mina_bot.sessions.schedule import ensure_next_session
from mina_bot.settings import Settings
from storage.models import (
    CouncilSession,
    Holiday,
    OutboxMessage,
    ReminderItem,
    ReportStatus,
    Resolution,
    ResolutionAssignment,
    SessionStatus,
    WeeklyReport,
)
from tests.fixtures.bot import TEST_TOKEN
from tests.fixtures.organisation import (
    COMMITTEE_SECRETARY_ID,
    HEAD_ID,
    OTHER_HEAD_ID,
    SECRETARY_ID,
    seed_org,
)

TEHRAN = ZoneInfo("Asia/Tehran")  # +04:30 in spring 1400 (daylight saving then)
SETTINGS = Settings(_env_file=None, bot_token=SecretStr(TEST_TOKEN))


def tehran(day: int, hour: int, minute: int = 0, month: int = 4) -> dt.datetime:
    """A Tehran wall-clock moment in April/May 2021 (1400/02), as aware UTC."""
    return dt.datetime(2021, month, day, hour, minute, tzinfo=TEHRAN).astimezone(dt.UTC)


@pytest.fixture
def world(session):
    """Session 1 held on Monday 1400/01/30; two resolutions; the IT committee reported."""
    org = seed_org(session)
    held = CouncilSession(number=1, starts_at=tehran(19, 10), status=SessionStatus.HELD)
    session.add(held)
    session.flush()
    soon = Resolution(session_id=held.id, number=8, subject="راه‌اندازی تبادل داده",
                      due_date=dt.date(2021, 4, 27))
    late = Resolution(session_id=held.id, number=2, subject="تهیه فهرست سامانه‌ها",
                      due_date=dt.date(2021, 4, 14))
    session.add_all([soon, late])
    session.flush()
    session.add_all([ResolutionAssignment(resolution_id=soon.id, unit_id=org.infrastructure,
                                          raw_name="کمیته زیرساخت"),
                     ResolutionAssignment(resolution_id=late.id, unit_id=org.it,
                                          raw_name="کمیته فناوری اطلاعات"),
                     Holiday(date=dt.date(2021, 4, 27), name="تعطیل آزمایشی")])
    upcoming = ensure_next_session(session, now=tehran(24, 0), settings=SETTINGS)
    session.add(WeeklyReport(unit_id=org.it, session_id=upcoming.id,
                             status=ReportStatus.SUBMITTED))
    session.commit()
    org.soon, org.late, org.upcoming = soon.id, late.id, upcoming.id
    return org


def items(session, occasion: str | None = None) -> list[ReminderItem]:
    """The reminder items recorded (of one occasion)."""
    query = select(ReminderItem)
    return list(session.exec(query.where(ReminderItem.occasion == occasion) if occasion
                             else query).all())


def walk(session, start: dt.datetime, end: dt.datetime, step=dt.timedelta(minutes=30)):
    """Run the planner every step; the Tehran time each item went into a message (sent) or
    was dropped."""
    clock, seen = FakeClock(start), {}
    while clock.now() <= end:
        run_planner(session, now=clock.now(), settings=SETTINGS)
        session.commit()
        for item in items(session):
            if item.state != "queued":
                seen.setdefault(item.key, (clock.now().astimezone(TEHRAN), item.state))
        clock.advance(step)
    return seen


def test_every_rule_fires_once_at_its_tehran_time_never_on_friday_holidays_or_at_night(
        session, world):
    m = world.members
    seen = walk(session, tehran(24, 0), tehran(1, 9, month=5))
    s2 = world.upcoming
    infra, it = (m[HEAD_ID], m[COMMITTEE_SECRETARY_ID]), (m[OTHER_HEAD_ID],)
    everyone = (m[SECRETARY_ID], m[HEAD_ID], m[COMMITTEE_SECRETARY_ID], m[OTHER_HEAD_ID])
    expected = {}

    def expect(occasion, members, subject, period, when):
        for member in members:
            expected[f"{occasion}|member:{member}|{subject}|{period}"] = when

    unit = f"unit:{world.infrastructure}"
    expect("report.weekly", infra, unit, f"session:{s2}", (24, 10))
    expect("report.deadline_day", infra, unit, f"session:{s2}", (25, 9))
    expect("report.missing", (m[SECRETARY_ID],), "units", f"session:{s2}", (25, 12))
    expect("session.eve", everyone, f"session:{s2}", "eve:2021-04-26", (25, 16))
    expect("session.day", everyone, f"session:{s2}", "day:2021-04-26", (26, 8))
    soon, late = f"resolution:{world.soon}", f"resolution:{world.late}"
    expect("resolution.before", infra, soon, "before", (25, 9))
    expect("resolution.due", infra, soon, "due", (28, 8))  # Tuesday is a holiday
    expect("resolution.overdue", infra, soon, "overdue1", (1, 8))  # Friday waits for Saturday
    expect("resolution.overdue", it, late, "overdue3", (24, 8))  # Friday's, sent late
    expect("resolution.escalation", (m[SECRETARY_ID],), late, "overdue3", (24, 8))
    for period, day in (("overdue4", (26, 9)), ("overdue5", (29, 9))):
        expect("resolution.overdue", it, late, period, day)
        expect("resolution.escalation", (m[SECRETARY_ID],), late, period, day)
    expect("digest", (m[SECRETARY_ID],), "week", "2021-04-24", (25, 13))
    sent = {key: (when.day, when.hour) for key, (when, state) in seen.items()
            if state == "composed"}
    assert sent == expected
    dropped = {key for key, (_, state) in seen.items() if state == "dropped"}
    assert {k.split("|")[3] for k in dropped if late in k} == {"overdue1", "overdue2"}
    assert any(k.startswith("digest|") and "2021-04-17" in k for k in dropped)
    for when, state in seen.values():
        if state == "composed":
            assert when.weekday() != 4 and when.date() != dt.date(2021, 4, 27)  # Friday, holiday
            assert dt.time(8) <= when.time() < dt.time(21)


def test_running_the_planner_again_or_in_a_second_process_enqueues_nothing(
        session, engine, world):
    now = tehran(25, 16)
    first = run_planner(session, now=now, settings=SETTINGS)
    session.commit()
    assert first.enqueued > 0
    assert run_planner(session, now=now, settings=SETTINGS).enqueued == 0
    session.commit()
    with Session(engine) as other_process:
        assert run_planner(other_process, now=now + dt.timedelta(minutes=1),
                           settings=SETTINGS).enqueued == 0


def test_a_pass_stopped_while_composing_keeps_what_it_composed_and_the_next_ends_it(
        session, world, monkeypatch):
    """A catch-up at ten times the country composes 50,000 messages: one stopped by its time
    limit must not lose them, nor send any twice when the next pass goes on."""
    monkeypatch.setattr(service, "COMPOSE_BATCH", 1)
    composed_one = service._compose

    def stopped_after_the_first(*args, **kwargs):
        monkeypatch.setattr(service, "_compose", killed)
        return composed_one(*args, **kwargs)

    def killed(*_args, **_kwargs):
        raise TimeoutError("the worker was stopped")

    monkeypatch.setattr(service, "_compose", stopped_after_the_first)
    now = tehran(25, 16)
    with pytest.raises(TimeoutError):
        run_planner(session, now=now, settings=SETTINGS)
    session.rollback()
    first = session.exec(select(OutboxMessage.member_id)).all()
    assert len(first) == 1  # the first member's message was committed before the stop
    assert {i.state for i in items(session, "session.eve")} == {"composed", "queued"}
    monkeypatch.setattr(service, "_compose", composed_one)
    assert run_planner(session, now=now + dt.timedelta(minutes=1), settings=SETTINGS).enqueued \
        == len(world.members) - 1
    session.commit()
    recipients = session.exec(select(OutboxMessage.member_id)).all()
    assert sorted(recipients) == sorted(world.members.values())  # each once
    assert {i.state for i in items(session, "session.eve")} == {"composed"}


def test_a_reminder_due_in_quiet_hours_waits_for_the_morning(session, world):
    settings = SETTINGS.model_copy(update={"report_deadline_time": dt.time(21, 30)})
    clock = FakeClock(tehran(25, 21, 30))
    assert run_planner(session, now=clock.now(), settings=settings).waiting > 0
    session.commit()
    assert not items(session, "report.missing")
    run_planner(session, now=tehran(26, 7, 30), settings=settings)
    assert not items(session, "report.missing")
    run_planner(session, now=tehran(26, 8), settings=settings)
    [missing] = items(session, "report.missing")
    assert missing.state == "composed"
    worded, _ = message_for(session, outbox_id=missing.outbox_id, member_id=missing.member_id,
                            now=tehran(26, 8), settings=settings)
    section = worded.split("گزارش‌های نرسیده")[1].split("\n\n")[0]
    assert "کمیته زیرساخت" in section
    assert "کمیته فناوری" not in section  # it reported


def test_muted_kinds_are_skipped_but_mandatory_ones_cannot_be_muted(session, world):
    member = world.members[COMMITTEE_SECRETARY_ID]
    assert preferences.toggle(session, member_id=member, kind="session", settings=SETTINGS)
    with pytest.raises(preferences.MandatoryReminder):
        preferences.toggle(session, member_id=member, kind="resolution", settings=SETTINGS)
    session.commit()
    run_planner(session, now=tehran(25, 16), settings=SETTINGS)
    sessions = {r.member_id for r in items(session, "session.eve")}
    assert member not in sessions and world.members[HEAD_ID] in sessions
    resolutions = {r.member_id for r in items(session, "resolution.before")}
    assert member in resolutions


def test_a_report_submitted_stops_its_reminders(session, world):
    run_planner(session, now=tehran(24, 10), settings=SETTINGS)
    session.add(WeeklyReport(unit_id=world.infrastructure, session_id=world.upcoming,
                             status=ReportStatus.SUBMITTED))
    session.commit()
    run_planner(session, now=tehran(25, 9), settings=SETTINGS)
    assert not items(session, "report.deadline_day")
