"""The /import preview kept as a draft: its unknown units settled one by one, then saved.

A draft is {"text": minutes, "date": "YYYY-MM-DD" (Jalali), "decisions": {spelling: unit key},
"create": [spellings that become new units]}.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.catalog import name_in
from mina_bot.jalali import parse_jalali_ymd
from mina_bot.minutes import importer
from mina_bot.minutes.model import MinutesError, ParsedMinutes
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.preview import preview
from mina_bot.minutes.units import UnitDirectory
from mina_bot.pages import Buttons
from mina_bot.settings import Settings
from storage.repositories import units as units_repo

Draft = dict[str, Any]


def parsed(session: Session, draft: Draft) -> tuple[ParsedMinutes, UnitDirectory]:
    """The draft's minutes with the units settled so far (new ones as `new:N`)."""
    units = importer.directory(session)
    minutes = parse_minutes(draft["text"], session_date=parse_jalali_ymd(draft["date"]),
                            units=units)
    created = {name: f"new:{i}" for i, name in enumerate(draft["create"])}
    return minutes.with_units({**draft["decisions"], **created}), units


def preview_of(session: Session, *, draft: Draft, lang: str,
               page: int = 0) -> tuple[str, Buttons]:
    """The preview of the draft, with a button per choice (a page of them) for its first
    unknown unit; unit names in the reader's language."""
    minutes, units = parsed(session, draft)
    names = {u.key: name_in(u, lang) for u in units_repo.list_units(session)}
    names |= {f"new:{i}": name for i, name in enumerate(draft["create"])}
    return preview(minutes, units, names, lang, page)


def settle(session: Session, *, draft: Draft, verb: str, unit_key: str | None) -> Draft:
    """The draft with its first unknown unit settled: `pick` an existing unit, or `new`."""
    unknown = parsed(session, draft)[0].unmatched
    if not unknown:
        raise MinutesError("minutes.error.expired")
    if verb == "pick" and unit_key is not None:
        if units_repo.get_by_key(session, key=unit_key) is None:
            raise MinutesError("minutes.error.expired")
        return {**draft, "decisions": {**draft["decisions"], unknown[0]: unit_key}}
    if verb == "new":
        return {**draft, "create": [*draft["create"], unknown[0]]}
    return draft


def ahead(session: Session, *, draft: Draft, settings: Settings, now: dt.datetime) -> bool:
    """Whether the draft's session has not started yet (asked about before saving)."""
    return importer.not_started(session, day=parse_jalali_ymd(draft["date"]),
                                settings=settings, now=now)


def save(session: Session, *, draft: Draft, actor: Actor, settings: Settings,
         now: dt.datetime, early: bool = False) -> tuple[importer.ImportResult, ParsedMinutes]:
    """Create the new units, remember the spellings, import the minutes."""
    decisions = dict(draft["decisions"])
    for name in draft["create"]:
        decisions[name] = importer.create_unit_named(session, name=name).key
    for name, key in decisions.items():
        importer.assign_spelling(session, spelling=name, unit_key=key)
    minutes, _ = parsed(session, {**draft, "decisions": decisions, "create": []})
    result = importer.import_minutes(session, minutes=minutes, settings=settings, actor=actor,
                                     now=now, early=early)
    return result, minutes
