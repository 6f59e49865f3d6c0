"""The report draft: open or resume it, save every answer as it comes, files, discard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from sqlmodel import Session

from mina_bot.actors import Actor, UnitRole
from mina_bot.conversations import flow_key
from mina_bot.errors import MinaError, NotFound, StaleButton
from mina_bot.permissions import Action, require
from mina_bot.reports import questions, steps
from mina_bot.reports.file_content import content_matches
from mina_bot.sessions.schedule import ensure_next_session, report_deadline
from mina_bot.settings import Settings
from storage.models import (
    Attachment,
    AttachmentKind,
    CouncilSession,
    Progress,
    ReportAnswer,
    ReportStatus,
    ResolutionStatus,
    Role,
    WeeklyReport,
)
from storage.repositories import conversations as conversations_repo
from storage.repositories import reports as reports_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo
from storage.repositories.races import created_or_found

FLOW = "report"  # the /report flow's state: which report the actor is writing
ACCEPTED_EXTENSIONS = (
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "txt", "csv",
    "jpg", "jpeg", "png",
)
ACCEPTED_MIME_PREFIXES = ("image/jpeg", "image/png")


class NoReportingUnit(MinaError):
    """The actor is head or secretary of no unit."""

    text_key = "reports.error.no_unit"


class ReportClosed(MinaError):
    """A submit of a report no longer open: submitted already, or its session has begun."""

    text_key = "reports.error.closed"


class AwaitingApproval(MinaError):
    """The report was sent to the unit's head and waits for the approval (or a send-back)."""

    text_key = "reports.error.awaiting"


class FileTooLarge(MinaError):
    """A file over settings.max_upload_mb."""

    text_key = "reports.error.too_large"


class FileTypeRefused(MinaError):
    """A file type reports do not take."""

    text_key = "reports.error.wrong_type"


@dataclass(frozen=True)
class IncomingFile:
    """A document or photo as the messenger described it."""

    file_id: str
    file_unique_id: str
    file_name: str | None
    mime_type: str | None
    size: int | None
    kind: AttachmentKind
    head: bytes | None = None  # the file's first bytes, when they were read

    @classmethod
    def photo(cls, file_id: str, file_unique_id: str, size: int | None) -> IncomingFile:
        """A photo (messengers deliver them as JPEG)."""
        return cls(file_id, file_unique_id, None, "image/jpeg", size, AttachmentKind.PHOTO)

    @classmethod
    def document(cls, file_id: str, file_unique_id: str, file_name: str | None,
                 mime_type: str | None, size: int | None, head: bytes | None) -> IncomingFile:
        """A document, with its first bytes (None: not read)."""
        return cls(file_id, file_unique_id, file_name, mime_type, size, AttachmentKind.DOCUMENT,
                   head)


def progress_named(value: str | None) -> Progress:
    """The progress a button names (done, in progress, blocked); StaleButton for anything else."""
    if value not in set(Progress):
        raise StaleButton()
    return Progress(value)


def officer_units(actor: Actor) -> tuple[UnitRole, ...]:
    """The units the actor may report for (head or secretary), one entry per unit."""
    seen: dict[int, UnitRole] = {}
    for membership in actor.units_with(Role.HEAD, Role.SECRETARY):
        seen.setdefault(membership.unit_id, membership)
    return tuple(seen.values())


def _pointer_key(actor: Actor) -> str:
    return flow_key(FLOW, actor.telegram_id, actor.telegram_id)  # /report is private chats only


def load(session: Session, *, report_id: int, actor: Actor) -> WeeklyReport:
    """A report the actor may write, re-checked against its unit."""
    report = reports_repo.get_report(session, report_id=report_id)
    if report is None:
        raise NotFound()
    require(actor, Action.SUBMIT_REPORT, unit_id=report.unit_id)
    return report


def active_draft(session: Session, *, actor: Actor, now: dt.datetime) -> WeeklyReport | None:
    """The draft the actor was writing for a session still to come, if any (one query)."""
    pointed = reports_repo.pointed_report(session, pointer_key=_pointer_key(actor))
    if pointed is None:
        return None
    report, council = pointed
    if report is None or report.status != ReportStatus.DRAFT or council.starts_at <= now:
        conversations_repo.drop_state(session, key=_pointer_key(actor))
        return None
    return report


def writable_draft(session: Session, *, actor: Actor, now: dt.datetime) -> WeeklyReport | None:
    """active_draft, re-checked against its unit (the actor may have lost the seat since)."""
    report = active_draft(session, actor=actor, now=now)
    if report is not None:
        require(actor, Action.SUBMIT_REPORT, unit_id=report.unit_id)
    return report


