"""The /holidays list: a page of the coming holidays, each with its button (reopen a closure,
work on a built-in holiday, or undo that), the «add a closure» button and page navigation."""

from __future__ import annotations

from mina_bot.callbacks import encode
from mina_bot.catalog import label, text
from mina_bot.holiday_table import CLOSURE, OFFICIAL, WORKED, Entry
from mina_bot.jalali import format_date
from mina_bot.pages import Buttons, page_count, page_nav
from mina_bot.persian import shorten

FEATURE = "hol"
PER_PAGE = 8  # entries on a page: their buttons two to a row, well within Telegram's limits
_VERB = {CLOSURE: "rm", OFFICIAL: "wk", WORKED: "uw"}


def _when(entry: Entry, lang: str) -> str:
    first = format_date(entry.start, lang, "weekday_long")
    if entry.end == entry.start:
        return first
    return text("holidays.range", lang, start=first,
                end=format_date(entry.end, lang, "weekday_long"))


def page(entries: list[Entry], number: int, lang: str, note: str | None = None
         ) -> tuple[str, Buttons]:
    """Page `number` (clamped) of the list, `note` (already rendered) above it."""
    pages = page_count(len(entries), PER_PAGE)
    number = min(max(number, 0), pages - 1)
    shown = entries[number * PER_PAGE:(number + 1) * PER_PAGE]
    lines = [note] if note else []
    lines.append(text("holidays.header", lang, count=len(entries)))
    if pages > 1:
        lines.append(text("holidays.page", lang, page=number + 1, pages=pages))
    lines += [text(f"holidays.line.{e.kind}", lang, when=_when(e, lang),
                   name=shorten(e.name(lang), 90)) for e in shown]
    if not shown:
        lines.append(text("holidays.empty", lang))
    lines.append(text("holidays.hint", lang))
    buttons = [(label(f"holidays.button.{e.kind}", lang, date=format_date(e.start, lang)),
                encode(FEATURE, _VERB[e.kind], e.start.toordinal())) for e in shown]
    rows: Buttons = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows += page_nav((FEATURE, "pg"), number, pages, lang)
    rows.append([(text("holidays.button.add", lang), encode(FEATURE, "add"))])
    return "\n".join(lines), rows
