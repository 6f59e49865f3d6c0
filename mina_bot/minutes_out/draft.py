"""What the bot knows of one session, gathered for its minutes: agenda, reports received,
resolutions, the next session and its agenda, and the attendance (recorded, or the RSVP).

The result is plain picklable data; rendering it (render.py) runs in a worker process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.sessions import agenda as agenda_service
from mina_bot.sessions.schedule import ensure_next_session, local_date
from mina_bot.settings import Settings
from storage.models import AgendaKind, AttendanceStatus, CouncilSession, ResolutionStatus
from storage.repositories import attendance as attendance_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

ABSENT = "غایب"  # written in the stand-in cell; the importer reads it back as absent
DEFAULT_NEXT = ("ارائه گزارش اقدامات کمیته ها", "سایر موارد")


@dataclass(frozen=True)
class MinutesDraft:
    """One session's minutes as the bot drafts them."""

    number: int
    day: dt.date
    at: dt.time
    place: str
    agenda: tuple[str, ...]
    reports: tuple[str, ...]
    resolutions: tuple[tuple[int, str, str, str], ...]  # number, time frame, units, subject
    next_agenda: tuple[str, ...]
    next_day: dt.date
    next_at: dt.time
    members: tuple[tuple[str, str], ...]  # name, stand-in («غایب» for absent, "" present)
    guests: tuple[str, ...]


def _agenda_titles(session: Session, council: CouncilSession) -> tuple[str, ...]:
    titles = []
    for item in sessions_repo.agenda_of(session, session_id=council.id):
        kind = AgendaKind(item.kind)
        if kind == AgendaKind.STANDING:
            titles.append(f"گزارش {item.title}")
        elif kind == AgendaKind.REVIEW:
            titles.append("بررسی مصوبات باز و معوق")
        else:
            titles.append(item.title)
    return tuple(titles)


def _next_session(session: Session, council: CouncilSession) -> CouncilSession | None:
    later = sessions_repo.sessions_between(
        session, start=council.starts_at + dt.timedelta(seconds=1),
        end=council.starts_at + dt.timedelta(days=60))
    return later[0] if later else None


def draft_minutes(session: Session, *, council: CouncilSession,
                  settings: Settings) -> MinutesDraft:
    """The minutes of `council` from the database; the next session (the next regular one if
    none is planned) and its agenda, which gets «تأیید صورتجلسه جلسه قبل»."""
    resolutions = []
    for r in resolutions_repo.of_session(session, session_id=council.id):
        if r.status == ResolutionStatus.CANCELLED:
            continue
        names = " / ".join(u.name_fa for u in resolutions_repo.units_of(
            session, resolution_id=r.id))
        resolutions.append((r.number, r.time_frame or "-", names, r.subject))
    units = {u.id: u.name_fa for u in units_repo.list_units(session)}
    reports = tuple(sorted(units[i] for i in resolutions_repo.units_with_submitted_report(
        session, session_id=council.id) if i in units))
    # None planned yet: the next regular one (the minutes name it, and its import adds the
    # approval of these to its agenda).
    following = _next_session(session, council) or ensure_next_session(
        session, now=council.starts_at + dt.timedelta(seconds=1), settings=settings)
    agenda_service.add_once(session, council_session=following,
                            title=agenda_service.APPROVE_MINUTES)
    carried = tuple(i.title for i in sessions_repo.agenda_of(session, session_id=following.id)
                    if AgendaKind(i.kind) in (AgendaKind.CARRIED, AgendaKind.ADDED)
                    and i.title != agenda_service.APPROVE_MINUTES)
    next_agenda = carried or DEFAULT_NEXT
    rows = attendance_repo.of_session(session, session_id=council.id)
    members = tuple(
        (r.name, ABSENT if r.status == AttendanceStatus.ABSENT else (r.stand_in or ""))
        for r in rows if not r.guest)
    local = council.starts_at.astimezone(settings.tz)
    next_local = following.starts_at.astimezone(settings.tz)
    return MinutesDraft(
        number=council.number, day=local_date(council, settings.tz),
        at=local.time().replace(tzinfo=None), place=council.place or "",
        agenda=_agenda_titles(session, council), reports=reports,
        resolutions=tuple(sorted(resolutions)), next_agenda=next_agenda,
        next_day=next_local.date(), next_at=next_local.time().replace(tzinfo=None),
        members=members, guests=tuple(r.name for r in rows if r.guest))
