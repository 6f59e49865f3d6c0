"""End to end: a large export, a slow one, a zip bomb: meanwhile the others are answered."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import threading
import zipfile

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from messenger.context import workers_of
from mina_bot.persian import to_persian_digits
from mina_bot.redelivery import PARKED
from storage.models import Resolution
from storage.repositories import resolutions as resolutions_repo
from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world
from tests.fixtures.minutes import paste
from tests.fixtures.processes import kill_bot, say, start_bot

INFRA_SECRETARY, SECRETARIAT_SECRETARY = 1003, 1002
MANY = 400  # resolutions: their PDF takes seconds to render, reading them a fraction of one
MINUTES = "مصوبات:\n\nبازه زمانی\tمتولی\tموضوع\nیک هفته\tکمیته زیرساخت\t۱) گزارش پایلوت گیلان\n"
SUBJECT = "پیگیری تهیه و ارسال فهرست کامل داده‌های ثبتی استان‌ها به کمیته زیرساخت، شماره {n}"


@pytest.fixture
async def world(sample_organisation, bot):
    bot.clock.set(SATURDAY_MORNING)
    with bot.runtime.session() as session:
        ids = seed_reports_world(session)
        for number in range(100, 100 + MANY):
            resolutions_repo.add_resolution(session, resolution=Resolution(
                session_id=ids["session1"], number=number, subject=SUBJECT.format(n=number),
                due_date=dt.date(2021, 6, 1)))
        session.commit()
    return ids


async def test_others_are_answered_while_a_large_pack_is_rendered(bot, world):
    sent = await bot.client.send_text(SECRETARIAT_SECRETARY, "/export")
    await asyncio.sleep(0.5)  # its rows are read by now; the rendering is under way
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "اجرای پایلوت در استان گیلان" in owe["text"]
    so_far = await bot.client.bot_messages(SECRETARIAT_SECRETARY, since=sent["message_id"])
    # Answered while the PDF was still being made: had the rendering held the bot, the PDF
    # would have gone out before the answer.
    assert not any(m["document"]["file_name"].endswith(".pdf") for m in so_far)

    xlsx, pdf = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 2,
                                                       since=sent["message_id"], timeout=120)
    assert pdf["document"]["file_name"] == "mina-session-2.pdf"
    workbook = load_workbook(io.BytesIO(await bot.client.download(xlsx["document"]["file_id"])))
    labels = {row[0].value for row in workbook["پیگیری جلسه قبل"].iter_rows(min_row=2)}
    assert labels == {f"مصوبه {to_persian_digits(str(n))} جلسه ۱"
                      for n in (2, 8, *range(100, 100 + MANY))}


@pytest.mark.parametrize("bot_settings", [{"heavy_work_timeout_seconds": 1.0}])
async def test_an_export_past_its_time_limit_is_stopped_with_a_clear_answer(bot, world):
    with bot.runtime.session() as session:  # a pack whose PDF takes seconds
        for number in range(1000, 3500):
            resolutions_repo.add_resolution(session, resolution=Resolution(
                session_id=world["session1"], number=number, subject=SUBJECT.format(n=number),
                due_date=dt.date(2021, 6, 1)))
        session.commit()
    sent = await bot.client.send_text(SECRETARIAT_SECRETARY, "/export")
    answers = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 1,
                                                     since=sent["message_id"], timeout=30)
    if answers[0].get("document"):  # the workbook was quick enough; the PDF was not
        answers = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 2,
                                                         since=sent["message_id"], timeout=30)
    assert "بیش از ۱ ثانیه طول کشید و متوقف شد" in answers[-1]["text"]
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "اجرای پایلوت در استان گیلان" in owe["text"]
    # A fresh worker parses these; one second is too little for it on a loaded test machine.
    workers_of(bot.application).timeout = 60.0
    await bot.say(SECRETARIAT_SECRETARY, "/import 1400/01/30")
    preview = await paste(bot, SECRETARIAT_SECRETARY, MINUTES)
    assert "گزارش پایلوت گیلان" in preview["text"]


def zip_bomb() -> bytes:
    """A .docx-shaped zip whose document.xml unpacks to 60 MB of blanks (~60 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (60 * 1024 * 1024)
                         + b"</w:document>")
    return buffer.getvalue()


async def test_a_decompression_bomb_is_refused_unread_and_others_are_answered(bot, world):
    bomb = zip_bomb()
    assert len(bomb) < 200_000
    await bot.say(SECRETARIAT_SECRETARY, "/import 1400/01/30")
    sent = await bot.client.send_document(SECRETARIAT_SECRETARY, "minutes.docx", bomb)
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "اجرای پایلوت در استان گیلان" in owe["text"]
    [refused] = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 1,
                                                       since=sent["message_id"], timeout=30)
    assert "«minutes.docx» بیش از حد بزرگ است" in refused["text"]
    assert "از ۵۰ مگابایت بیشتر" in refused["text"]
    preview = await paste(bot, SECRETARIAT_SECRETARY, MINUTES)  # still waiting for the minutes
    assert "گزارش پایلوت گیلان" in preview["text"]


