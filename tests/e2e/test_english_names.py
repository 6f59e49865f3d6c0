"""An English member's session reminder, agenda, /session and /owe carry no Persian name where
an English one exists: what stays Persian is what only has a Persian name (people, resolution
subjects, items written in Persian)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlmodel import Session, select

from demo.sample import seed_sample_minutes
from handlers.delivery import plan_now
from sandbox.views import button_data
from storage.db import make_engine
from storage.models import AgendaItem, AgendaKind, Language, Member, Resolution, Unit
from tests.fixtures.bot import BotHarness, harness_settings

ENGLISH, SECRETARIAT = 1003, 1002  # the infrastructure committee's secretary; the secretariat's
PERSIAN_RUN = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff][\u0600-\u06ff\ufb50-\ufdff"
                         r"\ufe70-\ufeff\u200c ()«»,.:\-/0-9]*")
FAST = {"delivery_chat_interval": 0, "delivery_poll_seconds": 0.1,
        "delivery_rate_per_second": 1000, "reminder_interval_seconds": 0.2,
        "reminders_enabled": True}


@pytest.fixture
async def english(sample_organisation, sandbox, sandbox_client, database_url, fake_clock):
    """The sample organisation and minutes; member 1003 reads English; the clock at 07:30 on
    the next session's day."""
    harness = BotHarness(sandbox=sandbox, client=sandbox_client, clock=fake_clock,
                         settings=harness_settings(database_url, **FAST))
    engine = make_engine(database_url)
    with Session(engine) as session:
        seed_sample_minutes(session, settings=harness.settings,
                            now=fake_clock.now() - dt.timedelta(days=7))
        member = session.exec(select(Member).where(Member.telegram_id == ENGLISH)).one()
        member.language = Language.EN
        session.add(member)
        session.commit()
    await harness.start()
    for user in (ENGLISH, SECRETARIAT):
        await sandbox_client.ensure_user(user)
    try:
        yield harness
    finally:
        await harness.stop()
        engine.dispose()


def persian_only(bot) -> list[str]:
    """What has no English name: people, resolution subjects, agenda items written in Persian."""
    with bot.runtime.session() as session:
        names = [m.name for m in session.exec(select(Member)).all()]
        names += [r.subject for r in session.exec(select(Resolution)).all()]
        names += [i.title for i in session.exec(select(AgendaItem)).all()
                  if i.kind not in (AgendaKind.STANDING, AgendaKind.REVIEW)]
        names += [u.name_fa for u in session.exec(select(Unit)).all() if not u.name_en]
    return [n for n in names if n]


def leaks(said: str, allowed: list[str]) -> list[str]:
    """The Persian runs of `said` that are no Persian-only name (nor the start of a shortened
    one, cut before «…»)."""
    found = []
    for run in (m.group().strip(" ().,:-/«»") for m in PERSIAN_RUN.finditer(said)):
        if not any(run == name.strip() or (name.startswith(run) and len(run) >= 20)
                   for name in allowed):
            found.append(run)
    return found


async def test_an_english_member_sees_english_names_in_reminder_agenda_session_and_owe(english):
    bot = english
    await plan_now(bot.application)  # 07:30, quiet hours: it waits
    bot.clock.advance(dt.timedelta(minutes=30))
    [reminder] = await bot.client.wait_for_bot_messages(ENGLISH, 1)
    allowed = persian_only(bot)
    assert "Report of" not in reminder["text"] and "Committee" in reminder["text"]
    assert leaks(reminder["text"], allowed) == [], reminder["text"]
    [board] = await bot.say(ENGLISH, "/session")
    assert "Committee" in board["text"] and leaks(board["text"], allowed) == [], board["text"]
    [owe] = await bot.say(ENGLISH, "/owe")
    assert "Infrastructure" in owe["text"] and leaks(owe["text"], allowed) == [], owe["text"]
    first = next(d for d in button_data(owe) if d.startswith("res:open"))
    await bot.client.press_button(ENGLISH, owe["message_id"], first)
    [card] = await bot.client.wait_for_bot_messages(ENGLISH, 1, since=owe["message_id"])
    assert "Responsible:" in card["text"] and leaks(card["text"], allowed) == [], card["text"]
    [unknown] = await bot.say(ENGLISH, "Could you book a room?")
    assert leaks(unknown["text"], allowed) == []
