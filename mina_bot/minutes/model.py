"""What the parser reads out of the minutes, and the errors it reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from mina_bot.errors import MinaError
from mina_bot.jalali import jalali_ymd
from mina_bot.persian import match_key

WEEKLY = "weekly"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the minutes: a catalog key and its parameters (row, line, text)."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str) -> str:
        """The problem in the reader's language."""
        from mina_bot.catalog import text  # the catalog is loaded lazily by the CLI too

        return text(self.key, lang, **dict(self.params))


class MinutesError(MinaError):
    """Minutes that cannot be read; the text key says precisely what and where.

    With several problems, `problems` lists each and the text key is «minutes.error.problems»
    (its `listing` already rendered in Persian); `render(lang)` gives all in any language.
    """

    text_key = "minutes.error.no_table"

    def __init__(self, text_key: str | None = None, **params: object) -> None:
        super().__init__(text_key, **params)
        self.problems: tuple[Problem, ...] = (Problem(self.text_key, tuple(params.items())),)

    def __reduce__(self) -> tuple:
        # A worker process raises it; the parent gets it whole (params and every problem).
        return _rebuild, (self.text_key, self.params, self.problems)

    @classmethod
    def of(cls, problems: list[Problem]) -> MinutesError:
        """One error naming every problem found."""
        if len(problems) == 1:
            return cls(problems[0].key, **dict(problems[0].params))
        from mina_bot.catalog import Safe

        error = cls("minutes.error.problems", count=len(problems),
                    listing=Safe(_listing(problems, "fa")))
        error.problems = tuple(problems)
        return error

    def render(self, lang: str) -> str:
        """Every problem, in the reader's language."""
        if len(self.problems) == 1:
            return self.problems[0].render(lang)
        from mina_bot.catalog import Safe, text

        return text("minutes.error.problems", lang, count=len(self.problems),
                    listing=Safe(_listing(self.problems, lang)))


def _rebuild(key: str, params: dict, problems: tuple[Problem, ...]) -> MinutesError:
    error = MinutesError(key, **params)
    error.problems = problems
    return error


def _listing(problems: tuple[Problem, ...] | list[Problem], lang: str) -> str:
    return "\n".join(f"• {p.render(lang).removesuffix(_NOTHING[lang]).strip()}"
                      for p in problems)


_NOTHING = {"fa": "چیزی ذخیره نشد.", "en": "Nothing was saved."}


@dataclass(frozen=True)
class Skipped:
    """A line of the table region that is not a resolution, and why (for the preview)."""

    line: int
    text: str
    reason: str  # blank, footer, page_header, repeated_header, separator, merged_row


@dataclass(frozen=True)
class Notice:
    """Something read but doubtful, e.g. a weekday that does not match its date."""

    line: int
    code: str
    text: str


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
    recurrence: str | None = None  # weekly, biweekly, monthly or continuous
    line: int = 0
    urgent: bool = False
    working_days: int | None = None  # «۵ روز کاری»: due after that many working days
    off_day: dt.date | None = None  # the Friday or holiday the written deadline fell on
    moved: bool = False  # ...and `due` is the next working day after it


@dataclass(frozen=True)
class Attendee:
    """One person in the attendance table."""

    name: str
    group: str  # "member" (اعضاء) or "guest" (سایر حاضرین)
    stand_in: str | None = None
    time: str | None = None
    role: str | None = None  # «سمت» when the attendance table gives one


@dataclass(frozen=True)
class ParsedMinutes:
    """Everything Mina takes from one session's minutes."""

    session_date: dt.date
    resolutions: tuple[ParsedResolution, ...]
    next_session: dt.date | None = None
    next_session_time: dt.time | None = None
    next_agenda: tuple[str, ...] = ()
    attendance: tuple[Attendee, ...] = field(default_factory=tuple)
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[Notice, ...] = ()

    @property
    def unmatched(self) -> tuple[str, ...]:
        """Every spelling no unit matched, once each, in order of appearance."""
        seen: dict[str, str] = {}
        for resolution in self.resolutions:
            for name in resolution.unmatched_units:
                seen.setdefault(match_key(name), name)
        return tuple(seen.values())

    def with_units(self, decisions: dict[str, str | tuple[str, ...]]) -> ParsedMinutes:
        """The same minutes with unknown spellings settled: spelling -> a unit key, several
        keys, or none (the spelling is ignored and dropped from its resolutions)."""
        by_key = {match_key(name): (unit,) if isinstance(unit, str) else tuple(unit)
                  for name, unit in decisions.items()}
        rows = []
        for r in self.resolutions:
            spellings = tuple(
                (name, keys or by_key.get(match_key(name), ()))
                for name, keys in r.spellings
                if keys or by_key.get(match_key(name)) != ()
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
             "due": _ymd(r.due), "recurrence": r.recurrence, "urgent": r.urgent,
             "at_next_session": r.due_at_next_session, "working_days": r.working_days}
            for r in minutes.resolutions
        ],
        "skipped": [{"line": s.line, "text": s.text, "reason": s.reason}
                    for s in minutes.skipped],
        "warnings": [{"line": w.line, "code": w.code, "text": w.text} for w in minutes.warnings],
        "next_session": _ymd(minutes.next_session),
        "next_session_time": (minutes.next_session_time.strftime("%H:%M")
                              if minutes.next_session_time else None),
        "next_agenda": list(minutes.next_agenda),
        "attendance": [
            {"name": a.name, "group": a.group, "stand_in": a.stand_in, "time": a.time,
             "role": a.role}
            for a in minutes.attendance
        ],
    }
