"""Run the planner against the database: enqueue what is due, record what was dropped."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from dataclasses import dataclass

from sqlmodel import Session, select

from mina_bot.delivery.outbox import dedupe_key, member_recipient, outbox_row
from mina_bot.reminders.planner import DROP, SEND, Reminder, decide, plan
from mina_bot.reminders.preferences import may_send
from mina_bot.reminders.snapshot import holidays_around, load_snapshot
from mina_bot.reminders.texts import render
from mina_bot.reminders.window import SendingWindow
from mina_bot.settings import Settings
from storage.models import Member
from storage.models.base import bookkeeping_time
from storage.repositories import conversations as conversations_repo
from storage.repositories import outbox as outbox_repo
from storage.repositories import reminder_items as items_repo

log = logging.getLogger("mina.reminders")
# A catch-up pass over a week of reminders writes hundreds of thousands of rows at ten times the
# country: in batches, each committed, so its memory is a batch's and other writers get turns.
BATCH = 5000
COMPOSE_BATCH = 1000  # members whose messages are composed and committed together
LAST_PASS = "reminders:last_pass"  # when the last pass ran (committed with what it enqueued)
MESSAGE, SESSION_MESSAGE = "reminders", "reminders.session"  # outbox kinds: one per moment


@dataclass
class PlannerRun:
    """What one planner pass did: messages enqueued, items dropped, reminders left waiting."""

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
    """One pass: plan, decide, record each reminder to each member once (an item), then put
    each member's items into one message (idempotent: a second pass adds nothing).

    Incremental: everything with a moment up to the last pass in the sending window (the
    frontier) was recorded or dropped then, so a pass plans only the moments after it; in quiet
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
    texts: dict[tuple[Reminder, str], str] = {}  # a digest reads alike for every reader
    pairs = ((r, verdict, m) for r, verdict in due for m in r.recipients)
    while batch := list(itertools.islice(pairs, BATCH)):
        result.dropped += _record(session, batch, settings=settings, texts=texts)
        session.commit()  # others may write between batches; unique keys make a rerun safe
    if window.allows(now):
        result.enqueued = compose_messages(session, now=now, settings=settings)
    if last is None or now > last:
        settled = now if window.allows(now) else frontier
        conversations_repo.put_state(session, key=LAST_PASS, name="reminders", state={
            "at": now.isoformat(), "settled": settled.isoformat() if settled else None})
    return result


def _details(reminder: Reminder, settings: Settings, texts: dict) -> dict:
    """What the item needs when its message is worded: ids, read again then."""
    p = reminder.params
    if reminder.kind == "resolution":
        return {"resolution": p["resolution"].id}
    if reminder.kind == "digest":
        for lang in ("fa", "en"):
            if (reminder, lang) not in texts:
                texts[reminder, lang] = render(reminder, lang, settings.tz)
        return {"text": {lang: texts[reminder, lang] for lang in ("fa", "en")}}
    if reminder.occasion == "report.missing":
        return {"session": p["session"].id, "units": [u.id for u in p["units"]]}
    if reminder.kind == "report":
        return {"session": p["session"].id, "unit": p["unit"].id}
    return {"session": p["session"].id}


def _record(session: Session, batch: list[tuple[Reminder, str, int]], *,
            settings: Settings, texts: dict) -> int:
    """Record the new (reminder, member) items of a batch: queued to send, or dropped (past
    use); a muted kind is not recorded. How many were dropped."""
    keys = [_key(r, m) for r, _, m in batch]
    done = items_repo.existing_keys(session, keys=keys)
    wanted = {m for (_, _, m), key in zip(batch, keys, strict=True) if key not in done}
    members = {m.id: m for m in session.exec(select(Member).where(Member.id.in_(wanted))).all()}
    rows = []
    for (reminder, verdict, member_id), key in zip(batch, keys, strict=True):
        member = members.get(member_id)
        if key in done or member is None or (verdict == SEND and muted(member, reminder.kind,
                                                                       settings)):
            continue
        done.add(key)
        rows.append({"key": key, "member_id": member_id, "kind": reminder.kind,
                     "occasion": reminder.occasion, "subject": reminder.subject,
                     "period": reminder.period, "moment": reminder.moment,
                     "expires": reminder.expires, "details": _details(reminder, settings, texts),
                     "state": items_repo.QUEUED if verdict == SEND else items_repo.DROPPED,
                     "outbox_id": None, "created_at": bookkeeping_time()})
    items_repo.insert_new(session, rows=rows)
    return sum(1 for row in rows if row["state"] == items_repo.DROPPED)


