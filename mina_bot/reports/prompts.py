"""What the bot says at each step of the report conversation: text and button specs."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from mina_bot.actors import Actor
from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, name_in, text
from mina_bot.jalali import format_date, format_datetime
from mina_bot.pages import page_count, page_nav
from mina_bot.reports import questions, steps
from mina_bot.reports.content import snapshot
from mina_bot.reports.drafts import question_keys, resolution_ids
from mina_bot.reports.render import report_html
from mina_bot.sessions.schedule import report_deadline
from mina_bot.settings import Settings
from storage.models import CouncilSession, Progress, WeeklyReport
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

FEATURE = "rep"
Button = tuple[str, str]  # (label, callback data)
EDIT_PAGE = 20


@dataclass(frozen=True)
class Prompt:
    """One message of the conversation."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    expects: str = "text"  # text | buttons | files


def _resolution_labels(session: Session, resolution_ids: list[int], lang: str) -> dict[int, dict]:
    """What names each resolution in a question or a button, by id (one query for all)."""
    labels = {}
    for rid, (resolution, council) in resolutions_repo.with_sessions(
            session, resolution_ids=resolution_ids).items():
        due = (format_date(resolution.due_date, lang) if resolution.due_date
               else text("reports.no_due", lang))
        labels[rid] = {"number": resolution.number, "session": council.number,
                       "subject": resolution.subject, "due": due}
    return labels


def expected_input(report: WeeklyReport) -> str:
    """What the current step takes (text, buttons or files), without building its prompt."""
    base = steps.bare(report.current_step or steps.PREVIEW)
    if steps.is_question(base) or base.startswith("note."):
        return "text"
    return "files" if base == steps.FILES else "buttons"


def prompt_for(session: Session, *, report: WeeklyReport, lang: str,
               settings: Settings) -> Prompt:
    """The question (or preview) for the report's current step."""
    step = report.current_step or steps.PREVIEW
    base = steps.bare(step)
    back = [[(text("reports.button.back", lang), encode(FEATURE, "goto", steps.PREVIEW))]]
    tail = back if steps.is_editing(step) else []
    skip = [[(text("reports.button.skip", lang), encode(FEATURE, "skip"))]]
    if steps.is_question(base):
        return _question(session, report, base, lang, skip + tail, tail)
    resolution_id = steps.resolution_of(step)
    if base.startswith("status."):
        choices = [(text(f"reports.progress.{p.value}", lang),
                    encode(FEATURE, "prog", resolution_id, p.value)) for p in Progress]
        return Prompt(text("reports.ask.status", lang,
                           **_resolution_labels(session, [resolution_id], lang)[resolution_id]),
                      [choices, *skip, *tail], expects="buttons")
    if base.startswith("note."):
        return Prompt(text("reports.ask.note", lang), skip + tail)
    if base == steps.FILES:
        done = [[(text("reports.button.files_done", lang),
                  encode(FEATURE, "goto", steps.PREVIEW))]]
        return Prompt(text("reports.ask.files", lang, limit=settings.max_upload_mb), done,
                      expects="files")
    body = report_html(snapshot(session, report=report), lang, settings.tz)
    footer = text("reports.preview.footer", lang)
    return Prompt(f"{body}\n\n{footer}", _preview_buttons(report, lang), expects="buttons")


def _question(session: Session, report: WeeklyReport, key: str, lang: str,
              optional: list[list[Button]], required: list[list[Button]]) -> Prompt:
    """«۲) برنامه هفته آینده چیست؟ (اختیاری)», with «صرف‌نظر» when it may be skipped."""
    asked = questions.of_report(session, report=report)
    number = next((i for i, q in enumerate(asked, 1) if q["key"] == key), 0)
    if not number:  # a step of a question no longer in the report's version
        return Prompt(text("reports.preview.footer", lang), _preview_buttons(report, lang),
                      expects="buttons")
    question = asked[number - 1]
    mark = text("reports.ask.optional", lang) if question.get("optional") else ""
    return Prompt(text("reports.ask.question", lang, number=number,
                       question=questions.asked(question, lang), optional=Safe(mark)),
                  optional if question.get("optional") else required)


