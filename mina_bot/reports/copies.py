"""The secretariat's copy of every submitted report (resolution 3), through the outbox.

The delivery outbox's own enqueue API (issue 6) had not landed when this was written, so the
rows are written here directly, with the dedupe key report_copy|<member>|<report>|v<version>.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.callbacks import encode
from mina_bot.catalog import text
from mina_bot.reports.render import report_html
from mina_bot.settings import Settings
from storage.models import OutboxMessage, ReportSubmission
from storage.repositories import reports as reports_repo

KIND = "report_copy"


def notify_secretariat_of_submission(
    session: Session, *, submission: ReportSubmission, settings: Settings, now: dt.datetime
) -> list[OutboxMessage]:
    """Queue one formatted copy per secretariat member (never twice for one version)."""
    queued = []
    for member in reports_repo.secretariat_members(session):
        lang = member.language.value
        heading = text("reports.copy.heading", lang, receipt=submission.receipt_number)
        body = heading + "\n\n" + report_html(submission.content, lang, settings.tz)
        button = {"text": text("reports.button.open", lang),
                  "callback_data": encode("rpt", "open", submission.report_id)}
        message = OutboxMessage(
            dedupe_key=f"{KIND}|{member.id}|{submission.report_id}|v{submission.version}",
            kind=KIND, chat_id=member.telegram_id, member_id=member.id,
            payload={"text": body, "parse_mode": "HTML", "buttons": [[button]]},
            not_before=now,
        )
        if reports_repo.enqueue_copy(session, message=message):
            queued.append(message)
    return queued