def compose_messages(session: Session, *, now: dt.datetime, settings: Settings) -> int:
    """Put each member's queued items into one outbox row, worded when it is sent; a member who
    had their daily cap of messages (a session's do not count) keeps them for the next day, one
    outside their own hours or waiting for their daily digest until then. How many rows were
    added; committed COMPOSE_BATCH members at a time, so a pass stopped midway keeps its work."""
    waiting = items_repo.members_waiting(session)
    added = 0
    for start in range(0, len(waiting), COMPOSE_BATCH):
        added += _compose(session, waiting[start:start + COMPOSE_BATCH], now=now,
                          settings=settings)
        session.commit()
    return added


def _compose(session: Session, member_ids: list[int], *, now: dt.datetime,
             settings: Settings) -> int:
    """compose_messages() for some members: how many outbox rows were added."""
    queued = items_repo.queued(session, member_ids=member_ids)
    local = now.astimezone(settings.tz)
    start = dt.datetime.combine(local.date(), dt.time(), settings.tz)
    end = start + dt.timedelta(days=1)
    # Said today already (held ones went at 08:00, the next of their series came at 09:00):
    # not again the same day.
    told = items_repo.told_between(session, member_ids=member_ids, start=start, end=end)
    moves: list[tuple[int, str, int | None]] = []
    by_member: dict[int, list] = {}
    for item in queued:
        if item.expires <= now or (item.member_id, item.subject) in told:
            moves.append((item.id, items_repo.DROPPED, None))
        else:
            by_member.setdefault(item.member_id, []).append(item)
    sent_today = items_repo.moments_between(session, member_ids=by_member, kind=MESSAGE,
                                            start=start, end=end)
    members = {m.id: m for m in session.exec(select(Member).where(
        Member.id.in_(list(by_member)))).all()} if by_member else {}
    rows, carried = [], {}
    for member_id, items in by_member.items():
        member = members.get(member_id)
        ids = [i.id for i in items]
        session_day = any(i.kind == "session" for i in items)
        if not session_day and sent_today.get(member_id, 0) >= settings.reminder_daily_cap:
            continue  # over the cap: they wait for tomorrow's first moment
        if not session_day and member is not None and not may_send(
                member, local, settings, sent_today=sent_today.get(member_id, 0),
                expires=min(i.expires for i in items)):
            continue  # outside their own hours, or they take one message at the digest time
        row = None if member is None else outbox_row(
            kind=SESSION_MESSAGE if session_day else MESSAGE, subject="items",
            period=f"{now:%Y%m%dT%H%M}-{ids[0]}", now=now, member=member, reminder=True)
        if row is None:  # no account: nobody to send them to
            moves += [(i, items_repo.DROPPED, None) for i in ids]
            continue
        rows.append(row)
        carried[row["dedupe_key"]] = ids
    inserted = outbox_repo.insert_new(session, rows=rows)
    moves += [(i, items_repo.COMPOSED, outbox_id) for key, outbox_id in inserted.items()
              for i in carried[key]]
    items_repo.move(session, moves=moves)
    return len(inserted)


def _last_pass(session: Session) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the last pass ran, and the frontier: every moment up to it is settled."""
    row = conversations_repo.get_state(session, key=LAST_PASS)
    state = row.state if row else {}
    return tuple(dt.datetime.fromisoformat(state[k]) if state.get(k) else None  # type: ignore
                 for k in ("at", "settled"))
