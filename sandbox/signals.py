"""Change notification for long polls and control-side waits."""

from __future__ import annotations

import asyncio


class Signal:
    """Wakes every waiter when the world changes (an Event renewed on each notify)."""

    def __init__(self) -> None:
        self._event: asyncio.Event | None = None

    def notify(self) -> None:
        """Wake the current waiters; later waiters wait for the next change."""
        if self._event is not None:
            self._event.set()
            self._event = None

    async def wait(self, timeout: float) -> bool:
        """Wait up to timeout seconds for the next change; False when none came."""
        if timeout <= 0:
            return False
        if self._event is None:
            self._event = asyncio.Event()
        event = self._event
        try:
            async with asyncio.timeout(timeout):
                await event.wait()
        except TimeoutError:
            return False
        return True
