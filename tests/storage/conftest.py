"""Storage tests use the shared database fixtures (until the root conftest plugs them in)."""

from tests.fixtures.database import *  # noqa: F403
