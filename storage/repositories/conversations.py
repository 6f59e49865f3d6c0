"""Persisted conversation drafts, so a restart does not lose what a user was doing."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from storage.models import ConversationState


def get_state(session: Session, *, key: str) -> ConversationState | None:
    """The saved state under `key`, or None."""
    return session.get(ConversationState, key)


def put_state(session: Session, *, key: str, name: str, state: dict[str, Any]) -> None:
    """Save (replace) the state under `key`."""
    row = session.get(ConversationState, key)
    if row is None:
        row = ConversationState(key=key, name=name, state=state)
    else:
        row.name, row.state = name, dict(state)  # a new dict: JSON columns are not tracked
    session.add(row)
    session.flush()


def drop_state(session: Session, *, key: str) -> None:
    """Forget the state under `key`."""
    row = session.get(ConversationState, key)
    if row is not None:
        session.delete(row)
        session.flush()
