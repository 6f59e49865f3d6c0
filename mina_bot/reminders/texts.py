"""The secretariat's weekly digest, rendered per language from the catalog (the other
reminders are worded when sent: message.py, arrival.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mina_bot.catalog import Safe, name_in, text
from mina_bot.jalali import format_date, format_datetime
from mina_bot.persian import shorten
from mina_bot.reminders.planner import Reminder, ResolutionFacts, UnitFacts

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


def render(reminder: Reminder, lang: str, tz: dt.tzinfo) -> str:
    """The weekly digest's HTML (it reads alike for every reader of a language)."""
    if reminder.occasion != "digest":
        raise ValueError(f"no text for reminder occasion {reminder.occasion!r}")
    p = reminder.params
    s = p["session"]
    heading = (text("reminder.digest_session", lang, number=s.number,
                    when=format_datetime(s.starts_at, tz, lang)) if s else "")
    return text("reminder.digest", lang, session=heading,
                reports_in=_units(p["reports_in"], lang),
                reports_missing=_units(p["reports_missing"], lang),
                due=_resolutions(p["due_this_week"], lang),
                overdue=_resolutions(p["overdue"], lang),
                awaiting=_resolutions(p["awaiting"], lang))
