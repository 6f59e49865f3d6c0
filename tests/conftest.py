"""Shared fixtures: databases (SQLite, and PostgreSQL when configured), sandbox, bot harness."""

import os

import pytest

# Workers at niceness 19 take only idle CPU: on a machine the parallel tests keep busy an
# export would wait for them past its time limit (the product's default is for a bot alone).
os.environ.setdefault("MINA_HEAVY_WORK_NICENESS", "5")

pytest_plugins = ["tests.fixtures.bot", "tests.fixtures.database", "tests.fixtures.sandbox"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked slow first: with several workers they start together, not last."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
