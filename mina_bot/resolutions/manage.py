"""The secretariat's reassignment of a resolution's units (cancel is in lifecycle; a resolution
typed in chat is read and saved by mina_bot/minutes/single.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, NotFound
from mina_bot.permissions import Action, require
from mina_bot.resolutions.lifecycle import assign_units, record
from storage.models import Resolution, ResolutionEventKind
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import units as units_repo


def reassign(
    session: Session, *, actor: Actor, resolution_id: int, unit_ids: Iterable[int],
    now: dt.datetime,
) -> Resolution:
    """Make exactly these units responsible."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolutions_repo.get_resolution(session, resolution_id=resolution_id)
    if resolution is None:
        raise NotFound()
    units = [units_repo.get_unit(session, unit_id=u) for u in unit_ids]
    if not units or None in units:
        raise MinaError("resolutions.units.empty")
    assign_units(session, resolution=resolution, actor=actor, now=now,
                 units=[(u.id, u.name_fa) for u in units])
    record(session, resolution=resolution, kind=ResolutionEventKind.REASSIGNED, actor=actor,
           note="، ".join(u.name_fa for u in units), now=now)
    return resolution
