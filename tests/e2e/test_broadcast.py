"""End to end: /broadcast composed in chat, delivered through the outbox with faults injected."""

from __future__ import annotations

import asyncio

import pytest
from sqlmodel import select

from messenger.context import workers_of
from storage.models import Broadcast, OutboxState
from storage.repositories import outbox as outbox_repo
from tests.fixtures.bot import ADMIN_ID, BotHarness, harness_settings
from tests.fixtures.buttons import button
from tests.fixtures.organisation import (
    FIRST_MEMBER_ID,
    HEAD_ID,
    OTHER_HEAD_ID,
    SECRETARY_ID,
    seed_org,
)

FAST = {
    "delivery_rate_per_second": 1000, "delivery_chat_interval": 0,
    "delivery_backoff_base": 0.05, "delivery_backoff_cap": 0.2, "delivery_poll_seconds": 0.1,
    "broadcast_progress_seconds": 0.2, "delivery_send_timeout": 2,
}


@pytest.fixture
async def delivery_bot(sandbox, sandbox_client, database_url, fake_clock):
    """A bot with fast delivery limits on an organisation of 200 members."""
    harness = BotHarness(sandbox=sandbox, client=sandbox_client, clock=fake_clock,
                         settings=harness_settings(database_url, **FAST))
    await harness.start()
    with harness.runtime.session() as session:
        harness.org = seed_org(session, plain_members=195)
    for telegram_id in (*harness.org.members, ADMIN_ID):
        await sandbox_client.ensure_user(telegram_id)
    try:
        yield harness
    finally:
        await harness.stop()


async def compose(bot, text: str, *choices: str) -> dict:
    """/broadcast, the text, the audience buttons labelled `choices`; the preview message."""
    [prompt] = await bot.say(SECRETARY_ID, "/broadcast")
    assert "پیام همگانی" in prompt["text"]
    [audience] = await bot.say(SECRETARY_ID, text)
    for label in choices:
        await bot.press(SECRETARY_ID, audience, button(audience, label))
    await bot.press(SECRETARY_ID, audience, button(audience, "پیش‌نمایش"))
    return (await bot.client.transcript(SECRETARY_ID))[-1]


def latest_broadcast(bot) -> int:
    """The id of the broadcast composed last."""
    with bot.runtime.session() as session:
        return session.exec(select(Broadcast.id).order_by(Broadcast.id.desc())).first()


def unsent(bot, kind: str) -> list:
    """The outbox rows of a kind still to be sent, or being sent."""
    with bot.runtime.session() as session:
        return list(outbox_repo.rows(session, kind=kind,
                                     states=[OutboxState.PENDING, OutboxState.SENDING]))


