"""The quarterly report's committee sections: each unit's weekly reports of the quarter, what
was done, what was planned and the problems raised, in their own words, week by week; and the
files they sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Session

from mina_bot.catalog import label, name_in
from mina_bot.export.dto import Section, Table
from mina_bot.persian import shorten
from mina_bot.reports import questions
from mina_bot.reports.pack_parts import cols, day_cell
from storage.models import CouncilSession
from storage.repositories import packs as packs_repo

ANSWER_LIMIT = 800  # characters of one answer quoted; the full text is in the weekly report


def sections(session: Session, *, councils: tuple[CouncilSession, ...], tz: dt.tzinfo,
             lang: str) -> list[Section]:
    """A heading, then a section per unit that reported in the quarter (one query)."""
    days = {c.id: c.starts_at.astimezone(tz).date() for c in councils}
    weeks: dict[int, list] = {}
    units = {}
    for report, latest, unit in packs_repo.reports_with_latest(session, session_ids=list(days)):
        if latest is None:
            continue
        units[unit.id] = unit
        weeks.setdefault(unit.id, []).append((days[report.session_id], latest.content or {}))
    none = label("export.none", lang)
    head = Section(label("quarterly.section.committees", lang),
                   lines=(label("quarterly.committees.summary", lang, units=len(units)),))
    out = [head]
    for unit_id in sorted(units, key=lambda i: name_in(units[i], lang)):
        name = name_in(units[unit_id], lang)
        group = {"group": name, "group_column": label("export.col.unit", lang)}
        answers, files = [], []
        ordered = sorted(weeks[unit_id], key=lambda w: w[0])
        asked = _questions_of(content for _, content in ordered)
        for day, content in ordered:
            given = content.get("answers", {})
            answers.append((day_cell(day, lang), *(
                shorten((given.get(q["key"]) or {}).get("text") or "", ANSWER_LIMIT)
                for q in asked)))
            files += [(day_cell(day, lang), a.get("file_name") or label("export.file.photo", lang),
                       label(f"export.file.{a.get('kind', 'document')}", lang))
                      for a in content.get("attachments", [])]
        out.append(Section(name, level=1, tables=(
            Table(label("quarterly.sheet.weeks", lang),
                  (label("quarterly.col.week", lang),
                   *(questions.label(q, lang) for q in asked)),
                  tuple(answers), (12, *(120 // max(1, len(asked)),) * len(asked)), none,
                  **group),
            Table(label("export.sheet.files", lang),
                  (label("quarterly.col.week", lang), *cols(lang, "file", "kind")), tuple(files),
                  (12, 60, 12), none, caption=label("export.caption.files", lang), **group))))
    return out


def _questions_of(contents: Iterable[dict]) -> list[dict]:
    """Every question the unit answered in the quarter, in the order first asked, each under
    its latest wording."""
    found: dict[str, dict] = {}
    for content in contents:
        for question in questions.of_content(content):
            found[question["key"]] = question  # an existing key keeps its place
    return list(found.values())
