"""Drop data_generation: the read cache it served is gone; every read goes to the database.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 19:40:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Drop the change counters."""
    op.drop_table('data_generation')


def downgrade() -> None:
    """Create the counters again, every topic at 0."""
    table = op.create_table(
        'data_generation',
        sa.Column('topic', sa.String(length=32), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('topic', name=op.f('pk_data_generation')),
    )
    op.bulk_insert(table, [{"topic": t, "value": 0} for t in ("roster", "duties", "reports")])
