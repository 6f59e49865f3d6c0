"""Groups and channels serving a unit or the council: asked for with /link in the chat,
confirmed by the secretariat in private; broadcasts and the agenda then reach them too."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.delivery.audience import Audience
from mina_bot.errors import StaleButton
from mina_bot.permissions import Action, require
from storage.models import LinkedChat
from storage.repositories import linked_chats as links_repo
from storage.repositories import units as units_repo

TITLE_LIMIT = 120


def request_link(session: Session, *, chat_id: int, title: str | None, chat_type: str,
                 requested_by: int | None) -> LinkedChat:
    """Record that a chat asks to be linked (again: its title is refreshed, its use kept)."""
    link = links_repo.by_chat(session, chat_id=chat_id) or LinkedChat(chat_id=chat_id)
    link.title, link.chat_type = (title or str(chat_id))[:TITLE_LIMIT], chat_type
    link.requested_by = link.requested_by or requested_by
    session.add(link)
    session.flush()
    return link


def _link(session: Session, link_id: int) -> LinkedChat:
    link = links_repo.get(session, link_id=link_id)
    if link is None:
        raise StaleButton()
    return link


def confirm(session: Session, *, actor: Actor, link_id: int, unit_id: int | None) -> LinkedChat:
    """The secretariat confirms a chat as the council's (unit_id None) or a unit's."""
    require(actor, Action.BROADCAST)
    link = _link(session, link_id)
    if unit_id is not None and units_repo.get_unit(session, unit_id=unit_id) is None:
        raise StaleButton()
    link.unit_id, link.council, link.confirmed = unit_id, unit_id is None, True
    session.add(link)
    return link


def unlink(session: Session, *, actor: Actor, link_id: int) -> str:
    """Forget a link (the bot no longer writes there); its title."""
    require(actor, Action.BROADCAST)
    link = _link(session, link_id)
    session.delete(link)
    return link.title


def listing(session: Session, *, actor: Actor) -> Sequence[LinkedChat]:
    """Every link, those waiting for confirmation first."""
    require(actor, Action.BROADCAST)
    return links_repo.listed(session)


def one(session: Session, *, actor: Actor, link_id: int) -> LinkedChat:
    """One link, for its screen."""
    require(actor, Action.BROADCAST)
    return _link(session, link_id)


def chats_for(session: Session, audience: Audience, *, agenda: bool) -> Sequence[int]:
    """The linked chats a broadcast reaches: the council's for everyone or the agenda, a
    unit's when the unit is in the audience."""
    return links_repo.confirmed_for(session, council=audience.everyone or agenda,
                                    unit_ids=audience.unit_ids)
