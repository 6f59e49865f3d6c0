"""Rendering the next session and its agenda for chat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, text
from mina_bot.jalali import format_date, format_datetime, format_time
from mina_bot.pages import Buttons, fit, page_count, page_nav
from mina_bot.sessions.agenda import APPROVE_MINUTES
from mina_bot.sessions.review import Owed, review_title
from storage.models import AgendaItem, AgendaKind, CouncilSession, SessionStatus

AGENDA_PAGE = 10  # items whose buttons show at once: 40 buttons, under Telegram's 100

def agenda_title(title: str, lang: str) -> str:
    """An item's title as written, but the bot's own «approve the last minutes» in the reader's
    language."""
    return text("sessions.agenda.approve_minutes", lang) if title == APPROVE_MINUTES else title


def item_title(item: AgendaItem, lang: str, *, owing: Sequence[Owed],
               units: Mapping[int, str] | None = None) -> str:
    """One agenda line in words, a committee's report under the committee's name in the
    reader's language (HTML: wrap it in Safe to put it in another text)."""
    kind = AgendaKind(item.kind)
    if kind == AgendaKind.STANDING:
        return text("sessions.agenda.standing", lang,
                    unit=(units or {}).get(item.unit_id or 0, item.title))
    if kind == AgendaKind.REVIEW:
        line = review_title(owing, lang)
    else:
        line = text("sessions.agenda.item", lang, title=agenda_title(item.title, lang))
    if item.unit_id and units and item.unit_id in units:
        line += text("agenda.presenter", lang, unit=units[item.unit_id])
    if item.minutes:
        line += text("agenda.minutes", lang, minutes=item.minutes)
    return line


def place_in(place: str | None, lang: str) -> str:
    """The session's place; the default place («سالن شورا») has its English name."""
    if place and place == text("sessions.place.default", "fa"):
        return text("sessions.place.default", lang)
    return place or "—"


def session_view(
    council: CouncilSession, items: Sequence[AgendaItem], *, tz: dt.tzinfo, lang: str,
    deadline: dt.datetime, owing: Sequence[Owed], staff: bool, page: int = 0,
    units: Mapping[int, str] | None = None, attendance: str = "",
) -> tuple[str, Buttons]:
    """A session: date and weekday, time, place, report deadline, agenda; for the secretariat
    the expected attendance (`attendance`, HTML) and the buttons that change it all, those of
    AGENDA_PAGE items at a time whatever the agenda's length."""
    local = council.starts_at.astimezone(tz)
    lines = [text("sessions.header", lang, number=council.number,
                  date=format_date(local.date(), lang, "weekday_long"),
                  time=format_time(local, lang), place=place_in(council.place, lang),
                  deadline=format_datetime(deadline, tz, lang))]
    if council.status == SessionStatus.CANCELLED:
        lines.insert(1, text("sessions.cancelled", lang, reason=council.cancel_reason or "—"))
    buttons: Buttons = []
    pages = page_count(len(items), AGENDA_PAGE)
    page = min(max(page, 0), pages - 1)
    for position, item in enumerate(items, 1):
        title = item_title(item, lang, owing=owing, units=units)
        lines.append(text("sessions.agenda.line", lang, position=position, title=Safe(title)))
        if staff and (position - 1) // AGENDA_PAGE == page:
            buttons.append([(text(f"sessions.button.{verb}", lang, position=position),
                             encode("ses", code, *args))
                            for verb, code, args in (
                                ("up", "up", (item.id, page)), ("down", "down", (item.id, page)),
                                ("edit", "ed", (item.id,)),
                                ("rm", "rm", (item.id, item.version, page)))])
    if not items:
        lines.append(text("sessions.agenda.empty", lang))
    if attendance:
        lines += ["", attendance]
    if staff:
        buttons += page_nav(("ses", "page"), page, pages, lang, council.id)
        buttons.append([(text("sessions.button.add", lang), encode("ses", "add", council.id))])
        if council.status == SessionStatus.PLANNED:
            buttons.append([(text("sessions.button.move", lang), encode("cal", "move", council.id)),
                            (text("sessions.button.cancel", lang),
                             encode("cal", "cancel", council.id))])
        buttons.append([(text("sessions.button.extra", lang), encode("cal", "extra"))])
    return fit(lines, lang), buttons
