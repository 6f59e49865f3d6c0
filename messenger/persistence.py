"""PTB persistence for conversations only, kept in the conversation_state table."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram.ext import BasePersistence, CallbackContext, PersistenceInput

from mina_bot import conversations

ConversationKey = tuple[int | str, ...]  # PTB's key: the chat and/or user ids
ConversationDict = dict[ConversationKey, object]


class SQLConversationPersistence(BasePersistence):
    """Stores each ConversationHandler state as a row, so a restarted bot resumes it."""

    def __init__(self, engine: Engine, update_interval: float = 1) -> None:
        super().__init__(
            store_data=PersistenceInput(bot_data=False, chat_data=False, user_data=False,
                                        callback_data=False),
            update_interval=update_interval,
        )
        self.engine = engine
        # What the table holds, as this process last read or wrote it: PTB reports a step as
        # changed on every update, and most steps stay where they were (FILLING → FILLING).
        # None until PTB first asks, as the application starts.
        self._stored: dict[tuple[str, ConversationKey], object] | None = None

    async def get_conversations(self, name: str) -> ConversationDict:
        """Every stored state of one conversation. PTB asks for each conversation in turn as
        the application starts: the first ask reads them all, in one query."""
        if self._stored is None:
            with Session(self.engine) as session:
                self._stored = conversations.conversation_steps(session)
        return {key: step for (of, key), step in self._stored.items() if of == name}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        """Write one conversation's new state (None ends it), unless the table already has it."""
        stored = self._stored
        if stored is not None and (name, key) in stored and stored[(name, key)] == new_state:
            return
        self._write(name, key, new_state)
        if stored is None:
            return
        if new_state is None:
            stored.pop((name, key), None)
        else:
            stored[(name, key)] = new_state

    def _write(self, name: str, key: ConversationKey, new_state: object | None) -> None:
        with Session(self.engine) as session:
            conversations.set_conversation_step(session, name=name, key=key, step=new_state)
            session.commit()

    # Nothing but conversations is persisted: the database holds everything else.
    async def get_user_data(self) -> dict[int, Any]:
        """Not persisted."""
        return {}

    async def get_chat_data(self) -> dict[int, Any]:
        """Not persisted."""
        return {}

    async def get_bot_data(self) -> dict[Any, Any]:
        """Not persisted."""
        return {}

    async def get_callback_data(self) -> None:
        """Not persisted."""
        return None

    async def update_user_data(self, user_id: int, data: Any) -> None:
        """Not persisted."""

    async def update_chat_data(self, chat_id: int, data: Any) -> None:
        """Not persisted."""

    async def update_bot_data(self, data: Any) -> None:
        """Not persisted."""

    async def update_callback_data(self, data: Any) -> None:
        """Not persisted."""

    async def drop_chat_data(self, chat_id: int) -> None:
        """Not persisted."""

    async def drop_user_data(self, user_id: int) -> None:
        """Not persisted."""

    async def refresh_user_data(self, user_id: int, user_data: Any) -> None:
        """Not persisted."""

    async def refresh_chat_data(self, chat_id: int, chat_data: Any) -> None:
        """Not persisted."""

    async def refresh_bot_data(self, bot_data: Any) -> None:
        """Not persisted."""

    async def flush(self) -> None:
        """Every write is committed at once: nothing to flush."""


async def write_through(update: object, context: CallbackContext) -> None:
    """Save changed conversation states right after each update, not on the next tick.

    The messenger redelivers an update the bot had not confirmed when it was killed; with the
    state saved, the redelivered answer still lands in its conversation step.
    """
    await context.application.update_persistence()
