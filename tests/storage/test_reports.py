"""Weekly report drafts and submissions on a real database: versions, receipts, discard."""

from __future__ import annotations

import datetime as dt
import html

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from messenger.persistence import SQLConversationPersistence
from mina_bot.errors import PermissionDenied
from mina_bot.identity import load_actor
from mina_bot.reports import drafts, prompts, steps, submission
from mina_bot.reports.reading import LATE, MISSING, ON_TIME, compliance
from mina_bot.settings import Settings
from storage.models import AttachmentKind, Progress, ReportStatus, WeeklyReport
from storage.repositories import members as members_repo
from storage.repositories import reports as reports_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo
from tests.e2e.reports_world import AFTER_DEADLINE, SATURDAY_MORNING, seed_reports_world

SETTINGS = Settings(_env_file=None)


@pytest.fixture
def world(sample_organisation, session: Session) -> dict[str, int]:
    return seed_reports_world(session)


def actor(session: Session, telegram_id: int):
    return load_actor(session, telegram_id=telegram_id, admin_ids=())


def fill(session: Session, who, unit_id: int, now: dt.datetime):
    report, _ = drafts.open_draft(session, actor=who, unit_id=unit_id, now=now, settings=SETTINGS)
    drafts.answer_text(session, report=report, text="کار انجام شد")
    drafts.skip(session, report=report)
    drafts.skip(session, report=report)
    while report.current_step.startswith(("status.", "note.")):
        drafts.skip(session, report=report)
    assert report.current_step == steps.FILES
    return report


def test_every_answer_is_stored_and_the_step_moves_on(session, world):
    secretary = actor(session, 1003)
    report, _ = drafts.open_draft(session, actor=secretary, unit_id=world["infra"],
                               now=SATURDAY_MORNING, settings=SETTINGS)
    drafts.answer_text(session, report=report, text="  نصب سرورها ")
    assert report.current_step == steps.PLANNED
    drafts.skip(session, report=report)
    drafts.answer_text(session, report=report, text="پهنای باند")
    rid = world["resolution8"]
    assert report.current_step == steps.status_step(rid)
    drafts.choose_progress(session, report=report, resolution_id=rid, progress=Progress.BLOCKED)
    drafts.answer_text(session, report=report, text="منتظر استانداری")
    answers = {(a.question, a.resolution_id): a
               for a in reports_repo.answers_of(session, report_id=report.id)}
    assert answers[("done", None)].text == "نصب سرورها"
    assert answers[("planned", None)].skipped
    assert answers[("progress", rid)].progress == Progress.BLOCKED
    assert answers[("progress", rid)].text == "منتظر استانداری"
    assert report.current_step == steps.status_step(world["resolution2"])
    session.commit()
    assert drafts.active_draft(session, actor=secretary, now=SATURDAY_MORNING).id == report.id


def test_resubmission_is_a_new_version_and_late_after_the_deadline(session, world):
    secretary = actor(session, 1003)
    report = fill(session, secretary, world["infra"], SATURDAY_MORNING)
    drafts.add_file(session, report=report, actor=secretary, settings=SETTINGS,
                    now=SATURDAY_MORNING, file=drafts.IncomingFile(
                        "f1", "u1", "a.pdf", "application/pdf", 100, AttachmentKind.DOCUMENT,
                        b"%PDF-1.4"))
    first = submission.submit(session, report_id=report.id, actor=secretary,
                              now=SATURDAY_MORNING, settings=SETTINGS)
    assert (first.number, first.version, first.late) == ("R-1400-0001", 1, False)
    reopened, _ = drafts.open_draft(session, actor=secretary, unit_id=world["infra"],
                                 now=AFTER_DEADLINE, settings=SETTINGS)
    assert reopened.id == report.id and reopened.current_step == steps.PREVIEW
    second = submission.submit(session, report_id=report.id, actor=secretary,
                               now=AFTER_DEADLINE, settings=SETTINGS)
    assert (second.number, second.version, second.late) == ("R-1400-0002", 2, True)
    versions = reports_repo.submissions_of(session, report_id=report.id)
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].content["answers"]["done"]["text"] == "کار انجام شد"
    assert not report.late  # the unit complied in time; the late edit is marked on version 2


