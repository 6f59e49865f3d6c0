"""End to end: reminders delivered by the planner job, /settings, a blocked member coming back."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlmodel import Session, select

from handlers.delivery import plan_now
from messenger.context import workers_of
from mina_bot.delivery.outbox import enqueue
from mina_bot.workers import WorkTimedOut
from storage.db import make_engine
from storage.models import (
    CouncilSession,
    Member,
    OutboxState,
    ReminderItem,
    Resolution,
    ResolutionAssignment,
    SessionStatus,
)
from storage.repositories import outbox as outbox_repo
from tests.fixtures.bot import BotHarness, harness_settings
from tests.fixtures.buttons import button
from tests.fixtures.organisation import COMMITTEE_SECRETARY_ID, HEAD_ID, SECRETARY_ID, seed_org

FAST = {"delivery_chat_interval": 0, "delivery_poll_seconds": 0.1,
        "reminder_interval_seconds": 0.2, "reminders_enabled": True}


@pytest.fixture
async def reminder_bot(sandbox, sandbox_client, database_url, fake_clock):
    """A bot whose planner job runs; the fake clock stands at Monday 07:30 Tehran."""
    harness = BotHarness(sandbox=sandbox, client=sandbox_client, clock=fake_clock,
                         settings=harness_settings(database_url, **FAST))
    engine = make_engine(database_url)
    with Session(engine) as session:  # before the start, so the planner's first pass sees it
        harness.org = seed_org(session)
        session.commit()
    engine.dispose()
    await harness.start()
    for telegram_id in harness.org.members:
        await sandbox_client.ensure_user(telegram_id)
    try:
        yield harness
    finally:
        await harness.stop()


async def _until_state(bot, kind: str, state: OutboxState) -> None:
    for _ in range(400):
        with bot.runtime.session() as session:
            if any(r.state == state for r in outbox_repo.rows(session, kind=kind)):
                return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no {kind} row reached {state}")


def _due_or_sent(bot, chat_id: int | None = None) -> list:
    """Outbox rows that are due now or went out (not dropped, not waiting for later)."""
    now = bot.clock.now()
    with bot.runtime.session() as session:
        return [r for r in outbox_repo.rows(session)
                if r.state != OutboxState.DROPPED and r.not_before <= now
                and chat_id in (None, r.chat_id)]


async def test_the_session_reminder_arrives_at_eight_and_yesterdays_is_dropped(reminder_bot):
    bot = reminder_bot
    await plan_now(bot.application)  # a pass at 07:30, whether or not the job's came first
    assert not _due_or_sent(bot)  # quiet hours: nothing may go out yet
    bot.clock.advance(dt.timedelta(minutes=30))  # 08:00 Tehran
    [reminder] = await bot.client.wait_for_bot_messages(HEAD_ID, 1)
    assert "امروز، دوشنبه" in reminder["text"] and "دستور جلسه" in reminder["text"]
    assert "کمیته زیرساخت" in reminder["text"]  # the standing agenda item
    with bot.runtime.session() as session:  # yesterday's is too late
        assert {i.state for i in session.exec(select(ReminderItem).where(
            ReminderItem.occasion == "session.eve"))} == {"dropped"}
    assert await plan_now(bot.application) == 0  # a later pass adds nothing
    assert len(_due_or_sent(bot, HEAD_ID)) == 1
    assert len(await bot.client.bot_messages(HEAD_ID)) == 1


async def test_a_pass_runs_in_a_worker_under_the_heavy_work_time_limit(reminder_bot):
    """A pass is CPU-bound Python (a catch-up plans a week): a worker process does it, and one
    past the heavy work's time limit is stopped; what it had not committed, the next pass does,
    and the reminder arrives once."""
    bot = reminder_bot
    bot.clock.advance(dt.timedelta(minutes=30))  # 08:00 Tehran: the session reminder is due
    workers = workers_of(bot.application)
    workers.timeout = 0.001
    with pytest.raises(WorkTimedOut):
        await plan_now(bot.application)
    workers.timeout = 60.0
    await plan_now(bot.application)
    [reminder] = await bot.client.wait_for_bot_messages(HEAD_ID, 1)
    assert "دستور جلسه" in reminder["text"]
    await plan_now(bot.application)
    assert len(await bot.client.bot_messages(HEAD_ID)) == 1


async def test_settings_mute_a_kind_but_not_a_mandatory_one(reminder_bot):
    bot = reminder_bot
    [menu] = await bot.say(HEAD_ID, "/settings")
    assert "یادآوری‌ها" in menu["text"]
    await bot.press(HEAD_ID, menu, button(menu, "جلسه شورا"))
    edited = await bot.client.wait_for_edit(HEAD_ID, menu["message_id"])
    assert "🔕 جلسه شورا" in str(edited["reply_markup"])
    query = await bot.client.press_button(HEAD_ID, menu["message_id"],
                                          button(menu, "مهلت مصوبات"))
    said = await bot.client.wait_for_answer(query)
    assert "اجباری" in said["text"]
    with bot.runtime.session() as session:
        assert session.get(Member, bot.org.members[HEAD_ID]).muted_reminders == ["session"]


async def test_settings_show_what_concerns_the_person_a_daily_digest_and_narrower_hours(
        reminder_bot):
    bot = reminder_bot
    [menu] = await bot.say(HEAD_ID, "/settings")
    shown = str(menu["reply_markup"])
    assert "جلسه شورا" in shown and "مهلت مصوبات" in shown and "خلاصه هفتگی" not in shown
    assert "یک پیام در روز، ساعت ۱۳:۰۰" in shown and "از ساعت ۰۸:۰۰" in shown
    assert "تا ساعت ۲۱:۰۰" in shown
    await bot.press(HEAD_ID, menu, button(menu, "یک پیام در روز"))
    await bot.client.wait_for_edit(HEAD_ID, menu["message_id"], contains="از ۰۸:۰۰ تا ۲۱:۰۰")
    await bot.press(HEAD_ID, menu, button(menu, "از ساعت"))
    edited = await bot.client.wait_for_edit(HEAD_ID, menu["message_id"], edits=2,
                                            contains="از ۰۹:۰۰ تا ۲۱:۰۰")
    assert "۱۳:۰۰ ✅" in str(edited["reply_markup"])
    for _ in range(3):  # 10:00, 11:00, then back to the organisation's 08:00
        await bot.press(HEAD_ID, menu, button(menu, "از ساعت"))
    await bot.client.wait_for_edit(HEAD_ID, menu["message_id"], edits=5,
                                   contains="از ۰۸:۰۰ تا ۲۱:۰۰")
    with bot.runtime.session() as session:
        assert session.get(Member, bot.org.members[HEAD_ID]).reminder_prefs == {
            "digest": True, "from": "08:00"}
    for data in ("rs:t:digest", "rs:h:noon", "rs:h", "rs:dg:1", "rs:t:report:x"):
        query = await bot.client.press_button(HEAD_ID, menu["message_id"], data)
        assert "معتبر نیست" in (await bot.client.wait_for_answer(query))["text"], data
    [menu] = await bot.say(SECRETARY_ID, "/settings")
    assert "خلاصه هفتگی دبیرخانه" in str(menu["reply_markup"])


async def test_a_member_who_blocked_the_bot_is_reported_once_and_served_after_start(
        reminder_bot):
    bot = reminder_bot
    await bot.client.set_blocked(HEAD_ID)
    application_dispatcher = bot.application.bot_data["dispatcher"]
    for subject in ("a", "b"):
        with bot.runtime.session() as session:
            enqueue(session, kind="note", subject=subject, period="-", now=bot.clock.now(),
                    member=session.get(Member, bot.org.members[HEAD_ID]), text=subject)
        application_dispatcher.wake()
        await _until_state(bot, "note", OutboxState.UNREACHABLE)
    [told] = await bot.client.wait_for_bot_messages(SECRETARY_ID, 1)
    assert "رئیس زیرساخت" in told["text"] and "مسدود" in told["text"]
    await bot.client.set_blocked(HEAD_ID, False)
    await bot.say(HEAD_ID, "/start")
    with bot.runtime.session() as session:
        enqueue(session, kind="note", subject="c", period="-", now=bot.clock.now(),
                member=session.get(Member, bot.org.members[HEAD_ID]), text="خوش برگشتید")
    application_dispatcher.wake()
    messages = await bot.client.wait_for_bot_messages(HEAD_ID, 2)
    assert messages[-1]["text"] == "خوش برگشتید"
    secretariat = await bot.client.bot_messages(SECRETARY_ID)
    assert len([m for m in secretariat if "مسدود" in m["text"]]) == 1


async def test_a_member_who_never_started_is_listed_as_such_with_the_link_to_send(reminder_bot):
    bot = reminder_bot
    with bot.runtime.session() as session:  # an account the bot has never talked with
        newcomer = Member(telegram_id=5555, name="آقای تازه‌وارد")
        session.add(newcomer)
        session.flush()
        enqueue(session, kind="note", subject="a", period="-", now=bot.clock.now(),
                member=newcomer, text="سلام")
        newcomer_id = newcomer.id
    bot.application.bot_data["dispatcher"].wake()
    await _until_state(bot, "note", OutboxState.UNREACHABLE)
    [told] = await bot.client.wait_for_bot_messages(SECRETARY_ID, 1)
    assert "آقای تازه‌وارد" in told["text"] and "هنوز ربات را شروع نکرده" in told["text"]
    assert "مسدود" not in told["text"]
    [link] = await bot.press(SECRETARY_ID, told, button(told, "پیوند برای آقای تازه‌وارد"),
                             replies=1)
    assert "https://t.me/" in link["text"] and "آقای تازه‌وارد" in link["text"]
    [own] = await bot.say(HEAD_ID, "/whoami")  # a committee head forges the button
    for user, message, data, words in (
            (HEAD_ID, own, f"inv:again:{newcomer_id}", "اجازه"),
            (SECRETARY_ID, told, "inv:again:999999", "پیدا نشد"),
            (SECRETARY_ID, told, "inv:again:x", "معتبر نیست")):
        query = await bot.client.press_button(user, message["message_id"], data)
        answer = await bot.client.wait_for_answer(query)
        assert words in answer["text"], (user, data, answer)


def _owed(session: Session, org) -> None:
    """Two resolutions of the infrastructure committee: one due on Sunday, one five days late."""
    held = CouncilSession(number=1, starts_at=dt.datetime(2021, 4, 19, 5, 30, tzinfo=dt.UTC),
                          status=SessionStatus.HELD)
    session.add(held)
    session.flush()
    for number, subject, due in ((1, "تحویل فهرست سامانه‌ها", dt.date(2021, 4, 20)),
                                 (2, "برآورد پهنای باند", dt.date(2021, 4, 25))):
        resolution = Resolution(session_id=held.id, number=number, subject=subject, due_date=due)
        session.add(resolution)
        session.flush()
        session.add(ResolutionAssignment(resolution_id=resolution.id,
                                         unit_id=org.infrastructure, raw_name="کمیته زیرساخت"))


@pytest.fixture
async def owing_bot(sandbox, sandbox_client, database_url, fake_clock):
    """Sunday 1400/02/05 07:30 Tehran: the report is due at noon, one resolution today, one
    late; the planner's job runs."""
    fake_clock.set(dt.datetime(2021, 4, 25, 3, 0, tzinfo=dt.UTC))
    harness = BotHarness(sandbox=sandbox, client=sandbox_client, clock=fake_clock,
                         settings=harness_settings(database_url, **FAST))
    engine = make_engine(database_url)
    with Session(engine) as session:
        harness.org = seed_org(session)
        _owed(session, harness.org)
        session.commit()
    engine.dispose()
    await harness.start()
    for telegram_id in harness.org.members:
        await sandbox_client.ensure_user(telegram_id)
    try:
        yield harness
    finally:
        await harness.stop()


