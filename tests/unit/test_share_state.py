"""A resolution's state derived from its units' shares."""

from __future__ import annotations

import pytest

from mina_bot.resolutions.shares import derive
from storage.models import ResolutionStatus, ShareState

OP, R, C, B, N = (ShareState.OPEN, ShareState.REPORTED_DONE, ShareState.CONFIRMED,
                 ShareState.SENT_BACK, ShareState.NOT_APPLICABLE)


@pytest.mark.parametrize(("states", "expected"), [
    ((OP, OP, OP, OP, OP), ResolutionStatus.OPEN),
    ((R, OP, OP, OP, OP), ResolutionStatus.OPEN),  # one unit reporting closes nothing for the rest
    ((R, C, B), ResolutionStatus.OPEN),  # sent back counts as owed
    ((R, R, C), ResolutionStatus.REPORTED_DONE),  # every remaining share reported
    ((R, N), ResolutionStatus.REPORTED_DONE),
    ((C, C, N), ResolutionStatus.CONFIRMED),
    ((N, N), ResolutionStatus.CONFIRMED),
    ((C,), ResolutionStatus.CONFIRMED),
    ((), ResolutionStatus.OPEN),  # no unit yet: nothing is done
])
def test_the_resolution_state_follows_its_shares(states, expected):
    assert derive(states) == expected


def test_the_lead_closes_it_only_where_the_secretariat_says_so():
    assert derive((C, OP, OP), lead=C) == ResolutionStatus.OPEN
    assert derive((C, OP, OP), lead=C, lead_closes=True) == ResolutionStatus.CONFIRMED
    assert derive((R, OP, OP), lead=R, lead_closes=True) == ResolutionStatus.OPEN
