"""End to end, issue 21's «Done when»: a resolution due on a Friday is flagged at import and
moved to Saturday; the secretariat closes that Saturday in chat, and the reminder due that day
waits for Sunday, saying the deadline passed yesterday."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from handlers.delivery import plan_now
from storage.models import ReminderItem, Resolution
from tests.fixtures.buttons import button
from tests.fixtures.minutes import SECRETARIAT, paste

ASGHARI = 1003  # the infrastructure committee's secretary
TEHRAN = dt.timezone(dt.timedelta(hours=3, minutes=30))
MINUTES = ("مصوبات:\n\nبازه زمانی\tمتولی\tموضوع\n"
           "۱۴۰۰/۰۲/۱۰\tکمیته زیرساخت\t۱) گزارش پایلوت گیلان\n")


@pytest.fixture
def fake_clock():
    """Saturday 1400/02/04 09:00 Tehran."""
    from mina_bot.clock import FakeClock

    return FakeClock(dt.datetime(2021, 4, 24, 9, 0, tzinfo=TEHRAN))


@pytest.fixture
def bot_settings():
    """The planner and the dispatcher run often."""
    return {"delivery_chat_interval": 0, "delivery_poll_seconds": 0.1,
            "reminder_interval_seconds": 0.2, "reminders_enabled": True}


def _items(bot, resolution_id: int) -> dict[str, str]:
    with bot.runtime.session() as session:
        return {i.period: i.state for i in session.exec(select(ReminderItem).where(
            ReminderItem.subject == f"resolution:{resolution_id}",
            ReminderItem.member_id.is_not(None)))}


async def test_a_friday_deadline_moves_and_a_closure_added_in_chat_holds_the_reminder(org_bot):
    bot = org_bot
    await bot.client.ensure_user(ASGHARI)
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    preview = await paste(bot, SECRETARIAT, MINUTES)
    assert ("مهلت به روز تعطیل می‌افتد؛ از جمعه ۱۰ اردیبهشت ۱۴۰۰ به شنبه ۱۱ اردیبهشت ۱۴۰۰ "
            "منتقل شد") in preview["text"]
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    with bot.runtime.session() as session:
        [resolution] = session.exec(select(Resolution)).all()
        assert resolution.due_date == dt.date(2021, 5, 1)  # Saturday 1400/02/11
        rid = resolution.id

    sent = await bot.client.send_text(SECRETARIAT, "/holidays")
    listed = await bot.message_after(SECRETARIAT, sent["message_id"], button_label="تعطیلی تازه")
    await bot.press(SECRETARIAT, listed, button(listed, "تعطیلی تازه"))
    sent = await bot.client.send_text(SECRETARIAT, "۱۴۰۰/۰۲/۱۱ | تعطیلی ستاد")
    await bot.message_after(SECRETARIAT, sent["message_id"], words="ثبت شد")

    bot.clock.set(dt.datetime(2021, 5, 1, 9, 30, tzinfo=TEHRAN))  # the closed Saturday
    await plan_now(bot.application)
    assert _items(bot, rid).get("due") in (None, "queued")  # it waits: not worded, not sent
    before = (await bot.client.transcript(ASGHARI) or [{"message_id": 0}])[-1]["message_id"]
    assert not [m for m in await bot.client.bot_messages(ASGHARI, since=before)
                if "پایلوت گیلان" in (m.get("text") or "")]

    bot.clock.set(dt.datetime(2021, 5, 2, 8, 30, tzinfo=TEHRAN))  # Sunday
    await plan_now(bot.application)
    message = await bot.message_after(ASGHARI, before, words="پایلوت گیلان")
    assert "مهلت دیروز، شنبه، گذشت" in message["text"], message["text"]
    assert "امروز" not in message["text"].split("پایلوت گیلان")[0][-80:]
