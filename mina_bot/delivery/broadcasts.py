"""Broadcasts: a draft the secretariat composes, an audience, a launch into the outbox."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.catalog import Safe, name_in, text
from mina_bot.delivery.agenda import agenda_html
from mina_bot.delivery.audience import Audience, recipient_count, recipients
from mina_bot.delivery.linked_chats import chats_for
from mina_bot.delivery.outbox import enqueue, enqueue_rows, outbox_row
from mina_bot.errors import MinaError, NotFound, PermissionDenied, StaleButton
from mina_bot.message_size import utf16_length
from mina_bot.persian import normalize
from mina_bot.sessions.agenda import ensure_agenda
from mina_bot.sessions.review import owed, review_title
from mina_bot.sessions.schedule import ensure_next_session
from mina_bot.settings import Settings
from storage.models import Attachment, Broadcast, BroadcastKind, BroadcastStatus, OutboxState
from storage.repositories import broadcasts as broadcasts_repo
from storage.repositories import outbox as outbox_repo
from storage.repositories import units as units_repo

TEXT_LIMIT = 3500  # leaves room for the header within Telegram's 4096
CAPTION_LIMIT = 900  # within Telegram's 1024 for a document caption
REPORT_NAMES = 50


class BroadcastError(MinaError):
    """A broadcast cannot do what was asked; the key says why."""


@dataclass(frozen=True)
class Progress:
    """Where a launched broadcast stands."""

    total: int
    sent: int
    waiting: int
    failed: int
    unreachable: int
    cancelled: int
    not_member: int = 0

    @property
    def done(self) -> bool:
        """Nothing left to send."""
        return self.waiting == 0


def _own(session: Session, actor: Actor, broadcast_id: int,
         status: BroadcastStatus | None = BroadcastStatus.DRAFT) -> Broadcast:
    """Load a broadcast the actor may act on; forged or stale ids are refused."""
    broadcast = broadcasts_repo.get(session, broadcast_id=broadcast_id)
    if broadcast is None:
        raise NotFound()
    if broadcast.created_by_id != actor.member_id and not actor.is_admin:
        raise PermissionDenied(action="broadcast", unit_id=None)
    if status is not None and broadcast.status != status:
        raise StaleButton()
    return broadcast


def start_draft(session: Session, *, actor: Actor, body: str | None = None) -> Broadcast:
    """A new draft (the actor's older drafts are dropped), with its text if given."""
    for old in broadcasts_repo.drafts_of(session, member_id=actor.member_id):
        old.status = BroadcastStatus.CANCELLED
        session.add(old)
    broadcast = Broadcast(created_by_id=actor.member_id)
    session.add(broadcast)
    session.flush()
    if body is not None:
        set_text(session, actor=actor, broadcast_id=broadcast.id, body=body)
    return broadcast


def _clean(body: str | None, limit: int) -> str:
    """The body as its author wrote it («لطفاً» stays «لطفاً»), trimmed; refused when it says
    nothing or is longer than Telegram allows (counted in UTF-16 units, as Telegram counts)."""
    cleaned = (body or "").strip()
    if not normalize(cleaned):
        raise BroadcastError("broadcast.empty")
    if utf16_length(cleaned) > limit:
        raise BroadcastError("broadcast.too_long", limit=limit, length=utf16_length(cleaned))
    return cleaned


def set_text(session: Session, *, actor: Actor, broadcast_id: int, body: str) -> Broadcast:
    """The broadcast carries this text."""
    broadcast = _own(session, actor, broadcast_id)
    broadcast.text = _clean(body, TEXT_LIMIT)
    broadcast.kind = BroadcastKind.TEXT
    session.add(broadcast)
    return broadcast


def set_document(session: Session, *, actor: Actor, broadcast_id: int, file_id: str,
                 file_unique_id: str, file_name: str | None, mime_type: str | None,
                 size: int | None, caption: str | None) -> Broadcast:
    """The broadcast carries a document, with the caption as its text."""
    broadcast = _own(session, actor, broadcast_id)
    broadcast.text = _clean(caption, CAPTION_LIMIT) if caption and caption.strip() else None
    broadcast.kind = BroadcastKind.DOCUMENT
    session.add(broadcast)
    session.add(Attachment(broadcast_id=broadcast.id, telegram_file_id=file_id,
                           file_unique_id=file_unique_id, file_name=file_name,
                           mime_type=mime_type, size=size, uploaded_by_id=actor.member_id))
    return broadcast


def choose_agenda(session: Session, *, actor: Actor, broadcast_id: int) -> Broadcast:
    """The broadcast carries the next session's agenda (rendered when it is launched)."""
    broadcast = _own(session, actor, broadcast_id)
    broadcast.kind = BroadcastKind.AGENDA
    broadcast.text = None
    session.add(broadcast)
    return broadcast


def has_content(broadcast: Broadcast) -> bool:
    """Text, a document or the agenda has been chosen."""
    return broadcast.kind != BroadcastKind.TEXT or bool(broadcast.text)


def change_audience(session: Session, *, actor: Actor, broadcast_id: int, what: str,
                    value: str | None = None) -> Broadcast:
    """Toggle `everyone`, a unit (`unit`, id) or a role (`role`, name)."""
    broadcast = _own(session, actor, broadcast_id)
    audience = Audience.from_json(broadcast.audience)
    if what == "everyone":
        audience = audience.with_everyone()
    elif what == "unit" and value is not None and value.isdigit():
        audience = audience.toggle_unit(int(value))
    elif what == "role" and value is not None:
        audience = audience.toggle_role(value)
    else:
        raise StaleButton()
    broadcast.audience = audience.to_json()
    session.add(broadcast)
    return broadcast


def draft_audience(session: Session, *, actor: Actor, broadcast_id: int) -> Audience:
    """The audience chosen so far for a draft."""
    return Audience.from_json(_own(session, actor, broadcast_id).audience)


def audience_size(session: Session, *, actor: Actor, broadcast_id: int) -> int:
    """How many members the draft would reach (BadAudience when it names nobody)."""
    broadcast = _own(session, actor, broadcast_id)
    if not has_content(broadcast):
        raise BroadcastError("broadcast.empty")
    return recipient_count(session, Audience.from_json(broadcast.audience))


def message_for(session: Session, broadcast: Broadcast, lang: str, settings: Settings,
                now: datetime) -> str:
    """The HTML a recipient reads (the caption, for a document)."""
    if broadcast.kind == BroadcastKind.AGENDA:
        upcoming = ensure_next_session(session, now=now, settings=settings)
        items = ensure_agenda(session, council_session=upcoming)
        owing = owed(session, today=now.astimezone(settings.tz).date())
        names = {u.id: name_in(u, lang) for u in units_repo.list_units(session)}
        return agenda_html(upcoming, items, lang, settings.tz, review_title(owing, lang), names)
    if broadcast.text:
        return text("broadcast.message", lang, body=broadcast.text)
    return text("broadcast.document", lang)


def launch(session: Session, *, actor: Actor, broadcast_id: int, now: datetime,
           settings: Settings, progress_chat_id: int) -> int:
    """Enqueue one message per recipient and mark the broadcast sending; how many."""
    broadcast = _own(session, actor, broadcast_id)
    members = recipients(session, Audience.from_json(broadcast.audience))
    if not has_content(broadcast):
        raise BroadcastError("broadcast.empty")
    if not members or not broadcasts_repo.move(session, broadcast_id=broadcast_id,
                                               from_status=BroadcastStatus.DRAFT,
                                               to_status=BroadcastStatus.SENDING):
        raise BroadcastError("broadcast.bad_audience") if not members else StaleButton()
    document = broadcasts_repo.document_of(session, broadcast_id=broadcast_id)
    rendered = {lang: message_for(session, broadcast, lang, settings, now) for lang in ("fa", "en")}
    row = functools.partial(outbox_row, kind="broadcast", subject=f"broadcast:{broadcast_id}",
                            period="-", now=now, broadcast_id=broadcast_id,
                            document=document.telegram_file_id if document else None)
    rows = [row(member=member, text=rendered[str(member.language)]) for member in members]
    audience = Audience.from_json(broadcast.audience)
    rows += [row(chat_id=chat_id, text=rendered[settings.language])  # a linked group or channel
             for chat_id in chats_for(session, audience,
                                      agenda=broadcast.kind == BroadcastKind.AGENDA)]
    enqueue_rows(session, [r for r in rows if r is not None])  # thousands: a few statements
    broadcast.progress_chat_id = progress_chat_id
    session.add(broadcast)
    return len(members)


def set_progress_message(session: Session, *, broadcast_id: int, message_id: int) -> None:
    """Remember the message that shows this broadcast's progress."""
    broadcast = broadcasts_repo.get(session, broadcast_id=broadcast_id)
    broadcast.progress_message_id = message_id
    session.add(broadcast)


def cancel(session: Session, *, actor: Actor, broadcast_id: int) -> int:
    """Stop a draft or a running broadcast: nothing not yet sent will be; how many were held."""
    broadcast = _own(session, actor, broadcast_id, status=None)
    if broadcast.status in (BroadcastStatus.DONE, BroadcastStatus.CANCELLED):
        raise BroadcastError("broadcast.already_over")
    broadcast.status = BroadcastStatus.CANCELLED
    session.add(broadcast)
    return outbox_repo.cancel_pending(session, broadcast_id=broadcast_id)


def progress(session: Session, *, broadcast_id: int) -> Progress:
    """Counts of the broadcast's messages by outcome."""
    counts = outbox_repo.state_counts(session, broadcast_id=broadcast_id)
    return Progress(
        total=sum(counts.values()),
        sent=counts.get(OutboxState.SENT, 0),
        waiting=counts.get(OutboxState.PENDING, 0) + counts.get(OutboxState.SENDING, 0),
        failed=counts.get(OutboxState.FAILED, 0),
        unreachable=counts.get(OutboxState.UNREACHABLE, 0),
        cancelled=counts.get(OutboxState.CANCELLED, 0),
        not_member=counts.get(OutboxState.NOT_MEMBER, 0),
    )


def progress_html(broadcast: Broadcast, state: Progress, lang: str) -> str:
    """The one progress message, edited as sending goes on."""
    key = "broadcast.progress_cancelled" if broadcast.status == BroadcastStatus.CANCELLED \
        else "broadcast.progress"
    return text(key, lang, id=broadcast.id, total=state.total, sent=state.sent,
                waiting=state.waiting, failed=state.failed + state.unreachable,
                cancelled=state.cancelled)


def finish_if_done(session: Session, *, broadcast_id: int, now: datetime, lang: str) -> bool:
    """When nothing is left to send, stamp the broadcast once and enqueue its final report."""
    state = progress(session, broadcast_id=broadcast_id)
    broadcast = broadcasts_repo.get(session, broadcast_id=broadcast_id)
    if broadcast is None or not state.done or broadcast.status == BroadcastStatus.DRAFT:
        return False
    if not broadcasts_repo.finish(session, broadcast_id=broadcast_id, now=now):
        return False
    missed = outbox_repo.undelivered(session, broadcast_id=broadcast_id)
    names = [text("broadcast.report_line", lang, name=m.name if m else str(row.chat_id),
                  why=Safe(text(f"broadcast.why_{row.state}", lang)))
             for row, m in missed[:REPORT_NAMES]]
    if len(missed) > REPORT_NAMES:
        names.append(text("broadcast.report_more", lang, count=len(missed) - REPORT_NAMES))
    report = text("broadcast.report", lang, id=broadcast_id, total=state.total,
                  sent=state.sent, failed=state.failed + state.unreachable,
                  cancelled=state.cancelled, not_member=state.not_member,
                  missed=Safe("\n".join(names) or text("broadcast.report_none", lang)))
    if broadcast.progress_chat_id is not None:
        enqueue(session, kind="broadcast.report", subject=f"broadcast:{broadcast_id}",
                period="final", now=now, chat_id=broadcast.progress_chat_id,
                text=report)
    return True
