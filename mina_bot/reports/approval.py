"""The committee's head and its weekly report: a copy of what the secretary sends, or, when the
unit asks for it, the head's approval before the report goes to the secretariat.

What counts for the deadline: the moment the secretary pressed «ارسال», provided the head
approves before the session begins (a report sent back counts from its next sending). Until the
head decides, the secretariat's table shows the unit as «در انتظار تأیید رئیس».
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.callbacks import encode
from mina_bot.catalog import name_in, text
from mina_bot.delivery.outbox import enqueue
from mina_bot.errors import StaleButton
from mina_bot.jalali import format_datetime
from mina_bot.organisation import audit
from mina_bot.permissions import Action, require
from mina_bot.reports.content import snapshot
from mina_bot.reports.render import report_html
from mina_bot.settings import Settings
from storage.models import Member, ReportStatus, Role, Unit, WeeklyReport
from storage.repositories import members as members_repo
from storage.repositories import reports as reports_repo
from storage.repositories import units as units_repo

if TYPE_CHECKING:
    from mina_bot.reports.submission import Receipt

FEATURE = "rap"
HEAD_COPY, APPROVAL, DECIDED = "report_head_copy", "report_approval", "report_decided"


def heads_of(session: Session, *, unit_id: int) -> list[Member]:
    """The unit's active heads with a Telegram account."""
    return [m for m in members_repo.unit_members(session, unit_id=unit_id, role=Role.HEAD)
            if m.telegram_id is not None]


def needs_head(session: Session, *, report: WeeklyReport, actor: Actor) -> bool:
    """Whether this sending waits for the head: the unit asks for it, the sender is not its
    head, and it has a head to ask (a unit without one is not held up)."""
    unit = units_repo.get_unit(session, unit_id=report.unit_id)
    return (unit.report_approval and Role.HEAD not in actor.roles_in(report.unit_id)
            and bool(heads_of(session, unit_id=report.unit_id)))


def switch_required(session: Session, *, unit_id: int, actor: Actor, now: dt.datetime) -> Unit:
    """Turn the unit's «head approves the report first» on or off (the secretariat), audited."""
    require(actor, Action.MANAGE_REPORTS)
    unit = units_repo.get_unit(session, unit_id=unit_id)
    if unit is None:
        raise StaleButton()
    before = {"report_approval": unit.report_approval}
    unit.report_approval = not unit.report_approval
    session.add(unit)
    session.flush()
    audit.record(session, actor=actor, at=now, action="unit.report_approval", entity="unit",
                 entity_id=unit.id, before=before, after={"report_approval": unit.report_approval})
    return unit


def stamp_of(report: WeeklyReport) -> int:
    """Which sending a button decides on (a button of an earlier one is stale)."""
    return report.approval_round


def ask_heads(session: Session, *, report: WeeklyReport, actor: Actor, now: dt.datetime,
              settings: Settings) -> int:
    """Hold the report for the head, and ask each head (approve / send back); how many."""
    report.status, report.current_step = ReportStatus.AWAITING_APPROVAL, None
    report.awaiting_since, report.awaiting_by_id = now, actor.member_id
    report.approval_round += 1
    reports_repo.save(session, report=report)
    content = snapshot(session, report=report)
    stamp = stamp_of(report)
    heads = heads_of(session, unit_id=report.unit_id)
    for head in heads:
        lang = head.language.value
        body = "\n\n".join([text("reports.approval.ask", lang, name=actor.name or "",
                                 when=format_datetime(now, settings.tz, lang)),
                            report_html(content, lang, settings.tz)])
        buttons = [[(text("reports.button.approve", lang),
                     encode(FEATURE, "ok", report.id, stamp)),
                    (text("reports.button.send_back", lang),
                     encode(FEATURE, "back", report.id, stamp))]]
        enqueue(session, kind=APPROVAL, subject=f"report-{report.id}", period=f"a{stamp}",
                now=now, text=body, member=head, buttons=buttons)
    return len(heads)


def copy_to_heads(session: Session, *, report: WeeklyReport, receipt: Receipt,
                  now: dt.datetime, settings: Settings) -> None:
    """A copy of what the secretary sent, to each head of the unit (no answer expected)."""
    latest = reports_repo.latest_submission(session, report_id=report.id)
    for head in heads_of(session, unit_id=report.unit_id):
        lang = head.language.value
        body = "\n\n".join([text("reports.head_copy.heading", lang, receipt=receipt.number),
                            report_html(latest.content, lang, settings.tz)])
        button = (text("reports.button.open", lang), encode("rpt", "open", report.id))
        enqueue(session, kind=HEAD_COPY, subject=f"report-{report.id}",
                period=f"v{receipt.version}", now=now, text=body, member=head,
                buttons=[[button]])


def tell_sender(session: Session, *, report: WeeklyReport, member_id: int, key: str,
                period: str, now: dt.datetime, **params: object) -> None:
    """Tell the secretary what the head decided (approved with its receipt, or sent back)."""
    member = members_repo.get_member(session, member_id=member_id)
    if member is None or not member.active:
        return
    lang = member.language.value
    unit = name_in(units_repo.get_unit(session, unit_id=report.unit_id), lang)
    enqueue(session, kind=DECIDED, subject=f"report-{report.id}", period=period, now=now,
            text=text(key, lang, unit=unit, **params), member=member)
