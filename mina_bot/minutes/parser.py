"""Reading the minutes (صورت‌جلسه) as the secretariat writes them: pure, no database.

The resolution table has three tab-separated columns (بازه زمانی, متولی, موضوع), blank lines
inside it, subjects numbered «۱)»; then come the «دستور جلسه آینده» list, the next session's
date («زمان جلسه: دوشنبه ۱۴۰۰/۲/۶», or a heading with the date on the next line) and the
attendance table (its label column «اعضاء» / «نماینده» / «زمان» / «سایر حاضرین»).
"""

from __future__ import annotations

import datetime as dt
import re

from mina_bot.durations import add_duration, parse_time_frame
from mina_bot.jalali import JalaliDateError, parse_date
from mina_bot.minutes.model import (
    WEEKLY,
    Attendee,
    MinutesError,
    ParsedMinutes,
    ParsedResolution,
)
from mina_bot.minutes.units import UnitDirectory
from mina_bot.persian import match_key, normalize, shorten, to_latin_digits

_HEADER = (match_key("بازه زمانی"), match_key("متولی"), match_key("موضوع"))
_NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[)\-.]\s*")
_BULLET = re.compile(r"^\s*(?:[-–—•*]|\d{1,2}\s*[)\-.])\s*")
_UNIT_SEPARATORS = re.compile(r"\s*[/／|]\s*")
_NEXT_SESSION = (match_key("جلسه آینده"), match_key("جلسه بعدی"), match_key("جلسه بعد"))
_WEEKLY = (match_key("هر هفته"), match_key("هفتگی"))
_NEXT_AGENDA = match_key("دستور جلسه آینده")
_NEXT_TIME = (match_key("زمان جلسه"), match_key("تاریخ جلسه آینده"), match_key("جلسه آینده"))
_ATTENDANCE_LABELS = {
    match_key("اعضاء"): "member", match_key("اعضا"): "member",
    match_key("سایر حاضرین"): "guest", match_key("حاضرین"): "guest",
    match_key("نماینده"): "stand_in", match_key("زمان"): "time",
}
_DATE_REASONS = {"no_such_date", "month_out_of_range", "day_out_of_range", "year_out_of_range",
                 "weekday_mismatch"}


def _cells(line: str) -> list[str]:
    cells = [normalize(c) for c in line.split("\t")]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return cells


def _is_heading(line: str) -> bool:
    s = line.strip()
    return s.startswith("#") or (s.endswith((":", "：")) and "\t" not in s)


def _heading_key(line: str) -> str:
    return match_key(line.strip().lstrip("#").strip("*: "))


