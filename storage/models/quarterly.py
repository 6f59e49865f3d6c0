"""The quarterly report of resolution 1 (its cover letter and approval) and pack read receipts."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, moment_field
from storage.types import UTCDateTime


class QuarterlyReport(SQLModel, table=True):
    """A quarter's report to the national headquarters: its letter, as drafted and edited,
    and where its approval stands (draft, awaiting, sent)."""

    __tablename__ = "quarterly_report"
    __table_args__ = (sa.UniqueConstraint("year", "quarter"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int
    quarter: int
    letter: str = Field(sa_type=sa.Text())
    status: str = Field(default="draft", max_length=16)
    version: int = 1  # raised by every edit: an approval names the version it saw
    file_id: str | None = None  # the PDF the head was asked to approve
    requested_by_member_id: int | None = Field(default=None, foreign_key="member.id")
    approved_by_member_id: int | None = Field(default=None, foreign_key="member.id")
    requested_at: dt.datetime | None = moment_field()
    sent_at: dt.datetime | None = moment_field()
    created_at: dt.datetime = created_at_field()


class PackRead(SQLModel, table=True):
    """A council member was sent a session's pack; when they pressed «خواندم»."""

    __tablename__ = "pack_read"
    __table_args__ = (sa.UniqueConstraint("session_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="council_session.id", index=True, ondelete="CASCADE")
    member_id: int = Field(foreign_key="member.id")
    sent_at: dt.datetime = Field(sa_type=UTCDateTime())
    read_at: dt.datetime | None = moment_field()
