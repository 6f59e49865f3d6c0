"""Shared fixtures: databases (SQLite, and PostgreSQL when configured), sandbox, bot harness."""

import gc
import os

import pytest

# Workers at niceness 19 take only idle CPU: on a machine the parallel tests keep busy an
# export would wait for them past its time limit (the product's default is for a bot alone).
os.environ.setdefault("MINA_HEAVY_WORK_NICENESS", "5")

pytest_plugins = ["tests.fixtures.bot", "tests.fixtures.database", "tests.fixtures.sandbox"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked slow first: with several workers they start together, not last."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave what every test shares (the modules, the collected tests: ~190,000 objects) out of
    the garbage collector's full passes: each walked them all again, a sixth of the CPU of a
    test process."""
    gc.collect()
    gc.freeze()
