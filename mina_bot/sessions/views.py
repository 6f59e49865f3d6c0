"""Rendering the next session and its agenda for chat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, text
from mina_bot.jalali import format_date, format_datetime, format_time
from mina_bot.pages import Buttons, fit
from mina_bot.sessions.review import Owed, review_title
from storage.models import AgendaItem, AgendaKind, CouncilSession


def item_title(item: AgendaItem, lang: str, *, owing: Sequence[Owed]) -> str:
    """One agenda line in words (HTML: wrap it in Safe to put it in another text)."""
    kind = AgendaKind(item.kind)
    if kind == AgendaKind.STANDING:
        return text("sessions.agenda.standing", lang, unit=item.title)
    if kind == AgendaKind.REVIEW:
        return review_title(owing, lang)
    return text("sessions.agenda.item", lang, title=item.title)


def session_view(
    council: CouncilSession, items: Sequence[AgendaItem], *, tz: dt.tzinfo, lang: str,
    deadline: dt.datetime, owing: Sequence[Owed], staff: bool,
) -> tuple[str, Buttons]:
    """The next session: date and weekday, time, place, report deadline, agenda."""
    local = council.starts_at.astimezone(tz)
    lines = [text("sessions.header", lang, number=council.number,
                  date=format_date(local.date(), lang, "weekday_long"),
                  time=format_time(local, lang), place=council.place or "—",
                  deadline=format_datetime(deadline, tz, lang))]
    buttons: Buttons = []
    for position, item in enumerate(items, 1):
        title = item_title(item, lang, owing=owing)
        lines.append(text("sessions.agenda.line", lang, position=position, title=Safe(title)))
        if staff:
            buttons.append([(text("sessions.button.up", lang, position=position),
                             encode("ses", "up", item.id)),
                            (text("sessions.button.down", lang, position=position),
                             encode("ses", "down", item.id)),
                            (text("sessions.button.remove", lang, position=position),
                             encode("ses", "rm", item.id))])
    if not items:
        lines.append(text("sessions.agenda.empty", lang))
    if staff:
        buttons.append([(text("sessions.button.add", lang), encode("ses", "add", council.id))])
    return fit(lines, lang), buttons
