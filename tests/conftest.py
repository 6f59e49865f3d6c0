"""Shared fixtures: databases (SQLite, and PostgreSQL when configured), sandbox, bot harness."""

import pytest

pytest_plugins = ["tests.fixtures.database", "tests.fixtures.sandbox", "tests.fixtures.bot"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked slow first: with several workers they start together, not last."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
