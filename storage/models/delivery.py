"""Broadcasts and the delivery outbox every outgoing message passes through."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, enum_field, moment_field
from storage.models.enums import BroadcastKind, BroadcastStatus, OutboxState
from storage.types import JSONValue, UTCDateTime


class Broadcast(SQLModel, table=True):
    """A message the secretariat sends to an audience of members or units."""

    __tablename__ = "broadcast"

    id: int | None = Field(default=None, primary_key=True)
    created_by_id: int = Field(foreign_key="member.id")
    kind: BroadcastKind = enum_field(BroadcastKind, BroadcastKind.TEXT)
    text: str | None = Field(default=None, sa_type=sa.Text())
    audience: Any = Field(default_factory=dict, sa_type=JSONValue)
    status: BroadcastStatus = enum_field(BroadcastStatus, BroadcastStatus.DRAFT)
    progress_chat_id: int | None = Field(default=None, sa_type=sa.BigInteger())
    progress_message_id: int | None = Field(default=None, sa_type=sa.BigInteger())
    created_at: datetime = created_at_field()
    finished_at: datetime | None = moment_field()


class OutboxMessage(SQLModel, table=True):
    """One message to deliver, at most once per dedupe key (kind|recipient|subject|period)."""

    __tablename__ = "outbox_message"
    __table_args__ = (sa.Index("ix_outbox_message_state_not_before", "state", "not_before"),)

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True, index=True)
    kind: str
    chat_id: int = Field(sa_type=sa.BigInteger())
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    broadcast_id: int | None = Field(default=None, foreign_key="broadcast.id", index=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSONValue)
    state: OutboxState = enum_field(OutboxState, OutboxState.PENDING)
    attempts: int = 0
    not_before: datetime = Field(sa_type=UTCDateTime())
    claimed_at: datetime | None = moment_field()
    claimed_by: str | None = None
    sent_at: datetime | None = moment_field()
    telegram_message_id: int | None = Field(default=None, sa_type=sa.BigInteger())
    last_error: str | None = Field(default=None, sa_type=sa.Text())
    created_at: datetime = created_at_field()


class LinkedChat(SQLModel, table=True):
    """A group or channel the bot was added to and asked (/link) to serve a unit or the council;
    it receives broadcasts and the agenda once the secretariat confirms it."""

    __tablename__ = "linked_chat"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=sa.BigInteger(), unique=True, index=True)
    title: str = ""
    chat_type: str = Field(default="group", max_length=32)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    council: bool = False  # the council's own group (the agenda and everyone's broadcasts)
    confirmed: bool = False
    requested_by: int | None = Field(default=None, sa_type=sa.BigInteger())  # a Telegram id
    created_at: datetime = created_at_field()


class ReminderItem(SQLModel, table=True):
    """One reminder to one member, at most once per key (occasion|member|subject|period); the
    items due to a member at one moment go out in one outbox row, worded when it is sent."""

    __tablename__ = "reminder_item"
    __table_args__ = (sa.Index("ix_reminder_item_state_member", "state", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True)
    member_id: int = Field(foreign_key="member.id")
    kind: str = Field(max_length=16)  # report, session, resolution, digest
    occasion: str = Field(max_length=32)
    subject: str
    period: str
    moment: datetime = Field(sa_type=UTCDateTime())
    expires: datetime = Field(sa_type=UTCDateTime())
    details: dict[str, Any] = Field(default_factory=dict, sa_type=JSONValue)
    state: str = Field(default="queued", max_length=16)  # queued, composed, dropped
    outbox_id: int | None = Field(default=None, foreign_key="outbox_message.id", index=True)
    created_at: datetime = created_at_field()
