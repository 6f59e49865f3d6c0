"""reminder_item: each reminder to each member once, sent grouped per person (issue 21).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 10:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0012'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The table, its unique key, its state lookup and its outbox row."""
    op.create_table('reminder_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('occasion', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('period', sa.String(), nullable=False),
    sa.Column('moment', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires', sa.DateTime(timezone=True), nullable=False),
    sa.Column('details', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'),
              nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('outbox_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'],
                            name=op.f('fk_reminder_item_member_id_member')),
    sa.ForeignKeyConstraint(['outbox_id'], ['outbox_message.id'],
                            name=op.f('fk_reminder_item_outbox_id_outbox_message')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_item'))
    )
    op.create_index(op.f('ix_reminder_item_key'), 'reminder_item', ['key'], unique=True)
    op.create_index(op.f('ix_reminder_item_outbox_id'), 'reminder_item', ['outbox_id'])
    op.create_index('ix_reminder_item_state_member', 'reminder_item', ['state', 'member_id'])


def downgrade() -> None:
    """Drop it."""
    op.drop_index('ix_reminder_item_state_member', table_name='reminder_item')
    op.drop_index(op.f('ix_reminder_item_outbox_id'), table_name='reminder_item')
    op.drop_index(op.f('ix_reminder_item_key'), table_name='reminder_item')
    op.drop_table('reminder_item')
