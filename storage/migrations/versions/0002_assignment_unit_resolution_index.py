"""A covering (unit_id, resolution_id) index on resolution_assignment, replacing (unit_id).

«What do I owe?» asks which resolutions a member's units are responsible for; at national
scale a committee has thousands of assignments, and the covering index answers from the index
alone (measured with `python bot.py bench`, README «Benchmarks»).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 04:00:00

"""
from collections.abc import Sequence

from alembic import op

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the covering index, drop the one it makes redundant."""
    op.create_index('ix_resolution_assignment_unit_id_resolution_id', 'resolution_assignment',
                    ['unit_id', 'resolution_id'], unique=False)
    op.drop_index(op.f('ix_resolution_assignment_unit_id'), table_name='resolution_assignment')


def downgrade() -> None:
    """Back to the index on unit_id alone."""
    op.create_index(op.f('ix_resolution_assignment_unit_id'), 'resolution_assignment',
                    ['unit_id'], unique=False)
    op.drop_index('ix_resolution_assignment_unit_id_resolution_id',
                  table_name='resolution_assignment')
