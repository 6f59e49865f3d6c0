"""Queries on the delivery outbox: insert once per dedupe key, claim, settle, count."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlmodel import Session, select

from storage.models import Broadcast, BroadcastStatus, Member, OutboxMessage, OutboxState

# Rows that still wait for delivery (or are being delivered right now).
OPEN_STATES = (OutboxState.PENDING, OutboxState.SENDING)
OUTBOX: sa.Table = OutboxMessage.__table__  # the dispatcher's hot path runs Core statements
# What a claim returns of each row: all the dispatcher needs to send and settle it.
CLAIMED = (OUTBOX.c.id, OUTBOX.c.chat_id, OUTBOX.c.member_id, OUTBOX.c.payload,
           OUTBOX.c.attempts,
           OUTBOX.c.broadcast_id, OUTBOX.c.not_before, OUTBOX.c.claimed_at)
BROADCAST: sa.Table = Broadcast.__table__
# A claimed row of a broadcast cancelled since: not to be sent, and cancelled when put back.
_CANCELLED = sa.select(BROADCAST.c.id).where(
    BROADCAST.c.id == OUTBOX.c.broadcast_id, BROADCAST.c.status == BroadcastStatus.CANCELLED
).exists()
MEMBER: sa.Table = Member.__table__
# A row to a member deactivated since it was queued: not to be sent, and so marked when put back.
_MEMBER_GONE = sa.select(MEMBER.c.id).where(
    MEMBER.c.id == OUTBOX.c.member_id, MEMBER.c.active.is_(False)).exists()
_BACK_TO_PENDING = sa.case((_CANCELLED, sa.literal(OutboxState.CANCELLED, OUTBOX.c.state.type)),
                           (_MEMBER_GONE, sa.literal(OutboxState.NOT_MEMBER, OUTBOX.c.state.type)),
                           else_=sa.literal(OutboxState.PENDING, OUTBOX.c.state.type))
# Built once: building a statement costs more than running it on SQLite, and about as much on
# PostgreSQL, and these run for every message sent.
_STILL_CLAIMED = sa.select(OUTBOX.c.id).where(
    OUTBOX.c.id == sa.bindparam("check_id"), OUTBOX.c.state == OutboxState.SENDING,
    OUTBOX.c.claimed_by == sa.bindparam("worker"), ~_CANCELLED, ~_MEMBER_GONE)
_SETTLE_SENT = sa.update(OUTBOX).where(OUTBOX.c.id == sa.bindparam("message_id")).values(
    state=OutboxState.SENT, claimed_by=None, sent_at=sa.bindparam("sent_at"),
    telegram_message_id=sa.bindparam("telegram_message_id"))
# PostgreSQL runs a data-modifying WITH: the settle and the next row's check in one round trip.
_SETTLE_SENT_THEN_CHECK = _STILL_CLAIMED.add_cte(_SETTLE_SENT.cte("settled"))


_INSERT_NEW = {name: dialect.insert(OUTBOX).on_conflict_do_nothing(index_elements=["dedupe_key"])
               for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))}
_NEW_ID = {name: insert.returning(OUTBOX.c.id) for name, insert in _INSERT_NEW.items()}
_NEW_KEYS = {name: insert.returning(OUTBOX.c.dedupe_key, OUTBOX.c.id)
             for name, insert in _INSERT_NEW.items()}


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def insert_once(session: Session, *, values: dict[str, Any]) -> int | None:
    """Insert a row unless its dedupe key exists; the new id, or None when it was a no-op."""
    return session.connection().execute(_NEW_ID[_dialect(session)], values).scalar_one_or_none()


def insert_new(session: Session, *, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Insert the rows whose dedupe keys are not in the outbox yet, in as few statements as
    the driver allows; the new rows' ids by dedupe key."""
    if not rows:
        return {}
    result = session.connection().execute(_NEW_KEYS[_dialect(session)], list(rows))
    return {key: row_id for key, row_id in result}


def existing_keys(session: Session, *, keys: Iterable[str], chunk: int = 500) -> set[str]:
    """Which of these dedupe keys the outbox already holds (looked up a chunk at a time)."""
    wanted = list(keys)
    found: set[str] = set()
    for start in range(0, len(wanted), chunk):
        query = select(OutboxMessage.dedupe_key).where(
            OutboxMessage.dedupe_key.in_(wanted[start:start + chunk]))
        found.update(session.exec(query).all())
    return found


