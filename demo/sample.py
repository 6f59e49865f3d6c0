"""The demo's sample data: examples/org.yaml and the seed minutes, loaded as an operator would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import Session

from mina_bot.clock import Clock, SystemClock
from mina_bot.minutes import importer
from mina_bot.minutes.importer import ImportResult
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.sources import text_of_file
from mina_bot.organisation.loader import load_file
from mina_bot.settings import Settings
from storage.repositories import members as members_repo

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORG_FILE = EXAMPLES / "org.yaml"
MINUTES_FILE = EXAMPLES / "seed_minutes.txt"
MINUTES_SESSION_DATE = dt.date(2021, 4, 19)  # Monday 1400/01/30, the session the minutes record


def seed_sample_organisation(session: Session, path: Path = ORG_FILE,
                             clock: Clock | None = None) -> int:
    """Load the sample organisation (idempotent); returns how many active members exist."""
    load_file(session, path, clock=clock or SystemClock())
    return len(members_repo.list_members(session))


def seed_sample_minutes(session: Session, *, settings: Settings, now: dt.datetime,
                        path: Path = MINUTES_FILE,
                        session_date: dt.date = MINUTES_SESSION_DATE) -> ImportResult:
    """Import the seed minutes as «/import 1400/01/30» then «ثبت» does (idempotent).

    The same parser and importer as handlers/minutes.py; every unit the minutes name is in
    examples/org.yaml, so no unknown unit needs settling.
    """
    source = text_of_file(path.name, path.read_bytes())
    minutes = parse_minutes(source, session_date=session_date,
                            units=importer.directory(session))
    return importer.import_minutes(session, minutes=minutes, settings=settings, actor=None,
                                   now=now)
