"""Council sessions, their agendas, resolutions and the history of each resolution."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, enum_field, moment_field, updated_at_field
from storage.models.enums import (
    AgendaKind,
    AttendanceStatus,
    HolidayKind,
    ResolutionEventKind,
    ResolutionStatus,
    SessionStatus,
    ShareState,
)
from storage.types import EnumString, UTCDateTime


class CouncilSession(SQLModel, table=True):
    """One weekly session of the coordination council, numbered as in the minutes."""

    __tablename__ = "council_session"

    id: int | None = Field(default=None, primary_key=True)
    number: int = Field(unique=True, index=True)
    starts_at: dt.datetime = Field(sa_type=UTCDateTime(), index=True)
    place: str | None = None
    status: SessionStatus = enum_field(SessionStatus, SessionStatus.PLANNED)
    minutes_imported_at: dt.datetime | None = moment_field()
    cancel_reason: str | None = Field(default=None, sa_type=sa.Text())
    created_at: dt.datetime = created_at_field()


class AgendaItem(SQLModel, table=True):
    """One line of a session's agenda (دستور جلسه)."""

    __tablename__ = "agenda_item"
    __table_args__ = (sa.Index("ix_agenda_item_session_id_position", "session_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="council_session.id", ondelete="CASCADE")
    position: int
    kind: AgendaKind = enum_field(AgendaKind)
    title: str = Field(sa_type=sa.Text())
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    minutes: int | None = None  # time allotted
    version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # edits check it
    removed_at: dt.datetime | None = moment_field()  # removed, undoable for a minute
    created_at: dt.datetime = created_at_field()


class SessionAttendance(SQLModel, table=True):
    """Who came to a session: a member's answer before it, or the minutes' word after it."""

    __tablename__ = "session_attendance"
    __table_args__ = (sa.UniqueConstraint("session_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="council_session.id", index=True, ondelete="CASCADE")
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str  # as the minutes wrote it, or the member's name
    guest: bool = False  # «سایر حاضرین»
    status: AttendanceStatus = enum_field(AttendanceStatus)
    stand_in: str | None = None
    source: str  # rsvp, minutes or chat
    position: int = 0
    changed_by_member_id: int | None = Field(default=None, foreign_key="member.id")
    changed_at: dt.datetime = Field(sa_type=UTCDateTime())


ACTIVE_SQL = sa.text("status IN ('open', 'reported_done')")
ACTIVE_INDEXED = ("id", "status", "due_date", "recurrence", "session_id", "number")


class Resolution(SQLModel, table=True):
    """A resolution (مصوبه) of a session, numbered within it."""

    __tablename__ = "resolution"
    # The active few (a unit's ~240 of its ~3,300 at national scale) found from a small index
    # without visiting the wide rows of the rest; queries name ACTIVE_SQL literally to use it.
    # It holds what orders «what do I owe?», so a member's duties are sorted from it alone.
    __table_args__ = (sa.UniqueConstraint("session_id", "number"),
                      sa.Index("ix_resolution_active", *ACTIVE_INDEXED, sqlite_where=ACTIVE_SQL,
                               postgresql_where=ACTIVE_SQL))

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="council_session.id")
    number: int
    subject: str = Field(sa_type=sa.Text())
    time_frame: str = "-"
    due_date: dt.date | None = Field(default=None, index=True)
    due_at_session_id: int | None = Field(default=None, foreign_key="council_session.id")
    recurrence: str | None = None
    # «فوری», «بلافاصله», «در اسرع وقت»: due at the next session, and shown as urgent.
    urgent: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    # Derived from the shares (mina_bot/resolutions/shares.py), rewritten in the transaction of
    # every share change; kept as a column for the partial index and the filters.
    status: ResolutionStatus = enum_field(ResolutionStatus, ResolutionStatus.OPEN, index=True)
    # The lead unit's confirmed share closes the resolution (the secretariat's choice).
    lead_closes: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    created_at: dt.datetime = created_at_field()
    updated_at: dt.datetime = updated_at_field()


SHARE_SHOWN_SQL = sa.text("state IN ('open', 'sent_back', 'reported_done') AND NOT withdrawn")


class ResolutionAssignment(SQLModel, table=True):
    """A unit's share of a resolution (متولی, with the spelling used in the minutes): its own
    state since a moment; its history is the resolution_event rows naming the unit."""

    __tablename__ = "resolution_assignment"
    # (unit, resolution) answers «which resolutions is this unit responsible for» from the
    # index alone; it also serves lookups by unit, so there is no index on unit_id by itself.
    # The shares still shown by «what do I owe?» (a unit's few hundred of its thousands, none of
    # a cancelled resolution) have their own small index; queries name SHARE_SHOWN_SQL
    # literally to use it.
    __table_args__ = (sa.Index("ix_resolution_assignment_unit_id_resolution_id",
                               "unit_id", "resolution_id"),
                      sa.Index("ix_resolution_assignment_shown", "unit_id", "resolution_id",
                               sqlite_where=SHARE_SHOWN_SQL, postgresql_where=SHARE_SHOWN_SQL))

    resolution_id: int = Field(foreign_key="resolution.id", primary_key=True, ondelete="CASCADE")
    unit_id: int = Field(foreign_key="unit.id", primary_key=True)
    raw_name: str
    # Server defaults too: rows inserted without the share columns start open.
    state: ShareState = Field(default=ShareState.OPEN, sa_type=EnumString(ShareState),
                              sa_column_kwargs={"server_default": ShareState.OPEN.value})
    since: dt.datetime | None = moment_field()
    is_lead: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    # Its resolution is cancelled: the state is kept (reopening gives it back) but owes nothing.
    withdrawn: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class ResolutionEvent(SQLModel, table=True):
    """Something that happened to a resolution: reported done, confirmed, sent back..."""

    __tablename__ = "resolution_event"

    id: int | None = Field(default=None, primary_key=True)
    resolution_id: int = Field(foreign_key="resolution.id", index=True, ondelete="CASCADE")
    actor_member_id: int | None = Field(default=None, foreign_key="member.id")
    kind: ResolutionEventKind = enum_field(ResolutionEventKind)
    from_status: ResolutionStatus | None = enum_field(ResolutionStatus, None)
    to_status: ResolutionStatus | None = enum_field(ResolutionStatus, None)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    note: str | None = Field(default=None, sa_type=sa.Text())
    created_at: dt.datetime = created_at_field()


class Holiday(SQLModel, table=True):
    """The organisation's own word on a day: a closure, or an official holiday worked."""

    __tablename__ = "holiday"

    date: dt.date = Field(primary_key=True)
    name: str
    kind: HolidayKind = Field(default=HolidayKind.CLOSURE, sa_type=EnumString(HolidayKind),
                              sa_column_kwargs={"server_default": HolidayKind.CLOSURE.value})
