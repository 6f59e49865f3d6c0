"""`python bot.py …` as the operator runs it: one clear line and a non-zero exit per problem."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

import bot
from sandbox.client import SandboxClient
from sandbox.server import BotApiSandbox
from tests.e2e.webhook_bot import free_port
from tests.fixtures.bot import TEST_TOKEN
from tests.fixtures.processes import ROOT, run_bot


def assert_one_clear_line(result: subprocess.CompletedProcess, starts: str) -> str:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"mina: {starts}"), lines[0]
    assert "Traceback" not in result.stderr
    assert TEST_TOKEN not in result.stderr + result.stdout
    return lines[0]


@pytest.mark.parametrize(("variable", "value"), [
    ("MINA_TIMEZONE", "Mars/Olympus"),
    ("MINA_ADMIN_IDS", "one,two"),
    ("MINA_LANGUAGE", "xx"),
    ("MINA_BOT_TOKEN", "not-a-token"),
    ("MINA_CONCURRENT_UPDATES", "0"),
])
def test_bad_settings_stop_the_start_with_one_line(tmp_path, monkeypatch, capsys, variable,
                                                    value):
    """`main` reads the settings before it sets anything up, so these run in this process
    (a `bot.py` process each cost a second of imports); the other starts below are processes."""
    for name in [n for n in os.environ if n.startswith("MINA_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv(variable, value)
    monkeypatch.chdir(tmp_path)  # no .env
    code = bot.main(["run"])
    out, err = capsys.readouterr()
    assert_one_clear_line(subprocess.CompletedProcess(["bot.py", "run"], code, out, err), variable)


def test_run_without_a_token_says_how_to_set_it(tmp_path):
    line = assert_one_clear_line(run_bot("run", env={}, cwd=tmp_path), "MINA_BOT_TOKEN")
    assert "demo" in line


def test_a_broken_database_url_is_one_line(tmp_path):
    env = {"MINA_BOT_TOKEN": TEST_TOKEN,
           "MINA_DATABASE_URL": "postgresql://nobody:pw@127.0.0.1:1/mina"}
    line = assert_one_clear_line(run_bot("run", env=env, cwd=tmp_path), "MINA_DATABASE_URL")
    assert "pw" not in line


def test_an_unreachable_api_base_url_is_one_line(tmp_path):
    env = {"MINA_BOT_TOKEN": TEST_TOKEN, "MINA_API_BASE_URL": "http://127.0.0.1:1/bot",
           "MINA_DATABASE_URL": f"sqlite:///{tmp_path / 'mina.sqlite3'}"}
    line = assert_one_clear_line(run_bot("run", env=env, cwd=tmp_path), "MINA_API_BASE_URL")
    assert "127.0.0.1:1" in line


async def test_a_token_the_api_rejects_is_one_line(tmp_path):
    async with BotApiSandbox(token="111111:OnlyThisTokenIsAcceptedHere1234") as sandbox:
        env = {"MINA_BOT_TOKEN": TEST_TOKEN, "MINA_API_BASE_URL": sandbox.api_base_url,
               "MINA_DATABASE_URL": f"sqlite:///{tmp_path / 'mina.sqlite3'}"}
        result = await asyncio.to_thread(run_bot, "run", env=env, cwd=tmp_path)
    assert_one_clear_line(result, "MINA_BOT_TOKEN")


def test_db_upgrade_creates_the_default_sqlite_database(tmp_path):
    result = run_bot("db", "upgrade", env={}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "mina.sqlite3").exists()


async def test_the_demo_answers_a_sample_secretary_and_stops_on_ctrl_c(tmp_path):
    base = {k: v for k, v in os.environ.items() if not k.startswith("MINA_")}
    base["MINA_DEMO_PORT"] = "0"  # the chat page on a free port, not 8080
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), cwd=tmp_path, env=base,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        line = (await asyncio.wait_for(process.stdout.readline(), 30)).decode()
        url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        async with SandboxClient(url) as client:
            sent = await client.send_text(1003, "/start")
            [greeting] = await client.wait_for_bot_messages(1003, 1, since=sent["message_id"])
        assert "سلام آقای دکتر اصغری" in greeting["text"]
    finally:
        process.send_signal(signal.SIGINT)
        code = await asyncio.wait_for(process.wait(), 30)
    assert code == 0


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
async def test_the_demo_shows_two_addresses_and_leaves_no_folder_behind(tmp_path, stop):
    base = {k: v for k, v in os.environ.items() if not k.startswith("MINA_")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), "demo", "--port", "0", cwd=tmp_path, env=base,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        shown = [(await asyncio.wait_for(process.stdout.readline(), 30)).decode()
                 for _ in range(2)]
        sandbox_url, page_url = re.findall(r"http://127\.0\.0\.1:\d+", "".join(shown))
        log = Path(re.search(r"(/\S+/mina-demo-\w+/demo\.log)", shown[1]).group(1))
        async with aiohttp.ClientSession() as http:
            for url in (page_url, f"{sandbox_url}/control/chats"):
                async with http.get(url) as answer:
                    assert answer.status == 200, url
        assert "Application started" in log.read_text()  # INFO goes to the log, not the console
    finally:
        process.send_signal(stop)
        rest, errors = await asyncio.wait_for(process.communicate(), 30)
    console = "".join(shown) + rest.decode() + errors.decode()
    assert process.returncode == 0, console
    assert len(console.strip().splitlines()) <= 3, console
    assert " INFO " not in console
    assert not log.parent.exists()


def test_a_webhook_url_telegram_refuses_is_one_line_at_start(tmp_path):
    env = {"MINA_BOT_TOKEN": TEST_TOKEN, "MINA_WEBHOOK_URL": "http://mina.example.org/hook"}
    line = assert_one_clear_line(run_bot("run", env=env, cwd=tmp_path), "MINA_WEBHOOK_URL")
    assert "https" in line


async def test_a_refused_set_webhook_at_start_is_one_line(tmp_path):
    async with BotApiSandbox() as sandbox:  # strict: http is refused, as Telegram does
        env = {"MINA_BOT_TOKEN": TEST_TOKEN, "MINA_API_BASE_URL": sandbox.api_base_url,
               "MINA_DATABASE_URL": f"sqlite:///{tmp_path / 'mina.sqlite3'}",
               "MINA_WEBHOOK_URL": "http://127.0.0.1:9/hook", "MINA_WEBHOOK_PORT": str(free_port()),
               "MINA_WEBHOOK_LISTEN": "127.0.0.1"}
        result = await asyncio.to_thread(run_bot, "run", "--webhook", env=env, cwd=tmp_path)
    # The start's own INFO lines come first; the failure is one line, with no traceback.
    assert result.returncode == 2 and "Traceback" not in result.stderr
    problems = [x for x in result.stderr.splitlines() if x and " INFO " not in x]
    assert len(problems) == 1 and problems[0].startswith("mina: MINA_WEBHOOK_URL was refused")
    assert "https url must be provided" in problems[0].lower()
