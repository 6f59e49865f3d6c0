"""The session pack pushed the evening before to every council member with a «خواندم» button;
who has read it; the session-day nudge to those who have not."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from typing import Any

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.callbacks import encode
from mina_bot.catalog import label, text
from mina_bot.delivery.outbox import (
    enqueue_rows,
    never_started,
    outbox_row,
    tell_secretariat_unreachable,
)
from mina_bot.errors import MinaError
from mina_bot.jalali import format_datetime
from mina_bot.sessions.attendance import council_members
from mina_bot.settings import Settings
from mina_bot.workers import worker_runtime
from storage.models import CouncilSession, Member
from storage.repositories import outbox as outbox_repo
from storage.repositories import pack_reads as reads_repo
from storage.repositories import reports as reports_repo
from storage.repositories import sessions as sessions_repo

FEATURE = "pk"
CHUNK = 4000  # outbox rows built and inserted together


def _local(council: CouncilSession, settings: Settings) -> dt.datetime:
    return council.starts_at.astimezone(settings.tz)


def due_push(session: Session, *, now: dt.datetime, settings: Settings
             ) -> CouncilSession | None:
    """The coming session whose pack is due (the day before, at pack_push_time) and not sent."""
    if settings.pack_push_time is None:
        return None
    council = sessions_repo.first_starting_at_or_after(session, moment=now)
    if council is None or str(council.status) == "cancelled":
        return None
    day_before = _local(council, settings).date() - dt.timedelta(days=1)
    moment = dt.datetime.combine(day_before, settings.pack_push_time, tzinfo=settings.tz)
    if now < moment or reads_repo.pushed(session, session_id=council.id):
        return None
    return council


def keepers(session: Session) -> list[Member]:
    """The secretariat members whose chat can hold the pushed document first, in order of
    trying: not those the bot cannot reach (they come back when they write to it)."""
    return [m for m in reports_repo.secretariat_members(session) if m.unreachable_since is None]


def keeper_unreachable(session: Session, *, keeper: Member, error: str,
                       now: dt.datetime) -> None:
    """A keeper's chat refused the document: marked unreachable, and the secretariat told, as
    the outbox does when its own sends are refused."""
    member = outbox_repo.mark_unreachable(session, chat_id=keeper.telegram_id, now=now)
    if member is not None:
        tell_secretariat_unreachable(session, member_name=member.name, member_id=member.id,
                                     since=now, never_started=never_started(error))


def _read_button(council: CouncilSession, lang: str) -> list[list[tuple[str, str]]]:
    return [[(label("pack.button.read", lang), encode(FEATURE, "read", council.id))]]


def push(session: Session, *, council: CouncilSession, file_id: str, now: dt.datetime) -> int:
    """The pack (a stored document) and its «خواندم» button to every council member; how
    many."""
    members = list(council_members(session))
    subject, period = f"s{council.id}", "eve"
    _enqueue_all(session, (row for member in members for row in (
        outbox_row(kind="pack.push", subject=subject, period=period, now=now, member=member,
                   document=file_id, text=text("pack.push.caption", str(member.language),
                                               number=council.number)),
        outbox_row(kind="pack.read", subject=subject, period=period, now=now, member=member,
                   text=text("pack.push.ask", str(member.language), number=council.number),
                   buttons=_read_button(council, str(member.language))))))
    reads_repo.add_sent(session, session_id=council.id,
                        member_ids=[m.id for m in members if m.telegram_id is not None], now=now)
    return len(members)


def push_in_worker(settings: Settings, *, council_id: int, file_id: str,
                   now: dt.datetime) -> int:
    """push() in a worker process (`Workers.run`), in one transaction: for every member of
    the council it is seconds of Python the bot's event loop must not do."""
    return _in_worker(settings, council_id, lambda session, council: push(
        session, council=council, file_id=file_id, now=now))


def _in_worker(settings: Settings, council_id: int,
               work: Callable[[Session, CouncilSession], int]) -> int:
    with worker_runtime(settings).session() as session:
        council = session.get(CouncilSession, council_id)
        return 0 if council is None else work(session, council)


def _enqueue_all(session: Session, rows: Iterable[dict[str, Any] | None]) -> int:
    """Insert outbox rows CHUNK at a time (tens of thousands at ten times the country: only a
    chunk in memory); how many were new."""
    rows, added = iter(rows), 0
    while chunk := list(itertools.islice(rows, CHUNK)):
        added += len(enqueue_rows(session, [r for r in chunk if r is not None]))
    return added


def read(session: Session, *, session_id: int, actor: Actor, now: dt.datetime) -> None:
    """«خواندم» pressed."""
    if actor.member_id is None or not reads_repo.mark_read(
            session, session_id=session_id, member_id=actor.member_id, now=now):
        raise MinaError("pack.read.not_yours")


def due_nudge(session: Session, *, now: dt.datetime, settings: Settings
              ) -> CouncilSession | None:
    """Today's session, once the session-day reminder's time has come, if its pack went out."""
    council = sessions_repo.first_starting_at_or_after(session, moment=now)
    if council is None:
        return None
    local = _local(council, settings)
    moment = dt.datetime.combine(local.date(), settings.session_day_reminder_time,
                                 tzinfo=settings.tz)
    if not moment <= now < council.starts_at:
        return None
    return council if reads_repo.pushed(session, session_id=council.id) else None


def nudge(session: Session, *, council: CouncilSession, now: dt.datetime) -> int:
    """Remind those who have not read the pack (once per session: the outbox's key); how many
    were new."""
    return _enqueue_all(session, (
        outbox_row(kind="pack.nudge", subject=f"s{council.id}", period="day", now=now,
                   member=member, buttons=_read_button(council, str(member.language)),
                   text=text("pack.nudge", str(member.language), number=council.number))
        for member in reads_repo.unread(session, session_id=council.id)))


def nudge_in_worker(settings: Settings, *, council_id: int, now: dt.datetime) -> int:
    """nudge() in a worker process, as push_in_worker()."""
    return _in_worker(settings, council_id,
                      lambda session, council: nudge(session, council=council, now=now))


def readers(session: Session, *, session_id: int, tz: dt.tzinfo, lang: str) -> str:
    """Who has read the pack and when, and who has not."""
    rows = reads_repo.of_session(session, session_id=session_id)
    if not rows:
        return text("pack.readers.none", lang)
    lines = [text("pack.readers.head", lang, read=sum(1 for _, r in rows if r),
                  total=len(rows))]
    lines += [text("pack.readers.read", lang, name=m.name, when=format_datetime(r, tz, lang))
              if r else text("pack.readers.unread", lang, name=m.name) for m, r in rows]
    return "\n".join(lines)
