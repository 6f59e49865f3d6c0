"""A resubmitted report: «ویرایش گزارش ارسال‌شده», the secretariat's copy says what changed,
and every earlier version can be read in full."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from mina_bot.errors import PermissionDenied, StaleButton
from mina_bot.identity import load_actor
from mina_bot.reports import drafts, prompts, reading, steps, submission, views
from mina_bot.reports.copies import KIND
from mina_bot.settings import Settings
from storage.models import AttachmentKind
from storage.repositories import reports as reports_repo
from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world
from tests.storage.test_reports import fill

SETTINGS = Settings(_env_file=None)


@pytest.fixture
def world(sample_organisation, session: Session) -> dict[str, int]:
    return seed_reports_world(session)


def actor(session: Session, telegram_id: int):
    return load_actor(session, telegram_id=telegram_id, admin_ids=())


def resubmitted(session: Session, world) -> int:
    secretary = actor(session, 1003)
    report = fill(session, secretary, world["infra"], SATURDAY_MORNING)
    drafts.add_file(session, report=report, actor=secretary, settings=SETTINGS,
                    now=SATURDAY_MORNING, file=drafts.IncomingFile(
                        "f1", "u1", "old.pdf", "application/pdf", 100, AttachmentKind.DOCUMENT,
                        b"%PDF-1.4\n"))
    submission.submit(session, report_id=report.id, actor=secretary, now=SATURDAY_MORNING,
                      settings=SETTINGS)
    report, council = drafts.open_draft(session, actor=secretary, unit_id=world["infra"],
                                        now=SATURDAY_MORNING, settings=SETTINGS)
    lead = prompts.opening(session, report=report, actor=secretary, settings=SETTINGS,
                           resumed=True, council=council)
    assert "ویرایش گزارش ارسال‌شده" in lead and "ادامه پیش‌نویس" not in lead
    drafts.go_to(session, report=report, step=steps.DONE)
    drafts.answer_text(session, report=report, text="<b>کار</b> تازه")  # changed
    drafts.go_to(session, report=report, step=steps.PLANNED)
    drafts.answer_text(session, report=report, text="برنامه")  # added (was skipped)
    reports_repo.delete_attachments(session, report_id=report.id)
    drafts.add_file(session, report=report, actor=secretary, settings=SETTINGS,
                    now=SATURDAY_MORNING, file=drafts.IncomingFile(
                        "f2", "u2", "new.pdf", "application/pdf", 100, AttachmentKind.DOCUMENT,
                        b"%PDF-1.4\n"))
    submission.submit(session, report_id=report.id, actor=secretary, now=SATURDAY_MORNING,
                      settings=SETTINGS)
    session.commit()
    return report.id


def test_the_copy_of_a_resubmission_says_what_changed(session, world):
    resubmitted(session, world)
    copies = [c for c in reports_repo.copies_queued(session, kind=KIND)
              if c.dedupe_key.endswith("|v2")]
    assert copies
    body = copies[0].payload["text"]
    assert "تغییرات نسخه ۲ نسبت به نسخه ۱" in body and "R-1400-0002" in body
    assert "«کارهای انجام‌شده» تغییر کرد: &lt;b&gt;کار&lt;/b&gt; تازه" in body  # escaped
    assert "«برنامه هفته آینده» پاسخ داده شد: برنامه" in body
    assert "پیوست افزوده شد: new.pdf" in body and "پیوست حذف شد: old.pdf" in body
    assert "کار انجام شد" not in body  # not the whole report a second time


def test_an_earlier_version_is_readable_in_full_by_its_unit_only(session, world):
    report_id = resubmitted(session, world)
    versions = reading.history(session, report_id=report_id)
    [[(caption, data)]] = views.version_buttons(report_id, versions, "fa")
    assert caption == "نسخه ۱" and data == f"rpt:ver:{report_id}:1"
    first, count = reading.readable_version(session, report_id=report_id, version=1,
                                            actor=actor(session, 1003))
    message = views.version_message(first, count, "fa", SETTINGS.tz)
    assert "نسخه ۱ از ۲ (رسید R-1400-0001)" in message and "کار انجام شد" in message
    with pytest.raises(StaleButton):
        reading.readable_version(session, report_id=report_id, version=7,
                                 actor=actor(session, 1003))
    with pytest.raises(PermissionDenied):
        reading.readable_version(session, report_id=report_id, version=1,
                                 actor=actor(session, 1005))
