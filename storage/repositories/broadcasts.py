"""Queries on broadcasts: drafts, state changes that only one process may win, attachments."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import Attachment, Broadcast, BroadcastStatus


def get(session: Session, *, broadcast_id: int) -> Broadcast | None:
    """A broadcast, fresh from the database."""
    return session.get(Broadcast, broadcast_id, populate_existing=True)


def drafts_of(session: Session, *, member_id: int) -> list[Broadcast]:
    """A member's broadcasts still in draft."""
    query = select(Broadcast).where(Broadcast.created_by_id == member_id,
                                    Broadcast.status == BroadcastStatus.DRAFT)
    return list(session.exec(query).all())


def move(session: Session, *, broadcast_id: int, from_status: BroadcastStatus,
         to_status: BroadcastStatus) -> bool:
    """Change the status only if it still is `from_status`; whether this call did it."""
    statement = (
        sa.update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.status == from_status)
        .values(status=to_status)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount == 1


def finish(session: Session, *, broadcast_id: int, now: datetime) -> bool:
    """Stamp finished_at once; whether this call did it (one process sends the report)."""
    statement = (
        sa.update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.finished_at.is_(None))
        .values(finished_at=now,
                status=sa.case((Broadcast.status == BroadcastStatus.SENDING,
                                BroadcastStatus.DONE.value), else_=Broadcast.status))
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount == 1


def document_of(session: Session, *, broadcast_id: int) -> Attachment | None:
    """The document a broadcast carries, if any."""
    query = select(Attachment).where(Attachment.broadcast_id == broadcast_id)
    return session.exec(query.order_by(Attachment.id.desc())).first()
