"""The reminder planner as the pure function it is: what is due when, to whom, and when it waits."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from mina_bot.reminders.planner import (
    DROP,
    SEND,
    WAIT,
    ResolutionFacts,
    SessionFacts,
    Snapshot,
    UnitFacts,
    decide,
    plan,
)
from mina_bot.reminders.window import SendingWindow
from mina_bot.settings import Settings

SETTINGS = Settings(_env_file=None)
TEHRAN = ZoneInfo("Asia/Tehran")
UNITS = {1: UnitFacts(1, "کمیته زیرساخت", "Infrastructure", officers=(7, 8)),
         2: UnitFacts(2, "کمیته طراحی", "Design", officers=())}  # its officers left
DUE = dt.date(2021, 5, 12)  # a Wednesday


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), TEHRAN).astimezone(dt.UTC)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def resolution(due=DUE, units=(1,), *, open_=True, rid=1) -> ResolutionFacts:
    return ResolutionFacts(rid, rid, 40, "تهیه فهرست سامانه‌ها", due, units, open=open_)


def reminders(snap: Snapshot, now: dt.datetime, since=None) -> list[tuple]:
    return sorted((r.occasion, r.period, r.moment, r.recipients)
                  for r in plan(snap, now, SETTINGS, since) if r.kind == "resolution")


def snap(*facts: ResolutionFacts) -> Snapshot:
    return Snapshot(units=UNITS, resolutions=facts, secretariat=(9,))


def test_a_resolution_due_soon_reminds_its_units_officers_two_days_before_at_nine():
    now = at(DUE - days(2), 9, 30)
    assert reminders(snap(resolution()), now) == [
        ("resolution.before", "before", at(DUE - days(2), 9), (7, 8))]
    assert reminders(snap(resolution()), at(DUE - days(2), 8, 59)) == []


def test_on_the_day_it_is_due_the_officers_hear_again():
    found = reminders(snap(resolution()), at(DUE, 9, 1), since=at(DUE, 8, 0))
    assert found == [("resolution.due", "due", at(DUE, 9), (7, 8))]


def test_overdue_it_recurs_every_three_days_and_reaches_the_secretariat_from_the_second():
    first = reminders(snap(resolution()), at(DUE + days(3), 9), since=at(DUE + days(3), 8))
    assert first == [("resolution.overdue", "overdue1", at(DUE + days(3), 9), (7, 8))]
    second = reminders(snap(resolution()), at(DUE + days(6), 9), since=at(DUE + days(6), 8))
    assert second == [("resolution.escalation", "overdue2", at(DUE + days(6), 9), (9,)),
                      ("resolution.overdue", "overdue2", at(DUE + days(6), 9), (7, 8))]
    between = reminders(snap(resolution()), at(DUE + days(5), 9), since=at(DUE + days(4), 10))
    assert between == []


def test_an_overdue_reminder_is_useful_until_the_next_one():
    [r] = [r for r in plan(snap(resolution()), at(DUE + days(3), 10), SETTINGS,
                           at(DUE + days(3), 8))]
    assert r.expires == at(DUE + days(6), 9)


def test_reported_done_or_undated_resolutions_remind_nobody():
    now = at(DUE + days(3), 10)
    assert reminders(snap(resolution(open_=False), resolution(due=None, rid=2)), now) == []


def test_a_unit_whose_officers_left_gets_no_reminder_but_the_secretariat_still_escalates():
    found = reminders(snap(resolution(units=(2,))), at(DUE + days(6), 9, 5))
    assert {(o, recipients) for o, _, _, recipients in found} == {
        ("resolution.escalation", (9,))}


def test_session_reminders_go_the_eve_and_the_morning_to_every_member_still_with_us():
    day = dt.date(2021, 5, 17)  # a Monday
    session = SessionFacts(5, 41, at(day, 10), at(day - days(1), 12))
    snapshot = Snapshot(sessions=(session,), units=UNITS, reporting_unit_ids=(1,),
                        submitted={5: frozenset()}, members=(7, 8, 11), secretariat=(9,))
    found = {(r.occasion, r.moment, r.recipients) for r in plan(snapshot, at(day, 9), SETTINGS)}
    assert ("session.eve", at(day - days(1), 16), (7, 8, 11)) in found
    assert ("session.day", at(day, 8), (7, 8, 11)) in found
    assert ("report.missing", at(day - days(1), 12), (9,)) in found
    assert ("report.deadline_day", at(day - days(1), 9), (7, 8)) in found


def test_quiet_hours_hold_a_reminder_until_the_morning():
    window = SendingWindow.from_settings(SETTINGS, frozenset())
    [r] = plan(snap(resolution()), at(DUE, 9, 30), SETTINGS, at(DUE, 8))
    assert decide(r, at(DUE, 22), window) == WAIT
    assert decide(r, at(DUE + days(1), 7, 59), window) == WAIT
    assert decide(r, at(DUE + days(1), 8), window) == SEND


def test_a_holiday_and_friday_hold_it_and_it_is_dropped_once_past_use():
    holiday = SendingWindow.from_settings(SETTINGS, frozenset({DUE}))
    [r] = plan(snap(resolution()), at(DUE, 9, 30), SETTINGS, at(DUE, 8))
    assert decide(r, at(DUE, 10), holiday) == WAIT
    assert decide(r, at(DUE + days(1), 10), holiday) == SEND  # Thursday
    friday = at(DUE + days(2), 10)
    assert decide(r, friday, SendingWindow.from_settings(SETTINGS, frozenset())) == WAIT
    assert decide(r, r.expires, holiday) == DROP


def test_planning_a_window_gives_what_the_whole_look_back_has_in_it():
    rng = random.Random(5)
    facts = tuple(resolution(due=DUE + days(rng.randrange(-40, 10)), rid=i,
                             units=(rng.choice((1, 2)),), open_=rng.random() < 0.8)
                  for i in range(1, 200))
    now = at(DUE + days(1), 9, 0)
    full = reminders(snap(*facts), now)
    for since in (now - dt.timedelta(minutes=1), at(DUE, 9), now - days(3)):
        assert reminders(snap(*facts), now, since) == [r for r in full if r[2] > since]
    assert full


def test_a_session_moved_to_another_day_is_reminded_again_under_a_new_key():
    day, moved = dt.date(2021, 5, 17), dt.date(2021, 5, 18)  # Monday, then Tuesday
    members = (7, 8, 11)

    def eves(starts: dt.datetime, now: dt.datetime) -> set[tuple[str, str]]:
        session = SessionFacts(5, 41, starts, starts - days(1))
        snapshot = Snapshot(sessions=(session,), units=UNITS, reporting_unit_ids=(),
                            submitted={5: frozenset()}, members=members, secretariat=(9,))
        return {(r.subject, r.period) for r in plan(snapshot, now, SETTINGS)
                if r.occasion == "session.eve"}

    before = eves(at(day, 10), at(day - days(1), 16, 5))
    after = eves(at(moved, 11), at(moved - days(1), 16, 5))
    assert before == {("session:5", "eve:2021-05-17")}
    assert after == {("session:5", "eve:2021-05-18")}  # a new dedupe key: sent again