def get(session: Session, *, message_id: int) -> OutboxMessage | None:
    """One outbox row, fresh from the database."""
    return session.get(OutboxMessage, message_id, populate_existing=True)


def by_key(session: Session, *, dedupe_key: str) -> OutboxMessage | None:
    """The row with this dedupe key, or None."""
    return session.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key)).first()


def claim_batch(connection: Connection, *, now: datetime, worker: str, limit: int,
                skip_chats: Iterable[int] = ()) -> list[sa.Row]:
    """Atomically move up to `limit` of the oldest due pending rows to `sending` for `worker`.

    One WITH due AS (SELECT … LIMIT n) UPDATE … WHERE id IN due … RETURNING statement gives
    the claimed rows (CLAIMED columns, oldest first): on PostgreSQL the SELECT takes them with
    FOR UPDATE SKIP LOCKED, so concurrent dispatchers never claim the same row; on SQLite the
    statement holds the single write lock, and `state = 'pending'` re-checks it. The CTE is
    MATERIALIZED on PostgreSQL: as a plain subquery of IN the planner may run it again for
    every outer row, each run passing over the rows already claimed, so that more than `limit`
    rows were claimed.
    """
    due = (
        sa.select(OUTBOX.c.id)
        .where(OUTBOX.c.state == OutboxState.PENDING, OUTBOX.c.not_before <= now)
        .order_by(OUTBOX.c.not_before, OUTBOX.c.id)
        .limit(limit)
    )
    skip = sorted(set(skip_chats))
    if skip:
        due = due.where(OUTBOX.c.chat_id.not_in(skip))
    if connection.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    once = due.cte("due").prefix_with("MATERIALIZED", dialect="postgresql")
    statement = (
        sa.update(OUTBOX)
        .where(OUTBOX.c.id.in_(sa.select(once.c.id)), OUTBOX.c.state == OutboxState.PENDING)
        .values(state=OutboxState.SENDING, claimed_at=now, claimed_by=worker)
        .returning(*CLAIMED)
    )
    return sorted(connection.execute(statement).all(), key=lambda row: (row.not_before, row.id))


def release_claimed(connection: Connection, *, ids: Iterable[int], worker: str) -> int:
    """Put rows this worker claimed but did not send back to pending (or cancelled); how many."""
    wanted = list(ids)
    if not wanted:
        return 0
    statement = (
        sa.update(OUTBOX)
        .where(OUTBOX.c.id.in_(wanted), OUTBOX.c.state == OutboxState.SENDING,
               OUTBOX.c.claimed_by == worker)
        .values(state=_BACK_TO_PENDING, claimed_by=None)
    )
    return connection.execute(statement).rowcount


def still_claimed(connection: Connection, *, message_id: int, worker: str) -> bool:
    """Whether a row is still `sending` for this worker, its broadcast not cancelled."""
    found = connection.execute(_STILL_CLAIMED, {"check_id": message_id, "worker": worker})
    return found.first() is not None


def settle_sent(connection: Connection, *, message_id: int, sent_at: datetime,
                telegram_message_id: int | None, then_check: int | None = None,
                worker: str = "") -> bool:
    """Record that a row was delivered, whatever happened to it meanwhile (it was sent).

    With `then_check`, also tell whether that row is still claimed by `worker` (False without).
    """
    values = {"message_id": message_id, "sent_at": sent_at,
              "telegram_message_id": telegram_message_id}
    if then_check is None:
        connection.execute(_SETTLE_SENT, values)
        return False
    if connection.dialect.name == "postgresql":
        found = connection.execute(_SETTLE_SENT_THEN_CHECK,
                                   {**values, "check_id": then_check, "worker": worker})
        return found.first() is not None
    connection.execute(_SETTLE_SENT, values)
    return still_claimed(connection, message_id=then_check, worker=worker)


def release_stale(session: Session, *, claimed_before: datetime) -> int:
    """Rows left in `sending` by a dead process go back to `pending` (or cancelled); how many."""
    statement = (
        sa.update(OUTBOX)
        .where(OUTBOX.c.state == OutboxState.SENDING, OUTBOX.c.claimed_at < claimed_before)
        .values(state=_BACK_TO_PENDING, claimed_by=None)
    )
    return session.execute(statement).rowcount


