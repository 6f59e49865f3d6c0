"""What a member owes: the open resolutions of their units, most urgent first, a page at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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


def member_page(session: Session, actor: Actor, *, weekly_due: dt.date | None, page: int,
                size: int) -> DutyPage:
    """One page of the actor's duties, the active resolutions of their units, most urgent first.

    A weekly resolution falls due at the coming session (`weekly_due`); undated ones come last,
    then by session and resolution number. A resolution of several of the actor's units is
    shown once, under a unit where they are an officer if there is one (they may report it).
    The page is chosen by the database from the active assignments: its cost is the member's
    duties, not the organisation's history.
    """
    names = {m.unit_id: m.unit_name_in(actor.language) for m in actor.memberships}
    officer_units = {m.unit_id for m in actor.units_with(*OFFICERS)}
    units = sorted(names)
    total = resolutions_repo.count_duties(session, unit_ids=units) if units else 0
    pages = max(1, -(-total // size))
    page = min(max(page, 0), pages - 1)  # past the end (an old button): the last page
    rows = resolutions_repo.duties_page(session, unit_ids=units, weekly_due=weekly_due,
                                        offset=page * size, limit=size) if total else []
    records = [DutyRecord(id=r[0], number=r[1], subject=r[2], status=ResolutionStatus(r[3]),
                          recurrence=r[4], due_date=r[5], session_number=r[6]) for r in rows]
    of: dict[int, list[int]] = {}
    for resolution_id, unit_id in sorted(resolutions_repo.duty_units(
            session, resolution_ids=[r.id for r in records], unit_ids=units) if rows else []):
        of.setdefault(resolution_id, []).append(unit_id)
    duties = []
    for record in records:
        mine = of.get(record.id) or units[:1]
        unit_id = next((u for u in mine if u in officer_units), mine[0])
        duties.append(Duty(resolution=record, session_number=record.session_number,
                           unit_id=unit_id, unit_name=names.get(unit_id, ""),
                           due=_due(record, weekly_due), can_report=unit_id in officer_units))
    return DutyPage(duties=tuple(duties), total=total, page=page, pages=pages)


def _due(record: DutyRecord, weekly_due: dt.date | None) -> dt.date | None:
    return weekly_due if record.recurrence and weekly_due is not None else record.due_date


def awaiting_confirmation(
    session: Session, *, limit: int
) -> tuple[int, list[tuple[Resolution, CouncilSession]]]:
    """How many resolutions are reported done, and the first `limit` of them for the secretariat."""
    reported = [ResolutionStatus.REPORTED_DONE]
    return (resolutions_repo.count_by_status(session, statuses=reported),
            list(resolutions_repo.search(session, statuses=reported, limit=limit)))


def units_reported(session: Session, *, council_session_id: int,
                   unit_ids: Sequence[int]) -> frozenset[int]:
    """Which of these units have submitted their weekly report for this session."""
    return frozenset(resolutions_repo.units_with_submitted_report(
        session, session_id=council_session_id, unit_ids=unit_ids))
