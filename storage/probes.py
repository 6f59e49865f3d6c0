"""`ProbeIn`: a column in a subquery's values, looked up one value at a time on both databases.

PostgreSQL turns `x IN (subquery)` into a join, and for «the resolutions a unit holds a share
of» it hash-joins every active resolution of the organisation: it cannot know that a unit's
owed shares are mostly of active resolutions, so it expects a handful. `x = ANY(ARRAY(…))` is
never turned into a join: the subquery runs once and each of its values is an index probe, so
the cost follows the subquery's few rows. SQLite already probes an `IN (subquery)` list.
"""

from __future__ import annotations

from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal


class ProbeIn(sa.ColumnElement[bool]):
    """`column IN (query)`, written on PostgreSQL as `column = ANY(ARRAY(query))`."""

    type = sa.Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True  # a comparison: SQLite gets no «= 1» after it
    _traverse_internals: ClassVar = [("column", InternalTraversal.dp_clauseelement),
                           ("query", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: sa.ColumnElement, query: sa.Select) -> None:
        self.column = column
        self.query = query.scalar_subquery()


@compiles(ProbeIn)
def _in(element: ProbeIn, compiler: Any, **kw: Any) -> str:
    return f"{compiler.process(element.column, **kw)} IN {compiler.process(element.query, **kw)}"


@compiles(ProbeIn, "postgresql")
def _any_array(element: ProbeIn, compiler: Any, **kw: Any) -> str:
    return (f"{compiler.process(element.column, **kw)} = "
            f"ANY (ARRAY{compiler.process(element.query, **kw)})")
