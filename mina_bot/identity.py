"""Turning a messenger account into an Actor, and keeping administrators on record."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from sqlalchemy import Connection
from sqlmodel import Session

from mina_bot.actors import Actor, Role, UnitRole
from mina_bot.runtime import Runtime
from storage.repositories import members as members_repo


def load_actor(
    db: Session | Connection, *, telegram_id: int, admin_ids: Iterable[int],
    fallback_language: str = "fa"
) -> Actor:
    """The actor for a Telegram account: its member record and memberships, if any (`db`: a
    session, or a bare connection)."""
    is_admin_by_setting = telegram_id in set(admin_ids)
    rows = members_repo.identity_rows(db, telegram_id=telegram_id)
    if not rows or not (rows[0][4] or is_admin_by_setting):  # no member, or an inactive one
        return Actor(telegram_id=telegram_id, language=fallback_language,
                     is_admin=is_admin_by_setting)
    member_id, name, language, is_admin, active, unreachable_since = rows[0][:6]
    # A configured administrator deactivated in the roster keeps the record their actions are
    # signed with (the setting, not the roster, makes them administrator), but no seat.
    memberships = tuple(_seat(unit_id, key, unit_name, role, str(kind), name_en)
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


@functools.lru_cache(maxsize=4096)
def _seat(unit_id: int, key: str, name: str, role: str, kind: str, name_en: str) -> UnitRole:
    # One object per seat, shared by every member who holds it: 5,000 kept actors had each
    # their own copy of their units' names (README, Benchmarks). UnitRole is frozen.
    return UnitRole(unit_id=unit_id, unit_key=key, unit_name=name, role=Role(role),
                    unit_kind=kind, unit_name_en=name_en)


def actor_for(runtime: Runtime, *, telegram_id: int) -> Actor:
    """load_actor through the runtime's read cache: read again once the roster changes."""

    def load() -> Actor:
        with runtime.reading_connection() as connection:
            return load_actor(connection, telegram_id=telegram_id,
                              admin_ids=runtime.settings.admin_ids,
                              fallback_language=runtime.settings.language)

    return runtime.reads.fetch(("actor", telegram_id), ("roster",), load)


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
