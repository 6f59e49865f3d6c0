"""Half-finished chat work kept in the database: drafts and the step a conversation is at."""

from __future__ import annotations

import json
from copy import deepcopy
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


_STEP = "ptb"  # rows holding the step a chat conversation is at (PTB's ConversationHandler)


def _step_key(name: str, key: tuple[int | str, ...]) -> str:
    return f"{_STEP}:{name}:{json.dumps(list(key))}"


def conversation_steps(session: Session, *, name: str) -> dict[tuple[int | str, ...], object]:
    """The step of every open conversation `name`, by its chat/user key."""
    prefix = f"{_STEP}:{name}:"
    return {tuple(json.loads(row.key.split(":", 2)[2])): row.state.get("state")
            for row in conversations.of_name(session, name=name) if row.key.startswith(prefix)}


def set_conversation_step(session: Session, *, name: str, key: tuple[int | str, ...],
                          step: object | None) -> None:
    """Remember the step one conversation is at (None: it ended)."""
    if step is None:
        conversations.drop_state(session, key=_step_key(name, key))
    else:
        conversations.put_state(session, key=_step_key(name, key), name=name,
                                state={"state": deepcopy(step)})
