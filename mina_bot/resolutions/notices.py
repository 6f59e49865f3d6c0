"""Who hears of a share's change, through the outbox: the secretariat when a unit reports its
share done (with the note, the file and the buttons), the unit's officers when it is confirmed
or sent back (with the reason). One dedupe key per share event: each is sent exactly once."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.callbacks import encode
from mina_bot.catalog import label, name_in, text
from mina_bot.delivery.outbox import enqueue
from mina_bot.persian import shorten
from storage.models import Resolution, ResolutionEvent, ResolutionEventKind, Unit
from storage.repositories import audience as audience_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

NOTE_LIMIT = 600
KINDS = {ResolutionEventKind.REPORTED_DONE: "share.reported",
         ResolutionEventKind.CONFIRMED: "share.confirmed",
         ResolutionEventKind.SENT_BACK: "share.sent_back"}


def unit_name(session: Session, unit_id: int, lang: str = "fa") -> str:
    """A unit's name in a language ("" for a unit that is gone)."""
    unit = units_repo.get_unit(session, unit_id=unit_id)
    return name_in(unit, lang) if unit is not None else ""


def _params(session: Session, resolution: Resolution, event: ResolutionEvent,
            unit: Unit, lang: str) -> dict:
    council = sessions_repo.get_session(session, session_id=resolution.session_id)
    return {"number": resolution.number, "session": council.number, "unit": name_in(unit, lang),
            "subject": shorten(resolution.subject, 120),
            "note": shorten(event.note, NOTE_LIMIT) if event.note else "—"}


def share_reported(session: Session, *, resolution: Resolution, event: ResolutionEvent,
                   file_id: str | None, now: dt.datetime) -> None:
    """Tell every secretariat member, with «تأیید» / «برگرداندن» and the file (if any)."""
    unit = units_repo.get_unit(session, unit_id=event.unit_id)
    subject = f"share-event-{event.id}"
    for member in audience_repo.secretariat_members(session):
        lang = str(member.language)
        params = _params(session, resolution, event, unit, lang)
        buttons = [[(label("resolutions.button.confirm", lang, number=resolution.number),
                     encode("res", "ok", resolution.id, unit.id)),
                    (label("resolutions.button.back", lang, number=resolution.number),
                     encode("res", "back", resolution.id, unit.id))]]
        enqueue(session, kind=KINDS[event.kind], subject=subject, period="-", now=now,
                member=member, text=text("resolutions.notice.reported", lang, **params),
                buttons=buttons)
        if file_id:
            enqueue(session, kind="share.file", subject=subject, period="-", now=now,
                    member=member, document=file_id,
                    text=text("resolutions.notice.file", lang, **params))


def share_answered(session: Session, *, resolution: Resolution, event: ResolutionEvent,
                   now: dt.datetime) -> None:
    """Tell the share's unit officers it was confirmed, or sent back with the reason."""
    unit = units_repo.get_unit(session, unit_id=event.unit_id)
    key = f"resolutions.notice.{event.kind}"
    for member in audience_repo.officers_of(session, unit_ids=[unit.id]):
        lang = str(member.language)
        enqueue(session, kind=KINDS[event.kind], subject=f"share-event-{event.id}",
                period="-", now=now, member=member,
                text=text(key, lang, **_params(session, resolution, event, unit, lang)))
