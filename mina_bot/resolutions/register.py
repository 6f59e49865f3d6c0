"""The secretariat's register of resolutions: finding them by filters, their units, new ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.catalog import name_in
from mina_bot.pages import Buttons
from mina_bot.persian import match_key
from mina_bot.resolutions import lifecycle, manage
from mina_bot.resolutions.listing import SHARES, STATES, Filters, list_view
from mina_bot.sessions.schedule import ensure_next_session
from mina_bot.settings import Settings
from storage.models import CouncilSession, Resolution, Unit
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

UNIT_FILTERS = 18  # unit filter buttons under /resolutions: six rows of three


def _units_by_id(session: Session) -> list[Unit]:
    return sorted(units_repo.list_units(session), key=lambda u: u.id)


def read_filters(session: Session, *, words: Sequence[str]) -> Filters:
    """The filters typed after /resolutions; a unit may be named by key, name or alias."""
    keys = {match_key(name): unit.id for unit in units_repo.list_units(session)
            for name in (unit.key, unit.name_fa, *unit.aliases)}
    return Filters.parse(words, keys)


def register_page(session: Session, *, filters: Filters, today: dt.date,
                  lang: str) -> tuple[str, Buttons]:
    """One page of the resolutions matching the filters, with the filter buttons."""
    council = (sessions_repo.get_by_number(session, number=filters.session_number)
               if filters.session_number else None)
    state = STATES[filters.state]
    found = resolutions_repo.search(
        session, unit_ids=[filters.unit_id] if filters.unit_id else None,
        statuses=[state] if state else None, session_id=council.id if council else None,
        due_before=today if filters.overdue else None, share_states=SHARES[filters.share])
    if filters.session_number and council is None:
        found = []
    if filters.overdue:
        found = [(r, c) for r, c in found if lifecycle.is_overdue(r, today)]
    responsible = {r.id: resolutions_repo.units_of(session, resolution_id=r.id) for r, _ in found}
    rows = [(r, c, [name_in(u, lang) for u in responsible[r.id]]) for r, c in found]
    return list_view(rows, filters, today=today, lang=lang,
                     units=_filter_units(responsible.values(), filters.unit_id, lang))


def _filter_units(responsible, chosen: int | None, lang: str) -> list[tuple[int, str]]:
    """The unit filter buttons: the units most often responsible for what is listed (at most
    UNIT_FILTERS: 319 units would overflow Telegram's 100 buttons), the chosen one kept;
    any other unit is one `/resolutions <unit>` away."""
    counts: dict[int, tuple[int, Unit]] = {}
    for units in responsible:
        for unit in units:
            counts[unit.id] = (counts.get(unit.id, (0, unit))[0] + 1, unit)
    ranked = sorted(counts.values(), key=lambda pair: (-pair[0], pair[1].key))
    shown = [unit for _, unit in ranked[:UNIT_FILTERS]]
    if chosen and chosen not in {u.id for u in shown} and chosen in counts:
        shown.append(counts[chosen][1])
    return [(u.id, name_in(u, lang)) for u in sorted(shown, key=lambda u: u.key)]


def unit_choices(session: Session, *,
                 resolution_id: int) -> tuple[Resolution, list[int], list[Unit]]:
    """A resolution, the ids of its responsible units, and every unit it could be given to."""
    resolution = lifecycle.resolution_of(session, resolution_id=resolution_id)
    current = [u.id for u in resolutions_repo.units_of(session, resolution_id=resolution.id)]
    return resolution, current, _units_by_id(session)


def toggle_unit(session: Session, *, actor: Actor, resolution_id: int, unit_id: int,
                now: dt.datetime) -> Resolution:
    """Make a unit responsible for the resolution, or no longer responsible."""
    resolution = lifecycle.resolution_of(session, resolution_id=resolution_id)
    current = [u.id for u in resolutions_repo.units_of(session, resolution_id=resolution.id)]
    chosen = [u for u in current if u != unit_id] if unit_id in current else [*current, unit_id]
    return manage.reassign(session, actor=actor, resolution_id=resolution.id, unit_ids=chosen,
                           now=now)


def session_for_new(session: Session, *, now: dt.datetime, settings: Settings) -> CouncilSession:
    """Where /newresolution adds: the last session held, or the next one when none was."""
    return sessions_repo.last_before(session, moment=now) or ensure_next_session(
        session, now=now, settings=settings)


def placement(session: Session, *, resolution: Resolution,
              lang: str = "fa") -> tuple[CouncilSession, list[str]]:
    """The session a resolution was decided in and its units' names in the reader's language."""
    council = sessions_repo.get_session(session, session_id=resolution.session_id)
    return council, [name_in(u, lang) for u in resolutions_repo.units_of(
        session, resolution_id=resolution.id)]
