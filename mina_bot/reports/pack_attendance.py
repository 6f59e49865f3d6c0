"""SLOT for issue 22 (session attendance, built in parallel): the pack's table of who attended
the previous session. Until attendance is stored it returns None, and the pack says it is not
recorded yet. Fill it with a Table of sheet label("export.sheet.attendance") and columns
cols(lang, "member", "unit", "role") from the attendance repository."""

from __future__ import annotations

from sqlmodel import Session

from mina_bot.export.dto import Table
from storage.models import CouncilSession


def attendance_table(session: Session, *, council: CouncilSession, lang: str) -> Table | None:
    """Who attended `council` (members, stand-ins, others), or None while it is not stored."""
    return None
