"""Who comes and who came: the RSVP before a session, the minutes' attendance after it,
corrections in chat (who and when kept), and attendance over a quarter for the report.

A member's row is matched by name (titles, spaces, ZWNJ and hyphens aside); the minutes' names
no member matches are kept as written. Before the session a row is a member's answer; after
it, the minutes' word replaces the answers whole.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, NotFound
from mina_bot.persian import match_key, normalize, shorten
from storage.models import (
    AttendanceStatus,
    CouncilSession,
    Member,
    SessionAttendance,
    SessionStatus,
)
from storage.repositories import attendance as attendance_repo
from storage.repositories import audience as audience_repo
from storage.repositories import audit as audit_repo
from storage.repositories import members as members_repo
from storage.repositories import sessions as sessions_repo

STAND_IN_LIMIT = 80
ABSENT_WORDS = frozenset({"غایب", "غیبت", "absent"})
_STATUS_WORDS = {"حاضر": AttendanceStatus.PRESENT, "present": AttendanceStatus.PRESENT,
                 "نماینده": AttendanceStatus.STAND_IN, "stand-in": AttendanceStatus.STAND_IN,
                 "غایب": AttendanceStatus.ABSENT, "absent": AttendanceStatus.ABSENT}
_TITLES = re.compile(r"^(?:آقای|اقای|خانم|دکتر|مهندس|سرکار|جناب|mr|mrs|ms|dr)\.?$")


class AttendanceError(MinaError):
    """An answer or correction that cannot be taken; the key says why."""

    text_key = "attendance.error.closed"


def name_key(name: str) -> str:
    """A name as compared: without titles, spaces, ZWNJ, hyphens or dots."""
    words = [w for w in normalize(name).replace("-", " ").split() if not _TITLES.match(w)]
    return match_key("".join(words)).replace("\u200c", "").replace(".", "")


def council_members(session: Session) -> Sequence[Member]:
    """The members the council expects: every active member with a seat in a unit, by name."""
    return audience_repo.members_holding(session)


def _stand_in(name: str | None) -> str:
    cleaned = normalize(name or "")
    if not cleaned:
        raise AttendanceError("attendance.error.stand_in_empty")
    if len(cleaned) > STAND_IN_LIMIT:
        raise AttendanceError("attendance.error.stand_in_long", limit=STAND_IN_LIMIT)
    return cleaned


def answer_rsvp(session: Session, *, council: CouncilSession, member: Member,
                status: AttendanceStatus, stand_in: str | None, now: dt.datetime,
                ) -> SessionAttendance:
    """A member's answer to the day-before reminder (again: the later answer counts)."""
    if council.status != SessionStatus.PLANNED or council.starts_at <= now:
        raise AttendanceError("attendance.error.closed", number=council.number)
    row = attendance_repo.of_member(session, session_id=council.id, member_id=member.id) \
        or SessionAttendance(session_id=council.id, member_id=member.id, name=member.name,
                             status=status, source="rsvp", changed_at=now)
    row.status = status
    row.stand_in = _stand_in(stand_in) if status == AttendanceStatus.STAND_IN else None
    row.source, row.changed_by_member_id, row.changed_at = "rsvp", member.id, now
    return attendance_repo.save(session, row=row)


RSVP_VERBS = {"yes": AttendanceStatus.PRESENT, "no": AttendanceStatus.ABSENT,
              "sub": AttendanceStatus.STAND_IN}


def rsvp(session: Session, *, session_id: int, member_id: int | None, verb: str,
         stand_in: str | None, now: dt.datetime) -> tuple[int, str | None]:
    """An RSVP button's answer (or a stand-in's name): the session's number and the stand-in."""
    member = members_repo.get_member(session, member_id=member_id or 0)
    council = sessions_repo.get_session(session, session_id=session_id)
    if member is None or council is None or verb not in RSVP_VERBS:
        raise NotFound()
    row = answer_rsvp(session, council=council, member=member, status=RSVP_VERBS[verb],
                      stand_in=stand_in, now=now)
    return council.number, row.stand_in


def _status_of(attendee: Any) -> tuple[AttendanceStatus, str | None]:
    if attendee.stand_in and match_key(attendee.stand_in) in ABSENT_WORDS:
        return AttendanceStatus.ABSENT, None
    if attendee.stand_in:
        return AttendanceStatus.STAND_IN, attendee.stand_in
    return AttendanceStatus.PRESENT, None


