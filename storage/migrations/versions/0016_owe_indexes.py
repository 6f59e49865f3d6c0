"""«What do I owe?» paged from two small indexes: a partial index of the shares it shows (open,
sent back, reported done), and the partial index of active resolutions widened to hold what
orders the page.

A national unit holds a share of ~3,300 resolutions (33,000 at ten times the country), a few
hundred of them still owed or reported; /owe finds them from the first index and sorts them
from the second, never visiting the wide rows (measured with `python -m bench --only owe`).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 23:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | Sequence[str] | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHOWN = sa.text("state IN ('open', 'sent_back', 'reported_done')")
ACTIVE = sa.text("status IN ('open', 'reported_done')")


def _active_index(columns: list[str]) -> None:
    op.drop_index('ix_resolution_active', table_name='resolution')
    op.create_index('ix_resolution_active', 'resolution', columns, unique=False,
                    sqlite_where=ACTIVE, postgresql_where=ACTIVE)


def upgrade() -> None:
    """Add the shares' index; widen the active resolutions' one."""
    op.create_index('ix_resolution_assignment_shown', 'resolution_assignment',
                    ['unit_id', 'resolution_id'], unique=False,
                    sqlite_where=SHOWN, postgresql_where=SHOWN)
    _active_index(['id', 'status', 'due_date', 'recurrence', 'session_id', 'number'])


def downgrade() -> None:
    """Drop the shares' index; the active resolutions' one back to their ids alone."""
    _active_index(['id'])
    op.drop_index('ix_resolution_assignment_shown', table_name='resolution_assignment')
