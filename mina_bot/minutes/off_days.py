"""Deadlines that fall on a Friday or a holiday: flagged, and (a setting, on by default) moved to
the next working day; the import preview says which and where to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace

from mina_bot.minutes.model import ParsedMinutes
from mina_bot.official_calendar import is_day_off, next_working_day


def settle_off_days(minutes: ParsedMinutes, holidays: Collection[dt.date], *,
                    move: bool) -> ParsedMinutes:
    """The minutes with each due date on a day off flagged (`off_day`) and, if `move`, moved
    to the next working day; a deadline «at the next session» is the session's own day."""
    rows = []
    for r in minutes.resolutions:
        if r.due is not None and not r.due_at_next_session and is_day_off(r.due, holidays):
            r = replace(r, off_day=r.due, moved=move,
                        due=next_working_day(r.due, holidays) if move else r.due)
        rows.append(r)
    return replace(minutes, resolutions=tuple(rows))
