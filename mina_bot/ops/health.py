"""Whether this process can serve updates: what the webhook's /healthz answers."""

from __future__ import annotations

from mina_bot.runtime import Runtime
from storage.db import check_schema


def check_health(runtime: Runtime) -> None:
    """Raise DatabaseUnavailable unless the database answers and holds Mina's schema."""
    check_schema(runtime.engine)
