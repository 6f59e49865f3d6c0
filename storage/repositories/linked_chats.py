"""Queries on linked_chat: groups and channels serving a unit or the council."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import Session, or_, select

from storage.models import LinkedChat


def get(session: Session, *, link_id: int) -> LinkedChat | None:
    """The link with this id."""
    return session.get(LinkedChat, link_id)


def by_chat(session: Session, *, chat_id: int) -> LinkedChat | None:
    """The link of a chat, if it asked for one."""
    return session.exec(select(LinkedChat).where(LinkedChat.chat_id == chat_id)).first()


def listed(session: Session) -> Sequence[LinkedChat]:
    """Every link, those waiting for confirmation first."""
    return session.exec(select(LinkedChat).order_by(LinkedChat.confirmed, LinkedChat.id)).all()


def confirmed_for(session: Session, *, council: bool, unit_ids: Iterable[int]) -> Sequence[int]:
    """The chat ids of confirmed links serving the council (when asked) or one of the units."""
    wanted = [LinkedChat.unit_id.in_(list(unit_ids))]
    if council:
        wanted.append(LinkedChat.council)
    query = select(LinkedChat.chat_id).where(LinkedChat.confirmed, or_(*wanted))
    return session.exec(query.order_by(LinkedChat.chat_id)).all()


def confirmed(session: Session) -> Sequence[LinkedChat]:
    """Every confirmed link (the council's and the units'), by chat id."""
    return session.exec(select(LinkedChat).where(LinkedChat.confirmed)
                        .order_by(LinkedChat.chat_id)).all()
