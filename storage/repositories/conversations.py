"""Persisted chat state by key: the flows of mina_bot.conversations and their PTB steps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from storage.models import ConversationState
from storage.models.base import bookkeeping_time

_TABLE = ConversationState.__table__
# Each step of a conversation reads and writes its row: built once, on the table, one round trip
# each (the ORM's get-then-update cost more than the statements themselves).
_GET = sa.select(_TABLE.c.key, _TABLE.c.name, _TABLE.c.state).where(
    _TABLE.c.key == sa.bindparam("key"))
_DROP = sa.delete(_TABLE).where(_TABLE.c.key == sa.bindparam("key"))
_UPSERTS: dict[str, sa.Insert] = {}


def _upsert(dialect: str) -> sa.Insert:
    statement = _UPSERTS.get(dialect)
    if statement is None:
        insert = (postgresql_insert if dialect == "postgresql" else sqlite_insert)(_TABLE)
        statement = _UPSERTS[dialect] = insert.on_conflict_do_update(
            index_elements=[_TABLE.c.key],
            set_={"name": insert.excluded.name, "state": insert.excluded.state,
                  "updated_at": insert.excluded.updated_at})
    return statement


def get_state(session: Session, *, key: str) -> sa.Row | None:
    """The row (key, name, state) stored under `key`, or None."""
    return session.connection().execute(_GET, {"key": key}).first()


def of_name(session: Session, *, name: str) -> Sequence[ConversationState]:
    """Every row stored under one name."""
    return session.exec(select(ConversationState).where(ConversationState.name == name)).all()


def ending_with(session: Session, *, suffix: str) -> Sequence[ConversationState]:
    """Every row whose key ends with `suffix`."""
    return session.exec(select(ConversationState).where(
        ConversationState.key.endswith(suffix, autoescape=True))).all()


def put_state(session: Session, *, key: str, name: str, state: dict[str, Any]) -> None:
    """Store `state` under `key` (a new JSON value, replacing any old one)."""
    connection = session.connection()
    connection.execute(_upsert(connection.dialect.name), {
        "key": key, "name": name, "state": dict(state), "updated_at": bookkeeping_time()})


def drop_state(session: Session, *, key: str) -> None:
    """Forget whatever is stored under `key`."""
    session.connection().execute(_DROP, {"key": key})

