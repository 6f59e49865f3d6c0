"""The quarterly report as an export DTO: the cover letter, the quarter's figures, two charts,
the attendance and a section per committee summarising its weekly reports in their own words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.catalog import label, name_in
from mina_bot.export.dto import Charted, Pack, Photo, Section, Table, Trend, TrendWeek
from mina_bot.jalali import format_date, format_datetime, quarter_bounds
from mina_bot.persian import shorten
from mina_bot.quarterly import committees
from mina_bot.reports.pack_attendance import quarter_attendance_section
from mina_bot.reports.pack_parts import cols, day_cell
from mina_bot.sessions.schedule import report_deadline
from mina_bot.settings import Settings
from mina_bot.workers import worker_runtime
from storage.models import CouncilSession
from storage.repositories import packs as packs_repo
from storage.repositories import quarterly as quarterly_repo
from storage.repositories import reports as reports_repo
from storage.repositories import sessions as sessions_repo

CHART_UNITS = 15  # units drawn in the completion chart (those with the most shares)
TREND_CHART, COMPLETION_CHART = "chart:trend", "chart:completion"


@dataclass(frozen=True)
class Quarter:
    """What the letter and the document say about one quarter."""

    year: int
    quarter: int
    first: dt.date
    last: dt.date
    councils: tuple[CouncilSession, ...]  # the quarter's sessions, up to next week's
    held: int
    totals: tuple[int, int, int, int]  # resolutions made, done, open, overdue
    rate: int  # reports on time, percent of those due


def quarter_of(session: Session, *, year: int, quarter: int, now: dt.datetime,
               settings: Settings) -> Quarter:
    """The quarter's sessions and headline figures."""
    tz = settings.tz
    first, last = quarter_bounds(year, quarter)
    start = dt.datetime.combine(first, dt.time(0), tzinfo=tz)
    # The coming week's session too: its reports are this quarter's work.
    end = min(dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=tz),
              now + dt.timedelta(weeks=1))
    councils = tuple(sessions_repo.sessions_between(session, start=start, end=end)) \
        if end > start else ()
    held = sum(1 for c in councils if str(c.status) == "held")
    ids = [c.id for c in councils]
    totals = quarterly_repo.resolution_totals(session, session_ids=ids,
                                              day=now.astimezone(tz).date())
    due = [c for c in councils if report_deadline(c, settings, tz) < now]
    units = len(reports_repo.reporting_units(session, kinds=settings.reporting_unit_kinds))
    counts = packs_repo.compliance_counts(session, session_ids=[c.id for c in due],
                                          kinds=settings.reporting_unit_kinds)
    on_time = sum(counts.get(c.id, (0, 0, 0))[0] for c in due)
    rate = round(100 * on_time / (units * len(due))) if units and due else 0
    return Quarter(year, quarter, first, last, councils, held, totals, rate)


def draft_letter(q: Quarter, lang: str) -> str:
    """The secretariat's letter as the bot drafts it, from the quarter's figures."""
    made, done, open_, overdue = q.totals
    return label("quarterly.letter.draft", lang, quarter=q.quarter, year=q.year,
                 sessions=len(q.councils), held=q.held, made=made, done=done, open=open_,
                 overdue=overdue, rate=q.rate)


def build(session: Session, *, q: Quarter, letter: str, now: dt.datetime, settings: Settings,
          lang: str = "fa") -> Charted:
    """The whole document: letter, figures, charts, attendance, committees."""
    tz = settings.tz
    day = now.astimezone(tz).date()
    ids = [c.id for c in q.councils]
    due = [c for c in q.councils if report_deadline(c, settings, tz) < now]
    none = label("export.none", lang)
    letter_lines = (label("quarterly.letter.date", lang, date=format_date(day, lang)),
                    label("quarterly.letter.subject", lang, quarter=q.quarter, year=q.year),
                    "", *letter.splitlines())
    by_unit = quarterly_repo.resolutions_by_unit(session, session_ids=ids, day=day)
    made, done, open_, overdue = q.totals
    summary = Section(label("quarterly.section.figures", lang), lines=(
        label("quarterly.figures.sessions", lang, sessions=len(q.councils), held=q.held),
        label("quarterly.figures.resolutions", lang, made=made, done=done, open=open_,
              overdue=overdue),
        label("quarterly.figures.rate", lang, rate=q.rate)), tables=(
        Table(label("quarterly.sheet.resolutions", lang),
              cols(lang, "unit") + _heads(lang, "made", "done", "open", "overdue"),
              tuple((name_in(u, lang), *n) for u, *n in by_unit), (40, 10, 10, 10, 10), none,
              caption=label("quarterly.caption.resolutions", lang)),
        _compliance(session, due=due, settings=settings, lang=lang),
        _sessions(session, councils=q.councils, due=due, settings=settings, lang=lang)))
    charts = Section(label("quarterly.section.charts", lang), photos=(
        Photo(TREND_CHART, label("quarterly.chart.trend", lang)),
        Photo(COMPLETION_CHART, label("quarterly.chart.completion", lang))))
    sections = [
        Section(label("quarterly.section.letter", lang), lines=letter_lines),
        summary, charts,
        quarter_attendance_section(session, first=q.first, last=min(q.last, day), tz=tz,
                                   lang=lang),
        *committees.sections(session, councils=q.councils, tz=tz, lang=lang),
    ]
    pack = Pack(title=label("quarterly.title", lang, quarter=q.quarter, year=q.year),
                cover=(label("export.council", lang),
                       label("export.range", lang, first=format_date(q.first, lang),
                             last=format_date(q.last, lang)),
                       label("quarterly.cover.to", lang)),
                generated=label("export.generated", lang,
                                when=format_datetime(now, tz, lang)),
                page_label=label("export.page", lang), sections=tuple(sections),
                file_stem=f"mina-quarterly-{q.year}-q{q.quarter}", lang=lang,
                jalali_label=label("export.jalali_column", lang, column="{column}"))
    return Charted(pack, ((TREND_CHART, _trend(session, due=due, settings=settings, lang=lang)),
                          (COMPLETION_CHART, _completion(by_unit, lang))))


