"""The audit trail of organisation changes: who, what, when, before and after."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from mina_bot.actors import Actor
from storage.models import Invitation, Member, Membership, Unit, WorkingGroup
from storage.repositories import audit as audit_repo


def record(
    session: Session,
    *,
    actor: Actor | None,
    at: datetime,
    action: str,
    entity: str,
    entity_id: object,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Write one audit row; `actor` None means the organisation file loader."""
    audit_repo.add_entry(
        session,
        actor_member_id=actor.member_id if actor else None,
        actor_telegram_id=actor.telegram_id if actor else None,
        action=action, entity=entity, entity_id=str(entity_id), before=before, after=after, at=at,
    )  # fmt: skip


def snapshot(row: Unit | WorkingGroup | Member | Membership | Invitation) -> dict[str, Any]:
    """The row's business fields as JSON-friendly values (no bookkeeping timestamps)."""
    skip = {"created_at", "updated_at", "code_hash"}
    values: dict[str, Any] = {}
    for name, value in row.model_dump().items():
        if name in skip:
            continue
        values[name] = value.isoformat() if isinstance(value, datetime) else (
            value.value if hasattr(value, "value") else value
        )
    return values
