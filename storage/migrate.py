"""Alembic, configured in code: upgrade, downgrade and inspect the schema of a database.

Alembic is imported only when a schema is changed or its scripts are read: loaded, it stays
about 15 MB of the bot's resident memory, and a bot starting on an up-to-date database needs
only to read the revision it is at.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool
from sqlmodel.sql.sqltypes import AutoString

from storage.db import make_engine, normalise_url
from storage.models import metadata
from storage.types import EnumString, UTCDateTime

if TYPE_CHECKING:
    from alembic.autogenerate.api import AutogenContext
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD = "0017"  # the newest migration's revision (a test holds it to the scripts)
VERSION_TABLE = "alembic_version"


def alembic_config(url: str | URL) -> Config:
    """An Alembic Config for this URL, with no alembic.ini on disk."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database_url"] = normalise_url(url)
    return config


def upgrade(database: str | URL | Engine, revision: str = "head") -> None:
    """Migrate the database (a URL, or an engine on it) up to revision (nothing to do, and no
    Alembic, at HEAD)."""
    if revision in ("head", HEAD) and current(database) == HEAD:
        return
    from alembic import command

    url = database.url if isinstance(database, Engine) else database
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str | URL, revision: str) -> None:
    """Migrate the database at url down to revision ("base" empties it)."""
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def current(database: str | URL | Engine) -> str | None:
    """The revision the database (a URL, or an engine on it) is at, or None if it was never
    migrated."""
    engine = database if isinstance(database, Engine) else make_engine(database,
                                                                      poolclass=NullPool)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table(VERSION_TABLE):
                return None
            return connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")
                                      ).scalar()
    finally:
        if engine is not database:
            engine.dispose()


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | bool:
    """Render Mina's column types as plain SQLAlchemy types in migration scripts."""
    if type_ != "type":
        return False
    if isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if isinstance(obj, EnumString):
        return f"sa.String(length={obj.length})"
    if isinstance(obj, sa.JSON):
        autogen_context.imports.add("from sqlalchemy.dialects import postgresql")
        return "sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')"
    if isinstance(obj, AutoString):
        length = obj.impl.length
        return f"sa.String(length={length})" if length else "sa.String()"
    return False


def context_options(dialect_name: str) -> dict[str, Any]:
    """Options for context.configure shared by env.py and the models-vs-migrations test."""
    return {
        "target_metadata": metadata,
        "render_as_batch": dialect_name == "sqlite",
        "compare_type": True,
        "compare_server_default": True,
        "render_item": render_item,
    }
