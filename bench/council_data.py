"""Rows of the council's years: weekly sessions, resolutions with units and events, reports."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bench.scale import Scale
from bench.vocabulary import SUBJECT_TAILS, TIME_FRAMES, subject
from mina_bot.sessions.schedule import local_date, regular_slot_after, session_start
from mina_bot.settings import Settings
from storage.models import CouncilSession

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
NEXT_SESSION_TAIL = 1  # index of «در جلسه آینده ارائه شود.» in SUBJECT_TAILS
WEEKLY_TAIL = 2  # index of «هر هفته گزارش شود.»


@dataclass
class Council:
    """The generated rows, table by table in insertion order."""

    tables: list[tuple[str, list[dict]]] = field(default_factory=list)
    coming_id: int = 0
    coming_date: dt.date | None = None


def _sessions(weeks: int, now: dt.datetime, settings: Settings) -> list[dict]:
    coming = regular_slot_after(now, settings)
    day = coming.astimezone(settings.tz).date()
    rows = []
    for number in range(1, weeks + 1):
        back = weeks - number
        starts = session_start(day - dt.timedelta(weeks=back), settings)
        held = back > 0
        rows.append(dict(id=number, number=number, starts_at=starts, place=settings.session_place,
                         status="held" if held else "planned",
                         minutes_imported_at=starts + DAY if held else None,
                         created_at=starts - 7 * DAY))
    return rows


def _status(rng: random.Random, age_weeks: int) -> str:
    roll = rng.random()
    if age_weeks > 26:
        table = (("confirmed", 0.89), ("cancelled", 0.97), ("reported_done", 0.98))
    elif age_weeks > 4:
        table = (("confirmed", 0.55), ("cancelled", 0.60), ("reported_done", 0.70))
    else:
        table = (("confirmed", 0.10), ("cancelled", 0.12), ("reported_done", 0.27))
    return next((status for status, edge in table if roll < edge), "open")


def _pick_units(rng: random.Random, units: list[dict]) -> list[dict]:
    national = [u for u in units if u["parent_id"] is None and u["kind"] != "province"]
    count = 1 if rng.random() < 0.55 else (2 if rng.random() < 0.67 else 3)
    chosen: dict[int, dict] = {}
    while len(chosen) < count:
        unit = rng.choice(national) if rng.random() < 0.35 else rng.choice(units)
        chosen[unit["id"]] = unit
    return list(chosen.values())


def _resolutions(rng: random.Random, scale: Scale, sessions: list[dict], units: list[dict],
                 officers: dict[int, dict[str, int]], tz: dt.tzinfo
                 ) -> tuple[list[dict], list[dict], list[dict]]:
    held = sessions[:-1]
    resolutions, assignments, events = [], [], []
    confirmer = officers[units[0]["id"]]["head"]  # the national secretariat's head
    for index in range(scale.resolutions):
        council = held[index % len(held)]
        number = index // len(held) + 1
        age = len(held) - council["number"]
        starts: dt.datetime = council["starts_at"]
        day = local_date(CouncilSession(starts_at=starts, number=0), tz)
        tail = rng.randrange(len(SUBJECT_TAILS))
        frame, days = TIME_FRAMES[rng.randrange(len(TIME_FRAMES))]
        due = day + dt.timedelta(days=days) if days else None
        at_next = days is None and tail == NEXT_SESSION_TAIL
        if at_next:
            due = day + dt.timedelta(weeks=1)
        status = _status(rng, age)
        rid = index + 1
        resolutions.append(dict(
            id=rid, session_id=council["id"], number=number,
            subject=subject(number, rng.randrange(99), rng.randrange(99), tail),
            time_frame=frame, due_date=due,
            due_at_session_id=council["id"] + 1 if at_next else None,
            recurrence="weekly" if tail == WEEKLY_TAIL and rng.random() < 0.15 else None,
            status=status, created_at=starts + HOUR, updated_at=starts + 3 * DAY))
        chosen = _pick_units(rng, units)
        # Each share in its resolution's state, the first unit the lead, as migration 0007 left
        # them (a cancelled resolution's shares stay open, withdrawn as 0017 marks them).
        state = status if status in ("reported_done", "confirmed") else "open"
        assignments.extend(dict(resolution_id=rid, unit_id=u["id"], raw_name=u["name_fa"],
                                state=state, since=starts + 3 * DAY, is_lead=i == 0,
                                withdrawn=status == "cancelled")
                           for i, u in enumerate(chosen))
        events.append(_event(len(events) + 1, rid, None, "created", None, "open", None,
                             starts + HOUR))
        if status in ("reported_done", "confirmed"):
            unit = chosen[0]["id"]
            events.append(_event(len(events) + 1, rid, officers[unit]["secretary"],
                                 "reported_done", "open", "reported_done", unit,
                                 starts + 2 * DAY))
        if status == "confirmed":
            events.append(_event(len(events) + 1, rid, confirmer, "confirmed", "reported_done",
                                 "confirmed", None, starts + 3 * DAY))
        if status == "cancelled":
            events.append(_event(len(events) + 1, rid, confirmer, "cancelled", "open",
                                 "cancelled", None, starts + 3 * DAY))
    return resolutions, assignments, events


def _event(eid: int, rid: int, actor: int | None, kind: str, before: str | None,
           after: str, unit: int | None, at: dt.datetime) -> dict:
    return dict(id=eid, resolution_id=rid, actor_member_id=actor, kind=kind, from_status=before,
                to_status=after, unit_id=unit, note=None, created_at=at)


def _reports(rng: random.Random, scale: Scale, sessions: list[dict], units: list[dict],
             officers: dict[int, dict[str, int]]) -> tuple[list[dict], list[dict]]:
    reports, submissions = [], []
    for council in reversed(sessions):  # the newest weeks are complete
        coming = council["status"] == "planned"
        deadline = council["starts_at"] - 22 * HOUR
        for unit in units:
            if len(reports) == scale.reports:
                return reports, submissions
            roll = rng.random()
            if roll > (0.55 if coming else 0.94):
                continue  # no report at all: missing
            submitted = roll < (0.35 if coming else 0.90)
            late = submitted and not coming and rng.random() < 0.12
            at = deadline + (2 * HOUR if late else -rng.randrange(1, 72) * HOUR)
            author = officers[unit["id"]]["secretary"]
            rid = len(reports) + 1
            reports.append(dict(
                id=rid, unit_id=unit["id"], session_id=council["id"],
                status="submitted" if submitted else "draft",
                current_step=None if submitted else "planned",
                current_version=1 if submitted else 0,
                first_submitted_at=at if submitted else None,
                last_submitted_at=at if submitted else None, late=late, created_by_id=author,
                created_at=at - DAY, updated_at=at))
            if submitted:
                submissions.append(dict(
                    id=len(submissions) + 1, report_id=rid, version=1,
                    receipt_number=f"{council['number']}-{unit['id']}-1",
                    submitted_by_id=author, submitted_at=at, late=late,
                    content={"done": "گزارش اقدامات هفته", "next": "برنامه هفته آینده"}))
    return reports, submissions


def build(rng: random.Random, scale: Scale, *, units: list[dict],
          officers: dict[int, dict[str, int]], now: dt.datetime, settings: Settings,
          weeks: int) -> Council:
    """Sessions (the last one is the coming one), resolutions with units and events, reports."""
    sessions = _sessions(weeks, now, settings)
    resolutions, assignments, events = _resolutions(rng, scale, sessions, units, officers,
                                                    settings.tz)
    reports, submissions = _reports(rng, scale, sessions, units, officers)
    coming = sessions[-1]
    return Council(
        tables=[("council_session", sessions), ("resolution", resolutions),
                ("resolution_assignment", assignments), ("resolution_event", events),
                ("weekly_report", reports), ("report_submission", submissions)],
        coming_id=coming["id"], coming_date=coming["starts_at"].astimezone(settings.tz).date())
