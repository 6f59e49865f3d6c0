"""The parts of the session pack, each from a bounded number of queries: the agenda, the
previous session's follow-up, a section per committee, the owed shares, the compliance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.catalog import join, label, name_in
from mina_bot.export.dto import Cell, Section, Table, When
from mina_bot.jalali import format_date, format_datetime
from mina_bot.reports import pack_files, questions
from mina_bot.reports.reading import LATE, MISSING, ON_TIME, PENDING
from mina_bot.resolutions.lifecycle import is_overdue
from mina_bot.sessions.review import LIMIT, owed
from storage.models import (
    AgendaKind,
    CouncilSession,
    ReportSubmission,
    Resolution,
    ResolutionStatus,
    Unit,
    WeeklyReport,
)
from storage.repositories import packs as packs_repo
from storage.repositories import reports as reports_repo

OWED_LIMIT = 300  # resolutions listed share by share; the rest are counted per unit


def cols(lang: str, *names: str) -> tuple[str, ...]:
    """Column headers from the catalog."""
    return tuple(label(f"export.col.{n}", lang) for n in names)


def day_cell(day: dt.date | None, lang: str, fallback: str = "") -> Cell:
    """A date cell (Jalali text), or the fallback text («یک هفته», «-»)."""
    return When(day, format_date(day, lang)) if day else fallback


def moment_cell(moment: dt.datetime | None, tz: dt.tzinfo, lang: str) -> Cell:
    """A moment cell in local time."""
    if moment is None:
        return ""
    return When(moment.astimezone(tz).replace(tzinfo=None), format_datetime(moment, tz, lang))


def resolution_label(number: int, session_number: int, lang: str) -> str:
    """«مصوبه ۳ جلسه ۱»."""
    return label("export.resolution", lang, number=number, session=session_number)


def resolution_state(resolution: Resolution, day: dt.date, lang: str) -> str:
    """In time, overdue, reported, confirmed or cancelled."""
    if resolution.status == ResolutionStatus.OPEN:
        return label("export.state.overdue" if is_overdue(resolution, day)
                     else "export.state.due", lang)
    return label(f"export.state.{resolution.status.value}", lang)


def agenda(session: Session, *, council: CouncilSession, day: dt.date, lang: str) -> Section:
    """The agenda with each item's presenting unit; the review item names the units owing."""
    items = packs_repo.agenda_with_units(session, session_id=council.id)
    review = ""
    if any(i.kind == AgendaKind.REVIEW and not i.title for i, _ in items):
        found = owed(session, today=day)
        lines = [label("sessions.review.header", lang, open=len(found),
                       overdue=sum(o.overdue for o in found))]
        lines += [label("export.review.line", lang, number=o.number, session=o.session_number,
                        late=label("sessions.review.late", lang) if o.overdue else "",
                        units=join((name_in(u, lang) for u in o.units), lang) or "-")
                  for o in found[:LIMIT]]
        if len(found) > LIMIT:
            lines.append(label("sessions.review.more", lang, count=len(found) - LIMIT).strip())
        review = "\n".join(lines)
    rows = tuple((item.position, review if item.kind == AgendaKind.REVIEW and not item.title
                  else item.title, name_in(unit, lang) if unit else "",
                  label(f"export.agenda.{item.kind.value}", lang)) for item, unit in items)
    table = Table(label("export.sheet.agenda", lang), cols(lang, "position", "item",
                                                           "presenter", "kind"),
                  rows, (6, 70, 26, 14), label("export.none", lang))
    return Section(label("export.section.agenda", lang), tables=(table,))


def follow_up(session: Session, *, council: CouncilSession, previous: CouncilSession | None,
              attendance: Table | None, day: dt.date, tz: dt.tzinfo, lang: str
              ) -> list[Section]:
    """The previous session: its attendance (when recorded) and its resolutions, share by
    share."""
    if previous is None:
        return [Section(label("export.section.follow_up", lang, number=council.number - 1),
                        lines=(label("export.section.no_previous", lang),))]
    when = format_date(previous.starts_at.astimezone(tz).date(), lang, "weekday_long")
    head = Section(label("export.section.previous", lang, number=previous.number, date=when))
    seen = Section(label("export.section.attendance", lang, number=previous.number),
                   lines=() if attendance else (label("export.attendance.none", lang),),
                   tables=(attendance,) if attendance else (), level=1)
    rows = tuple(
        (resolution_label(r.number, previous.number, lang), r.subject,
         day_cell(r.due_date, lang, r.time_frame), resolution_state(r, day, lang),
         name_in(unit, lang) if unit else "",
         label(f"resolutions.share.{state.value}", lang) if state else "")
        for r, unit, state in packs_repo.of_session_with_shares(session,
                                                                session_ids=[previous.id]))
    table = Table(label("export.sheet.follow_up", lang),
                  cols(lang, "resolution", "subject", "due", "state", "unit", "share_state"),
                  rows, (14, 52, 12, 14, 24, 16), label("export.none", lang), merge=4)
    return [head, seen, Section(label("export.section.follow_up", lang, number=previous.number),
                                tables=(table,), level=1)]


@dataclass(frozen=True)
class UnitReport:
    """A reporting unit's line this week, with the version that counts."""

    unit: Unit
    state: str
    report: WeeklyReport | None
    latest: ReportSubmission | None


