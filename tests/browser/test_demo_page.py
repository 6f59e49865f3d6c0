"""A person uses the demo chat page in real headless Chromium: talk, press, switch, screenshot."""

from __future__ import annotations

import os
import shutil

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from demo.runner import DEMO_TOKEN
from mina_bot.catalog import text
from tests.browser.chat_page import CHROMIUM_ARGS, ROOT, ChatPage, chromium_path, running_demo

pytestmark = pytest.mark.slow  # scheduled first (tests/conftest.py)

SECRETARY, SECRETARY_NAME = 1003, "آقای دکتر اصغری"  # infrastructure committee's secretary
SECRETARIAT, SECRETARIAT_NAME = 1002, "آقای عباسی"  # the headquarters secretariat
SCREENSHOT = ROOT / "docs" / "screenshot.png"


async def leave_old_buttons(sandbox_url: str, chat_id: int) -> None:
    """A message from an earlier conversation whose buttons no longer mean anything."""
    markup = InlineKeyboardMarkup([
        [InlineKeyboardButton("تأیید و ارسال", callback_data="old:send:7"),
         InlineKeyboardButton("ویرایش", callback_data="old:edit:7")],
        [InlineKeyboardButton("انصراف", callback_data="old:cancel:7")],
    ])
    async with Bot(DEMO_TOKEN, base_url=f"{sandbox_url}/bot") as bot:
        await bot.send_message(chat_id, "<b>پیش‌نویس گزارش هفتگی</b> کمیتهٔ زیرساخت آماده است.",
                               parse_mode="HTML", reply_markup=markup)


async def test_a_secretary_reports_and_the_secretariat_sees_it(tmp_path):
    from playwright.async_api import async_playwright

    executable = chromium_path()
    async with running_demo(tmp_path) as demo, async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable,
                                                   args=CHROMIUM_ARGS, headless=True)
        page = await browser.new_page(viewport={"width": 1200, "height": 820},
                                      accept_downloads=True, locale="fa-IR")
        chat = ChatPage(page)
        await page.goto(demo.page_url)

        await chat.be(SECRETARY, SECRETARY_NAME)
        [greeting] = await chat.say("/start")
        assert f"سلام {SECRETARY_NAME}" in greeting and "/help" in greeting
        [owe] = await chat.say("چه کاری بر عهده من است؟")  # the imported seed minutes
        for number in ("۱", "۲", "۳", "۵", "۸", "۱۲"):
            assert f"مصوبه {number} (جلسه ۱" in owe, number
        assert "مصوبه ۴ (جلسه" not in owe and "مهلت: ۱۴۰۰/۰۲/۰۶ (امروز)" in owe
        await leave_old_buttons(demo.sandbox_url, SECRETARY)
        await chat._wait_for_bot_count(3)
        assert await chat.press("تأیید و ارسال") == text("error.stale_button")

        await submit_a_weekly_report(chat)

        await chat.be(SECRETARIAT, SECRETARIAT_NAME)
        copy = await chat.wait_for_bot_message("رونوشت گزارش هفتگی")  # sent by the dispatcher
        assert "R-1400-0001" in copy and "کابل‌کشی مرکز داده" in copy
        [table] = await chat.say("/reports")
        [infra] = [line for line in table.splitlines() if "کمیته زیرساخت و تبادل داده" in line]
        assert "۱۴۰۰/۰۲/۰۶ ۰۷:۳۰" in infra and "نرسیده" not in infra
        # Reports for today's 10:00 session were due Sunday noon: late, and four still missing.
        assert "مهلت: ۱۴۰۰/۰۲/۰۵ ۱۲:۰۰" in table and "با تأخیر: ۱ · نرسیده: ۴" in table
        [card] = await chat.say("/members infrastructure")
        assert "آقای کرامتی" not in card.split("\n")[0]
        shown = len(await chat.bot_messages())
        await chat.edit_by("آقای کرامتی")  # the unit's card becomes the member's, in place
        member = await chat.wait_for_bot_message("وضعیت حساب")
        assert "آقای کرامتی" in member and len(await chat.bot_messages()) == shown
        await page.locator("#toast").wait_for(state="hidden")
        shot = tmp_path / "screenshot.png"
        await page.screenshot(path=str(shot))

        clock = await chat.move_clock("+ ۱ ساعت")  # 08:30: the session-day reminder is due
        assert "۰۸:۳۰" in clock and "اردیبهشت ۱۴۰۰" in clock
        reminder = await chat.wait_for_bot_message("شورا: امروز")
        assert "دستور جلسه" in reminder
        await browser.close()
    assert shot.stat().st_size > 10_000
    if os.environ.get("MINA_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)


async def submit_a_weekly_report(chat: ChatPage) -> None:
    """/report: answer, skip the optional questions, one status, a document, «ارسال»."""
    [question] = await chat.say("/report")
    assert "کمیته زیرساخت و تبادل داده" in question and "چه کارهایی انجام شد" in question
    [question] = await chat.say("کابل‌کشی مرکز داده تمام شد")
    assert "برنامه هفته آینده" in question
    [question] = await chat.choose("صرف‌نظر ⏭")
    assert "مشکلات" in question
    [question] = await chat.choose("صرف‌نظر ⏭")
    assert "وضعیت مصوبه" in question
    [question] = await chat.choose("در حال انجام")
    assert "یک خط توضیح" in question
    [question] = await chat.say("پیش‌نویس تفاهم‌نامه آماده است")
    while "وضعیت مصوبه" in question:  # the other resolutions: no news this week
        [question] = await chat.choose("صرف‌نظر ⏭")
    assert "اسناد و عکس‌ها" in question
    [saved] = await chat.send_file("گزارش-زیرساخت.txt", "پیوست آزمایشی".encode())
    assert "گزارش-زیرساخت.txt" in saved and "(۱ پیوست)" in saved
    assert (await chat.download("گزارش-زیرساخت.txt")).decode() == "پیوست آزمایشی"
    [preview] = await chat.choose("پایان پیوست‌ها")
    assert "کابل‌کشی مرکز داده" in preview and "⏳ در حال انجام" in preview
    [receipt] = await chat.choose("ارسال")
    assert "R-1400-0001" in receipt and "گزارش ثبت شد" in receipt