def store_from_minutes(session: Session, *, council: CouncilSession,
                       attendees: Sequence[Any], actor_member_id: int | None,
                       now: dt.datetime) -> int:
    """The minutes' attendance (minutes.model.Attendee) replaces what the session had; how
    many members were matched."""
    if not attendees:
        return 0
    attendance_repo.clear(session, session_id=council.id)
    by_name = {name_key(m.name): m for m in council_members(session)}
    taken: set[int] = set()
    for position, person in enumerate(attendees):
        member = by_name.get(name_key(person.name))
        member_id = member.id if member and member.id not in taken else None
        if member_id:
            taken.add(member_id)
        status, stand_in = _status_of(person)
        attendance_repo.save(session, row=SessionAttendance(
            session_id=council.id, member_id=member_id, name=shorten(person.name, 120),
            guest=person.group == "guest", status=status,
            stand_in=shorten(stand_in, STAND_IN_LIMIT) if stand_in else None,
            source="minutes", position=position, changed_by_member_id=actor_member_id,
            changed_at=now))
    return len(taken)


def _snapshot(row: SessionAttendance) -> dict:
    return {"name": row.name, "status": str(row.status), "stand_in": row.stand_in,
            "guest": row.guest, "source": row.source}


def correct(session: Session, *, council: CouncilSession, answer: str, actor: Actor,
            now: dt.datetime) -> SessionAttendance:
    """«name | حاضر / نماینده / غایب | stand-in»: one row corrected, who and when kept."""
    parts = [normalize(p) for p in answer.split("|")]
    if len(parts) < 2 or not parts[0] or match_key(parts[1]) not in _STATUS_WORDS:
        raise AttendanceError("attendance.error.correction")
    status = _STATUS_WORDS[match_key(parts[1])]
    stand_in = _stand_in(parts[2] if len(parts) > 2 else "") \
        if status == AttendanceStatus.STAND_IN else None
    key = name_key(parts[0])
    rows = attendance_repo.of_session(session, session_id=council.id)
    row = next((r for r in rows if name_key(r.name) == key), None)
    member = next((m for m in council_members(session) if name_key(m.name) == key), None)
    if row is None and member is not None:
        row = next((r for r in rows if r.member_id == member.id), None)
    if row is None and member is None:
        raise AttendanceError("attendance.error.not_member", name=shorten(parts[0], 60))
    before = _snapshot(row) if row else None
    if row is None:
        row = SessionAttendance(session_id=council.id, member_id=member.id, name=member.name,
                                status=status, source="chat", position=len(rows),
                                changed_at=now)
    row.status, row.stand_in, row.source = status, stand_in, "chat"
    row.changed_by_member_id, row.changed_at = actor.member_id, now
    attendance_repo.save(session, row=row)
    audit_repo.add_entry(session, actor_member_id=actor.member_id,
                         actor_telegram_id=actor.telegram_id, action="attendance.correct",
                         entity="session_attendance", entity_id=str(row.id), before=before,
                         after=_snapshot(row), at=now)
    return row


@dataclass(frozen=True)
class Tally:
    """How often one member (or unit) came, sent a stand-in, was away, of the sessions held."""

    sessions: int
    present: int = 0
    stand_in: int = 0
    absent: int = 0


def quarter_attendance(session: Session, *, start: dt.date, end: dt.date, tz: dt.tzinfo,
                       ) -> tuple[dict[int, Tally], dict[int, Tally]]:
    """Per member and per unit (by its members' seats), the attendance at the sessions held
    from `start` to `end` (local dates, inclusive). A member the minutes do not name counts
    as absent."""
    begin = dt.datetime.combine(start, dt.time(0), tzinfo=tz).astimezone(dt.UTC)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
    held = sessions_repo.sessions_between(session, start=begin,
                                          end=finish.astimezone(dt.UTC), held_only=True)
    rows = attendance_repo.of_sessions(session, session_ids=[s.id for s in held])
    counts: dict[int, Counter] = {m.id: Counter() for m in council_members(session)}
    for row in rows:
        counts.setdefault(row.member_id, Counter())[str(row.status)] += 1
    members = {mid: Tally(len(held), c["present"], c["stand_in"],
                          len(held) - c["present"] - c["stand_in"])
               for mid, c in counts.items()}
    units: dict[int, Tally] = {}
    for mid, unit_id in members_repo.active_seats(session):
        tally = members.get(mid)
        if tally is not None:
            was = units.get(unit_id, Tally(0))
            units[unit_id] = Tally(was.sessions + tally.sessions, was.present + tally.present,
                                   was.stand_in + tally.stand_in, was.absent + tally.absent)
    return members, units
