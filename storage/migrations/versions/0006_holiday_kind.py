"""holiday.kind: a row is a closure of the organisation's own, or an official holiday it works on
(the official holidays themselves come from the `holidays` package, not from this table).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 19:55:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Every existing row was a closure."""
    with op.batch_alter_table('holiday') as batch:
        batch.add_column(sa.Column('kind', sa.String(length=32), nullable=False,
                                   server_default='closure'))


def downgrade() -> None:
    """Forget the working days (they would read as closures) and the column."""
    op.execute("DELETE FROM holiday WHERE kind = 'working'")
    with op.batch_alter_table('holiday') as batch:
        batch.drop_column('kind')
