"""The pack's table of who attended the previous session: members (present, by a stand-in, or
absent) as the minutes or the chat recorded them, then the others present."""

from __future__ import annotations

from sqlmodel import Session

from mina_bot.catalog import label, text
from mina_bot.export.dto import Table
from mina_bot.reports.pack_parts import cols
from storage.models import CouncilSession
from storage.repositories import attendance as attendance_repo


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
