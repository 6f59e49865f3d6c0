"""Each (resolution × unit) assignment becomes a share with its own state (issue 19).

Every assignment takes its resolution's present state: open, reported done or confirmed as they
are; a cancelled resolution's shares open (the resolution itself stays cancelled, so reopening it
finds them open). The first unit of each resolution (lowest unit id) is its lead.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 20:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FILL_STATE = sa.text("""
UPDATE resolution_assignment SET
  state = COALESCE((SELECT CASE r.status WHEN 'reported_done' THEN 'reported_done'
                                         WHEN 'confirmed' THEN 'confirmed' ELSE 'open' END
                    FROM resolution r WHERE r.id = resolution_assignment.resolution_id), 'open'),
  since = (SELECT r.updated_at FROM resolution r
           WHERE r.id = resolution_assignment.resolution_id),
  is_lead = (unit_id = (SELECT MIN(a.unit_id) FROM resolution_assignment a
                        WHERE a.resolution_id = resolution_assignment.resolution_id))
""")


def upgrade() -> None:
    """Add the share columns (defaults kept: bulk loads without them start open), fill them
    from the resolutions, add the lead switch."""
    with op.batch_alter_table('resolution_assignment') as batch:
        batch.add_column(sa.Column('state', sa.String(length=32), nullable=False,
                                   server_default='open'))
        batch.add_column(sa.Column('since', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('is_lead', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table('resolution') as batch:
        batch.add_column(sa.Column('lead_closes', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    op.execute(FILL_STATE)


def downgrade() -> None:
    """Drop the share columns (the per-share states are lost; the resolution keeps its own)."""
    with op.batch_alter_table('resolution') as batch:
        batch.drop_column('lead_closes')
    with op.batch_alter_table('resolution_assignment') as batch:
        batch.drop_column('is_lead')
        batch.drop_column('since')
        batch.drop_column('state')
