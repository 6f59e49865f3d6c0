"""Engine setup: SQLite pragmas, URL handling, connection checks and session scopes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from storage.db import (
    DatabaseUnavailable,
    check_connection,
    make_engine,
    normalise_url,
    session_factory,
    session_scope,
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
    assert message.endswith("Connection refused")


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
