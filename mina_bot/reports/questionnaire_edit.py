"""The secretariat changes the report's questions: add, reword, reorder, mark optional, remove,
for every unit or one kind of unit. Changes go to next week's version, so this week's reports
keep the questions they are being answered with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.errors import MinaError, StaleButton
from mina_bot.reports.questions import DEFAULT_KIND, Question, in_force
from mina_bot.weeks import week_start
from storage.models import ReportQuestionnaire, UnitKind
from storage.repositories import report_questions as questions_repo

KINDS = (DEFAULT_KIND, *(k.value for k in UnitKind))
MAX_QUESTIONS = 15  # four buttons each stay under Telegram's 100 in one keyboard
TEXT_LIMIT = 500
ENGLISH_MARK = "---"  # a line of its own between the Persian question and its English


class QuestionRefused(MinaError):
    """A question text that is empty or too long, or one question too many or too few."""

    text_key = "questions.error.text"


@dataclass(frozen=True)
class KindView:
    """The questions in force for a kind now, and next week's version if it differs."""

    kind: str
    current: ReportQuestionnaire
    upcoming: ReportQuestionnaire | None

    @property
    def shown(self) -> tuple[Question, ...]:
        """What the secretariat edits: next week's questions if any, else today's."""
        return tuple((self.upcoming or self.current).questions)


def kind_named(kind: str) -> str:
    """A kind from a button; StaleButton for anything else."""
    if kind not in KINDS:
        raise StaleButton()
    return kind


def next_week(now: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """Saturday 00:00 (local) of the coming week, when edits made now take effect."""
    saturday = week_start(now.astimezone(tz).date()) + dt.timedelta(days=7)
    return dt.datetime.combine(saturday, dt.time(0), tzinfo=tz).astimezone(dt.UTC)


def view(session: Session, *, kind: str, now: dt.datetime) -> KindView:
    """The kind's questions now and, if already changed, from next week (a kind without
    versions of its own follows the default's)."""
    current = in_force(session, unit_kind=kind, at=now)
    newest = questions_repo.newest(session, unit_kind=kind) or questions_repo.newest(
        session, unit_kind=DEFAULT_KIND)
    upcoming = newest if newest is not None and newest.effective_from > now else None
    return KindView(kind=kind, current=current, upcoming=upcoming)


def _editable(session: Session, *, kind: str, now: dt.datetime, tz: dt.tzinfo,
              actor: Actor | None) -> ReportQuestionnaire:
    """Next week's version of the kind: the one already made, unless a report uses it, else a
    copy of the newest (the default's, for a kind without its own)."""
    start = next_week(now, tz)
    newest = questions_repo.newest(session, unit_kind=kind)
    if newest is not None and newest.effective_from >= start and not questions_repo.in_use(
            session, questionnaire_id=newest.id):
        return newest
    source = newest or questions_repo.newest(session, unit_kind=DEFAULT_KIND)
    return questions_repo.save(session, questionnaire=ReportQuestionnaire(
        unit_kind=kind, version=(newest.version + 1) if newest else 1,
        effective_from=max(start, newest.effective_from) if newest else start,
        questions=[dict(q) for q in source.questions],
        created_by_id=actor.member_id if actor else None, created_at=now))


def _texts(typed: str) -> tuple[str, str | None]:
    """The Persian question and, after a line «---», its English."""
    fa, _, en = typed.partition(f"\n{ENGLISH_MARK}\n")
    fa, en = fa.strip(), en.strip()
    for part in (fa, en):
        if len(part) > TEXT_LIMIT:
            raise QuestionRefused("questions.error.too_long", limit=TEXT_LIMIT, length=len(part))
    if not fa:
        raise QuestionRefused("questions.error.empty")
    return fa, en or None


def _new_key(session: Session, kind: str) -> str:
    used = {q["key"] for k in {kind, DEFAULT_KIND}
            for v in questions_repo.versions_of(session, unit_kind=k) for q in v.questions}
    number = len(used) + 1
    while f"q{number}" in used:
        number += 1
    return f"q{number}"


def _index(questions: list[Question], key: str) -> int:
    found = next((i for i, q in enumerate(questions) if q["key"] == key), None)
    if found is None:
        raise StaleButton()  # a question removed meanwhile, or a forged key
    return found


def change(session: Session, *, kind: str, verb: str, key: str | None, typed: str | None,
           now: dt.datetime, tz: dt.tzinfo, actor: Actor | None) -> ReportQuestionnaire:
    """One change to next week's questions of `kind`: add, rw (reword), up, opt, del."""
    version = _editable(session, kind=kind_named(kind), now=now, tz=tz, actor=actor)
    questions = [dict(q) for q in version.questions]
    if verb == "add":
        if len(questions) >= MAX_QUESTIONS:
            raise QuestionRefused("questions.error.too_many", limit=MAX_QUESTIONS)
        fa, en = _texts(typed or "")
        questions.append({"key": _new_key(session, kind), "fa": fa, "en": en, "optional": False})
    else:
        i = _index(questions, key or "")
        if verb == "rw":
            fa, en = _texts(typed or "")
            english = {"en": en, "label_en": None} if en else {}
            questions[i] = {**questions[i], "fa": fa, "label_fa": None, **english}
        elif verb == "up" and i > 0:
            questions[i - 1], questions[i] = questions[i], questions[i - 1]
        elif verb == "opt":
            questions[i] = {**questions[i], "optional": not questions[i].get("optional")}
        elif verb == "del":
            if len(questions) == 1:
                raise QuestionRefused("questions.error.last")
            del questions[i]
        elif verb != "up":
            raise StaleButton()
    version.questions = questions  # a new list: the JSON column sees the change
    return questions_repo.save(session, questionnaire=version)


def replace(session: Session, *, kind: str, questions: list[Question], now: dt.datetime,
            tz: dt.tzinfo) -> bool:
    """Next week's questions of `kind` as the organisation file gives them; whether anything
    changed (the same list again writes nothing)."""
    newest = questions_repo.newest(session, unit_kind=kind)
    if newest is not None and [dict(q) for q in newest.questions] == questions:
        return False
    version = _editable(session, kind=kind, now=now, tz=tz, actor=None)
    version.questions = questions
    questions_repo.save(session, questionnaire=version)
    return True
