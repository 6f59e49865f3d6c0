"""Alembic environment for Mina; the URL comes from storage.migrate.alembic_config."""

from __future__ import annotations

from alembic import context
from sqlalchemy.pool import NullPool

from storage.db import make_engine, normalise_url
from storage.migrate import context_options

config = context.config


def database_url():
    """The URL handed over by storage.migrate, or sqlalchemy.url from an ini file."""
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL: use storage.migrate.alembic_config(url)")
    return normalise_url(url)


def run_migrations_offline() -> None:
    """Emit SQL for the migrations without connecting."""
    url = database_url()
    context.configure(url=url, literal_binds=True, **context_options(url.get_backend_name()))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on a live connection (SQLite with foreign keys off meanwhile)."""
    engine = make_engine(database_url(), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            dialect_name = connection.dialect.name
            if dialect_name == "sqlite":
                # batch mode rebuilds tables; foreign keys would cascade or block meanwhile
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                connection.commit()
            context.configure(connection=connection, **context_options(dialect_name))
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
