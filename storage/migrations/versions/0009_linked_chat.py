"""linked_chat: groups and channels serving a unit or the council (issue 24).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 20:40:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The table, its unique chat id and its unit."""
    op.create_table('linked_chat',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('chat_type', sa.String(length=32), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('council', sa.Boolean(), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('requested_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_linked_chat_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_linked_chat'))
    )
    op.create_index(op.f('ix_linked_chat_chat_id'), 'linked_chat', ['chat_id'], unique=True)


def downgrade() -> None:
    """Drop it."""
    op.drop_index(op.f('ix_linked_chat_chat_id'), table_name='linked_chat')
    op.drop_table('linked_chat')
