"""The life of each unit's share of a resolution, and of the resolution the shares make up.

A share: open → reported done (note, files) → confirmed, or sent back with a reason (owed
again); the secretariat may mark it not applicable. The resolution's state is derived from its
shares (`shares.refresh`, in the same transaction); only cancelling is the resolution's own.
Every change is a ResolutionEvent (who, when, which unit, note, files): the share's history.
Rights are checked here, against the share's unit. Overdue is never stored: see `is_overdue`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, NotFound, PermissionDenied
from mina_bot.permissions import Action, require
from mina_bot.resolutions import notices, shares
from storage.models import (
    Attachment,
    Resolution,
    ResolutionAssignment,
    ResolutionEvent,
    ResolutionEventKind,
    ResolutionStatus,
    ShareState,
)
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import shares as shares_repo

OPEN, REPORTED, CONFIRMED, CANCELLED = (
    ResolutionStatus.OPEN, ResolutionStatus.REPORTED_DONE,
    ResolutionStatus.CONFIRMED, ResolutionStatus.CANCELLED,
)


class InvalidTransition(MinaError):
    """The resolution or share is not in a state that allows this change (text per state)."""

    text_key = "resolutions.error.is_open"


class ReasonRequired(MinaError):
    """Sending a report back needs a reason."""

    text_key = "resolutions.error.reason_required"


class OwnReport(MinaError):
    """The person who reported a share done may not confirm it themselves."""

    text_key = "resolutions.error.own_report"


@dataclass(frozen=True)
class DocumentRef:
    """A file that came with a report, kept by its Telegram file id."""

    file_id: str
    file_unique_id: str
    file_name: str | None = None
    mime_type: str | None = None
    size: int | None = None


def is_overdue(resolution: Resolution, today: dt.date) -> bool:
    """Open (some share owed) and past its due date; derived, never stored."""
    return (resolution.status == OPEN and resolution.due_date is not None
            and resolution.due_date < today)


def resolution_of(session: Session, *, resolution_id: int) -> Resolution:
    """The resolution a button names, or NotFound."""
    resolution = resolutions_repo.get_resolution(session, resolution_id=resolution_id)
    if resolution is None:
        raise NotFound()
    return resolution


def share_of(session: Session, *, resolution_id: int, unit_id: int
             ) -> tuple[Resolution, ResolutionAssignment]:
    """The resolution and the unit's share a button names; a unit with no share is refused."""
    resolution = resolution_of(session, resolution_id=resolution_id)
    share = shares_repo.get_share(session, resolution_id=resolution.id, unit_id=unit_id)
    if share is None:
        raise PermissionDenied(action=Action.REPORT_RESOLUTION_DONE.value, unit_id=unit_id)
    return resolution, share


def _refuse_unless(resolution: Resolution, share: ResolutionAssignment,
                   *states: ShareState) -> None:
    if resolution.status in (CANCELLED, CONFIRMED):
        raise InvalidTransition(f"resolutions.error.is_{resolution.status}",
                                number=resolution.number)
    if share.state not in states:
        raise InvalidTransition(f"resolutions.error.share_{share.state}",
                                number=resolution.number)


def reportable(session: Session, *, resolution_id: int, unit_id: int
               ) -> tuple[Resolution, str]:
    """Before asking for the note: the unit's share is owed; the unit's name."""
    resolution, share = share_of(session, resolution_id=resolution_id, unit_id=unit_id)
    _refuse_unless(resolution, share, *shares.OWED)
    return resolution, notices.unit_name(session, unit_id)


def returnable(session: Session, *, resolution_id: int, unit_id: int) -> Resolution:
    """Before asking why it is sent back: the unit's share has been reported done."""
    resolution, share = share_of(session, resolution_id=resolution_id, unit_id=unit_id)
    _refuse_unless(resolution, share, ShareState.REPORTED_DONE)
    return resolution


def _move(
    session: Session, resolution: Resolution, share: ResolutionAssignment, *, to: ShareState,
    kind: ResolutionEventKind, actor: Actor, note: str | None, now: dt.datetime,
) -> ResolutionEvent:
    before = ResolutionStatus(resolution.status)
    shares_repo.set_share_state(session, share=share, state=to, now=now)
    after = shares.refresh(session, resolution, now=now)
    return resolutions_repo.add_event(session, event=ResolutionEvent(
        resolution_id=resolution.id, actor_member_id=actor.member_id, kind=kind,
        from_status=before, to_status=after, unit_id=share.unit_id, note=(note or None),
        created_at=now,
    ))


def report_done(
    session: Session, *, resolution_id: int, unit_id: int, actor: Actor, note: str | None,
    now: dt.datetime, document: DocumentRef | None = None,
) -> Resolution:
    """A head or secretary reports their unit's share done; the secretariat is told."""
    require(actor, Action.REPORT_RESOLUTION_DONE, unit_id=unit_id)
    resolution, share = share_of(session, resolution_id=resolution_id, unit_id=unit_id)
    _refuse_unless(resolution, share, *shares.OWED)
    event = _move(session, resolution, share, to=ShareState.REPORTED_DONE,
                  kind=ResolutionEventKind.REPORTED_DONE, actor=actor, note=note, now=now)
    if document is not None:
        resolutions_repo.add_attachment(session, attachment=Attachment(
            resolution_event_id=event.id, telegram_file_id=document.file_id,
            file_unique_id=document.file_unique_id, file_name=document.file_name,
            mime_type=document.mime_type, size=document.size,
            uploaded_by_id=actor.member_id, created_at=now,
        ))
    notices.share_reported(session, resolution=resolution, event=event,
                           file_id=document.file_id if document else None, now=now)
    return resolution


