"""What a member owes: the open resolutions of their units, most urgent first, a page at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from storage.models import CouncilSession, Resolution, Role, ShareState, Unit
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import shares as shares_repo

OFFICERS = (Role.HEAD, Role.SECRETARY)


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


def _due(record: DutyRecord, weekly_due: dt.date | None) -> dt.date | None:
    return weekly_due if record.recurrence and weekly_due is not None else record.due_date


def duty_page(session: Session, actor: Actor, *, weekly_due: dt.date | None, page: int,
              size: int) -> DutyPage:
    """One page of the actor's duties, most urgent first, cut by the database.

    A weekly resolution falls due at the coming session (`weekly_due`); undated ones come last,
    then by session and resolution number. A resolution of several of the actor's units is
    shown once, under a unit where they are an officer if there is one (they may report it),
    with the state of its share in the first of their units that holds one.
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
    held: dict[int, dict[int, ShareState]] = {}
    subjects: dict[int, str] = {}
    for rid, unit_id, state, subject in resolutions_repo.shown_shares(
            session, unit_ids=units, resolution_ids=[row[0] for row in rows]):
        held.setdefault(rid, {})[unit_id] = ShareState(state)
        subjects[rid] = subject
    duties = []
    for rid, number, recurrence, due_date, session_number, _ in rows:
        holders = held.get(rid)
        if not holders:  # its share changed between the two reads
            continue
        record = DutyRecord(id=rid, number=number, subject=subjects[rid],
                            status=next(holders[u] for u in units if u in holders),
                            recurrence=recurrence, due_date=due_date,
                            session_number=session_number)
        unit_id = next((u for u in sorted(holders) if u in officer_units), min(holders))
        duties.append(Duty(resolution=record, session_number=session_number, unit_id=unit_id,
                           unit_name=names.get(unit_id, ""), due=_due(record, weekly_due),
                           can_report=unit_id in officer_units))
    return DutyPage(duties=tuple(duties), total=total, page=page, pages=pages)


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


def units_reported(session: Session, *, council_session_id: int,
                   unit_ids: Iterable[int]) -> frozenset[int]:
    """Which of these units have submitted their weekly report for this session."""
    return frozenset(resolutions_repo.units_with_submitted_report(
        session, session_id=council_session_id, unit_ids=unit_ids))
