"""Half-finished chat work (an invitation, an import preview…) kept in the database."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from storage.repositories import conversations


def load(session: Session, *, key: str, name: str) -> dict[str, Any] | None:
    """The draft `name` saved under `key`, or None (also when another draft sits there)."""
    row = conversations.get_state(session, key=key)
    return dict(row.state) if row is not None and row.name == name else None


def save(session: Session, *, key: str, name: str, state: dict[str, Any]) -> None:
    """Save (replace) the draft under `key`."""
    conversations.put_state(session, key=key, name=name, state=state)


def drop(session: Session, *, key: str) -> None:
    """Forget the draft under `key`."""
    conversations.drop_state(session, key=key)
