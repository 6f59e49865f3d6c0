"""handled_update: updates whose work is committed, skipped when delivered again (issue 25).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 22:50:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The table, keyed by the messenger's update id."""
    op.create_table('handled_update',
    sa.Column('update_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('update_id', name=op.f('pk_handled_update'))
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_table('handled_update')
