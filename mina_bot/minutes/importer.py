"""Saving parsed minutes: the session, its resolutions and units, the next session's agenda.

Idempotent: resolutions are keyed by (session, number), so importing the same minutes twice
updates in place and never duplicates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.minutes.model import MinutesError, ParsedMinutes, ParsedResolution
from mina_bot.minutes.units import UnitDirectory
from mina_bot.permissions import Action, require
from mina_bot.persian import match_key
from mina_bot.resolutions.lifecycle import assign_units, record
from mina_bot.sessions import agenda
from mina_bot.sessions.attendance import store_from_minutes
from mina_bot.sessions.schedule import session_on, session_start
from mina_bot.settings import Settings
from storage.models import (
    Resolution,
    ResolutionEventKind,
    SessionStatus,
    Unit,
    UnitKind,
)
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import units as units_repo


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    session_number: int
    created: int
    updated: int
    unchanged: int
    next_session_number: int | None


def directory(session: Session) -> UnitDirectory:
    """The active units as the parser sees them, in the order they were created."""
    return UnitDirectory.from_units(sorted(units_repo.list_units(session), key=lambda u: u.id))


def assign_spelling(session: Session, *, spelling: str, unit_key: str) -> Unit:
    """Remember `spelling` as another name of a unit (so the next minutes match it)."""
    unit = units_repo.get_by_key(session, key=unit_key)
    if unit is None:
        raise MinutesError("minutes.error.unknown_units", names=unit_key)
    if match_key(spelling) not in {match_key(a) for a in unit.aliases}:
        unit.aliases = [*unit.aliases, spelling]  # a new list: JSON columns are not tracked
        session.add(unit)
        session.flush()
    return unit


def create_unit_named(session: Session, *, name: str) -> Unit:
    """A new unit for a name the minutes use that matches nothing."""
    number = len(units_repo.list_units(session, include_inactive=True)) + 1
    while units_repo.get_by_key(session, key=f"unit-{number}") is not None:
        number += 1
    return units_repo.create_unit(session, key=f"unit-{number}", kind=UnitKind.OTHER,
                                  name_fa=name, name_en=name)


def _fields(row: ParsedResolution, next_session_id: int | None) -> dict:
    return {
        "subject": row.subject, "time_frame": row.time_frame, "due_date": row.due,
        "recurrence": row.recurrence, "urgent": row.urgent,
        "due_at_session_id": next_session_id if row.due_at_next_session else None,
    }


def not_started(session: Session, *, day: dt.date, settings: Settings,
                now: dt.datetime) -> bool:
    """Whether the session held on `day` (or its regular time) is still ahead of `now`."""
    found = session_on(session, day=day, settings=settings, create=False)
    return (found.starts_at if found else session_start(day, settings)) > now


def import_minutes(
    session: Session, *, minutes: ParsedMinutes, settings: Settings, actor: Actor | None,
    now: dt.datetime, early: bool | None = None,
) -> ImportResult:
    """Save the minutes (the caller commits); unknown units must be settled first. The minutes
    of a session not yet started are refused (`early` False) or saved as held early (True: it
    starts now); None, from the demo and the bench, does not ask."""
    if actor is not None:
        require(actor, Action.IMPORT_MINUTES)
    if minutes.unmatched:
        raise MinutesError("minutes.error.unknown_units", names="، ".join(minutes.unmatched))
    if early is False and not_started(session, day=minutes.session_date, settings=settings,
                                      now=now):
        raise MinutesError("minutes.error.not_started")
    unit_ids = {u.key: u.id for u in units_repo.list_units(session, include_inactive=True)}
    held = session_on(session, day=minutes.session_date, settings=settings)
    if early and held.starts_at > now:
        held.starts_at = now  # held early: no reminder is due for it any more
    held.status = SessionStatus.HELD
    held.minutes_imported_at = now
    session.add(held)
    following = (session_on(session, day=minutes.next_session, settings=settings)
                 if minutes.next_session else None)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for row in minutes.resolutions:
        fields = _fields(row, following.id if following else None)
        units = [(unit_ids[key], _spelling(row, key)) for key in row.units]
        existing = resolutions_repo.get_by_number(session, session_id=held.id, number=row.number)
        if existing is None:
            created = resolutions_repo.add_resolution(
                session, resolution=Resolution(session_id=held.id, number=row.number, **fields))
            assign_units(session, resolution=created, units=units, actor=actor, now=now)
            record(session, resolution=created, kind=ResolutionEventKind.CREATED, actor=actor,
                   note=None, now=now)
            counts["created"] += 1
            continue
        before = {u.id for u in resolutions_repo.units_of(session, resolution_id=existing.id)}
        changed = {k: v for k, v in fields.items() if getattr(existing, k) != v}
        if not changed and before == {uid for uid, _ in units}:
            counts["unchanged"] += 1
            continue
        for name, value in changed.items():
            setattr(existing, name, value)
        session.add(existing)
        assign_units(session, resolution=existing, units=units, actor=actor, now=now)
        record(session, resolution=existing, kind=ResolutionEventKind.EDITED, actor=actor,
               note=None, now=now)
        counts["updated"] += 1
    store_from_minutes(session, council=held, attendees=minutes.attendance,
                       actor_member_id=actor.member_id if actor else None, now=now)
    if following is not None:
        agenda.ensure_agenda(session, council_session=following)
        agenda.carry_items(session, council_session=following, titles=minutes.next_agenda)
        agenda.add_once(session, council_session=following, title=agenda.APPROVE_MINUTES)
    session.flush()
    return ImportResult(session_number=held.number, next_session_number=(
        following.number if following else None), **counts)


def _spelling(row: ParsedResolution, key: str) -> str:
    return next((name for name, keys in row.spellings if key in keys), key)
