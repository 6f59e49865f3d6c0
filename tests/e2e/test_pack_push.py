"""End to end: the evening before a session its pack reaches every council member with a
«خواندم» button; the secretariat sees who has read it; on the day, the others are nudged."""

from __future__ import annotations

import asyncio
import datetime as dt

from mina_bot.delivery import pack_push
from storage.repositories import pack_reads as reads_repo
from tests.e2e.reports_world import seed_reports_world
from tests.fixtures.buttons import button

HEAD, SECRETARY, INFRA_SECRETARY, STRANGER = 1001, 1002, 1003, 5555
EVE = dt.datetime(2021, 4, 25, 11, 35, tzinfo=dt.UTC)  # Sunday 16:05 Tehran; session 2 Monday


async def test_the_pack_goes_out_the_evening_before_and_reads_are_counted(bot):
    bot.clock.set(EVE - dt.timedelta(hours=1))
    for user in (HEAD, SECRETARY, INFRA_SECRETARY, STRANGER):
        await bot.client.ensure_user(user)
    with bot.runtime.session() as session:
        ids = seed_reports_world(session)
        assert pack_push.due_push(session, now=bot.clock.now(), settings=bot.settings) is None
    bot.clock.set(EVE)
    [copy] = await bot.client.wait_for_bot_messages(HEAD, 1, timeout=30)
    assert copy["document"]["file_name"] == "mina-session-2.pdf"
    document, ask = await bot.client.wait_for_bot_messages(INFRA_SECRETARY, 2, timeout=30)
    assert document["document"]["file_id"] == copy["document"]["file_id"]
    read = button(ask, "خواندم")
    query = await bot.client.press_button(STRANGER, (await bot.say(STRANGER, "/start"))[0][
        "message_id"], read)  # forged by someone it never went to
    assert (await bot.client.wait_for_answer(query)).get("text")
    await bot.press(INFRA_SECRETARY, ask, read)
    [who] = await bot.press(HEAD, copy, button(copy, "خوانده‌اند"), replies=1)
    assert "آقای دکتر اصغری" in who["text"] and "۱ نفر از" in who["text"]
    await asyncio.sleep(0)
    with bot.runtime.session() as session:
        assert len(reads_repo.of_session(session, session_id=ids["session2"])) > 2
        day = dt.datetime(2021, 4, 26, 4, 45, tzinfo=dt.UTC)  # Monday 09:15, before 10:00
        council = pack_push.due_nudge(session, now=day, settings=bot.settings)
        assert council is not None and council.id == ids["session2"]
        unread = len(reads_repo.unread(session, session_id=council.id))
        assert pack_push.nudge(session, council=council, now=day) == unread
        assert pack_push.nudge(session, council=council, now=day) == 0  # once
        assert all(m.telegram_id != INFRA_SECRETARY
                   for m in reads_repo.unread(session, session_id=council.id))
