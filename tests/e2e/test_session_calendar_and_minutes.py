"""End to end, issue 22's «Done when»: the secretariat moves next Monday's session to Tuesday
11:00 in another room; members are told once and the reminders move; members answer the RSVP,
one names a stand-in; after the session two resolutions are entered in chat and /minutes
writes Word and PDF files that show the attendance and resolutions; importing the Word file
gives them back."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
from pathlib import Path

import pytest
from sqlmodel import select

from mina_bot.minutes.sources import read_source
from storage.models import AttendanceStatus, ReminderItem
from storage.repositories import attendance as attendance_repo
from storage.repositories import outbox as outbox_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from tests.fixtures.buttons import button
from tests.fixtures.minutes import SECRETARIAT, import_seed

ASGHARI, PIRHOSSEINI, MAHZOUN = 1003, 1004, 1005  # infrastructure secretary and head, design
MEMBERS = range(1001, 1018)
TEHRAN = dt.timezone(dt.timedelta(hours=3, minutes=30))


@pytest.fixture
def fake_clock():
    """Saturday 1400/02/04 09:00 Tehran: the Monday session is two days ahead."""
    from mina_bot.clock import FakeClock

    return FakeClock(dt.datetime(2021, 4, 24, 9, 0, tzinfo=TEHRAN))


@pytest.fixture
def bot_settings():
    """The planner and the dispatcher run often."""
    return {"delivery_chat_interval": 0, "delivery_poll_seconds": 0.1,
            "reminder_interval_seconds": 0.2, "reminders_enabled": True}


async def _messages_with(bot, user: int, words: str, count: int = 1) -> list[dict]:
    for _ in range(200):
        found = [m for m in await bot.client.bot_messages(user) if words in (m.get("text") or "")]
        if len(found) >= count:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"{user} never got «{words}»")


async def _move(bot) -> None:
    # Found by their words: the planner's reminders to the secretariat may come in between.
    shown = await _say(bot, SECRETARIAT, "/session", "جلسه ۲ شورای")  # the seed's is number 1
    await _press(bot, SECRETARIAT, shown, "جابه‌جایی جلسه", "تاریخ | ساعت | مکان")
    await _say(bot, SECRETARIAT, "۱۴۰۰/۰۱/۲۰ | ۱۱:۰۰ | اتاق ۲۰۳", "گذشته")
    friday = await _say(bot, SECRETARIAT, "جمعه | ۱۱:۰۰ | اتاق ۲۰۳", "جمعه است")
    await bot.press(SECRETARIAT, friday, button(friday, "نه"))
    shown = await _say(bot, SECRETARIAT, "/session", "جلسه ۲ شورای")
    await _press(bot, SECRETARIAT, shown, "جابه‌جایی جلسه", "تاریخ | ساعت | مکان")
    moved = await _say(bot, SECRETARIAT, "سه‌شنبه | ۱۱:۰۰ | اتاق ۲۰۳", "سه‌شنبه ۷ اردیبهشت ۱۴۰۰")
    assert "اتاق ۲۰۳" in moved["text"]


async def _press(bot, user: int, message: dict, label: str, words: str) -> dict:
    before = await bot.client.transcript(user)
    await bot.client.press_button(user, message["message_id"], button(message, label))
    return await bot.message_after(user, before[-1]["message_id"], words=words)


async def _say(bot, user: int, said: str, words: str) -> dict:
    sent = await bot.client.send_text(user, said)
    return await bot.message_after(user, sent["message_id"], words=words)


async def _rsvp(bot) -> None:
    [eve] = await _messages_with(bot, ASGHARI, "جلسه ۲ شورا: فردا")
    assert "۱۱:۰۰" in eve["text"] and "اتاق ۲۰۳" in eve["text"]
    await _press(bot, ASGHARI, eve, "حضور دارم", "حضور دارید")
    [eve] = await _messages_with(bot, PIRHOSSEINI, "جلسه ۲ شورا: فردا")
    await _press(bot, PIRHOSSEINI, eve, "نماینده می‌فرستم", "نام نماینده")
    await _say(bot, PIRHOSSEINI, "ن" * 4000, "بیش از ۸۰ حرف")
    await _say(bot, PIRHOSSEINI, "خانم شاگری", "«خانم شاگری»")
    [eve] = await _messages_with(bot, MAHZOUN, "جلسه ۲ شورا: فردا")
    await _press(bot, MAHZOUN, eve, "نمی‌توانم بیایم", "نمی‌آیید")
    board = await _say(bot, SECRETARIAT, "/session", "حضور پیش‌بینی‌شده")
    assert "✅ ۱ · 👤 نماینده ۱ · ❌ ۱ · ⏳ بی‌پاسخ ۱۴" in board["text"]
    assert "آقای پیرحسینی ← خانم شاگری" in board["text"] and "آقای رحیمی" in board["text"]


async def test_move_rsvp_resolutions_minutes_and_the_round_trip(org_bot, tmp_path: Path):
    bot = org_bot
    for user in MEMBERS:
        await bot.client.ensure_user(user)
    preview = await import_seed(bot)
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    await _move(bot)
    told = await _messages_with(bot, MAHZOUN, "جابه‌جا شد")
    assert "از دوشنبه ۶ اردیبهشت ۱۴۰۰ به سه‌شنبه ۷ اردیبهشت ۱۴۰۰" in told[0]["text"]
    with bot.runtime.session() as session:
        rows = outbox_repo.rows(session, kind="session.moved")
        assert len(rows) == len({r.member_id for r in rows}) == len(MEMBERS) + 1  # + admin

    bot.clock.set(dt.datetime(2021, 4, 25, 17, 0, tzinfo=TEHRAN))  # Sunday: the old eve
    await asyncio.sleep(0.6)
    with bot.runtime.session() as session:
        assert session.exec(select(ReminderItem).where(  # the reminder moved
            ReminderItem.occasion == "session.eve")).all() == []
    bot.clock.set(dt.datetime(2021, 4, 26, 16, 30, tzinfo=TEHRAN))  # Monday: the new eve
    await _rsvp(bot)
    assert len(await _messages_with(bot, MAHZOUN, "جابه‌جا شد")) == 1  # told once

    bot.clock.set(dt.datetime(2021, 4, 27, 13, 0, tzinfo=TEHRAN))  # Tuesday, after it
    for line in ("یک هفته | دبیرخانه | پیگیری اعتبار آزمایش سرشماری",
                 "دو هفته | کمیته زیرساخت / دبیرخانه | گزارش پایلوت همدان"):
        await _say(bot, SECRETARIAT, "/newresolution", "مصوبه تازه برای جلسه ۲")
        await _say(bot, SECRETARIAT, line, "مصوبه")
    word, pdf = await _files(bot, "/minutes ۲")
    docx_bytes = await bot.client.download(word["document"]["file_id"])
    (tmp_path / "m.pdf").write_bytes(await bot.client.download(pdf["document"]["file_id"]))
    # -singlefile: «page.png», however many pages (pdftoppm pads the number to the page count).
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile",
                    str(tmp_path / "m.pdf"), str(tmp_path / "page")], check=True, timeout=60)
    assert (tmp_path / "page.png").read_bytes()[:4] == b"\x89PNG"
    shown = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True,
                           text=True, check=True, timeout=60).stdout
    for words in ("پیگیری اعتبار آزمایش سرشماری", "گزارش پایلوت همدان", "خانم شاگری"):
        assert words in shown, words
    text = "\n".join("\t".join(" ".join(c) for c in block)
                     for block in read_source("m.docx", docx_bytes))
    for words in ("آقای پیرحسینی", "خانم شاگری", "آقای محزون\t", "غایب", "گزارش پایلوت همدان"):
        assert words in text, words

    with bot.runtime.session() as session:
        council = sessions_repo.get_by_number(session, number=2)
        before = _saved(session, council.id)
    await _say(bot, SECRETARIAT, "/import ۱۴۰۰/۰۲/۰۷", "صورت‌جلسه را بفرستید")
    sent = await bot.client.send_document(SECRETARIAT, "minutes-2.docx", docx_bytes,
                                          "application/octet-stream")
    preview = await bot.message_after(SECRETARIAT, sent["message_id"], words="پیش‌نمایش")
    assert "۲ مصوبه" in preview["text"]
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"))
    for _ in range(200):
        with bot.runtime.session() as session:
            rows = attendance_repo.of_session(session, session_id=council.id)
            if rows and rows[0].source == "minutes":
                break
        await asyncio.sleep(0.05)
    with bot.runtime.session() as session:
        assert _saved(session, council.id) == before
        rows = attendance_repo.of_session(session, session_id=council.id)
        by_name = {r.name: (r.status, r.stand_in) for r in rows}
        assert by_name["آقای پیرحسینی"] == (AttendanceStatus.STAND_IN, "خانم شاگری")
        assert by_name["آقای محزون"] == (AttendanceStatus.ABSENT, None)
        assert by_name["آقای دکتر اصغری"] == (AttendanceStatus.PRESENT, None)
        following = sessions_repo.get_by_number(session, number=3)
        titles = [i.title for i in sessions_repo.agenda_of(session, session_id=following.id)]
        assert titles.count("تأیید صورتجلسه جلسه قبل") == 1


async def _files(bot, command: str) -> tuple[dict, dict]:
    """The Word file and the PDF the command brings (reminders, and the session pack the bot
    pushes before a session, may arrive in between)."""
    sent = await bot.client.send_text(SECRETARIAT, command)
    for _ in range(400):
        files = {m["document"]["file_name"].rsplit(".", 1)[1]: m
                 for m in await bot.client.bot_messages(SECRETARIAT, since=sent["message_id"])
                 if m.get("document") and m["document"]["file_name"].startswith("minutes-")}
        if {"docx", "pdf"} <= files.keys():
            return files["docx"], files["pdf"]
        await asyncio.sleep(0.05)
    raise AssertionError("no minutes files")


def _saved(session, session_id: int) -> list[tuple]:
    return [(r.number, r.subject, r.time_frame, r.due_date,
             sorted(u.key for u in resolutions_repo.units_of(session, resolution_id=r.id)))
            for r in resolutions_repo.of_session(session, session_id=session_id)]
