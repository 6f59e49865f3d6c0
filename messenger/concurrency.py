"""Updates of different chats run concurrently; the updates of one chat, one by one in order."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

SHARED = None  # the key of updates with neither a chat nor a user


def chat_key(update: object) -> Hashable:
    """What orders an update: its chat, else its user, else one key shared by all the rest."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
    return SHARED


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Up to `max_concurrent_updates` updates at once, but a chat's updates strictly in order.

    Each chat with work under way has the future of its last update; a new update waits for it
    and becomes the chat's last. The entry goes when the chat's last update is done, so only
    busy chats are remembered. ConversationHandler needs a conversation's updates one by one:
    the per-chat order gives exactly that back.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._last: dict[Hashable, asyncio.Future[None]] = {}

    @property
    def busy_chats(self) -> int:
        """How many chats have an update running or waiting."""
        return len(self._last)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run `coroutine` once the chat's earlier updates are done."""
        # Nothing is awaited before the chat's queue is joined: PTB's semaphore admits updates
        # in arrival order, so the chat's queue is in arrival order too.
        key = chat_key(update)
        previous = self._last.get(key)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._last[key] = done
        started = False
        try:
            if previous is not None and not previous.done():
                await asyncio.wait((previous,))  # unlike `await previous`, never cancels it
            started = True
            await coroutine
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()  # cancelled while waiting (shutdown): never to run
            if previous is not None and not previous.done():
                # Cancelled while waiting: the chat's next update still waits for `previous`.
                previous.add_done_callback(lambda _: self._release(key, done))
            else:
                self._release(key, done)

    def _release(self, key: Hashable, done: asyncio.Future[None]) -> None:
        done.set_result(None)
        if self._last.get(key) is done:
            del self._last[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free: the Application waits for its update tasks before shutting down."""
