"""Reminder messages, rendered per recipient language from the catalog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mina_bot.catalog import Safe, join, name_in, text
from mina_bot.jalali import format_date, format_datetime, format_time
from mina_bot.persian import shorten
from mina_bot.reminders.planner import Reminder, ResolutionFacts, SessionFacts, UnitFacts
from mina_bot.sessions.views import agenda_title, place_in

SUBJECT_LIMIT = 160
LIST_LIMIT = 30


def _units(units: Sequence[UnitFacts], lang: str) -> Safe:
    names = [text("reminder.bullet", lang, item=name_in(u, lang)) for u in units]
    return Safe("\n".join(names) if names else text("reminder.none", lang))


def _resolutions(items: Sequence[ResolutionFacts], lang: str) -> Safe:
    lines = [text("reminder.resolution_line", lang, session=r.session_number, number=r.number,
                  subject=shorten(r.subject, 80),
                  due=format_date(r.due, lang) if r.due else "—")
             for r in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        lines.append(text("reminder.more", lang, count=len(items) - LIST_LIMIT))
    return Safe("\n".join(lines) if lines else text("reminder.none", lang))


def _agenda(s: SessionFacts, lang: str) -> Safe:
    review = text("delivery.agenda_review", lang)
    lines = [text("delivery.agenda_line", lang, position=i,
                  title=name_in(item, lang) if isinstance(item, UnitFacts)
                  else agenda_title(item, lang) or review)
             for i, item in enumerate(s.agenda, 1)]
    return Safe("\n".join(lines) if lines else text("delivery.agenda_empty", lang))


def _when(moment: dt.datetime, lang: str, tz: dt.tzinfo) -> str:
    local = moment.astimezone(tz)
    return f"{format_date(local.date(), lang, 'weekday_long')} {format_time(local, lang)}"


def render(reminder: Reminder, lang: str, tz: dt.tzinfo) -> str:
    """The HTML one recipient reads."""
    p = reminder.params
    occasion = reminder.occasion
    if occasion in ("report.weekly", "report.deadline_day"):
        s = p["session"]
        return text("reminder.report", lang, unit=name_in(p["unit"], lang), number=s.number,
                    deadline=_when(s.deadline, lang, tz))
    if occasion == "report.missing":
        s = p["session"]
        return text("reminder.report_missing", lang, number=s.number,
                    units=_units(p["units"], lang))
    if occasion in ("session.eve", "session.day"):
        s = p["session"]
        return text(f"reminder.{occasion.replace('.', '_')}", lang, number=s.number,
                    when=_when(s.starts_at, lang, tz), place=place_in(s.place, lang),
                    agenda=_agenda(s, lang))
    if occasion.startswith("resolution."):
        r = p["resolution"]
        names = join((name_in(u, lang) for u in p["units"]), lang)
        return text(f"reminder.{occasion.replace('.', '_')}", lang, session=r.session_number,
                    number=r.number, subject=shorten(r.subject, SUBJECT_LIMIT),
                    due=format_date(r.due, lang, "weekday_long"), units=names or "—")
    if occasion == "digest":
        s = p["session"]
        heading = (text("reminder.digest_session", lang, number=s.number,
                        when=format_datetime(s.starts_at, tz, lang)) if s else "")
        return text("reminder.digest", lang, session=heading,
                    reports_in=_units(p["reports_in"], lang),
                    reports_missing=_units(p["reports_missing"], lang),
                    due=_resolutions(p["due_this_week"], lang),
                    overdue=_resolutions(p["overdue"], lang),
                    awaiting=_resolutions(p["awaiting"], lang))
    raise ValueError(f"no text for reminder occasion {occasion!r}")
