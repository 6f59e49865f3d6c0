"""What a member owes: the open resolutions of their units, most urgent first, a page at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.resolutions.shares import SHOWN
from storage.models import CouncilSession, Resolution, Role, ShareState, Unit
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import shares as shares_repo

OFFICERS = (Role.HEAD, Role.SECRETARY)
DONE = frozenset({ShareState.REPORTED_DONE, ShareState.CONFIRMED})


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
    """One page of a member's duties, how many there are in all, and (units done, units
    responsible) of each resolution on it that several units share."""

    duties: tuple[Duty, ...]
    total: int
    page: int
    pages: int
    tallies: Mapping[int, tuple[int, int]] = field(default_factory=dict)


def _due(record: DutyRecord, weekly_due: dt.date | None) -> dt.date | None:
    return weekly_due if record.recurrence and weekly_due is not None else record.due_date


def duty_page(session: Session, actor: Actor, *, weekly_due: dt.date | None, page: int,
              size: int) -> DutyPage:
    """One page of the actor's duties, most urgent first, cut by the database.

    A weekly resolution falls due at the coming session (`weekly_due`); undated ones come last,
    then by session and resolution number. A resolution of several of the actor's units is
    shown once, under a unit where they are an officer if there is one (they may report it),
    with the state of that unit's share.
    """
    units = list(dict.fromkeys(m.unit_id for m in actor.memberships))
    if not units:
        return DutyPage(duties=(), total=0, page=0, pages=1)
    names = {m.unit_id: m.unit_name_in(actor.language) for m in actor.memberships}
    officer_units = {m.unit_id for m in actor.units_with(*OFFICERS)}
    page = max(page, 0)
    rows = resolutions_repo.shown_page(session, unit_ids=units, weekly_due=weekly_due,
                                       offset=page * size, limit=size)
    total = rows[0][-1] if rows else resolutions_repo.count_shown(session, unit_ids=units)
    pages = max(1, -(-total // size))
    if not rows and page > pages - 1:  # past the end (an old button): the last page
        page = pages - 1
        rows = resolutions_repo.shown_page(session, unit_ids=units, weekly_due=weekly_due,
                                           offset=page * size, limit=size)
    held, subjects, counted, urgent = _shares(session, [row[0] for row in rows], units=names)
    duties = []
    for rid, number, recurrence, due_date, session_number, _ in rows:
        holders = held.get(rid)
        if not holders:  # its share changed between the two reads
            continue
        unit_id = next((u for u in sorted(holders) if u in officer_units), min(holders))
        record = DutyRecord(id=rid, number=number, subject=subjects[rid],
                            status=holders[unit_id], recurrence=recurrence,
                            due_date=due_date, session_number=session_number,
                            urgent=rid in urgent)
        duties.append(Duty(resolution=record, session_number=session_number, unit_id=unit_id,
                           unit_name=names.get(unit_id, ""), due=_due(record, weekly_due),
                           can_report=unit_id in officer_units))
    return DutyPage(duties=tuple(duties), total=total, page=page, pages=pages,
                    tallies={rid: (done, of) for rid, (done, of) in counted.items() if of > 1})


def _shares(session: Session, resolution_ids: list[int], *, units: Container[int]
            ) -> tuple[dict[int, dict[int, ShareState]], dict[int, str], dict[int, list[int]],
                       set[int]]:
    """For each of these resolutions: the state of each of `units`' shown shares, its subject,
    [units done, units that count] (a share not applicable does not count); and which are
    urgent."""
    held: dict[int, dict[int, ShareState]] = {}
    subjects: dict[int, str] = {}
    counted: dict[int, list[int]] = {}
    urgent: set[int] = set()
    for rid, unit_id, state, subject, pressing in resolutions_repo.page_shares(
            session, resolution_ids=resolution_ids):
        if pressing:
            urgent.add(rid)
        state = ShareState(state)
        if unit_id in units and state in SHOWN:
            held.setdefault(rid, {})[unit_id] = state
        if state != ShareState.NOT_APPLICABLE:
            tally = counted.setdefault(rid, [0, 0])
            tally[0] += state in DONE
            tally[1] += 1
        subjects[rid] = subject
    return held, subjects, counted, urgent


def awaiting_confirmation(
    session: Session, *, limit: int
) -> tuple[int, list[tuple[Resolution, CouncilSession, Unit]]]:
    """How many shares are reported done, and the first `limit` of them for the secretariat."""
    count, rows = shares_repo.reported_shares(session, limit=limit)
    return count, list(rows)


def units_reported(session: Session, *, council_session_id: int,
                   unit_ids: Iterable[int]) -> frozenset[int]:
    """Which of these units have submitted their weekly report for this session."""
    return frozenset(resolutions_repo.units_with_submitted_report(
        session, session_id=council_session_id, unit_ids=unit_ids))
