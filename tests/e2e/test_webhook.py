"""Webhook mode: the secret header (200 / 403), /healthz, and a graceful stop."""

from __future__ import annotations

import asyncio
import os
import signal

import httpx
import pytest
import sqlalchemy as sa

from mina_bot.catalog import text
from mina_bot.ops.webhook import SECRET_HEADER
from tests.e2e.webhook_bot import SECRET, free_port, update_from, webhook_bot
from tests.fixtures import launcher
from tests.fixtures.bot import ADMIN_ID, STRANGER_ID, TEST_TOKEN


@pytest.fixture
async def runner(sandbox, database_url, fake_clock):
    async with webhook_bot(sandbox, database_url, fake_clock) as started:
        yield started


def local_url(runner, path: str = "") -> str:
    return f"http://127.0.0.1:{runner.server.port}{path}"


async def test_the_messenger_posts_updates_with_the_secret_and_people_get_answers(
        runner, sandbox, sandbox_client):
    assert sandbox.webhook.url == runner.plan.public_url
    assert sandbox.webhook.secret == SECRET
    sent = await sandbox_client.send_text(STRANGER_ID, "/start")
    [answer] = await sandbox_client.wait_for_bot_messages(STRANGER_ID, since=sent["message_id"])
    assert answer["text"].startswith("سلام! من مینا هستم")
    sent = await sandbox_client.send_text(ADMIN_ID, "سلام، چه خبر؟")
    [answer] = await sandbox_client.wait_for_bot_messages(ADMIN_ID, since=sent["message_id"])
    assert answer["source_text"] == text("unknown.member")


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "wrong-secret-0123456789"},
                                     {SECRET_HEADER: SECRET[:-1]}, {SECRET_HEADER: ""}])
async def test_posts_without_the_right_secret_are_refused(runner, sandbox_client, headers):
    await sandbox_client.ensure_user(STRANGER_ID)
    async with httpx.AsyncClient() as http:
        response = await http.post(local_url(runner, "/telegram"), headers=headers,
                                   json=update_from(STRANGER_ID, "/start"))
    assert response.status_code == 403
    assert await sandbox_client.transcript(STRANGER_ID) == []


async def test_a_post_with_the_secret_is_accepted_and_answered(runner, sandbox_client):
    await sandbox_client.ensure_user(STRANGER_ID)
    async with httpx.AsyncClient() as http:
        response = await http.post(local_url(runner, "/telegram"), headers={SECRET_HEADER: SECRET},
                                   json=update_from(STRANGER_ID, "/help"))
        assert response.status_code == 200
        not_an_update = await http.post(local_url(runner, "/telegram"), content=b"[1, 2]",
                                         headers={SECRET_HEADER: SECRET})
        assert not_an_update.status_code == 400
    [answer] = await sandbox_client.wait_for_bot_messages(STRANGER_ID)
    assert "/start" in answer["text"]


async def test_healthz_reports_the_database(runner, database_server, database_url):
    async with httpx.AsyncClient() as http:
        healthy = await http.get(local_url(runner, "/healthz"))
        assert healthy.status_code == 200 and healthy.json()["ok"] is True
        database_server.drop(database_url)
        runner.runtime.engine.dispose()
        gone = await http.get(local_url(runner, "/healthz"))
    assert gone.status_code == 503 and gone.json() == {"ok": False}
    assert healthy.json() == {"ok": True}  # nothing about the database to strangers

async def test_stopping_finishes_the_answer_in_flight(sandbox, sandbox_client, database_url,
                                                     fake_clock):
    await sandbox_client.inject_fault("sendMessage", "slow", count=1, delay=0.5)
    async with webhook_bot(sandbox, database_url, fake_clock):
        await sandbox_client.send_text(STRANGER_ID, "/start")
        while sandbox.webhook.delivered < 1:  # the update is in the bot's hands now
            await sandbox.world.changes.wait(5)
    # SIGTERM does what leaving the block did: stop taking posts, finish the updates in hand.
    [answer] = await sandbox_client.bot_messages(STRANGER_ID)
    assert answer["text"].startswith("سلام! من مینا هستم")


async def test_run_webhook_answers_and_stops_cleanly_on_sigterm(sandbox, sandbox_client, tmp_path):
    sandbox.lenient = True  # a local http webhook
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINA_")} | {
        "MINA_BOT_TOKEN": TEST_TOKEN, "MINA_API_BASE_URL": sandbox.api_base_url,
        "MINA_DATABASE_URL": f"sqlite:///{tmp_path / 'mina.sqlite3'}",
        "MINA_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook", "MINA_WEBHOOK_LISTEN": "127.0.0.1",
        "MINA_WEBHOOK_PORT": str(port), "MINA_WEBHOOK_SECRET": SECRET}
    process = await launcher.start("run", "--webhook", cwd=tmp_path, env=env,
                                   stderr=launcher.PIPE)
    log = []
    try:
        while not any("webhook listening" in line for line in log):
            line = (await asyncio.wait_for(process.stderr.readline(), 60)).decode()
            assert line, "".join(log)
            log.append(line)
        sent = await sandbox_client.send_text(STRANGER_ID, "/start")
        [answer] = await sandbox_client.wait_for_bot_messages(STRANGER_ID,
                                                              since=sent["message_id"])
        assert answer["text"].startswith("سلام! من مینا هستم")
    finally:
        process.send_signal(signal.SIGTERM)
        rest = (await asyncio.wait_for(process.stderr.read(), 30)).decode()
        code = await process.wait()
    assert code == 0, rest
    assert "finishing the updates in progress" in rest
    [listening] = [line for line in log if "webhook listening" in line]
    assert "plain HTTP" in listening and "TLS proxy" in listening
    assert SECRET not in "".join(log) + rest


async def _post_twice(runner, update: dict) -> None:
    async with httpx.AsyncClient() as http:
        for _ in range(2):  # the messenger posts again when it got no answer in time
            response = await http.post(local_url(runner, "/telegram"), json=update,
                                       headers={SECRET_HEADER: SECRET})
            assert response.status_code == 200


async def test_a_post_is_answered_after_its_update_was_handled_and_never_redone(
        runner, sandbox_client, engine):
    await sandbox_client.ensure_user(STRANGER_ID)
    await _post_twice(runner, update_from(STRANGER_ID, "/start WRONGCODE42", update_id=990_101))
    # The reply was sent before the post was answered, and the work (a failed code counted)
    # was done once: the second post of the same update was skipped.
    replies = await sandbox_client.bot_messages(STRANGER_ID)
    assert len(replies) == 1
    with engine.connect() as connection:
        failures = connection.execute(sa.text("SELECT COUNT(*) FROM auth_failure")).scalar_one()
    assert failures == 1


async def test_an_update_that_changed_nothing_is_answered_again(runner, sandbox_client):
    await sandbox_client.ensure_user(STRANGER_ID)
    await _post_twice(runner, update_from(STRANGER_ID, "/help", update_id=990_102))
    assert len(await sandbox_client.bot_messages(STRANGER_ID)) == 2
