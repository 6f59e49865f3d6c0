"""The quarterly report's committee sections: each unit's weekly reports of the quarter, what
was done, what was planned and the problems raised, in their own words, week by week; and the
files they sent."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.catalog import label, name_in
from mina_bot.export.dto import Section, Table
from mina_bot.persian import shorten
from mina_bot.reports.pack_parts import QUESTIONS, cols, day_cell
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
        for day, content in sorted(weeks[unit_id], key=lambda w: w[0]):
            given = content.get("answers", {})
            answers.append((day_cell(day, lang), *(
                shorten((given.get(q) or {}).get("text") or "", ANSWER_LIMIT) for q in QUESTIONS)))
            files += [(day_cell(day, lang), a.get("file_name") or label("export.file.photo", lang),
                       label(f"export.file.{a.get('kind', 'document')}", lang))
                      for a in content.get("attachments", [])]
        out.append(Section(name, level=1, tables=(
            Table(label("quarterly.sheet.weeks", lang),
                  (label("quarterly.col.week", lang),
                   *(label(f"export.question.{q}", lang) for q in QUESTIONS)),
                  tuple(answers), (12, 40, 40, 40), none, **group),
            Table(label("export.sheet.files", lang),
                  (label("quarterly.col.week", lang), *cols(lang, "file", "kind")), tuple(files),
                  (12, 60, 12), none, caption=label("export.caption.files", lang), **group))))
    return out
