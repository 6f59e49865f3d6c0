"""The life of a resolution: open → reported done → confirmed (or sent back); cancelled.

Every change is a ResolutionEvent (who, when, note). Permission is checked here, against the
unit the report is made for. Overdue is never stored: see `is_overdue`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, NotFound, PermissionDenied
from mina_bot.permissions import Action, require
from storage.models import (
    Attachment,
    Resolution,
    ResolutionEvent,
    ResolutionEventKind,
    ResolutionStatus,
    Unit,
)
from storage.repositories import resolutions as resolutions_repo

OPEN, REPORTED, CONFIRMED, CANCELLED = (
    ResolutionStatus.OPEN, ResolutionStatus.REPORTED_DONE,
    ResolutionStatus.CONFIRMED, ResolutionStatus.CANCELLED,
)


class InvalidTransition(MinaError):
    """The resolution is not in a state that allows this change (text per current state)."""

    text_key = "resolutions.error.is_open"


class ReasonRequired(MinaError):
    """Sending a report back needs a reason."""

    text_key = "resolutions.error.reason_required"


@dataclass(frozen=True)
class DocumentRef:
    """A file that came with a report, kept by its Telegram file id."""

    file_id: str
    file_unique_id: str
    file_name: str | None = None
    mime_type: str | None = None
    size: int | None = None


def is_overdue(resolution: Resolution, today: dt.date) -> bool:
    """Open (or sent back) and past its due date; derived, never stored."""
    return (resolution.status == OPEN and resolution.due_date is not None
            and resolution.due_date < today)


def resolution_of(session: Session, *, resolution_id: int) -> Resolution:
    """The resolution a button names, or NotFound."""
    resolution = resolutions_repo.get_resolution(session, resolution_id=resolution_id)
    if resolution is None:
        raise NotFound()
    return resolution


def _responsible_unit(session: Session, resolution: Resolution, unit_id: int) -> Unit:
    for unit in resolutions_repo.units_of(session, resolution_id=resolution.id):
        if unit.id == unit_id:
            return unit
    raise PermissionDenied(action=Action.REPORT_RESOLUTION_DONE.value, unit_id=unit_id)


def _refuse_unless(resolution: Resolution, status: ResolutionStatus) -> None:
    if resolution.status != status:
        raise InvalidTransition(f"resolutions.error.is_{resolution.status}",
                                number=resolution.number)


def reportable(session: Session, *, resolution_id: int, unit_id: int) -> tuple[Resolution, str]:
    """Before asking for the note: open, and the unit answers for it; the unit's name."""
    resolution = resolution_of(session, resolution_id=resolution_id)
    unit = _responsible_unit(session, resolution, unit_id)
    _refuse_unless(resolution, OPEN)
    return resolution, unit.name_fa


def returnable(session: Session, *, resolution_id: int) -> Resolution:
    """Before asking why it is sent back: the resolution has been reported done."""
    resolution = resolution_of(session, resolution_id=resolution_id)
    _refuse_unless(resolution, REPORTED)
    return resolution


def _move(
    session: Session, resolution: Resolution, *, allowed_from: tuple[ResolutionStatus, ...],
    to: ResolutionStatus, kind: ResolutionEventKind, actor: Actor, note: str | None,
    now: dt.datetime, unit_id: int | None = None,
) -> ResolutionEvent:
    current = ResolutionStatus(resolution.status)
    if current not in allowed_from:
        raise InvalidTransition(f"resolutions.error.is_{current.value}", number=resolution.number)
    resolution.status = to
    resolution.updated_at = now
    session.add(resolution)
    return resolutions_repo.add_event(session, event=ResolutionEvent(
        resolution_id=resolution.id, actor_member_id=actor.member_id, kind=kind,
        from_status=current, to_status=to, unit_id=unit_id, note=(note or None),
        created_at=now,
    ))


def report_done(
    session: Session, *, resolution_id: int, unit_id: int, actor: Actor, note: str | None,
    now: dt.datetime, document: DocumentRef | None = None,
) -> Resolution:
    """A head or secretary of a responsible unit reports the resolution done."""
    require(actor, Action.REPORT_RESOLUTION_DONE, unit_id=unit_id)
    resolution = resolution_of(session, resolution_id=resolution_id)
    _responsible_unit(session, resolution, unit_id)
    event = _move(session, resolution, allowed_from=(OPEN,), to=REPORTED,
                  kind=ResolutionEventKind.REPORTED_DONE, actor=actor, note=note, now=now,
                  unit_id=unit_id)
    if document is not None:
        resolutions_repo.add_attachment(session, attachment=Attachment(
            resolution_event_id=event.id, telegram_file_id=document.file_id,
            file_unique_id=document.file_unique_id, file_name=document.file_name,
            mime_type=document.mime_type, size=document.size,
            uploaded_by_id=actor.member_id, created_at=now,
        ))
    return resolution


def confirm(
    session: Session, *, resolution_id: int, actor: Actor, note: str | None, now: dt.datetime
) -> Resolution:
    """The secretariat confirms a reported resolution: it is done for every unit."""
    require(actor, Action.CONFIRM_RESOLUTION)
    resolution = resolution_of(session, resolution_id=resolution_id)
    _move(session, resolution, allowed_from=(REPORTED,), to=CONFIRMED,
          kind=ResolutionEventKind.CONFIRMED, actor=actor, note=note, now=now)
    return resolution


def send_back(
    session: Session, *, resolution_id: int, actor: Actor, reason: str, now: dt.datetime
) -> Resolution:
    """The secretariat sends a report back: the resolution is open again, with the reason."""
    require(actor, Action.CONFIRM_RESOLUTION)
    if not (reason or "").strip():
        raise ReasonRequired()
    resolution = resolution_of(session, resolution_id=resolution_id)
    _move(session, resolution, allowed_from=(REPORTED,), to=OPEN,
          kind=ResolutionEventKind.SENT_BACK, actor=actor, note=reason.strip(), now=now)
    return resolution


def cancel(
    session: Session, *, resolution_id: int, actor: Actor, note: str | None, now: dt.datetime
) -> Resolution:
    """The secretariat cancels an open or reported resolution."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolution_of(session, resolution_id=resolution_id)
    _move(session, resolution, allowed_from=(OPEN, REPORTED), to=CANCELLED,
          kind=ResolutionEventKind.CANCELLED, actor=actor, note=note, now=now)
    return resolution


def reopen(
    session: Session, *, resolution_id: int, actor: Actor, note: str | None, now: dt.datetime
) -> Resolution:
    """The secretariat reopens a cancelled or confirmed resolution."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolution_of(session, resolution_id=resolution_id)
    _move(session, resolution, allowed_from=(CANCELLED, CONFIRMED), to=OPEN,
          kind=ResolutionEventKind.REOPENED, actor=actor, note=note, now=now)
    return resolution
