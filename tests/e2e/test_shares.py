"""End to end: resolution 3 of the seed is every committee's; each answers for its own share
(issue 19, «Done when» 1–6)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from mina_bot.callbacks import encode
from mina_bot.reminders.snapshot import load_snapshot
from storage.models import ResolutionStatus, ShareState
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import shares as shares_repo
from storage.repositories import units as units_repo
from tests.fixtures.buttons import button, exact, labels
from tests.fixtures.minutes import SECRETARIAT, import_seed, notice

INFRA, DESIGN, DATA, IT, ORG = 1003, 1005, 1008, 1010, 1012
EVERYONE = (1001, SECRETARIAT, INFRA, 1004, DESIGN, 1006, 1007, DATA, 1009, IT, 1011, ORG)
PDF = b"%PDF-1.4\n% the written report\n"


@pytest.fixture
def bot_settings():
    """Notices delivered at once."""
    return {"delivery_chat_interval": 0, "delivery_poll_seconds": 0.05}


@pytest.fixture
async def seeded(org_bot):
    """The seed minutes imported by the secretariat; everyone has a chat with the bot."""
    for user in EVERYONE:
        await org_bot.client.ensure_user(user)
    preview = await import_seed(org_bot)
    await org_bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    return org_bot


def resolution3(bot):
    """Resolution 3 and its shares by unit key."""
    with bot.runtime.session() as session:
        council = sessions_repo.get_by_number(session, number=1)
        resolution = resolutions_repo.get_by_number(session, session_id=council.id, number=3)
        shares = {u.key: ShareState(s.state)
                  for s, u in shares_repo.shares_of(session, resolution_id=resolution.id)}
        return resolution, shares


def reminded_units(bot, resolution_id: int) -> set[str]:
    """The units the reminder planner's input says still owe resolution 3."""
    with bot.runtime.session() as session:
        snapshot = load_snapshot(session, now=bot.clock.now(), settings=bot.runtime.settings)
        keys = {u.id: u.key for u in units_repo.list_units(session)}
    [facts] = [r for r in snapshot.resolutions if r.id == resolution_id]
    return {keys[u] for u in facts.unit_ids}


async def report(bot, user: int, *, note: str, document: bool = False) -> dict:
    [owe] = await bot.say(user, "/owe")
    [ask] = await bot.press(user, owe, button(owe, "گزارش انجام ۳"), replies=1)
    assert "مصوبه ۳" in ask["text"]
    if document:
        sent = await bot.client.send_document(user, "report.pdf", PDF, "application/pdf", note)
        [ok] = await bot.client.wait_for_bot_messages(user, 1, since=sent["message_id"])
    else:
        [ok] = await bot.say(user, note)
    assert "از مصوبه ۳ گزارش شد" in ok["text"]
    return ok


async def current(bot, user: int, message: dict) -> dict:
    """A message as it reads now (a button press may have edited it)."""
    for _ in range(100):
        [now] = [m for m in await bot.client.bot_messages(user)
                 if m["message_id"] == message["message_id"]]
        if now.get("text") != message.get("text") or now.get("reply_markup") != message.get(
                "reply_markup"):
            return now
        await asyncio.sleep(0.05)
    return now


async def answer_of(bot, user: int, message: dict, data: str) -> str:
    """Press a button and return the alert or toast it was answered with."""
    query = await bot.client.press_button(user, message["message_id"], data)
    return (await bot.client.wait_for_answer(query)).get("text") or ""