def test_discarding_an_edit_restores_the_submitted_version(session, world):
    secretary = actor(session, 1003)
    report = fill(session, secretary, world["infra"], SATURDAY_MORNING)
    submission.submit(session, report_id=report.id, actor=secretary, now=SATURDAY_MORNING,
                      settings=SETTINGS)
    report, _ = drafts.open_draft(session, actor=secretary, unit_id=world["infra"],
                               now=SATURDAY_MORNING, settings=SETTINGS)
    drafts.go_to(session, report=report, step=steps.DONE)
    drafts.answer_text(session, report=report, text="متن تازه")
    drafts.discard(session, report=report, actor=secretary)
    done = reports_repo.answer_for(session, report_id=report.id, question="done")
    assert done.text == "کار انجام شد" and report.status == ReportStatus.SUBMITTED


def test_a_never_submitted_draft_is_deleted_on_discard(session, world):
    secretary = actor(session, 1003)
    report = fill(session, secretary, world["infra"], SATURDAY_MORNING)
    drafts.discard(session, report=report, actor=secretary)
    assert reports_repo.get_report(session, report_id=report.id) is None


def test_another_units_secretary_may_not_write_the_report(session, world):
    report = fill(session, actor(session, 1003), world["infra"], SATURDAY_MORNING)
    with pytest.raises(PermissionDenied):
        drafts.load(session, report_id=report.id, actor=actor(session, 1005))
    with pytest.raises(PermissionDenied):
        drafts.open_draft(session, actor=actor(session, 1005), unit_id=world["infra"],
                          now=SATURDAY_MORNING, settings=SETTINGS)


async def test_conversation_states_survive_in_the_table(engine):
    persistence = SQLConversationPersistence(engine)
    await persistence.update_conversation("report", (7, 7), "filling")
    await persistence.update_conversation("other", (7, 7), "x")
    assert await SQLConversationPersistence(engine).get_conversations("report") == {
        (7, 7): "filling"}
    await persistence.update_conversation("report", (7, 7), None)
    assert await persistence.get_conversations("report") == {}


async def test_a_step_already_in_the_table_is_not_written_again(engine):
    writes: list[str] = []

    def seen(_conn, _cursor, statement: str, *_args) -> None:
        if "conversation_state" in statement and statement.lstrip().startswith(
                ("INSERT", "DELETE")):
            writes.append(statement)

    sa.event.listen(engine, "before_cursor_execute", seen)
    try:
        persistence = SQLConversationPersistence(engine)
        assert await persistence.get_conversations("report") == {}
        for step in ("picking", "filling", "filling", "filling", "cancelling", "filling"):
            await persistence.update_conversation("report", (7, 7), step)
        assert len(writes) == 4  # picking, filling, cancelling, filling
        restarted = SQLConversationPersistence(engine)
        assert await restarted.get_conversations("report") == {(7, 7): "filling"}
        await restarted.update_conversation("report", (7, 7), "filling")
        assert len(writes) == 4
        await restarted.update_conversation("report", (7, 7), None)
        await restarted.update_conversation("report", (7, 7), "picking")
        assert len(writes) == 6
        assert await SQLConversationPersistence(engine).get_conversations("report") == {
            (7, 7): "picking"}
    finally:
        sa.event.remove(engine, "before_cursor_execute", seen)


