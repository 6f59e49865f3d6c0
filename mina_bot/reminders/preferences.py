"""A member's own reminder choices: kinds turned off (mandatory kinds stay on), one message a day
at the digest time instead of separate moments, and sending hours kept or narrowed (never wider
than the organisation's)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, NotFound, StaleButton
from mina_bot.reminders.planner import KINDS
from mina_bot.settings import Settings
from storage.models import Member, Role
from storage.repositories import members as members_repo

SHIFTS = (0, 1, 2, 3)  # hours the day's first moment may start later, or its last end earlier
EDGES = ("from", "until")


class MandatoryReminder(MinaError):
    """The secretariat made this reminder kind mandatory."""

    text_key = "reminders.mandatory"


def concerning(actor: Actor) -> tuple[str, ...]:
    """The kinds that reach this person: sessions for everyone; reports and resolutions for a
    unit's head or secretary; the weekly digest for the secretariat (administrators see all)."""
    if actor.is_secretariat or actor.is_admin:
        return KINDS
    officer = bool(actor.units_with(Role.HEAD, Role.SECRETARY))
    return tuple(k for k in KINDS if k == "session" or (officer and k in ("report",
                                                                         "resolution")))


def _member(session: Session, member_id: int) -> Member:
    member = members_repo.get_member(session, member_id=member_id)
    if member is None:
        raise NotFound()
    return member


def switches(session: Session, *, member_id: int, settings: Settings,
             kinds: tuple[str, ...] = KINDS) -> list[tuple[str, str]]:
    """(kind, on|off|mandatory) for each of `kinds`."""
    muted = set(_member(session, member_id).muted_reminders or [])
    return [(kind, "mandatory" if kind in settings.mandatory_reminders
             else "off" if kind in muted else "on") for kind in kinds]


def toggle(session: Session, *, member_id: int, kind: str, settings: Settings,
           kinds: tuple[str, ...] = KINDS) -> bool:
    """Turn a kind off (or back on); returns whether it is now muted."""
    if kind not in kinds:
        raise StaleButton()
    if kind in settings.mandatory_reminders:
        raise MandatoryReminder()
    member = _member(session, member_id)
    muted = set(member.muted_reminders or []) ^ {kind}
    member.muted_reminders = sorted(muted)  # a new list: JSON columns are not mutated in place
    session.add(member)
    return kind in muted


def _clock(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def narrowable(settings: Settings) -> bool:
    """Whether the organisation's sending hours are one daytime span a member may narrow."""
    return settings.reminder_quiet_end < settings.reminder_quiet_start


def hours(member: Member, settings: Settings) -> tuple[dt.time, dt.time]:
    """The member's sending hours [from, until): the organisation's, or narrower."""
    prefs = member.reminder_prefs or {}
    start, end = settings.reminder_quiet_end, settings.reminder_quiet_start
    if not narrowable(settings):
        return start, end
    own_start = _clock(prefs.get("from", start.isoformat("minutes")))
    own_end = _clock(prefs.get("until", end.isoformat("minutes")))
    if start <= own_start < own_end <= end:  # a stored value out of today's span is ignored
        return own_start, own_end
    return start, end


def digest(member: Member) -> bool:
    """Whether the member takes one message a day, at the digest time."""
    return bool((member.reminder_prefs or {}).get("digest"))


def may_send(member: Member, local: dt.datetime, settings: Settings, *, sent_today: int,
             expires: dt.datetime) -> bool:
    """Whether this member's waiting items may go out now: in their hours; on the daily digest,
    at the digest time, or before it when one item (`expires`: the first expiry) would be of no
    use by then, and once a day."""
    start, end = hours(member, settings)
    if narrowable(settings) and not start <= local.time() < end:
        return False
    if not digest(member):
        return True
    at = dt.datetime.combine(local.date(), settings.digest_time, tzinfo=local.tzinfo)
    return sent_today == 0 and (local >= at or expires <= at)


def toggle_digest(session: Session, *, member_id: int) -> bool:
    """One message a day (or separate moments again); returns whether the digest is on."""
    member = _member(session, member_id)
    prefs = dict(member.reminder_prefs or {})
    prefs["digest"] = not prefs.get("digest", False)
    member.reminder_prefs = prefs
    session.add(member)
    return prefs["digest"]


def shift(session: Session, *, member_id: int, edge: str, settings: Settings) -> dt.time:
    """Move the day's first moment (`from`) an hour later or its last (`until`) an hour earlier,
    back to the organisation's after three hours; the new value."""
    if edge not in EDGES or not narrowable(settings):
        raise StaleButton()
    member = _member(session, member_id)
    base = settings.reminder_quiet_end if edge == "from" else settings.reminder_quiet_start
    current = hours(member, settings)[EDGES.index(edge)]
    sign = 1 if edge == "from" else -1
    moved = (dt.datetime.combine(dt.date.min, current) - dt.datetime.combine(dt.date.min, base))
    step = (abs(int(moved.total_seconds() // 3600)) + 1) % len(SHIFTS)
    wanted = (dt.datetime.combine(dt.date(2000, 1, 1), base)
              + dt.timedelta(hours=sign * SHIFTS[step])).time()
    prefs = dict(member.reminder_prefs or {}) | {edge: wanted.isoformat("minutes")}
    start, end = _clock(prefs.get("from", "00:00")), _clock(prefs.get("until", "23:59"))
    if not start < end:  # would leave no hour at all: back to the organisation's
        prefs[edge] = base.isoformat("minutes")
    member.reminder_prefs = prefs
    session.add(member)
    return hours(member, settings)[EDGES.index(edge)]


def overview(session: Session, *, member_id: int, settings: Settings,
             kinds: tuple[str, ...]) -> tuple[list[tuple[str, str]], bool, dt.time, dt.time]:
    """What /settings shows: the switches of `kinds`, the digest choice and the hours."""
    member = _member(session, member_id)
    return (switches(session, member_id=member_id, settings=settings, kinds=kinds),
            digest(member), *hours(member, settings))
