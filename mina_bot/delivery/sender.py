"""The Sender protocol: what the dispatcher needs from a messenger, and its button shape."""

from __future__ import annotations

from typing import Protocol

from mina_bot.pages import Buttons

# Inline buttons travel as rows of (label, callback data) pairs, so the core needs no telegram.


class Sender(Protocol):
    """Sends HTML messages; raises RetryLater, Unreachable, TransientFailure, PermanentFailure."""

    async def send_text(self, chat_id: int, html: str, *, buttons: Buttons | None = None) -> int:
        """Send an HTML text message; return its message id."""
        ...

    async def send_document(self, chat_id: int, file_id: str, *, caption: str | None = None) -> int:
        """Send a stored document by file id, with an optional HTML caption; return its id."""
        ...

    async def edit_text(self, chat_id: int, message_id: int, html: str, *,
                        buttons: Buttons | None = None) -> None:
        """Replace a message's text (progress reports)."""
        ...
