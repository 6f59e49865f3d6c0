"""The session pack as a board book (and the quarter's pack) in an export DTO."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from mina_bot.catalog import label, name_in
from mina_bot.export.dto import Pack, Photo, Section, Table
from mina_bot.jalali import format_date, format_datetime, format_time, quarter_bounds
from mina_bot.reports import pack_parts as parts
from mina_bot.reports.pack_attendance import attendance_table, quarter_attendance_section
from mina_bot.reports.reading import LATE, MISSING, ON_TIME
from mina_bot.sessions.schedule import report_deadline
from mina_bot.settings import Settings
from storage.models import CouncilSession
from storage.repositories import packs as packs_repo
from storage.repositories import reports as reports_repo
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


def quarter_pack(session: Session, *, year: int, quarter: int, now: dt.datetime,
                 settings: Settings, lang: str = "fa") -> Pack:
    """The quarter's sessions with their compliance, every report, and the resolutions made."""
    tz = settings.tz
    first, last = quarter_bounds(year, quarter)
    start = dt.datetime.combine(first, dt.time(0), tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
    councils = [c for c in sessions_repo.starting_between(session, start=start, end=end)
                if c.starts_at <= now + dt.timedelta(weeks=1)]
    ids = [c.id for c in councils]
    numbers = {c.id: c.number for c in councils}
    expected = len(reports_repo.reporting_units(session, kinds=settings.reporting_unit_kinds))
    counts = packs_repo.compliance_counts(session, session_ids=ids,
                                          kinds=settings.reporting_unit_kinds)
    held = tuple((c.number, parts.day_cell(c.starts_at.astimezone(tz).date(), lang),
                  *_tally(counts.get(c.id), expected, report_deadline(c, settings, tz) < now))
                 for c in councils)
    reports = []
    for council in councils:  # a query per week of the quarter, whatever the units
        for line in parts.unit_reports(session, council=council, now=now,
                                       deadline=report_deadline(council, settings, tz),
                                       kinds=settings.reporting_unit_kinds):
            answers = ((line.latest.content or {}) if line.latest else {}).get("answers", {})
            reports.append((council.number, name_in(line.unit, lang),
                            label(f"export.report_state.{line.state}", lang),
                            parts.moment_cell(line.report.first_submitted_at
                                              if line.report else None, tz, lang),
                            line.latest.receipt_number if line.latest else "",
                            *((answers.get(q) or {}).get("text") or ""
                              for q in parts.QUESTIONS)))
    day = now.astimezone(tz).date()
    made = tuple(
        (parts.resolution_label(r.number, numbers[r.session_id], lang), r.subject,
         parts.day_cell(r.due_date, lang, r.time_frame), parts.resolution_state(r, day, lang),
         name_in(unit, lang) if unit else "",
         label(f"resolutions.share.{state.value}", lang) if state else "")
        for r, unit, state in packs_repo.of_session_with_shares(session, session_ids=ids))
    none = label("export.none", lang)
    sections = [
        Section(label("export.section.compliance", lang), tables=(Table(
            label("export.sheet.compliance", lang),
            parts.cols(lang, "session", "due") + tuple(
                label(f"export.report_state.{s}", lang) for s in (ON_TIME, LATE, MISSING)),
            held, (8, 14, 10, 10, 10), none),)),
        Section(label("export.section.committees", lang), tables=(Table(
            label("export.sheet.reports", lang),
            parts.cols(lang, "session", "unit", "state", "submitted", "receipt") + tuple(
                label(f"export.question.{q}", lang) for q in parts.QUESTIONS),
            tuple(reports), (7, 22, 10, 15, 14, 30, 28, 28), none),)),
        Section(label("export.sheet.resolutions", lang), tables=(Table(
            label("export.sheet.resolutions", lang),
            parts.cols(lang, "resolution", "subject", "due", "state", "unit", "share_state"),
            made, (14, 52, 12, 14, 24, 16), none, merge=4),)),
        quarter_attendance_section(session, first=first, last=last, tz=tz, lang=lang),
    ]
    cover = [label("export.council", lang),
             label("export.range", lang, first=format_date(first, lang),
                   last=format_date(last, lang))]
    return _pack(label("export.title.quarter", lang, quarter=quarter, year=year), cover,
                 sections, f"mina-quarter-{year}-q{quarter}", now, settings, lang)


def _tally(found: tuple[int, int, int] | None, expected: int, due: bool) -> tuple[int, ...]:
    on_time, late, reporting = found or (0, 0, 0)
    return on_time, late, max(0, expected - reporting) if due else 0


PHOTO_LIMIT = 40  # images embedded in one pack; the rest stay listed with their unit


def photos_wanted(pack: Pack) -> list[str]:
    """The file ids of the images to fetch for the PDF, at most PHOTO_LIMIT."""
    return [p.file_id for s in pack.sections for p in s.photos][:PHOTO_LIMIT]


def with_photos(pack: Pack, fetched: dict[str, bytes]) -> Pack:
    """The pack with the fetched images in place; those not fetched are left out (their
    names are in the files table)."""
    sections = tuple(dataclasses.replace(s, photos=tuple(
        Photo(p.file_id, p.caption, fetched[p.file_id]) for p in s.photos
        if p.file_id in fetched)) for s in pack.sections)
    return dataclasses.replace(pack, sections=sections)
