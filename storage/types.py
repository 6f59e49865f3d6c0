"""Column types shared by the Mina tables: aware UTC datetimes, str enums, JSON."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.sql.operators import OperatorType


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Aware datetime stored as UTC: timestamptz on PostgreSQL, naive UTC elsewhere."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine[Any]:
        """Use timestamptz where the database has one, a plain DATETIME otherwise."""
        timezone = dialect.name == "postgresql"
        return dialect.type_descriptor(sa.DateTime(timezone=timezone))

    def coerce_compared_value(self, op: OperatorType | None, value: Any) -> Any:
        """Compare with datetimes through this type; date arithmetic stays an Interval."""
        if isinstance(value, timedelta):
            return sa.Interval()
        return self

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes; convert aware ones to UTC."""
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"UTCDateTime expects a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} refused: pass an aware datetime")
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return an aware UTC datetime whatever the database gave back."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


E = TypeVar("E", bound=StrEnum)


@functools.cache
def _members(enum_class: type[StrEnum]) -> dict[str, StrEnum]:
    return {member.value: member for member in enum_class}


class EnumString(sa.TypeDecorator[E], Generic[E]):
    """A StrEnum stored as a plain VARCHAR (no native enum, no CHECK), read back as the enum."""

    impl = sa.String(32)
    cache_ok = True

    def __init__(self, enum_class: type[E], length: int = 32) -> None:
        super().__init__(length)
        self.enum_class = enum_class
        self.length = length

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        """Store the enum's value; an unknown string raises ValueError."""
        return None if value is None else self.enum_class(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        """Read the stored string back as an enum member (a dict lookup: calling the enum class
        cost the reminder planner's snapshot ~80 ms per pass at national scale)."""
        if value is None:
            return None
        member = _members(self.enum_class).get(value)
        return member if member is not None else self.enum_class(value)

    @property
    def python_type(self) -> type[E]:
        """The enum class this column holds."""
        return self.enum_class


def _json() -> sa.JSON:
    """JSON everywhere, JSONB on PostgreSQL; Python None is SQL NULL."""
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


JSONValue = _json()
"""A JSON document (list, dict or scalar).

In-place changes are NOT tracked: SQLModel's __setattr__ overwrites the wrapper that
SQLAlchemy's Mutable extension installs, so tracking would work only some of the time.
Change a JSON column by assigning a new value (`member.muted_reminders = [*old, "x"]`).
"""


INTEGER_MAX = 2**31 - 1  # the largest value an INTEGER column holds on PostgreSQL


def fits_integer(value: int) -> bool:
    """Whether `value` can be stored in (so also looked up in) an INTEGER column."""
    return -INTEGER_MAX - 1 <= value <= INTEGER_MAX
