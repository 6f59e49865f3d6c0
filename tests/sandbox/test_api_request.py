"""Mina's Bot API request over aiohttp: what PTB's other tests do not reach (the sandbox suite
runs every Bot call over both requests, see tests/fixtures/sandbox.py)."""

from __future__ import annotations

import socket

import pytest
from telegram import Bot
from telegram.error import NetworkError

from messenger.api_request import AiohttpRequest
from messenger.keyboards import keyboard
from sandbox.client import SandboxClient
from sandbox.server import BotApiSandbox
from tests.fixtures.sandbox import SANDBOX_TOKEN

USER = 1001


def _bot(base_url: str, file_url: str = "") -> Bot:
    return Bot(SANDBOX_TOKEN, base_url=base_url, base_file_url=file_url or base_url,
               request=AiohttpRequest(connection_pool_size=4), get_updates_request=AiohttpRequest())


async def test_a_json_body_carries_persian_html_and_a_packed_keyboard(
    sandbox: BotApiSandbox, sandbox_client: SandboxClient
) -> None:
    await sandbox_client.ensure_user(USER)
    async with _bot(sandbox.api_base_url, sandbox.file_base_url) as bot:
        sent = await bot.send_message(USER, "مصوبه <b>۸</b> &lt;فوری&gt;", parse_mode="HTML",
                                      reply_markup=keyboard([[("بعدی", "res:page:1")]]))
    [message] = await sandbox_client.transcript(USER)
    assert sent.text == message["text"] == "مصوبه ۸ <فوری>"
    assert message["reply_markup"] == [[{"text": "بعدی", "callback_data": "res:page:1"}]]


async def test_a_server_that_is_not_there_is_a_network_error() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError, match=r"aiohttp\.ClientConnectorError"):
            await request.post(f"http://127.0.0.1:{port}/bot{SANDBOX_TOKEN}/getMe")
    finally:
        await request.shutdown()


async def test_it_opens_again_after_a_shutdown(sandbox: BotApiSandbox) -> None:
    bot = _bot(sandbox.api_base_url, sandbox.file_base_url)
    for _ in range(2):  # PTB shuts the requests down when the application stops
        async with bot:
            assert (await bot.get_me()).username == "mina_demo_bot"
    request = AiohttpRequest()
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps what it calls
        await request.post(f"{sandbox.api_base_url}{SANDBOX_TOKEN}/getMe")


def test_proxies_come_from_the_environment_once_per_server(monkeypatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    request = AiohttpRequest()
    assert request._proxy("https://api.telegram.org/bot1:x/getMe") == "http://proxy.example:3128"
    assert request._proxy("http://127.0.0.1:8081/bot1:x/getMe") is None
    monkeypatch.delenv("HTTPS_PROXY")  # read once: a running bot keeps what it started with
    assert request._proxy("https://api.telegram.org/bot1:x/sendMessage") is not None