async def test_each_committee_answers_for_its_own_share(seeded, caplog):
    bot = seeded
    resolution, shares = resolution3(bot)
    assert shares == {k: ShareState.OPEN for k in
                      ("design", "data-provision", "infrastructure", "it", "organization")}

    await report(bot, INFRA, note="گزارش مکتوب <ارسال> شد", document=True)
    told = await notice(bot, SECRETARIAT, "انجام سهم خود از مصوبه ۳")
    assert "گزارش مکتوب &lt;ارسال&gt; شد" not in told["text"]  # shown as text, not markup
    assert "گزارش مکتوب <ارسال> شد" in told["text"]
    filed = await notice(bot, SECRETARIAT, "سند گزارش انجام مصوبه ۳")
    assert await bot.client.download(filed["document"]["file_id"]) == PDF
    assert resolution3(bot)[1]["infrastructure"] == ShareState.REPORTED_DONE
    assert resolution3(bot)[0].status == ResolutionStatus.OPEN
    [design_owe] = await bot.say(DESIGN, "/owe")
    assert "مصوبه ۳ (جلسه" in design_owe["text"] and button(design_owe, "گزارش انجام ۳")
    assert "۱ از ۵ واحد مسئول انجام داده‌اند" in design_owe["text"]
    assert reminded_units(bot, resolution.id) == {"design", "data-provision", "it",
                                                  "organization"}
    [agenda] = await bot.say(SECRETARIAT, "/session")  # the review item names who still owes
    assert ("مصوبه ۳/ج۱: کمیته طراحی و روش‌شناسی، کمیته تامین داده، کمیته فناوری اطلاعات، "
            "کمیته سازماندهی، آموزش و پشتیبانی") in agenda["text"]

    # 6. a member of another unit presses a forged confirm button: refused and logged
    with caplog.at_level(logging.WARNING, logger="mina.errors"):
        said = await answer_of(bot, DESIGN, design_owe, button(told, "تأیید ۳"))
    assert "اجازه" in said or "دسترسی" in said, said
    assert any("refused" in r.getMessage() for r in caplog.records)
    assert resolution3(bot)[1]["infrastructure"] == ShareState.REPORTED_DONE

    # 3. sent back with a reason; reported again; confirmed; told each time
    [ask] = await bot.press(SECRETARIAT, told, button(told, "برگرداندن ۳"), replies=1)
    assert "کمیته زیرساخت" in ask["text"]
    [back] = await bot.say(SECRETARIAT, "پیوست امضا ندارد")
    assert "پیوست امضا ندارد" in back["text"]
    heard = await notice(bot, INFRA, "برگرداند")
    assert "پیوست امضا ندارد" in heard["text"] and "مصوبه ۳" in heard["text"]
    assert resolution3(bot)[1]["infrastructure"] == ShareState.SENT_BACK
    assert "infrastructure" in reminded_units(bot, resolution.id)  # its reminders again
    [infra_owe] = await bot.say(INFRA, "/owe")
    assert "گزارش شما برگشت داده شده است" in infra_owe["text"]
    said = await answer_of(bot, SECRETARIAT, told, button(told, "تأیید ۳"))  # stale: sent back
    assert "برگشت داده شده" in said
    await report(bot, INFRA, note="نسخه امضاشده ارسال شد")
    again = await notice(bot, SECRETARIAT, "نسخه امضاشده ارسال شد")
    [ok] = await bot.press(SECRETARIAT, again, button(again, "تأیید ۳"), replies=1)
    assert "مصوبه ۳ تأیید شد" in ok["text"] and "وضعیت مصوبه: باز" in ok["text"]
    said = await answer_of(bot, SECRETARIAT, again, button(again, "تأیید ۳"))  # pressed twice
    assert "قبلاً تأیید شده" in said
    assert "تأیید کرد" in (await notice(bot, INFRA, "تأیید کرد"))["text"]
    [infra_owe] = await bot.say(INFRA, "/owe")
    assert "مصوبه ۳ (جلسه" not in infra_owe["text"]

    # 4. open until the other four are confirmed or not applicable; then off every /owe
    for user in (DESIGN, DATA, IT):
        await report(bot, user, note="انجام شد")
        told = await notice(bot, SECRETARIAT, f"{units_name(bot, user)} انجام سهم خود")
        await bot.press(SECRETARIAT, told, button(told, "تأیید ۳"), replies=1)
    assert resolution3(bot)[0].status == ResolutionStatus.OPEN
    [listing] = await bot.say(SECRETARIAT, "/resolutions")
    assert button(listing, "سهم: گزارش انجام، منتظر تأیید")
    [pending] = await bot.press(SECRETARIAT, listing, button(listing, "📥 گزارش‌های منتظر تأیید"),
                                replies=1)
    assert "گزارشی منتظر تأیید نیست" in pending["text"]
    [card] = await bot.press(SECRETARIAT, pending, encode("res", "open", resolution.id),
                             replies=1)
    [ask] = await bot.press(SECRETARIAT, card, button(card, "موضوعیت ندارد"), replies=1)
    assert "کمیته سازماندهی" in ask["text"]
    await bot.say(SECRETARIAT, "این بند به سازماندهی مربوط نیست")
    resolution, shares = resolution3(bot)
    assert resolution.status == ResolutionStatus.CONFIRMED
    assert shares["organization"] == ShareState.NOT_APPLICABLE
    for user in (INFRA, DESIGN, DATA, IT, ORG):
        [owe] = await bot.say(user, "/owe")
        assert "مصوبه ۳ (جلسه" not in owe["text"], user
    [card] = await bot.press(SECRETARIAT, pending, encode("res", "open", resolution.id),
                             replies=1)
    for said in ("کمیته زیرساخت و تبادل داده: تأییدشده", "موضوعیت ندارد",
                 "برگشت داده شد (کمیته زیرساخت و تبادل داده)", "پیوست امضا ندارد",
                 "گزارش انجام (کمیته طراحی و روش‌شناسی)", "📎۱"):
        assert said in card["text"], said
    assert button(card, "report.pdf")


