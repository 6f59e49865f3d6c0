"""The session pack from a real database, opened as its reader would: the PDF's text in order,
its outline and page numbers, a page as PNG; the workbook's dates, filters, direction, and no
formula anywhere."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import Session

from mina_bot.export.pdf import render_pdf
from mina_bot.export.xlsx import render_xlsx
from mina_bot.identity import load_actor
from mina_bot.persian import to_persian_digits
from mina_bot.reports import drafts, pack, submission
from mina_bot.settings import Settings
from storage.models import (
    AgendaKind,
    AttachmentKind,
    AttendanceStatus,
    Resolution,
    SessionAttendance,
)
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo
from tests.e2e.reports_world import AFTER_DEADLINE, SATURDAY_MORNING, seed_reports_world

SETTINGS = Settings(_env_file=None)
FORMULA = '=HYPERLINK("http://evil.example","x")'
LONG = "نصب و راه‌اندازی سرورهای مرکز داده " * 400  # far taller than a page


@pytest.fixture
def world(sample_organisation, session: Session) -> dict[str, int]:
    ids = seed_reports_world(session)
    secretary = load_actor(session, telegram_id=1003, admin_ids=())
    report, _ = drafts.open_draft(session, actor=secretary, unit_id=ids["infra"],
                                  now=SATURDAY_MORNING, settings=SETTINGS)
    drafts.answer_text(session, report=report, text=LONG)
    drafts.answer_text(session, report=report, text=FORMULA)
    drafts.answer_text(session, report=report, text="=cmd|' /C calc'!A0")
    while report.current_step.startswith(("status.", "note.")):
        drafts.skip(session, report=report)
    for name, kind in (("گزارش-پایلوت.pdf", AttachmentKind.DOCUMENT),
                       (None, AttachmentKind.PHOTO)):
        drafts.add_file(session, report=report, actor=secretary, settings=SETTINGS,
                        now=SATURDAY_MORNING, file=drafts.IncomingFile(
                            f"f-{kind}", f"u-{kind}", name, "application/pdf", 4096, kind,
                            b"%PDF-1.4\n"))
    submission.submit(session, report_id=report.id, actor=secretary, now=SATURDAY_MORNING,
                      settings=SETTINGS)
    design = units_repo.get_by_key(session, key="design")
    shared = resolutions_repo.add_resolution(session, resolution=Resolution(
        session_id=ids["session1"], number=3, subject="تهیه گزارش هفتگی همه کمیته‌ها",
        time_frame="یک هفته", due_date=dt.date(2021, 4, 26)))
    resolutions_repo.set_units(session, resolution_id=shared.id,
                               units=[(ids["infra"], "کمیته زیرساخت"), (design.id, "کمیته طراحی")])
    sessions_repo.add_agenda_item(session, session_id=ids["session2"], kind=AgendaKind.REVIEW,
                                  title="", position=3)
    session.commit()
    return ids


def logical(text: str) -> str:
    """pypdf gives a run of digits inside right-to-left text in visual order: turn it back."""
    return re.sub("[۰-۹]+", lambda m: m[0][::-1], text)


def build(session: Session, world) -> pack.Pack:
    council = sessions_repo.get_session(session, session_id=world["session2"])
    return pack.session_pack(session, council=council, now=AFTER_DEADLINE, settings=SETTINGS)


def test_the_pack_reads_as_a_board_book(session, world):
    reader = PdfReader(io.BytesIO(render_pdf(build(session, world))))
    pages = [logical(page.extract_text()) for page in reader.pages]
    text = "\n".join(pages)
    order = ["بسته جلسه ۲", "دوشنبه ۶ اردیبهشت ۱۴۰۰", "ساعت", "دستور جلسه",
             "پیگیری جلسه قبل", "حضور و غیاب این جلسه هنوز ثبت نشده است",
             "پیگیری مصوبات جلسه ۱", "گزارش کمیته‌ها", "کمیته طراحی و روش‌شناسی",
             "گزارش این هفته نرسیده است", "کمیته زیرساخت و تبادل داده", "گزارش-پایلوت",
             "مصوبات با سهم باز یا معوق", "خلاصه ارسال گزارش‌ها"]
    at = 0
    for said in order:  # each after the one before
        at = text.find(said, at)
        assert at != -1, said
    assert "مصوبه ۸ جلسه ۱" in text and "مصوبه ۳ جلسه ۱" in text
    ours = text.replace("R-1400-0001", "").replace("!A0", "")  # they keep their own digits
    assert not re.search(r"[0-9]", ours)
    assert not re.search("[\u2600-\u27bf\U0001f300-\U0001faff]", text)  # no emoji
    total = len(pages)
    assert total > 3  # the long answer runs on, never «a row too high»
    assert f"صفحه ۲ از {to_persian_digits(str(total))}" in pages[1]
    answers_pages = [p for p in pages if "نصب و راه‌اندازی سرورهای" in p]
    assert len(answers_pages) > 1 and all("پرسش" in p for p in answers_pages)  # header again
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:3] == ["دستور جلسه", "پیگیری جلسه قبل (جلسه ۱، دوشنبه ۳۰ فروردین ۱۴۰۰)",
                           "گزارش کمیته‌ها"]


def test_the_workbook_has_dates_filters_right_to_left_sheets_and_no_formula(session, world):
    workbook = load_workbook(io.BytesIO(render_xlsx(build(session, world))))
    for sheet in workbook.worksheets[1:]:
        assert sheet.sheet_view.rightToLeft, sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    answers = [[c.value for c in row] for row in workbook["پاسخ گزارش‌ها"].iter_rows()]
    assert answers[0] == ["واحد", "پرسش", "پاسخ"]
    assert [r[2] for r in answers if r[1] == "برنامه هفته آینده"] == [FORMULA]
    reports = [[c.value for c in row] for row in workbook["گزارش‌های هفتگی"].iter_rows()]
    assert reports[0] == ["واحد", "وضعیت", "زمان ارسال", "زمان ارسال (شمسی)", "شماره رسید",
                          "نسخه"]
    infra = next(r for r in reports if r[0] == "کمیته زیرساخت و تبادل داده")
    assert infra[2] == dt.datetime(2021, 4, 24, 9, 30) and infra[3] == "۱۴۰۰/۰۲/۰۴ ۰۹:۳۰"
    follow = [[c.value for c in row] for row in workbook["پیگیری جلسه قبل"].iter_rows()]
    assert follow[0][2:4] == ["مهلت", "مهلت (شمسی)"]
    assert {r[0] for r in follow[1:]} == {"مصوبه ۲ جلسه ۱", "مصوبه ۸ جلسه ۱",
                                          "مصوبه ۳ جلسه ۱"}
    assert all(isinstance(r[2], dt.datetime) for r in follow[1:])  # dates, not text
    owed = [[c.value for c in row] for row in workbook["مصوبات با سهم باز"].iter_rows()]
    shares = {r[4]: r[5] for r in owed if r[0] == "مصوبه ۳ جلسه ۱"}
    assert shares == {"کمیته طراحی و روش‌شناسی": "باز", "کمیته زیرساخت و تبادل داده": "باز"}


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_a_page_renders_to_png(session, world, tmp_path):
    source = tmp_path / "pack.pdf"
    source.write_bytes(render_pdf(build(session, world)))
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "3", str(source),
                    str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 3 and all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)


def test_the_pack_takes_a_bounded_number_of_queries(session, world, engine):
    def count() -> int:
        statements = []
        listener = lambda *a, **k: statements.append(1)  # noqa: E731
        sa.event.listen(engine, "before_cursor_execute", listener)
        try:
            with Session(engine) as fresh:
                build(fresh, world)
        finally:
            sa.event.remove(engine, "before_cursor_execute", listener)
        return len(statements)

    before = count()
    infra = world["infra"]
    for number in range(100, 160):  # sixty more resolutions, all overdue
        resolution = resolutions_repo.add_resolution(session, resolution=Resolution(
            session_id=world["session1"], number=number, subject=f"موضوع {number}",
            due_date=dt.date(2021, 4, 20)))
        resolutions_repo.set_units(session, resolution_id=resolution.id,
                                   units=[(infra, "کمیته زیرساخت")])
    session.commit()
    assert count() == before


def test_the_trend_counts_in_one_query_and_missing_only_after_the_deadline(session, world,
                                                                           engine):
    from mina_bot.reports.reading import trend
    from mina_bot.reports.views import trend_dto

    council = sessions_repo.get_session(session, session_id=world["session2"])
    statements = []
    listener = lambda *a, **k: statements.append(1)  # noqa: E731
    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        before = trend(session, council=council, weeks=4, now=SATURDAY_MORNING,
                       settings=SETTINGS)
        after = trend(session, council=council, weeks=4, now=AFTER_DEADLINE, settings=SETTINGS)
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)
    assert len(statements) <= 6  # sessions, reporting units, the grouped counts; twice
    assert [(w.on_time, w.late, w.missing) for w in before] == [(0, 0, 5), (1, 0, 0)]
    assert [(w.on_time, w.late, w.missing) for w in after] == [(0, 0, 5), (1, 0, 4)]
    dto = trend_dto(after, "fa", SETTINGS.tz)
    assert [w.label for w in dto.weeks] == ["۱۴۰۰/۰۱/۳۰", "۱۴۰۰/۰۲/۰۶"]


def test_the_previous_sessions_attendance_is_in_the_pack(session, world):
    for position, (name, status, stand_in, guest) in enumerate((
            ("آقای اصغری", AttendanceStatus.PRESENT, None, False),
            ("خانم رضایی", AttendanceStatus.STAND_IN, "آقای کریمی", False),
            ("آقای نوری", AttendanceStatus.ABSENT, None, False),
            ("کارشناس مهمان", AttendanceStatus.PRESENT, None, True))):
        session.add(SessionAttendance(session_id=world["session1"], name=name, status=status,
                                      stand_in=stand_in, guest=guest, source="minutes",
                                      position=position, changed_at=AFTER_DEADLINE))
    session.commit()
    built = build(session, world)
    [table] = [t for s in built.sections for t in s.tables if t.sheet == "حاضران"]
    assert table.rows == (("آقای اصغری", "حاضر", ""), ("خانم رضایی", "با نماینده", "آقای کریمی"),
                          ("آقای نوری", "غایب", ""), ("کارشناس مهمان", "سایر حاضرین", ""))
    text = "\n".join(logical(p.extract_text())
                     for p in PdfReader(io.BytesIO(render_pdf(built))).pages)
    assert "آقای کریمی" in text and "هنوز ثبت نشده" not in text


def test_the_quarter_counts_each_members_and_units_attendance(session, world):
    from mina_bot.sessions.attendance import council_members
    from storage.models import SessionStatus

    first = sessions_repo.get_session(session, session_id=world["session1"])
    first.status = SessionStatus.HELD
    someone = council_members(session)[0]
    session.add(SessionAttendance(session_id=first.id, member_id=someone.id, name=someone.name,
                                  status=AttendanceStatus.STAND_IN, stand_in="آقای کریمی",
                                  source="minutes", changed_at=AFTER_DEADLINE))
    session.commit()
    from mina_bot.quarterly import document

    q = document.quarter_of(session, year=1400, quarter=1, now=AFTER_DEADLINE, settings=SETTINGS)
    quarter = document.build(session, q=q, letter="-", now=AFTER_DEADLINE,
                             settings=SETTINGS).pack
    [section] = [s for s in quarter.sections if s.title == "حضور و غیاب فصل"]
    people, units = section.tables
    assert (someone.name, 1, 0, 1, 0) in people.rows  # one session held: by a stand-in
    assert all(row[1] == 1 for row in people.rows)  # every council member counted
    assert units.rows and all(row[2] + row[3] + row[4] == row[1] for row in units.rows)
