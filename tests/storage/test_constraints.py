"""Unique constraints the domain depends on hold in the database itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import (
    CouncilSession,
    Member,
    OutboxMessage,
    ReportAnswer,
    Resolution,
    Role,
    Unit,
    UnitKind,
    WeeklyReport,
)
from storage.repositories import members, units

MONDAY = datetime(2021, 4, 26, 6, 30, tzinfo=UTC)


def assert_duplicate_refused(session: Session, make: Callable[[], Any]) -> None:
    """The first row is saved, an identical second one raises IntegrityError."""
    session.add(make())
    session.commit()
    session.add(make())
    with pytest.raises(sa.exc.IntegrityError):
        session.commit()
    session.rollback()


@pytest.fixture
def report(session: Session) -> WeeklyReport:
    """A draft weekly report of the infrastructure committee with two resolutions to answer."""
    unit = units.create_unit(
        session, key="infrastructure", kind=UnitKind.COMMITTEE,
        name_fa="کمیته زیرساخت و تبادل داده", name_en="Infrastructure & Data Exchange",
    )  # fmt: skip
    council_session = CouncilSession(number=12, starts_at=MONDAY)
    session.add(council_session)
    session.flush()
    for number in (1, 2):
        session.add(Resolution(session_id=council_session.id, number=number, subject="گزارش"))
    report = WeeklyReport(unit_id=unit.id, session_id=council_session.id)
    session.add(report)
    session.commit()
    return report


def test_outbox_dedupe_key_is_unique(session: Session) -> None:
    """One reminder per recipient and period, however often the planner runs."""
    key = "report_reminder|member:7|unit:3|2021-04-26"
    assert_duplicate_refused(
        session,
        lambda: OutboxMessage(dedupe_key=key, kind="reminder", chat_id=7, not_before=MONDAY),
    )


def test_unit_key_is_unique(session: Session) -> None:
    """Two units cannot share a key."""
    assert_duplicate_refused(
        session,
        lambda: Unit(key="secretariat", kind=UnitKind.SECRETARIAT, name_fa="دبیرخانه", name_en="S"),
    )


def test_member_telegram_id_unique_but_many_invited(session: Session) -> None:
    """Telegram ids are unique; any number of invited members have none yet."""
    session.add_all([Member(name="الف"), Member(name="ب")])
    session.commit()
    assert_duplicate_refused(session, lambda: Member(name="ج", telegram_id=5_000_000_001))


def test_membership_triple_is_unique(session: Session) -> None:
    """A member holds a given role in a given unit once; other roles are fine."""
    member = members.create_member(session, name="سارا")
    unit = units.create_unit(
        session, key="it", kind=UnitKind.COMMITTEE, name_fa="کمیته فناوری اطلاعات", name_en="IT"
    )
    members.add_membership(session, member_id=member.id, unit_id=unit.id, role=Role.MEMBER)
    session.commit()
    members.add_membership(session, member_id=member.id, unit_id=unit.id, role=Role.SECRETARY)
    session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        members.add_membership(session, member_id=member.id, unit_id=unit.id, role=Role.MEMBER)
    session.rollback()


def test_plain_question_answered_once_per_report(session: Session, report: WeeklyReport) -> None:
    """("done", no resolution) exists once per report although resolution_id is NULL."""
    assert_duplicate_refused(
        session, lambda: ReportAnswer(report_id=report.id, question="done", text="کار شد")
    )
    session.add(ReportAnswer(report_id=report.id, question="planned", text="برنامه"))
    session.commit()


def test_resolution_answered_once_per_report(session: Session, report: WeeklyReport) -> None:
    """Each resolution gets one answer per report; different resolutions coexist."""
    first, second = session.exec(select(Resolution.id).order_by(Resolution.id)).all()
    assert_duplicate_refused(
        session,
        lambda: ReportAnswer(report_id=report.id, question="resolution", resolution_id=first),
    )
    session.add(ReportAnswer(report_id=report.id, question="resolution", resolution_id=second))
    session.add(ReportAnswer(report_id=report.id, question="resolution"))
    session.commit()
