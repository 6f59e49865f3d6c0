"""Queries on the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from storage.models import AuditLog


def add_entry(
    session: Session,
    *,
    actor_member_id: int | None,
    actor_telegram_id: int | None,
    action: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: datetime,
) -> AuditLog:
    """Record one change."""
    entry = AuditLog(
        actor_member_id=actor_member_id, actor_telegram_id=actor_telegram_id, action=action,
        entity=entity, entity_id=entity_id, before=before, after=after, created_at=at,
    )  # fmt: skip
    session.add(entry)
    session.flush()
    return entry


def entries(
    session: Session, *, entity: str | None = None, entity_id: str | None = None
) -> Sequence[AuditLog]:
    """Audit rows in order, optionally for one entity."""
    query = select(AuditLog).order_by(AuditLog.id)
    if entity is not None:
        query = query.where(AuditLog.entity == entity)
    if entity_id is not None:
        query = query.where(AuditLog.entity_id == entity_id)
    return session.exec(query).all()
