"""Reminder messages as they arrive: worded with the clock of their sending, one a person a
moment, the daily cap, and nothing for a share done, a report in or a member gone."""

from __future__ import annotations

import datetime as dt
import random

from sqlmodel import select

from mina_bot.clock import FakeClock
from mina_bot.delivery.dispatcher import Dispatcher
from mina_bot.persian import to_persian_digits
from mina_bot.reminders.arrival import AGENDA_LINES, message_for
from mina_bot.reminders.service import run_planner
from storage.models import (
    AgendaKind,
    Membership,
    OutboxMessage,
    OutboxState,
    ReminderItem,
    ReportStatus,
    Resolution,
    ResolutionAssignment,
    ShareState,
    WeeklyReport,
)
from storage.repositories import sessions as sessions_repo
from tests.fixtures.organisation import (
    COMMITTEE_SECRETARY_ID,
    HEAD_ID,
    OTHER_HEAD_ID,
    SECRETARY_ID,
)
from tests.fixtures.senders import RecordingSender, no_sleep
from tests.storage.test_reminders import SETTINGS, tehran, world  # noqa: F401 (a fixture)

FAST = SETTINGS.model_copy(update={"delivery_chat_interval": 0})



async def deliver(engine, now: dt.datetime, settings=FAST) -> RecordingSender:
    """Send what is due at `now`, worded then."""
    sender = RecordingSender()
    await Dispatcher(engine=engine, sender=sender, settings=settings, worker="t",
                     clock=FakeClock(now), sleep=no_sleep, rng=random.Random(1),
                     wording=message_for).drain()
    return sender


def plan_at(session, *moments: dt.datetime, settings=FAST) -> None:
    for now in moments:
        run_planner(session, now=now, settings=settings)
        session.commit()


async def test_a_deadline_held_by_friday_is_worded_on_saturday_as_passed(session, engine,
                                                                         world):  # noqa: F811
    friday = dt.date(2021, 4, 30)
    late = session.get(Resolution, world.soon)
    late.due_date = friday
    session.commit()
    plan_at(session, tehran(30, 9, month=4), tehran(30, 12, month=4))  # Friday: it waits
    assert not (await deliver(engine, tehran(30, 12, month=4))).sent
    plan_at(session, tehran(1, 8, month=5))  # Saturday morning
    sent = await deliver(engine, tehran(1, 8, month=5))
    head = [html for chat, html, _ in sent.sent if chat == HEAD_ID]
    assert len(head) == 1
    assert "مهلت دیروز، جمعه، گذشت" in head[0] and "امروز" not in head[0]
    assert "راه‌اندازی تبادل داده" in head[0]


async def test_a_report_due_a_resolution_due_today_and_one_overdue_are_one_message(
        session, engine, world):  # noqa: F811
    # On Sunday 25 April at 09:00 the infrastructure committee owes its report (deadline
    # that day) and resolution 8 (due on the 27th, a holiday); make one due today, one late.
    extra = Resolution(session_id=session.get(Resolution, world.soon).session_id, number=9,
                       subject="تحویل گزارش پایش", due_date=dt.date(2021, 4, 25))
    session.add(extra)
    session.flush()
    session.add(ResolutionAssignment(resolution_id=extra.id, unit_id=world.infrastructure,
                                     raw_name="کمیته زیرساخت"))
    session.get(Resolution, world.soon).due_date = dt.date(2021, 4, 19)
    session.commit()
    plan_at(session, tehran(25, 8, 59), tehran(25, 9, 1))
    sent = await deliver(engine, tehran(25, 9, 1))
    [(html, buttons)] = [(h, b) for chat, h, b in sent.sent if chat == HEAD_ID]
    assert html.index("گذشته از مهلت") < html.index("مهلت امروز") < html.index("گزارش هفتگی")
    assert html.count("راه‌اندازی تبادل داده") == 1 and html.count("تحویل گزارش پایش") == 1
    assert {data for row in buttons for _, data in row} == {"res:owe:0", "rep:go"}


async def test_past_the_daily_cap_the_rest_waits_for_a_session_moment_or_the_next_day(
        session, engine, world):  # noqa: F811
    capped = FAST.model_copy(update={"reminder_daily_cap": 1})
    plan_at(session, *(tehran(25, h) for h in (8, 9, 10, 12, 13, 14)), settings=capped)
    secretary = world.members[SECRETARY_ID]
    rows = session.exec(select(OutboxMessage).where(OutboxMessage.member_id == secretary)).all()
    assert len(rows) == 1  # 08:00 (Friday's escalation); 12:00's and 13:00's wait
    waiting = session.exec(select(ReminderItem).where(ReminderItem.member_id == secretary,
                                                      ReminderItem.state == "queued")).all()
    assert {i.occasion for i in waiting} == {"report.missing", "digest"}
    [digest] = [i for i in waiting if i.occasion == "digest"]
    plan_at(session, tehran(25, 16), settings=capped)  # the session's eve: not counted
    session.refresh(digest)
    assert digest.state == "composed"
    assert session.get(OutboxMessage, digest.outbox_id).kind == "reminders.session"


