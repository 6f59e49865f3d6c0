"""The /import preview kept as a draft: its unknown units settled one by one, then saved.

A draft is {"text": minutes, "date": "YYYY-MM-DD" (Jalali), "decisions": {spelling: [unit
keys]} (empty: ignored), "create": [spellings that become new units], "chosen": [unit keys
ticked so far for the first unknown spelling, on any page of units], "page": the preview page
shown, "unit_page": the page of units shown, "query": the letters typed to narrow them,
"move_off_days": whether a due date on a Friday or holiday moves to the next working day}.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.conversations import Flow
from mina_bot.jalali import parse_jalali_ymd
from mina_bot.minutes import importer
from mina_bot.minutes.model import MinutesError, ParsedMinutes
from mina_bot.minutes.off_days import settle_off_days
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.preview import preview
from mina_bot.minutes.units import UnitDirectory
from mina_bot.official_calendar import holidays_from
from mina_bot.pages import Buttons
from mina_bot.settings import Settings
from mina_bot.workers import worker_runtime
from storage.repositories import units as units_repo

Draft = dict[str, Any]


def _decisions(draft: Draft) -> dict[str, tuple[str, ...]]:
    # A draft written before several units could be picked holds one key per spelling.
    return {name: (keys,) if isinstance(keys, str) else tuple(keys)
            for name, keys in draft["decisions"].items()}


def parsed(session: Session, draft: Draft) -> tuple[ParsedMinutes, UnitDirectory]:
    """The draft's minutes with the units settled so far (new ones as `new:N`)."""
    units = importer.directory(session)
    day = parse_jalali_ymd(draft["date"])
    holidays = holidays_from(session, day)
    minutes = settle_off_days(parse_minutes(draft["text"], session_date=day, units=units,
                                            holidays=holidays),
                              holidays, move=draft.get("move_off_days", True))
    created = {name: (f"new:{i}",) for i, name in enumerate(draft["create"])}
    return minutes.with_units({**_decisions(draft), **created}), units


def preview_of(session: Session, *, draft: Draft, lang: str) -> tuple[str, Buttons, bool]:
    """The draft's preview page, with the choices for its first unknown unit; and whether a
    name is still asked about (typed letters then narrow its units)."""
    minutes, units = parsed(session, draft)
    names = {u.key: u.name_fa for u in units_repo.list_units(session)}
    names |= {f"new:{i}": name for i, name in enumerate(draft["create"])}
    body, buttons = preview(minutes, units, names, lang, page=draft.get("page", 0),
                            chosen=tuple(draft.get("chosen", ())),
                            unit_page=draft.get("unit_page", 0), query=draft.get("query"))
    return body, buttons, bool(minutes.unmatched)


def settle(session: Session, *, draft: Draft, verb: str, unit_key: str | None) -> Draft:
    """The draft with its first unknown unit settled: `tick` a unit on or off, `pick` the
    ticked units, make it a `new` unit, or `skip` (ignore) it."""
    unknown = parsed(session, draft)[0].unmatched
    if not unknown:
        raise MinutesError("minutes.error.expired")
    chosen = list(draft.get("chosen", ()))
    if verb == "tick" and unit_key is not None:
        if units_repo.get_by_key(session, key=unit_key) is None:
            raise MinutesError("minutes.error.expired")
        chosen = [k for k in chosen if k != unit_key] if unit_key in chosen \
            else [*chosen, unit_key]
        return {**draft, "chosen": chosen}
    settled = {**draft, "chosen": [], "unit_page": 0, "query": None}
    if verb == "pick" and chosen:
        return {**settled, "decisions": {**draft["decisions"], unknown[0]: chosen}}
    if verb == "skip":
        return {**settled, "decisions": {**draft["decisions"], unknown[0]: []}}
    if verb == "new":
        return {**settled, "create": [*draft["create"], unknown[0]]}
    return draft


def ahead(session: Session, *, draft: Draft, settings: Settings, now: dt.datetime) -> bool:
    """Whether the draft's session has not started yet (asked about before saving)."""
    return importer.not_started(session, day=parse_jalali_ymd(draft["date"]),
                                settings=settings, now=now)


def save(session: Session, *, draft: Draft, actor: Actor, settings: Settings,
         now: dt.datetime, early: bool = False) -> tuple[importer.ImportResult, ParsedMinutes]:
    """Create the new units, remember the one-unit spellings, import the minutes."""
    decisions = _decisions(draft)
    for name in draft["create"]:
        decisions[name] = (importer.create_unit_named(session, name=name).key,)
    for name, keys in decisions.items():
        if len(keys) == 1:  # a spelling of several units is no alias of any one of them
            importer.assign_spelling(session, spelling=name, unit_key=keys[0])
    minutes, _ = parsed(session, {**draft, "decisions": decisions, "create": []})
    result = importer.import_minutes(session, minutes=minutes, settings=settings, actor=actor,
                                     now=now, early=early)
    return result, minutes


# The steps that read the minutes again, for the bot's `Workers.run`: each parse of a hundred
# resolutions is tens of milliseconds of Python that would hold every other chat on its loop.

def previewed(settings: Settings, *, draft: Draft, lang: str) -> tuple[str, Buttons, bool]:
    """`preview_of`, in a worker process on its own connection."""
    with worker_runtime(settings).session() as session:
        return preview_of(session, draft=draft, lang=lang)


def settled(settings: Settings, *, draft: Draft, verb: str, unit_key: str | None) -> Draft:
    """`settle`, in a worker process on its own connection."""
    with worker_runtime(settings).session() as session:
        return settle(session, draft=draft, verb=verb, unit_key=unit_key)


def saved(settings: Settings, *, draft: Draft, kept_in: Flow, actor: Actor, now: dt.datetime,
          early: bool) -> tuple[importer.ImportResult, dt.date | None]:
    """`save` and the draft dropped from `kept_in` in one transaction, in a worker process (a
    press redelivered after a crash finds no draft: nothing is imported twice); the result and
    the next session's day."""
    with worker_runtime(settings).session() as session:
        result, minutes = save(session, draft=draft, actor=actor, settings=settings, now=now,
                               early=early)
        kept_in.drop(session)
    return result, minutes.next_session
