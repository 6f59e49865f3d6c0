"""Writes that stay correct when another transaction takes the same unique key first."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

T = TypeVar("T")


@contextlib.contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """A savepoint on PostgreSQL, where database threads and other processes write at once.

    SQLite gets none: pysqlite begins its transaction at the first write, so a SAVEPOINT before
    it would open, and its RELEASE commit, a transaction of its own; and SQLite's writers take
    turns on the database lock.
    """
    if session.get_bind().dialect.name == "sqlite":
        yield
        return
    with session.begin_nested():
        yield


def created_or_found(session: Session, *, create: Callable[[], T],
                     find: Callable[[], T | None]) -> T:
    """create(); if a unique key says another transaction made the row first, the row it made."""
    try:
        with savepoint(session):
            return create()
    except IntegrityError:
        found = find()
        if found is None:
            raise
        return found


def retried(session: Session, write: Callable[[], T], *, attempts: int = 3) -> T:
    """write() again when another transaction took its unique key first (it reads what that
    one committed the next time: a number taken, a position moved)."""
    for attempt in range(attempts):
        try:
            with savepoint(session):
                return write()
        except IntegrityError:
            if attempt == attempts - 1 or session.get_bind().dialect.name == "sqlite":
                raise
    raise AssertionError("unreachable")
