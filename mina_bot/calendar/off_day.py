"""A planned session on a Friday or a holiday: the secretariat is asked, a week ahead and once,
whether to move it to the next working day; nothing moves without their «yes»."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.calendar.changes import Slot, move_session
from mina_bot.callbacks import encode
from mina_bot.catalog import label, text
from mina_bot.delivery.outbox import enqueue_to_secretariat
from mina_bot.errors import StaleButton
from mina_bot.jalali import format_date
from mina_bot.official_calendar import days_off, is_day_off, next_working_day
from mina_bot.reminders.window import SendingWindow
from mina_bot.settings import Settings
from storage.models import CouncilSession, SessionStatus
from storage.repositories import sessions as sessions_repo

AHEAD = dt.timedelta(days=7)
KIND = "session.off_day"


def _local_day(council: CouncilSession, settings: Settings) -> dt.date:
    return council.starts_at.astimezone(settings.tz).date()


def _holidays(session: Session, day: dt.date) -> dict:
    return days_off(session, day, day + dt.timedelta(days=30))


def ask(session: Session, *, now: dt.datetime, settings: Settings) -> int:
    """Ask the secretariat about each planned session of the coming week that falls on a day
    off (once per session and day: the outbox's key), in the sending hours of a working day;
    how many messages were new."""
    today = now.astimezone(settings.tz).date()
    if not SendingWindow.from_settings(settings, frozenset(days_off(session, today, today))
                                       ).allows(now):
        return 0
    found = [s for s in sessions_repo.starting_between(session, start=now, end=now + AHEAD)
             if s.status == SessionStatus.PLANNED]
    asked = 0
    for council in found:
        day = _local_day(council, settings)
        off = _holidays(session, day)
        if not is_day_off(day, off):
            continue
        to = next_working_day(day, off)

        def render(lang: str, council=council, day=day, to=to, off=off) -> str:
            why = off[day].name(lang) if day in off else text("off_day.friday", lang)
            return text("calendar.off_day.ask", lang, number=council.number, why=why,
                        date=format_date(day, lang, "weekday_long"),
                        to=format_date(to, lang, "weekday_long"))

        def buttons(lang: str, council=council, day=day, to=to) -> list:
            return [[(label("calendar.off_day.move", lang, date=format_date(to, lang)),
                      encode("cal", "offmove", council.id, day.toordinal())),
                     (text("calendar.off_day.keep", lang), encode("cal", "offkeep", council.id))]]

        asked += enqueue_to_secretariat(session, kind=KIND, subject=f"session:{council.id}",
                                        period=day.isoformat(), now=now, render=render,
                                        buttons=buttons)
    return asked


def move_off(session: Session, *, council: CouncilSession, day: dt.date, actor: Actor,
             now: dt.datetime, settings: Settings) -> int:
    """The secretariat's «yes»: the session on `day` (still there) to the next working day, at
    its time and place; how many members were told."""
    if _local_day(council, settings) != day:  # moved since the question was asked
        raise StaleButton()
    local = council.starts_at.astimezone(settings.tz)
    slot = Slot(next_working_day(day, _holidays(session, day)),
                local.time().replace(tzinfo=None), council.place)
    return move_session(session, council=council, slot=slot, actor=actor, now=now,
                        settings=settings)
