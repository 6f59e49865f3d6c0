"""Reading reports: who may read what, the weekly compliance table and the trend."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, NotFound, StaleButton
from mina_bot.jalali import JalaliDateError, parse_date
from mina_bot.permissions import Action, require
from mina_bot.persian import to_latin_digits
from mina_bot.sessions.schedule import ensure_next_session, report_deadline, session_for_week
from mina_bot.settings import Settings
from storage.models import CouncilSession, ReportStatus, ReportSubmission, Unit, WeeklyReport
from storage.repositories import packs as packs_repo
from storage.repositories import reports as reports_repo
from storage.repositories import sessions as sessions_repo

ON_TIME, LATE, MISSING, PENDING = "on_time", "late", "missing", "pending"
AWAITING = "awaiting"  # sent by the secretary, waiting for the head's approval


class UnknownWeek(MinaError):
    """`/reports <week>` named neither a session number nor a date."""

    text_key = "reports.error.unknown_week"


@dataclass(frozen=True)
class UnitCompliance:
    """One unit's line in the compliance table."""

    unit: Any  # its id, name_fa and name_en
    state: str
    report_id: int | None
    submitted_at: dt.datetime | None
    version: int


@dataclass(frozen=True)
class Compliance:
    """Every reporting unit's state for one session."""

    council: CouncilSession
    deadline: dt.datetime
    lines: tuple[UnitCompliance, ...]


def readable_report(
    session: Session, *, report_id: int, actor: Actor
) -> tuple[WeeklyReport, ReportSubmission]:
    """A submitted report the actor may read (their own unit's, or any for the secretariat)."""
    report = reports_repo.get_report(session, report_id=report_id)
    if report is None:
        raise NotFound()
    require(actor, Action.VIEW_UNIT_REPORTS, unit_id=report.unit_id)
    latest = reports_repo.latest_submission(session, report_id=report.id)
    if latest is None:
        raise NotFound()
    return report, latest


def readable_version(
    session: Session, *, report_id: int, version: int, actor: Actor
) -> tuple[ReportSubmission, int]:
    """One earlier (or the latest) version of a report the actor may read, and how many
    versions there are."""
    _, latest = readable_report(session, report_id=report_id, actor=actor)
    found = reports_repo.submission_version(session, report_id=report_id, version=version)
    if found is None:
        raise StaleButton()
    return found, latest.version


def history(session: Session, *, report_id: int) -> list[ReportSubmission]:
    """Every version of a report, oldest first."""
    return list(reports_repo.submissions_of(session, report_id=report_id))


def own_reports(session: Session, *, actor: Actor) -> list[tuple[WeeklyReport, Any, Unit]]:
    """The latest submitted reports of the actor's units."""
    require(actor, Action.VIEW_UNIT_REPORTS)
    unit_ids = {m.unit_id for m in actor.memberships}
    return list(reports_repo.submitted_of_units(session, unit_ids=unit_ids))


MAX_NUMBER_DIGITS = 9  # a session number fits an INTEGER column; Python refuses 4,300+ digits


def session_named(
    session: Session, *, words: str, now: dt.datetime, settings: Settings
) -> CouncilSession:
    """The session a command argument names: none (the coming one), a number, or a date."""
    words = words.strip()
    if not words:
        return ensure_next_session(session, now=now, settings=settings)
    if to_latin_digits(words).isdigit():
        number = to_latin_digits(words).lstrip("0")
        found = sessions_repo.get_by_number(session, number=int(number or "0")) \
            if len(number) <= MAX_NUMBER_DIGITS else None  # a longer one names no session
        if found is None:
            raise UnknownWeek(words=words)
        return found
    try:
        day = parse_date(words, now.astimezone(settings.tz).date())
    except JalaliDateError:
        raise UnknownWeek(words=words) from None
    return session_for_week(session, day=day, settings=settings)


def compliance(
    session: Session, *, council: CouncilSession, now: dt.datetime, settings: Settings
) -> Compliance:
    """Every committee (and any unit that reported): on time, late, missing or not yet due."""
    deadline = report_deadline(council, settings, settings.tz)
    reports = {r.unit_id: r for r in reports_repo.report_states(session, session_id=council.id)}
    units = reports_repo.compliance_units(session, session_id=council.id,
                                          kinds=settings.reporting_unit_kinds)
    lines = []
    for unit in units:
        report = reports.get(unit.id)
        if report is not None and report.current_version > 0:
            state = LATE if report.late else ON_TIME
            lines.append(UnitCompliance(unit, state, report.id, report.first_submitted_at,
                                        report.current_version))
        elif report is not None and report.status == ReportStatus.AWAITING_APPROVAL:
            lines.append(UnitCompliance(unit, AWAITING, None, report.awaiting_since, 0))
        else:
            lines.append(UnitCompliance(unit, MISSING if now > deadline else PENDING,
                                        None, None, 0))
    return Compliance(council=council, deadline=deadline, lines=tuple(lines))


def recent_sessions(session: Session, *, council: CouncilSession, weeks: int
                    ) -> list[CouncilSession]:
    """This session and those of the `weeks - 1` weeks before it, oldest first."""
    start = council.starts_at - dt.timedelta(weeks=weeks, days=-1)
    return list(sessions_repo.starting_between(
        session, start=start, end=council.starts_at + dt.timedelta(seconds=1)))


@dataclass(frozen=True)
class WeekCounts:
    """How many units reported on time, late, or not at all (once due) for one session."""

    council: CouncilSession
    on_time: int
    late: int
    missing: int


def trend(
    session: Session, *, council: CouncilSession, weeks: int, now: dt.datetime,
    settings: Settings,
) -> list[WeekCounts]:
    """The counts of each of the last `weeks` sessions, oldest first: one grouped query over
    the reports, whatever the number of units and weeks."""
    councils = recent_sessions(session, council=council, weeks=weeks)
    kinds = settings.reporting_unit_kinds
    expected = len(reports_repo.reporting_units(session, kinds=kinds))
    counts = packs_repo.compliance_counts(session, session_ids=[c.id for c in councils],
                                          kinds=kinds)
    series = []
    for c in councils:
        on_time, late, reporting = counts.get(c.id, (0, 0, 0))
        due = now > report_deadline(c, settings, settings.tz)
        series.append(WeekCounts(c, on_time, late, max(0, expected - reporting) if due else 0))
    return series


def council_by_id(session: Session, *, session_id: int) -> CouncilSession:
    """The session a button names (StaleButton when it names none)."""
    council = sessions_repo.get_session(session, session_id=session_id)
    if council is None:
        raise StaleButton()
    return council


def trend_to(
    session: Session, *, session_id: int, weeks: int, now: dt.datetime, settings: Settings,
) -> list[WeekCounts]:
    """The trend up to the session a button names (StaleButton when it names none)."""
    council = council_by_id(session, session_id=session_id)
    return trend(session, council=council, weeks=weeks, now=now, settings=settings)
