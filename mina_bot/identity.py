"""Turning a messenger account into an Actor, and keeping administrators on record."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session

from mina_bot.actors import Actor, UnitRole
from mina_bot.catalog import LANGUAGES
from mina_bot.runtime import Runtime
from storage.models import Role
from storage.repositories import members as members_repo


def load_actor(
    db: Session, *, telegram_id: int, admin_ids: Iterable[int],
    fallback_language: str = "fa"
) -> Actor:
    """The actor for a Telegram account: its member record and memberships, if any."""
    is_admin_by_setting = telegram_id in set(admin_ids)
    rows = members_repo.identity_rows(db, telegram_id=telegram_id)
    if not rows or not (rows[0][4] or is_admin_by_setting):  # no member, or an inactive one
        return Actor(telegram_id=telegram_id, language=fallback_language,
                     is_admin=is_admin_by_setting)
    member_id, name, language, is_admin, active, unreachable_since = rows[0][:6]
    # A configured administrator deactivated in the roster keeps the record their actions are
    # signed with (the setting, not the roster, makes them administrator), but no seat.
    memberships = tuple(UnitRole(unit_id=unit_id, unit_key=key, unit_name=unit_name,
                                 role=Role(role), unit_kind=str(kind), unit_name_en=name_en)
                        for *_, unit_id, key, unit_name, role, kind, name_en in rows
                        if unit_id is not None and active)
    return Actor(
        telegram_id=telegram_id,
        member_id=member_id,
        name=name,
        language=language or fallback_language,
        is_admin=is_admin or is_admin_by_setting,
        memberships=memberships,
        unreachable=unreachable_since is not None,
    )


def actor_for(runtime: Runtime, *, telegram_id: int, client_language: str | None = None) -> Actor:
    """The actor for a Telegram account as the database has it now; someone with no member
    record reads their client's language when Mina speaks it, else the organisation's."""
    fallback = runtime.settings.language
    if client_language:
        code = client_language.split("-")[0].lower()
        fallback = code if code in LANGUAGES else fallback
    with runtime.session() as session:
        return load_actor(session, telegram_id=telegram_id, admin_ids=runtime.settings.admin_ids,
                          fallback_language=fallback)


def ensure_admins(session: Session, *, admin_ids: Iterable[int]) -> int:
    """Create member records for configured administrators; returns how many were created."""
    created = 0
    for telegram_id in admin_ids:
        member = members_repo.get_by_telegram_id(session, telegram_id=telegram_id)
        if member is None:
            members_repo.create_member(
                session, name=f"Admin {telegram_id}", telegram_id=telegram_id, is_admin=True
            )
            created += 1
        elif not member.is_admin:
            member.is_admin = True
            session.add(member)
    return created
