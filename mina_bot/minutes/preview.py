"""The import preview: what will be saved, what could not be matched, and the questions."""

from __future__ import annotations

import datetime as dt

from mina_bot.callbacks import encode
from mina_bot.catalog import join, label, text
from mina_bot.jalali import format_date
from mina_bot.minutes.model import ParsedMinutes
from mina_bot.minutes.units import UnitDirectory
from mina_bot.pages import Buttons, fit, picker
from mina_bot.persian import shorten


def preview(minutes: ParsedMinutes, units: UnitDirectory, names: dict[str, str],
            lang: str, page: int = 0) -> tuple[str, Buttons]:
    """The preview message, with either a question about an unknown unit (the units a page at
    a time) or confirm buttons."""
    lines = [text("minutes.preview.header", lang, date=format_date(minutes.session_date, lang),
                  count=len(minutes.resolutions))]
    for r in minutes.resolutions:
        unit_names = join((names.get(k, k) for k in r.units), lang) or "—"
        due = format_date(r.due, lang) if r.due else text("resolutions.no_due", lang)
        lines.append(text("minutes.preview.line", lang, number=r.number, units=unit_names,
                          due=due, subject=shorten(r.subject, 70)))
        if r.recurrence:
            lines.append(text("minutes.preview.weekly", lang))
        for name in r.unmatched_units:
            lines.append(text("minutes.preview.unmatched", lang, name=name))
    if minutes.next_session:
        lines.append(text("minutes.preview.next", lang,
                          date=format_date(minutes.next_session, lang, "weekday_long"),
                          count=len(minutes.next_agenda)))
    unknown = minutes.unmatched
    if unknown:
        lines.append(text("minutes.preview.ask_unit", lang, name=unknown[0],
                          count=len(unknown)))
        choices = [(names.get(e.key, e.key), encode("imp", "pick", e.key)) for e in units.entries]
        paired = picker(choices, page, ("imp", "pg"), lang).rows
        paired.append([(label("minutes.button.create", lang, name=shorten(unknown[0], 30)),
                        encode("imp", "new"))])
        paired.append([(text("minutes.button.cancel", lang), encode("imp", "no"))])
        return fit(lines, lang), paired
    lines.append(text("minutes.preview.confirm", lang))
    return fit(lines, lang), [[(text("minutes.button.save", lang), encode("imp", "ok")),
                               (text("minutes.button.cancel", lang), encode("imp", "no"))]]


def saved_text(result, lang: str, next_date: dt.date | None) -> str:
    """What an import did, in one message."""
    return text("minutes.saved", lang, session=result.session_number, created=result.created,
                updated=result.updated, unchanged=result.unchanged,
                next=format_date(next_date, lang) if next_date else "—")
