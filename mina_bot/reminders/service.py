"""Run the planner against the database: enqueue what is due, record what was dropped."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlmodel import Session, select

from mina_bot.delivery.outbox import enqueue
from mina_bot.reminders.planner import DROP, SEND, decide, plan
from mina_bot.reminders.snapshot import load_snapshot
from mina_bot.reminders.texts import render
from mina_bot.reminders.window import SendingWindow
from mina_bot.settings import Settings
from storage.models import Member, OutboxState

log = logging.getLogger("mina.reminders")


@dataclass
class PlannerRun:
    """What one planner pass did: rows enqueued, rows dropped, reminders left waiting."""

    enqueued: int = 0
    dropped: int = 0
    waiting: int = 0


def muted(member: Member, kind: str, settings: Settings) -> bool:
    """Whether a member turned this reminder kind off (mandatory kinds cannot be)."""
    return kind in (member.muted_reminders or []) and kind not in settings.mandatory_reminders


def run_planner(session: Session, *, now: dt.datetime, settings: Settings) -> PlannerRun:
    """One pass: plan, decide, enqueue (idempotent: dedupe keys make a second pass a no-op)."""
    snapshot = load_snapshot(session, now=now, settings=settings)
    window = SendingWindow.from_settings(settings, snapshot.holidays)
    result = PlannerRun()
    reminders = plan(snapshot, now, settings)
    wanted = {m for r in reminders for m in r.recipients}
    members = {m.id: m for m in session.exec(select(Member).where(Member.id.in_(wanted))).all()}
    for reminder in reminders:
        verdict = decide(reminder, now, window)
        if verdict not in (SEND, DROP):
            result.waiting += 1
            continue
        new = 0
        for member_id in reminder.recipients:
            member = members.get(member_id)
            if member is None or (verdict == SEND and muted(member, reminder.kind, settings)):
                continue
            state = OutboxState.PENDING if verdict == SEND else OutboxState.DROPPED
            added = enqueue(session, kind=reminder.occasion, subject=reminder.subject,
                            period=reminder.period, now=now, member=member, state=state,
                            text=render(reminder, str(member.language), settings.tz))
            new += added is not None
        if verdict == DROP and new:
            log.info("dropped reminder %s %s %s (due %s, useful until %s)", reminder.occasion,
                     reminder.subject, reminder.period, reminder.moment.isoformat(),
                     reminder.expires.isoformat())
            result.dropped += new
        elif verdict == SEND:
            result.enqueued += new
    return result
