"""A session's agenda: committee reports, carried items, the resolution review, additions.

Standing items (one report per committee) and the review of open and overdue resolutions are
added automatically; items carried from the previous minutes' «دستور جلسه آینده» come with the
import; the secretariat adds, edits (title, presenting unit, time allotted), moves and removes
items in chat. A removal can be undone for a minute. Edits and removals name the item's
version: of two secretariat members changing one item at once, the second is told, and
nothing is lost or done twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlmodel import Session

from mina_bot.errors import MinaError, NotFound
from mina_bot.persian import match_key, normalize, shorten, to_latin_digits
from storage.models import AgendaItem, AgendaKind, CouncilSession, UnitKind
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

# The automatic part of an agenda, in this order; carried and added items follow.
_ORDER = {AgendaKind.STANDING: 0, AgendaKind.CARRIED: 1, AgendaKind.REVIEW: 2,
          AgendaKind.ADDED: 3}
UNDO = dt.timedelta(minutes=1)
TITLE_LIMIT = 300
APPROVE_MINUTES = "تأیید صورتجلسه جلسه قبل"


class AgendaError(MinaError):
    """An agenda change that cannot be made; the key says why."""

    text_key = "agenda.error.conflict"


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
    """Replace the carried items with `titles` (an import run twice carries them once; a title
    the agenda already has otherwise is not carried twice)."""
    sessions_repo.delete_agenda_items(session, session_id=council_session.id,
                                      kind=AgendaKind.CARRIED)
    have = {normalize(i.title) for i in sessions_repo.agenda_of(
        session, session_id=council_session.id)}
    for title in (t for t in titles if normalize(t) not in have):
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


def item_of(session: Session, *, item_id: int) -> AgendaItem:
    """An agenda item still on its agenda, or NotFound."""
    item = _item(session, item_id)
    if item.removed_at is not None:
        raise NotFound()
    return item


def move_item(session: Session, *, item_id: int, step: int) -> AgendaItem:
    """Move an item up (-1) or down (+1) in its session's agenda."""
    item = item_of(session, item_id=item_id)
    items = list(sessions_repo.agenda_of(session, session_id=item.session_id))
    index = next(i for i, other in enumerate(items) if other.id == item.id)
    target = max(0, min(len(items) - 1, index + step))
    items.insert(target, items.pop(index))
    _renumber(session, items)
    return item


def add_once(session: Session, *, council_session: CouncilSession, title: str) -> None:
    """Add an item unless the agenda has one of that title (e.g. «تأیید صورتجلسه جلسه قبل»)."""
    items = ensure_agenda(session, council_session=council_session)
    if all(normalize(i.title) != normalize(title) for i in items):
        add_item(session, council_session=council_session, title=title)


def _versioned(session: Session, item_id: int, version: int, **values: object) -> AgendaItem:
    if not sessions_repo.update_agenda_item(session, item_id=item_id, version=version,
                                            **values):
        raise AgendaError("agenda.error.conflict")
    return _item(session, item_id)


def remove_item(session: Session, *, item_id: int, version: int, now: dt.datetime) -> AgendaItem:
    """Remove an item (undoable for a minute); a stale version is refused."""
    item = _item(session, item_id)
    if item.removed_at is not None:
        raise AgendaError("agenda.error.conflict")
    sessions_repo.purge_removed(session, before=now - UNDO)
    item = _versioned(session, item_id, version, removed_at=now)
    _renumber(session, sessions_repo.agenda_of(session, session_id=item.session_id))
    return item


def undo_remove(session: Session, *, item_id: int, now: dt.datetime) -> AgendaItem:
    """Put a removed item back where it was, within a minute of its removal."""
    item = sessions_repo.get_agenda_item(session, item_id=item_id)
    if item is None or item.removed_at is None or now - item.removed_at > UNDO:
        raise AgendaError("agenda.error.undo_expired")
    item = _versioned(session, item_id, item.version, removed_at=None)
    items = [i for i in sessions_repo.agenda_of(session, session_id=item.session_id)
             if i.id != item.id]
    items.insert(max(0, item.position - 1), item)
    _renumber(session, items)
    return item


def edit_item(session: Session, *, item_id: int, version: int, answer: str) -> AgendaItem:
    """«title | presenting unit | minutes»: an empty part stays, «-» clears it."""
    item = _item(session, item_id)
    if item.removed_at is not None:
        raise AgendaError("agenda.error.conflict")
    parts = [normalize(p) for p in answer.split("|")][:3]
    parts += [""] * (3 - len(parts))
    values: dict[str, object] = {}
    if parts[0]:
        if parts[0] == "-" or len(parts[0]) > TITLE_LIMIT:
            raise AgendaError("agenda.error.title", limit=TITLE_LIMIT)
        values["title"] = parts[0]
    if parts[1]:
        values["unit_id"] = None if parts[1] == "-" else _unit_id(session, parts[1])
    if parts[2]:
        values["minutes"] = None if parts[2] == "-" else _minutes(parts[2])
    if not values:
        raise AgendaError("agenda.error.title", limit=TITLE_LIMIT)
    return _versioned(session, item_id, version, **values)


def _unit_id(session: Session, name: str) -> int:
    key = match_key(name)
    found = [u for u in units_repo.list_units(session)
             if key in {match_key(n) for n in (u.key, u.name_fa, u.name_en, *u.aliases)}]
    unit = found[0] if len(found) == 1 else None
    if unit is None:
        raise AgendaError("agenda.error.unit", text=shorten(name, 60))
    return unit.id


def _minutes(value: str) -> int:
    digits = to_latin_digits(value).replace("دقیقه", "").strip()
    if not digits.isdigit() or not 1 <= int(digits) <= 600:
        raise AgendaError("agenda.error.minutes", text=shorten(value, 20))
    return int(digits)
