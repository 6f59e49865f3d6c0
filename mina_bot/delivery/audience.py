"""Who a broadcast goes to: everyone, chosen units, chosen roles (or units and roles)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from mina_bot.errors import MinaError
from storage.models import Member, Role
from storage.repositories import audience as audience_repo

ROLES = (Role.HEAD.value, Role.SECRETARY.value, Role.MEMBER.value)


class BadAudience(MinaError):
    """The audience names nobody, or is not a valid audience at all."""

    text_key = "broadcast.bad_audience"


@dataclass(frozen=True)
class Audience:
    """Everyone, or members holding a seat in the chosen units and/or roles."""

    everyone: bool = False
    unit_ids: tuple[int, ...] = ()
    roles: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Any) -> Audience:
        """Parse the stored form strictly; anything odd is BadAudience."""
        if data in (None, {}):
            return cls()
        if not isinstance(data, dict) or set(data) - {"everyone", "unit_ids", "roles"}:
            raise BadAudience()
        everyone, units, roles = (data.get("everyone", False), data.get("unit_ids", []),
                                  data.get("roles", []))
        if (not isinstance(everyone, bool) or not isinstance(units, list)
                or not isinstance(roles, list)
                or not all(isinstance(u, int) and not isinstance(u, bool) for u in units)
                or not all(r in ROLES for r in roles)):
            raise BadAudience()
        return cls(everyone, tuple(sorted(set(units))), tuple(r for r in ROLES if r in roles))

    def to_json(self) -> dict[str, Any]:
        """The stored form."""
        return {"everyone": self.everyone, "unit_ids": list(self.unit_ids),
                "roles": list(self.roles)}

    @property
    def is_empty(self) -> bool:
        """Nobody chosen yet."""
        return not (self.everyone or self.unit_ids or self.roles)

    def with_everyone(self) -> Audience:
        """Everyone (clears the other choices); pressing it again clears it."""
        return Audience() if self.everyone else Audience(everyone=True)

    def toggle_unit(self, unit_id: int) -> Audience:
        """Add or remove a unit."""
        units = set(self.unit_ids) ^ {unit_id}
        return Audience(False, tuple(sorted(units)), self.roles)

    def toggle_role(self, role: str) -> Audience:
        """Add or remove a role."""
        if role not in ROLES:
            raise BadAudience()
        roles = set(self.roles) ^ {role}
        return Audience(False, self.unit_ids, tuple(r for r in ROLES if r in roles))


def recipients(session: Session, audience: Audience) -> Sequence[Member]:
    """The members an audience names (with a Telegram account), by name."""
    if _checked(session, audience).everyone:
        return audience_repo.reachable_members(session)
    return audience_repo.members_holding(session, **_filters(audience))


def recipient_count(session: Session, audience: Audience) -> int:
    """How many `recipients` there are, counted by the database (5,000 rows are not loaded for
    a number)."""
    _checked(session, audience)
    return audience_repo.count_reachable(session, **_filters(audience))


def _checked(session: Session, audience: Audience) -> Audience:
    """The audience, if it names someone and only units that exist (else BadAudience)."""
    if audience.is_empty:
        raise BadAudience()
    if not audience.everyone:
        known = {u.id for u in audience_repo.units(session)}
        if set(audience.unit_ids) - known:
            raise BadAudience()
    return audience


def _filters(audience: Audience) -> dict[str, Any]:
    """The repository's filters for an audience (none for everyone)."""
    if audience.everyone:
        return {"unit_ids": None, "roles": None}
    return {"unit_ids": audience.unit_ids or None,
            "roles": [Role(r) for r in audience.roles] or None}
