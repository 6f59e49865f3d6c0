"""End to end: the quarterly report's letter edited in chat (through a restart), asked for the
secretariat head's approval, approved by the head alone, and delivered to its addressee."""

from __future__ import annotations

import asyncio
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world
from tests.fixtures.buttons import button

HEAD, SECRETARY, INFRA_SECRETARY, STRANGER, ADDRESSEE = 1001, 1002, 1003, 5555, 7001


@pytest.fixture
def bot_settings():
    return {"quarterly_report_to": (ADDRESSEE,)}


@pytest.fixture
async def world(sample_organisation, bot):
    bot.clock.set(SATURDAY_MORNING)
    for user in (HEAD, SECRETARY, ADDRESSEE):
        await bot.client.ensure_user(user)
    with bot.runtime.session() as session:
        return seed_reports_world(session)


async def alert(bot, user: int, message: dict, data: str) -> str:
    query = await bot.client.press_button(user, message["message_id"], data)
    return (await bot.client.wait_for_answer(query)).get("text") or ""


async def test_edit_approve_send(bot, world):
    [refused] = await bot.say(STRANGER, "/export quarter")
    assert "اجازه" in refused["text"] or "عضو" in refused["text"]
    [bad] = await bot.say(SECRETARY, "/export quarter ۱۴۰۰ ۵")
    assert "فصل ۱ تا ۴" in bad["text"]
    xlsx, pdf, letter = await bot.say(SECRETARY, "/export quarter ۱۴۰۰ ۱", replies=3)
    assert xlsx["document"]["file_name"] == "mina-quarterly-1400-q1.xlsx"
    workbook = load_workbook(io.BytesIO(await bot.client.download(xlsx["document"]["file_id"])))
    assert workbook.worksheets[0]["A1"].value == "گزارش فصل ۱ سال ۱۴۰۰ شورای هماهنگی"
    reader = PdfReader(io.BytesIO(await bot.client.download(pdf["document"]["file_id"])))
    assert "ریاست محترم ستاد ملی" in reader.pages[1].extract_text()
    assert "پیش‌نویس" in letter["text"] and "به استناد مصوبه" in letter["text"]
    first_ask = button(letter, "تأیید")

    [prompt] = await bot.press(SECRETARY, letter, button(letter, "ویرایش"), replies=1)
    assert "/cancel" in prompt["text"]
    await bot.restart()  # mid-edit: the flow is in the database
    [too_long] = await bot.say(SECRETARY, "ب " * 1600)
    assert "کوتاه‌تر" in too_long["text"]
    [edited] = await bot.say(SECRETARY, "جناب آقای رئیس\nمتن <b>تازه</b> دبیرخانه")
    assert "متن &lt;b&gt;تازه" not in edited["text"]  # shown as typed, not as markup
    assert "متن <b>تازه</b> دبیرخانه" in edited["text"]
    assert "مرحله" in await alert(bot, SECRETARY, letter, first_ask)  # the letter changed

    final, asked = await bot.press(SECRETARY, edited, button(edited, "تأیید"), replies=2)
    assert final["document"]["file_name"] == "mina-quarterly-1400-q1.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        await bot.client.download(final["document"]["file_id"]))).pages)
    assert "تازه" in text
    assert "آقای دکتر حسین زاده" in asked["text"]

    document, decide = await bot.client.wait_for_bot_messages(HEAD, 2, timeout=20)
    assert document["document"]["file_id"] == final["document"]["file_id"]
    approve = button(decide, "تأیید")
    assert "رئیس دبیرخانه" in await alert(bot, SECRETARY, decide, approve)  # not the head
    [own] = await bot.say(INFRA_SECRETARY, "/export quarter")  # not staff: refused
    assert "اجازه" in own["text"]
    assert "اجازه" in await alert(bot, INFRA_SECRETARY, own, approve)  # forged on its message
    forged = approve.rsplit(":", 1)[0] + ":1"  # the first version
    assert "مرحله" in await alert(bot, HEAD, decide, forged)
    await bot.press(HEAD, decide, approve)
    [delivered] = await bot.client.wait_for_bot_messages(ADDRESSEE, 1, timeout=20)
    assert delivered["document"]["file_id"] == final["document"]["file_id"]
    assert "گزارش فصل ۱ سال ۱۴۰۰" in delivered["caption"]
    [told] = await bot.client.wait_for_bot_messages(SECRETARY, 1, since=asked["message_id"],
                                                    timeout=20)
    assert "تأیید کرد" in told["text"]
    assert "تأیید و ارسال‌شده" in (await bot.say(SECRETARY, "/export quarter", replies=3))[2][
        "text"]


async def test_a_press_whose_work_takes_long_is_answered_first(bot, world, monkeypatch):
    """The final document takes long to render: the press is answered (the spinner stops) and
    the document follows when it is ready."""
    from handlers import quarterly

    ready, gathering = asyncio.Event(), quarterly._files

    async def slow(*args, **kwargs):
        await ready.wait()
        return await gathering(*args, **kwargs)

    *_, letter = await bot.say(SECRETARY, "/export quarter ۱۴۰۰ ۱", replies=3)
    monkeypatch.setattr(quarterly, "_files", slow)
    query = await bot.client.press_button(SECRETARY, letter["message_id"],
                                          button(letter, "تأیید"))
    assert await bot.client.wait_for_answer(query) is not None
    assert not ready.is_set()
    ready.set()
    document, asked = await bot.client.wait_for_bot_messages(SECRETARY, 2,
                                                             since=letter["message_id"])
    assert document["document"]["file_name"] == "mina-quarterly-1400-q1.pdf"
    assert "آقای دکتر حسین زاده" in asked["text"]


async def test_a_press_that_fails_after_it_was_answered_says_so_in_the_chat(bot, world,
                                                                           monkeypatch):
    """Answered already, the press can carry no alert: the error comes as a chat line."""
    from handlers import quarterly
    from mina_bot.workers import WorkTimedOut

    ready = asyncio.Event()

    async def timed_out(*args, **kwargs):
        await ready.wait()
        raise WorkTimedOut(seconds=2)

    *_, letter = await bot.say(SECRETARY, "/export quarter ۱۴۰۰ ۱", replies=3)
    monkeypatch.setattr(quarterly, "_files", timed_out)
    query = await bot.client.press_button(SECRETARY, letter["message_id"],
                                          button(letter, "تأیید"))
    assert await bot.client.wait_for_answer(query) is not None
    ready.set()
    [told] = await bot.client.wait_for_bot_messages(SECRETARY, 1, since=letter["message_id"])
    assert "بیش از ۲ ثانیه طول کشید و متوقف شد" in told["text"]