def units_name(bot, telegram_id: int) -> str:
    """The Persian name of the unit a secretary serves."""
    with bot.runtime.session() as session:
        from storage.repositories import members as members_repo

        member = members_repo.get_by_telegram_id(session, telegram_id=telegram_id)
        [(_, unit)] = members_repo.active_memberships(session, member_id=member.id)
        return unit.name_fa


async def test_a_done_status_in_the_weekly_report_reports_only_the_units_share(seeded):
    bot = seeded
    resolution, _ = resolution3(bot)
    [question] = await bot.say(INFRA, "/report")
    [question] = await bot.say(INFRA, "نصب سرورها")
    [question] = await bot.press(INFRA, question, button(question, "صرف‌نظر"), replies=1)
    [question] = await bot.say(INFRA, "مشکلی نبود")
    statuses = 0
    while "اسناد و عکس‌ها" not in question["text"]:
        if "وضعیت مصوبه" in question["text"]:
            statuses += 1
            choice = "انجام شد" if "مصوبه ۳ جلسه" in question["text"] else "در حال انجام"
            [question] = await bot.press(INFRA, question, button(question, choice), replies=1)
            if choice == "انجام شد":
                [question] = await bot.say(INFRA, "گزارش مکتوب هفته ارسال شد")
                continue
        [question] = await bot.press(INFRA, question, button(question, "صرف‌نظر"), replies=1)
    assert statuses == 6  # resolutions 1, 2, 3, 5, 8, 12: infrastructure's open shares
    [preview] = await bot.press(INFRA, question, button(question, "پایان پیوست‌ها"), replies=1)
    [receipt] = await bot.press(INFRA, preview, button(preview, "ارسال"), replies=1)
    assert "R-1400-" in receipt["text"]
    told = await notice(bot, SECRETARIAT, "انجام سهم خود از مصوبه ۳")
    assert "گزارش مکتوب هفته ارسال شد" in told["text"]
    _, shares = resolution3(bot)
    assert shares["infrastructure"] == ShareState.REPORTED_DONE
    assert {k for k, s in shares.items() if s == ShareState.OPEN} == {
        "design", "data-provision", "it", "organization"}
    await bot.press(SECRETARIAT, told, button(told, "تأیید ۳"))
    await notice(bot, SECRETARIAT, "مصوبه ۳ تأیید شد")  # the report's copies come meanwhile
    assert "تأیید کرد" in (await notice(bot, INFRA, "تأیید کرد"))["text"]
    [design_owe] = await bot.say(DESIGN, "/owe")
    assert "مصوبه ۳ (جلسه" in design_owe["text"]
    assert reminded_units(bot, resolution.id) == {"design", "data-provision", "it",
                                                  "organization"}


async def test_the_secretariat_names_a_lead_whose_confirmed_share_closes_it(seeded):
    bot = seeded
    [listing] = await bot.say(SECRETARIAT, "/resolutions")
    [card] = await bot.press(SECRETARIAT, listing, exact(listing, "مصوبه ۳"), replies=1)
    [menu] = await bot.press(SECRETARIAT, card, button(card, "واحد پیشرو"), replies=1)
    assert "مصوبه ۳" in menu["text"] and "سهم همه واحدها" in menu["text"]
    resolution, _ = resolution3(bot)
    [own] = await bot.say(INFRA, "/owe")  # a forged «lead» press from a committee secretary
    forged = await answer_of(bot, INFRA, own, button(menu, "کمیته زیرساخت"))
    assert "اجازه" in forged and not resolution3(bot)[0].lead_closes
    await bot.press_label(SECRETARIAT, menu, "کمیته زیرساخت")
    menu = await current(bot, SECRETARIAT, menu)
    assert "👑 کمیته زیرساخت و تبادل داده" in labels(menu)
    await bot.press_label(SECRETARIAT, menu, "بستن با تأیید پیشرو")
    assert "با تأیید سهم واحد پیشرو" in (await current(bot, SECRETARIAT, menu))["text"]
    resolution, _ = resolution3(bot)
    assert resolution.lead_closes
    with bot.runtime.session() as session:
        leads = [u.key for s, u in shares_repo.shares_of(session, resolution_id=resolution.id)
                 if s.is_lead]
    assert leads == ["infrastructure"]
    await report(bot, INFRA, note="انجام شد")
    told = await notice(bot, SECRETARIAT, "انجام سهم خود از مصوبه ۳")
    await bot.press(SECRETARIAT, told, button(told, "تأیید"), replies=1)
    resolution, shares = resolution3(bot)
    assert resolution.status == ResolutionStatus.CONFIRMED  # the lead's confirmation closed it
    assert shares["design"] == ShareState.OPEN  # the others' shares stay as they were
    [owe] = await bot.say(DESIGN, "/owe")
    assert "مصوبه ۳ (جلسه" not in owe["text"]
