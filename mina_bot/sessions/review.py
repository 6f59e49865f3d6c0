"""The agenda's review item: the resolutions with owed shares, naming the units that still owe
(in /session, the broadcast agenda and the pack; never an empty title)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from mina_bot.catalog import join, name_in, text
from storage.models import ResolutionStatus, Unit
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import shares as shares_repo

LIMIT = 8  # lines named; the rest counted


@dataclass(frozen=True)
class Owed:
    """An open resolution and the units whose share is still owed."""

    number: int
    session_number: int
    units: tuple[Unit, ...]
    overdue: bool


def owed(session: Session, *, today: dt.date) -> list[Owed]:
    """Every open resolution with the units that owe it, overdue ones first, most urgent first."""
    found = resolutions_repo.search(session, statuses=[ResolutionStatus.OPEN])
    owing = shares_repo.owing_units(session, resolution_ids=[r.id for r, _ in found])
    rows = [Owed(r.number, council.number, tuple(owing.get(r.id, ())),
                 r.due_date is not None and r.due_date < today) for r, council in found]
    return sorted(rows, key=lambda o: not o.overdue)  # stable: search's order within each


def review_title(items: Sequence[Owed], lang: str) -> str:
    """«بررسی مصوبات باز (۵) و معوق (۲):» and a line per resolution naming the units owing."""
    overdue = sum(o.overdue for o in items)
    lines = [text("sessions.review.header", lang, open=len(items), overdue=overdue)]
    for o in items[:LIMIT]:
        lines.append(text("sessions.review.line", lang, number=o.number,
                          session=o.session_number,
                          units=join((name_in(u, lang) for u in o.units), lang) or "—",
                          late=text("sessions.review.late", lang) if o.overdue else ""))
    if len(items) > LIMIT:
        lines.append(text("sessions.review.more", lang, count=len(items) - LIMIT))
    if not items:
        lines.append(text("sessions.review.none", lang))
    return "\n".join(lines)
