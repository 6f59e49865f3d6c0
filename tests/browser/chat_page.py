"""The demo chat page as a person uses it, driven in real headless Chromium (Playwright)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL_HINT = ("needs Chromium and Playwright: `apt-get install -y chromium` and "
                "`pip install playwright` (or set MINA_CHROMIUM to a Chromium binary)")
WAIT_MS = 15_000


def chromium_path() -> str:
    """The browser binary, or a skip saying what to install."""
    path = os.environ.get("MINA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.skip(f"no Chromium at {path}: {INSTALL_HINT}")
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        pytest.skip(f"Playwright is not installed: {INSTALL_HINT}")
    return path


@dataclass
class Demo:
    """A running `python bot.py demo`: where its sandbox and its page are."""

    sandbox_url: str
    page_url: str


@asynccontextmanager
async def running_demo(tmp_path: Path) -> AsyncIterator[Demo]:
    """Start `bot.py demo` with the page on a free port; stop it with Ctrl-C afterwards."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINA_")}
    env["MINA_DEMO_PORT"] = "0"
    log = tmp_path / "demo.log"  # shown when the test fails: what the bot said it did
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "bot.py"), "demo", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=sink)
    try:
        urls: list[str] = []
        while len(urls) < 2:
            line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
            if not line:
                raise RuntimeError("the demo stopped before printing its addresses")
            urls += re.findall(r"http://127\.0\.0\.1:\d+", line)
        yield Demo(sandbox_url=urls[0], page_url=urls[1])
    except BaseException:
        print(f"--- the demo's log ({log}), last lines ---")
        print("\n".join(log.read_text(errors="replace").splitlines()[-80:]))
        raise
    finally:
        process.send_signal(2)
        await asyncio.wait_for(process.wait(), 30)


class ChatPage:
    """What a person does on the page: pick who they are, type, press buttons, move the clock."""

    def __init__(self, page) -> None:
        self.page = page

    async def be(self, telegram_id: int, name: str) -> None:
        """Pick a person from the list and wait until the page shows their chat."""
        await self.page.click(f'[data-person="{telegram_id}"]')
        await self.page.wait_for_selector(f'body[data-chat="{telegram_id}"]', timeout=WAIT_MS)
        assert name in await self.page.inner_text("#whoami")

    async def bot_messages(self) -> list[str]:
        """The text of every bot message in the open chat."""
        return await self.page.locator(".msg.bot .bubble").all_inner_texts()

    async def _wait_for_bot_count(self, count: int) -> None:
        await self.page.wait_for_function(
            "n => document.querySelectorAll('.msg.bot').length >= n", arg=count, timeout=WAIT_MS)

    async def say(self, text: str, *, replies: int = 1) -> list[str]:
        """Type and send; return the bot's next `replies` messages."""
        before = len(await self.bot_messages())
        await self.page.fill("#text", text)
        await self.page.click("#send")
        await self._wait_for_bot_count(before + replies)
        return (await self.bot_messages())[before:before + replies]

    async def send_file(self, name: str, content: bytes, *, replies: int = 1) -> list[str]:
        """Attach a document; return the bot's next `replies` messages."""
        before = len(await self.bot_messages())
        await self.page.set_input_files("#file", files=[
            {"name": name, "mimeType": "text/plain", "buffer": content}])
        await self._wait_for_bot_count(before + replies)
        return (await self.bot_messages())[before:before + replies]

    async def press(self, label: str) -> str:
        """Press the inline button with this label on the latest message; return the toast."""
        before = await self.page.text_content("#toast")
        await self.page.locator(".msg.bot .kb button", has_text=label).last.click()
        await self.page.wait_for_function(
            "old => { const t = document.getElementById('toast');"
            " return !t.hidden && t.textContent !== old; }", arg=before, timeout=WAIT_MS)
        return await self.page.inner_text("#toast")

    async def choose(self, label: str, *, replies: int = 1) -> list[str]:
        """Press a button that the bot answers with new messages (no toast); return them."""
        before = len(await self.bot_messages())
        await self.page.locator(".msg.bot .kb button", has_text=label).last.click()
        await self._wait_for_bot_count(before + replies)
        return (await self.bot_messages())[before:before + replies]

    async def edit_by(self, label: str) -> None:
        """Press a button the bot answers by editing its message (the chat gets no new one)."""
        await self.page.locator(".msg.bot .kb button", has_text=label).last.click()

    async def wait_for_bot_message(self, words: str) -> str:
        """Wait until a bot message containing `words` is in the open chat; return it."""
        await self.page.locator(".msg.bot .bubble", has_text=words).first.wait_for(
            timeout=WAIT_MS)
        return await self.page.locator(".msg.bot .bubble", has_text=words).first.inner_text()

    async def download(self, file_name: str) -> bytes:
        """Click a document in the chat and return the downloaded bytes."""
        async with self.page.expect_download() as info:
            await self.page.locator(".document", has_text=file_name).last.click()
        download = await info.value
        return Path(await download.path()).read_bytes()

    async def move_clock(self, label: str) -> str:
        """Press a clock button (e.g. «+ ۱ ساعت»); return the clock's new text."""
        before = await self.page.inner_text("#clock-now")
        await self.page.click(f'.clock-buttons button:has-text("{label}")')
        await self.page.wait_for_function(
            "old => document.getElementById('clock-now').textContent !== old", arg=before)
        return await self.page.inner_text("#clock-now")
