"""data_generation: one change counter per topic, so every process's read cache can tell when
what it holds is stale (see storage/changes.py).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 07:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOPICS = ("roster", "duties", "reports")


def upgrade() -> None:
    """Create the table with every topic at 0."""
    table = op.create_table(
        'data_generation',
        sa.Column('topic', sa.String(length=32), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('topic', name=op.f('pk_data_generation')),
    )
    op.bulk_insert(table, [{"topic": topic, "value": 0} for topic in TOPICS])


def downgrade() -> None:
    """Drop the counters."""
    op.drop_table('data_generation')
