"""What a member owes: the open resolutions of their units, most urgent first, a page at a time."""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from storage.models import CouncilSession, Resolution, ResolutionStatus, Role, ShareState, Unit
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import shares as shares_repo

OFFICERS = (Role.HEAD, Role.SECRETARY)
ACTIVE = (ResolutionStatus.OPEN, ResolutionStatus.REPORTED_DONE)


@dataclass(frozen=True)
class DutyRecord:
    """The columns of an active resolution that «what do I owe?» shows (`status`: the unit's
    share's state)."""

    id: int
    number: int
    subject: str
    status: ShareState
    recurrence: str | None
    due_date: dt.date | None
    session_number: int
    urgent: bool = False


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


@dataclass(frozen=True)
class UnitDuties:
    """One unit's active resolutions, most urgent first for one coming-session date."""

    ordered: tuple[DutyRecord, ...]
    ids: frozenset[int]


def unit_duties(session: Session, *, unit_id: int, weekly_due: dt.date | None) -> UnitDuties:
    """Every active resolution one unit is responsible for, in urgency order (cacheable)."""
    rows = resolutions_repo.active_of_unit(session, unit_id=unit_id, statuses=ACTIVE)
    records = [DutyRecord(id=r[0], number=r[1], subject=r[2], status=ShareState(r[3]),
                          recurrence=r[4], due_date=r[5], session_number=r[6], urgent=r[7])
               for r in rows]
    records.sort(key=lambda record: _urgency(record, weekly_due))
    return UnitDuties(ordered=tuple(records), ids=frozenset(r.id for r in records))


def _due(record: DutyRecord, weekly_due: dt.date | None) -> dt.date | None:
    return weekly_due if record.recurrence and weekly_due is not None else record.due_date


def _urgency(record: DutyRecord, weekly_due: dt.date | None) -> tuple:
    when = _due(record, weekly_due)
    return (when is None, when or dt.date.min, record.session_number, record.number)


def duty_page(
    actor: Actor, by_unit: Mapping[int, UnitDuties], *, weekly_due: dt.date | None,
    page: int, size: int,
) -> DutyPage:
    """One page of the actor's duties from their units' lists, most urgent first.

    A weekly resolution falls due at the coming session (`weekly_due`); undated ones come last,
    then by session and resolution number. A resolution of several of the actor's units is
    shown once, under a unit where they are an officer if there is one (they may report it).
    The units' lists are already in order, so a page is a merge, not a sort.
    """
    names = {m.unit_id: m.unit_name_in(actor.language) for m in actor.memberships}
    officer_units = {m.unit_id for m in actor.units_with(*OFFICERS)}
    total = len(frozenset().union(*(unit.ids for unit in by_unit.values())))
    pages = max(1, -(-total // size))
    page = min(max(page, 0), pages - 1)  # past the end (an old button): the last page
    merged = heapq.merge(*(unit.ordered for unit in by_unit.values()),
                         key=lambda record: _urgency(record, weekly_due))
    duties = []
    for record in itertools.islice(_unique(merged), page * size, (page + 1) * size):
        units = [u for u in sorted(by_unit) if record.id in by_unit[u].ids]
        unit_id = next((u for u in units if u in officer_units), units[0])
        duties.append(Duty(resolution=record, session_number=record.session_number,
                           unit_id=unit_id, unit_name=names.get(unit_id, ""),
                           due=_due(record, weekly_due), can_report=unit_id in officer_units))
    return DutyPage(duties=tuple(duties), total=total, page=page, pages=pages)


def _unique(records: Iterable[DutyRecord]) -> Iterator[DutyRecord]:
    seen: set[int] = set()
    for record in records:
        if record.id not in seen:
            seen.add(record.id)
            yield record


def awaiting_confirmation(
    session: Session, *, limit: int
) -> tuple[int, list[tuple[Resolution, CouncilSession, Unit]]]:
    """How many shares are reported done, and the first `limit` of them for the secretariat."""
    count, rows = shares_repo.reported_shares(session, limit=limit)
    return count, list(rows)


def tallies(session: Session, page: DutyPage) -> dict[int, tuple[int, int]]:
    """(units done, units responsible) of each shared resolution on a page."""
    found = shares_repo.share_tallies(
        session, resolution_ids=[d.resolution.id for d in page.duties])
    return {rid: tally for rid, tally in found.items() if tally[1] > 1}


def units_reported(session: Session, *, council_session_id: int) -> frozenset[int]:
    """The units whose weekly report for this session has been submitted."""
    return frozenset(resolutions_repo.units_with_submitted_report(
        session, session_id=council_session_id))
