"""The head decides on a report held for approval: approve it (it goes to the secretariat with
the secretary's sending time) or send it back with a reason. Rights are checked at each step."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, NotFound, PermissionDenied, StaleButton
from mina_bot.permissions import Action, require
from mina_bot.persian import shorten
from mina_bot.reports import approval, steps
from mina_bot.reports.drafts import ReportClosed
from mina_bot.reports.submission import Receipt, finalise
from mina_bot.settings import Settings
from storage.models import ReportStatus, WeeklyReport
from storage.repositories import reports as reports_repo
from storage.repositories import sessions as sessions_repo

REASON_LIMIT = 1000  # characters of a send-back reason


class ReasonTooLong(MinaError):
    """A send-back reason over REASON_LIMIT characters."""

    text_key = "reports.approval.reason_too_long"


def held(session: Session, *, report_id: int, stamp: int, actor: Actor,
         now: dt.datetime) -> WeeklyReport:
    """The report a head's button names, still waiting on that very sending, which this actor
    may decide on: the unit's head, not the one who sent it, before the session begins."""
    report = reports_repo.get_report(session, report_id=report_id)
    if report is None:
        raise NotFound()
    require(actor, Action.APPROVE_REPORT, unit_id=report.unit_id)
    if report.status != ReportStatus.AWAITING_APPROVAL or approval.stamp_of(report) != stamp:
        raise StaleButton()  # decided already, or a button of an earlier sending
    if report.awaiting_by_id == actor.member_id:
        raise PermissionDenied(action=Action.APPROVE_REPORT.value, unit_id=report.unit_id)
    council = sessions_repo.get_session(session, session_id=report.session_id)
    if council.starts_at <= now:
        raise ReportClosed()
    return report


def approve(session: Session, *, report_id: int, stamp: int, actor: Actor, now: dt.datetime,
            settings: Settings) -> Receipt:
    """Send the held report on, as sent by the secretary at the moment they pressed «ارسال»."""
    report = held(session, report_id=report_id, stamp=stamp, actor=actor, now=now)
    sender = report.awaiting_by_id
    receipt, _ = finalise(session, report=report, actor=actor, submitter_id=sender,
                          at=report.awaiting_since, now=now, settings=settings,
                          approved_by_id=actor.member_id)
    approval.tell_sender(session, report=report, member_id=sender,
                         key="reports.approval.approved", period=f"v{receipt.version}", now=now,
                         number=receipt.number, version=receipt.version)
    return receipt


def send_back(session: Session, *, report_id: int, stamp: int, actor: Actor, reason: str,
              now: dt.datetime) -> WeeklyReport:
    """Return the held report to its unit as a draft, with the head's reason."""
    reason = reason.strip()
    if len(reason) > REASON_LIMIT:
        raise ReasonTooLong(limit=REASON_LIMIT, length=len(reason))
    report = held(session, report_id=report_id, stamp=stamp, actor=actor, now=now)
    sender = report.awaiting_by_id
    report.status, report.current_step = ReportStatus.DRAFT, steps.PREVIEW
    report.awaiting_since = report.awaiting_by_id = None
    reports_repo.save(session, report=report)
    approval.tell_sender(session, report=report, member_id=sender,
                         key="reports.approval.sent_back", period=f"b{stamp}", now=now,
                         head=actor.name or "", reason=shorten(reason, REASON_LIMIT))
    return report
