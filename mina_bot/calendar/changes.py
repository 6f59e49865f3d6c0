"""The secretariat's hand on the calendar: move a session, cancel it, or add an extra one.

Every member is told once through the outbox (the dedupe key names the session and its new
moment, so a second move is told again and a retried one is not); the reminder planner reads
the sessions from the database, so reminders follow. A past moment is refused; a Friday or a
holiday is asked about first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.catalog import text
from mina_bot.delivery.outbox import enqueue
from mina_bot.errors import MinaError
from mina_bot.jalali import JalaliDateError, format_date, format_time, parse_date
from mina_bot.official_calendar import days_off
from mina_bot.persian import normalize, shorten, to_latin_digits
from mina_bot.sessions.schedule import create_numbered
from mina_bot.settings import Settings
from storage.models import CouncilSession, SessionStatus
from storage.repositories import audience as audience_repo
from storage.repositories import audit as audit_repo
from storage.repositories import sessions as sessions_repo

PLACE_LIMIT = 120
REASON_LIMIT = 300
FRIDAY = 4  # Python's weekday numbering
_TIME = re.compile(r"^(?:ساعت\s*)?(\d{1,2})(?:\s*[:٫.]\s*(\d{2}))?$")


class CalendarError(MinaError):
    """A move, cancellation or extra session that cannot be done; the key says why."""

    text_key = "calendar.error.slot"


@dataclass(frozen=True)
class Slot:
    """Where and when a session is to be: local date and time, and place."""

    day: dt.date
    time: dt.time
    place: str | None

    def start(self, tz: dt.tzinfo) -> dt.datetime:
        """The aware UTC moment it starts."""
        return dt.datetime.combine(self.day, self.time, tzinfo=tz).astimezone(dt.UTC)

    def to_state(self) -> dict:
        """JSON for the flow state."""
        return {"day": self.day.isoformat(), "time": self.time.strftime("%H:%M"),
                "place": self.place}

    @classmethod
    def from_state(cls, state: dict) -> Slot:
        """Back from to_state()."""
        return cls(dt.date.fromisoformat(state["day"]), dt.time.fromisoformat(state["time"]),
                   state["place"])


def read_slot(answer: str, *, today: dt.date, settings: Settings,
              current: CouncilSession | None = None) -> Slot:
    """«date | time | place»; an empty part keeps the session's own (or the regular one)."""
    parts = [normalize(p) for p in answer.split("|")]
    if len(parts) > 3 or not any(parts):
        raise CalendarError("calendar.error.slot")
    parts += [""] * (3 - len(parts))
    local = current.starts_at.astimezone(settings.tz) if current else None
    try:
        day = parse_date(parts[0], today) if parts[0] else (local.date() if local else None)
    except JalaliDateError:
        raise CalendarError("calendar.error.date", text=shorten(parts[0], 40)) from None
    if day is None:
        raise CalendarError("calendar.error.slot")
    at = local.time().replace(tzinfo=None) if local else settings.session_time
    if parts[1]:
        found = _TIME.match(to_latin_digits(parts[1]))
        if not found or int(found[1]) > 23 or int(found[2] or 0) > 59:
            raise CalendarError("calendar.error.time", text=shorten(parts[1], 40))
        at = dt.time(int(found[1]), int(found[2] or 0))
    if len(parts[2]) > PLACE_LIMIT:
        raise CalendarError("calendar.error.place", limit=PLACE_LIMIT)
    place = parts[2] or (current.place if current else settings.session_place)
    return Slot(day, at, place)


def doubt(session: Session, *, slot: Slot, now: dt.datetime, settings: Settings,
          moving: CouncilSession | None = None) -> str | None:
    """Refuse a past moment or a day another session holds; what to ask about a Friday or a
    holiday (a text, in Persian and English), else None."""
    if slot.start(settings.tz) <= now:
        raise CalendarError("calendar.error.past")
    midnight = dt.datetime.combine(slot.day, dt.time(0), tzinfo=settings.tz).astimezone(dt.UTC)
    others = [s for s in sessions_repo.sessions_between(
        session, start=midnight, end=midnight + dt.timedelta(days=1))
        if moving is None or s.id != moving.id]
    if others:
        raise CalendarError("calendar.error.taken", number=others[0].number)
    off = days_off(session, slot.day, slot.day).get(slot.day)
    if off is not None:
        return "holiday:" + off.name_fa
    return "friday" if slot.day.weekday() == FRIDAY else None


