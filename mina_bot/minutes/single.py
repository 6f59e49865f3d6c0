"""One resolution typed in chat by the secretariat: read as one row of a minutes table by the
minutes parser, and saved with its units' shares as the importer saves them."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import NotFound
from mina_bot.minutes.importer import directory
from mina_bot.minutes.model import MinutesError, ParsedResolution
from mina_bot.minutes.off_days import settle_off_days
from mina_bot.minutes.parser import parse_minutes
from mina_bot.official_calendar import holidays_from
from mina_bot.permissions import Action, require
from mina_bot.resolutions.lifecycle import assign_units, record
from mina_bot.sessions.schedule import local_date
from mina_bot.settings import Settings
from storage.models import CouncilSession, Resolution, ResolutionEventKind
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo


def read_line(
    session: Session, *, line: str, number: int, council: CouncilSession, settings: Settings
) -> ParsedResolution:
    """«بازه زمانی | متولی | موضوع» read by the minutes parser, as one table row."""
    cells = [c.strip() for c in line.replace("\t", "|").split("|")]
    if len(cells) < 3:
        raise MinutesError("minutes.error.row_columns", row=1, line=1, columns=len(cells),
                           text=line[:60])
    row = f"{cells[0]}\t{cells[1]}\t{number}) {' '.join(cells[2:])}"
    day = local_date(council, settings.tz)
    holidays = holidays_from(session, day)
    minutes = settle_off_days(parse_minutes(row, session_date=day, units=directory(session),
                                            holidays=holidays),
                              holidays, move=settings.deadline_off_day_moves)
    if minutes.unmatched:
        raise MinutesError("minutes.error.unknown_units", names="، ".join(minutes.unmatched))
    return minutes.resolutions[0]


def _apply(session: Session, resolution: Resolution, row: ParsedResolution, *,
           actor: Actor, now: dt.datetime) -> None:
    resolution.subject, resolution.time_frame = row.subject, row.time_frame
    resolution.due_date, resolution.recurrence = row.due, row.recurrence
    session.add(resolution)
    ids = {u.key: u.id for u in units_repo.list_units(session, include_inactive=True)}
    spelled = {k: name for name, keys in row.spellings for k in keys}
    assign_units(session, resolution=resolution, actor=actor, now=now,
                 units=[(ids[k], spelled.get(k, k)) for k in row.units])


def add_single(
    session: Session, *, actor: Actor, session_id: int, line: str, settings: Settings,
    now: dt.datetime,
) -> Resolution:
    """Add one resolution to a session."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    council = sessions_repo.get_session(session, session_id=session_id)
    if council is None:
        raise NotFound()
    number = resolutions_repo.next_number(session, session_id=council.id)
    row = read_line(session, line=line, number=number, council=council, settings=settings)
    resolution = resolutions_repo.add_resolution(
        session, resolution=Resolution(session_id=council.id, number=number, subject=""))
    _apply(session, resolution, row, actor=actor, now=now)
    record(session, resolution=resolution, kind=ResolutionEventKind.CREATED, actor=actor,
           note=None, now=now)
    return resolution


def edit_single(
    session: Session, *, actor: Actor, resolution_id: int, line: str, settings: Settings,
    now: dt.datetime,
) -> Resolution:
    """Replace a resolution's time frame, units and subject."""
    require(actor, Action.MANAGE_RESOLUTIONS)
    resolution = resolutions_repo.get_resolution(session, resolution_id=resolution_id)
    if resolution is None:
        raise NotFound()
    council = sessions_repo.get_session(session, session_id=resolution.session_id)
    row = read_line(session, line=line, number=resolution.number, council=council,
                    settings=settings)
    _apply(session, resolution, row, actor=actor, now=now)
    record(session, resolution=resolution, kind=ResolutionEventKind.EDITED, actor=actor,
           note=None, now=now)
    return resolution
