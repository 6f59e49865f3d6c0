"""Engine and session setup for SQLite (file, WAL) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

# synchronous=NORMAL is SQLite's advice for WAL: a killed process loses nothing committed (only
# a power cut can lose the last commits), and a commit no longer waits for an fsync.
SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                  "PRAGMA busy_timeout=5000", "PRAGMA foreign_keys=ON")
POSTGRES_CONNECT_TIMEOUT = 10
# A pooled PostgreSQL connection unused for this long is pinged before it is handed out; one in
# steady use is not (a ping is a round trip, and a busy bot checks out several per update).
PING_AFTER_IDLE = 10.0


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or opened; the message is one readable line."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"database unavailable ({url}): {reason}")
        self.url = url
        self.reason = reason


def normalise_url(url: str | URL) -> URL:
    """Parse a URL; plain postgresql:// and postgres:// URLs get the psycopg 3 driver."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL with its password masked, for messages and logs."""
    try:
        return normalise_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<unparseable database URL>"


def _is_sqlite_memory(url: URL) -> bool:
    """True for sqlite:// and sqlite:///:memory: URLs."""
    return url.database in (None, "", ":memory:") or url.database.startswith("file::memory:")


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Turn on WAL, a busy timeout and foreign keys on every new SQLite connection."""
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _make_sqlite_engine(url: URL, **kwargs: Any) -> Engine:
    """A SQLite engine usable from several threads, its file's directory created."""
    connect_args = {"check_same_thread": False, **kwargs.pop("connect_args", {})}
    if _is_sqlite_memory(url):
        kwargs.setdefault("poolclass", StaticPool)
    elif not url.database.startswith("file:"):
        try:
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseUnavailable(safe_url(url), f"cannot create directory: {error}") from error
    engine = sa.create_engine(url, connect_args=connect_args, **kwargs)
    sa.event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """Create the engine for a database URL; extra keywords go to create_engine."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _make_sqlite_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "postgresql":
        connect_args = kwargs.pop("connect_args", {})
        if "connect_timeout" not in parsed.query:
            connect_args.setdefault("connect_timeout", POSTGRES_CONNECT_TIMEOUT)
        engine = sa.create_engine(parsed, connect_args=connect_args, **kwargs)
        if not kwargs.get("pool_pre_ping"):
            _ping_when_idle(engine)
        return engine
    return sa.create_engine(parsed, **kwargs)


def _ping_when_idle(engine: Engine) -> None:
    """Ping a connection at checkout only if it sat in the pool for PING_AFTER_IDLE: a server
    restarted while the bot was quiet is found before a query fails; one that dies under load
    fails that query, and the pool then drops every connection it had (SQLAlchemy)."""

    def stamp(_dbapi_connection: Any, record: Any, *_: Any) -> None:
        record.info["mina.idle_since"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("mina.idle_since", 0.0) < PING_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:  # the pool retries with a fresh connection
            raise sa.exc.DisconnectionError(str(error)) from error

    sa.event.listen(engine, "connect", stamp)
    sa.event.listen(engine, "checkin", stamp)
    sa.event.listen(engine, "checkout", checkout)


_WROTE = "mina.wrote"  # on the connection's info: its transaction ran an INSERT/UPDATE/DELETE


def track_writes(engine: Engine) -> None:
    """Note on each connection whether its current transaction wrote anything (see `wrote`)."""
    if sa.event.contains(engine, "begin", _forget_writes):
        return
    sa.event.listen(engine, "begin", _forget_writes)
    sa.event.listen(engine, "after_cursor_execute", _note_write)


def _forget_writes(connection: sa.Connection) -> None:
    connection.info.pop(_WROTE, None)


def _note_write(connection: sa.Connection, _cursor: Any, _statement: str, _parameters: Any,
                context: Any, _many: bool) -> None:
    if context.isinsert or context.isupdate or context.isdelete:
        connection.info[_WROTE] = True


def wrote(session: Session) -> bool:
    """Whether the session's transaction has written (pending ORM changes are flushed first);
    needs `track_writes` on its engine."""
    if not session.in_transaction():
        return False
    session.flush()
    return bool(session.connection().info.get(_WROTE))


def check_connection(engine: Engine) -> None:
    """Run SELECT 1; raise DatabaseUnavailable with a one-line reason if it fails."""
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as error:
        original = getattr(error, "orig", None) or error
        lines = [line.strip() for line in str(original).splitlines() if line.strip()]
        reason = lines[0] if lines else type(original).__name__
        raise DatabaseUnavailable(safe_url(engine.url), reason) from error


def refresh_planner_statistics(engine: Engine) -> None:
    """Let SQLite's planner know how small the partial index of active resolutions is, and how
    little a resolution's status alone narrows.

    Without statistics SQLite prefers a primary-key lookup per assignment, or a lookup by
    (status, id) in the index of every resolution's status, visiting the wide rows of a unit's
    thousands of closed resolutions; the two indexes' lines in sqlite_stat1 (a few
    milliseconds to count, ~30 ms at ten times the country) make it use the small one. Only
    these indexes are analysed. PostgreSQL keeps its own statistics (autovacuum).
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE ix_resolution_active")
        connection.exec_driver_sql("ANALYZE ix_resolution_status")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """A factory of SQLModel sessions whose objects stay readable after commit."""
    return sessionmaker(bind=engine, class_=Session, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def check_schema(engine: Engine) -> None:
    """check_connection, plus Alembic's table: a reachable but empty database is not healthy."""
    check_connection(engine)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    except sa.exc.SQLAlchemyError as error:
        raise DatabaseUnavailable(safe_url(engine.url), "the schema is missing") from error