def open_draft(
    session: Session, *, actor: Actor, unit_id: int, now: dt.datetime, settings: Settings
) -> tuple[WeeklyReport, CouncilSession]:
    """The unit's report for the coming session (resumed, reopened for editing, or new), with
    that session."""
    require(actor, Action.SUBMIT_REPORT, unit_id=unit_id)
    if unit_id not in {u.unit_id for u in officer_units(actor)}:
        raise NoReportingUnit()
    council = ensure_next_session(session, now=now, settings=settings)
    report = reports_repo.report_for(session, unit_id=unit_id, session_id=council.id)
    if report is None:  # the unit's other officer may be opening it at the same moment
        version = questions.for_unit(session, unit=units_repo.get_unit(session, unit_id=unit_id),
                                     at=council.starts_at)
        report = created_or_found(
            session,
            create=lambda: reports_repo.create_report(
                session, unit_id=unit_id, session_id=council.id,
                created_by_id=actor.member_id, step=version.questions[0]["key"],
                questionnaire_id=version.id),
            find=lambda: reports_repo.report_for(session, unit_id=unit_id,
                                                 session_id=council.id))
    elif report.status == ReportStatus.AWAITING_APPROVAL:
        raise AwaitingApproval()
    elif report.status == ReportStatus.SUBMITTED:
        report.status, report.current_step = ReportStatus.DRAFT, steps.PREVIEW
        reports_repo.save(session, report=report)
    conversations_repo.put_state(session, key=_pointer_key(actor), name=FLOW,
                                 state={"report_id": report.id})
    return report, council


def deadline_of(session: Session, *, report_id: int, settings: Settings) -> dt.datetime:
    """When the report is due."""
    report = reports_repo.get_report(session, report_id=report_id)
    council = sessions_repo.get_session(session, session_id=report.session_id)
    return report_deadline(council, settings, settings.tz)


def release(session: Session, *, actor: Actor) -> None:
    """Forget which draft the actor was writing."""
    conversations_repo.drop_state(session, key=_pointer_key(actor))


def resolution_ids(session: Session, *, report: WeeklyReport,
                   answers: Sequence[ReportAnswer] | None = None) -> list[int]:
    """The unit's open resolutions (most urgent first), plus any already answered (`answers`:
    the report's answers, when the caller has them already)."""
    ids = resolutions_repo.ids_of_unit(session, unit_id=report.unit_id,
                                       statuses=[ResolutionStatus.OPEN])
    known = set(ids)
    if answers is None:
        answers = reports_repo.answers_of(session, report_id=report.id)
    for answer in answers:
        if answer.resolution_id is not None and answer.resolution_id not in known:
            ids.append(answer.resolution_id)
            known.add(answer.resolution_id)
    return ids


def question_keys(session: Session, *, report: WeeklyReport) -> tuple[str, ...]:
    """The keys of the report's questions, in order."""
    return questions.keys_of(questions.of_report(session, report=report))


def _advance(session: Session, report: WeeklyReport, step: str) -> WeeklyReport:
    report.current_step = steps.following(
        step, question_keys(session, report=report),
        lambda: resolution_ids(session, report=report))
    return reports_repo.save(session, report=report)


def _answer(session: Session, report: WeeklyReport, question: str,
            resolution_id: int | None) -> ReportAnswer:
    return reports_repo.answer_for(session, report_id=report.id, question=question,
                                   resolution_id=resolution_id) or ReportAnswer(
        report_id=report.id, question=question, resolution_id=resolution_id)


def answer_text(session: Session, *, report: WeeklyReport, text: str) -> WeeklyReport:
    """Save typed text as the answer to the current question (or a resolution's note)."""
    step = report.current_step or steps.PREVIEW
    base = steps.bare(step)
    resolution_id = steps.resolution_of(step)
    if resolution_id is None and not steps.is_question(step):
        raise StaleButton()  # text at a step that takes none (the handler checks first)
    question = steps.PROGRESS if resolution_id else base
    answer = _answer(session, report, question, resolution_id)
    answer.text, answer.skipped = text.strip(), False
    reports_repo.save_answer(session, answer=answer)
    return _advance(session, report, step)


