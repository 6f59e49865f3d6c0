"""The sending window (days off, holidays, quiet hours) and the dispatcher's rate limits."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mina_bot.delivery.limits import RateLimits
from mina_bot.reminders.window import SendingWindow

TEHRAN = ZoneInfo("Asia/Tehran")
WINDOW = SendingWindow(TEHRAN, dt.time(21), dt.time(8), frozenset({6}),
                       frozenset({dt.date(2021, 4, 27)}))


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2021, 4, day, hour, minute, tzinfo=TEHRAN)


def test_quiet_hours_wait_for_the_morning():
    assert WINDOW.next_allowed(at(25, 22)) == at(26, 8)
    assert WINDOW.next_allowed(at(26, 3)) == at(26, 8)
    assert WINDOW.next_allowed(at(26, 20, 59)) == at(26, 20, 59)
    assert not WINDOW.allows(at(26, 21)) and WINDOW.allows(at(26, 8))


def test_fridays_and_holidays_move_to_the_next_working_morning():
    assert WINDOW.next_allowed(at(30, 9)) == dt.datetime(2021, 5, 1, 8, tzinfo=TEHRAN)  # Friday
    assert WINDOW.next_allowed(at(27, 9)) == at(28, 8)  # the holiday
    assert WINDOW.next_allowed(at(29, 22)) == dt.datetime(2021, 5, 1, 8, tzinfo=TEHRAN)


def test_a_thursday_half_day_holds_the_afternoon_for_saturday_morning():
    half = SendingWindow(TEHRAN, dt.time(21), dt.time(8), frozenset({6}), frozenset(),
                         thursday_end=dt.time(13))
    assert half.allows(at(29, 12, 59)) and not half.allows(at(29, 13))  # Thursday
    assert half.next_allowed(at(29, 15)) == dt.datetime(2021, 5, 1, 8, tzinfo=TEHRAN)
    assert half.allows(at(28, 14)) and WINDOW.allows(at(29, 15))  # Wednesday; unset: full day


class Ticker:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_one_message_a_second_per_chat_and_twenty_a_minute_per_group():
    tick = Ticker()
    limits = RateLimits(per_second=30, chat_interval=1, group_per_minute=20, monotonic=tick)
    limits.record(5)
    assert limits.free_in(5) == 1 and limits.free_in(6) == 0
    tick.now += 1
    assert limits.free_in(5) == 0
    for _ in range(20):
        limits.record(-100)
        tick.now += 1.01
    assert 0 < limits.free_in(-100) <= 60
    assert limits.blocked_beyond(10) == {-100}  # a private chat is never busy that long
    assert limits.spacing(-100) == 3 and limits.spacing(5) == 1


def test_idle_chats_are_forgotten_and_busy_ones_kept():
    tick = Ticker()
    limits = RateLimits(per_second=30, chat_interval=1, group_per_minute=20, monotonic=tick)
    limits.record(5)
    limits.record(-100)
    tick.now += 0.5
    limits.record(6)
    tick.now += 0.6
    limits.forget_idle()
    assert set(limits._last_sent) == {6, -100}  # the group's minute window is still open
    tick.now += 60
    limits.forget_idle()
    assert limits._last_sent == {} and not limits._groups


def test_the_overall_rate_makes_the_next_send_wait():
    tick = Ticker()
    limits = RateLimits(per_second=3, chat_interval=0, group_per_minute=20, monotonic=tick)
    for chat in range(3):
        limits.record(chat)
    assert limits.global_wait() == 1.0
    tick.now += 0.5
    assert limits.global_wait() == 0.5
