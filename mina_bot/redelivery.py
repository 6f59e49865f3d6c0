"""Updates the messenger delivers again after a crash: which ones' work is already done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mina_bot.runtime import Runtime
from storage.repositories import conversations as conversations_repo
from storage.repositories import updates as updates_repo

# The messenger keeps an unconfirmed update for a day: records older than this serve nothing.
KEEP_HANDLED = dt.timedelta(days=2)


def already_handled(runtime: Runtime, update_ids: Iterable[int]) -> set[int]:
    """Which of these updates a process (this one, or one before a restart) committed work for."""
    with runtime.session() as session:
        return updates_repo.handled_among(session, update_ids=update_ids)


def newest_handled(runtime: Runtime) -> int:
    """The newest update id recorded as handled (0: none); update ids only grow."""
    with runtime.session() as session:
        return updates_repo.newest(session)


def forget_old(runtime: Runtime) -> int:
    """Drop the handled-update records no redelivery can need any more; how many."""
    with runtime.session() as session:
        return updates_repo.forget_before(session, before=runtime.clock.now() - KEEP_HANDLED)


PARKED = "parked_update"  # the conversation-state name of updates confirmed while in hand


def park(runtime: Runtime, updates: dict[int, dict]) -> None:
    """Keep these updates (id -> the update as JSON) so a restart can handle them again, before
    they are confirmed to the messenger while still in hand."""
    with runtime.session() as session:
        for update_id, payload in updates.items():
            conversations_repo.put_state(session, key=f"{PARKED}:{update_id}", name=PARKED,
                                         state=payload)


def unpark(runtime: Runtime, update_id: int) -> None:
    """Forget a parked update: its handling ended."""
    with runtime.session() as session:
        conversations_repo.drop_state(session, key=f"{PARKED}:{update_id}")


def parked(runtime: Runtime) -> list[dict]:
    """The parked updates (as JSON) whose work is not committed: a process stopped while
    handling them; the others are forgotten."""
    with runtime.session() as session:
        rows = {int(r.key.rpartition(":")[2]): r.state
                for r in conversations_repo.of_name(session, name=PARKED)}
        done = updates_repo.handled_among(session, update_ids=rows)
        for update_id in done:
            conversations_repo.drop_state(session, key=f"{PARKED}:{update_id}")
    return [state for update_id, state in sorted(rows.items()) if update_id not in done]