async def wait_until(condition, timeout: float = 30.0) -> None:
    """Poll a DB condition (the outbox has no push channel to the test)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_a_200_recipient_broadcast_survives_faults_and_reports_the_blocked(delivery_bot):
    bot = delivery_bot
    blocked = FIRST_MEMBER_ID + 7
    await bot.client.set_blocked(blocked)
    preview = await compose(bot, "جلسه فوق‌العاده فردا ساعت ۹ برگزار می‌شود.", "همه اعضا")
    assert "۲۰۰" in preview["text"]  # the administrator, 4 officers, 195 members
    assert "جلسه فوق‌العاده" in preview["text"]
    await bot.client.inject_fault("sendMessage", "slow", count=5, delay=0.2)
    await bot.press(SECRETARY_ID, preview, button(preview, "ارسال"), replies=1)
    # The storm hits the outbox while it sends (the first sends are slowed down to let it).
    await bot.client.clear_faults()
    await bot.client.inject_fault("sendMessage", "429", count=3, retry_after=1)
    await bot.client.inject_fault("sendMessage", "500", count=4)
    await bot.client.inject_fault("sendMessage", "502", count=3)
    await bot.client.inject_fault("sendMessage", "timeout", count=2, delay=0.2)
    report = await bot.client.wait_for_bot_messages(SECRETARY_ID, 1, timeout=60,
                                                    since=preview["message_id"] + 1)
    final = [m for m in report if "گزارش ارسال" in m["text"]]
    while not final:
        report = await bot.client.wait_for_bot_messages(SECRETARY_ID, len(report) + 1,
                                                        since=preview["message_id"], timeout=60)
        final = [m for m in report if "گزارش ارسال" in m["text"]]
    assert "عضو 007" in final[0]["text"]  # the blocked member, by name
    assert "رسید: ۱۹۹ از ۲۰۰" in final[0]["text"]
    stats = await bot.client.stats()
    per_chat = stats["per_chat"]
    for telegram_id in bot.org.members:
        if telegram_id in (blocked, SECRETARY_ID):
            continue
        assert per_chat[str(telegram_id)]["sendMessage"] == 1, telegram_id
    assert "sendMessage" not in per_chat.get(str(blocked), {})
    # The notice of the blocked member may have met a fault and come after the report.
    await wait_until(lambda: unsent(bot, "unreachable") == [])
    secretariat = await bot.client.bot_messages(SECRETARY_ID)
    assert sum("مسدود کرده است" in m["text"] for m in secretariat) == 1  # told once
    progress = [m for m in secretariat if m["text"].startswith("📤")]
    assert len(progress) == 1  # one progress message, edited in place
    edited = await bot.client.wait_for_edit(SECRETARY_ID, progress[0]["message_id"],
                                            contains="فرستاده‌شده: ۱۹۹")
    assert "ناموفق: ۱" in edited["text"]


async def test_a_broadcast_to_chosen_units_and_roles_reaches_only_them(delivery_bot):
    bot = delivery_bot
    preview = await compose(bot, "گزارش‌ها را تا یکشنبه بفرستید",
                            "کمیته زیرساخت", "کمیته فناوری اطلاعات", "رؤسا")
    assert "۲" in preview["text"]
    await bot.press(SECRETARY_ID, preview, button(preview, "ارسال"), replies=1)
    for telegram_id in (HEAD_ID, OTHER_HEAD_ID):
        [message] = await bot.client.wait_for_bot_messages(telegram_id, 1)
        assert "گزارش‌ها را تا یکشنبه بفرستید" in message["text"]
        assert "پیام دبیرخانه" in message["text"]
    assert not await bot.client.bot_messages(FIRST_MEMBER_ID)


async def test_the_launch_runs_in_a_worker_under_the_heavy_work_time_limit(delivery_bot):
    """Thousands of outbox rows are made in a worker process, not in the bot: a launch past the
    heavy work's time limit is refused in Persian, nothing is sent, and it can be pressed again."""
    bot = delivery_bot
    preview = await compose(bot, "جلسه فوق‌العاده فردا", "رؤسا")
    workers = workers_of(bot.application)
    await workers.run("operator:add", 1, 1)  # the fork server's start (seconds) comes first
    workers.timeout = 0.001
    answer = await bot.answer_to(SECRETARY_ID, preview, "ارسال")
    assert "بیش از" in answer["text"] and answer["show_alert"], answer
    with bot.runtime.session() as session:
        assert outbox_repo.rows(session, kind="broadcast") == []
    workers.timeout = 60.0
    await bot.press(SECRETARY_ID, preview, button(preview, "ارسال"), replies=1)
    [message] = await bot.client.wait_for_bot_messages(HEAD_ID, 1)
    assert "جلسه فوق‌العاده فردا" in message["text"]


