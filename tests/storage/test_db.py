"""Engine setup: SQLite pragmas, URL handling, connection checks and session scopes."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session, select

from storage import db as storage_db
from storage.db import (
    DatabaseUnavailable,
    check_connection,
    make_engine,
    normalise_url,
    reading_engine,
    session_factory,
    session_scope,
    statement_engine,
)
from storage.models import Unit, UnitKind


def test_sqlite_file_runs_in_wal_with_busy_timeout(tmp_path: Path) -> None:
    """Every SQLite connection gets WAL, a 5 s busy timeout and foreign keys."""
    engine = make_engine(f"sqlite:///{tmp_path}/nested/dir/mina.db")
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA busy_timeout").scalar() == 5000
            assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert (tmp_path / "nested" / "dir" / "mina.db").exists()
    finally:
        engine.dispose()


def test_migrated_sqlite_database_enforces_foreign_keys(engine: Engine) -> None:
    """The pragmas apply to the migrated test databases too (no-op check on PostgreSQL)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas only")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgres_urls_use_psycopg3(scheme: str) -> None:
    """Plain PostgreSQL URLs are given the psycopg 3 driver."""
    url = normalise_url(f"{scheme}://mina:pw@db.example:5432/mina")
    assert url.drivername == "postgresql+psycopg"
    engine = make_engine(url)
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_check_connection_on_refused_port_is_one_readable_line() -> None:
    """A server that is not there gives DatabaseUnavailable, password masked, no traceback."""
    engine = make_engine("postgresql://mina:secret@127.0.0.1:1/mina")
    with pytest.raises(DatabaseUnavailable) as caught:
        check_connection(engine)
    message = str(caught.value)
    assert "\n" not in message
    assert "secret" not in message
    assert message.startswith(
        "database unavailable (postgresql+psycopg://mina:***@127.0.0.1:1/mina)"
    )
    assert "refused" in message.lower() or "failed" in message.lower()


def test_check_connection_on_unopenable_sqlite_file(tmp_path: Path) -> None:
    """A SQLite path that is a directory cannot be opened."""
    (tmp_path / "mina.db").mkdir()
    engine = make_engine(f"sqlite:///{tmp_path}/mina.db")
    with pytest.raises(DatabaseUnavailable, match="unable to open database file"):
        check_connection(engine)


def test_check_connection_passes_on_working_database(engine: Engine) -> None:
    """A reachable database raises nothing."""
    check_connection(engine)


def test_session_scope_commits_on_success(engine: Engine) -> None:
    """Leaving the block commits."""
    with session_scope(engine) as session:
        session.add(Unit(key="secretariat", kind=UnitKind.SECRETARIAT, name_fa="دبیرخانه ستاد",
                         name_en="Secretariat"))  # fmt: skip
    with session_factory(engine)() as session:
        assert session.exec(select(Unit.key)).all() == ["secretariat"]


def test_session_scope_rolls_back_on_error(engine: Engine) -> None:
    """An exception inside the block undoes its writes and propagates."""
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.add(Unit(key="it", kind=UnitKind.COMMITTEE, name_fa="فناوری", name_en="IT"))
        session.flush()
        raise RuntimeError("boom")
    with session_scope(engine) as session:
        assert session.exec(select(Unit)).all() == []


def _secretariat() -> Unit:
    return Unit(key="secretariat", kind=UnitKind.SECRETARIAT, name_fa="دبیرخانه ستاد",
                name_en="Secretariat")


def test_a_reading_session_reads_and_refuses_a_write(engine: Engine) -> None:
    """A read-only session sees committed rows; a write through it fails and nothing is kept."""
    with session_scope(engine) as session:
        session.add(_secretariat())
    reading = reading_engine(engine)
    with Session(reading) as session:
        assert session.exec(select(Unit.key)).all() == ["secretariat"]
        session.add(Unit(key="it", kind=UnitKind.COMMITTEE, name_fa="فناوری", name_en="IT"))
        with pytest.raises(sa.exc.InvalidRequestError, match="read-only"):
            session.commit()
    with session_scope(engine) as session:
        assert session.exec(select(Unit.key)).all() == ["secretariat"]


