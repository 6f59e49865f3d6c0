"""Queries on the versions of the weekly report's questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import ReportQuestionnaire, WeeklyReport


def get(session: Session, *, questionnaire_id: int) -> ReportQuestionnaire | None:
    """One version, or None."""
    return session.get(ReportQuestionnaire, questionnaire_id)


def in_force(session: Session, *, unit_kind: str, at: dt.datetime) -> ReportQuestionnaire | None:
    """The newest version for this kind that is in force at `at`, or None."""
    query = (select(ReportQuestionnaire)
             .where(ReportQuestionnaire.unit_kind == unit_kind,
                    ReportQuestionnaire.effective_from <= at)
             .order_by(ReportQuestionnaire.version.desc()).limit(1))
    return session.exec(query).first()


def newest(session: Session, *, unit_kind: str) -> ReportQuestionnaire | None:
    """The newest version for this kind, in force or still to come, or None."""
    query = (select(ReportQuestionnaire).where(ReportQuestionnaire.unit_kind == unit_kind)
             .order_by(ReportQuestionnaire.version.desc()).limit(1))
    return session.exec(query).first()


def versions_of(session: Session, *, unit_kind: str) -> Sequence[ReportQuestionnaire]:
    """Every version for this kind, oldest first."""
    query = (select(ReportQuestionnaire).where(ReportQuestionnaire.unit_kind == unit_kind)
             .order_by(ReportQuestionnaire.version))
    return session.exec(query).all()


def save(session: Session, *, questionnaire: ReportQuestionnaire) -> ReportQuestionnaire:
    """Insert or update a version and flush it."""
    session.add(questionnaire)
    session.flush()
    return questionnaire


def in_use(session: Session, *, questionnaire_id: int) -> bool:
    """Whether any report has been opened with this version."""
    query = sa.select(sa.exists().where(WeeklyReport.questionnaire_id == questionnaire_id))
    return bool(session.execute(query).scalar())
