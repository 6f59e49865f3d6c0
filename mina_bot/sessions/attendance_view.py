"""Attendance in chat: the answers so far in /session, a session's record in /attendance,
and the RSVP buttons the day-before reminder carries."""

from __future__ import annotations

from sqlmodel import Session

from mina_bot.callbacks import encode
from mina_bot.catalog import join, text
from mina_bot.pages import Buttons
from mina_bot.persian import shorten
from mina_bot.sessions.attendance import council_members
from storage.models import AttendanceStatus, CouncilSession, SessionAttendance
from storage.repositories import attendance as attendance_repo

NAMES_SHOWN = 25
RSVP = "rsvp"


def _names(names: list[str], lang: str) -> str:
    shown = join((shorten(n, 40) for n in names[:NAMES_SHOWN]), lang)
    more = len(names) - NAMES_SHOWN
    return shown + (text("attendance.more", lang, count=more) if more > 0 else "") or "—"


def _person(row: SessionAttendance, lang: str) -> str:
    if row.status == AttendanceStatus.STAND_IN:
        return text("attendance.by_stand_in", lang, name=row.name, stand_in=row.stand_in or "—")
    return text("attendance.name", lang, name=row.name)


def expected_attendance(session: Session, *, council: CouncilSession, lang: str) -> str:
    """What the members answered so far, and who has not (HTML)."""
    rows = [r for r in attendance_repo.of_session(session, session_id=council.id)
            if r.member_id is not None]
    answered = {r.member_id for r in rows}
    silent = [m.name for m in council_members(session) if m.id not in answered]
    by = {s: [_person(r, lang) for r in rows if r.status == s] for s in AttendanceStatus}
    return text("attendance.expected", lang,
                present=len(by[AttendanceStatus.PRESENT]),
                stand_in=len(by[AttendanceStatus.STAND_IN]),
                absent=len(by[AttendanceStatus.ABSENT]), silent=len(silent),
                stand_ins=_names(by[AttendanceStatus.STAND_IN], lang),
                absents=_names(by[AttendanceStatus.ABSENT], lang),
                silents=_names(silent, lang))


def recorded_attendance(session: Session, *, council: CouncilSession, lang: str) -> str:
    """A session's attendance as recorded, one line a person (HTML)."""
    rows = attendance_repo.of_session(session, session_id=council.id)
    lines = [text("attendance.header", lang, number=council.number)]
    for row in rows:
        key = "guest" if row.guest else str(row.status)
        lines.append(text(f"attendance.line.{key}", lang, name=row.name,
                          stand_in=row.stand_in or "—"))
    if not rows:
        lines.append(text("attendance.none", lang))
    return "\n".join(lines)


def rsvp_buttons(occasion: str, subject: str, lang: str) -> Buttons | None:
    """The RSVP buttons of the day-before session reminder (None for any other reminder)."""
    if occasion != "session.eve" or not subject.startswith("session:"):
        return None
    session_id = subject.split(":", 1)[1]
    return [[(text("attendance.button.yes", lang), encode(RSVP, "yes", session_id))],
            [(text("attendance.button.stand_in", lang), encode(RSVP, "sub", session_id))],
            [(text("attendance.button.no", lang), encode(RSVP, "no", session_id))]]
