"""Queries on each unit's share of a resolution (a resolution_assignment row): its state, the
units still owing, the reports awaiting the secretariat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import (
    CouncilSession,
    Resolution,
    ResolutionAssignment,
    ResolutionEvent,
    ResolutionEventKind,
    ShareState,
    Unit,
)
from storage.repositories.resolutions import ACTIVE_STATES, in_states
from storage.types import fits_integer


def shares_of(
    session: Session, *, resolution_id: int
) -> Sequence[tuple[ResolutionAssignment, Unit]]:
    """A resolution's shares with their units, in unit id order."""
    query = (
        select(ResolutionAssignment, Unit)
        .join(Unit, Unit.id == ResolutionAssignment.unit_id)
        .where(ResolutionAssignment.resolution_id == resolution_id)
        .order_by(Unit.id)
    )
    return session.exec(query).all()


def get_share(session: Session, *, resolution_id: int, unit_id: int
              ) -> ResolutionAssignment | None:
    """One unit's share of a resolution, or None (also for ids no row can hold)."""
    if not (fits_integer(resolution_id) and fits_integer(unit_id)):
        return None
    return session.get(ResolutionAssignment, (resolution_id, unit_id))


def set_share_state(session: Session, *, share: ResolutionAssignment, state: ShareState,
                    now: dt.datetime) -> None:
    """Move a share to a state, since now, and flush."""
    share.state, share.since = state, now
    session.add(share)
    session.flush()


def withdraw(session: Session, *, resolution_id: int, withdrawn: bool = True) -> None:
    """Mark a resolution's shares withdrawn (it is cancelled: they owe nothing, their states
    kept), or no longer (it is reopened)."""
    session.execute(sa.update(ResolutionAssignment).where(
        ResolutionAssignment.resolution_id == resolution_id,
        ResolutionAssignment.withdrawn != withdrawn).values(withdrawn=withdrawn))


def owing_units(session: Session, *, resolution_ids: Iterable[int]) -> dict[int, list[Unit]]:
    """The units whose share of each resolution is owed (open or sent back), by resolution."""
    ids = list(resolution_ids)
    if not ids:
        return {}
    query = (select(ResolutionAssignment.resolution_id, Unit)
             .join(Unit, Unit.id == ResolutionAssignment.unit_id)
             .where(ResolutionAssignment.resolution_id.in_(ids),
                    ResolutionAssignment.state.in_([ShareState.OPEN.value,
                                                    ShareState.SENT_BACK.value]))
             .order_by(ResolutionAssignment.resolution_id, Unit.id))
    found: dict[int, list[Unit]] = {}
    for resolution_id, unit in session.exec(query).all():
        found.setdefault(resolution_id, []).append(unit)
    return found


def share_states(session: Session, *, resolution_ids: Iterable[int]
                 ) -> dict[int, list[tuple[Unit, ShareState]]]:
    """Every share of these resolutions with its unit, by resolution, in unit id order."""
    ids = list(resolution_ids)
    if not ids:
        return {}
    query = (select(ResolutionAssignment.resolution_id, Unit, ResolutionAssignment.state)
             .join(Unit, Unit.id == ResolutionAssignment.unit_id)
             .where(ResolutionAssignment.resolution_id.in_(ids))
             .order_by(ResolutionAssignment.resolution_id, Unit.id))
    found: dict[int, list[tuple[Unit, ShareState]]] = {}
    for resolution_id, unit, state in session.exec(query).all():
        found.setdefault(resolution_id, []).append((unit, ShareState(state)))
    return found


def reported_shares(
    session: Session, *, limit: int | None = None
) -> tuple[int, Sequence[tuple[Resolution, CouncilSession, Unit]]]:
    """How many shares await the secretariat's confirmation, and the first `limit`, oldest
    report first."""
    where = (ResolutionAssignment.state == ShareState.REPORTED_DONE.value,
             in_states(ACTIVE_STATES))
    count = session.exec(select(sa.func.count()).select_from(ResolutionAssignment).join(
        Resolution, Resolution.id == ResolutionAssignment.resolution_id).where(*where)).one()
    query = (select(Resolution, CouncilSession, Unit)
             .join(ResolutionAssignment, ResolutionAssignment.resolution_id == Resolution.id)
             .join(CouncilSession, CouncilSession.id == Resolution.session_id)
             .join(Unit, Unit.id == ResolutionAssignment.unit_id)
             .where(*where)
             .order_by(ResolutionAssignment.since, Resolution.id, Unit.id))
    return count, session.exec(query.limit(limit)).all()


def last_reporter(session: Session, *, resolution_id: int, unit_id: int) -> int | None:
    """Who last reported this unit's share done (a member id), or None."""
    query = (select(ResolutionEvent.actor_member_id)
             .where(ResolutionEvent.resolution_id == resolution_id,
                    ResolutionEvent.unit_id == unit_id,
                    ResolutionEvent.kind == ResolutionEventKind.REPORTED_DONE.value)
             .order_by(ResolutionEvent.created_at.desc(), ResolutionEvent.id.desc()))
    return session.exec(query.limit(1)).first()
