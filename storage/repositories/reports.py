"""Queries on weekly reports: drafts, answers, attachments and submitted versions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from storage.models import (
    Attachment,
    ConversationState,
    CouncilSession,
    Member,
    Membership,
    OutboxMessage,
    ReportAnswer,
    ReportSubmission,
    Unit,
    UnitKind,
    WeeklyReport,
)

# The statements of a report conversation's every step, built once with bound parameters:
# building an ORM statement and its cache key took about three times as long as running it.
_POINTED = (
    select(ConversationState.key, WeeklyReport, CouncilSession)
    .select_from(ConversationState)
    .outerjoin(WeeklyReport,
               WeeklyReport.id == ConversationState.state["report_id"].as_integer())
    .outerjoin(CouncilSession, CouncilSession.id == WeeklyReport.session_id)
    .where(ConversationState.key == sa.bindparam("pointer_key"))
)
_REPORT_FOR = select(WeeklyReport).where(WeeklyReport.unit_id == sa.bindparam("unit_id"),
                                         WeeklyReport.session_id == sa.bindparam("session_id"))
_ANSWER = select(ReportAnswer).where(ReportAnswer.report_id == sa.bindparam("report_id"),
                                     ReportAnswer.question == sa.bindparam("question"))
_GENERAL_ANSWER = _ANSWER.where(ReportAnswer.resolution_id.is_(None))
_RESOLUTION_ANSWER = _ANSWER.where(ReportAnswer.resolution_id == sa.bindparam("resolution_id"))
_ANSWERS = (select(ReportAnswer).where(ReportAnswer.report_id == sa.bindparam("report_id"))
            .order_by(ReportAnswer.id))
_ATTACHMENTS = (select(Attachment).where(Attachment.report_id == sa.bindparam("report_id"))
                .order_by(Attachment.id))
_LATEST = (select(ReportSubmission).where(ReportSubmission.report_id == sa.bindparam("report_id"))
           .order_by(ReportSubmission.version.desc()).limit(1))
_DRAFT = sa.select(WeeklyReport.id).where(WeeklyReport.id == sa.bindparam("report_id"),
                                          WeeklyReport.current_version == 0)
_DELETE_DRAFT = (sa.delete(ReportAnswer).where(ReportAnswer.report_id.in_(_DRAFT)),
                 sa.delete(Attachment).where(Attachment.report_id.in_(_DRAFT)))
_DELETE_DRAFT_REPORT = sa.delete(WeeklyReport).where(WeeklyReport.id.in_(_DRAFT))


def get_report(session: Session, *, report_id: int) -> WeeklyReport | None:
    """The report with this id, or None."""
    return session.get(WeeklyReport, report_id)


def pointed_report(
    session: Session, *, pointer_key: str
) -> tuple[WeeklyReport | None, CouncilSession | None] | None:
    """The report a stored pointer ({"report_id": …}) names, with its session; None when there
    is no pointer, (None, None) when its report is gone. One round trip."""
    row = session.exec(_POINTED, params={"pointer_key": pointer_key}).first()
    return None if row is None else (row[1], row[2])


def report_for(session: Session, *, unit_id: int, session_id: int) -> WeeklyReport | None:
    """A unit's report for one council session, or None."""
    return session.exec(_REPORT_FOR, params={"unit_id": unit_id, "session_id": session_id}
                        ).first()


def create_report(
    session: Session, *, unit_id: int, session_id: int, created_by_id: int | None, step: str,
    questionnaire_id: int | None = None,
) -> WeeklyReport:
    """Start a draft report and flush it."""
    report = WeeklyReport(unit_id=unit_id, session_id=session_id, created_by_id=created_by_id,
                          current_step=step, questionnaire_id=questionnaire_id)
    session.add(report)
    session.flush()
    return report


def save(session: Session, *, report: WeeklyReport) -> WeeklyReport:
    """Write a changed report and flush it."""
    session.add(report)
    session.flush()
    return report


def answers_of(session: Session, *, report_id: int) -> Sequence[ReportAnswer]:
    """Every answer of a report, in the order given."""
    return session.exec(_ANSWERS, params={"report_id": report_id}).all()


def answer_for(
    session: Session, *, report_id: int, question: str, resolution_id: int | None = None
) -> ReportAnswer | None:
    """One answer of a report, or None."""
    params = {"report_id": report_id, "question": question}
    if resolution_id is None:
        return session.exec(_GENERAL_ANSWER, params=params).first()
    return session.exec(_RESOLUTION_ANSWER, params={**params, "resolution_id": resolution_id}
                        ).first()


def save_answer(session: Session, *, answer: ReportAnswer) -> ReportAnswer:
    """Insert or update an answer and flush it."""
    session.add(answer)
    session.flush()
    return answer


def delete_answers(session: Session, *, report_id: int) -> None:
    """Remove every answer of a report."""
    session.execute(sa.delete(ReportAnswer).where(ReportAnswer.report_id == report_id))


def attachments_of(session: Session, *, report_id: int) -> Sequence[Attachment]:
    """A report's files, oldest first."""
    return session.exec(_ATTACHMENTS, params={"report_id": report_id}).all()


def add_attachment(session: Session, *, attachment: Attachment) -> Attachment:
    """Keep a file of a report and flush it."""
    session.add(attachment)
    session.flush()
    return attachment


