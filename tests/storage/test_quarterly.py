"""The quarterly report of resolution 1 from a real database, opened as its reader would: the
letter first, the figures, both charts drawn, each committee's weeks in its own words; the
workbook without formulas; the approval's rules."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from mina_bot.actors import Actor, UnitRole
from mina_bot.errors import MinaError, PermissionDenied
from mina_bot.export.charted import render_charted_pdf, render_charted_xlsx
from mina_bot.quarterly import approval, document
from mina_bot.settings import Settings
from storage.models import OutboxMessage, Role
from storage.repositories import members as members_repo
from tests.e2e.reports_world import AFTER_DEADLINE
from tests.storage.test_pack import FORMULA, logical, world  # noqa: F401  (the fixture)

SETTINGS = Settings(_env_file=None, quarterly_report_to="7001,7002")
pytestmark = pytest.mark.usefixtures("world")


def build(session, letter: str | None = None):
    q = document.quarter_of(session, year=1400, quarter=1, now=AFTER_DEADLINE,
                            settings=SETTINGS)
    report = approval.open_report(session, year=q.year, quarter=q.quarter,
                                  draft=document.draft_letter(q, "fa"))
    return q, report, document.build(session, q=q, letter=letter or report.letter,
                                     now=AFTER_DEADLINE, settings=SETTINGS)


def test_the_report_reads_letter_figures_charts_then_committees(session):
    q, report, doc = build(session)
    assert [c.number for c in q.councils] == [1, 2]
    assert "مصوبه ۱" in report.letter and "ریاست محترم ستاد ملی" in report.letter
    reader = PdfReader(io.BytesIO(render_charted_pdf(doc)))
    text = "\n".join(logical(p.extract_text()) for p in reader.pages)
    order = ["گزارش فصل ۱ سال ۱۴۰۰", "تقدیم به ریاست محترم", "روکش", "ریاست محترم ستاد ملی",
             "دبیرخانه شورای هماهنگی", "آمار فصل", "سهم هر واحد", "ارسال گزارش هفتگی هر کمیته",
             "جلسات این فصل", "نمودارها", "حضور و غیاب فصل", "گزارش‌های هفتگی کمیته‌ها",
             "کمیته زیرساخت و تبادل داده", "نصب و راه‌اندازی سرورهای", "گزارش-پایلوت"]
    at = 0
    for said in order:
        at = text.find(said, at)
        assert at != -1, said
    assert len([i for p in reader.pages for i in p.images]) == 2  # both charts drawn
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:3] == ["روکش", "آمار فصل", "نمودارها"]
    assert not re.search(r"[0-9]", text.replace("R-1400-0001", "").replace("!A0", ""))


def test_the_workbook_keeps_answers_as_text_and_every_table_filtered(session):
    _, _, doc = build(session)
    workbook = load_workbook(io.BytesIO(render_charted_xlsx(doc)))
    cells = [c for s in workbook.worksheets for row in s.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    weeks = [[c.value for c in row] for row in workbook["گزارش‌های فصل"].iter_rows()]
    assert weeks[0][:2] == ["واحد", "هفته"]
    assert any(FORMULA in (r[4] or "") for r in weeks[1:])  # the answer, as text
    for sheet in workbook.worksheets[1:]:
        assert sheet.sheet_view.rightToLeft and sheet.auto_filter.ref, sheet.title


def test_an_edited_letter_is_the_one_printed_and_a_bad_one_is_refused(session):
    _, report, _ = build(session)
    with pytest.raises(MinaError) as empty:
        approval.edit_letter(session, report_id=report.id, body="   ")
    assert empty.value.text_key == "quarterly.edit.empty"
    with pytest.raises(MinaError) as long:
        approval.edit_letter(session, report_id=report.id, body="ب" * 3001)
    assert long.value.params["length"] == 3001
    approval.edit_letter(session, report_id=report.id, body="جناب آقای رئیس\nمتن تازه دبیرخانه")
    assert report.version == 2
    _, _, doc = build(session, report.letter)
    text = logical(PdfReader(io.BytesIO(render_charted_pdf(doc))).pages[1].extract_text())
    assert "متن تازه دبیرخانه" in text and "به استناد مصوبه" not in text


def _head(session) -> Actor:
    [head] = approval.secretariat_heads(session)
    seats = [UnitRole(u.id, u.key, u.name_fa, m.role, str(u.kind))
             for m, u in members_repo.active_memberships(session, member_id=head.id)]
    return Actor(telegram_id=head.telegram_id, member_id=head.id, name=head.name,
                 memberships=tuple(seats))


def test_only_the_secretariat_head_approves_this_version_and_it_goes_out(session):
    _, report, _ = build(session)
    clerk = Actor(telegram_id=1002, member_id=None, memberships=(
        UnitRole(1, "secretariat", "دبیرخانه", Role.MEMBER, "secretariat"),))
    committee_head = Actor(telegram_id=9, member_id=None, memberships=(
        UnitRole(2, "infra", "زیرساخت", Role.HEAD, "committee"),))
    approval.ask(session, report_id=report.id, version=1, file_id="FILE", actor=clerk,
                 now=AFTER_DEADLINE, settings=SETTINGS)
    for stranger in (clerk, committee_head):
        with pytest.raises(PermissionDenied):
            approval.approve(session, report_id=report.id, version=1, actor=stranger,
                             now=AFTER_DEADLINE, settings=SETTINGS)
    head = _head(session)
    with pytest.raises(MinaError) as stale:  # a forged version
        approval.approve(session, report_id=report.id, version=2, actor=head,
                         now=AFTER_DEADLINE, settings=SETTINGS)
    assert stale.value.text_key == "quarterly.stale"
    assert approval.approve(session, report_id=report.id, version=1, actor=head,
                            now=AFTER_DEADLINE, settings=SETTINGS) == 2
    sent = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "quarterly.report")
                        ).all()
    assert sorted(m.chat_id for m in sent) == [7001, 7002]
    assert all(m.payload["document"] == "FILE" for m in sent)
    with pytest.raises(MinaError):  # twice: no second sending
        approval.approve(session, report_id=report.id, version=1, actor=head,
                         now=AFTER_DEADLINE, settings=SETTINGS)
    with pytest.raises(MinaError):
        approval.edit_letter(session, report_id=report.id, body="دیر")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_its_pages_render_to_png(session, tmp_path):
    source = tmp_path / "quarterly.pdf"
    source.write_bytes(render_charted_pdf(build(session)[2]))
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(source), str(tmp_path / "page")],
                   check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) >= 5 and all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
