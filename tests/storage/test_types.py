"""UTCDateTime, EnumString and JSON columns round-trip through a real database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import (
    AuditLog,
    ConversationState,
    CouncilSession,
    Member,
    OutboxMessage,
    OutboxState,
    ResolutionStatus,
    SessionStatus,
)
from storage.repositories import members

TEHRAN = timezone(timedelta(hours=3, minutes=30))


def test_aware_datetime_comes_back_as_utc(session: Session) -> None:
    """A Tehran-time session start is stored as UTC and read back aware, same instant."""
    starts_at = datetime(2021, 4, 26, 10, 0, tzinfo=TEHRAN)
    session.add(CouncilSession(number=12, starts_at=starts_at))
    session.commit()
    session.expire_all()

    stored = session.exec(select(CouncilSession)).one()
    assert stored.starts_at == starts_at
    assert stored.starts_at.tzinfo == UTC
    assert stored.starts_at == datetime(2021, 4, 26, 6, 30, tzinfo=UTC)
    assert stored.created_at.tzinfo == UTC


def test_naive_datetime_is_refused(session: Session) -> None:
    """A naive datetime never reaches the database."""
    session.add(CouncilSession(number=1, starts_at=datetime(2021, 4, 26, 10, 0)))
    with pytest.raises(sa.exc.StatementError, match="naive datetime"):
        session.flush()


def test_aware_datetime_comparison_in_queries(session: Session) -> None:
    """Queries compare timestamps as instants, whatever the parameter's zone."""
    due = datetime(2021, 4, 26, 6, 30, tzinfo=UTC)
    session.add(OutboxMessage(dedupe_key="k", kind="reminder", chat_id=1, not_before=due))
    session.commit()

    just_before = (due - timedelta(seconds=1)).astimezone(TEHRAN)
    query = select(OutboxMessage).where(OutboxMessage.not_before <= just_before)
    assert session.exec(query).all() == []
    query = select(OutboxMessage).where(OutboxMessage.not_before <= due.astimezone(TEHRAN))
    assert len(session.exec(query).all()) == 1
    with pytest.raises(sa.exc.StatementError, match="naive datetime"):
        session.exec(select(OutboxMessage).where(OutboxMessage.not_before <= datetime(2021, 1, 1)))


def test_str_enum_is_stored_as_plain_string(session: Session) -> None:
    """Enums are VARCHAR in the database and enum members in Python."""
    session.add(CouncilSession(number=2, starts_at=datetime(2021, 5, 3, tzinfo=UTC)))
    session.commit()
    raw = session.connection().execute(sa.text("SELECT status FROM council_session")).scalar()
    assert raw == "planned"
    session.expire_all()
    assert session.exec(select(CouncilSession)).one().status is SessionStatus.PLANNED


def test_unknown_enum_value_is_refused(session: Session) -> None:
    """A value outside the enum is refused before it is written."""
    session.add(
        CouncilSession(number=3, starts_at=datetime(2021, 5, 3, tzinfo=UTC), status="adjourned")
    )
    with pytest.raises(sa.exc.StatementError, match="adjourned"):
        session.flush()


def test_json_list_is_saved_when_reassigned(session: Session) -> None:
    """JSON columns change by assignment (in-place edits are not tracked, by design)."""
    member = members.create_member(session, name="مریم", telegram_id=10**12)
    session.commit()
    member.muted_reminders = [*member.muted_reminders, "weekly_report"]
    session.commit()
    session.expire_all()
    assert session.get(Member, member.id).muted_reminders == ["weekly_report"]


def test_json_dict_holds_persian_text(session: Session) -> None:
    """Conversation state keeps Persian text and nested values intact."""
    state = ConversationState(key="report:42", name="report", state={"step": "done"})
    session.add(state)
    session.commit()
    answers = {"done": "تهیه گزارش فصلی", "due": date(2021, 5, 3).isoformat()}
    state.state = {**state.state, "answers": answers}
    session.commit()
    session.expire_all()
    stored = session.get(ConversationState, "report:42")
    assert stored.state == {"step": "done", "answers": answers}


def test_json_none_is_sql_null(session: Session) -> None:
    """An audit entry without a before-snapshot stores SQL NULL, not JSON null."""
    session.add(AuditLog(action="create", entity="unit", entity_id="1", after={"key": "it"}))
    session.commit()
    query = sa.text("SELECT count(*) FROM audit_log WHERE before IS NULL")
    assert session.connection().execute(query).scalar() == 1


def test_status_filter_uses_enum(session: Session) -> None:
    """Enum members work as query parameters."""
    session.add(OutboxMessage(dedupe_key="a", kind="k", chat_id=-100123, not_before=_t()))
    session.commit()
    query = select(OutboxMessage).where(OutboxMessage.state == OutboxState.PENDING)
    assert session.exec(query).one().chat_id == -100123
    assert ResolutionStatus("open") is ResolutionStatus.OPEN


def _t() -> datetime:
    """A fixed aware instant."""
    return datetime(2021, 4, 26, tzinfo=UTC)