def settle(connection: Connection | Session, *, message_id: int, state: OutboxState,
           worker: str, **values: Any) -> None:
    """Record how a claimed row ended (failed, unreachable) or put it back (pending).

    Only while `worker` still holds the claim; a row put back to pending whose broadcast was
    cancelled meanwhile is cancelled instead (a sent row is recorded as sent regardless).
    """
    statement = (
        sa.update(OUTBOX)
        .where(OUTBOX.c.id == message_id, OUTBOX.c.state == OutboxState.SENDING,
               OUTBOX.c.claimed_by == worker)
        .values(state=_BACK_TO_PENDING if state == OutboxState.PENDING else state,
                claimed_by=None, **values)
    )
    connection.execute(statement)


def hold_for_chat(session: Session, *, chat_id: int, claimed: Iterable[int] = ()) -> int:
    """Mark every pending row to a chat, and these claimed ones, unreachable; how many."""
    waiting = OutboxMessage.state == OutboxState.PENDING
    if claimed := list(claimed):
        waiting = sa.or_(waiting, sa.and_(OutboxMessage.state == OutboxState.SENDING,
                                          OutboxMessage.id.in_(claimed)))
    statement = (
        sa.update(OutboxMessage)
        .where(OutboxMessage.chat_id == chat_id, waiting)
        .values(state=OutboxState.UNREACHABLE, claimed_by=None)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount


def mark_unreachable(session: Session, *, chat_id: int, now: datetime) -> Member | None:
    """Set unreachable_since on the member of a chat, if not yet set; that member, or None."""
    member = session.exec(
        select(Member).where(Member.telegram_id == chat_id, Member.unreachable_since.is_(None))
    ).first()
    if member is None:
        return None
    member.unreachable_since = now
    session.add(member)
    session.flush()
    return member


def clear_unreachable(session: Session, *, telegram_id: int) -> bool:
    """The member writes again: clear unreachable_since; whether it was set."""
    statement = (
        sa.update(Member)
        .where(Member.telegram_id == telegram_id, Member.unreachable_since.is_not(None))
        .values(unreachable_since=None)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount > 0


def cancel_pending(session: Session, *, broadcast_id: int) -> int:
    """Cancel a broadcast's rows not yet claimed; how many.

    Claimed rows stay `sending`: with the broadcast marked cancelled, a dispatcher's check
    just before each send cancels them instead, and the one in flight is recorded as sent.
    """
    statement = (
        sa.update(OutboxMessage)
        .where(OutboxMessage.broadcast_id == broadcast_id,
               OutboxMessage.state == OutboxState.PENDING)
        .values(state=OutboxState.CANCELLED)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount


def state_counts(session: Session, *, broadcast_id: int) -> dict[OutboxState, int]:
    """How many of a broadcast's rows are in each state."""
    rows = session.exec(
        select(OutboxMessage.state, sa.func.count())
        .where(OutboxMessage.broadcast_id == broadcast_id)
        .group_by(OutboxMessage.state)
    ).all()
    return {OutboxState(state): count for state, count in rows}


def undelivered(
    session: Session, *, broadcast_id: int
) -> Sequence[tuple[OutboxMessage, Member | None]]:
    """A broadcast's failed, unreachable and no-longer-member rows, each with its member."""
    query = (
        select(OutboxMessage, Member)
        .join(Member, Member.id == OutboxMessage.member_id, isouter=True)
        .where(OutboxMessage.broadcast_id == broadcast_id,
               OutboxMessage.state.in_([OutboxState.FAILED, OutboxState.UNREACHABLE,
                                        OutboxState.NOT_MEMBER]))
        .order_by(Member.name)
    )
    return session.exec(query).all()


def rows(session: Session, *, kind: str | None = None,
         states: Iterable[OutboxState] | None = None) -> Sequence[OutboxMessage]:
    """Outbox rows, optionally of one kind and some states, oldest first."""
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if kind is not None:
        query = query.where(OutboxMessage.kind == kind)
    if states is not None:
        query = query.where(OutboxMessage.state.in_(list(states)))
    return session.exec(query).all()
