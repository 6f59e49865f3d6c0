"""Attendance in the documents: who attended the previous session (members present, by a
stand-in or absent, then the others present), and each member's and unit's quarter."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from mina_bot.catalog import label, name_in, text
from mina_bot.export.dto import Section, Table
from mina_bot.reports.pack_parts import cols
from mina_bot.sessions.attendance import council_members, quarter_attendance
from storage.models import CouncilSession
from storage.repositories import attendance as attendance_repo
from storage.repositories import units as units_repo


def attendance_table(session: Session, *, council: CouncilSession, lang: str) -> Table | None:
    """Who attended `council` (members, stand-ins, others), or None while nothing is recorded."""
    rows = attendance_repo.of_session(session, session_id=council.id)
    if not rows:
        return None
    lines = tuple(
        (row.name,
         text("export.attendance.guest" if row.guest else f"export.attendance.{row.status}", lang),
         row.stand_in or "")
        for row in rows)
    return Table(label("export.sheet.attendance", lang),
                 (*cols(lang, "member"), text("export.col.attendance", lang),
                  text("export.col.stand_in", lang)), lines, (30, 16, 30))


def quarter_attendance_section(session: Session, *, first: dt.date, last: dt.date,
                               tz: dt.tzinfo, lang: str) -> Section:
    """The quarter's attendance per member and per unit, of the sessions held in it."""
    members, units = quarter_attendance(session, start=first, end=last, tz=tz)
    names = {m.id: m.name for m in council_members(session)}
    unit_names = {u.id: name_in(u, lang) for u in units_repo.list_units(session)}
    counts = ("sessions", "present", "stand_in", "absent")
    header = tuple(text(f"export.col.attendance_{c}", lang) for c in counts)

    def rows(tallies: dict, named: dict) -> tuple:
        return tuple((named[i], t.sessions, t.present, t.stand_in, t.absent)
                     for i, t in sorted(tallies.items(), key=lambda kv: named.get(kv[0], ""))
                     if i in named)

    none = label("export.none", lang)
    return Section(label("export.section.quarter_attendance", lang), tables=(
        Table(label("export.sheet.attendance", lang), (*cols(lang, "member"), *header),
              rows(members, names), (30, 10, 10, 10, 10), none),
        Table(label("export.sheet.attendance_units", lang), (*cols(lang, "unit"), *header),
              rows(units, unit_names), (30, 10, 10, 10, 10), none)))
