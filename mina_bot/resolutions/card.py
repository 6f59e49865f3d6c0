"""One resolution in full, as its units' members and the secretariat may see it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import PermissionDenied
from mina_bot.permissions import Action, allowed
from mina_bot.resolutions.lifecycle import resolution_of
from storage.models import CouncilSession, Resolution, ResolutionEvent
from storage.repositories import members as members_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo


@dataclass(frozen=True)
class ResolutionCard:
    """A resolution with its session, units and history (who did what; None when unknown)."""

    resolution: Resolution
    council: CouncilSession
    unit_names: Sequence[str]
    history: Sequence[tuple[ResolutionEvent, str | None]]
    report_unit: int | None
    staff: bool


def resolution_card(session: Session, *, actor: Actor, resolution_id: int) -> ResolutionCard:
    """The card, for the secretariat or a member of a responsible unit (others are refused)."""
    staff = allowed(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolution_of(session, resolution_id=resolution_id)
    units = resolutions_repo.units_of(session, resolution_id=resolution.id)
    mine = [u.id for u in units if actor.roles_in(u.id)]
    if not staff and not mine:
        raise PermissionDenied(action="view_resolution", unit_id=None)
    report_unit = next((u for u in mine
                        if allowed(actor, Action.REPORT_RESOLUTION_DONE, unit_id=u)), None)
    history = []
    for event in resolutions_repo.events_of(session, resolution_id=resolution.id):
        member = (members_repo.get_member(session, member_id=event.actor_member_id)
                  if event.actor_member_id else None)
        history.append((event, member.name if member else None))
    council = sessions_repo.get_session(session, session_id=resolution.session_id)
    return ResolutionCard(resolution, council, [u.name_fa for u in units], history,
                          report_unit, staff)