async def test_nothing_for_a_share_done_a_report_in_or_a_member_who_left(
        session, engine, world):  # noqa: F811
    plan_at(session, tehran(25, 8, 59), tehran(25, 9, 1))  # report due, resolution 8 soon
    share = session.exec(select(ResolutionAssignment).where(
        ResolutionAssignment.resolution_id == world.soon)).one()
    share.state = ShareState.REPORTED_DONE
    session.add(WeeklyReport(unit_id=world.infrastructure, session_id=world.upcoming,
                             status=ReportStatus.SUBMITTED))
    session.commit()
    sent = await deliver(engine, tehran(25, 9, 2))
    assert not [c for c, *_ in sent.sent if c in (HEAD_ID, COMMITTEE_SECRETARY_ID)]
    dropped = session.exec(select(OutboxMessage).where(
        OutboxMessage.member_id == world.members[HEAD_ID])).all()
    assert {r.state for r in dropped} == {OutboxState.DROPPED}
    # The IT head leaves his committee: its overdue resolution no longer reaches him (the
    # session's agenda still does: he is a member of the council).
    seat = session.exec(select(Membership).where(
        Membership.member_id == world.members[OTHER_HEAD_ID])).one()
    seat.active = False
    session.commit()
    plan_at(session, tehran(26, 8), tehran(26, 9, 1))
    sent = (await deliver(engine, tehran(26, 9, 2))).sent
    assert not [html for c, html, _ in sent if c == OTHER_HEAD_ID and "تهیه فهرست" in html]
    assert [html for c, html, _ in sent if c == SECRETARY_ID and "تهیه فهرست" in html]


async def test_a_member_on_the_daily_digest_gets_their_items_once_at_the_digest_time(
        session, engine, world):  # noqa: F811
    from storage.models import Member

    head = session.get(Member, world.members[HEAD_ID])
    head.reminder_prefs = {"digest": True}
    session.add(WeeklyReport(unit_id=world.infrastructure, session_id=world.upcoming,
                             status=ReportStatus.SUBMITTED))  # no report reminder today
    session.commit()
    plan_at(session, tehran(25, 8, 59), tehran(25, 9, 1), tehran(25, 12))
    assert not session.exec(select(OutboxMessage).where(
        OutboxMessage.member_id == head.id)).all()  # resolution 8, due on the 27th, waits
    assert session.exec(select(OutboxMessage).where(  # others had theirs at 09:00
        OutboxMessage.member_id == world.members[COMMITTEE_SECRETARY_ID])).all()
    plan_at(session, tehran(25, 13), tehran(25, 14))
    rows = session.exec(select(OutboxMessage).where(OutboxMessage.member_id == head.id)).all()
    assert len(rows) == 1 and rows[0].kind == "reminders"
    sent = await deliver(engine, tehran(25, 13, 1))
    [html] = [h for chat, h, _ in sent.sent if chat == HEAD_ID]
    assert "راه‌اندازی تبادل داده" in html


async def test_on_the_digest_what_would_be_too_late_by_then_comes_at_its_moment_once(
        session, engine, world):  # noqa: F811
    from storage.models import Member

    head = session.get(Member, world.members[HEAD_ID])
    head.reminder_prefs = {"digest": True}
    session.commit()
    plan_at(session, tehran(25, 8, 59), tehran(25, 9, 1), tehran(25, 13), tehran(25, 14))
    rows = session.exec(select(OutboxMessage).where(OutboxMessage.member_id == head.id)).all()
    assert len(rows) == 1  # the report could not wait for 13:00: it came in the morning
    sent = await deliver(engine, tehran(25, 9, 2))
    [html] = [h for chat, h, _ in sent.sent if chat == HEAD_ID]
    assert "گزارش هفتگی" in html
    waiting = session.exec(select(ReminderItem).where(ReminderItem.member_id == head.id,
                                                      ReminderItem.state == "queued")).all()
    assert [i.occasion for i in waiting] == ["resolution.before"]  # tomorrow's one message


async def test_narrowed_hours_hold_the_items_until_the_members_own_start(
        session, engine, world):  # noqa: F811
    from storage.models import Member

    head = session.get(Member, world.members[HEAD_ID])
    head.reminder_prefs = {"from": "11:00", "until": "20:00"}
    other = session.get(Member, world.members[COMMITTEE_SECRETARY_ID])
    other.reminder_prefs = {"from": "06:00", "until": "23:00"}  # wider: the organisation's
    session.commit()
    plan_at(session, tehran(25, 8, 59), tehran(25, 9, 1), tehran(25, 10, 59))
    assert not session.exec(select(OutboxMessage).where(OutboxMessage.member_id == head.id)).all()
    assert session.exec(select(OutboxMessage).where(OutboxMessage.member_id == other.id)).all()
    plan_at(session, tehran(25, 11))
    assert session.exec(select(OutboxMessage).where(OutboxMessage.member_id == head.id)).all()


async def test_a_session_with_a_long_agenda_is_reminded_with_its_head_and_a_count(
        session, engine, world):  # noqa: F811
    """A committee's report on the agenda for each of hundreds of units would not fit one
    message: the session's own line still comes, with the agenda's first items and how many
    more there are."""
    for position in range(2, 42):
        sessions_repo.add_agenda_item(session, session_id=world.upcoming, kind=AgendaKind.ADDED,
                                      title=f"بند آزمایشی {position}", position=position)
    session.commit()
    plan_at(session, tehran(25, 16))  # the session's eve (its agenda made: standing items too)
    length = sessions_repo.agenda_length(session, session_id=world.upcoming)
    assert length > 40
    sent = await deliver(engine, tehran(25, 16))
    [html] = [h for chat, h, _ in sent.sent if chat == OTHER_HEAD_ID]
    assert f"جلسه {to_persian_digits('2')} شورا" in html
    assert html.count("\n") < 40 and len(html) <= 4096
    assert f"… و {to_persian_digits(str(length - AGENDA_LINES))} مورد دیگر" in html
