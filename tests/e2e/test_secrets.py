"""Secrets: the token, the webhook secret and invitation codes never reach a log line or an
error message; codes are stored hashed; the webhook secret is compared in constant time."""

from __future__ import annotations

import hashlib
import logging
from unittest import mock

import httpx
import pytest
import sqlalchemy as sa

from mina_bot.operator_log import REDACTOR, configure_logging
from mina_bot.ops import webhook
from mina_bot.ops.webhook import SECRET_HEADER
from storage.db import make_engine
from tests.e2e.webhook_bot import SECRET, update_from, webhook_bot
from tests.fixtures.bot import ADMIN_ID, STRANGER_ID, TEST_TOKEN
from tests.fixtures.buttons import button
from tests.fixtures.invitations import invite
from tests.fixtures.minutes import imported_with_subject

SECRETARIAT, INFRA_SECRETARY, NEWCOMER = 1002, 1003, 3201
NOISY = ("", "httpx", "httpcore", "telegram", "apscheduler", "aiohttp", "mina", "alembic")


class Everything(logging.Handler):
    """Every record, rendered in full: message, traceback and stack."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the formatted record (with exc_text and stack_info)."""
        self.lines.append(self.format(record))


@pytest.fixture
def all_logs():
    """The root logger at DEBUG for every library, configured as bot.py configures it."""
    root = logging.getLogger()
    capture = Everything()
    root.addHandler(capture)
    levels = {name: logging.getLogger(name).level for name in NOISY}
    before = list(root.handlers)
    configure_logging(logging.DEBUG, secrets=(TEST_TOKEN, SECRET))
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield capture
    for handler in root.handlers:
        handler.removeFilter(REDACTOR)
        if handler not in before:
            root.removeHandler(handler)
    root.removeHandler(capture)
    REDACTOR.secrets.clear()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


async def _scenario(bot) -> str:
    """Start, invite and join, import, report a duty, broadcast; with API faults meanwhile."""
    await bot.say(STRANGER_ID, "/start")
    code = await invite(bot, ADMIN_ID, "خانم امین", "infrastructure", "member")
    await bot.say(NEWCOMER, f"/start {code}")
    await bot.say(STRANGER_ID, f"/start {code}")  # a used code, from someone else
    await bot.say(STRANGER_ID, "/start wrong-code-0123456789")
    preview = await imported_with_subject(bot, "<b>markup</b> & <i")
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    await bot.client.inject_fault("sendMessage", "500", count=1)
    sent = await bot.client.send_text(INFRA_SECRETARY, "/owe")
    await bot.client.wait_for_bot_messages(INFRA_SECRETARY, 1, since=sent["message_id"])
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    await bot.press(INFRA_SECRETARY, owe, button(owe, "گزارش انجام"), replies=1)
    await bot.say(INFRA_SECRETARY, "انجام شد")
    await bot.press(ADMIN_ID, owe, "res:zz:1")  # a forged press
    await bot.say(SECRETARIAT, "/broadcast")
    [audience] = await bot.say(SECRETARIAT, "جلسه فردا")
    await bot.press(SECRETARIAT, audience, button(audience, "همه اعضا"))
    await bot.press(SECRETARIAT, audience, button(audience, "پیش‌نمایش"))
    preview = (await bot.client.transcript(SECRETARIAT))[-1]
    await bot.client.inject_fault("sendMessage", "timeout", count=1, delay=0.2)
    await bot.press(SECRETARIAT, preview, button(preview, "ارسال"), replies=1)
    return code


async def _webhook_part(bot, database_url) -> None:
    """The same database in webhook mode: refused and accepted posts."""
    await bot.stop()
    async with webhook_bot(bot.sandbox, database_url, bot.clock) as runner:
        url = f"http://127.0.0.1:{runner.server.port}/telegram"
        async with httpx.AsyncClient() as http:
            for given in ("", SECRET[:-1], "wrong"):
                refused = await http.post(url, headers={SECRET_HEADER: given},
                                          json=update_from(STRANGER_ID, "/start"))
                assert refused.status_code == 403
        sent = await bot.client.send_text(ADMIN_ID, "/whoami")
        await bot.client.wait_for_bot_messages(ADMIN_ID, 1, since=sent["message_id"])


async def test_no_secret_reaches_a_log_line_or_an_error_message(org_bot, all_logs,
                                                                  database_url):
    bot = org_bot
    for chat in (1001, SECRETARIAT, INFRA_SECRETARY, 1004, 1016, 1017):
        await bot.client.ensure_user(chat)
    code = await _scenario(bot)
    await _webhook_part(bot, database_url)
    logs = "\n".join(all_logs.lines)
    assert "HTTP Request" in logs and "/bot<token>/" in logs  # every Bot API call was logged
    for secret in (TEST_TOKEN, TEST_TOKEN.split(":")[1], SECRET, code):
        assert secret not in logs
    for chat in await bot.client.chats():
        for message in await bot.client.transcript(chat["id"]):
            shown = message.get("text") or message.get("caption") or ""
            assert TEST_TOKEN.split(":")[1] not in shown and SECRET not in shown
            if message["from_bot"] and code in shown:
                assert chat["id"] == ADMIN_ID and "start=" in shown  # the link, to its creator


async def test_invitation_codes_are_stored_only_as_hashes(org_bot):
    code = await invite(org_bot, ADMIN_ID, "آقای امن", "it", "member")
    engine = make_engine(org_bot.settings.database_url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT * FROM invitation")).mappings().all()
        dump = repr([dict(r) for r in rows])
    engine.dispose()
    assert code not in dump
    assert hashlib.sha256(code.encode()).hexdigest() in {r["code_hash"] for r in rows}


async def test_the_webhook_secret_is_compared_in_constant_time(sandbox, database_url,
                                                               fake_clock):
    async with webhook_bot(sandbox, database_url, fake_clock) as runner:
        url = f"http://127.0.0.1:{runner.server.port}/telegram"
        with mock.patch.object(webhook.hmac, "compare_digest",
                               wraps=webhook.hmac.compare_digest) as compare:
            async with httpx.AsyncClient() as http:
                refused = await http.post(url, headers={SECRET_HEADER: "x" * len(SECRET)},
                                          json=update_from(STRANGER_ID, "/start"))
                accepted = await http.post(url, headers={SECRET_HEADER: SECRET},
                                           json=update_from(STRANGER_ID, "/help"))
    assert (refused.status_code, accepted.status_code) == (403, 200)
    assert compare.call_count == 2
