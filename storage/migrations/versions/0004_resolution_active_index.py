"""A partial index on resolution(id) for the active states (open, reported done).

A large unit answers for ~3,300 resolutions at national scale, ~240 of them active; «what do I
owe?» with nothing cached visited every one of their wide rows to read its status. The index
holds only the active ~3,300 of 50,000 (measured with `python bot.py bench`, README
«Benchmarks»).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 13:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("status IN ('open', 'reported_done')")


def upgrade() -> None:
    """Add the partial index."""
    op.create_index('ix_resolution_active', 'resolution', ['id'], unique=False,
                    sqlite_where=ACTIVE, postgresql_where=ACTIVE)


def downgrade() -> None:
    """Drop it."""
    op.drop_index('ix_resolution_active', table_name='resolution')
