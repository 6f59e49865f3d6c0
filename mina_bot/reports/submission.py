"""Submitting a report: a numbered receipt, a frozen version, «done» statuses, the copies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.jalali import to_jalali
from mina_bot.permissions import Action, require
from mina_bot.reports import approval, drafts
from mina_bot.reports.content import snapshot
from mina_bot.reports.copies import notify_secretariat_of_submission
from mina_bot.resolutions import lifecycle, shares
from mina_bot.sessions.schedule import report_deadline
from mina_bot.settings import Settings
from storage.models import Progress, ReportStatus, ReportSubmission, Role, WeeklyReport
from storage.repositories import reports as reports_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import shares as shares_repo
from storage.repositories.races import savepoint


@dataclass(frozen=True)
class Receipt:
    """What the unit is told after submitting."""

    report_id: int
    number: str
    version: int
    submitted_at: dt.datetime
    late: bool
    deadline: dt.datetime


# Reports submitted at the same moment (two database threads, or another process) may count
# the same receipts; the later insert then fails on the unique number and counts again.
RECEIPT_ATTEMPTS = 5


def next_receipt_number(session: Session, *, now: dt.datetime, tz: dt.tzinfo) -> str:
    """«R-1400-0007»: the Jalali year of submission and a running number within it."""
    prefix = f"R-{to_jalali(now.astimezone(tz).date()).year}-"
    return f"{prefix}{reports_repo.count_receipts(session, prefix=prefix) + 1:04d}"


def _report_done_statuses(session: Session, *, content: dict, unit_id: int, actor: Actor,
                          now: dt.datetime) -> None:
    """A «done» status is the same action as reporting the unit's share done from /owe."""
    for item in content["progress"]:
        if item.get("progress") != Progress.DONE.value:
            continue
        share = shares_repo.get_share(session, resolution_id=item["resolution_id"],
                                           unit_id=unit_id)
        if share is not None and share.state in shares.OWED:
            lifecycle.report_done(session, resolution_id=share.resolution_id, unit_id=unit_id,
                                  actor=actor, note=item.get("text"), now=now)


@dataclass(frozen=True)
class SentForApproval:
    """The report went to the unit's head, who approves it or sends it back."""

    report_id: int
    heads: int  # how many heads were asked


def submit(
    session: Session, *, report_id: int, actor: Actor, now: dt.datetime, settings: Settings
) -> Receipt | SentForApproval:
    """Freeze the draft as a new version, give it a receipt, and send the copies; or, when the
    unit asks for its head's approval and a secretary sends it, hand it to the head first."""
    report = drafts.load(session, report_id=report_id, actor=actor)
    require(actor, Action.SUBMIT_REPORT, unit_id=report.unit_id)
    council = sessions_repo.get_session(session, session_id=report.session_id)
    if report.status != ReportStatus.DRAFT or council.starts_at <= now:
        raise drafts.ReportClosed()  # e.g. a forged press naming an earlier week's report
    if report.last_submitted_at is not None:  # a clock stepped back: never before the last
        now = max(now, report.last_submitted_at)
    drafts.release(session, actor=actor)
    if approval.needs_head(session, report=report, actor=actor):
        heads = approval.ask_heads(session, report=report, actor=actor, now=now,
                                   settings=settings)
        return SentForApproval(report_id=report.id, heads=heads)
    receipt, _ = finalise(session, report=report, actor=actor, submitter_id=actor.member_id,
                          at=now, now=now, settings=settings)
    if Role.HEAD not in actor.roles_in(report.unit_id):
        approval.copy_to_heads(session, report=report, receipt=receipt, now=now,
                               settings=settings)
    return receipt


def finalise(
    session: Session, *, report: WeeklyReport, actor: Actor, submitter_id: int,
    at: dt.datetime, now: dt.datetime, settings: Settings, approved_by_id: int | None = None,
) -> tuple[Receipt, ReportSubmission]:
    """The new version, sent at `at` by `submitter_id`: its receipt, the resolutions it
    reports done (as `actor`), the secretariat's copies."""
    council = sessions_repo.get_session(session, session_id=report.session_id)
    deadline = report_deadline(council, settings, settings.tz)
    late = at > deadline
    version = report.current_version + 1
    frozen = snapshot(session, report=report)
    for attempt in range(RECEIPT_ATTEMPTS):
        number = next_receipt_number(session, now=at, tz=settings.tz)
        content = frozen | {"receipt": number, "version": version,
                            "submitted_at": at.isoformat(), "late": late}
        try:
            with savepoint(session):  # another report took this number: count again
                submission = reports_repo.add_submission(session, submission=ReportSubmission(
                    report_id=report.id, version=version, receipt_number=number,
                    submitted_by_id=submitter_id, submitted_at=at, late=late,
                    approved_by_id=approved_by_id, content=content))
            break
        except IntegrityError:
            if attempt == RECEIPT_ATTEMPTS - 1:
                raise
    if report.first_submitted_at is None:
        report.first_submitted_at, report.late = at, late
    report.status, report.current_step = ReportStatus.SUBMITTED, None
    report.awaiting_since = report.awaiting_by_id = None
    report.current_version, report.last_submitted_at = version, at
    reports_repo.save(session, report=report)
    _report_done_statuses(session, content=content, unit_id=report.unit_id, actor=actor, now=now)
    notify_secretariat_of_submission(session, submission=submission, settings=settings, now=now)
    return Receipt(report_id=report.id, number=number, version=version, submitted_at=at,
                   late=late, deadline=deadline), submission
