"""Initial schema: every Mina table (organisation, council, reports, delivery, audit).

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 03:13:33.571367

"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate may render sqlmodel.sql.sqltypes.AutoString)
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('auth_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('telegram_id', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auth_failure'))
    )
    op.create_index(op.f('ix_auth_failure_telegram_id'), 'auth_failure', ['telegram_id'], unique=False)
    op.create_table('conversation_state',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('state', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_conversation_state'))
    )
    op.create_table('council_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('minutes_imported_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_council_session'))
    )
    op.create_index(op.f('ix_council_session_number'), 'council_session', ['number'], unique=True)
    op.create_index(op.f('ix_council_session_starts_at'), 'council_session', ['starts_at'], unique=False)
    op.create_table('holiday',
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('date', name=op.f('pk_holiday'))
    )
    op.create_table('member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('telegram_id', sa.BigInteger(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('language', sa.String(length=32), nullable=False),
    sa.Column('is_admin', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('unreachable_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('muted_reminders', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deactivated_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member'))
    )
    op.create_index(op.f('ix_member_telegram_id'), 'member', ['telegram_id'], unique=True)
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('name_fa', sa.String(), nullable=False),
    sa.Column('name_en', sa.String(), nullable=False),
    sa.Column('aliases', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['unit.id'], name=op.f('fk_unit_parent_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit'))
    )
    op.create_index(op.f('ix_unit_key'), 'unit', ['key'], unique=True)
    op.create_index(op.f('ix_unit_parent_id'), 'unit', ['parent_id'], unique=False)
    op.create_table('agenda_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['council_session.id'], name=op.f('fk_agenda_item_session_id_council_session'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_agenda_item_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    op.create_index('ix_agenda_item_session_id_position', 'agenda_item', ['session_id', 'position'], unique=False)
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_member_id', sa.Integer(), nullable=True),
    sa.Column('actor_telegram_id', sa.BigInteger(), nullable=True),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('entity', sa.String(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=False),
    sa.Column('before', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=True),
    sa.Column('after', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_member_id'], ['member.id'], name=op.f('fk_audit_log_actor_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index('ix_audit_log_entity_entity_id', 'audit_log', ['entity', 'entity_id'], unique=False)
    op.create_table('broadcast',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('audience', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('progress_chat_id', sa.BigInteger(), nullable=True),
    sa.Column('progress_message_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_broadcast_created_by_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_broadcast'))
    )
    op.create_table('invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('used_by_telegram_id', sa.BigInteger(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_invitation_created_by_id_member')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_invitation_member_id_member')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_invitation_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation'))
    )
    op.create_index(op.f('ix_invitation_code_hash'), 'invitation', ['code_hash'], unique=True)
    op.create_index(op.f('ix_invitation_member_id'), 'invitation', ['member_id'], unique=False)
    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_membership_member_id_member')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_membership_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('member_id', 'unit_id', 'role', name=op.f('uq_membership_member_id_unit_id_role'))
    )
    op.create_index(op.f('ix_membership_unit_id'), 'membership', ['unit_id'], unique=False)
    op.create_table('resolution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('time_frame', sa.String(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('due_at_session_id', sa.Integer(), nullable=True),
    sa.Column('recurrence', sa.String(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['due_at_session_id'], ['council_session.id'], name=op.f('fk_resolution_due_at_session_id_council_session')),
    sa.ForeignKeyConstraint(['session_id'], ['council_session.id'], name=op.f('fk_resolution_session_id_council_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resolution')),
    sa.UniqueConstraint('session_id', 'number', name=op.f('uq_resolution_session_id_number'))
    )
    op.create_index(op.f('ix_resolution_due_date'), 'resolution', ['due_date'], unique=False)
    op.create_index(op.f('ix_resolution_status'), 'resolution', ['status'], unique=False)
    op.create_table('weekly_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('current_step', sa.String(), nullable=True),
    sa.Column('current_version', sa.Integer(), nullable=False),
    sa.Column('first_submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_weekly_report_created_by_id_member')),
    sa.ForeignKeyConstraint(['session_id'], ['council_session.id'], name=op.f('fk_weekly_report_session_id_council_session')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_weekly_report_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_weekly_report')),
    sa.UniqueConstraint('unit_id', 'session_id', name=op.f('uq_weekly_report_unit_id_session_id'))
    )
    op.create_index(op.f('ix_weekly_report_session_id'), 'weekly_report', ['session_id'], unique=False)
    op.create_table('working_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name_fa', sa.String(), nullable=False),
    sa.Column('name_en', sa.String(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_working_group_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_working_group')),
    sa.UniqueConstraint('unit_id', 'name_fa', name=op.f('uq_working_group_unit_id_name_fa'))
    )
    op.create_table('outbox_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dedupe_key', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('broadcast_id', sa.Integer(), nullable=True),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('not_before', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sa.String(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('telegram_message_id', sa.BigInteger(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['broadcast_id'], ['broadcast.id'], name=op.f('fk_outbox_message_broadcast_id_broadcast')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_outbox_message_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message'))
    )
    op.create_index(op.f('ix_outbox_message_broadcast_id'), 'outbox_message', ['broadcast_id'], unique=False)
    op.create_index(op.f('ix_outbox_message_dedupe_key'), 'outbox_message', ['dedupe_key'], unique=True)
    op.create_index(op.f('ix_outbox_message_member_id'), 'outbox_message', ['member_id'], unique=False)
    op.create_index('ix_outbox_message_state_not_before', 'outbox_message', ['state', 'not_before'], unique=False)
    op.create_table('report_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(), nullable=False),
    sa.Column('resolution_id', sa.Integer(), nullable=True),
    sa.Column('progress', sa.String(length=32), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('skipped', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['weekly_report.id'], name=op.f('fk_report_answer_report_id_weekly_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resolution_id'], ['resolution.id'], name=op.f('fk_report_answer_resolution_id_resolution')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_answer'))
    )
    op.create_index('uq_report_answer_plain_question', 'report_answer', ['report_id', 'question'], unique=True, sqlite_where=sa.text('resolution_id IS NULL'), postgresql_where=sa.text('resolution_id IS NULL'))
    op.create_index('uq_report_answer_resolution', 'report_answer', ['report_id', 'question', 'resolution_id'], unique=True, sqlite_where=sa.text('resolution_id IS NOT NULL'), postgresql_where=sa.text('resolution_id IS NOT NULL'))
    op.create_table('report_submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('receipt_number', sa.String(), nullable=False),
    sa.Column('submitted_by_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('content', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['weekly_report.id'], name=op.f('fk_report_submission_report_id_weekly_report')),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['member.id'], name=op.f('fk_report_submission_submitted_by_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_submission')),
    sa.UniqueConstraint('report_id', 'version', name=op.f('uq_report_submission_report_id_version'))
    )
    op.create_index(op.f('ix_report_submission_receipt_number'), 'report_submission', ['receipt_number'], unique=True)
    op.create_table('resolution_assignment',
    sa.Column('resolution_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('raw_name', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['resolution_id'], ['resolution.id'], name=op.f('fk_resolution_assignment_resolution_id_resolution'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_resolution_assignment_unit_id_unit')),
    sa.PrimaryKeyConstraint('resolution_id', 'unit_id', name=op.f('pk_resolution_assignment'))
    )
    op.create_index(op.f('ix_resolution_assignment_unit_id'), 'resolution_assignment', ['unit_id'], unique=False)
    op.create_table('resolution_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resolution_id', sa.Integer(), nullable=False),
    sa.Column('actor_member_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('from_status', sa.String(length=32), nullable=True),
    sa.Column('to_status', sa.String(length=32), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_member_id'], ['member.id'], name=op.f('fk_resolution_event_actor_member_id_member')),
    sa.ForeignKeyConstraint(['resolution_id'], ['resolution.id'], name=op.f('fk_resolution_event_resolution_id_resolution'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_resolution_event_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resolution_event'))
    )
    op.create_index(op.f('ix_resolution_event_resolution_id'), 'resolution_event', ['resolution_id'], unique=False)
    op.create_table('working_group_member',
    sa.Column('working_group_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_working_group_member_member_id_member')),
    sa.ForeignKeyConstraint(['working_group_id'], ['working_group.id'], name=op.f('fk_working_group_member_working_group_id_working_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('working_group_id', 'member_id', name=op.f('pk_working_group_member'))
    )
    op.create_index(op.f('ix_working_group_member_member_id'), 'working_group_member', ['member_id'], unique=False)
    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('resolution_event_id', sa.Integer(), nullable=True),
    sa.Column('broadcast_id', sa.Integer(), nullable=True),
    sa.Column('telegram_file_id', sa.String(), nullable=False),
    sa.Column('file_unique_id', sa.String(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=True),
    sa.Column('mime_type', sa.String(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['broadcast_id'], ['broadcast.id'], name=op.f('fk_attachment_broadcast_id_broadcast')),
    sa.ForeignKeyConstraint(['report_id'], ['weekly_report.id'], name=op.f('fk_attachment_report_id_weekly_report')),
    sa.ForeignKeyConstraint(['resolution_event_id'], ['resolution_event.id'], name=op.f('fk_attachment_resolution_event_id_resolution_event')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['member.id'], name=op.f('fk_attachment_uploaded_by_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    op.create_index(op.f('ix_attachment_broadcast_id'), 'attachment', ['broadcast_id'], unique=False)
    op.create_index(op.f('ix_attachment_report_id'), 'attachment', ['report_id'], unique=False)
    op.create_index(op.f('ix_attachment_resolution_event_id'), 'attachment', ['resolution_event_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_attachment_resolution_event_id'), table_name='attachment')
    op.drop_index(op.f('ix_attachment_report_id'), table_name='attachment')
    op.drop_index(op.f('ix_attachment_broadcast_id'), table_name='attachment')
    op.drop_table('attachment')
    op.drop_index(op.f('ix_working_group_member_member_id'), table_name='working_group_member')
    op.drop_table('working_group_member')
    op.drop_index(op.f('ix_resolution_event_resolution_id'), table_name='resolution_event')
    op.drop_table('resolution_event')
    op.drop_index(op.f('ix_resolution_assignment_unit_id'), table_name='resolution_assignment')
    op.drop_table('resolution_assignment')
    op.drop_index(op.f('ix_report_submission_receipt_number'), table_name='report_submission')
    op.drop_table('report_submission')
    op.drop_index('uq_report_answer_resolution', table_name='report_answer', sqlite_where=sa.text('resolution_id IS NOT NULL'), postgresql_where=sa.text('resolution_id IS NOT NULL'))
    op.drop_index('uq_report_answer_plain_question', table_name='report_answer', sqlite_where=sa.text('resolution_id IS NULL'), postgresql_where=sa.text('resolution_id IS NULL'))
    op.drop_table('report_answer')
    op.drop_index('ix_outbox_message_state_not_before', table_name='outbox_message')
    op.drop_index(op.f('ix_outbox_message_member_id'), table_name='outbox_message')
    op.drop_index(op.f('ix_outbox_message_dedupe_key'), table_name='outbox_message')
    op.drop_index(op.f('ix_outbox_message_broadcast_id'), table_name='outbox_message')
    op.drop_table('outbox_message')
    op.drop_table('working_group')
    op.drop_index(op.f('ix_weekly_report_session_id'), table_name='weekly_report')
    op.drop_table('weekly_report')
    op.drop_index(op.f('ix_resolution_status'), table_name='resolution')
    op.drop_index(op.f('ix_resolution_due_date'), table_name='resolution')
    op.drop_table('resolution')
    op.drop_index(op.f('ix_membership_unit_id'), table_name='membership')
    op.drop_table('membership')
    op.drop_index(op.f('ix_invitation_member_id'), table_name='invitation')
    op.drop_index(op.f('ix_invitation_code_hash'), table_name='invitation')
    op.drop_table('invitation')
    op.drop_table('broadcast')
    op.drop_index('ix_audit_log_entity_entity_id', table_name='audit_log')
    op.drop_table('audit_log')
    op.drop_index('ix_agenda_item_session_id_position', table_name='agenda_item')
    op.drop_table('agenda_item')
    op.drop_index(op.f('ix_unit_parent_id'), table_name='unit')
    op.drop_index(op.f('ix_unit_key'), table_name='unit')
    op.drop_table('unit')
    op.drop_index(op.f('ix_member_telegram_id'), table_name='member')
    op.drop_table('member')
    op.drop_table('holiday')
    op.drop_index(op.f('ix_council_session_starts_at'), table_name='council_session')
    op.drop_index(op.f('ix_council_session_number'), table_name='council_session')
    op.drop_table('council_session')
    op.drop_table('conversation_state')
    op.drop_index(op.f('ix_auth_failure_telegram_id'), table_name='auth_failure')
    op.drop_table('auth_failure')
