"""The reminder planner: a pure function from the organisation's state and `now` to reminders.

It lists every reminder whose moment lies in a window (since, now], the look-back by default;
a pass every minute asks only for the moments since the last one, and the loader
(snapshot.py) reads only what can have a moment there (`resolution_due_dates`,
`session_moments`, `digest_moments`). `decide` then
says, per reminder, whether to send it now, let it wait (quiet hours, a day off) or drop it
(its moment passed long ago: the next reminder of its series, or the event, came first).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mina_bot.reminders.window import SendingWindow
from mina_bot.settings import Settings
from mina_bot.weeks import IranianWeek

SEND, WAIT, DROP = "send", "wait", "drop"
KINDS = ("report", "session", "resolution", "digest")  # what members can mute
DIGEST_USEFUL = dt.timedelta(days=1)


@dataclass(frozen=True)
class SessionFacts:
    """A planned session with its report deadline and place (its agenda is read when a reminder
    is sent)."""

    id: int
    number: int
    starts_at: dt.datetime
    deadline: dt.datetime
    place: str | None = None


@dataclass(frozen=True)
class UnitFacts:
    """A unit, its names and its heads and secretaries (member ids)."""

    id: int
    name_fa: str
    name_en: str
    officers: tuple[int, ...] = ()


@dataclass(frozen=True)
class ResolutionFacts:
    """A resolution still to be done (open) or awaiting the secretariat (reported done)."""

    id: int
    number: int
    session_number: int
    subject: str
    due: dt.date | None
    unit_ids: tuple[int, ...]
    open: bool = True


@dataclass(frozen=True)
class Snapshot:
    """What the planner knows about the organisation at one moment."""

    sessions: tuple[SessionFacts, ...] = ()
    units: dict[int, UnitFacts] = field(default_factory=dict)
    reporting_unit_ids: tuple[int, ...] = ()
    submitted: dict[int, frozenset[int]] = field(default_factory=dict)  # session id -> units
    members: tuple[int, ...] = ()
    secretariat: tuple[int, ...] = ()
    resolutions: tuple[ResolutionFacts, ...] = ()
    holidays: frozenset[dt.date] = frozenset()


@dataclass(frozen=True)
class Reminder:
    """One reminder to a set of members; its dedupe key is occasion|member|subject|period."""

    kind: str
    occasion: str
    subject: str
    period: str
    moment: dt.datetime
    expires: dt.datetime
    recipients: tuple[int, ...]
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _at(day: dt.date, t: dt.time, settings: Settings) -> dt.datetime:
    return dt.datetime.combine(day, t, tzinfo=settings.tz).astimezone(dt.UTC)


def _local_date(moment: dt.datetime, settings: Settings) -> dt.date:
    return moment.astimezone(settings.tz).date()


def report_reminders(s: SessionFacts, snap: Snapshot, settings: Settings) -> list[Reminder]:
    """Saturday and deadline-day reminders to units not yet in; the missing list at deadline."""
    deadline_day = _local_date(s.deadline, settings)
    weekly = _at(IranianWeek.of(deadline_day).day(settings.report_reminder_weekday),
                 settings.report_reminder_time, settings)
    on_the_day = _at(deadline_day, settings.report_deadline_reminder_time, settings)
    series = [(o, m) for o, m in (("weekly", weekly), ("deadline_day", on_the_day))
              if m < s.deadline]
    missing = [u for u in snap.reporting_unit_ids if u not in snap.submitted.get(s.id, ())]
    found = []
    for i, (occasion, moment) in enumerate(series):
        expires = series[i + 1][1] if i + 1 < len(series) else s.deadline
        for unit_id in missing:
            unit = snap.units[unit_id]
            found.append(Reminder("report", f"report.{occasion}", f"unit:{unit_id}",
                                  f"session:{s.id}", moment, expires, unit.officers,
                                  {"unit": unit, "session": s}))
    if missing:
        found.append(Reminder("report", "report.missing", "units", f"session:{s.id}",
                              s.deadline, s.starts_at, snap.secretariat,
                              {"units": [snap.units[u] for u in missing], "session": s}))
    return found


def session_reminders(s: SessionFacts, snap: Snapshot, settings: Settings) -> list[Reminder]:
    """The day before and the day itself, to every member, with the agenda."""
    day = _local_date(s.starts_at, settings)
    eve = _at(day - dt.timedelta(days=1), settings.session_eve_reminder_time, settings)
    morning = _at(day, settings.session_day_reminder_time, settings)
    params = {"session": s}
    # The period names the session's day: a session moved to another day is reminded anew.
    found = [Reminder("session", "session.eve", f"session:{s.id}", f"eve:{day}", eve,
                      min(morning, s.starts_at), snap.members, params)]
    if morning < s.starts_at:
        found.append(Reminder("session", "session.day", f"session:{s.id}", f"day:{day}",
                              morning, s.starts_at, snap.members, params))
    return found


def resolution_reminders(r: ResolutionFacts, snap: Snapshot, settings: Settings,
                         now: dt.datetime, since: dt.datetime | None = None) -> list[Reminder]:
    """Before the due date, on it, and every few days while overdue (escalated later on)."""
    if r.due is None or not r.open:
        return []
    at = settings.resolution_reminder_time
    every = dt.timedelta(days=settings.resolution_overdue_every_days)
    officers = tuple(sorted({m for u in r.unit_ids if u in snap.units
                             for m in snap.units[u].officers}))
    moments = [("before", _at(r.due - dt.timedelta(days=settings.resolution_remind_days_before),
                              at, settings)),
               ("due", _at(r.due, at, settings))]
    if moments[0][1] > now:  # not even its first reminder is due yet
        return []
    # plan() keeps only moments inside its window: the overdue series starts just before it,
    # not at the first one (a resolution overdue for years has hundreds), and none is built
    # for the moments before it.
    since = since or now - dt.timedelta(days=settings.reminder_lookback_days)
    horizon = _local_date(since, settings)
    k = 1 + max(0, (horizon - r.due).days // settings.resolution_overdue_every_days - 1)
    while moments[-1][1] <= now:
        moments.append((f"overdue{k}", _at(r.due + every * k, at, settings)))
        k += 1
    found = []
    params = {"resolution": r, "units": [snap.units[u] for u in r.unit_ids if u in snap.units]}
    for i, (period, moment) in enumerate(moments[:-1] if len(moments) > 2 else moments):
        if not since < moment <= now:
            continue
        expires = moments[i + 1][1] if i + 1 < len(moments) else moment + every
        occasion = "resolution.overdue" if period.startswith("overdue") else f"resolution.{period}"
        found.append(Reminder("resolution", occasion, f"resolution:{r.id}", period, moment,
                              expires, officers, params))
        if period.startswith("overdue") and int(period[7:]) >= settings.resolution_escalate_from:
            found.append(Reminder("resolution", "resolution.escalation", f"resolution:{r.id}",
                                  period, moment, expires, snap.secretariat, params))
    return found


def digest_moments(now: dt.datetime, settings: Settings) -> list[tuple[IranianWeek, dt.datetime]]:
    """Last week's and this week's digest moments."""
    week = IranianWeek.of(_local_date(now, settings))
    return [(w, _at(w.day(settings.digest_weekday), settings.digest_time, settings))
            for w in (week.shifted(-1), week)]


def digest_reminders(snap: Snapshot, settings: Settings, now: dt.datetime,
                     since: dt.datetime | None = None) -> list[Reminder]:
    """The weekly digest to the secretariat, this week's and last week's (those in the window:
    its lists go over every active resolution)."""
    found = []
    since = since or now - dt.timedelta(days=settings.reminder_lookback_days)
    for w, moment in digest_moments(now, settings):
        if not since < moment <= now:
            continue
        upcoming = next((s for s in snap.sessions if s.starts_at > moment), None)
        today = _local_date(moment, settings)
        params = {
            "session": upcoming,
            "reports_in": [snap.units[u] for u in snap.reporting_unit_ids
                           if upcoming and u in snap.submitted.get(upcoming.id, ())],
            "reports_missing": [snap.units[u] for u in snap.reporting_unit_ids
                                if upcoming and u not in snap.submitted.get(upcoming.id, ())],
            "due_this_week": [r for r in snap.resolutions
                              if r.open and r.due and w.start <= r.due <= w.end and r.due >= today],
            "overdue": [r for r in snap.resolutions if r.open and r.due and r.due < today],
            "awaiting": [r for r in snap.resolutions if not r.open],
        }
        found.append(Reminder("digest", "digest", "week", w.start.isoformat(), moment,
                              moment + DIGEST_USEFUL, snap.secretariat, params))
    return found


def plan(snap: Snapshot, now: dt.datetime, settings: Settings,
         since: dt.datetime | None = None) -> list[Reminder]:
    """Every reminder whose moment lies in (since, now]; since is at most the look-back ago."""
    horizon = now - dt.timedelta(days=settings.reminder_lookback_days)
    since = horizon if since is None else max(since, horizon)
    found: list[Reminder] = []
    for s in snap.sessions:
        if any(since < m <= now for m in session_moments(s, settings)):
            found += report_reminders(s, snap, settings)
            found += session_reminders(s, snap, settings)
    for r in snap.resolutions:
        found += resolution_reminders(r, snap, settings, now, since)
    found += digest_reminders(snap, settings, now, since)
    return [r for r in found if since < r.moment <= now and r.recipients]


def session_moments(s: SessionFacts, settings: Settings) -> list[dt.datetime]:
    """Every moment a session's report and session reminders can have."""
    deadline_day = _local_date(s.deadline, settings)
    day = _local_date(s.starts_at, settings)
    return [_at(IranianWeek.of(deadline_day).day(settings.report_reminder_weekday),
                settings.report_reminder_time, settings),
            _at(deadline_day, settings.report_deadline_reminder_time, settings), s.deadline,
            _at(day - dt.timedelta(days=1), settings.session_eve_reminder_time, settings),
            _at(day, settings.session_day_reminder_time, settings)]


def resolution_due_dates(since: dt.datetime, now: dt.datetime, settings: Settings,
                         oldest: dt.date) -> set[dt.date]:
    """The due dates (not before `oldest`) of the resolutions whose reminders can have a moment
    in (since, now]: all their moments are at resolution_reminder_time, on the day before the
    due date, on it, and every few days after it."""
    before = dt.timedelta(days=settings.resolution_remind_days_before)
    every = dt.timedelta(days=settings.resolution_overdue_every_days)
    dates: set[dt.date] = set()
    day = _local_date(since, settings)
    while day <= _local_date(now, settings):
        if since < _at(day, settings.resolution_reminder_time, settings) <= now:
            dates |= {day + before, day}
            overdue = day - every
            while overdue >= oldest:
                dates.add(overdue)
                overdue -= every
        day += dt.timedelta(days=1)
    return dates


def decide(reminder: Reminder, now: dt.datetime, window: SendingWindow) -> str:
    """SEND now, WAIT for the sending window, or DROP because its moment is past use."""
    if now >= reminder.expires:
        return DROP
    if now < window.next_allowed(reminder.moment) or not window.allows(now):
        return WAIT
    return SEND