def _preview_buttons(report: WeeklyReport, lang: str) -> list[list[Button]]:
    return [[(text("reports.button.submit", lang), encode(FEATURE, "submit", report.id)),
             (text("reports.button.edit", lang), encode(FEATURE, "editmenu"))]]


def prompt_again(session: Session, *, report: WeeklyReport, lang: str,
                 settings: Settings) -> Prompt:
    """The current question once more, after an answer of the wrong kind; at the preview only its
    buttons (the report itself is just above, and long)."""
    if steps.bare(report.current_step or steps.PREVIEW) == steps.PREVIEW:
        return Prompt(text("reports.preview.footer", lang), _preview_buttons(report, lang),
                      expects="buttons")
    return prompt_for(session, report=report, lang=lang, settings=settings)


def edit_menu(session: Session, *, report: WeeklyReport, lang: str, page: int = 0) -> Prompt:
    """A button for every answer that can be changed, EDIT_PAGE to a page (a unit answering for
    hundreds of resolutions would pass Telegram's 100 buttons in one keyboard)."""
    plan = steps.plan(question_keys(session, report=report),
                      resolution_ids(session, report=report))[:-1]
    names = {q["key"]: questions.label(q, lang)
             for q in questions.of_report(session, report=report)}
    pages = page_count(len(plan), EDIT_PAGE)
    page = min(page, pages - 1)
    shown = plan[page * EDIT_PAGE:(page + 1) * EDIT_PAGE]
    labels = _resolution_labels(
        session, [steps.resolution_of(step) for step in shown if step.startswith("status.")],
        lang)
    rows = []
    for step in shown:
        if step.startswith("status."):
            label = text("reports.edit.status", lang, **labels[steps.resolution_of(step)])
        elif step in names:
            label = names[step]
        else:
            label = text(f"reports.edit.{step}", lang)
        rows.append([(label, encode(FEATURE, "goto", step))])
    rows += page_nav((FEATURE, "editmenu"), page, pages, lang)
    rows.append([(text("reports.button.back", lang), encode(FEATURE, "goto", steps.PREVIEW))])
    heading = text("reports.edit.pick", lang)
    if pages > 1:
        heading += "\n" + text("reports.edit.page", lang, page=page + 1, pages=pages)
    return Prompt(heading, rows, expects="buttons")


def unit_name(session: Session, *, actor: Actor, unit_id: int, lang: str) -> str:
    """The unit's name in `lang`: from the actor's seat, else read (an administrator's)."""
    seat = actor.seat_in(unit_id)
    if seat is not None:
        return seat.unit_name_in(lang)
    return name_in(units_repo.get_unit(session, unit_id=unit_id), lang)


def opening(session: Session, *, report: WeeklyReport, actor: Actor, settings: Settings,
            resumed: bool, council: CouncilSession | None = None) -> str:
    """The first line of a new or resumed report (`council`: its session, if already read)."""
    lang = actor.language
    name = unit_name(session, actor=actor, unit_id=report.unit_id, lang=lang)
    if resumed and report.current_version > 0:  # a submitted report reopened, not a draft
        return text("reports.editing", lang, unit=name, version=report.current_version)
    if resumed:
        return text("reports.resumed", lang, unit=name)
    if council is None or council.id != report.session_id:
        council = sessions_repo.get_session(session, session_id=report.session_id)
    day = council.starts_at.astimezone(settings.tz).date()
    deadline = report_deadline(council, settings, settings.tz)
    return text("reports.started", lang, unit=name, number=council.number,
                date=format_date(day, lang, "weekday_long"),
                deadline=format_datetime(deadline, settings.tz, lang))
