"""Change counters: which topics of data each committed transaction wrote.

Every statement that writes a table is seen on its way (an engine event); when the transaction
commits, the counter of each topic it wrote goes up by one in this process's memory and, in the
same transaction, in the `data_generation` table. A read cache keeps a result with the counters
of the topics it was read from: equal counters mean nothing it depends on has changed. Writes of
this process are seen at once; writes of other processes (a CLI import, a second bot) when the
table is next polled.

The in-memory counter goes up as the commit is issued, so the committing thread's next read
sees the change, and once more when the connection goes back to the pool: by then the commit
is visible to every thread, and a read that another thread made in between, possibly of the
data from before the commit, is not kept under the new counter.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

# Which tables each topic reads from. A cached read names the topics it depends on.
TOPICS: dict[str, frozenset[str]] = {
    "roster": frozenset({"member", "membership", "unit", "working_group",
                         "working_group_member"}),
    "duties": frozenset({"unit", "council_session", "resolution", "resolution_assignment",
                         "holiday"}),
    "reports": frozenset({"weekly_report"}),
}
_TOPICS_OF: dict[str, tuple[str, ...]] = {}
for _topic, _tables in TOPICS.items():
    for _table in _tables:
        _TOPICS_OF[_table] = (*_TOPICS_OF.get(_table, ()), _topic)

# Columns no cached read depends on: an UPDATE that sets only these writes no topic. A report
# being typed moves its current_step at every answer; the reads kept (which units have reported)
# depend on its status, which such an UPDATE leaves alone.
UNREAD_COLUMNS: dict[str, frozenset[str]] = {
    "weekly_report": frozenset({"current_step", "updated_at"}),
}

_WRITE = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)',
                    re.IGNORECASE)
_SET = re.compile(r'\s*UPDATE\s+"?\w+"?\s+SET\s+(.*?)(?:\s+WHERE\s|$)',
                  re.IGNORECASE | re.DOTALL)
_ASSIGNED = re.compile(r'(?:^|,)\s*"?(\w+)"?\s*=')
_WRITTEN = "mina.topics_written"
_UNREAD = "mina.topics_unread"  # topics the statements now running cannot change
_COMMITTED = "mina.topics_committed"
_TABLE = "data_generation"


class ChangeCounters:
    """This process's counters for one database, and what it last saw in the database's table."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._local = dict.fromkeys(TOPICS, 0)
        self._seen: dict[str, int] = {}
        self._polled_at = float("-inf")
        self._monotonic = monotonic
        self._lock = threading.Lock()

    def stamp(self, topics: Iterable[str], engine: Engine, *, poll_every: float) -> tuple:
        """The counters of `topics`, after polling the database if `poll_every` has passed."""
        if self._monotonic() - self._polled_at >= poll_every:
            self.poll(engine)
        return tuple(self._local[t] for t in topics)

    def poll(self, engine: Engine) -> None:
        """Read the database's counters; a topic another process wrote counts as changed."""
        with engine.connect() as connection:
            rows = connection.execute(sa.text(f"SELECT topic, value FROM {_TABLE}")).all()
        with self._lock:
            for topic, value in rows:
                if topic in self._local and self._seen.get(topic, value) != value:
                    self._local[topic] += 1
                self._seen[topic] = value
            self._polled_at = self._monotonic()

    def committed(self, written: dict[str, int]) -> None:
        """This process committed writes to these topics (with the database's new values)."""
        with self._lock:
            for topic, value in written.items():
                self._local[topic] += 1
                if self._seen.get(topic) == value - 1:  # only ours: no need to count it again
                    self._seen[topic] = value

    def visible(self, topics: Iterable[str]) -> None:
        """This process's commit to these topics is now visible to every connection."""
        with self._lock:
            for topic in topics:
                self._local[topic] += 1


_BY_URL: dict[str, ChangeCounters] = {}
_BY_ENGINE: weakref.WeakKeyDictionary[Engine, ChangeCounters] = weakref.WeakKeyDictionary()
_REGISTRY_LOCK = threading.Lock()


