"""member.reminder_prefs: a member's daily digest choice and narrowed sending hours (issue 21).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 23:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0015'
down_revision: str | Sequence[str] | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Every member keeps the organisation's moments and hours ({})."""
    with op.batch_alter_table('member') as batch:
        batch.add_column(sa.Column(
            'reminder_prefs', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'),
            nullable=False, server_default=sa.text("'{}'")))


def downgrade() -> None:
    """Forget the choices."""
    with op.batch_alter_table('member') as batch:
        batch.drop_column('reminder_prefs')
