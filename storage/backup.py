"""SQLite backups with the online backup API, and the checks a restore makes first."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from storage.migrate import alembic_config

MINA_TABLES = frozenset({"alembic_version", "unit", "member", "membership"})


class BackupError(Exception):
    """A backup or restore cannot go ahead; the message is one line for the operator."""


@contextlib.contextmanager
def _connect(path: Path, *, read_only: bool) -> Iterator[sqlite3.Connection]:
    uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    connection = sqlite3.connect(uri, uri=True, timeout=5.0)
    try:
        yield connection
    finally:
        connection.close()


def backup_sqlite(database: Path, target: Path) -> None:
    """Copy a live SQLite database page by page into target (safe while the bot runs)."""
    if not database.exists():
        raise BackupError(f"there is no database at {database}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with _connect(database, read_only=True) as source, _connect(target, read_only=False) as copy:
        source.backup(copy)


def known_revisions() -> set[str]:
    """Every revision this version of Mina's migrations knows."""
    from alembic.script import ScriptDirectory  # only here: see storage/migrate.py

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return {revision.revision for revision in script.walk_revisions()}


def check_mina_file(path: Path) -> str:
    """The Alembic revision of a Mina SQLite file, or BackupError saying why it is not one."""
    if not path.is_file():
        raise BackupError(f"there is no file at {path}")
    try:
        with _connect(path, read_only=True) as connection:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is a damaged SQLite database")
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not MINA_TABLES.issubset(tables):
                raise BackupError(f"{path} is a SQLite database, but not Mina's")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database ({exc})") from None
    if row is None or row[0] not in known_revisions():
        raise BackupError(f"{path} was made by a newer Mina (revision {row and row[0]}); "
                          "upgrade Mina first")
    return row[0]


def in_use(database: Path) -> bool:
    """Whether a process has the database open (WAL mode keeps a -wal file while it does)."""
    return Path(f"{database}-wal").exists() or Path(f"{database}-shm").exists()


def restore_sqlite(source: Path, database: Path, *, force: bool) -> None:
    """Replace database with a checked backup, through the backup API (no torn copies)."""
    check_mina_file(source)
    if database.exists() and not force:
        reason = "is in use (is the bot running?)" if in_use(database) else "exists"
        raise BackupError(f"the database {database} {reason}; stop the bot, then pass --force "
                          "to overwrite it")
    database.parent.mkdir(parents=True, exist_ok=True)
    with _connect(source, read_only=True) as backup, _connect(database, read_only=False) as live:
        backup.backup(live)
