"""What /session shows: a council session, its agenda, and the resolutions still owed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.errors import NotFound
from mina_bot.sessions.agenda import ensure_agenda
from mina_bot.sessions.review import Owed, owed
from mina_bot.sessions.schedule import ensure_next_session
from mina_bot.settings import Settings
from storage.models import AgendaItem, CouncilSession, Unit
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo


@dataclass(frozen=True)
class SessionBoard:
    """A session with its agenda, and the open resolutions its review item names."""

    council: CouncilSession
    items: Sequence[AgendaItem]
    owing: Sequence[Owed]
    units: dict[int, Unit]


def council_session(session: Session, *, session_id: int) -> CouncilSession:
    """The council session a button names, or NotFound."""
    council = sessions_repo.get_session(session, session_id=session_id)
    if council is None:
        raise NotFound()
    return council


def numbered(session: Session, *, number: int) -> CouncilSession:
    """The council session with this number, or NotFound."""
    council = sessions_repo.get_by_number(session, number=number)
    if council is None:
        raise NotFound()
    return council


def session_board(session: Session, *, now: dt.datetime, settings: Settings,
                  session_id: int | None = None) -> SessionBoard:
    """The board of one session, or of the next one when no id is given."""
    council = (ensure_next_session(session, now=now, settings=settings) if session_id is None
               else council_session(session, session_id=session_id))
    items = ensure_agenda(session, council_session=council)
    units = {u.id: u for u in units_repo.list_units(session)}
    return SessionBoard(council, items, owed(session, today=now.astimezone(settings.tz).date()),
                        units)
