"""The import preview: every line of the table region accounted for, in pages, with the
question about the first unknown unit (never cut off) or the «save N» button."""

from __future__ import annotations

import datetime as dt

from mina_bot.callbacks import encode
from mina_bot.catalog import join, label, text
from mina_bot.jalali import format_date
from mina_bot.minutes.model import ParsedMinutes
from mina_bot.minutes.units import UnitDirectory
from mina_bot.pages import Buttons, Picker, narrowed, picker, picker_hint
from mina_bot.persian import shorten

BODY = 2800  # characters of entries on a page: header and question stay well under 4,096
PAGE_BUTTONS = 8  # page buttons in the navigation row (Telegram shows 8 to a row)


def entries(minutes: ParsedMinutes, names: dict[str, str], lang: str) -> list[str]:
    """One block of text per resolution, skipped line and warning, in that order."""
    out = []
    for r in minutes.resolutions:
        unit_names = join((names.get(k, k) for k in r.units), lang) or "—"
        due = format_date(r.due, lang) if r.due else text("resolutions.no_due", lang)
        lines = [text("minutes.preview.line", lang, number=r.number, units=unit_names,
                      due=due, subject=shorten(r.subject, 70))]
        if r.off_day is not None:
            lines.append(text("minutes.preview.moved" if r.moved else "minutes.preview.off_day",
                              lang, day=format_date(r.off_day, lang, "weekday_long"),
                              to=format_date(r.due, lang, "weekday_long")))
        if r.urgent:
            lines.append(text("minutes.preview.urgent", lang))
        if r.recurrence:
            lines.append(text("minutes.preview.weekly", lang))
        lines += [text("minutes.preview.unmatched", lang, name=shorten(name, 60))
                  for name in r.unmatched_units]
        out.append("\n".join(lines))
    for i, s in enumerate(minutes.skipped):
        line = text("minutes.preview.skipped_line", lang, line=s.line, text=shorten(s.text, 60),
                    reason=text(f"minutes.skip.{s.reason}", lang))
        out.append((text("minutes.preview.skipped", lang, count=len(minutes.skipped)) + "\n"
                    if i == 0 else "") + line)
    for i, w in enumerate(minutes.warnings):
        line = text("minutes.preview.warning_line", lang, line=w.line, text=shorten(w.text, 60),
                    code=text(f"minutes.warning.{w.code}", lang))
        out.append((text("minutes.preview.warnings", lang) + "\n" if i == 0 else "") + line)
    return out


def paginate(blocks: list[str], budget: int = BODY) -> list[list[str]]:
    """The blocks in pages of at most `budget` characters (a longer block has a page alone)."""
    pages: list[list[str]] = [[]]
    size = 0
    for block in blocks:
        if pages[-1] and size + len(block) + 1 > budget:
            pages.append([])
            size = 0
        pages[-1].append(block)
        size += len(block) + 1
    return pages


def page_row(page: int, pages: int) -> list[tuple[str, str]]:
    """Buttons to the pages: all of them when few, else the first, last and those around
    `page` (every page is reachable in a few presses)."""
    if pages <= 1:
        return []
    if pages <= PAGE_BUTTONS:
        shown = range(pages)
    else:
        low = max(1, min(page - 2, pages - PAGE_BUTTONS + 1))
        shown = [0, *range(low, low + PAGE_BUTTONS - 2), pages - 1]
    return [(f"• {n + 1} •" if n == page else str(n + 1), encode("imp", "page", n))
            for n in shown]


def preview(minutes: ParsedMinutes, units: UnitDirectory, names: dict[str, str], lang: str,
            *, page: int = 0, chosen: tuple[str, ...] = (), unit_page: int = 0,
            query: str | None = None) -> tuple[str, Buttons]:
    """One page of the preview, with either the question about an unknown unit (its units a
    page at a time, narrowed by `query`) or the save button; the summary and the question are
    on every page."""
    unknown = minutes.unmatched
    pages = paginate(entries(minutes, names, lang))
    page = min(max(page, 0), len(pages) - 1)
    lines = [text("minutes.preview.header", lang, date=format_date(minutes.session_date, lang),
                  count=len(minutes.resolutions), skipped=len(minutes.skipped),
                  warnings=len(minutes.warnings), unknown=len(unknown))]
    if len(pages) > 1:
        lines.append(text("minutes.preview.page", lang, page=page + 1, pages=len(pages)))
    lines += pages[page]
    if minutes.next_session:
        lines.append(text("minutes.preview.next", lang,
                          date=format_date(minutes.next_session, lang, "weekday_long"),
                          count=len(minutes.next_agenda)))
    nav = page_row(page, len(pages))
    rows: Buttons = [nav] if nav else []
    if unknown:
        lines.append(text("minutes.preview.ask_unit", lang, name=shorten(unknown[0], 60),
                          count=len(unknown)))
        shown, buttons = _question(units, names, lang, unknown[0], chosen, unit_page, query)
        hint = picker_hint(shown, query, lang)
        return "\n".join([*lines, *([hint] if hint else [])]), rows + buttons
    lines.append(text("minutes.preview.confirm", lang))
    save = [(label("minutes.button.save", lang, count=len(minutes.resolutions)),
             encode("imp", "ok")), (text("minutes.button.cancel", lang), encode("imp", "no"))]
    return "\n".join(lines), [*rows, save]


def _question(units: UnitDirectory, names: dict[str, str], lang: str, name: str,
              chosen: tuple[str, ...], page: int, query: str | None) -> tuple[Picker, Buttons]:
    """A page of unit toggles (two to a row; those typed letters match, if any), then pick the
    ticked ones, create, ignore, cancel. Ticks are kept in the draft, whatever the page."""
    tail: Buttons = []
    if chosen:
        tail.append([(label("minutes.button.pick", lang, count=len(chosen)),
                      encode("imp", "pick"))])
    tail.append([(label("minutes.button.create", lang, name=shorten(name, 30)),
                  encode("imp", "new"))])
    tail.append([(text("minutes.button.ignore", lang), encode("imp", "skip")),
                 (text("minutes.button.cancel", lang), encode("imp", "no"))])
    if query:
        tail.insert(0, [(text("minutes.button.all_units", lang), encode("imp", "all"))])
    found = narrowed(units.entries, query, lambda e: " ".join((names.get(e.key, ""), *e.names)))
    ticks = [(("✅ " if e.key in chosen else "") + names.get(e.key, e.key),
              encode("imp", "tick", e.key)) for e in found]
    shown = picker(ticks, page, ("imp", "upage"), lang)
    return shown, shown.rows + tail


def saved_text(result, lang: str, next_date: dt.date | None) -> str:
    """What an import did, in one message."""
    return text("minutes.saved", lang, session=result.session_number, created=result.created,
                updated=result.updated, unchanged=result.unchanged,
                next=format_date(next_date, lang) if next_date else "—")
