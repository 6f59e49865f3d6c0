"""A partial index on resolution_assignment(unit_id, resolution_id) for the shares «what do I
owe?» shows (open, sent back, reported done).

A national unit holds a share of ~3,300 resolutions (33,000 at ten times the country), a few
hundred of them still owed or reported; /owe pages them in the database from this index
instead of visiting every share of the unit (measured with `python -m bench --only owe`).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 23:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHOWN = sa.text("state IN ('open', 'sent_back', 'reported_done')")


def upgrade() -> None:
    """Add the partial index."""
    op.create_index('ix_resolution_assignment_shown', 'resolution_assignment',
                    ['unit_id', 'resolution_id'], unique=False,
                    sqlite_where=SHOWN, postgresql_where=SHOWN)


def downgrade() -> None:
    """Drop it."""
    op.drop_index('ix_resolution_assignment_shown', table_name='resolution_assignment')
