"""A cancelled resolution's shares are marked withdrawn, and «what do I owe?»'s index of shown
shares leaves them out.

Cancelling keeps each share's state (reopening gives it back), so the shares of every resolution
ever cancelled stayed in ix_resolution_assignment_shown: over half its rows in the national
dataset, and /owe probed each of them (`python -m bench --scale 10 --only owe`).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 02:20:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | Sequence[str] | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHOWN = "state IN ('open', 'sent_back', 'reported_done')"
LIVE = f"{SHOWN} AND NOT withdrawn"


def _shown_index(where: str) -> None:
    op.drop_index('ix_resolution_assignment_shown', table_name='resolution_assignment')
    op.create_index('ix_resolution_assignment_shown', 'resolution_assignment',
                    ['unit_id', 'resolution_id'], unique=False,
                    sqlite_where=sa.text(where), postgresql_where=sa.text(where))


def upgrade() -> None:
    """Add the column, mark the shares of cancelled resolutions, narrow the index."""
    with op.batch_alter_table('resolution_assignment') as batch:
        batch.add_column(sa.Column('withdrawn', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    op.execute("UPDATE resolution_assignment SET withdrawn = true WHERE resolution_id IN "
               "(SELECT id FROM resolution WHERE status = 'cancelled')")
    _shown_index(LIVE)


def downgrade() -> None:
    """The index back to every shown share; drop the column."""
    _shown_index(SHOWN)
    with op.batch_alter_table('resolution_assignment') as batch:
        batch.drop_column('withdrawn')
