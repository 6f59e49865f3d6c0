"""Shared fixtures: databases (SQLite, and PostgreSQL when configured), sandbox, bot harness."""

pytest_plugins = ["tests.fixtures.database", "tests.fixtures.sandbox", "tests.fixtures.bot"]
