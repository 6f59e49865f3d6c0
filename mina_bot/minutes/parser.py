"""Reading the minutes (صورت‌جلسه) as secretariats write them: pure, no database.

`parse_minutes` takes the text (or the blocks of a Word file, see sources.py), finds the
resolution table by its header in any layout (table.py), reads each row's units and deadline,
then the next session's date and agenda and the attendance. Every problem is collected and
raised together; lines skipped and doubts are returned with the result. A top-level function
of picklable values, so it can run in a worker process.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from mina_bot.jalali import JalaliDateError, parse_date
from mina_bot.minutes import vocabulary as vocab
from mina_bot.minutes.attendance import read_attendance
from mina_bot.minutes.deadlines import DeadlineError, read_deadline, subject_recurrence
from mina_bot.minutes.model import (
    MinutesError,
    Notice,
    ParsedMinutes,
    ParsedResolution,
    Problem,
)
from mina_bot.minutes.sources import Block, blocks_of_text
from mina_bot.minutes.table import NUMBERED, RawRow, find_table, is_heading
from mina_bot.minutes.units import UnitDirectory
from mina_bot.persian import match_key, normalize, shorten, to_latin_digits
from mina_bot.weeks import WEEKDAY_NAMES_FA, iranian_weekday

_BULLET = re.compile(r"^\s*(?:[-–—•*▪●]|\d{1,2}\s*[)\-.]|[a-zA-Zالف-ی]\s*\))\s*")
_TIME = re.compile(r"(?:ساعت|ساعت:)\s*(\d{1,2})(?:\s*[:٫.]\s*(\d{2}))?\s*(صبح|عصر|بعدازظهر)?")
_DATE = re.compile(r"(\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}|\d{1,2}\s+[^\W\d_]+"
                   r"(?:\s*ماه)?(?:\s+\d{2,4})?)")
_WEEKDAY = re.compile("|".join(sorted((re.escape(w).replace("\u200c", "[\\s\u200c]?")
                                       for w in WEEKDAY_NAMES_FA), key=len, reverse=True)))


def _resolution(row: RawRow, index: int, *, session_date: dt.date, next_session: dt.date | None,
                units: UnitDirectory, holidays: Collection[dt.date],
                problems: list[Problem]) -> ParsedResolution | None:
    subject = normalize(row.subject)
    numbered = NUMBERED.match(to_latin_digits(subject))
    if numbered:
        subject = subject[numbered.end():].strip()
    digits = re.sub(r"\D", "", to_latin_digits(row.number))[:4]
    number = int(digits) if digits else int(numbered[1]) if numbered else index
    where = (("row", index), ("line", row.line))
    spellings = units.split(row.units)
    if not spellings:
        problems.append(Problem("minutes.error.no_units", (*where, ("number", number),
                                                            ("text", shorten(subject, 60)))))
        return None
    try:
        deadline = read_deadline(row.deadline, session_date=session_date,
                                 next_session=next_session, holidays=holidays)
    except DeadlineError as exc:
        problems.append(Problem(exc.key, (*where, ("text", shorten(row.deadline, 60)))))
        return None
    due, at_next = deadline.due, deadline.at_next_session
    if due is None and deadline.recurrence is None and any(
            k in match_key(subject) for k in vocab.NEXT_SESSION_WORDS):
        due, at_next = next_session or session_date + dt.timedelta(days=7), True
    return ParsedResolution(
        number=number, subject=subject, time_frame=normalize(row.deadline) or "-",
        units=tuple(dict.fromkeys(k for _, keys in spellings for k in keys)),
        spellings=spellings, unmatched_units=tuple(s for s, keys in spellings if not keys),
        due=due, due_at_next_session=at_next, urgent=deadline.urgent,
        recurrence=deadline.recurrence or subject_recurrence(subject),
        working_days=deadline.working_days, line=row.line,
    )


def _next_session(
    lines: list[str], session_date: dt.date,
) -> tuple[dt.date | None, dt.time | None, list[Notice], list[Problem]]:
    for i, line in enumerate(lines):
        plain = normalize(line.lstrip("#* "))
        label = vocab.NEXT_SESSION_LINE.match(plain)
        if label is None or any(match_key(plain).startswith(k) for k in vocab.NEXT_AGENDA_LABELS):
            continue
        rest = plain[label.end():].strip(" *:：-")
        if not rest and not is_heading(line):
            continue
        if not rest:
            rest = next((n.strip(" -•*") for n in lines[i + 1:i + 4] if n.strip()), "")
        return _session_date(rest, i + 1, session_date)
    return None, None, [], []


def _session_date(
    rest: str, line: int, session_date: dt.date,
) -> tuple[dt.date | None, dt.time | None, list[Notice], list[Problem]]:
    latin = to_latin_digits(normalize(rest))
    at = None
    if m := _TIME.search(latin):
        hour = int(m[1]) + (12 if m[3] and m[3] != "صبح" and int(m[1]) < 12 else 0)
        at = dt.time(hour % 24, int(m[2] or 0))
    found = _DATE.search(_TIME.sub(" ", latin))
    weekday = _WEEKDAY.search(latin)
    problem = Problem("minutes.error.bad_next_session", (("line", line),
                                                        ("text", shorten(rest, 60))))
    if found is None:
        if weekday is None:
            return None, at, [], [problem]
        try:
            return parse_date(weekday[0], session_date), at, [], []
        except JalaliDateError:
            return None, at, [], [problem]
    try:
        day = parse_date(found[1], session_date)
    except JalaliDateError:
        return None, at, [], [problem]
    notices = []
    if weekday is not None:
        named = match_key(weekday[0])
        actual = WEEKDAY_NAMES_FA[iranian_weekday(day)]
        if named != match_key(actual):
            notices.append(Notice(line, "weekday_mismatch", shorten(rest, 60)))
    return day, at, notices, []


def _next_agenda(lines: list[str]) -> tuple[str, ...]:
    start = next((i for i, line in enumerate(lines) if any(
        match_key(line.strip().lstrip("#").strip("*:： ")).startswith(k)
        for k in vocab.NEXT_AGENDA_LABELS)), None)
    if start is None:
        return ()
    items: list[str] = []
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        if is_heading(line) or "\t" in line or not _BULLET.match(to_latin_digits(line)):
            break
        items.append(normalize(_BULLET.sub("", line, count=1)))
    return tuple(i for i in items if i)


def parse_minutes(
    source: str | tuple[Block, ...], *, session_date: dt.date, units: UnitDirectory,
    holidays: Collection[dt.date] = frozenset(),
) -> ParsedMinutes:
    """Read the minutes of the session held on `session_date`; raises MinutesError listing
    every problem. `holidays`: official holidays skipped when counting «N روز کاری»."""
    blocks = blocks_of_text(source) if isinstance(source, str) else tuple(source)
    table = find_table(blocks, units)
    if table is None:
        raise MinutesError("minutes.error.no_table")
    after = ["\t".join(" ".join(cell) for cell in b) for b in blocks[table.end:]]
    next_session, at, notices, problems = _next_session(after, session_date)
    notices = [Notice(n.line + table.end, n.code, n.text) for n in notices]
    problems = [Problem(p.key, tuple((k, v + table.end if k == "line" else v) for k, v in
                                     p.params)) for p in problems]
    problems = [*table.problems, *problems]
    rows, numbers = [], set()
    for index, raw in enumerate(table.rows, 1):
        row = _resolution(raw, index, session_date=session_date, next_session=next_session,
                          units=units, holidays=holidays, problems=problems)
        if row is not None and row.number in numbers:
            problems.append(Problem("minutes.error.duplicate_number", (
                ("row", index), ("line", raw.line), ("number", row.number))))
        elif row is not None:
            numbers.add(row.number)
            rows.append(row)
    if problems:
        raise MinutesError.of(sorted(problems, key=lambda p: dict(p.params).get("line", 0)))
    if not rows:
        raise MinutesError("minutes.error.no_table")
    return ParsedMinutes(
        session_date=session_date, resolutions=tuple(rows), next_session=next_session,
        next_session_time=at, next_agenda=_next_agenda(after),
        attendance=read_attendance(blocks[table.end:]), skipped=tuple(table.skipped),
        warnings=tuple(notices),
    )
