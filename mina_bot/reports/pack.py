"""The session (or quarter) pack as an export DTO: reports, resolutions and the agenda."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.catalog import join, name_in, text
from mina_bot.export.dto import Pack, Table
from mina_bot.jalali import format_date, format_datetime, quarter_bounds
from mina_bot.reports.reading import compliance
from mina_bot.reports.render import progress_label
from mina_bot.resolutions.lifecycle import is_overdue
from mina_bot.settings import Settings
from storage.models import CouncilSession, ResolutionStatus
from storage.repositories import reports as reports_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo


def _columns(prefix: str, names: str, lang: str) -> tuple[str, ...]:
    return tuple(text(f"export.col.{prefix}.{n}", lang) for n in names.split())


def _reports_table(session: Session, councils: list[CouncilSession], now: dt.datetime,
                   settings: Settings, lang: str) -> Table:
    tz, rows = settings.tz, []
    for council in councils:
        for line in compliance(session, council=council, now=now, settings=settings).lines:
            latest = line.report_id and reports_repo.latest_submission(
                session, report_id=line.report_id)
            content = latest.content if latest else {}
            answers = content.get("answers", {})
            progress = "\n".join(
                f"{item['session_number']}/{item['number']}: "
                f"{progress_label(item.get('progress'), lang)}"
                + (f" — {item['text']}" if item.get("text") else "")
                for item in content.get("progress", []))
            rows.append((
                council.number, name_in(line.unit, lang),
                text(f"export.report_state.{line.state}", lang),
                format_datetime(line.submitted_at, tz, lang) if line.submitted_at else "",
                latest.receipt_number if latest else "",
                *((answers.get(q) or {}).get("text") or "" for q in ("done", "planned",
                                                                       "problems")),
                progress, len(content.get("attachments", [])),
            ))
    return Table(text("export.part.reports", lang),
                 _columns("reports", "session unit state submitted receipt done planned "
                          "problems progress files", lang), tuple(rows),
                 (8, 22, 11, 16, 17, 28, 25, 25, 26, 8), text("export.none", lang))


def _resolution_state(resolution, today: dt.date, lang: str) -> str:
    if resolution.status == ResolutionStatus.OPEN:
        return text("export.state.overdue" if is_overdue(resolution, today)
                    else "export.state.due", lang)
    return text(f"export.state.{resolution.status.value}", lang)


def _resolutions_table(session: Session, session_ids: list[int] | None, today: dt.date,
                       lang: str) -> Table:
    rows = []
    for resolution, council in resolutions_repo.search(session):
        if session_ids is not None and council.id not in session_ids:
            continue
        if resolution.status == ResolutionStatus.CANCELLED:
            continue
        units = resolutions_repo.units_of(session, resolution_id=resolution.id)
        rows.append((
            council.number, resolution.number, resolution.subject,
            join((name_in(u, lang) for u in units), lang),
            format_date(resolution.due_date, lang) if resolution.due_date else
            resolution.time_frame, _resolution_state(resolution, today, lang)))
    return Table(text("export.part.resolutions", lang),
                 _columns("resolutions", "session number subject units due state", lang),
                 tuple(rows), (8, 8, 60, 30, 14, 16), text("export.none", lang))


def _agenda_table(session: Session, councils: list[CouncilSession], lang: str) -> Table:
    rows = [(council.number, item.position, item.title,
             text(f"export.agenda.{item.kind.value}", lang))
            for council in councils
            for item in sessions_repo.agenda_of(session, session_id=council.id)]
    return Table(text("export.part.agenda", lang),
                 _columns("agenda", "session position title kind", lang),
                 tuple(rows), (8, 8, 80, 16), text("export.none", lang))


def _pack(session: Session, councils: list[CouncilSession], session_ids: list[int] | None,
          title: str, subtitle: str, stem: str, now: dt.datetime, settings: Settings,
          lang: str) -> Pack:
    today = now.astimezone(settings.tz).date()
    return Pack(
        title=title, subtitle=subtitle,
        generated=text("export.generated", lang,
                       when=format_datetime(now, settings.tz, lang)),
        page_label=text("export.page", lang),
        tables=(_reports_table(session, councils, now, settings, lang),
                _resolutions_table(session, session_ids, today, lang),
                _agenda_table(session, councils, lang)),
        file_stem=stem, lang=lang)


def session_pack(session: Session, *, council: CouncilSession, now: dt.datetime,
                 settings: Settings, lang: str = "fa") -> Pack:
    """Every report for the session, every resolution not cancelled, and the agenda."""
    day = council.starts_at.astimezone(settings.tz).date()
    return _pack(session, [council], None,
                 text("export.title.session", lang, number=council.number),
                 format_date(day, lang, "weekday_long"), f"mina-session-{council.number}",
                 now, settings, lang)


def quarter_pack(session: Session, *, year: int, quarter: int, now: dt.datetime,
                 settings: Settings, lang: str = "fa") -> Pack:
    """The same over every session of a Jalali quarter."""
    first, last = quarter_bounds(year, quarter)
    start = dt.datetime.combine(first, dt.time(0), tzinfo=settings.tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=settings.tz)
    councils = list(sessions_repo.starting_between(session, start=start, end=end))
    councils = [c for c in councils if c.starts_at <= now + dt.timedelta(weeks=1)]
    return _pack(session, councils, [c.id for c in councils],
                 text("export.title.quarter", lang, quarter=quarter, year=year),
                 text("export.range", lang, first=format_date(first, lang),
                      last=format_date(last, lang)),
                 f"mina-quarter-{year}-q{quarter}", now, settings, lang)
