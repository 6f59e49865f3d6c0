"""The audit log of who changed what, persisted chat conversation state, handled updates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, updated_at_field
from storage.types import JSONValue


class AuditLog(SQLModel, table=True):
    """One recorded change: actor, action, entity and its before/after snapshots."""

    __tablename__ = "audit_log"
    __table_args__ = (sa.Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_member_id: int | None = Field(default=None, foreign_key="member.id")
    actor_telegram_id: int | None = Field(default=None, sa_type=sa.BigInteger())
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None = Field(default=None, sa_type=JSONValue)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSONValue)
    created_at: datetime = created_at_field()


class ConversationState(SQLModel, table=True):
    """Where a chat conversation stands, so a restart resumes it (key e.g. report:<id>)."""

    __tablename__ = "conversation_state"

    key: str = Field(primary_key=True)
    name: str
    state: dict[str, Any] = Field(default_factory=dict, sa_type=JSONValue)
    updated_at: datetime = updated_at_field()


class HandledUpdate(SQLModel, table=True):
    """An update whose work is committed: delivered again after a restart, it is skipped."""

    __tablename__ = "handled_update"

    update_id: int = Field(primary_key=True, sa_type=sa.BigInteger(), sa_column_kwargs={
        "autoincrement": False})
    handled_at: datetime = created_at_field()