def test_the_opening_names_the_unit_in_the_actors_language_with_or_without_a_seat(
        session, world):
    infra = units_repo.get_unit(session, unit_id=world["infra"])
    member = members_repo.get_by_telegram_id(session, telegram_id=1003)
    member.language = "en"
    session.add(member)
    session.flush()
    secretary = actor(session, 1003)
    report, council = drafts.open_draft(session, actor=secretary, unit_id=infra.id,
                                        now=SATURDAY_MORNING, settings=SETTINGS)
    lead = prompts.opening(session, report=report, actor=secretary, settings=SETTINGS,
                           resumed=False, council=council)
    assert html.escape(infra.name_en) in lead and infra.name_fa not in lead
    assert f"session {council.number}" in lead
    # An administrator without a seat in the unit: the name is read from the unit itself.
    admin = load_actor(session, telegram_id=1003_000, admin_ids=(1003_000,))
    assert admin.seat_in(infra.id) is None
    lead = prompts.opening(session, report=report, actor=admin, settings=SETTINGS,
                           resumed=True)
    assert infra.name_fa in lead and "ادامه پیش‌نویس" in lead


def test_a_forged_submit_of_an_earlier_weeks_report_is_no_new_version(session, world):
    secretary = actor(session, 1003)
    report = fill(session, secretary, world["infra"], SATURDAY_MORNING)
    submission.submit(session, report_id=report.id, actor=secretary, now=SATURDAY_MORNING,
                      settings=SETTINGS)
    next_week = SATURDAY_MORNING + dt.timedelta(days=7)
    for now in (SATURDAY_MORNING, next_week):  # sent already; its session is over
        with pytest.raises(drafts.ReportClosed):
            submission.submit(session, report_id=report.id, actor=secretary, now=now,
                              settings=SETTINGS)
    report.status = ReportStatus.DRAFT  # reopened, then left until its session had begun
    with pytest.raises(drafts.ReportClosed):
        submission.submit(session, report_id=report.id, actor=secretary, now=next_week,
                          settings=SETTINGS)
    assert [v.version for v in reports_repo.submissions_of(session, report_id=report.id)] == [1]


def test_a_version_is_never_dated_before_the_previous_one(session, world):
    secretary = actor(session, 1003)
    report = fill(session, secretary, world["infra"], SATURDAY_MORNING)
    first = submission.submit(session, report_id=report.id, actor=secretary,
                              now=SATURDAY_MORNING, settings=SETTINGS)
    drafts.open_draft(session, actor=secretary, unit_id=world["infra"], now=SATURDAY_MORNING,
                      settings=SETTINGS)
    stepped_back = SATURDAY_MORNING - dt.timedelta(hours=2)
    second = submission.submit(session, report_id=report.id, actor=secretary,
                               now=stepped_back, settings=SETTINGS)
    assert second.submitted_at >= first.submitted_at
    versions = reports_repo.submissions_of(session, report_id=report.id)
    assert versions[1].submitted_at >= versions[0].submitted_at


def test_the_compliance_table_lists_the_committees_then_any_other_unit_that_reported(
        session, world):
    secretary = actor(session, 1003)
    report = fill(session, secretary, world["infra"], SATURDAY_MORNING)
    submission.submit(session, report_id=report.id, actor=secretary, now=SATURDAY_MORNING,
                      settings=SETTINGS)
    secretariat = units_repo.get_by_key(session, key="secretariat")
    design = units_repo.get_by_key(session, key="design")
    design.active = False  # a committee closed down: no longer expected
    session.add(WeeklyReport(unit_id=secretariat.id, session_id=world["session2"],
                             status=ReportStatus.SUBMITTED, current_version=1, late=True,
                             first_submitted_at=AFTER_DEADLINE))
    session.flush()
    council = sessions_repo.get_session(session, session_id=world["session2"])
    table = compliance(session, council=council, now=AFTER_DEADLINE, settings=SETTINGS)
    committees = [u.id for u in reports_repo.reporting_units(session)]
    assert design.id not in committees
    assert [line.unit.id for line in table.lines] == [*committees, secretariat.id]
    by_unit = {line.unit.id: line for line in table.lines}
    assert (by_unit[world["infra"]].state, by_unit[world["infra"]].version) == (ON_TIME, 1)
    assert by_unit[world["infra"]].unit.name_fa == "کمیته زیرساخت و تبادل داده"
    assert by_unit[secretariat.id].state == LATE
    assert {by_unit[u].state for u in committees if u != world["infra"]} == {MISSING}
