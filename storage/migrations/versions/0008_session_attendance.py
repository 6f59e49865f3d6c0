"""Sessions moved and cancelled, agenda items edited and undone, attendance kept per session.

council_session.cancel_reason; agenda_item.minutes (time allotted), version (two editors at
once: the second is told, nothing lost) and removed_at (undo for a minute); the new
session_attendance table: RSVP answers before a session, the minutes' attendance after it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 10:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """New columns (existing rows: not cancelled, no time allotted, version 0) and the table."""
    with op.batch_alter_table('council_session') as batch:
        batch.add_column(sa.Column('cancel_reason', sa.Text(), nullable=True))
    with op.batch_alter_table('agenda_item') as batch:
        batch.add_column(sa.Column('minutes', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'session_attendance',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=True),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('guest', sa.Boolean(), nullable=False),
        sa.Column('status', sa.String(length=32), nullable=False),
        sa.Column('stand_in', sa.String(), nullable=True),
        sa.Column('source', sa.String(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('changed_by_member_id', sa.Integer(), nullable=True),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['changed_by_member_id'], ['member.id'],
                                name=op.f('fk_session_attendance_changed_by_member_id_member')),
        sa.ForeignKeyConstraint(['member_id'], ['member.id'],
                                name=op.f('fk_session_attendance_member_id_member')),
        sa.ForeignKeyConstraint(['session_id'], ['council_session.id'],
                                name=op.f('fk_session_attendance_session_id_council_session'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_session_attendance')),
        sa.UniqueConstraint('session_id', 'member_id',
                            name=op.f('uq_session_attendance_session_id_member_id')),
    )
    op.create_index(op.f('ix_session_attendance_session_id'), 'session_attendance',
                    ['session_id'], unique=False)


def downgrade() -> None:
    """Drop the attendance and the new columns (removed items go for good)."""
    op.drop_index(op.f('ix_session_attendance_session_id'), table_name='session_attendance')
    op.drop_table('session_attendance')
    op.execute("DELETE FROM agenda_item WHERE removed_at IS NOT NULL")
    with op.batch_alter_table('agenda_item') as batch:
        batch.drop_column('removed_at')
        batch.drop_column('version')
        batch.drop_column('minutes')
    with op.batch_alter_table('council_session') as batch:
        batch.drop_column('cancel_reason')
