"""The demo's world: the seed minutes imported at start; reminders follow the page's clock."""

from __future__ import annotations

import httpx
import pytest
from sqlmodel import Session

from demo.page import DemoPage
from demo.sample import seed_sample_minutes
from handlers.delivery import plan_now
from storage.db import make_engine
from tests.fixtures.bot import BotHarness, harness_settings

SECRETARY, SECRETARIAT = 1003, 1002  # the infrastructure committee's secretary; the secretariat
# Only the clock moves the planner here: its own job waits an hour of real time.
REMINDERS = {"reminders_enabled": True, "reminder_interval_seconds": 3600,
             "delivery_chat_interval": 0, "delivery_poll_seconds": 0.1}


@pytest.fixture
async def demo_bot(sample_organisation, sandbox, sandbox_client, database_url, fake_clock):
    """The bot over the demo's sample data (organisation and the seed minutes), clock at 07:30."""
    settings = harness_settings(database_url, **REMINDERS)
    harness = BotHarness(sandbox=sandbox, client=sandbox_client, clock=fake_clock,
                         settings=settings)
    engine = make_engine(database_url)
    with Session(engine) as session:
        result = seed_sample_minutes(session, settings=settings, now=fake_clock.now())
        session.commit()
    engine.dispose()
    assert (result.session_number, result.created) == (1, 14)
    await harness.start()
    for user in (SECRETARY, SECRETARIAT):
        await sandbox_client.ensure_user(user)
    try:
        yield harness
    finally:
        await harness.stop()


@pytest.fixture
async def page(demo_bot):
    """The demo page whose clock runs the planner, as `bot.py demo` wires it."""
    started = DemoPage(demo_bot.runtime, demo_bot.clock, demo_bot.sandbox.url)

    async def run_reminders(moment) -> None:
        await plan_now(demo_bot.application)

    started.clock_listeners.append(run_reminders)
    await started.start(0)
    yield started
    await started.stop()


async def test_the_secretary_owes_the_imported_resolutions(demo_bot):
    [owe] = await demo_bot.say(SECRETARY, "چه کاری بر عهده من است؟")
    for number in ("۱", "۲", "۳", "۵", "۸", "۱۲"):
        assert f"مصوبه {number} (جلسه ۱" in owe["text"], number
    for number in ("۴", "۶", "۷", "۹", "۱۰", "۱۱", "۱۳", "۱۴"):
        assert f"مصوبه {number} (جلسه" not in owe["text"], number
    assert "مهلت: ۱۴۰۰/۰۲/۰۶ (امروز)" in owe["text"]  # due «at the next session»: today


async def arrival(client, chat_id: int, words: str, most: int = 12) -> dict:
    """The first bot message in the chat containing `words` (waiting for each next one)."""
    for count in range(1, most + 1):
        messages = await client.wait_for_bot_messages(chat_id, count)
        found = [m for m in messages if words in (m.get("text") or "")]
        if found:
            return found[0]
    raise AssertionError(f"no message with {words!r} among {most}")


async def test_moving_the_clock_sends_the_reminders_that_fell_due(demo_bot, page):
    assert await plan_now(demo_bot.application) == 0  # 07:30: quiet hours, nothing goes out
    assert await demo_bot.client.bot_messages(SECRETARY) == []
    async with httpx.AsyncClient(base_url=page.url) as http:
        moved = await http.post("/api/clock", json={"minutes": 60})
    assert moved.json()["text"] == "دوشنبه ۶ اردیبهشت ۱۴۰۰ ۰۸:۳۰"
    reminder = await arrival(demo_bot.client, SECRETARY, "شورا: امروز")
    assert "دستور جلسه" in reminder["text"]
    missing = await arrival(demo_bot.client, SECRETARIAT, "کمیته زیرساخت")
    assert "گزارش‌های نرسیده" in missing["text"] and "جلسه ۲:" in missing["text"]
