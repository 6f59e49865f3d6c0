"""Persisted chat state: PTB conversation states and per-user pointers, by key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import ConversationState


def get_state(session: Session, *, key: str) -> ConversationState | None:
    """The row stored under `key`, or None."""
    return session.get(ConversationState, key)


def of_name(session: Session, *, name: str) -> Sequence[ConversationState]:
    """Every row stored under one name."""
    return session.exec(select(ConversationState).where(ConversationState.name == name)).all()


def put_state(session: Session, *, key: str, name: str, state: dict[str, Any]) -> None:
    """Store `state` under `key` (a new JSON value, replacing any old one)."""
    row = session.get(ConversationState, key)
    if row is None:
        session.add(ConversationState(key=key, name=name, state=dict(state)))
    else:
        row.name, row.state = name, dict(state)
        session.add(row)
    session.flush()


def drop_state(session: Session, *, key: str) -> None:
    """Forget whatever is stored under `key`."""
    session.execute(sa.delete(ConversationState).where(ConversationState.key == key))
