"""End to end: a unit that requires its head's approval; the head approves or sends back, and
nobody else can; what counts for the deadline is the secretary's sending."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
import sqlalchemy as sa

from mina_bot.identity import load_actor
from storage.models import Membership, ReportStatus, Role
from storage.repositories import reports as reports_repo
from storage.repositories import units as units_repo
from tests.e2e.reports_world import AFTER_DEADLINE, SATURDAY_MORNING, seed_reports_world
from tests.fixtures.buttons import button, labels
from tests.storage.test_reports import fill

SECRETARY, HEAD, DESIGN_HEAD, SECRETARIAT = 1003, 1004, 1006, 1002


@pytest.fixture
async def world(sample_organisation, bot):
    bot.clock.set(SATURDAY_MORNING)
    for user in (1001, SECRETARIAT, HEAD, DESIGN_HEAD):
        await bot.client.ensure_user(user)
    with bot.runtime.session() as session:
        ids = seed_reports_world(session)
        fill(session, load_actor(session, telegram_id=SECRETARY, admin_ids=()), ids["infra"],
             SATURDAY_MORNING)
    return ids


STALE = "دیگر معتبر نیست"


async def forged(bot, user: int, data: str) -> str:
    """What the bot answers a press of `data` (forged under a message of the user's)."""
    [last] = await bot.say(user, "/whoami")
    query = await bot.client.press_button(user, last["message_id"], data)
    return (await bot.client.wait_for_answer(query))["text"]


async def until(bot, user: int, words: str) -> dict:
    """The newest bot message to `user` containing `words`, waiting for the outbox."""
    for _ in range(100):
        found = [m for m in await bot.client.bot_messages(user) if words in (m["text"] or "")]
        if found:
            return found[-1]
        await asyncio.sleep(0.1)
    raise AssertionError(f"no message with {words!r} to {user}")


async def send(bot) -> dict:
    """The secretary sends the filled draft; the head's request to approve it."""
    before = len([m for m in await bot.client.bot_messages(HEAD)
                  if "برای تأیید شما" in (m["text"] or "")])
    [preview] = await bot.say(SECRETARY, "/report")
    if any("پایان پیوست‌ها" in caption for caption in labels(preview)):  # first: at files
        [preview] = await bot.press(SECRETARY, preview, button(preview, "پایان پیوست‌ها"),
                                    replies=1)
    [sent] = await bot.press(SECRETARY, preview, button(preview, "ارسال"), replies=1)
    assert "برای تأیید نزد رئیس واحد رفت" in sent["text"] and "ملاک به‌موقع" in sent["text"]
    for _ in range(100):
        asked = [m for m in await bot.client.bot_messages(HEAD)
                 if "برای تأیید شما" in (m["text"] or "")]
        if len(asked) > before:
            return asked[-1]
        await asyncio.sleep(0.1)
    raise AssertionError("the head was not asked")


async def switch_on(bot, infra: int) -> None:
    """The secretariat turns the unit's approval on from its card; a secretary cannot."""
    assert "اجازه" in await forged(bot, SECRETARY, f"org:appr:{infra}")
    [card] = await bot.say(SECRETARIAT, "/members زیرساخت")
    await bot.press(SECRETARIAT, card, button(card, "بی‌تأیید رئیس"))
    [edited] = [m for m in await bot.client.transcript(SECRETARIAT)
                if m["message_id"] == card["message_id"]]
    assert button(edited, "با تأیید رئیس")


async def test_the_head_sends_back_then_approves_and_the_secretarys_time_counts(bot, world):
    await switch_on(bot, world["infra"])
    request = await send(bot)
    assert "گزارش هفتگی واحد را برای تأیید شما فرستاد" in request["text"]
    assert "کار انجام شد" in request["text"]
    assert all("رونوشت" not in (m["text"] or "")
               for m in await bot.client.bot_messages(SECRETARIAT))  # not before approval
    [table] = await bot.say(SECRETARIAT, "/reports")
    assert "🕓 در انتظار تأیید رئیس کمیته زیرساخت" in table["text"]
    [busy] = await bot.say(SECRETARY, "/report")
    assert "نزد رئیس واحد است" in busy["text"]

    approve, back = button(request, "تأیید و ارسال"), button(request, "بازگرداندن")
    assert "اجازه" in await forged(bot, DESIGN_HEAD, approve)  # another unit's head
    assert "اجازه" in await forged(bot, SECRETARY, approve)  # not a head
    [ask] = await bot.press(HEAD, request, back, replies=1)
    assert "دلیل بازگرداندن" in ask["text"]
    [long] = await bot.say(HEAD, "ب" * 1001)
    assert "۱۰۰۱ نویسه" in long["text"]
    [done] = await bot.say(HEAD, "بخش <b>مشکلات</b> را کامل کنید")
    assert "بازگردانده شد" in done["text"]
    told = await until(bot, SECRETARY, "کامل کنید")  # «…بازگرداندن…» is in /report's answer too
    assert "بازگرداند" in told["text"] and "&lt;b&gt;" not in told["text"]
    assert "بخش <b>مشکلات</b> را کامل کنید" in told["text"]  # shown as typed, not as HTML
    assert STALE in await forged(bot, HEAD, approve)  # that sending was sent back

    request = await send(bot)  # sent again, before the deadline
    sent_at = bot.clock.now()
    bot.clock.set(AFTER_DEADLINE)  # the head approves after it, before the session
    assert STALE in await forged(bot, HEAD, approve)  # the first sending's button
    [ok] = await bot.press(HEAD, request, button(request, "تأیید و ارسال"), replies=1)
    assert "تأیید شد و به دبیرخانه رفت" in ok["text"] and "R-1400-0001" in ok["text"]
    assert await until(bot, SECRETARIAT, "رونوشت گزارش هفتگی (رسید R-1400-0001)")
    approved = await until(bot, SECRETARY, "تأیید کرد")
    assert "R-1400-0001" in approved["text"]
    with bot.runtime.session() as session:
        report = reports_repo.report_for(session, unit_id=world["infra"],
                                         session_id=world["session2"])
        [version] = reports_repo.submissions_of(session, report_id=report.id)
        head = load_actor(session, telegram_id=HEAD, admin_ids=())
        secretary = load_actor(session, telegram_id=SECRETARY, admin_ids=())
    assert report.status == ReportStatus.SUBMITTED and not report.late
    assert version.submitted_at == sent_at and not version.late
    assert version.approved_by_id == head.member_id
    assert version.submitted_by_id == secretary.member_id
    assert STALE in await forged(bot, HEAD, button(request, "تأیید و ارسال"))  # approved once


async def test_a_head_whose_seat_ends_between_the_steps_is_refused(bot, world):
    await switch_on(bot, world["infra"])
    request = await send(bot)
    [ask] = await bot.press(HEAD, request, button(request, "بازگرداندن"), replies=1)
    assert "دلیل بازگرداندن" in ask["text"]
    with bot.runtime.session() as session:
        infra = units_repo.get_unit(session, unit_id=world["infra"])
        session.execute(sa.update(Membership).where(
            Membership.unit_id == infra.id, Membership.role == Role.HEAD).values(
            active=False, ended_at=dt.datetime.now(dt.UTC)))
    [refused] = await bot.say(HEAD, "دلیل")
    assert "اجازه" in refused["text"]
    with bot.runtime.session() as session:
        report = reports_repo.report_for(session, unit_id=world["infra"],
                                         session_id=world["session2"])
    assert report.status == ReportStatus.AWAITING_APPROVAL


async def test_without_approval_the_head_gets_a_copy(bot, world):
    [files] = await bot.say(SECRETARY, "/report")
    [preview] = await bot.press(SECRETARY, files, button(files, "پایان پیوست‌ها"), replies=1)
    [receipt] = await bot.press(SECRETARY, preview, button(preview, "ارسال"), replies=1)
    assert "گزارش ثبت شد" in receipt["text"]
    copy = await until(bot, HEAD, "رونوشت")
    assert "رونوشت گزارش هفتگی واحد شما که دبیر فرستاد" in copy["text"]
    assert "کار انجام شد" in copy["text"] and button(copy, "مشاهده گزارش")
    assert not await bot.client.bot_messages(DESIGN_HEAD)  # another unit's head: nothing
