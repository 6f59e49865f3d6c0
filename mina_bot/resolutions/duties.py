"""What a member owes: the open resolutions of their units, most urgent first."""

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


def _due(resolution: Resolution, coming: CouncilSession | None, tz: dt.tzinfo) -> dt.date | None:
    if resolution.recurrence and coming is not None:
        return local_date(coming, tz)  # a weekly duty falls due at every coming session
    return resolution.due_date


def duties_of(
    session: Session, *, actor: Actor, coming: CouncilSession | None, tz: dt.tzinfo
) -> list[Duty]:
    """Open (and reported, awaiting confirmation) resolutions of the actor's units."""
    mine = {m.unit_id: m for m in actor.memberships}
    officer_units = {m.unit_id for m in actor.units_with(*_OFFICERS)}
    duties = []
    for resolution, council in resolutions_repo.search(session, unit_ids=mine, statuses=ACTIVE):
        units = [u for u in resolutions_repo.units_of(session, resolution_id=resolution.id)
                 if u.id in mine]
        unit = next((u for u in units if u.id in officer_units), units[0])
        duties.append(Duty(
            resolution=resolution, session_number=council.number, unit_id=unit.id,
            unit_name=unit.name_fa, due=_due(resolution, coming, tz),
            can_report=unit.id in officer_units,
        ))
    far = dt.date.max
    return sorted(duties, key=lambda d: (d.due or far, d.session_number, d.resolution.number))


def awaiting_confirmation(session: Session) -> list[tuple[Resolution, CouncilSession]]:
    """Resolutions reported done, oldest session first, for the secretariat."""
    return list(resolutions_repo.search(session, statuses=[ResolutionStatus.REPORTED_DONE]))


def reports_in(
    session: Session, *, unit_ids: list[int], council_session: CouncilSession
) -> dict[int, bool]:
    """Whether each unit's weekly report for this session has been submitted."""
    submitted = resolutions_repo.units_with_submitted_report(
        session, session_id=council_session.id, unit_ids=unit_ids)
    return {unit_id: unit_id in submitted for unit_id in unit_ids}
