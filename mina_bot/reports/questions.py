"""The weekly report's questions: which version a report is answered with, and their texts.

Questions are versioned per unit kind («all»: the default for kinds without their own). A
report keeps the version it was opened with; a submitted version carries the questions' texts
in its content, so it reads as it was answered whatever is changed later.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from mina_bot.persian import shorten
from storage.models import ReportQuestionnaire, Unit, WeeklyReport
from storage.repositories import report_questions as questions_repo

DEFAULT_KIND = "all"
Question = dict[str, Any]  # {"key", "fa", "en", "label_fa", "label_en", "optional"}

# Version 1, as migration 0014 wrote it: what contents submitted before it were answered with.
FIRST_VERSION: tuple[Question, ...] = (
    {"key": "done", "fa": "این هفته چه کارهایی انجام شد؟", "en": "What was done this week?",
     "label_fa": "کارهای انجام‌شده", "label_en": "Done this week", "optional": False},
    {"key": "planned", "fa": "برنامه هفته آینده چیست؟", "en": "What is planned for next week?",
     "label_fa": "برنامه هفته آینده", "label_en": "Planned next week", "optional": True},
    {"key": "problems", "fa": "چه مشکلاتی هست و از دیگر واحدها چه نیازی دارید؟",
     "en": "Problems, and what do you need from other units?",
     "label_fa": "مشکلات و نیازها", "label_en": "Problems and needs", "optional": True},
)
LABEL_LIMIT = 40  # a question's text shortened to name it on a button or in a change line


def asked(question: Question, lang: str) -> str:
    """The question as asked, in `lang` (the Persian when no English was given)."""
    return question.get(lang) or question["fa"]


def label(question: Question, lang: str) -> str:
    """The short name of a question: its label, else its text shortened."""
    return question.get(f"label_{lang}") or shorten(asked(question, lang), LABEL_LIMIT)


def in_force(session: Session, *, unit_kind: str, at: dt.datetime) -> ReportQuestionnaire:
    """The version a report of a session at `at` is opened with: its kind's, else the
    default's (version 1 is always there)."""
    found = questions_repo.in_force(session, unit_kind=unit_kind, at=at)
    found = found or questions_repo.in_force(session, unit_kind=DEFAULT_KIND, at=at)
    if found is None:
        raise LookupError("no report questionnaire is in force: migration 0014 writes one")
    return found


def for_unit(session: Session, *, unit: Unit, at: dt.datetime) -> ReportQuestionnaire:
    """The version a unit's report for a session at `at` is opened with."""
    return in_force(session, unit_kind=str(unit.kind), at=at)


def of_report(session: Session, *, report: WeeklyReport) -> tuple[Question, ...]:
    """The questions a report is answered with, in order."""
    if report.questionnaire_id is None:
        return FIRST_VERSION
    found = questions_repo.get(session, questionnaire_id=report.questionnaire_id)
    return tuple(found.questions) if found is not None else FIRST_VERSION


def keys_of(questions: tuple[Question, ...]) -> tuple[str, ...]:
    """The step names of the questions, in order."""
    return tuple(q["key"] for q in questions)


def of_content(content: dict[str, Any]) -> tuple[Question, ...]:
    """The questions a submitted version was answered with (version 1 before they were kept)."""
    return tuple(content.get("questions") or FIRST_VERSION)
