"""report_questionnaire (the weekly report's questions, versioned per unit kind), the head's
approval of a unit's report (unit.report_approval, weekly_report.awaiting_*), and who approved
a submitted version (issue 23).

The questions every report was answered with so far become version 1 of the default («all»)
questionnaire, and every existing report points at it.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 10:00:00

"""
import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0014'
down_revision: str | Sequence[str] | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The three questions the code asked until this revision (frozen here: the catalog may change).
VERSION_1 = [
    {"key": "done", "fa": "این هفته چه کارهایی انجام شد؟", "en": "What was done this week?",
     "label_fa": "کارهای انجام‌شده", "label_en": "Done this week", "optional": False},
    {"key": "planned", "fa": "برنامه هفته آینده چیست؟", "en": "What is planned for next week?",
     "label_fa": "برنامه هفته آینده", "label_en": "Planned next week", "optional": True},
    {"key": "problems", "fa": "چه مشکلاتی هست و از دیگر واحدها چه نیازی دارید؟",
     "en": "Problems, and what do you need from other units?",
     "label_fa": "مشکلات و نیازها", "label_en": "Problems and needs", "optional": True},
]
SINCE_EVER = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def upgrade() -> None:
    """The table with version 1, the new columns, every report pointed at version 1."""
    questionnaire = op.create_table('report_questionnaire',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_kind', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.DateTime(timezone=True), nullable=False),
    sa.Column('questions', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'],
                            name=op.f('fk_report_questionnaire_created_by_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_questionnaire')),
    sa.UniqueConstraint('unit_kind', 'version',
                        name=op.f('uq_report_questionnaire_unit_kind_version'))
    )
    op.bulk_insert(questionnaire, [{"unit_kind": "all", "version": 1,
                                    "effective_from": SINCE_EVER, "questions": VERSION_1,
                                    "created_by_id": None, "created_at": SINCE_EVER}])
    with op.batch_alter_table('unit') as batch:
        batch.add_column(sa.Column('report_approval', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table('weekly_report') as batch:
        batch.add_column(sa.Column('questionnaire_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('awaiting_since', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('awaiting_by_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('approval_round', sa.Integer(), nullable=False,
                                   server_default='0'))
        batch.create_foreign_key(op.f('fk_weekly_report_questionnaire_id_report_questionnaire'),
                                 'report_questionnaire', ['questionnaire_id'], ['id'])
        batch.create_foreign_key(op.f('fk_weekly_report_awaiting_by_id_member'), 'member',
                                 ['awaiting_by_id'], ['id'])
    with op.batch_alter_table('report_submission') as batch:
        batch.add_column(sa.Column('approved_by_id', sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f('fk_report_submission_approved_by_id_member'), 'member',
                                 ['approved_by_id'], ['id'])
    op.execute(sa.text("UPDATE weekly_report SET questionnaire_id = (SELECT id FROM "
                       "report_questionnaire WHERE unit_kind = 'all' AND version = 1)"))


def downgrade() -> None:
    """Drop the columns and the table."""
    with op.batch_alter_table('report_submission') as batch:
        batch.drop_constraint(op.f('fk_report_submission_approved_by_id_member'),
                              type_='foreignkey')
        batch.drop_column('approved_by_id')
    with op.batch_alter_table('weekly_report') as batch:
        batch.drop_constraint(op.f('fk_weekly_report_awaiting_by_id_member'), type_='foreignkey')
        batch.drop_constraint(op.f('fk_weekly_report_questionnaire_id_report_questionnaire'),
                              type_='foreignkey')
        batch.drop_column('approval_round')
        batch.drop_column('awaiting_by_id')
        batch.drop_column('awaiting_since')
        batch.drop_column('questionnaire_id')
    with op.batch_alter_table('unit') as batch:
        batch.drop_column('report_approval')
    op.drop_table('report_questionnaire')
