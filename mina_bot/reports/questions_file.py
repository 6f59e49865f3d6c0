"""The organisation file's `report_questions`: each kind's questions from next week."""

from __future__ import annotations

import datetime as dt
from functools import partial

from sqlmodel import Session

from mina_bot.organisation.loader import FileHook, LoadReport
from mina_bot.organisation.schema import OrgFile
from mina_bot.reports import questionnaire_edit


def _apply(session: Session, org: OrgFile, report: LoadReport, *, now: dt.datetime,
           tz: dt.tzinfo) -> None:
    for spec in org.report_questions:
        wanted = [{"key": q.key, "fa": q.fa, "en": q.en, "optional": q.optional}
                  for q in spec.questions]
        if questionnaire_edit.replace(session, kind=spec.kind, questions=wanted, now=now, tz=tz):
            report.count("report_questions.update")


def apply_questions(now: dt.datetime, tz: dt.tzinfo) -> FileHook:
    """The loader's hook writing the file's questions (in force from the week after `now`)."""
    return partial(_apply, now=now, tz=tz)
