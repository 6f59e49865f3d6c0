"""`bot.py db backup` / `db restore` on SQLite, and the pg_dump route for PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot import main
from storage.db import make_engine, session_scope
from storage.migrate import upgrade
from storage.repositories import members as members_repo


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def member_names(url: str) -> list[str]:
    engine = make_engine(url)
    with session_scope(engine) as session:
        names = [m.name for m in members_repo.list_active_members(session)]
    engine.dispose()
    return names


@pytest.fixture
def live_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A migrated SQLite database with one member, configured as MINA_DATABASE_URL."""
    path = tmp_path / "data" / "mina.sqlite3"
    upgrade(sqlite_url(path))
    engine = make_engine(sqlite_url(path))
    with session_scope(engine) as session:
        members_repo.create_member(session, name="آقای عباسی", telegram_id=1002)
    engine.dispose()
    monkeypatch.setenv("MINA_DATABASE_URL", sqlite_url(path))
    monkeypatch.chdir(tmp_path)
    return path


def test_backup_then_restore_brings_back_what_was_lost(live_database, tmp_path, capsys):
    backup = tmp_path / "backups" / "mina.bak"
    engine = make_engine(sqlite_url(live_database))  # a running bot keeps a connection open
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT 1"))
        assert main(["db", "backup", str(backup)]) == 0
    with session_scope(engine) as session:
        members_repo.create_member(session, name="آقای اشتباهی", telegram_id=9999)
    engine.dispose()
    assert member_names(sqlite_url(live_database)) == ["آقای اشتباهی", "آقای عباسی"]

    assert main(["db", "restore", str(backup), "--force"]) == 0
    assert member_names(sqlite_url(live_database)) == ["آقای عباسی"]
    assert "restored" in capsys.readouterr().out


def test_restore_into_a_fresh_place_needs_no_force(live_database, tmp_path, monkeypatch):
    backup = tmp_path / "mina.bak"
    assert main(["db", "backup", str(backup)]) == 0
    fresh = tmp_path / "elsewhere" / "mina.sqlite3"
    monkeypatch.setenv("MINA_DATABASE_URL", sqlite_url(fresh))
    assert main(["db", "restore", str(backup)]) == 0
    assert member_names(sqlite_url(fresh)) == ["آقای عباسی"]


def test_restore_refuses_to_overwrite_without_force(live_database, tmp_path, capsys):
    backup = tmp_path / "mina.bak"
    assert main(["db", "backup", str(backup)]) == 0
    engine = make_engine(sqlite_url(live_database))
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT 1"))
        assert main(["db", "restore", str(backup)]) == 2
    engine.dispose()
    error = capsys.readouterr().err
    assert "in use" in error and "--force" in error


@pytest.mark.parametrize(("content", "reason"), [
    (b"hello, not a database", "not a SQLite database"),
    (None, "not Mina's"),
])
def test_restore_refuses_a_file_that_is_not_a_mina_database(live_database, tmp_path, capsys,
                                                            content, reason):
    bogus = tmp_path / "bogus.db"
    if content is None:
        with sqlite3.connect(bogus) as connection:
            connection.execute("CREATE TABLE notes (text TEXT)")
        connection.close()
    else:
        bogus.write_bytes(content)
    assert main(["db", "restore", str(bogus), "--force"]) == 2
    assert reason in capsys.readouterr().err
    assert member_names(sqlite_url(live_database)) == ["آقای عباسی"]


def test_restore_refuses_a_backup_from_a_newer_mina(live_database, tmp_path, capsys):
    backup = tmp_path / "mina.bak"
    assert main(["db", "backup", str(backup)]) == 0
    with sqlite3.connect(backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.close()
    assert main(["db", "restore", str(backup), "--force"]) == 2
    assert "newer Mina" in capsys.readouterr().err


def test_postgres_gets_the_pg_dump_route(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("MINA_DATABASE_URL", "postgresql://mina:pw@db:5432/mina")
    monkeypatch.chdir(tmp_path)
    assert main(["db", "backup", "mina.dump"]) == 1
    out = capsys.readouterr().out
    assert "pg_dump --format=custom --file=mina.dump" in out
    assert "pg_restore" in out and "pw" not in out
