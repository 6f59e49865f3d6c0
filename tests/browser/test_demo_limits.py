"""The demo page as Telegram's apps behave: an invitation link opens the page as the invited
person (not t.me), and a paste over 4,096 characters arrives as several messages."""

from __future__ import annotations

import pytest

from sandbox.client import SandboxClient
from tests.browser.chat_page import CHROMIUM_ARGS, ChatPage, chromium_path, running_demo

pytestmark = pytest.mark.slow  # scheduled first (tests/conftest.py)

SECRETARIAT, SECRETARIAT_NAME = 1002, "آقای عباسی"
STRANGER = 2000


async def test_an_invitation_opens_the_page_and_a_long_paste_is_split(tmp_path):
    from playwright.async_api import async_playwright

    executable = chromium_path()
    async with running_demo(tmp_path) as demo, async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable,
                                                   args=CHROMIUM_ARGS, headless=True)
        page = await browser.new_page(viewport={"width": 1200, "height": 820}, locale="fa-IR")
        chat = ChatPage(page)
        await page.goto(demo.page_url)
        await chat.be(SECRETARIAT, SECRETARIAT_NAME)
        await chat.say("/invite خانم تازه‌وارد")
        await chat.edit_by("کمیته فناوری اطلاعات")
        await chat.wait_for_bot_message("نقش")
        await chat.edit_by("عضو")
        await chat.wait_for_bot_message("یک‌بار مصرف")
        link = page.locator("a.invitation").last
        assert (await link.get_attribute("href")).startswith("#start=")
        await link.click()
        await page.wait_for_selector(f'body[data-chat="{STRANGER}"]', timeout=20_000)
        welcome = await chat.wait_for_bot_message("خوش آمدید")
        assert "خانم تازه‌وارد" in welcome

        paste = " ".join(f"سطر {i} از یک متن بلند چسبانده‌شده" for i in range(400))  # 13,889 units
        async with SandboxClient(demo.sandbox_url) as client:
            since = (await client.transcript(STRANGER))[-1]["message_id"]
            await page.fill("#text", paste)
            await page.click("#send")
            await client.wait_for_bot_messages(STRANGER, 4, since=since, timeout=20)
            sent = [m["text"] for m in await client.transcript(STRANGER, since=since)
                    if not m["from_bot"]]
        await browser.close()
    assert len(sent) == 4 and all(len(s.encode("utf-16-le")) // 2 <= 4096 for s in sent)
    assert " ".join(sent) == paste  # cut between words, nothing lost


async def test_the_compliance_chart_shows_as_an_image_in_the_chat(tmp_path):
    from playwright.async_api import async_playwright

    executable = chromium_path()
    async with running_demo(tmp_path) as demo, async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable,
                                                   args=CHROMIUM_ARGS, headless=True)
        page = await browser.new_page(viewport={"width": 1200, "height": 820}, locale="fa-IR")
        chat = ChatPage(page)
        await page.goto(demo.page_url)
        await chat.be(SECRETARIAT, SECRETARIAT_NAME)
        await chat.say("/reports")
        await chat.edit_by("روند")
        picture = page.locator(".msg.bot img.picture").last
        await picture.wait_for(timeout=30_000)
        await page.wait_for_function(
            "() => { const i = [...document.querySelectorAll('img.picture')].pop();"
            " return i && i.complete && i.naturalWidth > 100; }", timeout=30_000)
        await browser.close()
