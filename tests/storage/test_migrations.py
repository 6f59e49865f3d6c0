"""Alembic owns the schema: the migrations build exactly the models, and undo cleanly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from storage import migrate
from storage.db import make_engine
from storage.models import metadata
from tests.fixtures.database import table_names


def test_migration_history_has_one_head() -> None:
    """Two heads would mean two engineers' migrations were never joined."""
    script = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1


def test_head_names_the_newest_migration() -> None:
    """The bot skips Alembic when the database is at HEAD: a new migration must move it."""
    script = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    assert script.get_current_head() == migrate.HEAD


def test_a_bot_starting_on_an_up_to_date_database_leaves_alembic_unloaded(
        database_url: str, blank_database_url: str) -> None:
    """Alembic would stay ~15 MB of the running bot's memory; a blank database still gets it
    (one fresh interpreter, the up-to-date database first)."""
    script = ("import sys; import bot; from mina_bot.settings import Settings\n"
              "for url in sys.argv[1:]:\n"
              "    bot.prepare_runtime(Settings(database_url=url))\n"
              "    print('alembic' in sys.modules)")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script, database_url, blank_database_url],
                          cwd=root, timeout=120, capture_output=True, text=True, check=True)
    assert done.stdout.split()[-2:] == ["False", "True"]
    assert migrate.current(blank_database_url) == migrate.HEAD


def test_models_and_migrations_agree(engine: Engine) -> None:
    """Autogenerate finds nothing to add, drop or alter after upgrading to head."""
    with engine.connect() as connection:
        options = migrate.context_options(connection.dialect.name)
        context = MigrationContext.configure(connection, opts=options)
        diffs = compare_metadata(context, metadata)
    assert diffs == []


def test_upgrade_and_downgrade_round_trip(blank_database_url: str) -> None:
    """Head creates every table; base removes them all; head again restores them."""
    head = ScriptDirectory.from_config(
        migrate.alembic_config(blank_database_url)
    ).get_current_head()
    assert migrate.current(blank_database_url) is None

    migrate.upgrade(blank_database_url)
    engine = make_engine(blank_database_url)
    try:
        assert migrate.current(blank_database_url) == head
        assert table_names(engine) == set(metadata.tables) | {"alembic_version"}

        migrate.downgrade(blank_database_url, "base")
        assert migrate.current(blank_database_url) is None
        engine.dispose()
        assert table_names(engine) <= {"alembic_version"}

        migrate.upgrade(blank_database_url, "head")
        assert migrate.current(blank_database_url) == head
        engine.dispose()
        assert table_names(engine) == set(metadata.tables) | {"alembic_version"}
    finally:
        engine.dispose()


def test_partial_unique_indexes_exist_in_database(engine: Engine) -> None:
    """The report answer uniqueness lives in two partial unique indexes."""
    indexes = {index["name"]: index for index in sa.inspect(engine).get_indexes("report_answer")}
    assert indexes["uq_report_answer_plain_question"]["unique"]
    assert indexes["uq_report_answer_resolution"]["unique"]
