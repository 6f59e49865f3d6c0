"""The run's own database: a temporary SQLite file, or `<name>_bench` on the configured server."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.pool import NullPool

from storage.db import make_engine, normalise_url


@contextlib.contextmanager
def bench_database(configured_url: str, workdir: Path) -> Iterator[str]:
    """A fresh, empty database for one run, never the configured one itself; dropped after."""
    url = normalise_url(configured_url)
    if url.get_backend_name() != "postgresql":
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    name = f"{url.database or 'mina'}_bench"
    admin = make_engine(url.set(database="postgres"), poolclass=NullPool,
                        isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@contextlib.contextmanager
def workdir() -> Iterator[Path]:
    """A temporary directory for the SQLite file and the child processes' logs."""
    path = Path(tempfile.mkdtemp(prefix="mina-bench-"))
    try:
        yield path
    finally:
        if not os.environ.get("MINA_BENCH_KEEP"):
            shutil.rmtree(path, ignore_errors=True)