def gathered(settings: Settings, *, year: int, quarter: int, now: dt.datetime, lang: str,
             letter: str | None) -> tuple[str, Charted]:
    """The quarter read and laid out on the worker's own connection (`rendering.made` renders
    it there): (the bot's draft of the letter, the document with `letter`, else the stored one,
    else the draft)."""
    with worker_runtime(settings).session() as session:
        q = quarter_of(session, year=year, quarter=quarter, now=now, settings=settings)
        draft = draft_letter(q, lang)
        if letter is None:
            found = quarterly_repo.of_quarter(session, year=year, quarter=quarter)
            letter = found.letter if found else draft
        return draft, build(session, q=q, letter=letter, now=now, settings=settings, lang=lang)


def _heads(lang: str, *names: str) -> tuple[str, ...]:
    return tuple(label(f"quarterly.col.{n}", lang) for n in names)


def _compliance(session: Session, *, due: list[CouncilSession], settings: Settings,
                lang: str) -> Table:
    """Each reporting unit's weeks on time, late and missing over the weeks due."""
    found = quarterly_repo.compliance_by_unit(session, session_ids=[c.id for c in due])
    rows = []
    for unit in reports_repo.reporting_units(session, kinds=settings.reporting_unit_kinds):
        on_time, late = found.get(unit.id, (0, 0))
        rows.append((name_in(unit, lang), len(due), on_time, late,
                     max(0, len(due) - on_time - late)))
    return Table(label("quarterly.sheet.compliance", lang),
                 cols(lang, "unit") + _heads(lang, "weeks", "on_time", "late", "missing"),
                 tuple(rows), (40, 10, 10, 10, 10), label("export.none", lang),
                 caption=label("quarterly.caption.compliance", lang))


def _sessions(session: Session, *, councils: tuple[CouncilSession, ...],
              due: list[CouncilSession], settings: Settings, lang: str) -> Table:
    """The quarter's sessions: date, state, reports on time, late, missing."""
    counts = packs_repo.compliance_counts(session, session_ids=[c.id for c in councils],
                                          kinds=settings.reporting_unit_kinds)
    units = len(reports_repo.reporting_units(session, kinds=settings.reporting_unit_kinds))
    rows = []
    for c in councils:
        on_time, late, sent = counts.get(c.id, (0, 0, 0))
        rows.append((c.number, day_cell(c.starts_at.astimezone(settings.tz).date(), lang),
                     label(f"quarterly.session.{c.status}", lang), on_time, late,
                     max(0, units - sent) if c in due else 0))
    return Table(label("quarterly.sheet.sessions", lang),
                 cols(lang, "session", "due") + _heads(lang, "status", "on_time", "late",
                                                       "missing"),
                 tuple(rows), (8, 14, 12, 10, 10, 10), label("export.none", lang),
                 caption=label("quarterly.caption.sessions", lang))


def _trend(session: Session, *, due: list[CouncilSession], settings: Settings,
           lang: str) -> Trend:
    units = len(reports_repo.reporting_units(session, kinds=settings.reporting_unit_kinds))
    counts = packs_repo.compliance_counts(session, session_ids=[c.id for c in due],
                                          kinds=settings.reporting_unit_kinds)
    weeks = []
    for c in due:
        on_time, late, sent = counts.get(c.id, (0, 0, 0))
        weeks.append(TrendWeek(format_date(c.starts_at.astimezone(settings.tz).date(), lang),
                               on_time, late, max(0, units - sent)))
    return Trend(title=label("quarterly.chart.trend", lang), weeks=tuple(weeks),
                 on_time_label=label("quarterly.col.on_time", lang),
                 late_label=label("quarterly.col.late", lang),
                 missing_label=label("quarterly.col.missing", lang),
                 axis_label=label("quarterly.chart.units", lang), lang=lang)


def _completion(by_unit, lang: str) -> Trend:
    """The units with the most shares: done, open in time, overdue (the trend's three bars)."""
    bars = tuple(TrendWeek(shorten(name_in(u, lang), 24), done, open_ - late, late)
                 for u, _, done, open_, late in by_unit[:CHART_UNITS])
    return Trend(title=label("quarterly.chart.completion", lang), weeks=bars,
                 on_time_label=label("quarterly.col.done", lang),
                 late_label=label("quarterly.col.in_time", lang),
                 missing_label=label("quarterly.col.overdue", lang),
                 axis_label=label("quarterly.chart.shares", lang), lang=lang)
