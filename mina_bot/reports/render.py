"""A report's content as an HTML message (preview, reading, the secretariat's copy)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mina_bot.catalog import Safe, text
from mina_bot.jalali import format_date, format_datetime
from mina_bot.persian import shorten
from mina_bot.reports.questions import label, of_content

ANSWER_LIMIT = 700  # one message must stay under Telegram's 4096 characters
# The report's own part of a message: the rest of 4096 is left to what surrounds it (a copy's
# heading, the preview's footer, the list of versions).
REPORT_LIMIT = 3400


def unit_name(content: dict[str, Any], lang: str) -> str:
    """The unit's name in the reader's language."""
    unit = content["unit"]
    return unit["name_en"] if lang == "en" else unit["name_fa"]


def progress_label(progress: str | None, lang: str) -> str:
    """«انجام شد», «در حال انجام», «متوقف» or «—»."""
    return text(f"reports.progress.{progress or 'none'}", lang)


def _answer(content: dict[str, Any], question: str, lang: str) -> str:
    answer = content["answers"].get(question) or {}
    if answer.get("text"):
        return shorten(answer["text"], ANSWER_LIMIT)
    return text("reports.answer.skipped" if answer.get("skipped") else "reports.answer.empty",
                lang)


def report_html(content: dict[str, Any], lang: str, tz: dt.tzinfo,
                heading: str | None = None) -> str:
    """The whole report as one message."""
    session_day = dt.datetime.fromisoformat(content["session"]["starts_at"]).astimezone(tz)
    lines = [heading or text("reports.view.heading", lang, unit=unit_name(content, lang),
                             number=content["session"]["number"],
                             date=format_date(session_day.date(), lang))]
    if content.get("receipt"):
        submitted = dt.datetime.fromisoformat(content["submitted_at"])
        late = text("reports.view.late_mark", lang) if content.get("late") else ""
        lines.append(text("reports.view.receipt", lang, receipt=content["receipt"],
                          version=content["version"],
                          when=format_datetime(submitted, tz, lang), late=Safe(late)))
    for question in of_content(content):
        lines.append("")
        lines.append(text("reports.view.answer", lang, question=label(question, lang),
                          answer=_answer(content, question["key"], lang)))
    tail = ["", text("reports.view.files", lang, count=len(content["attachments"]))]
    tail += [text("reports.view.file_line", lang,
                  name=item.get("file_name") or text("reports.view.photo", lang))
             for item in content["attachments"]]
    if content["progress"]:
        lines.append("")
        lines.append(text("reports.view.progress_heading", lang))
        budget = REPORT_LIMIT - sum(len(line) + 1 for line in lines + tail)
        lines += _progress_lines(content["progress"], lang, budget)
    lines += tail
    return "\n".join(lines)


def _progress_lines(progress: list[dict[str, Any]], lang: str, budget: int) -> list[str]:
    """A line per resolution, as many as fit; then how many more there are (a big unit can
    answer for hundreds, which no single message holds)."""
    out: list[str] = []
    for index, item in enumerate(progress):
        note = shorten(item["text"], 200) if item.get("text") else ""
        line = text("reports.view.progress_line", lang, number=item["number"],
                    session=item["session_number"], subject=shorten(item["subject"], 80),
                    status=progress_label(item.get("progress"), lang), note=note)
        if len(line) + 1 > budget - 120:  # room for the «N more» line
            out.append(text("reports.view.more_progress", lang, count=len(progress) - index))
            break
        out.append(line)
        budget -= len(line) + 1
    return out
