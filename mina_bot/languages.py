"""Each person's language: Persian or English, chosen with /language or in /settings."""

from __future__ import annotations

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.catalog import LANGUAGES
from mina_bot.errors import NotFound, StaleButton
from mina_bot.permissions import Action, require
from storage.models import Language
from storage.repositories import members as members_repo


def choose_language(session: Session, *, actor: Actor, language: str) -> None:
    """Keep `language` as the actor's (StaleButton for one Mina does not speak)."""
    require(actor, Action.SETTINGS)
    if language not in LANGUAGES:
        raise StaleButton()
    member = members_repo.get_member(session, member_id=actor.member_id or 0)
    if member is None:
        raise NotFound()
    member.language = Language(language)
    session.add(member)
