"""The quarterly report's life: drafted by the bot, its letter edited by the secretariat, asked
for the secretariat head's approval, then sent through the outbox to the configured addressees.

    draft --ask--> awaiting --approve--> sent
      ^  <--edit--    |  \\--return--> draft
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.callbacks import encode
from mina_bot.catalog import label, text
from mina_bot.delivery.outbox import enqueue, enqueue_rows, outbox_row
from mina_bot.errors import MinaError, PermissionDenied, StaleButton
from mina_bot.settings import Settings
from storage.models import Member, QuarterlyReport, Role, UnitKind
from storage.repositories import audience as audience_repo
from storage.repositories import members as members_repo
from storage.repositories import quarterly as quarterly_repo

FEATURE = "qtr"
LETTER_LIMIT = 3000  # characters: the letter is one page of the document
DRAFT, AWAITING, SENT = "draft", "awaiting", "sent"


def open_report(session: Session, *, year: int, quarter: int, draft: str) -> QuarterlyReport:
    """The quarter's report, started with the bot's `draft` of the letter the first time."""
    found = quarterly_repo.of_quarter(session, year=year, quarter=quarter)
    if found is not None:
        return found
    return quarterly_repo.add(session, report=QuarterlyReport(year=year, quarter=quarter,
                                                              letter=draft))


def _report(session: Session, report_id: int, lock: bool = False) -> QuarterlyReport:
    found = quarterly_repo.get(session, report_id=report_id, lock=lock)
    if found is None:
        raise StaleButton()
    return found


def editable(session: Session, *, report_id: int) -> QuarterlyReport:
    """The report whose letter is about to be edited (not once it was sent)."""
    report = _report(session, report_id)
    if report.status == SENT:
        raise MinaError("quarterly.already_sent")
    return report


def edit_letter(session: Session, *, report_id: int, body: str) -> QuarterlyReport:
    """Replace the letter; a version awaiting approval is withdrawn (its buttons go stale)."""
    body = body.strip()
    if not body:
        raise MinaError("quarterly.edit.empty")
    if len(body) > LETTER_LIMIT:
        raise MinaError("quarterly.edit.too_long", limit=LETTER_LIMIT, length=len(body))
    report = editable(session, report_id=report_id)
    report.letter, report.version, report.status, report.file_id = (
        body, report.version + 1, DRAFT, None)
    session.add(report)
    return report


def secretariat_heads(session: Session) -> list[Member]:
    """Who approves: the heads of the secretariat."""
    return list(audience_repo.members_holding(session, roles=[Role.HEAD],
                                              unit_kinds=[UnitKind.SECRETARIAT]))


def askable(session: Session, *, report_id: int, version: int, settings: Settings
            ) -> QuarterlyReport:
    """The draft, this version, ready to be asked for approval (or why not)."""
    report = _report(session, report_id)
    if report.status != DRAFT or report.version != version:
        raise MinaError("quarterly.stale")
    if not settings.quarterly_report_to:
        raise MinaError("quarterly.ask.no_addressees")
    if not secretariat_heads(session):
        raise MinaError("quarterly.ask.no_head")
    return report


def ask(session: Session, *, report_id: int, version: int, file_id: str, actor: Actor,
        now: dt.datetime, settings: Settings) -> list[str]:
    """Awaiting approval of the document `file_id`: sent to each head with the two buttons;
    the heads' names."""
    report = askable(session, report_id=report_id, version=version, settings=settings)
    report.status, report.file_id = AWAITING, file_id
    report.requested_by_member_id, report.requested_at = actor.member_id, now
    session.add(report)
    subject, period = f"q{report.id}", f"v{report.version}"
    heads = secretariat_heads(session)
    for head in heads:
        lang = str(head.language)
        caption = text("quarterly.approval.request", lang, quarter=report.quarter,
                       year=report.year, name=actor.name)
        buttons = [[(label("quarterly.button.approve", lang),
                     encode(FEATURE, "ok", report.id, report.version)),
                    (label("quarterly.button.reject", lang),
                     encode(FEATURE, "no", report.id, report.version))]]
        enqueue(session, kind="quarterly.approval", subject=subject, period=period, now=now,
                member=head, document=file_id, text=caption)
        enqueue(session, kind="quarterly.decide", subject=subject, period=period, now=now,
                member=head, text=text("quarterly.approval.decide", lang), buttons=buttons)
    return [h.name for h in heads]


def _require_head(actor: Actor) -> None:
    if not any(m.role == Role.HEAD and m.unit_kind == UnitKind.SECRETARIAT
               for m in actor.memberships):
        raise PermissionDenied("quarterly.approval.not_head", action="approve_quarterly")


def _awaiting(session: Session, report_id: int, version: int) -> QuarterlyReport:
    report = _report(session, report_id, lock=True)
    if report.status != AWAITING or report.version != version:
        raise MinaError("quarterly.stale")
    return report


def approve(session: Session, *, report_id: int, version: int, actor: Actor, now: dt.datetime,
            settings: Settings) -> int:
    """The head approves: the document goes to every addressee; how many."""
    _require_head(actor)
    report = _awaiting(session, report_id, version)
    report.status, report.approved_by_member_id, report.sent_at = SENT, actor.member_id, now
    session.add(report)
    subject, period = f"q{report.id}", f"v{report.version}"
    rows = []
    for telegram_id in settings.quarterly_report_to:
        member = members_repo.get_by_telegram_id(session, telegram_id=telegram_id)
        lang = str(member.language) if member else settings.language
        rows.append(outbox_row(
            kind="quarterly.report", subject=subject, period=period, now=now,
            member=member, chat_id=None if member else telegram_id, document=report.file_id,
            text=text("quarterly.delivery.caption", lang, quarter=report.quarter,
                      year=report.year)))
    enqueue_rows(session, [r for r in rows if r is not None])
    _tell_requester(session, report, "quarterly.notify.approved", now, name=actor.name,
                    count=len(rows))
    return len(rows)


def reject(session: Session, *, report_id: int, version: int, actor: Actor,
           now: dt.datetime) -> QuarterlyReport:
    """The head returns it to the secretariat as a draft."""
    _require_head(actor)
    report = _awaiting(session, report_id, version)
    report.status, report.version = DRAFT, report.version + 1  # asked again: a new request
    session.add(report)
    _tell_requester(session, report, "quarterly.notify.rejected", now, name=actor.name)
    return report


def _tell_requester(session: Session, report: QuarterlyReport, key: str, now: dt.datetime,
                    **params: object) -> None:
    if report.requested_by_member_id is None:
        return
    member = members_repo.get_member(session, member_id=report.requested_by_member_id)
    if member is None:
        return
    enqueue(session, kind=key, subject=f"q{report.id}", period=f"v{report.version}", now=now,
            member=member, text=text(key, str(member.language), quarter=report.quarter,
                                     year=report.year, **params))
