"""A report's content as one JSON document: the preview, each submitted version, the copy."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from mina_bot.reports import questions
from mina_bot.reports.drafts import resolution_ids
from storage.models import WeeklyReport
from storage.repositories import reports as reports_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo


def snapshot(session: Session, *, report: WeeklyReport) -> dict[str, Any]:
    """Everything the report says now, with the unit, session and resolutions it names."""
    unit = units_repo.get_unit(session, unit_id=report.unit_id)
    council = sessions_repo.get_session(session, session_id=report.session_id)
    asked = questions.of_report(session, report=report)
    every = reports_repo.answers_of(session, report_id=report.id)
    answers = {a.question: a for a in every if a.resolution_id is None}
    progress_answers = {a.resolution_id: a for a in every if a.resolution_id is not None}
    ids = resolution_ids(session, report=report, answers=every)
    rows = resolutions_repo.with_sessions(session, resolution_ids=ids)  # one query, not 2 per id
    progress = []
    for resolution_id in ids:
        resolution, of = rows[resolution_id]
        answer = progress_answers.get(resolution_id)
        progress.append({
            "resolution_id": resolution_id, "number": resolution.number,
            "session_number": of.number, "subject": resolution.subject,
            "progress": answer.progress.value if answer and answer.progress else None,
            "text": answer.text if answer else None,
        })
    return {
        "report_id": report.id,
        "unit": {"id": unit.id, "key": unit.key, "name_fa": unit.name_fa, "name_en": unit.name_en},
        "session": {"id": council.id, "number": council.number,
                    "starts_at": council.starts_at.isoformat()},
        "answers": {q: {"text": answers[q].text if q in answers else None,
                        "skipped": answers[q].skipped if q in answers else False}
                    for q in questions.keys_of(asked)},
        "questions": [dict(q) for q in asked],  # as answered, whatever is reworded later
        "progress": progress,
        "attachments": [
            {"id": a.id, "file_id": a.telegram_file_id, "file_unique_id": a.file_unique_id,
             "file_name": a.file_name, "mime_type": a.mime_type, "size": a.size,
             "kind": a.kind.value}
            for a in reports_repo.attachments_of(session, report_id=report.id)
        ],
    }