async def test_the_agenda_can_be_broadcast(delivery_bot):
    bot = delivery_bot
    [prompt] = await bot.say(SECRETARY_ID, "/broadcast")
    await bot.press(SECRETARY_ID, prompt, button(prompt, "دستور جلسه"))
    audience = (await bot.client.transcript(SECRETARY_ID))[-1]
    await bot.press(SECRETARY_ID, audience, button(audience, "رؤسا"))
    await bot.press(SECRETARY_ID, audience, button(audience, "پیش‌نمایش"))
    preview = (await bot.client.transcript(SECRETARY_ID))[-1]
    assert "دستور جلسه" in preview["text"] and "کمیته زیرساخت" in preview["text"]
    await bot.press(SECRETARY_ID, preview, button(preview, "ارسال"), replies=1)
    [message] = await bot.client.wait_for_bot_messages(HEAD_ID, 1)
    assert "دستور جلسه" in message["text"] and "کمیته فناوری اطلاعات" in message["text"]


async def test_a_running_broadcast_can_be_stopped_and_the_rest_is_not_sent(delivery_bot):
    bot = delivery_bot
    await bot.client.inject_fault("sendMessage", "slow", delay=0.05)
    preview = await compose(bot, "پیام طولانی", "همه اعضا")
    await bot.press(SECRETARY_ID, preview, button(preview, "ارسال"), replies=1)
    progress = (await bot.client.transcript(SECRETARY_ID))[-1]
    await bot.press(SECRETARY_ID, progress, button(progress, "توقف ارسال"))
    with bot.runtime.session() as session:
        await wait_until(lambda: unsent(bot, "broadcast") == [])
        counts = outbox_repo.state_counts(session, broadcast_id=latest_broadcast(bot))
        rows = outbox_repo.rows(session, kind="broadcast")
    assert counts[OutboxState.CANCELLED] > 100
    per_chat = (await bot.client.stats())["per_chat"]
    for row in rows:
        if row.chat_id != SECRETARY_ID:
            got = per_chat.get(str(row.chat_id), {}).get("sendMessage", 0)
            assert got == (1 if row.state == OutboxState.SENT else 0), row
    edited = await bot.client.wait_for_edit(SECRETARY_ID, progress["message_id"],
                                            contains="متوقف شد")
    assert "لغوشده" in edited["text"]


async def test_bad_input_is_refused_in_persian(delivery_bot):
    bot = delivery_bot
    await bot.say(SECRETARY_ID, "/broadcast")
    draft = latest_broadcast(bot)
    [answer] = await bot.say(SECRETARY_ID, "   ")
    assert "پیام خالی است" in answer["text"]
    [audience] = await bot.say(SECRETARY_ID, "متن درست")
    preview_button = button(audience, "پیش‌نمایش")
    query = await bot.client.press_button(SECRETARY_ID, audience["message_id"], preview_button)
    said = await bot.client.wait_for_answer(query)
    assert "مخاطبی انتخاب نشده" in said["text"]  # no audience chosen yet
    # A member outside the secretariat presses the secretariat's button (a forged press).
    query = await bot.client.press_button(HEAD_ID, audience["message_id"],
                                          button(audience, "همه اعضا"), chat_id=SECRETARY_ID)
    said = await bot.client.wait_for_answer(query)
    assert "اجازه" in said["text"]
    with bot.runtime.session() as session:
        assert session.get(Broadcast, draft).audience in ({}, None)
        # A malformed audience stored by hand is refused at preview, and nothing is sent.
        stored = session.get(Broadcast, draft)
        stored.audience = {"unit_ids": ["x"]}
        session.add(stored)
    query = await bot.client.press_button(SECRETARY_ID, audience["message_id"], preview_button)
    said = await bot.client.wait_for_answer(query)
    assert "مخاطبی انتخاب نشده" in said["text"]
    assert not await bot.client.bot_messages(HEAD_ID)


async def test_the_broadcast_goes_out_as_its_author_wrote_it(delivery_bot):
    body = "لطفاً گزارش‌ها را تا ساعت ۱۲ بفرستید؛ كمیته‌ها"  # tanwin, ZWNJ, an Arabic kaf
    preview = await compose(delivery_bot, body, "همه اعضا")
    assert body in preview["text"]
