"""The secretariat's word on the calendar (/holidays and the organisation file's `holidays:`):
closures of its own, a date or a range with a name, and built-in holidays it works on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, StaleButton
from mina_bot.jalali import JalaliDateError, jalali_ymd, parse_date
from mina_bot.official_calendar import official_holidays
from mina_bot.permissions import Action, require
from mina_bot.persian import normalize
from storage.models import HolidayKind
from storage.repositories import audit as audit_repo
from storage.repositories import holidays as holidays_repo

MAX_SPAN = 31  # days in one closure: a longer one is surely a typing slip
HORIZON = 730  # days ahead a closure may be added
LISTED = 366  # /holidays lists the coming year
NAME_LIMIT = 80
_RANGE = re.compile(r"\s+(?:تا|to|-|–|—)\s+")
OFFICIAL, WORKED, CLOSURE = "official", "worked", "closure"


class HolidayError(MinaError):
    """A closure or a day the secretariat typed that cannot be taken as it is."""


@dataclass(frozen=True)
class Entry:
    """One line of /holidays: an official holiday (maybe worked), or a closure's run of days."""

    start: dt.date
    end: dt.date
    name_fa: str
    name_en: str
    kind: str  # OFFICIAL, WORKED or CLOSURE

    def name(self, lang: str) -> str:
        """The name in the reader's language."""
        return self.name_en if lang == "en" else self.name_fa


def coming(session: Session, *, today: dt.date) -> list[Entry]:
    """The coming year's holidays: official ones (those worked marked so) and closures, each
    run of consecutive closure days with one name as one entry, by date."""
    end = today + dt.timedelta(days=LISTED)
    rows = holidays_repo.between(session, start=today, end=end)
    worked = {r.date for r in rows if r.kind == HolidayKind.WORKING}
    entries = [Entry(d, d, fa, en, WORKED if d in worked else OFFICIAL)
               for d, (fa, en) in official_holidays(today, end).items()
               if d not in {r.date for r in rows if r.kind == HolidayKind.CLOSURE}]
    run: list = []
    for row in [r for r in rows if r.kind == HolidayKind.CLOSURE] + [None]:
        if run and (row is None or row.name != run[-1].name
                    or row.date != run[-1].date + dt.timedelta(days=1)):
            entries.append(Entry(run[0].date, run[-1].date, run[0].name, run[0].name, CLOSURE))
            run = []
        if row is not None:
            run.append(row)
    return sorted(entries, key=lambda e: e.start)


def _day(text: str, today: dt.date) -> dt.date:
    try:
        return parse_date(text, today)
    except JalaliDateError:
        raise HolidayError("holidays.error.date", text=text.strip()) from None


def read_closure(line: str, *, today: dt.date) -> tuple[dt.date, dt.date, str]:
    """«۱۴۰۴/۰۱/۲۰ | نام» or «۱۴۰۴/۰۱/۲۰ تا ۱۴۰۴/۰۱/۲۲ | نام»: the first and last day and
    the name; HolidayError saying what is wrong (no name, a malformed or past date, ...)."""
    dates, bar, name = normalize(line).partition("|")
    name = " ".join(name.split())
    if not bar or not name or not dates.strip():
        raise HolidayError("holidays.error.form")
    if len(name) > NAME_LIMIT:
        raise HolidayError("holidays.error.name_long", limit=NAME_LIMIT)
    parts = _RANGE.split(dates.strip(), maxsplit=1)
    start = _day(parts[0], today)
    end = _day(parts[1], today) if len(parts) > 1 else start
    if end < start:
        raise HolidayError("holidays.error.backwards")
    if start < today:
        raise HolidayError("holidays.error.past")
    if (end - start).days >= MAX_SPAN:
        raise HolidayError("holidays.error.too_long", limit=MAX_SPAN)
    if end > today + dt.timedelta(days=HORIZON):
        raise HolidayError("holidays.error.too_far")
    return start, end, name


