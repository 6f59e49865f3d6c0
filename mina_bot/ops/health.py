"""Whether this process can serve updates: /healthz, and telling an outage from a bug."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from mina_bot.runtime import Runtime
from storage.db import DatabaseUnavailable, check_schema

# The database locked, restarting or unreachable: nothing was saved, the user may try again.
_OUTAGES = (OperationalError, InterfaceError, PoolTimeout, DatabaseUnavailable)


def check_health(runtime: Runtime) -> None:
    """Raise DatabaseUnavailable unless the database answers and holds Mina's schema."""
    check_schema(runtime.engine)


def database_down(error: object) -> bool:
    """The database locked, restarting or unreachable (not a bug in a query)."""
    return isinstance(error, _OUTAGES) or (
        isinstance(error, DBAPIError) and error.connection_invalidated)
