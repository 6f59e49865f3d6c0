"""quarterly_report and pack_read: the report of resolution 1 and who has read the pack (issue 23).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 10:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | Sequence[str] | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The two tables."""
    op.create_table('quarterly_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=False),
    sa.Column('letter', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.String(), nullable=True),
    sa.Column('requested_by_member_id', sa.Integer(), nullable=True),
    sa.Column('approved_by_member_id', sa.Integer(), nullable=True),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_member_id'], ['member.id'],
                            name=op.f('fk_quarterly_report_approved_by_member_id_member')),
    sa.ForeignKeyConstraint(['requested_by_member_id'], ['member.id'],
                            name=op.f('fk_quarterly_report_requested_by_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarterly_report')),
    sa.UniqueConstraint('year', 'quarter', name=op.f('uq_quarterly_report_year_quarter'))
    )
    op.create_table('pack_read',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'],
                            name=op.f('fk_pack_read_member_id_member')),
    sa.ForeignKeyConstraint(['session_id'], ['council_session.id'],
                            name=op.f('fk_pack_read_session_id_council_session'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pack_read')),
    sa.UniqueConstraint('session_id', 'member_id', name=op.f('uq_pack_read_session_id_member_id'))
    )
    op.create_index(op.f('ix_pack_read_session_id'), 'pack_read', ['session_id'], unique=False)


def downgrade() -> None:
    """Drop them."""
    op.drop_index(op.f('ix_pack_read_session_id'), table_name='pack_read')
    op.drop_table('pack_read')
    op.drop_table('quarterly_report')
