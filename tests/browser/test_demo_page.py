"""A person uses the demo chat page in real headless Chromium: talk, press, switch, screenshot."""

from __future__ import annotations

import os
import shutil

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from demo.runner import DEMO_TOKEN
from mina_bot.catalog import text
from tests.browser.chat_page import CHROMIUM_ARGS, ROOT, ChatPage, chromium_path, running_demo

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


async def test_a_secretary_and_the_secretariat_use_the_chat_page(tmp_path):
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
        clock = await chat.move_clock("+ ۱ ساعت")
        assert "۰۸:۳۰" in clock and "اردیبهشت ۱۴۰۰" in clock
        [help_text] = await chat.say("/help")
        assert "/cancel" in help_text and "۰۸:۳۰" in help_text  # the bot's "now" moved too

        [answer] = await chat.send_file("گزارش.txt", "پیوست آزمایشی".encode())
        assert answer.startswith(text("unknown.unsupported").split(".")[0])
        assert (await chat.download("گزارش.txt")).decode() == "پیوست آزمایشی"

        await leave_old_buttons(demo.sandbox_url, SECRETARY)
        await chat._wait_for_bot_count(4)
        assert await chat.press("تأیید و ارسال") == text("error.stale_button")
        # Issue 5 adds the weekly report here: chat.say("/report"), chat.press(...), ...

        await chat.be(SECRETARIAT, SECRETARIAT_NAME)
        assert await chat.bot_messages() == []
        [greeting] = await chat.say("/start")
        assert f"سلام {SECRETARIAT_NAME}" in greeting

        await chat.be(SECRETARY, SECRETARY_NAME)
        assert len(await chat.bot_messages()) == 4
        await page.locator("#toast").wait_for(state="hidden")
        shot = tmp_path / "screenshot.png"
        await page.screenshot(path=str(shot))
        await browser.close()
    assert shot.stat().st_size > 10_000
    if os.environ.get("MINA_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