def track(engine: Engine) -> Engine:
    """Count the topics written through this engine (every engine of make_engine is tracked)."""
    if not sa.event.contains(engine, "commit", _on_commit):
        sa.event.listen(engine, "after_cursor_execute", _seen_statement)
        sa.event.listen(engine, "commit", _on_commit)
        sa.event.listen(engine, "rollback", _forget)
        sa.event.listen(engine, "checkin", _forget_on_checkin)  # a pool reset rolls back unseen
    return engine


def counters_for(engine: Engine) -> ChangeCounters:
    """The counters of an engine's database, shared by every engine of this process on it."""
    counters = _BY_ENGINE.get(engine)
    if counters is None:
        key = engine.url.render_as_string(hide_password=False)
        with _REGISTRY_LOCK:
            counters = _BY_URL.setdefault(key, ChangeCounters())
        _BY_ENGINE[engine] = counters
        track(engine)
    return counters


def _seen_statement(connection: Connection, _cursor: Any, statement: str, *_: Any) -> None:
    match = _WRITE.match(statement)
    if match is None:
        return
    table = match.group(1).lower()
    topics = _TOPICS_OF.get(table)
    if topics and not _sets_only(statement, UNREAD_COLUMNS.get(table)):
        unread = connection.info.get(_UNREAD)
        connection.info.setdefault(_WRITTEN, set()).update(
            [t for t in topics if t not in unread] if unread else topics)


@contextlib.contextmanager
def unread(connection: Connection, *topics: str) -> Iterator[None]:
    """Statements run inside the block change nothing a cached read of `topics` shows.

    For writes the caller knows are invisible to those reads (a draft report created, or
    thrown away before it was ever submitted, is not among the reports in). A write flushed
    after the block counts as usual: the mistake possible is a read made again, never a stale one.
    """
    before = connection.info.get(_UNREAD, frozenset())
    connection.info[_UNREAD] = before | frozenset(topics)
    try:
        yield
    finally:
        connection.info[_UNREAD] = before


def _sets_only(statement: str, columns: frozenset[str] | None) -> bool:
    """Whether `statement` is an UPDATE that sets nothing but `columns`."""
    found = columns and _SET.match(statement)
    if not found:
        return False
    assigned = {name.lower() for name in _ASSIGNED.findall(found.group(1))}
    return bool(assigned) and assigned <= columns


def _on_commit(connection: Connection) -> None:
    topics = connection.info.pop(_WRITTEN, None)
    if not topics:
        return
    cursor = connection.connection.dbapi_connection.cursor()  # raw: no events, same transaction
    try:
        values = _bump(cursor, connection.dialect.name, topics) if _has_table(
            cursor, connection) else {}
    finally:
        cursor.close()
    counters = counters_for(connection.engine)
    counters.committed({t: values.get(t, 0) for t in topics})
    _, earlier = connection.info.get(_COMMITTED, (counters, frozenset()))
    connection.info[_COMMITTED] = (counters, earlier | topics)


def _bump(cursor: Any, dialect: str, topics: set[str]) -> dict[str, int]:
    names = ", ".join(f"'{t}'" for t in sorted(topics))  # fixed identifiers, never user input
    cursor.execute(f"UPDATE {_TABLE} SET value = value + 1 WHERE topic IN ({names}) "
                   "RETURNING topic, value")
    return dict(cursor.fetchall())


_MIGRATED: set[str] = set()  # databases known to have the table (before 0003 they have not)


def _has_table(cursor: Any, connection: Connection) -> bool:
    key = connection.engine.url.render_as_string(hide_password=False)
    if key in _MIGRATED:
        return True
    if connection.dialect.name == "sqlite":
        cursor.execute(f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{_TABLE}'")
        found = cursor.fetchone() is not None
    else:
        cursor.execute(f"SELECT to_regclass('{_TABLE}') IS NOT NULL")
        found = bool(cursor.fetchone()[0])
    if found:
        _MIGRATED.add(key)
    return found


def _forget(connection: Connection) -> None:
    if connection.invalidated:  # its server connection is gone, and .info would try to reconnect
        return
    connection.info.pop(_WRITTEN, None)


def _forget_on_checkin(_dbapi_connection: Any, record: Any) -> None:
    record.info.pop(_WRITTEN, None)
    committed = record.info.pop(_COMMITTED, None)
    if committed is not None:
        committed[0].visible(committed[1])
