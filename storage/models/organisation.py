"""Units, working groups, members, memberships and invitations."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, enum_field, moment_field, updated_at_field
from storage.models.enums import Language, Role, UnitKind
from storage.types import JSONValue, UTCDateTime


class Unit(SQLModel, table=True):
    """A body that carries work: the secretariat, a committee, a deputy, an institute..."""

    __tablename__ = "unit"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True)
    kind: UnitKind = enum_field(UnitKind)
    name_fa: str
    name_en: str
    aliases: list[str] = Field(default_factory=list, sa_type=JSONValue)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    active: bool = True
    # Its weekly report waits for the head's approval before it goes to the secretariat.
    report_approval: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()


class WorkingGroup(SQLModel, table=True):
    """A working group (کارگروه) under a committee."""

    __tablename__ = "working_group"
    __table_args__ = (sa.UniqueConstraint("unit_id", "name_fa"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    name_fa: str
    name_en: str | None = None
    active: bool = True
    created_at: datetime = created_at_field()


class WorkingGroupMember(SQLModel, table=True):
    """A member's seat in a working group."""

    __tablename__ = "working_group_member"

    working_group_id: int = Field(
        foreign_key="working_group.id", primary_key=True, ondelete="CASCADE"
    )
    member_id: int = Field(foreign_key="member.id", primary_key=True, index=True)
    created_at: datetime = created_at_field()


class Member(SQLModel, table=True):
    """A person known to the bot; invited people have no Telegram id yet."""

    __tablename__ = "member"

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int | None = Field(default=None, unique=True, index=True, sa_type=sa.BigInteger())
    name: str
    language: Language = enum_field(Language, Language.FA)
    is_admin: bool = False
    active: bool = True
    unreachable_since: datetime | None = moment_field()
    muted_reminders: list[str] = Field(default_factory=list, sa_type=JSONValue)
    # {"digest": true} (one message a day), {"from": "09:00", "until": "20:00"} (narrower hours)
    reminder_prefs: dict = Field(default_factory=dict, sa_type=JSONValue,
                                 sa_column_kwargs={"server_default": sa.text("'{}'")})
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
    deactivated_at: datetime | None = moment_field()


class Membership(SQLModel, table=True):
    """A member's role in one unit; ended memberships stay for the record."""

    __tablename__ = "membership"
    __table_args__ = (sa.UniqueConstraint("member_id", "unit_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="member.id")  # indexed by the unique constraint
    unit_id: int = Field(foreign_key="unit.id", index=True)
    role: Role = enum_field(Role)
    active: bool = True
    created_at: datetime = created_at_field()
    ended_at: datetime | None = moment_field()


class Invitation(SQLModel, table=True):
    """A one-time code that binds a Telegram account to a member record (hash only)."""

    __tablename__ = "invitation"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(unique=True, index=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    role: Role | None = enum_field(Role, None)
    created_by_id: int | None = Field(default=None, foreign_key="member.id")
    created_at: datetime = created_at_field()
    expires_at: datetime = Field(sa_type=UTCDateTime())
    used_at: datetime | None = moment_field()
    used_by_telegram_id: int | None = Field(default=None, sa_type=sa.BigInteger())
    revoked_at: datetime | None = moment_field()


class AuthFailure(SQLModel, table=True):
    """A wrong invitation code, counted to slow down guessers."""

    __tablename__ = "auth_failure"

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(index=True, sa_type=sa.BigInteger())
    created_at: datetime = created_at_field()