def _audit(session: Session, actor: Actor | None, now: dt.datetime, action: str, day: dt.date,
           before: dict | None, after: dict | None) -> None:
    audit_repo.add_entry(session, actor_member_id=actor.member_id if actor else None,
                         actor_telegram_id=actor.telegram_id if actor else None,
                         action=f"holiday.{action}", entity="holiday", entity_id=jalali_ymd(day),
                         before=before, after=after, at=now)


def add_closure(session: Session, *, actor: Actor | None, start: dt.date, end: dt.date,
                name: str, now: dt.datetime) -> int:
    """Close the organisation on [start, end] (`actor` None: the organisation file); a worked
    holiday in the range becomes closed again. How many days changed."""
    if actor is not None:
        require(actor, Action.MANAGE_HOLIDAYS)
    changed = 0
    day = start
    while day <= end:
        row = holidays_repo.get(session, day=day)
        before = {"name": row.name, "kind": row.kind.value} if row else None
        if before != {"name": name, "kind": HolidayKind.CLOSURE.value}:
            holidays_repo.put(session, day=day, name=name, kind=HolidayKind.CLOSURE)
            _audit(session, actor, now, "close", day, before, {"name": name})
            changed += 1
        day += dt.timedelta(days=1)
    return changed


def _not_past(day: dt.date, today: dt.date | None) -> None:
    if today is not None and day < today:
        raise HolidayError("holidays.error.past")


def remove_closure(session: Session, *, actor: Actor, day: dt.date, today: dt.date,
                   now: dt.datetime) -> Entry:
    """Reopen the closure that holds `day` (its whole run of days with one name)."""
    require(actor, Action.MANAGE_HOLIDAYS)
    _not_past(day, today)
    row = holidays_repo.get(session, day=day)
    if row is None or row.kind != HolidayKind.CLOSURE:
        raise HolidayError("holidays.error.gone")
    rows = holidays_repo.between(session, start=day - dt.timedelta(days=MAX_SPAN),
                                 end=day + dt.timedelta(days=MAX_SPAN))
    run = {day}
    by_date = {r.date: r for r in rows}
    for step in (-1, 1):
        d = day + dt.timedelta(days=step)
        while (r := by_date.get(d)) and r.kind == HolidayKind.CLOSURE and r.name == row.name:
            run.add(d)
            d += dt.timedelta(days=step)
    entry = Entry(min(run), max(run), row.name, row.name, CLOSURE)
    holidays_repo.delete(session, days=run)
    for d in sorted(run):
        _audit(session, actor, now, "reopen", d, {"name": entry.name_fa}, None)
    return entry


def mark_working(session: Session, *, actor: Actor | None, day: dt.date, now: dt.datetime,
                 working: bool = True, today: dt.date | None = None) -> Entry:
    """Work on a built-in holiday (or, `working` False, keep it a holiday again); `today`
    given: a past day is refused."""
    if actor is not None:
        require(actor, Action.MANAGE_HOLIDAYS)
    _not_past(day, today)
    names = official_holidays(day, day).get(day)
    if names is None:
        raise StaleButton() if actor is not None else HolidayError("holidays.error.not_official")
    row = holidays_repo.get(session, day=day)
    closed = row is not None and row.kind == HolidayKind.CLOSURE
    if closed and actor is not None:
        raise HolidayError("holidays.error.closed")
    if working and (row is None or closed):  # the organisation file has the last word
        before = {"name": row.name, "kind": row.kind.value} if row else None
        holidays_repo.put(session, day=day, name=names[0], kind=HolidayKind.WORKING)
        _audit(session, actor, now, "work", day, before, {"name": names[0]})
    elif not working and row is not None:
        before = {"name": row.name}
        holidays_repo.delete(session, days=[day])
        _audit(session, actor, now, "unwork", day, before, None)
    return Entry(day, day, *names, WORKED if working else OFFICIAL)
