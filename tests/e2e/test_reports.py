"""End to end: a weekly report by chat, restart mid-way, receipts, reading, the session pack."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from mina_bot.reports.copies import KIND
from storage.models import Resolution, ResolutionStatus
from storage.repositories import reports as reports_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import units as units_repo
from tests.e2e.reports_world import AFTER_DEADLINE, SATURDAY_MORNING, seed_reports_world
from tests.fixtures.buttons import button

INFRA_SECRETARY, DESIGN_SECRETARY, SECRETARIAT_SECRETARY = 1003, 1005, 1002
PDF = b"%PDF-1.4\n% a test document\n"


async def upload(bot, user: int, name: str, content: bytes, mime: str) -> dict:
    sent = await bot.client.send_document(user, name, content, mime)
    [answer] = await bot.client.wait_for_bot_messages(user, 1, since=sent["message_id"])
    return answer


@pytest.fixture
async def world(sample_organisation, bot):
    bot.clock.set(SATURDAY_MORNING)
    for secretariat in (1001, SECRETARIAT_SECRETARY, 1004, 1006):
        await bot.client.ensure_user(secretariat)  # their chats (and the head's) get copies
    with bot.runtime.session() as session:
        return seed_reports_world(session)


async def test_a_report_survives_a_restart_and_reaches_the_secretariat(bot, world):
    user = INFRA_SECRETARY
    [question] = await bot.say(user, "/report")
    assert "کمیته زیرساخت و تبادل داده" in question["text"]
    assert "این هفته چه کارهایی انجام شد" in question["text"]
    [question] = await bot.say(user, "نصب سرورهای مرکز داده")
    assert "برنامه هفته آینده" in question["text"]
    [question] = await bot.press(user, question, button(question, "صرف‌نظر ⏭"), replies=1)
    assert "مشکلات" in question["text"]
    [question] = await bot.say(user, "نیاز به پهنای باند از کمیته فناوری")
    assert "مصوبه ۸ جلسه ۱" in question["text"]  # the overdue one first
    [question] = await bot.press(user, question, button(question, "انجام شد"), replies=1)
    assert "یک خط توضیح" in question["text"]

    await bot.restart()  # mid-conversation: nothing is lost
    [question] = await bot.say(user, "پایلوت گیلان اجرا شد")
    assert "مصوبه ۲ جلسه ۱" in question["text"]
    [hint] = await bot.say(user, "این یک پیام بی‌جاست")  # buttons expected, not text
    assert "دکمه" in hint["text"] and "مصوبه ۲ جلسه ۱" in hint["text"]
    [question] = await bot.press(user, hint, button(hint, "در حال انجام"), replies=1)
    [question] = await bot.press(user, question, button(question, "صرف‌نظر ⏭"), replies=1)
    assert "اسناد و عکس‌ها" in question["text"]

    [cancel] = await bot.say(user, "/cancel")
    [kept] = await bot.press(user, cancel, button(cancel, "نگه داشتن"), replies=1)
    assert "نگه داشته شد" in kept["text"]
    await bot.restart()
    [resumed] = await bot.say(user, "/report")
    assert "ادامه پیش‌نویس" in resumed["text"] and "اسناد و عکس‌ها" in resumed["text"]

    bot.runtime.settings.max_upload_mb = 1
    refused = await upload(bot, user, "big.pdf", b"x" * (1024 * 1024 + 10), "application/pdf")
    assert "بیش از سقف ۱ مگابایت" in refused["text"]
    refused = await upload(bot, user, "tool.exe", b"MZ", "application/octet-stream")
    assert "پذیرفته نمی‌شود" in refused["text"] and "pdf" in refused["text"]
    for name, content in (("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 64),  # a program
                          ("notes.txt", b"\x7fELF\x02\x01"), ("sheet.xlsx", b"%PDF-1.4")):
        refused = await upload(bot, user, name, content, "application/pdf")
        assert "محتوایش فایل" in refused["text"] and "نگه داشته نشد" in refused["text"], name
    saved = await upload(bot, user, "گزارش-پایلوت.pdf", PDF, "application/pdf")
    assert "(۱ پیوست)" in saved["text"]
    saved = await upload(bot, user, "budget.xlsx", b"PK\x03\x04", "application/vnd.ms-excel")
    assert "(۲ پیوست)" in saved["text"]
    [preview] = await bot.press(user, question, button(question, "پایان پیوست‌ها"), replies=1)
    for said in ("نصب سرورهای مرکز داده", "پایلوت گیلان اجرا شد", "(صرف‌نظر شد)",
                 "گزارش-پایلوت.pdf"):
        assert said in preview["text"]
    [hint] = await bot.say(user, "بفرست لطفاً")  # typed at the preview: its buttons again,
    assert "دکمه" in hint["text"] and "«ارسال» یا «ویرایش»" in hint["text"]
    assert "نصب سرورهای مرکز داده" not in hint["text"]  # not the whole report once more
    assert button(hint, "ارسال") == button(preview, "ارسال")

    [edit] = await bot.press(user, preview, button(preview, "ویرایش"), replies=1)
    [question] = await bot.press(user, edit, button(edit, "کارهای انجام‌شده"), replies=1)
    [preview] = await bot.say(user, "نصب و راه‌اندازی سرورهای مرکز داده")
    assert "نصب و راه‌اندازی سرورهای مرکز داده" in preview["text"]
    [receipt] = await bot.press(user, preview, button(preview, "ارسال"), replies=1)
    assert "R-1400-0001" in receipt["text"] and "۱۴۰۰/۰۲/۰۴ ۰۹:۳۰" in receipt["text"]
    assert "با تأخیر" not in receipt["text"]

    with bot.runtime.session() as session:
        resolution = resolutions_repo.get_resolution(session, resolution_id=world["resolution8"])
        assert resolution.status == ResolutionStatus.REPORTED_DONE
        copies = reports_repo.copies_queued(session, kind=KIND)
        report = reports_repo.report_for(session, unit_id=world["infra"],
                                         session_id=world["session2"])
    assert {c.chat_id for c in copies} == {1001, 1002}  # the secretariat's head and secretary
    assert copies[0].dedupe_key == f"report_copy|member:{copies[0].member_id}|report-{report.id}|v1"
    arrived = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 2)
    [copy] = [m for m in arrived if "رونوشت" in m["text"]]  # and the notice of resolution 8
    assert any("انجام سهم خود از مصوبه ۸" in m["text"] for m in arrived)
    assert "رونوشت گزارش هفتگی (رسید R-1400-0001)" in copy["text"]
    assert "نصب و راه‌اندازی سرورهای مرکز داده" in copy["text"]
    assert button(copy, "مشاهده گزارش") == f"rpt:open:{report.id}"
    assert "R-1400-0001" in copies[0].payload["text"]

    [table] = await bot.say(SECRETARIAT_SECRETARY, "/reports")
    assert "✅ به‌موقع کمیته زیرساخت و تبادل داده ۱۴۰۰/۰۲/۰۴ ۰۹:۳۰" in table["text"]
    assert "⏳ هنوز نرسیده کمیته طراحی و روش‌شناسی" in table["text"]
    [opened] = await bot.press(SECRETARIAT_SECRETARY, table, button(table, "زیرساخت"),
                               replies=1)
    assert "نصب و راه‌اندازی سرورهای مرکز داده" in opened["text"]
    files = await bot.press(SECRETARIAT_SECRETARY, opened, button(opened, "پیوست"), replies=2)
    assert [f["document"]["file_name"] for f in files] == ["گزارش-پایلوت.pdf", "budget.xlsx"]

    await export_and_check(bot)


async def export_and_check(bot) -> None:
    sent = await bot.client.send_text(SECRETARIAT_SECRETARY, "/export")
    xlsx_msg, pdf_msg = await bot.client.wait_for_bot_messages(
        SECRETARIAT_SECRETARY, 2, since=sent["message_id"], timeout=30)
    workbook = load_workbook(io.BytesIO(await bot.client.download(
        xlsx_msg["document"]["file_id"])))
    reports = workbook["گزارش‌های هفتگی"]
    assert reports.sheet_view.rightToLeft and reports.auto_filter.ref == reports.dimensions
    rows = [[c.value for c in row] for row in reports.iter_rows()]
    infra = next(r for r in rows if r[0] == "کمیته زیرساخت و تبادل داده")
    assert infra[1] == "به‌موقع" and infra[4] == "R-1400-0001"
    assert infra[2] == dt.datetime(2021, 4, 24, 9, 30) and infra[3] == "۱۴۰۰/۰۲/۰۴ ۰۹:۳۰"
    answers = [[c.value for c in row] for row in workbook["پاسخ گزارش‌ها"].iter_rows()]
    assert ["کمیته زیرساخت و تبادل داده", "کارهای انجام‌شده",
            "نصب و راه‌اندازی سرورهای مرکز داده"] in answers
    follow = [[c.value for c in row] for row in workbook["پیگیری جلسه قبل"].iter_rows()]
    [eight] = [r for r in follow if r[0] == "مصوبه ۸ جلسه ۱"]
    assert eight[4:] == ["گزارش انجام (منتظر تأیید)", "کمیته زیرساخت و تبادل داده",
                         "گزارش انجام، منتظر تأیید"]
    agenda = [[c.value for c in row] for row in workbook["دستور جلسه"].iter_rows()]
    assert agenda[2][1] == "بررسی پایلوت گیلان"
    pdf_bytes = await bot.client.download(pdf_msg["document"]["file_id"])
    pdf = PdfReader(io.BytesIO(pdf_bytes))
    content = "\n".join(page.extract_text() for page in pdf.pages)
    for said in ("کمیته زیرساخت و تبادل داده", "R-1400-0001", "بررسی پایلوت گیلان",
                 "اجرای پایلوت در استان گیلان", "صفحه ۱ از"):
        assert said in content
    assert xlsx_msg["document"]["file_name"] == "mina-session-2.xlsx"


async def test_late_and_missing_units_and_a_forged_button(bot, world):
    bot.clock.set(AFTER_DEADLINE)
    user = DESIGN_SECRETARY
    [question] = await bot.say(user, "گزارش هفتگی")
    [question] = await bot.say(user, "تدوین روش نمونه‌گیری")
    [question] = await bot.press(user, question, button(question, "صرف‌نظر ⏭"), replies=1)
    [question] = await bot.press(user, question, button(question, "صرف‌نظر ⏭"), replies=1)
    [preview] = await bot.press(user, question, button(question, "پایان پیوست‌ها"), replies=1)
    [receipt] = await bot.press(user, preview, button(preview, "ارسال"), replies=1)
    assert "با تأخیر" in receipt["text"]
    [copy] = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 1)
    assert "⚠️ با تأخیر" in copy["text"]

    [table] = await bot.say(SECRETARIAT_SECRETARY, "/reports ۲")
    assert "⚠️ با تأخیر کمیته طراحی و روش‌شناسی" in table["text"]
    assert "❌ نرسیده کمیته زیرساخت و تبادل داده" in table["text"]
    with bot.runtime.session() as session:
        design = units_repo.get_by_key(session, key="design")
        design_report = reports_repo.report_for(session, unit_id=design.id,
                                                session_id=world["session2"]).id
    # The infrastructure secretary forges the button of the design committee's report.
    [mine] = await bot.say(INFRA_SECRETARY, "/reports")
    assert "هنوز گزارشی" in mine["text"]  # design's report is not listed for infrastructure
    query = await bot.client.press_button(INFRA_SECRETARY, mine["message_id"],
                                          f"rpt:open:{design_report}")
    answer = await bot.client.wait_for_answer(query)
    assert "اجازه" in answer["text"]
    [bad] = await bot.say(SECRETARIAT_SECRETARY, "/reports دیروزِ پارسال")
    assert "نه شماره جلسه است نه تاریخ" in bad["text"]
    sent = await bot.client.send_text(SECRETARIAT_SECRETARY, "/reports")
    [table] = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 1,
                                                     since=sent["message_id"])
    [chart] = await bot.press(SECRETARIAT_SECRETARY, table, button(table, "روند"), replies=1)
    png = await bot.client.download(chart["photo"]["file_id"])
    assert png.startswith(b"\x89PNG")
    assert chart["caption"] == "روند ۲ هفته اخیر"  # counted in the worker, with the drawing
    # A chart button for a session that does not exist: the worker's answer is a clear one.
    forged = await bot.client.press_button(SECRETARIAT_SECRETARY, table["message_id"],
                                           "rpt:trend:99999")
    assert "معتبر نیست" in (await bot.client.wait_for_answer(forged))["text"]


async def test_the_quarter_pack_covers_the_quarters_sessions(bot, world):
    sent = await bot.client.send_text(SECRETARIAT_SECRETARY, "/export quarter")
    xlsx_msg, pdf_msg = await bot.client.wait_for_bot_messages(
        SECRETARIAT_SECRETARY, 2, since=sent["message_id"], timeout=30)
    assert xlsx_msg["document"]["file_name"] == "mina-quarterly-1400-q1.xlsx"
    workbook = load_workbook(io.BytesIO(await bot.client.download(
        xlsx_msg["document"]["file_id"])))
    assert workbook.worksheets[0]["A1"].value == "گزارش فصل ۱ سال ۱۴۰۰ شورای هماهنگی"
    sessions = {row[0].value for row in workbook["جلسات فصل"].iter_rows(min_row=2)}
    assert all(sheet.auto_filter.ref for sheet in workbook.worksheets[1:])
    assert sessions == {1, 2}
    assert pdf_msg["document"]["file_name"] == "mina-quarterly-1400-q1.pdf"
    # A button's data forged onto the pack's document: no text there to replace, so the
    # answer comes as a new message.
    [menu] = await bot.press(SECRETARIAT_SECRETARY, xlsx_msg, "rs:t:session", replies=1)
    assert "یادآوری‌ها" in menu["text"] and "🔕 جلسه شورا" in str(menu["reply_markup"])
    [refused] = await bot.say(INFRA_SECRETARY, "/export")
    assert "اجازه" in refused["text"]


async def test_a_unit_answering_for_many_resolutions_pages_its_edit_menu(bot, world):
    with bot.runtime.session() as session:
        for number in range(100, 230):  # 130 more open resolutions for infrastructure
            resolution = resolutions_repo.add_resolution(session, resolution=Resolution(
                session_id=world["session1"], number=number, subject=f"موضوع {number}",
                due_date=dt.date(2021, 5, 10)))
            resolutions_repo.set_units(session, resolution_id=resolution.id,
                                       units=[(world["infra"], "کمیته زیرساخت")])
        session.commit()
    user = INFRA_SECRETARY
    await bot.say(user, "/report")
    with bot.runtime.session() as session:
        draft = reports_repo.report_for(session, unit_id=world["infra"],
                                        session_id=world["session2"])
        draft.current_step = "preview"
        reports_repo.save(session, report=draft)
        session.commit()
    [preview] = await bot.say(user, "/report")
    [menu] = await bot.press(user, preview, button(preview, "ویرایش"), replies=1)
    assert "صفحه ۱ از ۷" in menu["text"]
    assert sum(len(row) for row in menu["reply_markup"]) <= 100  # Telegram's limit
    assert button(menu, "کارهای انجام‌شده") == "rep:goto:done"
    last = menu
    for _ in range(6):
        [last] = await bot.press(user, last, button(last, "بعدی"), replies=1)
    assert "صفحه ۷ از ۷" in last["text"] and button(last, "افزودن پیوست") == "rep:goto:files"
    [question] = await bot.press(user, last, button(last, "مصوبه ۲۲۹ جلسه ۱"), replies=1)
    assert "مصوبه ۲۲۹ جلسه ۱" in question["text"] and "«موضوع 229»" in question["text"]
    # A forged page past the end shows the last one; a page that is no number is refused.
    [clamped] = await bot.press(user, menu, "rep:editmenu:999", replies=1)
    assert "صفحه ۷ از ۷" in clamped["text"]
    query = await bot.client.press_button(user, menu["message_id"], "rep:editmenu:x")
    assert "دیگر معتبر نیست" in (await bot.client.wait_for_answer(query))["text"]
