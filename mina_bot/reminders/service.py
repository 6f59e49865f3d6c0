"""Run the planner against the database: enqueue what is due, record what was dropped."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session, select

from mina_bot.delivery.outbox import dedupe_key, enqueue_rows, member_recipient, outbox_row
from mina_bot.reminders.planner import DROP, SEND, Reminder, decide, plan
from mina_bot.reminders.snapshot import holidays_around, load_snapshot
from mina_bot.reminders.texts import render
from mina_bot.reminders.window import SendingWindow
from mina_bot.sessions.attendance_view import rsvp_buttons
from mina_bot.settings import Settings
from storage.models import Member, OutboxState
from storage.repositories import conversations as conversations_repo
from storage.repositories import outbox as outbox_repo

log = logging.getLogger("mina.reminders")
# A catch-up pass over a week of reminders writes hundreds of thousands of rows at ten times the
# country: in batches, each committed, so its memory is a batch's and other writers get turns.
BATCH = 5000
LAST_PASS = "reminders:last_pass"  # when the last pass ran (committed with what it enqueued)


@dataclass
class PlannerRun:
    """What one planner pass did: rows enqueued, rows dropped, reminders left waiting."""

    enqueued: int = 0
    dropped: int = 0
    waiting: int = 0


def muted(member: Member, kind: str, settings: Settings) -> bool:
    """Whether a member turned this reminder kind off (mandatory kinds cannot be)."""
    return kind in (member.muted_reminders or []) and kind not in settings.mandatory_reminders


def _key(reminder: Reminder, member_id: int) -> str:
    return dedupe_key(reminder.occasion, member_recipient(member_id), reminder.subject,
                      reminder.period)


def run_planner(session: Session, *, now: dt.datetime, settings: Settings,
                full: bool = False) -> PlannerRun:
    """One pass: plan, decide, enqueue (idempotent: dedupe keys make a second pass a no-op).

    Incremental: everything with a moment up to the last pass in the sending window (the
    frontier) was sent or dropped then, so a pass plans only the moments after it; in quiet
    hours and on days off, only those since the last pass (they wait, or are dropped if already
    past use), and the frontier stays where it was. `full` plans the whole look-back again.
    """
    window = SendingWindow.from_settings(settings, holidays_around(session, now, settings))
    last, frontier = _last_pass(session)
    since = None
    if not full and last is not None and last <= now:
        since = last if not window.allows(now) else frontier if frontier and frontier <= now \
            else None
    snapshot = load_snapshot(session, now=now, settings=settings, since=since)
    result = PlannerRun()
    reminders = plan(snapshot, now, settings, since)
    decided = [(r, decide(r, now, window)) for r in reminders]
    due = [(r, verdict) for r, verdict in decided if verdict in (SEND, DROP)]
    result.waiting = len(decided) - len(due)
    new: Counter[tuple[Reminder, str]] = Counter()
    texts: dict[tuple[Reminder, str], str] = {}  # a session reminder reads alike for thousands
    pairs = ((r, verdict, m) for r, verdict in due for m in r.recipients)
    while batch := list(itertools.islice(pairs, BATCH)):
        _enqueue(session, batch, now=now, settings=settings, texts=texts, new=new)
        session.commit()  # others may write between batches; dedupe keys make a rerun safe
    for (reminder, verdict), count in new.items():
        if verdict == DROP:
            log.info("dropped reminder %s %s %s (due %s, useful until %s)", reminder.occasion,
                     reminder.subject, reminder.period, reminder.moment.isoformat(),
                     reminder.expires.isoformat())
            result.dropped += count
        else:
            result.enqueued += count
    if last is None or now > last:
        settled = now if window.allows(now) else frontier
        conversations_repo.put_state(session, key=LAST_PASS, name="reminders", state={
            "at": now.isoformat(), "settled": settled.isoformat() if settled else None})
    return result


def _enqueue(session: Session, batch: list[tuple[Reminder, str, int]], *, now: dt.datetime,
             settings: Settings, texts: dict, new: Counter) -> None:
    """Insert the rows of a batch of (reminder, verdict, member id) whose keys are new."""
    keys = [_key(r, m) for r, _, m in batch]
    done = outbox_repo.existing_keys(session, keys=keys)
    wanted = {m for (_, _, m), key in zip(batch, keys, strict=True) if key not in done}
    members = {m.id: m for m in session.exec(select(Member).where(Member.id.in_(wanted))).all()}
    rows: list[tuple[Reminder, str, dict]] = []
    for (reminder, verdict, member_id), key in zip(batch, keys, strict=True):
        member = members.get(member_id)
        if key in done or member is None or (verdict == SEND and muted(member, reminder.kind,
                                                                       settings)):
            continue
        state = OutboxState.PENDING if verdict == SEND else OutboxState.DROPPED
        lang = str(member.language)
        if (reminder, lang) not in texts:
            texts[reminder, lang] = render(reminder, lang, settings.tz)
        row = outbox_row(kind=reminder.occasion, subject=reminder.subject,
                         period=reminder.period, now=now, member=member, state=state,
                         text=texts[reminder, lang],
                         buttons=rsvp_buttons(reminder.occasion, reminder.subject, lang))
        if row is not None:
            rows.append((reminder, verdict, row))
    inserted = enqueue_rows(session, [row for *_, row in rows])
    for reminder, verdict, row in rows:
        if row["dedupe_key"] in inserted:
            inserted.discard(row["dedupe_key"])  # counted once, as one insert would be
            new[reminder, verdict] += 1


def _last_pass(session: Session) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the last pass ran, and the frontier: every moment up to it is settled."""
    row = conversations_repo.get_state(session, key=LAST_PASS)
    state = row.state if row else {}
    return tuple(dt.datetime.fromisoformat(state[k]) if state.get(k) else None  # type: ignore
                 for k in ("at", "settled"))