def test_reads_open_no_transaction_on_postgres_and_the_pool_stays_transactional(engine):
    """On PostgreSQL a read and a lone statement run without BEGIN/COMMIT; the connection goes
    back to the pool transactional again, so the next session still rolls back as a whole."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite opens no transaction for a read anyway")
    from psycopg.pq import TransactionStatus

    def status(session: Session) -> TransactionStatus:
        return session.connection().connection.dbapi_connection.info.transaction_status

    with Session(reading_engine(engine)) as session:
        session.exec(select(Unit.key)).all()
        assert status(session) == TransactionStatus.IDLE
    with Session(statement_engine(engine)) as session:
        session.add(_secretariat())
        session.flush()
        assert status(session) == TransactionStatus.IDLE  # already committed, on its own
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.exec(select(Unit.key)).all()
        assert status(session) == TransactionStatus.INTRANS
        session.add(Unit(key="it", kind=UnitKind.COMMITTEE, name_fa="فناوری", name_en="IT"))
        session.flush()
        raise RuntimeError("boom")
    with session_scope(engine) as session:
        assert session.exec(select(Unit.key)).all() == ["secretariat"]


def _kill_backends(url: str) -> None:
    """Terminate every server connection to the database (a restart, as the pool sees it)."""
    name = normalise_url(url).database
    admin = make_engine(normalise_url(url).set(database="postgres"), poolclass=NullPool,
                        isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                   "WHERE datname = :name AND pid <> pg_backend_pid()"),
                           {"name": name})
    admin.dispose()


def test_a_connection_idle_in_the_pool_is_pinged_and_replaced(database_url, monkeypatch):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL connections")
    engine = make_engine(database_url)
    with engine.connect() as connection:  # one connection, now idle in the pool
        connection.execute(sa.text("SELECT 1"))
    _kill_backends(database_url)
    monkeypatch.setattr(storage_db, "PING_AFTER_IDLE", 0.0)
    with engine.connect() as connection:  # the ping finds it dead: a fresh one, no error
        assert connection.execute(sa.text("SELECT 2")).scalar() == 2
    engine.dispose()


def test_a_connection_lost_in_use_fails_once_as_an_outage_then_recovers(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL connections")
    engine = make_engine(database_url)
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT 1"))
    _kill_backends(database_url)  # just used: not pinged again at the next checkout
    with pytest.raises(sa.exc.OperationalError) as failure, Session(engine) as session:
        try:
            session.execute(sa.text("SELECT 1"))
        finally:
            session.rollback()  # the change counters' rollback hook must not try to reconnect
    assert failure.value.connection_invalidated
    with Session(engine) as session:
        assert session.execute(sa.text("SELECT 3")).scalar() == 3
    engine.dispose()



def test_a_units_active_resolutions_are_read_through_the_partial_index(engine: Engine) -> None:
    """«What do I owe?» finds a unit's active resolutions in ix_resolution_active, not by
    visiting every resolution of the unit (SQLite needs the index's statistics for that)."""
    import datetime as dt

    from storage.db import refresh_planner_statistics
    from storage.models import CouncilSession, Resolution, ResolutionAssignment, ResolutionStatus
    from storage.repositories.resolutions import ACTIVE_STATES, active_of_unit

    with session_scope(engine) as session:
        unit = _secretariat()
        council = CouncilSession(number=1, starts_at=dt.datetime(2021, 4, 19, 5, 30, tzinfo=dt.UTC))
        session.add_all([unit, council])
        session.flush()
        for number in range(1, 201):
            status = ResolutionStatus.OPEN if number % 20 == 0 else ResolutionStatus.CONFIRMED
            resolution = Resolution(session_id=council.id, number=number, subject=f"r{number}",
                                    status=status)
            session.add(resolution)
            session.flush()
            session.add(ResolutionAssignment(resolution_id=resolution.id, unit_id=unit.id,
                                             raw_name="دبیرخانه"))
    refresh_planner_statistics(engine)
    with Session(engine) as session:
        found = active_of_unit(session, unit_id=unit.id, statuses=ACTIVE_STATES)
    assert sorted(row[1] for row in found) == list(range(20, 201, 20))
    explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    query = ("SELECT resolution.id, resolution.subject FROM resolution "
             "JOIN resolution_assignment ON resolution_assignment.resolution_id = resolution.id "
             f"WHERE resolution_assignment.unit_id = {unit.id} "
             "AND resolution.status IN ('open', 'reported_done')")
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":  # a table this small is read whole otherwise
            connection.exec_driver_sql("ANALYZE resolution")
            connection.exec_driver_sql("SET enable_seqscan = off")
        plan = " ".join(str(row) for row in connection.exec_driver_sql(explain + query))
    assert "ix_resolution_active" in plan
