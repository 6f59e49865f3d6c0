"""What a member owes: the open resolutions of their units, most urgent first, a page at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor, Role
from mina_bot.sessions.schedule import local_date
from storage.models import (
    CouncilSession,
    Resolution,
    ResolutionStatus,
)
from storage.repositories import resolutions as resolutions_repo

_OFFICERS = (Role.HEAD, Role.SECRETARY)
ACTIVE = (ResolutionStatus.OPEN, ResolutionStatus.REPORTED_DONE)


@dataclass(frozen=True)
class Duty:
    """One resolution a member's unit is responsible for."""

    resolution: Resolution
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


def _due(resolution: Resolution, coming: CouncilSession | None, tz: dt.tzinfo) -> dt.date | None:
    if resolution.recurrence and coming is not None:
        return local_date(coming, tz)  # a weekly duty falls due at every coming session
    return resolution.due_date


def _page(session: Session, units: dict, coming: CouncilSession | None, tz: dt.tzinfo,
          offset: int, limit: int) -> tuple[int, list]:
    if not units:
        return 0, []
    weekly_due = local_date(coming, tz) if coming is not None else None
    total, found = resolutions_repo.page_of_units(
        session, unit_ids=units, statuses=ACTIVE, weekly_due=weekly_due, offset=offset,
        limit=limit)
    return total, list(found)


def duty_page(
    session: Session, *, actor: Actor, coming: CouncilSession | None, tz: dt.tzinfo,
    page: int, size: int,
) -> DutyPage:
    """Open (and reported, awaiting confirmation) resolutions of the actor's units: one page.

    The database sorts and cuts the page, so a unit with hundreds of open resolutions costs
    no more than one with six.
    """
    mine = {m.unit_id: m for m in actor.memberships}
    officer_units = {m.unit_id for m in actor.units_with(*_OFFICERS)}
    page = max(page, 0)
    total, found = _page(session, mine, coming, tz, page * size, size)
    if not found and page > 0:  # past the end (an old button): the last page instead
        total, _ = _page(session, mine, coming, tz, 0, 1)
        page = max(0, -(-total // size) - 1)
        total, found = _page(session, mine, coming, tz, page * size, size)
    pages = max(1, -(-total // size))
    responsible = resolutions_repo.responsible_among(
        session, resolution_ids=[r.id for r, _ in found], unit_ids=mine)
    duties = []
    for resolution, council in found:
        units = responsible[resolution.id]
        unit_id = next((u for u in units if u in officer_units), units[0])
        duties.append(Duty(
            resolution=resolution, session_number=council.number, unit_id=unit_id,
            unit_name=mine[unit_id].unit_name, due=_due(resolution, coming, tz),
            can_report=unit_id in officer_units,
        ))
    return DutyPage(duties=tuple(duties), total=total, page=page, pages=pages)


def awaiting_confirmation(
    session: Session, *, limit: int
) -> tuple[int, list[tuple[Resolution, CouncilSession]]]:
    """How many resolutions are reported done, and the first `limit` of them for the secretariat."""
    reported = [ResolutionStatus.REPORTED_DONE]
    return (resolutions_repo.count_by_status(session, statuses=reported),
            list(resolutions_repo.search(session, statuses=reported, limit=limit)))


def reports_in(
    session: Session, *, unit_ids: list[int], council_session: CouncilSession
) -> dict[int, bool]:
    """Whether each unit's weekly report for this session has been submitted."""
    submitted = resolutions_repo.units_with_submitted_report(
        session, session_id=council_session.id, unit_ids=unit_ids)
    return {unit_id: unit_id in submitted for unit_id in unit_ids}
