"""Multi-step chat flows held in the database under one key scheme, so a restart loses nothing.

A flow of chat `c` and user `u` lives under `flow:<name>:<c>:<u>`: what it has collected so far
(its state, a JSON object) and, under the same key plus `:step`, the step PTB's
ConversationHandler is at (written by messenger.persistence).
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from storage.repositories import conversations

_STEP = ":step"


def flow_key(name: str, chat_id: int, user_id: int) -> str:
    """The one key builder: where flow `name` of one chat and user is stored."""
    return f"flow:{name}:{int(chat_id)}:{int(user_id)}"


@dataclass(frozen=True)
class Flow:
    """One flow of one user in one chat: load, save and drop what it has collected."""

    name: str
    chat_id: int
    user_id: int

    @property
    def key(self) -> str:
        """Where this flow's state is stored."""
        return flow_key(self.name, self.chat_id, self.user_id)

    def load(self, session: Session) -> dict[str, Any] | None:
        """The state saved so far, or None."""
        row = conversations.get_state(session, key=self.key)
        return dict(row.state) if row is not None else None

    def save(self, session: Session, state: dict[str, Any]) -> None:
        """Save (replace) the state."""
        conversations.put_state(session, key=self.key, name=self.name, state=state)

    def drop(self, session: Session) -> None:
        """Forget the state (the flow ended or was cancelled)."""
        conversations.drop_state(session, key=self.key)



def conversation_steps(session: Session) -> dict[tuple[str, tuple[int, int]], object]:
    """The step of every open conversation, by its name and (chat, user) key."""
    steps: dict[tuple[str, tuple[int, int]], object] = {}
    for row in conversations.ending_with(session, suffix=_STEP):
        chat_id, user_id = row.key[: -len(_STEP)].rsplit(":", 2)[1:]
        steps[(row.name, (int(chat_id), int(user_id)))] = row.state.get("state")
    return steps


def set_conversation_step(session: Session, *, name: str, key: tuple[int, ...],
                          step: object | None) -> None:
    """Remember the step one conversation (keyed by chat and user) is at (None: it ended)."""
    chat_id, user_id = key  # every conversation is per chat and user (handlers.common)
    step_key = flow_key(name, chat_id, user_id) + _STEP
    if step is None:
        conversations.drop_state(session, key=step_key)
    else:
        conversations.put_state(session, key=step_key, name=name,
                                state={"state": deepcopy(step)})
