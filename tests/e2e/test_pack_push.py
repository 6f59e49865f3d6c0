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


async def test_the_pack_goes_out_the_evening_before_and_reads_are_counted(sample_organisation,
                                                                          bot):
    bot.clock.set(EVE - dt.timedelta(hours=1))
    for user in (HEAD, SECRETARY, INFRA_SECRETARY, STRANGER):
        await bot.client.ensure_user(user)
    with bot.runtime.session() as session:
        ids = seed_reports_world(session)
        assert pack_push.due_push(session, now=bot.clock.now(), settings=bot.settings) is None
    bot.clock.set(EVE)
    bot.tick_now("pack.push")
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


async def test_a_keeper_who_never_started_the_bot_is_skipped_and_the_secretariat_told(
        sample_organisation, bot):
    """The first secretariat member never pressed Start: the pack goes through the next one's
    chat, the members get it, and the secretariat hears whom the bot cannot reach."""
    bot.clock.set(EVE - dt.timedelta(hours=1))
    for user in (SECRETARY, INFRA_SECRETARY):  # the head (the first keeper) never started it
        await bot.client.ensure_user(user)
    with bot.runtime.session() as session:
        ids = seed_reports_world(session)
    bot.clock.set(EVE)
    bot.tick_now("pack.push")
    copy, *told = await bot.client.wait_for_bot_messages(SECRETARY, 3, timeout=30)
    assert copy["document"]["file_name"] == "mina-session-2.pdf"
    document, _ = await bot.client.wait_for_bot_messages(INFRA_SECRETARY, 2, timeout=30)
    assert document["document"]["file_id"] == copy["document"]["file_id"]
    assert any("شروع نکرده" in (m.get("text") or "") for m in told), told
    with bot.runtime.session() as session:
        assert reads_repo.pushed(session, session_id=ids["session2"])
        assert [m.telegram_id for m in pack_push.keepers(session)] == [SECRETARY]


async def test_with_no_keeper_reachable_each_is_marked_and_the_pack_waits_for_one(
        sample_organisation, bot):
    """Not pushed, and not rendered again at every look (a pack at ten times the country is a
    minute's work): the next look has no keeper until one writes to the bot."""
    bot.clock.set(EVE)
    with bot.runtime.session() as session:  # nobody has started the bot
        ids = seed_reports_world(session)
    bot.tick_now("pack.push")
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        with bot.runtime.session() as session:
            if not pack_push.keepers(session):
                break
        assert asyncio.get_running_loop().time() < deadline, "the keepers were never tried"
        await asyncio.sleep(0.1)
    with bot.runtime.session() as session:
        assert not reads_repo.pushed(session, session_id=ids["session2"])
        # due still, but with nobody to hold it the next look renders nothing
        assert pack_push.due_push(session, now=bot.clock.now(), settings=bot.settings)
