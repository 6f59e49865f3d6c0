"""A session's agenda: committee reports, carried items, the resolution review, additions.

Standing items (one report per committee) and the review of open and overdue resolutions are
added automatically; items carried from the previous minutes' «دستور جلسه آینده» come with the
import; the secretariat adds, moves and removes items in chat.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import Session

from mina_bot.errors import NotFound
from storage.models import AgendaItem, AgendaKind, CouncilSession, UnitKind
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

# The automatic part of an agenda, in this order; carried and added items follow.
_ORDER = {AgendaKind.STANDING: 0, AgendaKind.CARRIED: 1, AgendaKind.REVIEW: 2,
          AgendaKind.ADDED: 3}


def ensure_agenda(session: Session, *, council_session: CouncilSession) -> Sequence[AgendaItem]:
    """The session's agenda, with the standing items and the review added if missing."""
    items = list(sessions_repo.agenda_of(session, session_id=council_session.id))
    if {AgendaKind(i.kind) for i in items} & {AgendaKind.STANDING, AgendaKind.REVIEW}:
        return items  # set up before; what the secretariat removed stays removed
    committees = sorted(units_repo.list_units(session, kind=UnitKind.COMMITTEE),
                        key=lambda u: u.id)
    for unit in committees:
        items.append(sessions_repo.add_agenda_item(
            session, session_id=council_session.id, kind=AgendaKind.STANDING,
            title=unit.name_fa, position=0, unit_id=unit.id))
    items.append(sessions_repo.add_agenda_item(
        session, session_id=council_session.id, kind=AgendaKind.REVIEW, title="", position=0))
    _renumber(session, sorted(items, key=_placement))
    return sessions_repo.agenda_of(session, session_id=council_session.id)


def _placement(item: AgendaItem) -> tuple[int, int, int]:
    return _ORDER[AgendaKind(item.kind)], item.position, item.id or 0


def _renumber(session: Session, items: Iterable[AgendaItem]) -> None:
    for position, item in enumerate(items, 1):
        item.position = position
        session.add(item)
    session.flush()


def carry_items(
    session: Session, *, council_session: CouncilSession, titles: Sequence[str]
) -> None:
    """Replace the carried items with `titles` (an import run twice carries them once)."""
    sessions_repo.delete_agenda_items(session, session_id=council_session.id,
                                      kind=AgendaKind.CARRIED)
    for title in titles:
        sessions_repo.add_agenda_item(session, session_id=council_session.id,
                                      kind=AgendaKind.CARRIED, title=title, position=0)
    items = sessions_repo.agenda_of(session, session_id=council_session.id)
    _renumber(session, sorted(items, key=_placement))


def add_item(session: Session, *, council_session: CouncilSession, title: str) -> AgendaItem:
    """The secretariat adds an item at the end."""
    items = ensure_agenda(session, council_session=council_session)
    return sessions_repo.add_agenda_item(
        session, session_id=council_session.id, kind=AgendaKind.ADDED, title=title.strip(),
        position=len(items) + 1)


def _item(session: Session, item_id: int) -> AgendaItem:
    item = sessions_repo.get_agenda_item(session, item_id=item_id)
    if item is None:
        raise NotFound()
    return item


def move_item(session: Session, *, item_id: int, step: int) -> AgendaItem:
    """Move an item up (-1) or down (+1) in its session's agenda."""
    item = _item(session, item_id)
    items = list(sessions_repo.agenda_of(session, session_id=item.session_id))
    index = next(i for i, other in enumerate(items) if other.id == item.id)
    target = max(0, min(len(items) - 1, index + step))
    items.insert(target, items.pop(index))
    _renumber(session, items)
    return item


def remove_item(session: Session, *, item_id: int) -> int:
    """Remove an item; returns its session's id."""
    item = _item(session, item_id)
    session_id = item.session_id
    session.delete(item)
    session.flush()
    _renumber(session, sessions_repo.agenda_of(session, session_id=session_id))
    return session_id
