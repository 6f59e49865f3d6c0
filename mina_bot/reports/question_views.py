"""Messages of /questions: the kinds of unit, and one kind's questions with their buttons."""

from __future__ import annotations

import datetime as dt

from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, text
from mina_bot.jalali import format_date
from mina_bot.pages import Buttons
from mina_bot.reports.questionnaire_edit import KINDS, MAX_QUESTIONS, KindView
from mina_bot.reports.questions import asked


def kind_name(kind: str, lang: str) -> str:
    """«همه واحدها (پیش‌فرض)», «کمیته», …"""
    return text(f"questions.kind.{kind}", lang)


def kinds_message(lang: str, feature: str) -> tuple[str, Buttons]:
    """Which kind of unit's questions to change, two buttons a row."""
    buttons = [(kind_name(k, lang), encode(feature, "kind", k)) for k in KINDS]
    return text("questions.pick_kind", lang), [buttons[i:i + 2]
                                               for i in range(0, len(buttons), 2)]


def kind_message(shown: KindView, lang: str, tz: dt.tzinfo, feature: str) -> tuple[str, Buttons]:
    """The questions the secretariat edits, numbered, with a row of buttons each."""
    lines = [text("questions.heading", lang, kind=kind_name(shown.kind, lang),
                  version=shown.current.version)]
    if shown.upcoming is not None:
        day = shown.upcoming.effective_from.astimezone(tz).date()
        lines.append(text("questions.upcoming", lang, version=shown.upcoming.version,
                          date=format_date(day, lang, "weekday_long")))
    else:
        lines.append(text("questions.no_upcoming", lang))
    lines.append("")
    buttons: Buttons = []
    for number, question in enumerate(shown.shown, 1):
        mark = text("reports.ask.optional", lang) if question.get("optional") else ""
        lines.append(text("questions.line", lang, number=number,
                          question=asked(question, lang), optional=Safe(mark)))
        key = question["key"]
        switch = "questions.button.required" if question.get("optional") else \
            "questions.button.optional"
        buttons.append([(text("questions.button.reword", lang, number=number),
                         encode(feature, "rw", shown.kind, key)),
                        (text("questions.button.up", lang, number=number),
                         encode(feature, "up", shown.kind, key)),
                        (text(switch, lang, number=number),
                         encode(feature, "opt", shown.kind, key)),
                        (text("questions.button.remove", lang, number=number),
                         encode(feature, "del", shown.kind, key))])
    if len(shown.shown) < MAX_QUESTIONS:
        buttons.append([(text("questions.button.add", lang), encode(feature, "add", shown.kind))])
    lines += ["", text("questions.footer", lang)]
    return "\n".join(lines), buttons