async def test_a_report_due_a_resolution_due_today_and_one_late_come_as_one_message(owing_bot):
    bot = owing_bot
    await plan_now(bot.application)  # 07:30: quiet hours, all of it waits
    bot.clock.advance(dt.timedelta(minutes=90, seconds=30))  # 09:00:30
    await plan_now(bot.application)
    [message] = await bot.client.wait_for_bot_messages(HEAD_ID, 1)
    body = message["text"]
    assert body.index("گذشته از مهلت") < body.index("مهلت امروز") < body.index("گزارش هفتگی")
    assert body.count("تحویل فهرست سامانه‌ها") == 1 and body.count("برآورد پهنای باند") == 1
    assert "کمیته زیرساخت" in body
    await plan_now(bot.application)  # a later pass adds nothing
    await asyncio.sleep(0.5)
    assert len(await bot.client.bot_messages(HEAD_ID)) == 1
    assert len(await bot.client.wait_for_bot_messages(COMMITTEE_SECRETARY_ID, 1)) == 1
    assert not await bot.client.bot_messages(SECRETARY_ID)  # not escalated yet: nothing
    [opened] = await bot.press(HEAD_ID, message, button(message, "ارسال گزارش"), replies=1)
    assert "کمیته زیرساخت" in opened["text"]
    await bot.press(HEAD_ID, message, button(message, "کارهای من"))  # the list, in its place
    duties = await bot.client.wait_for_edit(HEAD_ID, message["message_id"])
    assert "کارهای بر عهده شما" in duties["text"]
