"""Weekly reports of the units: drafts, answers, submitted versions and attachments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, enum_field, moment_field, updated_at_field
from storage.models.enums import AttachmentKind, Progress, ReportStatus
from storage.types import JSONValue, UTCDateTime

PLAIN_ANSWER = sa.text("resolution_id IS NULL")
RESOLUTION_ANSWER = sa.text("resolution_id IS NOT NULL")


class ReportQuestionnaire(SQLModel, table=True):
    """One version of the weekly report's questions for a kind of unit («all»: every kind
    without its own), used by the reports of sessions from `effective_from` on."""

    __tablename__ = "report_questionnaire"
    __table_args__ = (sa.UniqueConstraint("unit_kind", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_kind: str = Field(max_length=32)
    version: int
    effective_from: datetime = Field(sa_type=UTCDateTime())
    # [{"key", "fa", "en", "label_fa", "label_en", "optional"}], in the order asked
    questions: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSONValue)
    created_by_id: int | None = Field(default=None, foreign_key="member.id")
    created_at: datetime = created_at_field()


class WeeklyReport(SQLModel, table=True):
    """A unit's weekly report (گزارش هفتگی) for one council session."""

    __tablename__ = "weekly_report"
    __table_args__ = (sa.UniqueConstraint("unit_id", "session_id"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    session_id: int = Field(foreign_key="council_session.id", index=True)
    status: ReportStatus = enum_field(ReportStatus, ReportStatus.DRAFT)
    current_step: str | None = None
    current_version: int = 0
    first_submitted_at: datetime | None = moment_field()
    last_submitted_at: datetime | None = moment_field()
    late: bool = False
    created_by_id: int | None = Field(default=None, foreign_key="member.id")
    # The questions the report is answered with (a version fixed when it was opened).
    questionnaire_id: int | None = Field(default=None, foreign_key="report_questionnaire.id")
    # Sent by the secretary and waiting for the head's approval (the unit asks for it).
    awaiting_since: datetime | None = moment_field()
    awaiting_by_id: int | None = Field(default=None, foreign_key="member.id")
    approval_round: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()


class ReportAnswer(SQLModel, table=True):
    """One answer in a report: a plain question, or the progress on one resolution.

    A plain question (resolution_id NULL) is unique per (report, question); a resolution
    answer is unique per (report, question, resolution). Two partial unique indexes say so,
    because NULLs never collide in an ordinary unique constraint.
    """

    __tablename__ = "report_answer"
    __table_args__ = (
        sa.Index(
            "uq_report_answer_plain_question",
            "report_id",
            "question",
            unique=True,
            sqlite_where=PLAIN_ANSWER,
            postgresql_where=PLAIN_ANSWER,
        ),
        sa.Index(
            "uq_report_answer_resolution",
            "report_id",
            "question",
            "resolution_id",
            unique=True,
            sqlite_where=RESOLUTION_ANSWER,
            postgresql_where=RESOLUTION_ANSWER,
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="weekly_report.id", ondelete="CASCADE")
    question: str
    resolution_id: int | None = Field(default=None, foreign_key="resolution.id")
    progress: Progress | None = enum_field(Progress, None)
    text: str | None = Field(default=None, sa_type=sa.Text())
    skipped: bool = False
    updated_at: datetime = updated_at_field()


class ReportSubmission(SQLModel, table=True):
    """A submitted version of a report, frozen with its receipt number."""

    __tablename__ = "report_submission"
    __table_args__ = (sa.UniqueConstraint("report_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="weekly_report.id")
    version: int
    receipt_number: str = Field(unique=True, index=True)
    submitted_by_id: int = Field(foreign_key="member.id")
    submitted_at: datetime = Field(sa_type=UTCDateTime())
    late: bool = False
    approved_by_id: int | None = Field(default=None, foreign_key="member.id")
    content: dict[str, Any] = Field(default_factory=dict, sa_type=JSONValue)


class Attachment(SQLModel, table=True):
    """A file sent through Telegram, kept by file_id, for a report, an event or a broadcast."""

    __tablename__ = "attachment"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int | None = Field(default=None, foreign_key="weekly_report.id", index=True)
    resolution_event_id: int | None = Field(
        default=None, foreign_key="resolution_event.id", index=True
    )
    broadcast_id: int | None = Field(default=None, foreign_key="broadcast.id", index=True)
    telegram_file_id: str
    file_unique_id: str
    file_name: str | None = None
    mime_type: str | None = None
    size: int | None = None
    kind: AttachmentKind = enum_field(AttachmentKind, AttachmentKind.DOCUMENT)
    uploaded_by_id: int | None = Field(default=None, foreign_key="member.id")
    created_at: datetime = created_at_field()
