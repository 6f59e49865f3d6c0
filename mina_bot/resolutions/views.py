"""Rendering resolutions for chat: the «what do I owe?» list, one resolution, the staff list.

Views return (html, buttons) where buttons are rows of (label, callback data); the handlers
turn them into inline keyboards. Every message stays under Telegram's 4096 characters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, join, text
from mina_bot.durations import relative_days
from mina_bot.jalali import format_date, format_datetime
from mina_bot.pages import PAGE, Buttons, fit, page_nav
from mina_bot.persian import shorten
from mina_bot.resolutions.duties import DutyPage
from storage.models import CouncilSession, Resolution, ResolutionEvent, ResolutionStatus


def status_label(status: ResolutionStatus | str, lang: str) -> str:
    """The state of a resolution in words."""
    return text(f"resolutions.status.{ResolutionStatus(status).value}", lang)


def due_label(due: dt.date | None, today: dt.date, lang: str, status: str) -> Safe:
    """«۱۴۰۰/۰۲/۰۶ (۳ روز مانده)», or «بدون مهلت»."""
    if due is None:
        return Safe(text("resolutions.no_due", lang))
    relative = relative_days(due, today, lang) if status == ResolutionStatus.OPEN else ""
    return Safe(text("resolutions.due", lang, date=format_date(due, lang),
                     relative=f" ({relative})" if relative else ""))


def owe_view(
    duties: DutyPage, *, today: dt.date, lang: str,
    reports: Sequence[tuple[str, bool]], coming: dt.date | None,
    awaiting: Sequence[tuple[Resolution, CouncilSession]] = (), awaiting_total: int = 0,
) -> tuple[str, Buttons]:
    """The «what do I owe?» page (`duties` is one page, cut by the database)."""
    page, pages, shown = duties.page, duties.pages, duties.duties
    lines = [text("resolutions.owe.header", lang, page=page + 1, pages=pages,
                  count=duties.total)]
    if not duties.total:
        lines.append(text("resolutions.owe.none", lang))
    buttons: Buttons = []
    for duty in shown:
        r = duty.resolution
        lines.append(text(
            "resolutions.owe.line", lang, number=r.number, session=duty.session_number,
            unit=duty.unit_name, subject=shorten(r.subject, 110),
            due=due_label(duty.due, today, lang, r.status),
            extra=Safe(_extra(r, lang)),
        ))
        row = [(text("resolutions.button.open", lang, number=r.number),
                encode("res", "open", r.id))]
        if duty.can_report and r.status == ResolutionStatus.OPEN:
            row.append((text("resolutions.button.report", lang, number=r.number),
                        encode("res", "rep", r.id, duty.unit_id)))
        buttons.append(row)
    if reports and coming:
        lines.append(text("resolutions.owe.reports", lang, date=format_date(coming, lang)))
        lines.extend(text("resolutions.owe.report_in" if ok else "resolutions.owe.report_missing",
                          lang, unit=name) for name, ok in reports)
    if awaiting:
        lines.append(text("resolutions.owe.awaiting", lang,
                          count=max(awaiting_total, len(awaiting))))
        for r, council in awaiting[:PAGE]:
            lines.append(text("resolutions.owe.awaiting_line", lang, number=r.number,
                              session=council.number, subject=shorten(r.subject, 70)))
            buttons.append([(text("resolutions.button.confirm", lang, number=r.number),
                             encode("res", "ok", r.id)),
                            (text("resolutions.button.back", lang, number=r.number),
                             encode("res", "back", r.id))])
    buttons += page_nav(("res", "owe"), page, pages, lang)
    return fit(lines, lang), buttons


def _extra(r: Resolution, lang: str) -> str:
    parts = []
    if r.recurrence:
        parts.append(text("resolutions.weekly", lang))
    if r.status == ResolutionStatus.REPORTED_DONE:
        parts.append(text("resolutions.awaiting_confirmation", lang))
    return "".join(f"\n   {p}" for p in parts)


def detail_view(
    r: Resolution, council: CouncilSession, *, units: Sequence[str], tz: dt.tzinfo,
    today: dt.date, lang: str, history: Sequence[tuple[ResolutionEvent, str]],
    report_unit: int | None, staff: bool,
) -> tuple[str, Buttons]:
    """One resolution in full, with its history and the buttons the reader may use."""
    lines = [text("resolutions.detail", lang, number=r.number, session=council.number,
                  date=format_date(council.starts_at.astimezone(tz).date(), lang),
                  subject=r.subject, units=join(units, lang), time_frame=r.time_frame,
                  due=due_label(r.due_date, today, lang, r.status),
                  status=status_label(r.status, lang), extra=Safe(_extra(r, lang)))]
    if history:
        lines.append(text("resolutions.history", lang))
    for event, who in history:
        note = text("resolutions.history.note", lang, note=event.note) if event.note else ""
        lines.append(text("resolutions.history.line", lang,
                          when=format_datetime(event.created_at, tz, lang),
                          what=text(f"resolutions.event.{event.kind}", lang), who=who,
                          note=Safe(note)))
    buttons: Buttons = []
    status = ResolutionStatus(r.status)
    if report_unit is not None and status == ResolutionStatus.OPEN:
        buttons.append([(text("resolutions.button.report", lang, number=r.number),
                         encode("res", "rep", r.id, report_unit))])
    if staff:
        row = []
        if status == ResolutionStatus.REPORTED_DONE:
            row += [(text("resolutions.button.confirm", lang, number=r.number),
                     encode("res", "ok", r.id)),
                    (text("resolutions.button.back", lang, number=r.number),
                     encode("res", "back", r.id))]
        if status in (ResolutionStatus.OPEN, ResolutionStatus.REPORTED_DONE):
            row.append((text("resolutions.button.cancel", lang), encode("res", "cancel", r.id)))
        else:
            row.append((text("resolutions.button.reopen", lang), encode("res", "reopen", r.id)))
        buttons.append(row)
        buttons.append([(text("resolutions.button.reassign", lang), encode("res", "units", r.id)),
                        (text("resolutions.button.edit", lang), encode("res", "edit", r.id))])
    return fit(lines, lang), buttons
