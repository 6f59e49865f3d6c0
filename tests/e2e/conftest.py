"""End-to-end fixtures shared by the feature tests."""

from __future__ import annotations

import pytest

from storage.db import make_engine
from tests.fixtures.processes import delivery_environment


@pytest.fixture
async def org_bot(sample_organisation, bot):
    """The bot with the sample organisation of examples/org.yaml loaded."""
    return bot


@pytest.fixture
async def process_env(sample_organisation, database_url, sandbox, sandbox_client):
    """The sample organisation and the environment for `bot.py` processes on the sandbox."""
    engine = make_engine(database_url)
    for user in (1001, 1002, 1003):
        await sandbox_client.ensure_user(user)
    yield engine, delivery_environment(database_url, sandbox.api_base_url)
    engine.dispose()
