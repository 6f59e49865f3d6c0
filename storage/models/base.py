"""Shared metadata, naming convention and field helpers for every Mina table."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Field, SQLModel

from storage.types import EnumString, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = SQLModel.metadata
metadata.naming_convention = NAMING_CONVENTION


def bookkeeping_time() -> datetime:
    """Wall-clock UTC time, only for created_at/updated_at bookkeeping columns."""
    return datetime.now(UTC)


def created_at_field() -> Any:
    """A created_at column filled at construction time."""
    return Field(default_factory=bookkeeping_time, sa_type=UTCDateTime())


def updated_at_field() -> Any:
    """An updated_at column filled at construction and refreshed on every UPDATE."""
    return Field(
        default_factory=bookkeeping_time,
        sa_type=UTCDateTime(),
        sa_column_kwargs={"onupdate": bookkeeping_time},
    )


def moment_field(*, index: bool = False) -> Any:
    """A nullable aware-UTC timestamp supplied by the caller's clock."""
    return Field(default=None, sa_type=UTCDateTime(), index=index)


def enum_field(enum_class: type[StrEnum], default: Any = ..., *, index: bool = False) -> Any:
    """A StrEnum column stored as VARCHAR."""
    return Field(default=default, sa_type=EnumString(enum_class), index=index)
