"""End to end: a report's PDF attachment is appended to the pack under its committee's bookmark,
a broken one and one Telegram no longer has are listed as not attached, and «بسته کامل» zips
the pack with every file in the committee's folder; only the secretariat gets it."""

from __future__ import annotations

import asyncio
import io
import zipfile

import pytest
from fpdf import FPDF
from openpyxl import load_workbook
from pypdf import PdfReader

from mina_bot.identity import load_actor
from mina_bot.reports import drafts, submission
from mina_bot.settings import Settings
from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world
from tests.e2e.test_pack_push import EVE
from tests.fixtures.buttons import button

INFRA_SECRETARY, SECRETARIAT_SECRETARY, STRANGER = 1003, 1002, 5555
INFRA = "کمیته زیرساخت و تبادل داده"
GOOD, BROKEN, NOTES, SNEAKY = "گزارش-پایلوت.pdf", "خراب.pdf", "یادداشت.txt", "../../etc/passwd.txt"

pytestmark = pytest.mark.usefixtures("sample_organisation")  # submit_with reports on it


def pilot_pdf(pages: int = 2) -> bytes:
    """A real PDF of a few pages, each saying which it is."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 10, f"Gilan pilot attachment page {n}")
    return bytes(pdf.output())


async def upload(bot, name: str, data: bytes, mime: str) -> drafts.IncomingFile:
    """The file sent through the sandbox (so Telegram holds it), as the report flow keeps it."""
    sent = (await bot.client.send_document(STRANGER, name, data, mime))["document"]
    return drafts.IncomingFile.document(sent["file_id"], sent["file_unique_id"], name, mime,
                                        sent["file_size"], data[:16])


async def submit_with(bot, files: list[drafts.IncomingFile]) -> None:
    """Infrastructure's report of this week, with these files."""
    bot.clock.set(SATURDAY_MORNING)
    with bot.runtime.session() as session:
        ids = seed_reports_world(session)
        settings = Settings(_env_file=None)
        secretary = load_actor(session, telegram_id=INFRA_SECRETARY, admin_ids=())
        report, _ = drafts.open_draft(session, actor=secretary, unit_id=ids["infra"],
                                      now=SATURDAY_MORNING, settings=settings)
        drafts.answer_text(session, report=report, text="نصب سرورها")
        while report.current_step != "files":
            drafts.skip(session, report=report)
        for file in files:
            drafts.add_file(session, report=report, actor=secretary, settings=settings,
                            now=SATURDAY_MORNING, file=file)
        submission.submit(session, report_id=report.id, actor=secretary, now=SATURDAY_MORNING,
                          settings=settings)
        session.commit()


async def document_named(bot, suffix: str, since: int, timeout: float = 60,
                         chat: int = SECRETARIAT_SECRETARY) -> dict:
    """The bot's first document to the chat ending in `suffix` after `since`."""
    for _ in range(int(timeout * 4)):
        found = next((m for m in await bot.client.bot_messages(chat, since=since)
                      if (m.get("document") or {}).get("file_name", "").endswith(suffix)), None)
        if found:
            return found
        await asyncio.sleep(0.25)
    raise AssertionError(f"no {suffix} document")


def outline(reader: PdfReader, items=None, depth=0) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline(reader, item, depth + 1)
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))
    return found