def delete_attachments(session: Session, *, report_id: int, keep: Iterable[int] = ()) -> None:
    """Remove a report's files except those whose ids are in `keep`."""
    statement = sa.delete(Attachment).where(Attachment.report_id == report_id)
    keep = list(keep)
    if keep:
        statement = statement.where(Attachment.id.not_in(keep))
    session.execute(statement)


def delete_report(session: Session, *, report_id: int) -> None:
    """Remove a never-submitted draft with its answers and files (never among the reports in);
    a report ever submitted is left whole."""
    params = {"report_id": report_id}
    for statement in _DELETE_DRAFT:
        session.execute(statement, params)
    session.execute(_DELETE_DRAFT_REPORT, params)


def submissions_of(session: Session, *, report_id: int) -> Sequence[ReportSubmission]:
    """Every submitted version of a report, oldest first."""
    query = select(ReportSubmission).where(ReportSubmission.report_id == report_id)
    return session.exec(query.order_by(ReportSubmission.version)).all()


def latest_submission(session: Session, *, report_id: int) -> ReportSubmission | None:
    """The version that counts, or None."""
    return session.exec(_LATEST, params={"report_id": report_id}).first()


def submission_version(session: Session, *, report_id: int, version: int
                       ) -> ReportSubmission | None:
    """One submitted version of a report, or None."""
    query = select(ReportSubmission).where(ReportSubmission.report_id == report_id,
                                           ReportSubmission.version == version)
    return session.exec(query).first()


def add_submission(session: Session, *, submission: ReportSubmission) -> ReportSubmission:
    """Record a submitted version and flush it."""
    session.add(submission)
    session.flush()
    return submission


def count_receipts(session: Session, *, prefix: str) -> int:
    """How many receipt numbers start with `prefix` (e.g. "R-1400-")."""
    query = select(sa.func.count()).select_from(ReportSubmission).where(
        ReportSubmission.receipt_number.startswith(prefix)
    )
    return session.exec(query).one()


def report_states(session: Session, *, session_id: int) -> Sequence[sa.Row]:
    """Each report made for a session: its unit, id, status, version, lateness, first
    submission and wait for approval (the columns a compliance table shows; whole rows cost
    four times as much to load, for three hundred units)."""
    query = select(WeeklyReport.unit_id, WeeklyReport.id, WeeklyReport.status,
                   WeeklyReport.current_version, WeeklyReport.late,
                   WeeklyReport.first_submitted_at, WeeklyReport.awaiting_since)
    return session.exec(query.where(WeeklyReport.session_id == session_id)
                        .order_by(WeeklyReport.id)).all()


def submitted_of_units(
    session: Session, *, unit_ids: Iterable[int], limit: int = 10
) -> Sequence[tuple[WeeklyReport, CouncilSession, Unit]]:
    """The latest submitted reports of some units, newest session first."""
    query = (
        select(WeeklyReport, CouncilSession, Unit)
        .join(CouncilSession, CouncilSession.id == WeeklyReport.session_id)
        .join(Unit, Unit.id == WeeklyReport.unit_id)
        .where(WeeklyReport.unit_id.in_(list(unit_ids)), WeeklyReport.current_version > 0)
        .order_by(CouncilSession.starts_at.desc(), Unit.key)
        .limit(limit)
    )
    return session.exec(query).all()


def _expected_to_report(kinds: Iterable[str]) -> sa.ColumnElement[bool]:
    return sa.and_(Unit.kind.in_([str(k) for k in kinds]), Unit.active)


def compliance_units(session: Session, *, session_id: int, kinds: Iterable[str]
                     ) -> Sequence[sa.Row]:
    """The units of a session's compliance table, each with its id and names: every active
    unit expected to report (committees by default) by id, then any other that reported."""
    expected = _expected_to_report(kinds)
    reported = Unit.id.in_(select(WeeklyReport.unit_id).where(
        WeeklyReport.session_id == session_id))
    query = select(Unit.id, Unit.name_fa, Unit.name_en).where(expected | reported)
    return session.exec(query.order_by(sa.case((expected, 0), else_=1), Unit.id)).all()


def reporting_units(
    session: Session, *, kinds: Iterable[str] = (UnitKind.COMMITTEE,)
) -> Sequence[Unit]:
    """The active units expected to report every week (committees by default)."""
    return session.exec(select(Unit).where(_expected_to_report(kinds)).order_by(Unit.id)).all()


def secretariat_members(session: Session) -> Sequence[Member]:
    """Active members with a Telegram account and an active seat in a secretariat unit."""
    seats = (
        select(Membership.member_id)
        .join(Unit, Unit.id == Membership.unit_id)
        .where(Membership.active, Unit.kind == UnitKind.SECRETARIAT, Unit.active)
    )
    query = select(Member).where(Member.active, Member.telegram_id.is_not(None),
                                 Member.id.in_(seats))
    return session.exec(query.order_by(Member.id)).all()



def copies_queued(session: Session, *, kind: str) -> Sequence[OutboxMessage]:
    """Every queued message of one kind, oldest first."""
    query = select(OutboxMessage).where(OutboxMessage.kind == kind)
    return session.exec(query.order_by(OutboxMessage.id)).all()
