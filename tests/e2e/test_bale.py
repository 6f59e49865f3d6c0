"""On Bale: no command menu, no secret header (a secret path instead); the main flows still work."""

from __future__ import annotations

import logging

import httpx
import pytest

from demo.sample import seed_sample_minutes
from mina_bot.catalog import text
from mina_bot.platforms import BALE, platform_named
from sandbox.client import SandboxClient
from sandbox.server import BotApiSandbox
from storage.repositories import units as units_repo
from tests.e2e.webhook_bot import SECRET, update_from, webhook_bot
from tests.fixtures.bot import ADMIN_ID, STRANGER_ID, BotHarness, harness_settings
from tests.fixtures.buttons import labelled


@pytest.fixture
async def bale() -> BotApiSandbox:
    async with BotApiSandbox(profile="bale") as started:
        yield started


@pytest.fixture
async def bale_client(bale):
    async with SandboxClient(bale.url) as client:
        yield client


async def talk(client: SandboxClient, user_id: int, message: str) -> str:
    sent = await client.send_text(user_id, message)
    [answer] = await client.wait_for_bot_messages(user_id, since=sent["message_id"])
    return answer["text"]


async def main_flows_work(client: SandboxClient) -> None:
    assert (await talk(client, STRANGER_ID, "/start")).startswith("سلام! من مینا هستم")
    assert "/start" in await talk(client, STRANGER_ID, "/help")
    assert "/cancel" in await talk(client, ADMIN_ID, "/help")
    assert await talk(client, ADMIN_ID, "یک متن نامفهوم") == text("unknown.member")


def test_bale_is_chosen_by_its_api_url():
    settings = harness_settings("sqlite://", api_base_url="https://tapi.bale.ai/bot")
    assert platform_named(settings.platform) is BALE
    assert BALE.deep_link("mina_bot", "abc") == "https://ble.ir/mina_bot?start=abc"


async def test_polling_on_bale_skips_the_command_menu(bale, bale_client, database_url, fake_clock,
                                                      caplog):
    caplog.set_level(logging.INFO)
    harness = BotHarness(sandbox=bale, client=bale_client, clock=fake_clock,
                         settings=harness_settings(database_url, messenger="bale"))
    await harness.start()
    try:
        await main_flows_work(bale_client)
    finally:
        await harness.stop()
    assert bale.world.commands == {}
    assert "setMyCommands" not in bale.stats.calls
    assert "could not publish the command menu" not in caplog.text
    assert "bale has no command menu" in caplog.text


async def test_on_bale_an_invitation_links_to_ble_ir_and_owe_works(bale, bale_client,
                                                                    database_url, fake_clock,
                                                                    sample_organisation,
                                                                    caplog):
    harness = BotHarness(sandbox=bale, client=bale_client, clock=fake_clock,
                         settings=harness_settings(database_url, messenger="bale"))
    await harness.start()
    try:
        with harness.runtime.session() as session:
            seed_sample_minutes(session, settings=harness.runtime.settings, now=fake_clock.now())
            design = units_repo.get_by_key(session, key="design").name_fa
        [ask] = await harness.say(ADMIN_ID, "/invite")
        assert "نام و نام خانوادگی" in ask["text"]
        [units_message] = await harness.say(ADMIN_ID, "خانم بله‌ای")
        await harness.press(ADMIN_ID, units_message, labelled(units_message, design))
        roles = await bale_client.wait_for_edit(ADMIN_ID, units_message["message_id"],
                                                contains="نقش")
        await harness.press(ADMIN_ID, roles, labelled(roles, "عضو"))
        done = await bale_client.wait_for_edit(ADMIN_ID, units_message["message_id"], edits=2,
                                               contains="start=")
        assert "https://ble.ir/mina_demo_bot?start=" in done["text"] and "t.me" not in done["text"]

        [owe] = await harness.say(1003, "/owe")  # the infrastructure committee's secretary
        for number in ("۱", "۲", "۳", "۵", "۸", "۱۲"):
            assert f"مصوبه {number} (جلسه ۱" in owe["text"], number
        assert owe["reply_markup"]  # «گزارش انجام …» buttons work on Bale too
    finally:
        await harness.stop()
    # No per-chat menu is even tried for the members who wrote (Bale has no setMyCommands).
    assert "could not publish the menu" not in caplog.text


async def test_webhook_on_bale_puts_the_secret_in_the_path(bale, bale_client, database_url,
                                                           fake_clock):
    async with webhook_bot(bale, database_url, fake_clock, messenger="bale") as runner:
        assert bale.webhook.url.endswith(f"/telegram/{SECRET}")
        assert bale.webhook.secret is None
        await main_flows_work(bale_client)
        await bale_client.ensure_user(STRANGER_ID)
        base = f"http://127.0.0.1:{runner.server.port}/telegram"
        async with httpx.AsyncClient() as http:
            no_secret = await http.post(base, json=update_from(STRANGER_ID, "/start"))
            wrong = await http.post(f"{base}/not-the-secret", json=update_from(STRANGER_ID, "/x"))
        assert no_secret.status_code in (403, 404) and wrong.status_code == 403


async def test_a_messenger_answering_404_to_set_my_commands_is_not_asked_again(
        bale, bale_client, database_url, fake_clock, caplog):
    """Told it is Telegram (MINA_MESSENGER=telegram), the bot learns from the first 404."""
    harness = BotHarness(sandbox=bale, client=bale_client, clock=fake_clock,
                         settings=harness_settings(database_url, messenger="telegram"))
    await harness.start()
    try:
        for user in (ADMIN_ID, 7001, 7002):
            for _ in range(2):
                await talk(bale_client, user, "/help")
    finally:
        await harness.stop()
    assert bale.stats.calls["setMyCommands"] == 1
    assert caplog.text.count("could not publish") == 1