async def test_pdf_attachments_are_appended_and_the_full_bundle_zips_every_file(bot):
    good = pilot_pdf()
    files = [await upload(bot, GOOD, good, "application/pdf"),
             await upload(bot, BROKEN, b"%PDF-1.7\n1 0 obj<</Kids[2 0 R]>>\n%%EOF garbage",
                          "application/pdf"),
             await upload(bot, NOTES, "یادداشت جلسه".encode(), "text/plain"),
             await upload(bot, SNEAKY, b"root:x:0:0", "text/plain"),
             drafts.IncomingFile.document("gone-file-id", "gone", "رفته.pdf", "application/pdf",
                                          900, b"%PDF-1.4")]
    await submit_with(bot, files)
    sent = await bot.client.send_text(SECRETARIAT_SECRETARY, "/export")
    pdf_msg = await document_named(bot, ".pdf", sent["message_id"])
    xlsx_msg = await document_named(bot, ".xlsx", sent["message_id"])
    reader = PdfReader(io.BytesIO(await bot.client.download(pdf_msg["document"]["file_id"])))
    marks = outline(reader)
    at = next(i for i, (_, title, _) in enumerate(marks) if title == INFRA)
    assert marks[at + 1][:2] == (marks[at][0] + 1, GOOD)  # the only file under the committee
    first = marks[at + 1][2]
    assert first == len(reader.pages) - 2  # appended at the end, both its pages
    assert "Gilan pilot attachment page 1" in reader.pages[first].extract_text()
    assert "Gilan pilot attachment page 2" in reader.pages[first + 1].extract_text()
    assert sum(1 for _, title, _ in marks if title in (BROKEN, "رفته.pdf")) == 0

    workbook = load_workbook(io.BytesIO(await bot.client.download(
        xlsx_msg["document"]["file_id"])))
    states = {row[1]: row[4] for row in workbook["پیوست‌ها"].iter_rows(min_row=2, values_only=True)}
    assert states == {GOOD: "پیوست شد (انتهای بسته)",
                      BROKEN: "پیوست نشد: پرونده خراب یا ناخواناست",
                      NOTES: "فقط در «بسته کامل»", SNEAKY: "فقط در «بسته کامل»",
                      "رفته.pdf": "پیوست نشد: پیام‌رسان آن را نداد"}

    # «بسته کامل» under the PDF: the zip with the pack and every file in the unit's folder.
    query = await bot.client.press_button(SECRETARIAT_SECRETARY, pdf_msg["message_id"],
                                          button(pdf_msg, "بسته کامل"), require_button=True)
    zip_msg = await document_named(bot, ".zip", pdf_msg["message_id"])
    assert (await bot.client.wait_for_answer(query)).get("text") in (None, "")
    assert zip_msg["document"]["file_name"] == "mina-session-2.zip"
    archive = zipfile.ZipFile(io.BytesIO(await bot.client.download(
        zip_msg["document"]["file_id"])))
    names = set(archive.namelist())
    assert names == {"mina-session-2.pdf", "mina-session-2.xlsx", f"{INFRA}/{GOOD}",
                     f"{INFRA}/{BROKEN}", f"{INFRA}/{NOTES}", f"{INFRA}/_._etc_passwd.txt"}
    assert archive.read(f"{INFRA}/{GOOD}") == good
    assert archive.read(f"{INFRA}/_._etc_passwd.txt") == b"root:x:0:0"
    assert all(not n.startswith("/") and ".." not in n.split("/") for n in names)
    inside = load_workbook(io.BytesIO(archive.read("mina-session-2.xlsx")))
    states = {row[1]: row[4] for row in inside["پیوست‌ها"].iter_rows(min_row=2, values_only=True)}
    assert states[GOOD] == states[NOTES] == "در پوشه واحد در «بسته کامل»"
    assert states["رفته.pdf"] == "پیوست نشد: پیام‌رسان آن را نداد"


@pytest.mark.parametrize("bot_settings", [{"pack_bundle_max_mb": 1}])
async def test_a_bundle_over_its_limit_is_refused_in_words_and_only_staff_get_one(bot):
    big = "گزارش مفصل\n".encode() * 80_000  # ~1.6 MB
    await submit_with(bot, [await upload(bot, NOTES, big, "text/plain")])
    # The report's copy and notices reach the secretariat through the outbox meanwhile.
    sent = await bot.client.send_text(SECRETARIAT_SECRETARY, "/export full 2")
    too_big = await bot.message_after(SECRETARIAT_SECRETARY, sent["message_id"],
                                      words="بسته کامل دست‌کم ۲ مگابایت می‌شود و از سقف ۱ "
                                            "مگابایت بیشتر است")
    [refused] = await bot.say(INFRA_SECRETARY, "/export full")
    assert "اجازه" in refused["text"]
    # The infrastructure secretary forges the button onto a message of their own.
    [mine] = await bot.say(INFRA_SECRETARY, "/owe")
    query = await bot.client.press_button(INFRA_SECRETARY, mine["message_id"], "exp:full:2")
    assert "اجازه" in (await bot.client.wait_for_answer(query))["text"]
    query = await bot.client.press_button(SECRETARIAT_SECRETARY, too_big["message_id"],
                                          "exp:full:x")
    answer = await bot.client.wait_for_answer(query)
    assert answer["text"] and "اجازه" not in answer["text"]  # a malformed button: stale


async def test_the_pack_pushed_the_evening_before_has_the_attachments_too(bot):
    for user in (1001, SECRETARIAT_SECRETARY, INFRA_SECRETARY):
        await bot.client.ensure_user(user)
    await submit_with(bot, [await upload(bot, GOOD, pilot_pdf(3), "application/pdf")])
    bot.clock.set(EVE)
    bot.tick_now("pack.push")
    copy = await document_named(bot, ".pdf", 0, chat=1001)
    reader = PdfReader(io.BytesIO(await bot.client.download(copy["document"]["file_id"])))
    marks = outline(reader)
    at = next(i for i, (_, title, _) in enumerate(marks) if title == INFRA)
    assert marks[at + 1][1:] == (GOOD, len(reader.pages) - 3)
