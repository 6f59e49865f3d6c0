"""«What do I owe?» for one member: their units' open duties, reports and the queue, read fresh."""

from __future__ import annotations

from collections.abc import Sequence

from mina_bot.actors import Actor
from mina_bot.clock import local_today
from mina_bot.permissions import Action, allowed
from mina_bot.resolutions import duties, views
from mina_bot.runtime import Runtime
from mina_bot.sessions.schedule import ensure_next_session, local_date


def owe_page(runtime: Runtime, actor: Actor, page: int
             ) -> tuple[str, Sequence[Sequence[tuple[str, str]]]]:
    """The page's HTML and buttons, in the actor's language."""
    now, today = runtime.clock.now(), local_today(runtime.clock, runtime.tz)
    units = {m.unit_id: m.unit_name_in(actor.language) for m in actor.memberships}
    with runtime.session() as session:
        coming = ensure_next_session(session, now=now, settings=runtime.settings)
        coming_date = local_date(coming, runtime.tz)
        submitted = (duties.units_reported(session, council_session_id=coming.id,
                                           unit_ids=units) if units else frozenset())
        awaiting_total, awaiting = (
            duties.awaiting_confirmation(session, limit=views.PAGE)
            if allowed(actor, Action.CONFIRM_RESOLUTION) else (0, []))
        found = duties.duty_page(session, actor, weekly_due=coming_date, page=page,
                                 size=views.PAGE)
    return views.owe_view(
        found, today=today, lang=actor.language,
        reports=[(name, unit_id in submitted) for unit_id, name in units.items()],
        coming=coming_date, awaiting=awaiting, awaiting_total=awaiting_total,
        tallies=found.tallies)
