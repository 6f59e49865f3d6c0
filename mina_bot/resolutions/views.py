"""Rendering resolutions for chat: the «what do I owe?» list, one resolution, the staff list.

Views return (html, buttons) where buttons are rows of (label, callback data); the handlers
turn them into inline keyboards. Every message stays under Telegram's 4096 characters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, join, label, name_in, text
from mina_bot.durations import relative_days
from mina_bot.jalali import format_date, format_datetime
from mina_bot.pages import PAGE, Buttons, fit, page_nav
from mina_bot.persian import shorten
from mina_bot.resolutions.card import ResolutionCard
from mina_bot.resolutions.duties import DutyPage
from mina_bot.resolutions.shares import OWED
from storage.models import (
    CouncilSession,
    Resolution,
    ResolutionStatus,
    ShareState,
    Unit,
)

# A card's file rows and share-action rows (two buttons each), within Telegram's 100 buttons.
MAX_FILES, MAX_ACTIONS = 20, 30


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
    awaiting: Sequence[tuple[Resolution, CouncilSession, Unit]] = (), awaiting_total: int = 0,
    tallies: Mapping[int, tuple[int, int]] | None = None,
) -> tuple[str, Buttons]:
    """The «what do I owe?» page (`duties` is one page, cut by the database); each line is the
    unit's share, with how many units have done theirs (`tallies`)."""
    page, pages, shown = duties.page, duties.pages, duties.duties
    lines = [text("resolutions.owe.header", lang, page=page + 1, pages=pages,
                  count=duties.total)]
    if not duties.total:
        lines.append(text("resolutions.owe.none", lang))
    buttons: Buttons = []
    for duty in shown:
        r = duty.resolution
        owed = r.status in OWED
        lines.append(text(
            "resolutions.owe.line", lang, number=r.number, session=duty.session_number,
            unit=duty.unit_name, subject=shorten(r.subject, 110),
            due=due_label(duty.due, today, lang, "open" if owed else r.status),
            extra=Safe(_extra(r, lang, (tallies or {}).get(r.id))),
        ))
        row = [(text("resolutions.button.open", lang, number=r.number),
                encode("res", "open", r.id))]
        if duty.can_report and owed:
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
        lines.extend(awaiting_lines(awaiting, lang, buttons))
    buttons += page_nav(("res", "owe"), page, pages, lang)
    return fit(lines, lang), buttons


def awaiting_lines(awaiting: Sequence[tuple[Resolution, CouncilSession, Unit]], lang: str,
                   buttons: Buttons) -> list[str]:
    """The shares awaiting confirmation, each with «تأیید» / «برگرداندن» (added to `buttons`)."""
    lines = []
    for r, council, unit in awaiting[:PAGE]:
        lines.append(text("resolutions.owe.awaiting_share", lang, number=r.number,
                          session=council.number, unit=name_in(unit, lang),
                          subject=shorten(r.subject, 70)))
        buttons.append([(text("resolutions.button.confirm", lang, number=r.number),
                         encode("res", "ok", r.id, unit.id)),
                        (text("resolutions.button.back", lang, number=r.number),
                         encode("res", "back", r.id, unit.id))])
    return lines


def _extra(r, lang: str, tally: tuple[int, int] | None = None) -> str:
    parts = []
    if r.urgent:
        parts.append(text("resolutions.urgent", lang))
    if r.recurrence:
        parts.append(text("resolutions.weekly", lang))
    if r.status == ResolutionStatus.REPORTED_DONE:
        parts.append(text("resolutions.awaiting_confirmation", lang))
    if r.status == ShareState.SENT_BACK:
        parts.append(text("resolutions.owe.share_back", lang))
    if tally is not None:
        parts.append(text("resolutions.owe.tally", lang, done=tally[0], total=tally[1]))
    return "".join(f"\n   {p}" for p in parts)


