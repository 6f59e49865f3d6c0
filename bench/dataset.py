"""The national dataset: 31 provinces, ~320 units, members, years of sessions, resolutions, reports.

Deterministic for a seed and an anchor moment; written with SQLAlchemy core executemany in
batches (explicit ids, no RETURNING), then PostgreSQL's sequences are moved past them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
import yaml
from sqlalchemy.engine import Engine

from bench import council_data
from bench.scale import Scale
from bench.vocabulary import FIRST_NAMES, LAST_NAMES, PROVINCIAL_COMMITTEES, province_names
from mina_bot.settings import Settings
from storage.models import metadata

ORG_FILE = Path(__file__).resolve().parents[1] / "examples" / "org.yaml"
TELEGRAM_BASE = 10_000_000
BATCH = 5000
REPORT_COVERAGE = 0.94  # share of units that have a report row for a held session
NATIONAL_SEATS = {"secretariat": 6, "committee": 15, "deputy": 4, "institute": 4}  # + officers


@dataclass
class Dataset:
    """What was generated, and who the measurements act as."""

    seed: int
    now: dt.datetime
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    probes: list[int] = field(default_factory=list)  # telegram ids, members of three units
    # One officer per unit (the secretary, telegram ids): two officers of one unit writing its
    # one report at once would discard each other's draft.
    officers: list[int] = field(default_factory=list)
    secretariat_head: int = 0  # telegram id of the national secretariat's head
    everyone: list[int] = field(default_factory=list)  # every member's telegram id
    coming_session_id: int = 0
    coming_date: dt.date | None = None

    def describe(self) -> dict:
        """The JSON description of the dataset."""
        return {"seed": self.seed, "now": self.now.isoformat(), "counts": self.counts,
                "seconds": round(self.seconds, 2), "coming_session": str(self.coming_date)}


def _stamp(now: dt.datetime) -> dict:
    return {"created_at": now, "updated_at": now}


def _units(scale: Scale, now: dt.datetime) -> list[dict]:
    org = yaml.safe_load(ORG_FILE.read_text(encoding="utf-8"))["units"]
    rows = [dict(id=i, key=u["key"], kind=u["kind"], name_fa=u["name_fa"],
                 name_en=u["name_en"], aliases=list(u.get("aliases") or []), parent_id=None,
                 active=True, **_stamp(now)) for i, u in enumerate(org, start=1)]
    for p, province in enumerate(province_names(scale.provinces), start=1):
        head_id = len(rows) + 1
        rows.append(dict(id=head_id, key=f"p{p:03d}", kind="province",
                         name_fa=f"ستاد سرشماری استان {province}", name_en=f"Province {p}",
                         aliases=[], parent_id=None, active=True, **_stamp(now)))
        rows.append(dict(id=head_id + 1, key=f"p{p:03d}-secretariat", kind="office",
                         name_fa=f"دبیرخانه استان {province}", name_en=f"Province {p} secretariat",
                         aliases=[], parent_id=head_id, active=True, **_stamp(now)))
        for suffix, name_fa, name_en in PROVINCIAL_COMMITTEES:
            rows.append(dict(id=len(rows) + 1, key=f"p{p:03d}-{suffix}", kind="committee",
                             name_fa=f"{name_fa} استان {province}",
                             name_en=f"{name_en}, province {p}", aliases=[],
                             parent_id=head_id, active=True, **_stamp(now)))
    return rows


def _people(rng: random.Random, scale: Scale, units: list[dict], now: dt.datetime,
            data: Dataset) -> tuple[list[dict], list[dict], dict[int, dict[str, int]]]:
    members = [dict(id=i, telegram_id=TELEGRAM_BASE + i,
                    name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {i}",
                    language="en" if rng.random() < 0.05 else "fa", is_admin=False, active=True,
                    unreachable_since=None, muted_reminders=[], deactivated_at=None,
                    **_stamp(now)) for i in range(1, scale.members + 1)]
    seats: dict[int, set[int]] = {m["id"]: set() for m in members}
    rows: list[dict] = []
    officers: dict[int, dict[str, int]] = {}

    def seat(member_id: int, unit_id: int, role: str) -> None:
        seats[member_id].add(unit_id)
        rows.append(dict(id=len(rows) + 1, member_id=member_id, unit_id=unit_id, role=role,
                         active=True, created_at=now, ended_at=None))

    order = [m["id"] for m in members]
    rng.shuffle(order)
    pool = iter(order)
    for unit in units:
        head, secretary = next(pool), next(pool)
        seat(head, unit["id"], "head")
        seat(secretary, unit["id"], "secretary")
        officers[unit["id"]] = {"head": head, "secretary": secretary}
        data.officers.append(TELEGRAM_BASE + secretary)
    national = [u["id"] for u in units if u["kind"] == "committee" and u["parent_id"] is None]
    provincial = [u["id"] for u in units if u["kind"] == "committee" and u["parent_id"]]
    by_province: dict[int, list[int]] = {}
    for unit in units:
        by_province.setdefault(unit["parent_id"] or unit["id"], []).append(unit["id"])
    provinces = [ids for head, ids in by_province.items() if len(ids) > 1]
    seats_left = {u["id"]: NATIONAL_SEATS.get(u["kind"], 0) for u in units[:9]}
    for member_id in pool:  # the members left after the officers
        if len(data.probes) < scale.probes:
            for unit_id in (rng.choice(national), *rng.sample(provincial, 2)):
                seat(member_id, unit_id, "member")
            data.probes.append(TELEGRAM_BASE + member_id)
            continue
        free = [unit_id for unit_id, left in seats_left.items() if left]
        if free and rng.random() < 0.1:  # the headquarters' own staff
            unit_id = rng.choice(free)
            seats_left[unit_id] -= 1
            seat(member_id, unit_id, "member")
            continue
        home = rng.choice(provinces)  # the rest work in one province, in up to three units
        wanted = 1 + (rng.random() < 0.28) + (rng.random() < 0.12)
        for unit_id in rng.sample(home, wanted):
            seat(member_id, unit_id, "member")
    data.everyone = [m["telegram_id"] for m in members]
    data.secretariat_head = TELEGRAM_BASE + officers[units[0]["id"]]["head"]
    return members, rows, officers


def _insert(connection: sa.Connection, name: str, rows: list[dict]) -> None:
    table = metadata.tables[name]
    if connection.dialect.name == "postgresql" and rows:
        _copy(connection, table, rows)
        return
    for start in range(0, len(rows), BATCH):
        connection.execute(table.insert(), rows[start:start + BATCH])


def _copy(connection: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    """PostgreSQL COPY through psycopg: JSON columns as text, the rest as psycopg adapts them."""
    columns = list(rows[0])
    as_json = {c for c in columns if isinstance(table.c[c].type, sa.JSON)}
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([json.dumps(row[c], ensure_ascii=False) if c in as_json else row[c]
                            for c in columns])


def _move_sequences(connection: sa.Connection, names: list[str]) -> None:
    for name in names:
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)")


def weeks_for(scale: Scale, unit_count: int) -> int:
    """How many weekly sessions hold `scale.reports` reports (plus the coming one)."""
    return math.ceil(scale.reports / (unit_count * REPORT_COVERAGE)) + 3


def generate(engine: Engine, scale: Scale, *, seed: int, now: dt.datetime,
             settings: Settings) -> Dataset:
    """Fill an empty, migrated database; `now` is the moment the run pretends it is."""
    started = time.perf_counter()
    rng = random.Random(seed)
    data = Dataset(seed=seed, now=now)
    units = _units(scale, now)
    members, memberships, officers = _people(rng, scale, units, now, data)
    council = council_data.build(rng, scale, units=units, officers=officers, now=now,
                                 settings=settings, weeks=weeks_for(scale, len(units)))
    data.coming_session_id, data.coming_date = council.coming_id, council.coming_date
    tables = [("unit", units), ("member", members), ("membership", memberships),
              *council.tables]
    with engine.begin() as connection:
        for name, rows in tables:
            _insert(connection, name, rows)
            data.counts[name] = len(rows)
        if engine.dialect.name == "postgresql":
            _move_sequences(connection, [n for n, rows in tables if rows and "id" in rows[0]])
    vacuumed(engine)
    data.seconds = time.perf_counter() - started
    return data


def vacuumed(engine: Engine) -> None:
    """On PostgreSQL, what autovacuum does within a minute of a bulk write (13+ vacuums after
    inserts too): statistics, and the visibility map that lets the planner answer from an index
    alone; then a checkpoint, which writes the bulk's pages out. Done now, neither happens in
    the middle of a measurement (a timed checkpoint spreads its writes over minutes, and every
    commit's flush waits behind them)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
            try:
                connection.exec_driver_sql("CHECKPOINT")
            except sa.exc.DBAPIError as exc:  # not a superuser (nor pg_checkpoint)
                print(f"bench: no CHECKPOINT after the dataset ({exc.orig})", file=sys.stderr)
