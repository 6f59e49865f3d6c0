"""The session pack as a board book in an export DTO."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.catalog import label
from mina_bot.export.dto import Pack, Section
from mina_bot.jalali import format_date, format_datetime, format_time
from mina_bot.reports import pack_parts as parts
from mina_bot.reports.pack_attendance import attendance_table
from mina_bot.reports.reading import LATE, MISSING, ON_TIME
from mina_bot.sessions.schedule import report_deadline
from mina_bot.settings import Settings
from mina_bot.workers import worker_runtime
from storage.models import CouncilSession
from storage.repositories import sessions as sessions_repo


def _pack(title: str, cover: list[str], sections: list[Section], stem: str, now: dt.datetime,
          settings: Settings, lang: str) -> Pack:
    return Pack(title=title, cover=tuple(cover),
                generated=label("export.generated", lang,
                                when=format_datetime(now, settings.tz, lang)),
                page_label=label("export.page", lang), sections=tuple(sections),
                file_stem=stem, lang=lang,
                jalali_label=label("export.jalali_column", lang, column="{column}"))


def session_pack(session: Session, *, council: CouncilSession, now: dt.datetime,
                 settings: Settings, lang: str = "fa") -> Pack:
    """Cover, agenda, the previous session's follow-up, a section per committee, the owed
    shares and the compliance: only what this session needs, in a bounded number of queries."""
    tz = settings.tz
    local = council.starts_at.astimezone(tz)
    day = local.date()
    cover = [label("export.council", lang),
             label("export.cover.session", lang, number=council.number),
             format_date(day, lang, "weekday_long"),
             label("export.cover.time", lang, time=format_time(local, lang)),
             label("export.cover.place", lang, place=council.place or settings.session_place)]
    previous = sessions_repo.last_before(session, moment=council.starts_at)
    deadline = report_deadline(council, settings, tz)
    lines = parts.unit_reports(session, council=council, deadline=deadline, now=now,
                               kinds=settings.reporting_unit_kinds)
    attendance = attendance_table(session, council=previous, lang=lang) if previous else None
    counts = {s: sum(1 for x in lines if x.state == s) for s in (ON_TIME, LATE, MISSING)}
    committees = Section(label("export.section.committees", lang), lines=(label(
        "export.committees.summary", lang, deadline=format_datetime(deadline, tz, lang),
        **counts),))
    sections = [
        parts.agenda(session, council=council, day=day, lang=lang),
        *parts.follow_up(session, council=council, previous=previous, attendance=attendance,
                         day=day, tz=tz, lang=lang),
        committees, *(parts.committee(line, tz=tz, lang=lang) for line in lines),
        parts.owed_shares(session, council=council, day=day, lang=lang),
        parts.compliance(lines, deadline=deadline, tz=tz, lang=lang),
    ]
    return _pack(label("export.title.session", lang, number=council.number), cover, sections,
                 f"mina-session-{council.number}", now, settings, lang)


def gathered(settings: Settings, *, council_id: int, now: dt.datetime, lang: str = "fa") -> Pack:
    """The session pack read in a worker process on its own connection (`Workers.run`): its
    tens of queries and the rows they bring never hold the bot's event loop."""
    with worker_runtime(settings).session() as session:
        council = sessions_repo.get_session(session, session_id=council_id)
        return session_pack(session, council=council, now=now, settings=settings, lang=lang)
