"""The person behind an update, with every role they hold."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from storage.models import Role


@dataclass(frozen=True)
class UnitRole:
    """One membership: a role in a unit."""

    unit_id: int
    unit_key: str
    unit_name: str
    role: Role
    unit_kind: str = "committee"
    unit_name_en: str = ""

    def unit_name_in(self, lang: str) -> str:
        """The unit's name in `lang` (Persian when it has no English one)."""
        return self.unit_name_en if lang == "en" and self.unit_name_en else self.unit_name


@dataclass(frozen=True)
class Actor:
    """Who is asking: a member (with memberships), an administrator, or a stranger."""

    telegram_id: int
    member_id: int | None = None
    name: str = ""
    language: str = "fa"
    is_admin: bool = False
    memberships: tuple[UnitRole, ...] = field(default_factory=tuple)
    unreachable: bool = False  # the bot's messages to them bounced (they had blocked it)

    @property
    def is_stranger(self) -> bool:
        """No member record and no administrator right."""
        return self.member_id is None and not self.is_admin

    @property
    def is_secretariat(self) -> bool:
        """A member of the secretariat unit."""
        return any(m.unit_kind == "secretariat" for m in self.memberships)

    def global_roles(self) -> frozenset[Role]:
        """Roles that apply everywhere: administrator, secretariat staff, or stranger."""
        if self.is_stranger:
            return frozenset({Role.STRANGER})
        roles = {Role.MEMBER}
        if self.is_admin:
            roles.add(Role.ADMIN)
        if self.is_secretariat:
            roles.add(Role.SECRETARIAT)
        return frozenset(roles)

    def roles_in(self, unit_id: int) -> frozenset[Role]:
        """The roles held in one unit."""
        return frozenset(m.role for m in self.memberships if m.unit_id == unit_id)

    def all_roles(self) -> frozenset[Role]:
        """Every role held anywhere, plus the global ones."""
        return self._all_roles

    @functools.cached_property
    def _all_roles(self) -> frozenset[Role]:
        # Asked once per command when a menu or /help is built; the actor never changes.
        return self.global_roles() | {m.role for m in self.memberships}

    def seat_in(self, unit_id: int) -> UnitRole | None:
        """One of the actor's memberships in the unit, or None."""
        return next((m for m in self.memberships if m.unit_id == unit_id), None)

    def units_with(self, *roles: Role) -> tuple[UnitRole, ...]:
        """Memberships with one of `roles`."""
        return tuple(m for m in self.memberships if m.role in roles)