def skip(session: Session, *, report: WeeklyReport) -> WeeklyReport:
    """Skip an optional question, a resolution's status, or the note that follows it."""
    step = report.current_step or steps.PREVIEW
    base = steps.bare(step)
    resolution_id = steps.resolution_of(step)
    if base.startswith("status."):
        answer = _answer(session, report, steps.PROGRESS, resolution_id)
        answer.progress, answer.text, answer.skipped = None, None, True
        reports_repo.save_answer(session, answer=answer)
        if steps.is_editing(step):
            report.current_step = steps.PREVIEW
            return reports_repo.save(session, report=report)
        return _advance(session, report, steps.note_step(resolution_id))
    if base.startswith("note."):
        answer = _answer(session, report, steps.PROGRESS, resolution_id)
        answer.text = None
        reports_repo.save_answer(session, answer=answer)
    elif any(q["key"] == base and q.get("optional")
             for q in questions.of_report(session, report=report)):
        answer = _answer(session, report, base, None)
        answer.text, answer.skipped = None, True
        reports_repo.save_answer(session, answer=answer)
    return _advance(session, report, step)


def choose_progress(
    session: Session, *, report: WeeklyReport, resolution_id: int, progress: Progress
) -> WeeklyReport:
    """Record done / in progress / blocked for the resolution being asked about."""
    step = report.current_step or ""
    if steps.resolution_of(step) != resolution_id or not steps.bare(step).startswith("status."):
        raise MinaError("error.stale_button")
    answer = _answer(session, report, steps.PROGRESS, resolution_id)
    answer.progress, answer.skipped = progress, False
    reports_repo.save_answer(session, answer=answer)
    return _advance(session, report, step)


def add_file(
    session: Session, *, report: WeeklyReport, actor: Actor, file: IncomingFile,
    settings: Settings, now: dt.datetime,
) -> Attachment:
    """Keep a document or photo for the report, if its type and size are acceptable."""
    limit = settings.max_upload_mb * 1024 * 1024
    if file.size is not None and file.size > limit:
        raise FileTooLarge(limit_mb=settings.max_upload_mb,
                           size_mb=f"{file.size / 1024 / 1024:.1f}")
    extension = PurePosixPath(file.file_name or "").suffix.lower().lstrip(".")
    if file.kind == AttachmentKind.DOCUMENT and extension not in ACCEPTED_EXTENSIONS:
        raise FileTypeRefused(accepted="، ".join(ACCEPTED_EXTENSIONS))
    if file.kind == AttachmentKind.DOCUMENT and (
            file.head is None or not content_matches(extension, file.head)):
        raise FileTypeRefused("reports.error.content_mismatch", extension=extension)
    return reports_repo.add_attachment(session, attachment=Attachment(
        report_id=report.id, telegram_file_id=file.file_id, file_unique_id=file.file_unique_id,
        file_name=file.file_name, mime_type=file.mime_type, size=file.size, kind=file.kind,
        uploaded_by_id=actor.member_id, created_at=now,
    ))


def file_count(session: Session, *, report_id: int) -> int:
    """How many files the report has."""
    return len(reports_repo.attachments_of(session, report_id=report_id))


def go_to(session: Session, *, report: WeeklyReport, step: str) -> WeeklyReport:
    """Move to the preview, or to any earlier step to change its answer."""
    if step == steps.PREVIEW:
        report.current_step = steps.PREVIEW
    else:
        plan = steps.plan(question_keys(session, report=report),
                          resolution_ids(session, report=report))
        if steps.bare(step) not in plan[:-1]:
            raise MinaError("error.stale_button")
        report.current_step = steps.editing(steps.bare(step))
    return reports_repo.save(session, report=report)


def discard(session: Session, *, report: WeeklyReport, actor: Actor) -> None:
    """Throw the draft away: a never-submitted report goes, a submitted one is restored."""
    release(session, actor=actor)
    latest = (reports_repo.latest_submission(session, report_id=report.id)
              if report.current_version else None)  # never submitted: nothing to look up
    if latest is None:
        reports_repo.delete_report(session, report_id=report.id)
        return
    content = latest.content
    reports_repo.delete_answers(session, report_id=report.id)
    for question, answer in content.get("answers", {}).items():
        reports_repo.save_answer(session, answer=ReportAnswer(
            report_id=report.id, question=question, text=answer.get("text"),
            skipped=answer.get("skipped", False)))
    for item in content.get("progress", []):
        reports_repo.save_answer(session, answer=ReportAnswer(
            report_id=report.id, question=steps.PROGRESS, resolution_id=item["resolution_id"],
            progress=item.get("progress"), text=item.get("text"),
            skipped=item.get("progress") is None))
    keep = [a["id"] for a in content.get("attachments", [])]
    reports_repo.delete_attachments(session, report_id=report.id, keep=keep)
    report.status, report.current_step = ReportStatus.SUBMITTED, None
    reports_repo.save(session, report=report)
