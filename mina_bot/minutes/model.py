"""What the parser reads out of the minutes, and the errors it reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from mina_bot.errors import MinaError
from mina_bot.jalali import jalali_ymd
from mina_bot.persian import match_key

WEEKLY = "weekly"


class MinutesError(MinaError):
    """Minutes that cannot be read; the text key says precisely what and where."""

    text_key = "minutes.error.no_table"


@dataclass(frozen=True)
class ParsedResolution:
    """One row of the resolution table."""

    number: int
    subject: str
    time_frame: str
    units: tuple[str, ...]
    spellings: tuple[tuple[str, tuple[str, ...]], ...]  # (spelling, unit keys) per «/» part
    unmatched_units: tuple[str, ...] = ()
    due: dt.date | None = None
    due_at_next_session: bool = False
    recurrence: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Attendee:
    """One person in the attendance table."""

    name: str
    group: str  # "member" (اعضاء) or "guest" (سایر حاضرین)
    stand_in: str | None = None
    time: str | None = None


@dataclass(frozen=True)
class ParsedMinutes:
    """Everything Mina takes from one session's minutes."""

    session_date: dt.date
    resolutions: tuple[ParsedResolution, ...]
    next_session: dt.date | None = None
    next_agenda: tuple[str, ...] = ()
    attendance: tuple[Attendee, ...] = field(default_factory=tuple)

    @property
    def unmatched(self) -> tuple[str, ...]:
        """Every spelling no unit matched, once each, in order of appearance."""
        seen: dict[str, str] = {}
        for resolution in self.resolutions:
            for name in resolution.unmatched_units:
                seen.setdefault(match_key(name), name)
        return tuple(seen.values())

    def with_units(self, decisions: dict[str, str]) -> ParsedMinutes:
        """The same minutes with unknown spellings assigned to units (spelling -> unit key)."""
        by_key = {match_key(name): unit for name, unit in decisions.items()}
        rows = []
        for r in self.resolutions:
            spellings = tuple(
                (name, keys or ((by_key[match_key(name)],) if match_key(name) in by_key else ()))
                for name, keys in r.spellings
            )
            units = tuple(dict.fromkeys(k for _, keys in spellings for k in keys))
            unmatched = tuple(name for name, keys in spellings if not keys)
            rows.append(replace(r, spellings=spellings, units=units, unmatched_units=unmatched))
        return replace(self, resolutions=tuple(rows))


def _ymd(d: dt.date | None) -> str | None:
    return jalali_ymd(d) if d else None


def to_json(minutes: ParsedMinutes) -> dict:
    """The CLI's JSON: units by key, dates as Jalali YYYY/MM/DD in Latin digits."""
    return {
        "resolutions": [
            {"number": r.number, "subject": r.subject, "time_frame": r.time_frame,
             "units": list(r.units), "unmatched_units": list(r.unmatched_units),
             "due": _ymd(r.due), "recurrence": r.recurrence}
            for r in minutes.resolutions
        ],
        "next_session": _ymd(minutes.next_session),
        "next_agenda": list(minutes.next_agenda),
        "attendance": [
            {"name": a.name, "group": a.group, "stand_in": a.stand_in, "time": a.time}
            for a in minutes.attendance
        ],
    }
