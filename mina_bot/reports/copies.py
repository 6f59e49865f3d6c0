"""The secretariat's copy of every submitted report (resolution 3), through the outbox."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.callbacks import encode
from mina_bot.catalog import text
from mina_bot.delivery.outbox import enqueue
from mina_bot.reports.changes import change_message
from mina_bot.reports.render import report_html
from mina_bot.settings import Settings
from storage.models import ReportSubmission
from storage.repositories import reports as reports_repo

KIND = "report_copy"


def notify_secretariat_of_submission(
    session: Session, *, submission: ReportSubmission, settings: Settings, now: dt.datetime
) -> list[int]:
    """Queue one formatted copy per secretariat member, once per submitted version."""
    queued = []
    previous = None
    if submission.version > 1:
        previous = reports_repo.submission_version(session, report_id=submission.report_id,
                                                   version=submission.version - 1)
    for member in reports_repo.secretariat_members(session):
        lang = member.language.value
        heading = text("reports.copy.heading", lang, receipt=submission.receipt_number)
        if previous is None:
            body = heading + "\n\n" + report_html(submission.content, lang, settings.tz)
        else:  # what changed, not the whole report again; the button opens it all
            # the report's heading, session and receipt lines
            title = report_html(submission.content, lang, settings.tz).split("\n", 3)[:3]
            body = "\n".join([heading, "", *title, "", change_message(
                previous.content, submission.content, submission.version, lang)])
        button = (text("reports.button.open", lang), encode("rpt", "open", submission.report_id))
        row_id = enqueue(session, kind=KIND, subject=f"report-{submission.report_id}",
                         period=f"v{submission.version}", now=now, text=body, member=member,
                         buttons=[[button]])
        if row_id is not None:
            queued.append(row_id)
    return queued