def _planned(council: CouncilSession) -> None:
    if council.status != SessionStatus.PLANNED:
        raise CalendarError("calendar.error.not_planned", number=council.number)


def _snapshot(council: CouncilSession) -> dict:
    return {"starts_at": council.starts_at.isoformat(), "place": council.place,
            "status": str(council.status), "cancel_reason": council.cancel_reason}


def _audit(session: Session, council: CouncilSession, action: str, before: dict | None,
           actor: Actor, now: dt.datetime) -> None:
    audit_repo.add_entry(session, actor_member_id=actor.member_id,
                         actor_telegram_id=actor.telegram_id, action=action,
                         entity="council_session", entity_id=str(council.id), before=before,
                         after=_snapshot(council), at=now)


def _tell_members(session: Session, *, kind: str, council: CouncilSession, period: str,
                  now: dt.datetime, settings: Settings, **params: object) -> int:
    local = council.starts_at.astimezone(settings.tz)
    told = 0
    for member in audience_repo.reachable_members(session):
        lang = str(member.language)
        body = text(f"calendar.told.{kind}", lang, number=council.number,
                    date=format_date(local.date(), lang, "weekday_long"),
                    time=format_time(local, lang), place=council.place or "—",
                    **{k: format_date(v, lang, "weekday_long") if isinstance(v, dt.date) else v
                       for k, v in params.items()})
        told += enqueue(session, kind=f"session.{kind}", subject=f"session:{council.id}",
                        period=period, now=now, text=body, member=member) is not None
    return told


def move_session(session: Session, *, council: CouncilSession, slot: Slot, actor: Actor,
                 now: dt.datetime, settings: Settings) -> int:
    """Move a planned session; returns how many members were told."""
    _planned(council)
    doubt(session, slot=slot, now=now, settings=settings, moving=council)
    before = _snapshot(council)
    old = council.starts_at.astimezone(settings.tz)
    council.starts_at, council.place = slot.start(settings.tz), slot.place
    session.add(council)
    session.flush()
    _audit(session, council, "session.move", before, actor, now)
    where = (council.place or "").replace("|", "/")
    return _tell_members(session, kind="moved", council=council, now=now, settings=settings,
                         period=f"{council.starts_at.isoformat()}@{where}",
                         old=old.date())


def cancel_session(session: Session, *, council: CouncilSession, reason: str, actor: Actor,
                   now: dt.datetime, settings: Settings) -> int:
    """Cancel a planned session with a reason; returns how many members were told."""
    _planned(council)
    reason = normalize(reason)
    if not reason:
        raise CalendarError("calendar.error.reason")
    if len(reason) > REASON_LIMIT:
        raise CalendarError("calendar.error.reason_long", limit=REASON_LIMIT)
    before = _snapshot(council)
    council.status, council.cancel_reason = SessionStatus.CANCELLED, reason
    session.add(council)
    session.flush()
    _audit(session, council, "session.cancel", before, actor, now)
    return _tell_members(session, kind="cancelled", council=council, now=now,
                         settings=settings, period="cancelled", reason=reason)


def add_extra(session: Session, *, slot: Slot, actor: Actor, now: dt.datetime,
              settings: Settings) -> CouncilSession:
    """An extra session, numbered in date order; every member is told."""
    doubt(session, slot=slot, now=now, settings=settings)
    council = create_numbered(session, starts_at=slot.start(settings.tz), place=slot.place)
    _audit(session, council, "session.extra", None, actor, now)
    _tell_members(session, kind="extra", council=council, now=now, settings=settings,
                  period="extra")
    return council
