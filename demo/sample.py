"""The demo's sample organisation: examples/org.yaml, loaded by the organisation loader."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from mina_bot.clock import Clock, SystemClock
from mina_bot.organisation.loader import load_file
from storage.repositories import members as members_repo

ORG_FILE = Path(__file__).resolve().parent.parent / "examples" / "org.yaml"


def seed_sample_organisation(session: Session, path: Path = ORG_FILE,
                             clock: Clock | None = None) -> int:
    """Load the sample organisation (idempotent); returns how many active members exist."""
    load_file(session, path, clock=clock or SystemClock())
    return len(members_repo.list_members(session))
