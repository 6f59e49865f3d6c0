"""A resolution's state derived from its units' shares, and the one place that writes it.

Each (resolution × unit) is a share: open → reported done → confirmed, or sent back (open
again) with a reason; the secretariat may mark one not applicable. The resolution is open while
any share is owed, awaiting confirmation when every remaining share is reported, confirmed when
every share is confirmed or not applicable (or, where the secretariat says so, when the lead
unit's share is confirmed), cancelled only by the secretariat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Session

from storage.models import Resolution, ResolutionStatus, ShareState
from storage.repositories import shares as shares_repo

OWED = frozenset({ShareState.OPEN, ShareState.SENT_BACK})
SETTLED = frozenset({ShareState.CONFIRMED, ShareState.NOT_APPLICABLE})
SHOWN = OWED | {ShareState.REPORTED_DONE}  # what /owe lists for a unit


def derive(states: Iterable[ShareState | str], *, lead: ShareState | str | None = None,
           lead_closes: bool = False) -> ResolutionStatus:
    """The state of a (not cancelled) resolution whose shares are in these states."""
    states = [ShareState(s) for s in states]
    if lead_closes and lead is not None and ShareState(lead) == ShareState.CONFIRMED:
        return ResolutionStatus.CONFIRMED
    if not states or any(s in OWED for s in states):
        return ResolutionStatus.OPEN
    if all(s in SETTLED for s in states):
        return ResolutionStatus.CONFIRMED
    return ResolutionStatus.REPORTED_DONE


def refresh(session: Session, resolution: Resolution, *, now: dt.datetime) -> ResolutionStatus:
    """Write the state the shares give (a cancelled resolution stays cancelled); the new state."""
    if resolution.status == ResolutionStatus.CANCELLED:
        shares_repo.withdraw(session, resolution_id=resolution.id)  # a unit added since
        return ResolutionStatus.CANCELLED
    shares = shares_repo.shares_of(session, resolution_id=resolution.id)
    lead = next((share.state for share, _ in shares if share.is_lead), None)
    status = derive([share.state for share, _ in shares], lead=lead,
                    lead_closes=resolution.lead_closes)
    if status != resolution.status:
        resolution.status = status
        resolution.updated_at = now
        session.add(resolution)
        session.flush()
    return status


def reopen_shares(session: Session, resolution: Resolution, *, now: dt.datetime) -> None:
    """A resolution reopened with nothing owed: its confirmed shares are owed again."""
    shares = shares_repo.shares_of(session, resolution_id=resolution.id)
    lead = next((share.state for share, _ in shares if share.is_lead), None)
    if derive([s.state for s, _ in shares], lead=lead,
              lead_closes=resolution.lead_closes) != ResolutionStatus.CONFIRMED:
        return
    for share, _ in shares:
        if share.state == ShareState.CONFIRMED:
            shares_repo.set_share_state(session, share=share, state=ShareState.OPEN, now=now)
