"""«What do I owe?» for one member: one page of their units' duties, chosen by the database.

The coming session and the secretariat's queue are read once and kept until their data changes
(mina_bot/readcache.py); the page itself is kept per member and page, for the day.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Sequence

from mina_bot.actors import Actor
from mina_bot.clock import local_today
from mina_bot.permissions import Action, allowed
from mina_bot.resolutions import duties, views
from mina_bot.runtime import Runtime
from mina_bot.sessions.schedule import ensure_next_session, local_date
from storage.models import CouncilSession

PAGE_TOPICS = ("duties", "roster")
Rows = tuple[tuple[tuple[str, str], ...], ...]


def owe_page(runtime: Runtime, actor: Actor, page: int
             ) -> tuple[str, Sequence[Sequence[tuple[str, str]]]]:
    """The page's HTML and buttons, in the actor's language."""
    now, reads = runtime.clock.now(), runtime.reads
    coming = reads.fetch("coming-session", ("duties",), lambda: _coming(runtime), now=now,
                         until=lambda council: council.starts_at)
    today = local_today(runtime.clock, runtime.tz)
    units = {m.unit_id: m.unit_name_in(actor.language) for m in actor.memberships}
    # Which of the actor's units' reports are in (the page is keyed on it, not on every
    # report write: a draft being typed elsewhere does not change this page).
    mine = _reported(runtime, coming.id, sorted(units)) if units else frozenset()
    # One slot per member and page: yesterday's page, or one read before their seats changed,
    # is replaced, not kept beside the new one.
    lines, buttons = reads.fetch(
        ("owe", actor.telegram_id, page), PAGE_TOPICS,
        lambda: _kept(*_compose(runtime, actor, page, today, coming, units, mine)),
        variant=(actor, today, coming.id, mine))
    return "\n".join(lines), buttons


def _kept(html: str, buttons: views.Buttons) -> tuple[tuple[str, ...], Rows]:
    """A page as kept in memory: its lines and button strings are shared with every other
    kept page that shows them (a unit's members see the same resolutions): 1.2 KB a page
    where the HTML and button lists of its own took 5.2 KB (README, Benchmarks)."""
    return (tuple(map(sys.intern, html.split("\n"))),
            tuple(_shared_row(tuple(row)) for row in buttons))


@functools.lru_cache(maxsize=8192)
def _shared_row(row: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    # The first row read with these buttons stands for every later equal one (what sys.intern
    # does for the lines' strings).
    return row


def _compose(runtime: Runtime, actor: Actor, page: int, today: dt.date, coming: CouncilSession,
             units: dict[int, str], submitted: frozenset[int]) -> tuple[str, views.Buttons]:
    reads, coming_date = runtime.reads, local_date(coming, runtime.tz)
    with runtime.reading() as session:
        found = duties.member_page(session, actor, weekly_due=coming_date, page=page,
                                   size=views.PAGE)
    awaiting_total, awaiting = (
        reads.fetch("awaiting", ("duties",), lambda: _awaiting(runtime))
        if allowed(actor, Action.CONFIRM_RESOLUTION) else (0, []))
    return views.owe_view(
        found, today=today, lang=actor.language,
        reports=[(name, unit_id in submitted) for unit_id, name in units.items()],
        coming=coming_date, awaiting=awaiting, awaiting_total=awaiting_total)


def _coming(runtime: Runtime) -> CouncilSession:
    with runtime.session() as session:
        return ensure_next_session(session, now=runtime.clock.now(), settings=runtime.settings)


def _reported(runtime: Runtime, council_session_id: int, unit_ids: list[int]) -> frozenset[int]:
    with runtime.reading() as session:
        return duties.units_reported(session, council_session_id=council_session_id,
                                     unit_ids=unit_ids)


def _awaiting(runtime: Runtime) -> tuple[int, list]:
    with runtime.reading() as session:
        return duties.awaiting_confirmation(session, limit=views.PAGE)
