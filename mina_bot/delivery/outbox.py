"""The outbox API: every message the bot sends on its own is enqueued here first, once.

A row's dedupe key is `kind|recipient|subject|period`; enqueuing an existing key does nothing,
so planners, retries and several processes may enqueue the same message freely.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session

from mina_bot.callbacks import encode
from mina_bot.catalog import label, text
from mina_bot.delivery.sender import Buttons
from storage.models import Member, OutboxState
from storage.models.base import bookkeeping_time
from storage.repositories import audience as audience_repo
from storage.repositories import outbox as outbox_repo


def dedupe_key(kind: str, recipient: str, subject: str, period: str) -> str:
    """`kind|recipient|subject|period`; no part may contain a `|`."""
    parts = (kind, recipient, subject, period)
    if any("|" in part or not part for part in parts):
        raise ValueError(f"dedupe key parts must be non-empty and free of '|': {parts}")
    return "|".join(parts)


def member_recipient(member_id: int) -> str:
    """The recipient part of a dedupe key for a member."""
    return f"member:{member_id}"


def payload(text: str | None = None, *, document: str | None = None,
            buttons: Buttons | None = None, reminder: bool = False) -> dict[str, Any]:
    """What the dispatcher sends: HTML text (the caption with a document), a file id, buttons;
    or, for a `reminder`, its items (reminder_item rows), worded when it is sent."""
    if not text and not document and not reminder:
        raise ValueError("a message needs text or a document")
    found = {"text": text, "document": document,
             "buttons": [[list(b) for b in row] for row in buttons] if buttons else None}
    return {**found, "reminder": True} if reminder else found


def enqueue(
    session: Session,
    *,
    kind: str,
    subject: str,
    period: str,
    now: datetime,
    text: str | None = None,
    member: Member | None = None,
    chat_id: int | None = None,
    document: str | None = None,
    buttons: Buttons | None = None,
    broadcast_id: int | None = None,
    state: OutboxState = OutboxState.PENDING,
) -> int | None:
    """Add one message to a member (or a bare chat); its row id, None if the key existed.

    A member without a Telegram account gets nothing; one marked unreachable gets a row in
    state `unreachable`, never sent, so reports can say who was missed.
    """
    values = outbox_row(kind=kind, subject=subject, period=period, now=now, text=text,
                        member=member, chat_id=chat_id, document=document, buttons=buttons,
                        broadcast_id=broadcast_id, state=state)
    return None if values is None else outbox_repo.insert_once(session, values=values)


def outbox_row(
    *, kind: str, subject: str, period: str, now: datetime, text: str | None = None,
    member: Member | None = None, chat_id: int | None = None, document: str | None = None,
    buttons: Buttons | None = None, broadcast_id: int | None = None,
    state: OutboxState = OutboxState.PENDING, reminder: bool = False,
) -> dict[str, Any] | None:
    """The outbox row enqueue() would insert (see there), or None for a member without an
    account; many of them go in at once through enqueue_rows()."""
    if member is not None:
        if member.telegram_id is None:
            return None
        chat_id, recipient = member.telegram_id, member_recipient(member.id)
        if member.unreachable_since is not None and state == OutboxState.PENDING:
            state = OutboxState.UNREACHABLE
    elif chat_id is not None:
        recipient = f"chat:{chat_id}"
    else:
        raise ValueError("enqueue needs a member or a chat_id")
    return {
        "dedupe_key": dedupe_key(kind, recipient, subject, period),
        "kind": kind,
        "chat_id": chat_id,
        "member_id": member.id if member is not None else None,
        "broadcast_id": broadcast_id,
        "payload": payload(text, document=document, buttons=buttons, reminder=reminder),
        "state": state,
        "not_before": now,
        "created_at": bookkeeping_time(),
    }


def enqueue_rows(session: Session, rows: Sequence[dict[str, Any]]) -> set[str]:
    """Insert outbox_row()s whose dedupe keys are new, in a few statements; the keys inserted."""
    return set(outbox_repo.insert_new(session, rows=rows))


def enqueue_to_secretariat(
    session: Session, *, kind: str, subject: str, period: str, now: datetime,
    render: Callable[[str], str], document: str | None = None,
    buttons: Callable[[str], Buttons] | None = None,
) -> int:
    """Send one message to every secretariat member, rendered in each one's language.

    `render(lang)` returns the HTML (`buttons(lang)` its buttons); returns how many rows were
    new.
    """
    new = 0
    for member in audience_repo.secretariat_members(session):
        lang = str(member.language)
        added = enqueue(session, kind=kind, subject=subject, period=period, now=now,
                        text=render(lang), member=member, document=document,
                        buttons=buttons(lang) if buttons else None)
        new += added is not None
    return new


def mark_reachable(session: Session, *, telegram_id: int) -> bool:
    """Someone wrote to the bot, so it can write to them again; whether they were unreachable."""
    return outbox_repo.clear_unreachable(session, telegram_id=telegram_id)


def never_started(error: str) -> bool:
    """Whether the API's refusal means the person never pressed Start («chat not found», «bot
    can't initiate conversation»), not that they blocked the bot or deleted their account."""
    return not any(word in error.lower() for word in ("blocked", "deactivated"))


def tell_secretariat_unreachable(session: Session, *, member_name: str, member_id: int,
                                 since: datetime, never_started: bool = False) -> int:
    """Tell the secretariat, once per episode, that a member blocked the bot, or has not
    started it yet (then with a button for the link to send them)."""
    key = "delivery.not_started" if never_started else "delivery.unreachable"
    return enqueue_to_secretariat(
        session, kind="unreachable", subject=f"member:{member_id}",
        period=since.strftime("%Y%m%dT%H%M%S"), now=since,
        render=lambda lang: text(key, lang, name=member_name),
        buttons=(lambda lang: [[(label("delivery.button.link", lang, name=member_name),
                                 encode("inv", "again", member_id))]]) if never_started else None,
    )
