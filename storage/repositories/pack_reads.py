"""Who was sent a session's pack, and who has read it («خواندم»)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import Member, PackRead


def pushed(session: Session, *, session_id: int) -> bool:
    """Whether the session's pack went out already."""
    query = select(PackRead.id).where(PackRead.session_id == session_id).limit(1)
    return session.exec(query).first() is not None


def add_sent(session: Session, *, session_id: int, member_ids: Iterable[int],
             now: dt.datetime) -> None:
    """One unread row per member the pack went to (tens of thousands: one statement)."""
    rows = [{"session_id": session_id, "member_id": m, "sent_at": now} for m in member_ids]
    if rows:
        session.connection().execute(sa.insert(PackRead), rows)


def mark_read(session: Session, *, session_id: int, member_id: int, now: dt.datetime) -> bool:
    """Record the press (the first one counts); False when the pack never went to them."""
    row = session.exec(select(PackRead).where(PackRead.session_id == session_id,
                                              PackRead.member_id == member_id)).first()
    if row is None:
        return False
    if row.read_at is None:
        row.read_at = now
        session.add(row)
    return True


def of_session(session: Session, *, session_id: int
               ) -> Sequence[tuple[Member, dt.datetime | None]]:
    """Everyone the pack went to, with when they read it (None: not yet), unread first."""
    query = (select(Member, PackRead.read_at).join(PackRead, PackRead.member_id == Member.id)
             .where(PackRead.session_id == session_id)
             .order_by(PackRead.read_at.is_not(None), Member.name, Member.id))
    return session.exec(query).all()


def unread(session: Session, *, session_id: int) -> Sequence[Member]:
    """The members who have not pressed «خواندم»."""
    query = (select(Member).join(PackRead, PackRead.member_id == Member.id)
             .where(PackRead.session_id == session_id, PackRead.read_at.is_(None),
                    Member.active)
             .order_by(Member.name, Member.id))
    return session.exec(query).all()


