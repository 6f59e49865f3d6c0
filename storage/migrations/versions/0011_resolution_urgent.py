"""resolution.urgent: a deadline written «فوری», «بلافاصله» or «در اسرع وقت» (issue 20).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 10:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | Sequence[str] | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Every existing resolution is not urgent (its minutes were read before the mark)."""
    with op.batch_alter_table('resolution') as batch:
        batch.add_column(sa.Column('urgent', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    """Forget the mark."""
    with op.batch_alter_table('resolution') as batch:
        batch.drop_column('urgent')
