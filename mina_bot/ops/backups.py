"""`python bot.py db backup|restore FILE`: SQLite through the backup API, PostgreSQL via pg_dump."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url

from storage.backup import BackupError, backup_sqlite, restore_sqlite
from storage.db import normalise_url
from storage.migrate import upgrade

PG_ROUTE = """\
{database} is PostgreSQL: use its own tools (a dump is safe while the bot runs;
give the password via PGPASSWORD or ~/.pgpass).
  backup:   pg_dump --format=custom --file={file} "{url}"
  restore:  stop the bot, then
            pg_restore --clean --if-exists --no-owner --dbname="{url}" {file}
            python bot.py db upgrade"""


def sqlite_path(database_url: str) -> Path | None:
    """The file of a SQLite URL, or None for any other database."""
    url = normalise_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database.startswith(("file:", ":memory:")):
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(url.database).expanduser()


def postgres_route(database_url: str, file: str) -> str:
    """The pg_dump / pg_restore commands for this PostgreSQL URL (password left out)."""
    given = make_url(database_url)
    url = URL.create("postgresql", username=given.username, host=given.host, port=given.port,
                     database=given.database, query=given.query)
    return PG_ROUTE.format(database=url.database, file=file,
                           url=url.render_as_string(hide_password=False))


def backup(database_url: str, file: str) -> tuple[bool, str]:
    """Back up the database into file: (done, what to tell the operator)."""
    database = sqlite_path(database_url)
    if database is None:
        return False, postgres_route(database_url, file)
    backup_sqlite(database, Path(file))
    return True, f"backed up {database} to {file}"


def restore(database_url: str, file: str, *, force: bool) -> tuple[bool, str]:
    """Restore file over the database, then migrate it: (done, what to tell the operator)."""
    database = sqlite_path(database_url)
    if database is None:
        return False, postgres_route(database_url, file)
    restore_sqlite(Path(file), database, force=force)
    upgrade(database_url)
    return True, f"restored {file} into {database} and brought it up to date"
