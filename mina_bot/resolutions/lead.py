"""The secretariat's choice of a resolution's lead unit, and whether the lead's confirmed share
alone closes it (by default every share must be confirmed or not applicable)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.permissions import Action, require
from mina_bot.resolutions import shares
from mina_bot.resolutions.lifecycle import record, resolution_of, share_of
from storage.models import Resolution, ResolutionAssignment, ResolutionEventKind, Unit
from storage.repositories import shares as shares_repo


def lead_choices(session: Session, *, resolution_id: int
                 ) -> tuple[Resolution, Sequence[tuple[ResolutionAssignment, Unit]]]:
    """A resolution and its shares with their units (the lead among them)."""
    resolution = resolution_of(session, resolution_id=resolution_id)
    return resolution, shares_repo.shares_of(session, resolution_id=resolution.id)


def set_lead(session: Session, *, actor: Actor, resolution_id: int, unit_id: int,
             now: dt.datetime) -> Resolution:
    """Make one of the resolution's units its lead (a unit without a share is refused)."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    resolution, _ = share_of(session, resolution_id=resolution_id, unit_id=unit_id)
    for share, _unit in shares_repo.shares_of(session, resolution_id=resolution.id):
        share.is_lead = share.unit_id == unit_id
        session.add(share)
    session.flush()
    record(session, resolution=resolution, kind=ResolutionEventKind.LEAD, actor=actor,
           note=None, now=now, unit_id=unit_id)
    shares.refresh(session, resolution, now=now)
    return resolution


def toggle_lead_closes(session: Session, *, actor: Actor, resolution_id: int,
                       now: dt.datetime) -> Resolution:
    """Switch whether the lead's confirmed share alone closes the resolution."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolution_of(session, resolution_id=resolution_id)
    resolution.lead_closes = not resolution.lead_closes
    session.add(resolution)
    session.flush()
    record(session, resolution=resolution, kind=ResolutionEventKind.LEAD, actor=actor,
           note=None, now=now)
    shares.refresh(session, resolution, now=now)
    return resolution
