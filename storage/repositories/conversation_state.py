"""Queries on persisted conversation drafts, so a restart loses nothing."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from storage.models import ConversationState


def get_state(session: Session, *, key: str, name: str) -> dict[str, Any] | None:
    """The saved state of conversation `name` under `key`, or None."""
    row = session.get(ConversationState, key)
    return dict(row.state) if row is not None and row.name == name else None


def put_state(session: Session, *, key: str, name: str, state: dict[str, Any]) -> None:
    """Save (replace) a conversation's state."""
    row = session.get(ConversationState, key)
    if row is None:
        row = ConversationState(key=key, name=name, state=state)
    else:
        row.name, row.state = name, dict(state)
    session.add(row)
    session.flush()


def drop_state(session: Session, *, key: str) -> None:
    """Forget a conversation's state."""
    row = session.get(ConversationState, key)
    if row is not None:
        session.delete(row)
        session.flush()
