"""End-to-end fixtures shared by the feature tests."""

from __future__ import annotations

import pytest

from demo.sample import seed_sample_organisation


@pytest.fixture
async def org_bot(bot):
    """The bot with the sample organisation of examples/org.yaml loaded."""
    with bot.runtime.session() as session:
        seed_sample_organisation(session)
    return bot
