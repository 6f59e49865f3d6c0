"""End to end: a session that falls on a closure is asked about a week ahead, once, and moves to
the next working day only on the secretariat's «yes»; a stale or forged answer is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from handlers.delivery import plan_now
from mina_bot.holiday_table import add_closure
from storage.models import CouncilSession, SessionStatus
from tests.fixtures.buttons import button

SECRETARIAT, INFRA_SECRETARY = 1002, 1003
TEHRAN = dt.timezone(dt.timedelta(hours=4, minutes=30))  # Iran's summer time, 1400
MONDAY = dt.date(2021, 4, 26)  # 1400/02/06, the regular session's day


@pytest.fixture
def fake_clock():
    """Tuesday 1400/01/31 10:30 Tehran: six days before Monday's session."""
    from mina_bot.clock import FakeClock

    return FakeClock(dt.datetime(2021, 4, 20, 10, 30, tzinfo=TEHRAN))


@pytest.fixture
def bot_settings():
    """The planner and the dispatcher run often."""
    return {"delivery_chat_interval": 0, "delivery_poll_seconds": 0.1,
            "reminder_interval_seconds": 0.2, "reminders_enabled": True}


def _planned(bot) -> list[tuple[int, dt.date]]:
    with bot.runtime.session() as session:
        return [(c.number, c.starts_at.astimezone(TEHRAN).date())
                for c in session.exec(select(CouncilSession).where(
                    CouncilSession.status == SessionStatus.PLANNED))]


async def _question(bot) -> dict:
    await bot.client.ensure_user(SECRETARIAT)
    for _ in range(3):
        await plan_now(bot.application)
    [asked] = [m for m in await bot.client.wait_for_bot_messages(SECRETARIAT, 1)
               if "تعطیل است" in m["text"]]
    return asked


async def test_the_secretariat_is_asked_a_week_ahead_and_the_session_moves_on_yes(org_bot):
    bot = org_bot
    await bot.client.ensure_user(INFRA_SECRETARY)
    with bot.runtime.session() as session:
        add_closure(session, actor=None, start=MONDAY, end=MONDAY, name="تعطیلی ستاد",
                    now=bot.clock.now())
    asked = await _question(bot)
    assert "جلسه ۱ شورا در دوشنبه ۶ اردیبهشت ۱۴۰۰ است که تعطیل است (تعطیلی ستاد)" \
        in asked["text"] and "سه‌شنبه ۷ اردیبهشت ۱۴۰۰" in asked["text"]
    assert len([m for m in await bot.client.bot_messages(SECRETARIAT)
                if "تعطیل است" in m["text"]]) == 1  # asked once
    assert (1, MONDAY) in _planned(bot)  # nothing moved before the answer

    forged = await bot.client.press_button(  # another committee's secretary
        INFRA_SECRETARY, (await bot.say(INFRA_SECRETARY, "/whoami"))[0]["message_id"],
        button(asked, "انتقال به"))
    assert "اجازه" in (await bot.client.wait_for_answer(forged))["text"]
    stale = await bot.client.press_button(SECRETARIAT, asked["message_id"],
                                          f"cal:offmove:{asked_id(bot)}:{MONDAY.toordinal() + 1}")
    assert "معتبر نیست" in (await bot.client.wait_for_answer(stale))["text"]

    await bot.press(SECRETARIAT, asked, button(asked, "انتقال به"))
    moved = await bot.client.wait_for_edit(SECRETARIAT, asked["message_id"], contains="منتقل شد")
    assert "سه‌شنبه ۷ اردیبهشت ۱۴۰۰" in moved["text"]
    assert (1, MONDAY + dt.timedelta(days=1)) in _planned(bot)
    again = await bot.client.press_button(SECRETARIAT, asked["message_id"],
                                          button(asked, "انتقال به"))  # pressed twice
    assert "معتبر نیست" in (await bot.client.wait_for_answer(again))["text"]
    assert (1, MONDAY + dt.timedelta(days=1)) in _planned(bot)


def asked_id(bot) -> int:
    with bot.runtime.session() as session:
        return session.exec(select(CouncilSession).where(CouncilSession.number == 1)).one().id


async def test_keep_leaves_the_session_and_a_working_day_is_not_asked_about(org_bot):
    bot = org_bot
    await bot.client.ensure_user(SECRETARIAT)
    await plan_now(bot.application)
    assert not [m for m in await bot.client.bot_messages(SECRETARIAT) if "تعطیل است" in m["text"]]
    with bot.runtime.session() as session:
        add_closure(session, actor=None, start=MONDAY, end=MONDAY, name="تعطیلی ستاد",
                    now=bot.clock.now())
    asked = await _question(bot)
    await bot.press(SECRETARIAT, asked, button(asked, "همان روز بماند"))
    await bot.client.wait_for_edit(SECRETARIAT, asked["message_id"], contains="همان روز می‌ماند")
    assert (1, MONDAY) in _planned(bot)
