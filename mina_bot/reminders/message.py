"""One person's reminders at one moment as one message: grouped by kind, most urgent first,
each item once in its most urgent form, within Telegram's limits. Pure: the caller worded each
entry with the clock of the moment the message is sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mina_bot.catalog import text
from mina_bot.jalali import format_date
from mina_bot.message_size import fits
from mina_bot.pages import Buttons

# Most urgent first; an item's rank in a message is its group's place here.
GROUPS = ("escalation", "overdue", "today", "report", "session", "soon", "missing", "awaiting",
          "digest")
MAX_BUTTONS = 100
PER_ROW = 2
OVERDUE, TODAY, SOON = "overdue", "today", "soon"


@dataclass(frozen=True)
class Entry:
    """One item worded for the message: its group, its identity, its line and its buttons."""

    group: str
    key: str  # the same resolution, session or report twice in a message: once, the most urgent
    line: str
    buttons: tuple[tuple[str, str], ...] = ()


def due_form(due: dt.date, today: dt.date, occasion: str) -> str | None:
    """The form a resolution's deadline takes today; None when the reminder no longer helps
    (a «due soon» that arrives after the due date)."""
    if due > today:
        return SOON
    if due == today:
        return TODAY
    return None if occasion == "resolution.before" else OVERDUE


def when_word(day: dt.date, today: dt.date, lang: str) -> str:
    """«امروز، سه‌شنبه ۵ فروردین ۱۴۰۴» / «فردا، …» / the date: never «today» of another day."""
    date = format_date(day, lang, "weekday_long")
    if day == today:
        return text("reminder.word.today", lang, date=date)
    if day == today + dt.timedelta(days=1):
        return text("reminder.word.tomorrow", lang, date=date)
    return date


def lateness(due: dt.date, today: dt.date, lang: str) -> str:
    """«مهلت دیروز، جمعه، گذشت» or «مهلت … گذشت (۵ روز)»."""
    days = (today - due).days
    if days == 1:
        return text("reminder.late.yesterday", lang,
                    weekday=format_date(due, lang, "weekday_long").split(" ")[0])
    return text("reminder.late.days", lang, date=format_date(due, lang, "long"), days=days)


def most_urgent(entries: Iterable[Entry]) -> list[Entry]:
    """Each key once, in its most urgent group; ordered by group, then as given."""
    best: dict[str, Entry] = {}
    for entry in entries:
        kept = best.get(entry.key)
        if kept is None or GROUPS.index(entry.group) < GROUPS.index(kept.group):
            best[entry.key] = entry
    return sorted(best.values(), key=lambda e: GROUPS.index(e.group))


def compose(entries: Sequence[Entry], lang: str, *, today: dt.date,
            more_hint: str = "/owe") -> tuple[str, Buttons] | None:
    """The message's HTML and buttons, or None when nothing is left to say. Beyond Telegram's
    4,096 characters the rest is counted in a last line; buttons stop at 100."""
    kept = most_urgent(entries)
    if not kept:
        return None
    parts: list[str] = []
    group = None
    shown = 0
    for entry in kept:
        heading = [] if entry.group == group else ["", *(
            [] if entry.group == "digest" else [text(
                f"reminder.group.{entry.group}", lang,
                date=format_date(today, lang, "weekday_long"))])]
        candidate = "\n".join([*parts, *heading, entry.line,
                               text("reminder.more", lang, count=len(kept)) + " " + more_hint])
        if not fits(candidate.strip()):
            break
        parts += [*heading, entry.line]
        group = entry.group
        shown += 1
    if shown < len(kept):
        parts.append(text("reminder.more", lang, count=len(kept) - shown) + " " + more_hint)
    return "\n".join(parts).strip(), _buttons(kept)


def _buttons(entries: Sequence[Entry]) -> Buttons:
    flat: list[tuple[str, str]] = []
    for entry in entries:
        flat += [b for b in entry.buttons if b not in flat]
    flat = flat[:MAX_BUTTONS]
    return [flat[i:i + PER_ROW] for i in range(0, len(flat), PER_ROW)]
