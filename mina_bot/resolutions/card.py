"""One resolution in full, as its units' members and the secretariat may see it: its shares
(unit, state, since when, last note, files) and the history of every share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.catalog import name_in
from mina_bot.errors import NotFound, PermissionDenied
from mina_bot.official_calendar import days_off, is_day_off
from mina_bot.permissions import Action, allowed
from mina_bot.resolutions.lifecycle import resolution_of
from mina_bot.resolutions.shares import OWED
from storage.models import Attachment, CouncilSession, Resolution, ResolutionEvent, ShareState
from storage.repositories import members as members_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import shares as shares_repo
from storage.repositories import units as units_repo


@dataclass(frozen=True)
class ShareRow:
    """One unit's share as the card shows it."""

    unit_id: int
    unit_name: str
    state: ShareState
    since: dt.datetime | None
    lead: bool
    note: str | None
    files: Sequence[Attachment]


@dataclass(frozen=True)
class ResolutionCard:
    """A resolution with its session, shares and history (who did what, for which unit; None
    when unknown); the unit the reader may report for (its share owed), staff or not."""

    resolution: Resolution
    council: CouncilSession
    shares: Sequence[ShareRow]
    history: Sequence[tuple[ResolutionEvent, str | None, str | None]]
    report_unit: int | None
    staff: bool
    due_off: bool = False  # the due date is a Friday or a holiday

    @property
    def unit_names(self) -> list[str]:
        """The responsible units' names."""
        return [share.unit_name for share in self.shares]


def resolution_card(session: Session, *, actor: Actor, resolution_id: int) -> ResolutionCard:
    """The card, for the secretariat or a member of a responsible unit (others are refused)."""
    staff = allowed(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolution_of(session, resolution_id=resolution_id)
    found = shares_repo.shares_of(session, resolution_id=resolution.id)
    mine = [unit.id for _, unit in found if actor.roles_in(unit.id)]
    if not staff and not mine:
        raise PermissionDenied(action="view_resolution", unit_id=None)
    owed = {share.unit_id for share, _ in found if share.state in OWED}
    report_unit = next((u for u in mine if u in owed
                        and allowed(actor, Action.REPORT_RESOLUTION_DONE, unit_id=u)), None)
    events = resolutions_repo.events_of(session, resolution_id=resolution.id)
    files = resolutions_repo.attachments_of(session, event_ids=[e.id for e in events])
    last: dict[int, ResolutionEvent] = {}
    for event in events:
        if event.unit_id is not None and event.note is not None:
            last[event.unit_id] = event
    rows = [ShareRow(unit.id, name_in(unit, actor.language), ShareState(share.state),
                     share.since, share.is_lead,
                     last[unit.id].note if unit.id in last else None,
                     [f for e in events if e.unit_id == unit.id for f in files.get(e.id, ())])
            for share, unit in found]
    names = {unit.id: name_in(unit, actor.language) for _, unit in found}
    history = []
    for event in events:
        member = (members_repo.get_member(session, member_id=event.actor_member_id)
                  if event.actor_member_id else None)
        unit_name = None
        if event.unit_id is not None:
            unit_name = names.get(event.unit_id) or _unit_name(session, event.unit_id,
                                                                     actor.language)
        history.append((event, member.name if member else None, unit_name))
    council = sessions_repo.get_session(session, session_id=resolution.session_id)
    due = resolution.due_date
    off = due is not None and is_day_off(due, days_off(session, due, due))
    return ResolutionCard(resolution, council, rows, history, report_unit, staff, off)


def _unit_name(session: Session, unit_id: int, lang: str) -> str | None:
    unit = units_repo.get_unit(session, unit_id=unit_id)
    return name_in(unit, lang) if unit else None


def evidence(session: Session, *, actor: Actor, resolution_id: int, attachment_id: int
             ) -> Attachment:
    """A file of a share's report, for whoever may see the card."""
    card = resolution_card(session, actor=actor, resolution_id=resolution_id)
    for share in card.shares:
        for attachment in share.files:
            if attachment.id == attachment_id:
                return attachment
    raise NotFound()