def detail_view(card: ResolutionCard, *, tz: dt.tzinfo, today: dt.date, lang: str,
                someone: str) -> tuple[str, Buttons]:
    """One resolution in full: its shares, its history and the buttons the reader may use."""
    r, council = card.resolution, card.council
    lines = [text("resolutions.detail", lang, number=r.number, session=council.number,
                  date=format_date(council.starts_at.astimezone(tz).date(), lang),
                  subject=r.subject, units=join(card.unit_names, lang), time_frame=r.time_frame,
                  due=due_label(r.due_date, today, lang, r.status),
                  status=status_label(r.status, lang), extra=Safe(_extra(r, lang)))]
    if card.due_off and r.due_date is not None:
        lines.append(text("resolutions.off_day", lang,
                          day=format_date(r.due_date, lang, "weekday_long")))
    lines += share_lines(card, tz, lang)
    if card.history:
        lines.append(text("resolutions.history", lang))
    for event, who, unit in card.history:
        note = text("resolutions.history.note", lang, note=event.note) if event.note else ""
        what = text(f"resolutions.event.{event.kind}", lang)
        if unit:
            what += text("resolutions.history.unit", lang, unit=unit)
        lines.append(text("resolutions.history.line", lang,
                          when=format_datetime(event.created_at, tz, lang),
                          what=Safe(what), who=who or someone, note=Safe(note)))
    return fit(lines, lang), detail_buttons(card, lang)


def share_lines(card: ResolutionCard, tz: dt.tzinfo, lang: str) -> list[str]:
    """The card's table of shares: unit, state, since when, last note, files."""
    lines = [text("resolutions.shares.header", lang)] if card.shares else []
    for share in card.shares:
        note = (text("resolutions.history.note", lang, note=shorten(share.note, 200))
                if share.note else "")
        files = (text("resolutions.shares.files", lang, count=len(share.files))
                 if share.files else "")
        lines.append(text(
            "resolutions.shares.line", lang, unit=share.unit_name,
            lead=Safe(text("resolutions.shares.lead", lang) if share.lead else ""),
            state=text(f"resolutions.share.{share.state.value}", lang),
            since=format_datetime(share.since, tz, lang) if share.since else "—",
            note=Safe(note), files=Safe(files)))
    return lines


def detail_buttons(card: ResolutionCard, lang: str) -> Buttons:
    """Report (the reader's unit's owed share), the files, and the secretariat's buttons; a
    resolution of hundreds of units keeps to Telegram's 100 buttons (the rest: /pending)."""
    r, status = card.resolution, ResolutionStatus(card.resolution.status)
    buttons: Buttons = []
    if card.report_unit is not None and status == ResolutionStatus.OPEN:
        buttons.append([(text("resolutions.button.report", lang, number=r.number),
                         encode("res", "rep", r.id, card.report_unit))])
    files = [(share, attachment) for share in card.shares for attachment in share.files[-3:]]
    for share, attachment in files[-MAX_FILES:]:
        name = shorten(attachment.file_name or share.unit_name, 30)
        buttons.append([(label("resolutions.button.file", lang, name=name),
                         encode("res", "file", r.id, attachment.id))])
    if not card.staff:
        return buttons
    active = status in (ResolutionStatus.OPEN, ResolutionStatus.REPORTED_DONE)
    acts: Buttons = []
    for share in card.shares if active else ():
        unit = shorten(share.unit_name, 24)
        if share.state == ShareState.REPORTED_DONE:
            acts.append([
                (label("resolutions.button.confirm_unit", lang, number=r.number, unit=unit),
                 encode("res", "ok", r.id, share.unit_id)),
                (text("resolutions.button.back", lang, number=r.number),
                 encode("res", "back", r.id, share.unit_id))])
        if share.state in OWED:
            acts.append([(label("resolutions.button.not_applicable", lang,
                                unit=shorten(share.unit_name, 30)),
                          encode("res", "na", r.id, share.unit_id))])
    buttons += acts[:MAX_ACTIONS]
    if len(acts) > MAX_ACTIONS:
        buttons.append([(text("resolutions.button.pending", lang), encode("res", "pq"))])
    row = [(text("resolutions.button.cancel", lang), encode("res", "cancel", r.id))] if active \
        else [(text("resolutions.button.reopen", lang), encode("res", "reopen", r.id))]
    buttons.append(row)
    buttons.append([(text("resolutions.button.reassign", lang), encode("res", "units", r.id)),
                    (text("resolutions.button.edit", lang), encode("res", "edit", r.id))])
    if len(card.shares) > 1:
        buttons.append([(text("resolutions.button.lead", lang), encode("res", "leadm", r.id))])
    return buttons