def confirm(
    session: Session, *, resolution_id: int, unit_id: int, actor: Actor, now: dt.datetime,
    allow_own: bool = False,
) -> Resolution:
    """The secretariat confirms one unit's reported share; the unit is told."""
    require(actor, Action.CONFIRM_RESOLUTION)
    resolution, share = share_of(session, resolution_id=resolution_id, unit_id=unit_id)
    _refuse_unless(resolution, share, ShareState.REPORTED_DONE)
    reporter = shares_repo.last_reporter(session, resolution_id=resolution.id,
                                              unit_id=unit_id)
    if not allow_own and reporter is not None and reporter == actor.member_id:
        raise OwnReport(number=resolution.number)
    event = _move(session, resolution, share, to=ShareState.CONFIRMED,
                  kind=ResolutionEventKind.CONFIRMED, actor=actor, note=None, now=now)
    notices.share_answered(session, resolution=resolution, event=event, now=now)
    return resolution


def send_back(
    session: Session, *, resolution_id: int, unit_id: int, actor: Actor, reason: str,
    now: dt.datetime,
) -> Resolution:
    """The secretariat sends one unit's report back: its share is owed again, with the reason."""
    require(actor, Action.CONFIRM_RESOLUTION)
    if not (reason or "").strip():
        raise ReasonRequired()
    resolution, share = share_of(session, resolution_id=resolution_id, unit_id=unit_id)
    _refuse_unless(resolution, share, ShareState.REPORTED_DONE)
    event = _move(session, resolution, share, to=ShareState.SENT_BACK,
                  kind=ResolutionEventKind.SENT_BACK, actor=actor, note=reason.strip(), now=now)
    notices.share_answered(session, resolution=resolution, event=event, now=now)
    return resolution


def not_applicable(
    session: Session, *, resolution_id: int, unit_id: int, actor: Actor, reason: str,
    now: dt.datetime,
) -> Resolution:
    """The secretariat marks one unit's share not applicable, with a reason."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    if not (reason or "").strip():
        raise ReasonRequired()
    resolution, share = share_of(session, resolution_id=resolution_id, unit_id=unit_id)
    _refuse_unless(resolution, share, *shares.OWED, ShareState.REPORTED_DONE)
    _move(session, resolution, share, to=ShareState.NOT_APPLICABLE,
          kind=ResolutionEventKind.NOT_APPLICABLE, actor=actor, note=reason.strip(), now=now)
    return resolution


def _resolution_event(session: Session, resolution: Resolution, *, kind: ResolutionEventKind,
                      before: ResolutionStatus, actor: Actor | None, note: str | None,
                      now: dt.datetime) -> ResolutionEvent:
    return resolutions_repo.add_event(session, event=ResolutionEvent(
        resolution_id=resolution.id, actor_member_id=actor.member_id if actor else None,
        kind=kind, from_status=before, to_status=ResolutionStatus(resolution.status),
        note=(note or None), created_at=now,
    ))


def cancel(
    session: Session, *, resolution_id: int, actor: Actor, note: str | None, now: dt.datetime
) -> Resolution:
    """The secretariat cancels an open or reported resolution (its shares keep their states,
    withdrawn)."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolution_of(session, resolution_id=resolution_id)
    before = ResolutionStatus(resolution.status)
    if before not in (OPEN, REPORTED):
        raise InvalidTransition(f"resolutions.error.is_{before.value}", number=resolution.number)
    resolution.status, resolution.updated_at = CANCELLED, now
    session.add(resolution)
    shares_repo.withdraw(session, resolution_id=resolution.id)
    _resolution_event(session, resolution, kind=ResolutionEventKind.CANCELLED, before=before,
                      actor=actor, note=note, now=now)
    return resolution


def reopen(
    session: Session, *, resolution_id: int, actor: Actor, note: str | None, now: dt.datetime
) -> Resolution:
    """The secretariat reopens a cancelled or confirmed resolution: what its shares owe (its
    confirmed shares owed again, if nothing else was)."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolution_of(session, resolution_id=resolution_id)
    before = ResolutionStatus(resolution.status)
    if before not in (CANCELLED, CONFIRMED):
        raise InvalidTransition(f"resolutions.error.is_{before.value}", number=resolution.number)
    resolution.status = OPEN
    shares_repo.withdraw(session, resolution_id=resolution.id, withdrawn=False)
    shares.reopen_shares(session, resolution, now=now)
    shares.refresh(session, resolution, now=now)
    _resolution_event(session, resolution, kind=ResolutionEventKind.REOPENED, before=before,
                      actor=actor, note=note, now=now)
    return resolution


def assign_units(session: Session, *, resolution: Resolution, units: list[tuple[int, str]],
                 actor: Actor | None, now: dt.datetime) -> None:
    """Make exactly these units responsible: kept shares keep their state, a new unit gets a
    fresh open share, a removed unit's share goes (its history stays, its reminders stop)."""
    removed = resolutions_repo.set_units(session, resolution_id=resolution.id, units=units,
                                         now=now)
    for unit_id in removed:
        record(session, resolution=resolution, kind=ResolutionEventKind.REMOVED, actor=actor,
               note=None, now=now, unit_id=unit_id)
    shares.refresh(session, resolution, now=now)


def record(
    session: Session, *, resolution: Resolution, kind: ResolutionEventKind, actor: Actor | None,
    note: str | None, now: dt.datetime, unit_id: int | None = None,
) -> ResolutionEvent:
    """Record a change that is not a state transition (created, edited, reassigned, removed)."""
    return resolutions_repo.add_event(session, event=ResolutionEvent(
        resolution_id=resolution.id, actor_member_id=actor.member_id if actor else None,
        kind=kind, to_status=ResolutionStatus(resolution.status), note=note, created_at=now,
        unit_id=unit_id,
    ))