def unit_reports(session: Session, *, council: CouncilSession, deadline: dt.datetime,
                 now: dt.datetime, kinds: tuple[str, ...]) -> list[UnitReport]:
    """Every reporting unit (and any other that reported): on time, late, missing, pending."""
    found = {u.id: (r, s, u) for r, s, u in packs_repo.reports_with_latest(
        session, session_ids=[council.id])}
    units = list(reports_repo.reporting_units(session, kinds=kinds))
    units += [u for _, _, u in found.values() if u.id not in {x.id for x in units}]
    lines = []
    for unit in units:
        report, latest, _ = found.get(unit.id, (None, None, unit))
        if report is not None and report.current_version > 0:
            lines.append(UnitReport(unit, LATE if report.late else ON_TIME, report, latest))
        else:
            lines.append(UnitReport(unit, MISSING if now > deadline else PENDING, None, None))
    return lines


def committee(line: UnitReport, *, tz: dt.tzinfo, lang: str) -> Section:
    """One unit's weekly report: its state, answers, resolution statuses and files."""
    name = name_in(line.unit, lang)
    group = {"group": name, "group_column": label("export.col.unit", lang)}
    report, latest = line.report, line.latest
    head = Table(label("export.sheet.reports", lang),
                 cols(lang, "state", "submitted", "receipt", "version"),
                 ((label(f"export.report_state.{line.state}", lang),
                   moment_cell(report.first_submitted_at if report else None, tz, lang),
                   latest.receipt_number if latest else "", report.current_version if report
                   else 0),), (16, 22, 22, 8), inline=True, **group)
    if latest is None:
        return Section(name, lines=(label("export.committee.missing", lang),), tables=(head,),
                       level=1)
    content = latest.content or {}
    attachments = pack_files.attached_of(content, lang)
    answers = content.get("answers", {})
    rows = []
    for question in questions.of_content(content):  # as asked that week
        answer = answers.get(question["key"]) or {}
        rows.append((questions.label(question, lang), answer.get("text") or (
            label("export.answer.skipped", lang) if answer.get("skipped") else "")))
    progress = tuple(
        (resolution_label(p["number"], p["session_number"], lang), p.get("subject", ""),
         label(f"export.progress.{p.get('progress') or 'none'}", lang), p.get("text") or "")
        for p in content.get("progress", []))
    tables = (head,
              Table(label("export.sheet.answers", lang), cols(lang, "question", "answer"),
                    tuple(rows), (22, 90), caption=label("export.caption.answers", lang),
                    **group),
              Table(label("export.sheet.progress", lang),
                    cols(lang, "resolution", "subject", "state", "note"), progress,
                    (16, 50, 14, 32), label("export.none", lang),
                    caption=label("export.caption.progress", lang), **group),
              pack_files.files_table(attachments, lang, {}, **group))
    return Section(name, tables=tables, level=1, attachments=attachments)


def owed_shares(session: Session, *, council: CouncilSession, day: dt.date, lang: str
                ) -> Section:
    """The resolutions due by the session with a share owed, each share's unit and state;
    the units owing, counted."""
    count = packs_repo.count_due_with_owed(session, day=day, session_id=council.id)
    shares = packs_repo.due_with_owed(session, day=day, session_id=council.id,
                                      limit=OWED_LIMIT)
    rows = tuple((resolution_label(r.number, number, lang), r.subject,
                  day_cell(r.due_date, lang, r.time_frame), name_in(unit, lang),
                  label(f"resolutions.share.{state.value}", lang))
                 for r, number, unit, state in shares)
    by_unit = tuple((name_in(u, lang), n, late)
                    for u, n, late in packs_repo.owed_by_unit(session, day=day))
    lines = [label("export.owed.summary", lang, count=count)]
    if count > OWED_LIMIT:
        lines.append(label("export.owed.capped", lang, shown=OWED_LIMIT))
    tables = (Table(label("export.sheet.owed_units", lang), cols(lang, "unit", "owed", "overdue"),
                    by_unit, (50, 14, 14), label("export.none", lang),
                    caption=label("export.caption.owed_units", lang)),
              Table(label("export.sheet.owed", lang),
                    cols(lang, "resolution", "subject", "due", "unit", "share_state"), rows,
                    (14, 56, 12, 26, 18), label("export.none", lang),
                    caption=label("export.caption.owed", lang), merge=3))
    return Section(label("export.section.owed", lang), lines=tuple(lines), tables=tables)


def compliance(lines: list[UnitReport], *, deadline: dt.datetime, tz: dt.tzinfo,
               lang: str) -> Section:
    """On time, late, missing (and not yet due): how many, and which units."""
    rows = []
    for state in (ON_TIME, LATE, MISSING, PENDING):
        names = [name_in(x.unit, lang) for x in lines if x.state == state]
        if names or state != PENDING:
            rows.append((label(f"export.report_state.{state}", lang), len(names),
                         join(names, lang)))
    table = Table(label("export.sheet.compliance", lang), cols(lang, "state", "count", "units"),
                  tuple(rows), (16, 10, 90))
    when = label("export.committees.summary", lang,
                 deadline=format_datetime(deadline, tz, lang),
                 **{s: sum(1 for x in lines if x.state == s) for s in (ON_TIME, LATE, MISSING)})
    return Section(label("export.section.compliance", lang), lines=(when,), tables=(table,))
