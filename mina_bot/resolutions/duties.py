"""What a member owes: the open resolutions of their units, most urgent first, a page at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor, Role
from storage.models import CouncilSession, Resolution, ResolutionStatus
from storage.repositories import resolutions as resolutions_repo

OFFICERS = (Role.HEAD, Role.SECRETARY)
ACTIVE = (ResolutionStatus.OPEN, ResolutionStatus.REPORTED_DONE)


@dataclass(frozen=True)
class DutyRecord:
    """The columns of an active resolution that «what do I owe?» shows."""

    id: int
    number: int
    subject: str
    status: ResolutionStatus
    recurrence: str | None
    due_date: dt.date | None
    session_number: int


@dataclass(frozen=True)
class Duty:
    """One resolution a member's unit is responsible for."""

    resolution: DutyRecord
    session_number: int
    unit_id: int
    unit_name: str
    due: dt.date | None
    can_report: bool


@dataclass(frozen=True)
class DutyPage:
    """One page of a member's duties, and how many there are in all."""

    duties: tuple[Duty, ...]
    total: int
    page: int
    pages: int


def unit_duties(session: Session, *, unit_id: int) -> tuple[DutyRecord, ...]:
    """Every active resolution one unit is responsible for (the cacheable part of a page)."""
    rows = resolutions_repo.active_of_unit(session, unit_id=unit_id, statuses=ACTIVE)
    return tuple(DutyRecord(id=r[0], number=r[1], subject=r[2], status=ResolutionStatus(r[3]),
                            recurrence=r[4], due_date=r[5], session_number=r[6]) for r in rows)


def duty_page(
    actor: Actor, by_unit: Mapping[int, Sequence[DutyRecord]], *, weekly_due: dt.date | None,
    page: int, size: int,
) -> DutyPage:
    """One page of the actor's duties from their units' lists, most urgent first.

    A weekly resolution falls due at the coming session (`weekly_due`); undated ones come last,
    then by session and resolution number. A resolution of several of the actor's units is
    shown once, under a unit where they are an officer if there is one (they may report it).
    """
    names = {m.unit_id: m.unit_name for m in actor.memberships}
    officer_units = {m.unit_id for m in actor.units_with(*OFFICERS)}
    units_of: dict[int, list[int]] = {}
    records: dict[int, DutyRecord] = {}
    for unit_id in sorted(by_unit):
        for record in by_unit[unit_id]:
            records[record.id] = record
            units_of.setdefault(record.id, []).append(unit_id)

    def due(record: DutyRecord) -> dt.date | None:
        return weekly_due if record.recurrence and weekly_due is not None else record.due_date

    def urgency(record: DutyRecord) -> tuple:
        when = due(record)
        return (when is None, when or dt.date.min, record.session_number, record.number)

    ordered = sorted(records.values(), key=urgency)
    total = len(ordered)
    pages = max(1, -(-total // size))
    page = min(max(page, 0), pages - 1)  # past the end (an old button): the last page
    duties = []
    for record in ordered[page * size:(page + 1) * size]:
        units = units_of[record.id]
        unit_id = next((u for u in units if u in officer_units), units[0])
        duties.append(Duty(resolution=record, session_number=record.session_number,
                           unit_id=unit_id, unit_name=names.get(unit_id, ""), due=due(record),
                           can_report=unit_id in officer_units))
    return DutyPage(duties=tuple(duties), total=total, page=page, pages=pages)


def awaiting_confirmation(
    session: Session, *, limit: int
) -> tuple[int, list[tuple[Resolution, CouncilSession]]]:
    """How many resolutions are reported done, and the first `limit` of them for the secretariat."""
    reported = [ResolutionStatus.REPORTED_DONE]
    return (resolutions_repo.count_by_status(session, statuses=reported),
            list(resolutions_repo.search(session, statuses=reported, limit=limit)))


def units_reported(session: Session, *, council_session_id: int) -> frozenset[int]:
    """The units whose weekly report for this session has been submitted."""
    return frozenset(resolutions_repo.units_with_submitted_report(
        session, session_id=council_session_id))
