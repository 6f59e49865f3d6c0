"""Invitations: single-use, expiring, revocable codes (stored hashed) that bind an account."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import NotFound
from mina_bot.organisation import audit
from mina_bot.organisation.errors import OrganisationRefused
from mina_bot.organisation.limits import check_name
from mina_bot.pages import page_count
from mina_bot.persian import match_key, normalize
from mina_bot.platforms import platform_named
from storage.models import Invitation, Member, Role, Unit
from storage.repositories import invitations as invitations_repo
from storage.repositories import members as members_repo
from storage.repositories import units as units_repo

PENDING_PAGE = 20  # invitations on a page of /invites: 20 revoke buttons and lines
CODE_BYTES = 16  # 128 random bits: 22 URL-safe characters, well under the 64 of a start link


@dataclass(frozen=True)
class Throttle:
    """How many wrong codes an account may send in a window before it must wait."""

    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)
    cooldown: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class IssuedInvitation:
    """A new invitation: the code is shown once and never stored."""

    invitation_id: int
    member_id: int
    code: str
    expires_at: datetime
    unit_name: str


@dataclass(frozen=True)
class Redemption:
    """The outcome of `/start CODE`: the bound member, or why not (a catalog key)."""

    member: Member | None
    refusal: str | None = None
    params: dict[str, object] = field(default_factory=dict)


def new_code() -> str:
    """A random, URL-safe invitation code."""
    return secrets.token_urlsafe(CODE_BYTES)


def hash_code(code: str) -> str:
    """What is stored instead of the code (random codes need no slow hash)."""
    return hashlib.sha256(code.strip().encode()).hexdigest()


def invite_link(platform: str, bot_username: str, code: str) -> str:
    """The deep link that opens the bot with `/start CODE`."""
    return platform_named(platform).deep_link(bot_username, code)


def start_link_for(session: Session, *, member_id: int) -> str:
    """The name of an active member with an account, whom the bot's plain link reaches (their
    account is known: pressing Start is all they need); NotFound otherwise."""
    member = members_repo.get_member(session, member_id=member_id)
    if member is None or not member.active or member.telegram_id is None:
        raise NotFound()
    return member.name


def issue(session: Session, *, actor: Actor, name: str, unit_id: int, role: Role,
          now: datetime, ttl: timedelta) -> IssuedInvitation:
    """Invite a person into a unit with a role; an unbound member of that name is reused."""
    unit = units_repo.get_unit(session, unit_id=unit_id)
    if unit is None or not unit.active:
        raise NotFound()
    name = normalize(name)
    if not name:
        raise OrganisationRefused("invite.name.empty")
    check_name(name)
    member = next((m for m in members_repo.list_members(session)
                   if m.telegram_id is None and match_key(m.name) == match_key(name)), None)
    if member is None:
        member = members_repo.create_member(session, name=name)
        audit.record(session, actor=actor, at=now, action="member.create", entity="member",
                     entity_id=member.id, after=audit.snapshot(member))
    code = new_code()
    invitation = invitations_repo.create_invitation(
        session, code_hash=hash_code(code), member_id=member.id, unit_id=unit.id, role=role,
        created_by_id=actor.member_id, created_at=now, expires_at=now + ttl)
    audit.record(session, actor=actor, at=now, action="invitation.create", entity="invitation",
                 entity_id=invitation.id, after=audit.snapshot(invitation))
    return IssuedInvitation(invitation.id, member.id, code, invitation.expires_at, unit.name_fa)


def retry_at(session: Session, *, telegram_id: int, now: datetime,
             throttle: Throttle) -> datetime | None:
    """When an account that sent too many wrong codes may try again, or None if it may now."""
    failures = invitations_repo.recent_failures(session, telegram_id=telegram_id,
                                                since=now - throttle.window - throttle.cooldown)
    in_window = [f for f in failures if f >= failures[-1] - throttle.window] if failures else []
    if len(in_window) < throttle.max_failures:
        return None
    until = failures[-1] + throttle.cooldown
    return until if until > now else None


def redeem(session: Session, *, telegram_id: int, code: str, now: datetime,
           throttle: Throttle) -> Redemption:
    """Bind the account to the invited member, or say why not (wrong codes are counted)."""
    until = retry_at(session, telegram_id=telegram_id, now=now, throttle=throttle)
    if until is not None:
        return Redemption(None, "invite.code.slow", {"until": until})
    invitation = invitations_repo.get_by_hash(session, code_hash=hash_code(code))
    refusal = _refusal(invitation, telegram_id, now)
    if refusal == "":
        return Redemption(members_repo.get_member(session, member_id=invitation.member_id))
    if refusal is not None:
        invitations_repo.add_failure(session, telegram_id=telegram_id, at=now)
        return Redemption(None, refusal)
    member = members_repo.get_member(session, member_id=invitation.member_id)
    holder = members_repo.get_by_telegram_id(session, telegram_id=telegram_id)
    if holder is not None and holder.id != member.id:
        if holder.active:
            return Redemption(None, "invite.code.bound_elsewhere")
        _update(session, holder, {"telegram_id": None}, now)
        session.flush()
    _update(session, member, {"telegram_id": telegram_id, "active": True,
                              "deactivated_at": None}, now)
    if invitation.unit_id is not None and invitation.role is not None:
        _seat(session, member.id, invitation.unit_id, Role(invitation.role), now)
    before = audit.snapshot(invitation)
    invitation.used_at, invitation.used_by_telegram_id = now, telegram_id
    session.add(invitation)
    invitations_repo.clear_failures(session, telegram_id=telegram_id)
    audit.record(session, actor=Actor(telegram_id=telegram_id, member_id=member.id), at=now,
                 action="invitation.redeem", entity="invitation", entity_id=invitation.id,
                 before=before, after=audit.snapshot(invitation))
    return Redemption(member)


def _refusal(invitation: Invitation | None, telegram_id: int, now: datetime) -> str | None:
    """Why a code cannot be used ("" when it was already used by this very account)."""
    if invitation is None:
        return "invite.code.wrong"
    if invitation.revoked_at is not None:
        return "invite.code.revoked"
    if invitation.used_at is not None:
        return "" if invitation.used_by_telegram_id == telegram_id else "invite.code.used"
    if invitation.expires_at <= now:
        return "invite.code.expired"
    return None


def _update(session: Session, member: Member, wanted: dict, now: datetime) -> None:
    changed = {k: v for k, v in wanted.items() if getattr(member, k) != v}
    if changed:
        before = audit.snapshot(member)
        for name, value in changed.items():
            setattr(member, name, value)
        session.add(member)
        audit.record(session, actor=None, at=now, action="member.bind", entity="member",
                     entity_id=member.id, before=before, after=audit.snapshot(member))


def _seat(session: Session, member_id: int, unit_id: int, role: Role, now: datetime) -> None:
    seat = members_repo.find_membership(session, member_id=member_id, unit_id=unit_id, role=role)
    if seat is None:
        seat = members_repo.add_membership(session, member_id=member_id, unit_id=unit_id,
                                           role=role)
    elif not seat.active:
        seat.active, seat.ended_at = True, None
        session.add(seat)
    else:
        return
    audit.record(session, actor=None, at=now, action="membership.create", entity="membership",
                 entity_id=seat.id, after=audit.snapshot(seat))


def pending(session: Session, *, now: datetime, page: int = 0, size: int = PENDING_PAGE
            ) -> tuple[int, int, list[tuple[Invitation, Member, Unit | None]]]:
    """A page (clamped) of the invitations still waiting to be used, with the invited member
    and the unit they join: how many in all, the page, its rows."""
    found = invitations_repo.pending(session, now=now)
    page = min(max(page, 0), page_count(len(found), size) - 1)
    return len(found), page, [
        (invitation, member, units_repo.get_unit(session, unit_id=invitation.unit_id or 0))
        for invitation, member in found[page * size:(page + 1) * size]]


def revoke(session: Session, *, actor: Actor, invitation_id: int, now: datetime) -> Member:
    """Revoke a pending invitation so its code no longer works; the member it invited."""
    invitation = invitations_repo.get_invitation(session, invitation_id=invitation_id)
    if invitation is None:
        raise NotFound()
    if invitation.used_at or invitation.revoked_at or invitation.expires_at <= now:
        raise OrganisationRefused("invite.revoke.not_pending")
    before = audit.snapshot(invitation)
    invitation.revoked_at = now
    session.add(invitation)
    audit.record(session, actor=actor, at=now, action="invitation.revoke", entity="invitation",
                 entity_id=invitation.id, before=before, after=audit.snapshot(invitation))
    return members_repo.get_member(session, member_id=invitation.member_id)
