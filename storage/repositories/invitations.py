"""Queries on invitations and on the wrong codes counted against an account."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import AuthFailure, Invitation, Member, Role


def create_invitation(
    session: Session,
    *,
    code_hash: str,
    member_id: int,
    unit_id: int | None,
    role: Role | None,
    created_by_id: int | None,
    created_at: datetime,
    expires_at: datetime,
) -> Invitation:
    """Store an invitation (its code's hash only) and flush it."""
    invitation = Invitation(
        code_hash=code_hash, member_id=member_id, unit_id=unit_id, role=role,
        created_by_id=created_by_id, created_at=created_at, expires_at=expires_at,
    )  # fmt: skip
    session.add(invitation)
    session.flush()
    return invitation


def get_by_hash(session: Session, *, code_hash: str) -> Invitation | None:
    """The invitation whose code hashes to this, or None."""
    return session.exec(select(Invitation).where(Invitation.code_hash == code_hash)).first()


def get_invitation(session: Session, *, invitation_id: int) -> Invitation | None:
    """The invitation with this id, or None."""
    return session.get(Invitation, invitation_id)


def pending(session: Session, *, now: datetime) -> Sequence[tuple[Invitation, Member]]:
    """Unused, unrevoked, unexpired invitations with their members, oldest first."""
    query = (
        select(Invitation, Member)
        .join(Member, Member.id == Invitation.member_id)
        .where(
            Invitation.used_at.is_(None),
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > now,
        )
        .order_by(Invitation.id)
    )
    return session.exec(query).all()


def add_failure(session: Session, *, telegram_id: int, at: datetime) -> None:
    """Count one wrong code against an account."""
    session.add(AuthFailure(telegram_id=telegram_id, created_at=at))
    session.flush()


def recent_failures(session: Session, *, telegram_id: int, since: datetime) -> list[datetime]:
    """When an account sent wrong codes since a moment, oldest first."""
    query = (
        select(AuthFailure.created_at)
        .where(AuthFailure.telegram_id == telegram_id, AuthFailure.created_at >= since)
        .order_by(AuthFailure.created_at)
    )
    return list(session.exec(query).all())


def clear_failures(session: Session, *, telegram_id: int) -> None:
    """Forget an account's wrong codes (after it joined with a good one)."""
    session.execute(sa.delete(AuthFailure).where(AuthFailure.telegram_id == telegram_id))