@pytest.mark.parametrize("command, documents", [("/export", 2), ("/export quarter", 2)])
async def test_another_user_is_answered_while_an_export_waits_for_its_rows(bot, world, command,
                                                                           documents):
    if not bot.settings.database_url.startswith("postgresql"):
        pytest.skip("SQLite readers never wait for a lock (WAL): the rows cannot be held back")
    # The reports table locked: the export's reading waits until the lock goes. On the event
    # loop it would stop every chat; the timer releases it in any case, so a failure ends.
    locker = bot.runtime.engine.connect()
    locker.execute(sa.text("LOCK TABLE weekly_report IN ACCESS EXCLUSIVE MODE"))
    released = threading.Event()

    def release() -> None:
        if not released.is_set():
            released.set()
            locker.rollback()

    timer = threading.Timer(20.0, release)
    timer.start()
    try:
        sent = await bot.client.send_text(SECRETARIAT_SECRETARY, command)
        engine = bot.runtime.engine
        while not released.is_set() and not await asyncio.to_thread(_lock_awaited, engine):
            await asyncio.sleep(0.05)
        [answer] = await bot.say(INFRA_SECRETARY, "/help")
        assert not released.is_set()  # answered while the export still waited for its rows
        assert "/owe" in answer["text"]
        assert await bot.client.bot_messages(SECRETARIAT_SECRETARY,
                                             since=sent["message_id"]) == []
    finally:
        release()
        timer.cancel()
        locker.close()
    made = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, documents,
                                                  since=sent["message_id"], timeout=120)
    assert [m["document"]["file_name"].rsplit(".", 1)[1] for m in made[:documents]] == [
        "xlsx", "pdf"]


def _lock_awaited(engine) -> bool:
    with engine.connect() as connection:
        return bool(connection.execute(sa.text(
            "SELECT count(*) FROM pg_locks WHERE NOT granted")).scalar())


async def _export_waiting_for_its_rows(sandbox_client, engine, locker) -> dict:
    """The quarter's export asked for while `locker` holds the reports table: it waits in its
    worker. The secretary is known to the bot first, so the export writes nothing before its
    worker (an update whose work committed something counts as handled and is not redone)."""
    await say(sandbox_client, SECRETARIAT_SECRETARY, "/help")
    locker.execute(sa.text("LOCK TABLE weekly_report IN ACCESS EXCLUSIVE MODE"))
    sent = await sandbox_client.send_text(SECRETARIAT_SECRETARY, "/export quarter")
    for _ in range(600):
        if await asyncio.to_thread(_lock_awaited, engine):
            break
        await asyncio.sleep(0.05)
    return sent


async def test_a_batch_of_updates_behind_a_waiting_export_is_answered_and_a_kill_redoes_it(
        process_env, sandbox_client):
    engine, env = process_env
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite readers never wait for a lock (WAL): the rows cannot be held back")
    others = range(2001, 2001 + 120)  # getUpdates brings 100 at most
    await asyncio.gather(*(sandbox_client.ensure_user(u) for u in others))
    first = await start_bot(env)
    locker = engine.connect()
    try:
        sent = await _export_waiting_for_its_rows(sandbox_client, engine, locker)
        answers = await asyncio.gather(*(say(sandbox_client, u, "/help") for u in others))
        assert len(answers) == len(others)
        assert await sandbox_client.bot_messages(SECRETARIAT_SECRETARY,
                                                 since=sent["message_id"]) == []
    finally:
        await kill_bot(first)
        locker.rollback()
        locker.close()
    second = await start_bot(env)  # confirmed to the Bot API while in hand, but kept: redone
    try:
        made = await sandbox_client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 2,
                                                          since=sent["message_id"], timeout=60)
    finally:
        await kill_bot(second)
    assert [m["document"]["file_name"].rsplit(".", 1)[1] for m in made[:2]] == ["xlsx", "pdf"]


async def test_an_export_in_hand_for_long_is_parked_so_the_next_message_is_not_kept_waiting(
        process_env, sandbox_client):
    """Behind a long export every getUpdates brings it back at once, so the poll cannot wait
    for new messages: the export is parked (kept in the database, confirmed), and polls wait
    for what comes next again, with only one other message, not only with a full batch."""
    engine, env = process_env
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite readers never wait for a lock (WAL): the rows cannot be held back")
    bot = await start_bot(env)
    locker = engine.connect()
    try:
        sent = await _export_waiting_for_its_rows(sandbox_client, engine, locker)
        assert "/owe" in (await say(sandbox_client, INFRA_SECRETARY, "/help"))["text"]
        for _ in range(100):  # parked by the poll after the one that brought /help
            with engine.connect() as connection:
                parked = connection.execute(sa.text(
                    "SELECT count(*) FROM conversation_state WHERE name = :name"),
                    {"name": PARKED}).scalar()
            if parked:
                break
            await asyncio.sleep(0.05)
        assert parked == 1
    finally:
        locker.rollback()
        locker.close()
    try:
        made = await sandbox_client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 2,
                                                          since=sent["message_id"], timeout=60)
    finally:
        await kill_bot(bot)
    assert [m["document"]["file_name"].rsplit(".", 1)[1] for m in made[:2]] == ["xlsx", "pdf"]
