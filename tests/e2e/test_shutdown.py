"""Stopping the bot: the dispatcher stops with the application, not at its next poll."""

from __future__ import annotations

import asyncio

import pytest


@pytest.fixture
def bot_settings():
    """An hour between the dispatcher's polls: only a wake-up can end its wait in time."""
    return {"delivery_poll_seconds": 3600}


async def test_stopping_the_application_stops_the_dispatcher_at_once(bot):
    """stop() returns with the dispatcher's task done, though its poll is an hour away."""
    bot_data = bot.application.bot_data
    for _ in range(500):  # the delivery job starts the task just after start()
        if "dispatcher_task" in bot_data:
            break
        await asyncio.sleep(0.01)
    task = bot_data["dispatcher_task"]
    await asyncio.sleep(0.05)  # let it finish its first pass and wait for the next
    assert not task.done()
    await asyncio.wait_for(bot.stop(), timeout=30)  # an hour if stopping did not wake it
    assert task.done() and task.exception() is None
