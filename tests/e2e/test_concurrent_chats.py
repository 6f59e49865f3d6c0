"""End to end: five committee secretaries fill in their weekly reports at the same time."""

from __future__ import annotations

import asyncio
import re

import pytest
from telegram import Update
from telegram.ext import TypeHandler

from handlers.common import GROUP_PERSIST
from messenger.concurrency import PerChatUpdateProcessor
from mina_bot import conversations
from storage.repositories import reports as reports_repo
from storage.repositories import units as units_repo
from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world
from tests.fixtures.buttons import button

SECRETARIES = {1003: "infrastructure", 1005: "design", 1008: "data-provision", 1010: "it",
               1012: "organization"}
INFRA_SECRETARY = 1003


def answers_of(user: int) -> list[str]:
    """What `user` answers to the three questions (done, planned, problems)."""
    return [f"کارهای انجام‌شده {user}", f"برنامه هفته آینده {user}", f"مشکلات {user}"]


async def resolution_steps(bot, user: int, question: dict) -> dict:
    """Infrastructure's two resolutions (8 overdue, then 2); the attachments question."""
    assert "مصوبه ۸ جلسه ۱" in question["text"]
    [question] = await bot.press(user, question, button(question, "انجام شد"), replies=1)
    [question] = await bot.say(user, f"پایلوت {user} اجرا شد")
    assert "مصوبه ۲ جلسه ۱" in question["text"]
    [question] = await bot.press(user, question, button(question, "در حال انجام"), replies=1)
    [question] = await bot.press(user, question, button(question, "صرف‌نظر ⏭"), replies=1)
    return question


async def report_as(bot, user: int) -> str:
    """/report and the three answers typed ahead without waiting, then send; the receipt.

    Each answer counts only if the update before it is done (the conversation has started,
    the step moved on): what the per-chat order guarantees.
    """
    sent = [await bot.client.send_text(user, said) for said in ("/report", *answers_of(user))]
    question, plan, problems, after = await bot.client.wait_for_bot_messages(
        user, 4, since=sent[0]["message_id"])
    assert "این هفته چه کارهایی انجام شد" in question["text"]
    assert "برنامه هفته آینده" in plan["text"] and "مشکلات" in problems["text"]
    if user == INFRA_SECRETARY:
        after = await resolution_steps(bot, user, after)
    assert "اسناد و عکس‌ها" in after["text"]
    [preview] = await bot.press(user, after, button(after, "پایان پیوست‌ها"), replies=1)
    for other in SECRETARIES:
        for answer in answers_of(other):
            assert (answer in preview["text"]) == (other == user), (user, answer)
    [receipt] = await bot.press(user, preview, button(preview, "ارسال"), replies=1)
    return re.search(r"R-1400-\d{4}", receipt["text"]).group(0)


@pytest.fixture
async def world(sample_organisation, bot):
    bot.clock.set(SATURDAY_MORNING)
    for secretariat in (1001, 1002):
        await bot.client.ensure_user(secretariat)  # their chats exist for the copies
    with bot.runtime.session() as session:
        return seed_reports_world(session)


async def test_secretaries_reporting_at_once_each_get_their_own_report(bot, world):
    assert isinstance(bot.application.update_processor, PerChatUpdateProcessor)
    assert bot.application.concurrent_updates == 16
    receipts = await asyncio.wait_for(
        asyncio.gather(*(report_as(bot, user) for user in SECRETARIES)), 90)

    assert sorted(receipts) == [f"R-1400-000{n}" for n in range(1, 6)]  # five, none twice
    with bot.runtime.session() as session:
        for user, key in SECRETARIES.items():
            unit = units_repo.get_by_key(session, key=key)
            report = reports_repo.report_for(session, unit_id=unit.id,
                                             session_id=world["session2"])
            said = {a.text for a in reports_repo.answers_of(session, report_id=report.id)}
            assert set(answers_of(user)) <= said, key
            assert not any(str(other) in (text or "") for other in SECRETARIES
                           if other != user for text in said), key
            assert reports_repo.latest_submission(session, report_id=report.id) is not None
    for _ in range(100):  # each last update still stores its step after its reply is out
        if bot.application.update_processor.busy_chats == 0:
            break
        await asyncio.sleep(0.05)
    assert bot.application.update_processor.busy_chats == 0



async def test_every_update_leaves_its_conversation_step_stored(bot, world):
    """Write-through with other chats' updates in flight: once an update is handled, the step
    it moved its conversation to is in the database (a killed bot resumes from there)."""
    stored: dict[int, list[object]] = {user: [] for user in SECRETARIES}

    async def read_back(update: Update, context) -> None:
        user = update.effective_user.id
        with bot.runtime.session() as session:
            steps = conversations.conversation_steps(session)
            stored[user].append(steps.get(("report", (user, user))))

    bot.application.add_handler(TypeHandler(Update, read_back), group=GROUP_PERSIST + 1)

    async def start_and_keep(user: int) -> None:
        sent = [await bot.client.send_text(user, said) for said in ("/report", "/cancel")]
        _, cancel = await bot.client.wait_for_bot_messages(user, 2, since=sent[0]["message_id"])
        await bot.press(user, cancel, button(cancel, "نگه داشتن"), replies=1)

    await asyncio.wait_for(asyncio.gather(*(start_and_keep(user) for user in SECRETARIES)), 60)
    for _ in range(100):  # the last read-back runs just after the last answer is sent
        if all(len(steps) == 3 for steps in stored.values()):
            break
        await asyncio.sleep(0.05)
    assert stored == {user: ["filling", "cancelling", None] for user in SECRETARIES}
