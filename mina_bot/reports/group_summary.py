"""The weekly compliance summary posted to linked groups and channels, through the outbox.

At the secretariat's weekly digest moment (digest_weekday, digest_time; later in the day if
that falls in quiet hours or on a day off), the council's groups get every reporting unit on
time, late or missing for the coming session; a unit's group gets its own unit's line and the
counts. Units only: nothing about a person, and no buttons (a group never reads a report).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.catalog import Safe, name_in, text
from mina_bot.delivery.outbox import enqueue_rows, outbox_row
from mina_bot.jalali import format_date, format_datetime
from mina_bot.pages import fit
from mina_bot.reminders.planner import DIGEST_USEFUL, digest_moments
from mina_bot.reminders.snapshot import holidays_around
from mina_bot.reminders.window import SendingWindow
from mina_bot.reports.reading import LATE, MISSING, ON_TIME, PENDING, Compliance, compliance
from mina_bot.settings import Settings
from storage.models import LinkedChat, SessionStatus
from storage.repositories import linked_chats as links_repo
from storage.repositories import sessions as sessions_repo

KIND = "compliance.group"
ORDER = (MISSING, LATE, PENDING, ON_TIME)


def enqueue_group_summaries(session: Session, *, now: dt.datetime, settings: Settings) -> int:
    """Enqueue this week's summary to every confirmed link once (dedupe keys); how many new."""
    links = links_repo.confirmed(session)
    if not links or not SendingWindow.from_settings(
            settings, holidays_around(session, now, settings)).allows(now):
        return 0
    new = 0
    for week, moment in digest_moments(now, settings):
        if not moment <= now < moment + DIGEST_USEFUL:
            continue
        council = next((s for s in sessions_repo.starting_between(
            session, start=moment, end=moment + dt.timedelta(days=8))
            if s.status == SessionStatus.PLANNED), None)
        if council is None:
            continue
        table = compliance(session, council=council, now=now, settings=settings)
        rows = [outbox_row(kind=KIND, subject=f"session:{council.id}",
                           period=f"week:{week.start.isoformat()}", now=now,
                           chat_id=link.chat_id,
                           text=summary_text(table, link, settings.language, settings.tz))
                for link in links]
        new += len(enqueue_rows(session, [r for r in rows if r is not None]))
    return new


def summary_text(table: Compliance, link: LinkedChat, lang: str, tz: dt.tzinfo) -> str:
    """The counts, then the council's groups every unit (missing first, cut with «and N more»
    past Telegram's length), a unit's group its own unit."""
    day = table.council.starts_at.astimezone(tz).date()
    counts = {s: sum(1 for x in table.lines if x.state == s) for s in (ON_TIME, LATE, MISSING)}
    lines = [text("reports.compliance.heading", lang, number=table.council.number,
                  date=format_date(day, lang, "weekday_long"),
                  deadline=format_datetime(table.deadline, tz, lang)),
             text("reports.compliance.summary", lang, **counts), ""]
    for line in sorted(table.lines, key=lambda x: ORDER.index(x.state)):
        if link.council or line.unit.id == link.unit_id:
            when = format_datetime(line.submitted_at, tz, lang) if line.submitted_at else ""
            lines.append(text("reports.compliance.line", lang,
                              state=Safe(text(f"reports.state.{line.state}", lang)),
                              unit=name_in(line.unit, lang), when=when))
    return fit(lines, lang)