def _find_table(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if [match_key(c) for c in _cells(line)][:3] == list(_HEADER):
            return i + 1
    for i, line in enumerate(lines):
        cells = _cells(line)
        if len(cells) >= 3 and _NUMBERED.match(to_latin_digits(cells[2])):
            return i
    raise MinutesError("minutes.error.no_table")


def _due(
    time_frame: str, subject: str, session_date: dt.date, next_session: dt.date | None,
    row: int, line: int,
) -> tuple[dt.date | None, bool]:
    try:
        duration = parse_time_frame(time_frame)
    except JalaliDateError:
        try:
            return parse_date(time_frame, session_date), False
        except JalaliDateError as exc:
            key = "minutes.error.bad_date" if exc.reason in _DATE_REASONS else \
                "minutes.error.bad_time_frame"
            raise MinutesError(key, row=row, line=line, text=time_frame) from None
    if duration is not None:
        return add_duration(session_date, duration), False
    if any(k in match_key(subject) for k in _NEXT_SESSION):
        return next_session or session_date + dt.timedelta(days=7), True
    return None, False


def _resolutions(
    lines: list[str], start: int, session_date: dt.date, next_session: dt.date | None,
    units: UnitDirectory,
) -> tuple[tuple[ParsedResolution, ...], int]:
    rows: list[ParsedResolution] = []
    i = start
    for i in range(start, len(lines)):
        raw = lines[i]
        if not raw.strip():
            continue
        cells = _cells(raw)
        row, line = len(rows) + 1, i + 1
        if len(cells) == 1:
            if _NUMBERED.match(to_latin_digits(cells[0])) and not _is_heading(raw):
                raise MinutesError("minutes.error.row_columns", row=row, line=line, columns=1,
                                   text=shorten(cells[0], 60))
            break
        if len(cells) == 2:
            raise MinutesError("minutes.error.row_columns", row=row, line=line, columns=2,
                               text=shorten(" | ".join(cells), 60))
        time_frame, unit_text, subject = cells[0] or "-", cells[1], " ".join(cells[2:])
        numbered = _NUMBERED.match(to_latin_digits(subject))
        number = int(numbered[1]) if numbered else row
        subject = subject[numbered.end():].strip() if numbered else subject
        if number in {r.number for r in rows}:
            raise MinutesError("minutes.error.duplicate_number", row=row, line=line, number=number)
        spellings = tuple((s, units.match(s)) for s in _UNIT_SEPARATORS.split(unit_text) if s)
        if not spellings:
            raise MinutesError("minutes.error.no_units", row=row, line=line, number=number)
        due, at_next = _due(time_frame, subject, session_date, next_session, row, line)
        rows.append(ParsedResolution(
            number=number, subject=subject, time_frame=time_frame,
            units=tuple(dict.fromkeys(k for _, keys in spellings for k in keys)),
            spellings=spellings, unmatched_units=tuple(s for s, keys in spellings if not keys),
            due=due, due_at_next_session=at_next,
            recurrence=WEEKLY if any(k in match_key(subject) for k in _WEEKLY) else None,
            line=line,
        ))
    else:
        i = len(lines)
    if not rows:
        raise MinutesError("minutes.error.no_table")
    return tuple(rows), i


def _next_session(lines: list[str], start: int, session_date: dt.date) -> dt.date | None:
    for i in range(start, len(lines)):
        line = lines[i]
        key = _heading_key(line)
        label = next((k for k in _NEXT_TIME if key.startswith(k)), None)
        if label is None or key == _NEXT_AGENDA or "\t" in line:
            continue
        rest = line.split(":", 1)[1].strip(" *") if ":" in line else ""
        if not rest and not _is_heading(line):
            continue
        if not rest:
            rest = next((n.strip() for n in lines[i + 1:i + 4] if n.strip()), "")
        try:
            return parse_date(rest, session_date)
        except JalaliDateError:
            raise MinutesError("minutes.error.bad_next_session", line=i + 1, text=rest) from None
    return None


def _next_agenda(lines: list[str]) -> tuple[str, ...]:
    items: list[str] = []
    start = next((i for i, line in enumerate(lines) if _heading_key(line) == _NEXT_AGENDA), None)
    if start is None:
        return ()
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        if _is_heading(line) or "\t" in line or not _BULLET.match(to_latin_digits(line)):
            break
        items.append(normalize(_BULLET.sub("", line, count=1)))
    return tuple(i for i in items if i)


def _attendance(lines: list[str]) -> tuple[Attendee, ...]:
    groups: list[list[dict]] = []
    for line in lines:
        cells = _cells(line) if "\t" in line else []
        if len(cells) < 2:
            continue
        first, last = match_key(cells[0]), match_key(cells[-1])
        kind = _ATTENDANCE_LABELS.get(last) or _ATTENDANCE_LABELS.get(first)
        if kind is None:
            continue
        values = cells[:-1] if last in _ATTENDANCE_LABELS else cells[1:]
        if kind in ("member", "guest"):
            groups.append([{"name": v, "group": kind} for v in values])
        elif groups:
            for slot, value in zip(groups[-1], values, strict=False):
                slot[kind] = None if value in ("", "-") else to_latin_digits(value)
    return tuple(Attendee(**slot) for group in groups for slot in group if slot["name"])


def parse_minutes(text: str, *, session_date: dt.date, units: UnitDirectory) -> ParsedMinutes:
    """Read the minutes of the session held on `session_date`; raises MinutesError."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = _find_table(lines)
    next_session = _next_session(lines, start, session_date)
    resolutions, end = _resolutions(lines, start, session_date, next_session, units)
    return ParsedMinutes(
        session_date=session_date,
        resolutions=resolutions,
        next_session=next_session,
        next_agenda=_next_agenda(lines[end:]),
        attendance=_attendance(lines[end:]),
    )
