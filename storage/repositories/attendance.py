"""Queries on who came to a session (session_attendance)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import SessionAttendance


def of_session(session: Session, *, session_id: int) -> Sequence[SessionAttendance]:
    """A session's attendance: members first, as written, then others present."""
    query = (select(SessionAttendance).where(SessionAttendance.session_id == session_id)
             .order_by(SessionAttendance.guest, SessionAttendance.position,
                       SessionAttendance.id))
    return session.exec(query).all()


def of_member(session: Session, *, session_id: int, member_id: int) -> SessionAttendance | None:
    """One member's row for a session, or None."""
    query = select(SessionAttendance).where(SessionAttendance.session_id == session_id,
                                            SessionAttendance.member_id == member_id)
    return session.exec(query).first()


def save(session: Session, *, row: SessionAttendance) -> SessionAttendance:
    """Insert or update one row and flush it."""
    session.add(row)
    session.flush()
    return row


def clear(session: Session, *, session_id: int) -> None:
    """Forget a session's attendance (the minutes replace it whole)."""
    session.execute(sa.delete(SessionAttendance)
                    .where(SessionAttendance.session_id == session_id)
                    .execution_options(synchronize_session=False))
    session.expire_all()


def of_sessions(session: Session, *, session_ids: Iterable[int]) -> Sequence[SessionAttendance]:
    """The attendance of several sessions (members only)."""
    query = select(SessionAttendance).where(
        SessionAttendance.session_id.in_(list(session_ids)),
        SessionAttendance.member_id.is_not(None))
    return session.exec(query).all()
