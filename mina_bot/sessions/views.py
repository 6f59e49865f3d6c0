"""Rendering the next session and its agenda for chat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, text
from mina_bot.jalali import format_date, format_datetime, format_time
from mina_bot.pages import Buttons, fit, page_count, page_nav
from storage.models import AgendaItem, AgendaKind, CouncilSession

AGENDA_PAGE = 10  # items whose buttons show at once: 30 buttons, under Telegram's 100


def item_title(item: AgendaItem, lang: str, *, open_count: int, overdue: int,
               unit_names: Mapping[int, str] | None = None) -> str:
    """One agenda line in words, a committee's report under the committee's name in the
    reader's language (HTML: wrap it in Safe to put it in another text)."""
    kind = AgendaKind(item.kind)
    if kind == AgendaKind.STANDING:
        unit = (unit_names or {}).get(item.unit_id or 0, item.title)
        return text("sessions.agenda.standing", lang, unit=unit)
    if kind == AgendaKind.REVIEW:
        return text("sessions.agenda.review", lang, open=open_count, overdue=overdue)
    return text("sessions.agenda.item", lang, title=item.title)


def place_in(place: str | None, lang: str) -> str:
    """The session's place; the default place («سالن شورا») has its English name."""
    if place and place == text("sessions.place.default", "fa"):
        return text("sessions.place.default", lang)
    return place or "—"


def session_view(
    council: CouncilSession, items: Sequence[AgendaItem], *, tz: dt.tzinfo, lang: str,
    deadline: dt.datetime, open_count: int, overdue: int, staff: bool, page: int = 0,
    unit_names: Mapping[int, str] | None = None,
) -> tuple[str, Buttons]:
    """The next session: date and weekday, time, place, report deadline, agenda; for the staff,
    the move and remove buttons of AGENDA_PAGE items at a time, whatever the agenda's length."""
    local = council.starts_at.astimezone(tz)
    lines = [text("sessions.header", lang, number=council.number,
                  date=format_date(local.date(), lang, "weekday_long"),
                  time=format_time(local, lang), place=place_in(council.place, lang),
                  deadline=format_datetime(deadline, tz, lang))]
    buttons: Buttons = []
    pages = page_count(len(items), AGENDA_PAGE)
    page = min(max(page, 0), pages - 1)
    for position, item in enumerate(items, 1):
        title = item_title(item, lang, open_count=open_count, overdue=overdue,
                           unit_names=unit_names)
        lines.append(text("sessions.agenda.line", lang, position=position, title=Safe(title)))
        if staff and (position - 1) // AGENDA_PAGE == page:
            buttons.append([(text(f"sessions.button.{verb}", lang, position=position),
                             encode("ses", verb, item.id, page))
                            for verb in ("up", "down", "rm")])
    if not items:
        lines.append(text("sessions.agenda.empty", lang))
    if staff:
        buttons += page_nav(("ses", "page"), page, pages, lang, council.id)
        buttons.append([(text("sessions.button.add", lang), encode("ses", "add", council.id))])
    return fit(lines, lang), buttons
