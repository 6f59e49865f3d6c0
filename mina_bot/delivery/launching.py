"""A broadcast launched in a worker process (`Workers.run`): its thousands of outbox rows are
made and written without holding the bot's answers to everyone else."""

from __future__ import annotations

from datetime import datetime

from mina_bot.actors import Actor
from mina_bot.delivery import broadcast_screens, broadcasts
from mina_bot.settings import Settings
from mina_bot.workers import worker_runtime


def launched(settings: Settings, *, actor: Actor, broadcast_id: int, now: datetime,
             progress_chat_id: int) -> str:
    """`broadcasts.launch`, committed; the progress message's text in the actor's language."""
    with worker_runtime(settings).session() as session:
        broadcasts.launch(session, actor=actor, broadcast_id=broadcast_id, now=now,
                          settings=settings, progress_chat_id=progress_chat_id)
        return broadcast_screens.progress_message(session, broadcast_id=broadcast_id,
                                                  lang=actor.language)
