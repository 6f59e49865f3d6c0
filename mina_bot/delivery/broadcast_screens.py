"""The /broadcast chat around a broadcast: the draft being composed, its preview, its progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.delivery import broadcasts
from mina_bot.errors import StaleButton
from mina_bot.settings import Settings
from storage.models import BroadcastStatus
from storage.repositories import broadcasts as broadcasts_repo
from storage.repositories import members as members_repo
from storage.repositories import reminders as reminders_repo


@dataclass(frozen=True)
class ProgressReport:
    """The progress message of a launched broadcast, as it should read now."""

    lang: str
    html: str
    chat_id: int | None
    message_id: int | None
    finished_now: bool
    over: bool
    stoppable: bool


def current_draft(session: Session, *, actor: Actor) -> int:
    """The id of the draft the actor is composing (StaleButton when there is none)."""
    drafts = broadcasts_repo.drafts_of(session, member_id=actor.member_id)
    if not drafts:
        raise StaleButton()
    return max(d.id for d in drafts)


def drop_drafts(session: Session, *, actor: Actor) -> None:
    """Cancel every draft the actor is composing."""
    for draft in broadcasts_repo.drafts_of(session, member_id=actor.member_id):
        broadcasts.cancel(session, actor=actor, broadcast_id=draft.id)


def preview(session: Session, *, actor: Actor, broadcast_id: int, settings: Settings,
            now: datetime) -> tuple[int, str]:
    """How many members the draft reaches, and the message they will read."""
    count = broadcasts.audience_size(session, actor=actor, broadcast_id=broadcast_id)
    draft = broadcasts_repo.get(session, broadcast_id=broadcast_id)
    return count, broadcasts.message_for(session, draft, actor.language, settings, now)


def progress_message(session: Session, *, broadcast_id: int, lang: str) -> str:
    """The progress message of a broadcast as it stands."""
    draft = broadcasts_repo.get(session, broadcast_id=broadcast_id)
    return broadcasts.progress_html(draft, broadcasts.progress(session, broadcast_id=broadcast_id),
                                    lang)


def progress_report(session: Session, *, broadcast_id: int, now: datetime,
                    default_lang: str) -> ProgressReport:
    """The progress in its creator's language; when all is sent, finish with the final report."""
    draft = broadcasts_repo.get(session, broadcast_id=broadcast_id)
    creator = members_repo.get_member(session, member_id=draft.created_by_id)
    lang = str(creator.language) if creator else default_lang
    finished_now = broadcasts.finish_if_done(session, broadcast_id=broadcast_id, now=now,
                                             lang=lang)
    draft = broadcasts_repo.get(session, broadcast_id=broadcast_id)
    over = draft.finished_at is not None
    return ProgressReport(
        lang=lang, html=progress_message(session, broadcast_id=broadcast_id, lang=lang),
        chat_id=draft.progress_chat_id, message_id=draft.progress_message_id,
        finished_now=finished_now, over=over,
        stoppable=not over and draft.status != BroadcastStatus.CANCELLED)


def unfinished(session: Session) -> list[int]:
    """Ids of the broadcasts still without their final report (to watch again after a start)."""
    return [b.id for b in reminders_repo.unfinished_broadcasts(session)]
