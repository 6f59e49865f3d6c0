"""Updates the messenger delivers again after a crash: which ones' work is already done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mina_bot.runtime import Runtime
from storage.repositories import updates as updates_repo

# The messenger keeps an unconfirmed update for a day: records older than this serve nothing.
KEEP_HANDLED = dt.timedelta(days=2)


def already_handled(runtime: Runtime, update_ids: Iterable[int]) -> set[int]:
    """Which of these updates a process (this one, or one before a restart) committed work for."""
    with runtime.session() as session:
        return updates_repo.handled_among(session, update_ids=update_ids)


def forget_old(runtime: Runtime) -> int:
    """Drop the handled-update records no redelivery can need any more; how many."""
    with runtime.session() as session:
        return updates_repo.forget_before(session, before=runtime.clock.now() - KEEP_HANDLED)
