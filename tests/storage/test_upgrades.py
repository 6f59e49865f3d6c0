"""Upgrades: a database built at every revision, filled with data, upgraded to head, intact.

Each revision needs a fill function in FILLS (data written with that revision's schema); a new
migration without one fails `test_every_revision_has_a_fill_function`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from storage import migrate
from storage.db import make_engine

Rows = dict[str, dict[tuple, dict]]
ROWS_PER_TABLE = 3
WHEN = dt.datetime(2021, 4, 26, 3, 0, tzinfo=dt.UTC)


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _value(table: sa.Table, column: sa.Column, i: int, filled: dict[str, list[int]]):
    """A representative value for one column of row i, from the column's reflected type."""
    if column.foreign_keys:
        parent = next(iter(column.foreign_keys)).column.table.name
        ids = filled.get(parent)
        return ids[i % len(ids)] if ids else None
    if column.primary_key and isinstance(column.type, sa.Integer):
        return i + 1
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return i % 2 == 0
    if isinstance(kind, sa.Integer):
        return 1000 + i
    if isinstance(kind, sa.Float | sa.Numeric):
        return i + 0.5
    if isinstance(kind, sa.DateTime):
        return WHEN + dt.timedelta(minutes=i) if kind.timezone else \
            (WHEN + dt.timedelta(minutes=i)).replace(tzinfo=None)
    if isinstance(kind, sa.Date):
        return dt.date(2021, 4, 26) + dt.timedelta(days=i)
    if isinstance(kind, sa.JSON):
        return {"row": i, "text": "متن <b>گزارش</b>", "list": [1, "۲"]}
    text = f"{table.name}.{column.name}.{i} — مصوبه ۸ «کمیته زیرساخت»"
    length = getattr(kind, "length", None)
    return text[-length:] if length else text


def fill_every_table(connection: Connection) -> None:
    """Rows in every table (parents first), every column given a value of its type."""
    meta = sa.MetaData()
    meta.reflect(connection)
    filled: dict[str, list[int]] = {}
    for table in meta.sorted_tables:
        if table.name == "alembic_version":
            continue
        rows = [{c.name: _value(table, c, i, filled) for c in table.columns}
                for i in range(ROWS_PER_TABLE)]
        connection.execute(table.insert(), rows)
        if "id" in table.columns:
            filled[table.name] = [r["id"] for r in rows]


# revision -> what to write at that revision. Add one for every new migration (reuse
# fill_every_table and add the rows your migration transforms, with SQL for that schema).
FILLS: dict[str, Callable[[Connection], None]] = {
    "0001": fill_every_table,
}
if "0002" in revisions():  # the covering index of the benchmark work: no data changes
    FILLS["0002"] = fill_every_table
if "0003" in revisions():  # data_generation: a new table, no data changes
    FILLS["0003"] = fill_every_table
if "0004" in revisions():  # the partial index of active resolutions: no data changes
    FILLS["0004"] = fill_every_table
if "0005" in revisions():  # data_generation dropped: the rest unchanged
    FILLS["0005"] = fill_every_table
if "0006" in revisions():  # holiday.kind added, the rows kept as closures
    FILLS["0006"] = fill_every_table
if "0007" in revisions():  # resolution shares: new columns, filled by the test below
    FILLS["0007"] = fill_every_table
if "0008" in revisions():  # cancel_reason, agenda edits and undo, session_attendance: added
    FILLS["0008"] = fill_every_table
if "0009" in revisions():  # linked_chat: a new table, no data changes
    FILLS["0009"] = fill_every_table
if "0010" in revisions():  # handled_update: a new table, no data changes
    FILLS["0010"] = fill_every_table
if "0011" in revisions():  # resolution.urgent added, false for every resolution already read
    FILLS["0011"] = fill_every_table
if "0012" in revisions():  # reminder_item: a new table, no data changes
    FILLS["0012"] = fill_every_table
if "0013" in revisions():  # quarterly_report, pack_read: new tables, no data changes
    FILLS["0013"] = fill_every_table


def fill_after_0014(connection: Connection) -> None:
    """Every table, the questionnaire the upgrade wrote first removed (its ids are given)."""
    connection.execute(sa.text("DELETE FROM report_questionnaire"))
    fill_every_table(connection)


if "0014" in revisions():  # report questions versioned, the head's approval: columns added
    FILLS["0014"] = fill_after_0014
if "0015" in revisions():  # member.reminder_prefs added, {} for every member
    FILLS["0015"] = fill_after_0014
if "0016" in revisions():  # /owe's indexes (shown shares, wider active one): no data changes
    FILLS["0016"] = fill_after_0014
if "0017" in revisions():  # resolution_assignment.withdrawn added, the test below
    FILLS["0017"] = fill_after_0014
# Tables a later revision drops on purpose (what they held is no longer kept).
DROPPED = {"data_generation"}


def read_all(connection: Connection) -> Rows:
    """Every row of every table, by primary key."""
    meta = sa.MetaData()
    meta.reflect(connection)
    out: Rows = {}
    for table in meta.sorted_tables:
        keys = [c.name for c in table.primary_key.columns] or [c.name for c in table.columns]
        out[table.name] = {tuple(r[k] for k in keys): dict(r)
                           for r in connection.execute(sa.select(table)).mappings()}
    return out


def test_every_revision_has_a_fill_function():
    missing = [r for r in revisions() if r not in FILLS]
    assert not missing, f"add a fill function to FILLS for revision(s) {missing}"


@pytest.mark.parametrize("revision", revisions())
def test_data_written_at_a_revision_survives_the_upgrade_to_head(blank_database_url, revision):
    migrate.upgrade(blank_database_url, revision)
    engine = make_engine(blank_database_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            FILLS[revision](connection)
        with engine.connect() as connection:
            before = read_all(connection)
        migrate.upgrade(blank_database_url, "head")
        with engine.connect() as connection:
            after = read_all(connection)
    finally:
        engine.dispose()
    assert sum(len(rows) for rows in before.values()) > ROWS_PER_TABLE * 10
    for table, rows in before.items():
        if table == "alembic_version" or table in DROPPED:
            continue
        assert table in after, f"{table} was dropped"
        for key, row in rows.items():
            kept = after[table].get(key)
            assert kept is not None, f"{table} row {key} was lost"
            assert {c: kept[c] for c in row if c in kept} == row, f"{table} row {key} changed"


SHARE_STATES = {"open": "open", "reported_done": "reported_done", "confirmed": "confirmed",
                "cancelled": "open"}


def resolutions_in_every_state(connection: Connection) -> list[int]:
    """Resolutions 100 on, one in each state, each shared by the first two units (their ids)."""
    council = connection.execute(sa.text("SELECT MIN(id) FROM council_session")).scalar()
    units = [u for (u,) in connection.execute(sa.text("SELECT id FROM unit"))]
    for number, status in enumerate(SHARE_STATES, start=100):
        connection.execute(sa.text(
            "INSERT INTO resolution (id, session_id, number, subject, time_frame, "
            "status, created_at, updated_at) VALUES (:n, :s, :n, 'x', '-', :status, "
            ":when, :when)"), {"n": number, "s": council, "status": status, "when": WHEN})
        connection.execute(sa.text(
            "INSERT INTO resolution_assignment (resolution_id, unit_id, raw_name) "
            "VALUES (:r, :u1, 'a'), (:r, :u2, 'b')"),
            {"r": number, "u1": units[0], "u2": units[1]})
    return units[:2]


def test_0007_gives_every_assignment_its_resolutions_present_state(blank_database_url):
    migrate.upgrade(blank_database_url, "0006")
    engine = make_engine(blank_database_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            fill_every_table(connection)
            units = resolutions_in_every_state(connection)
        migrate.upgrade(blank_database_url, "head")
        with engine.connect() as connection:
            rows = connection.execute(sa.text(
                "SELECT r.status, a.unit_id, a.state, a.since, a.is_lead, r.lead_closes "
                "FROM resolution_assignment a JOIN resolution r ON r.id = a.resolution_id "
                "WHERE r.id >= 100 ORDER BY r.id, a.unit_id")).all()
    finally:
        engine.dispose()
    assert len(rows) == 2 * len(SHARE_STATES)
    for status, unit_id, state, since, is_lead, lead_closes in rows:
        assert state == SHARE_STATES[status], status
        assert since is not None and not lead_closes
        assert bool(is_lead) == (unit_id == units[0])


def test_0014_makes_the_questions_so_far_version_1_of_every_existing_report(blank_database_url):
    migrate.upgrade(blank_database_url, "0009")
    engine = make_engine(blank_database_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            fill_every_table(connection)
        migrate.upgrade(blank_database_url, "head")
        with engine.connect() as connection:
            [(questionnaire_id, kind, version, questions)] = connection.execute(sa.text(
                "SELECT id, unit_kind, version, questions FROM report_questionnaire")).all()
            pointed = {q for (q,) in connection.execute(sa.text(
                "SELECT questionnaire_id FROM weekly_report"))}
            approval = {a for (a,) in connection.execute(sa.text(
                "SELECT report_approval FROM unit"))}
    finally:
        engine.dispose()
    questions = json.loads(questions) if isinstance(questions, str) else questions
    assert (kind, version) == ("all", 1)
    assert [q["key"] for q in questions] == ["done", "planned", "problems"]
    assert [q["optional"] for q in questions] == [False, True, True]
    assert pointed == {questionnaire_id}
    assert approval == {False}


def test_0017_withdraws_the_shares_of_cancelled_resolutions_only(blank_database_url):
    migrate.upgrade(blank_database_url, "0016")
    engine = make_engine(blank_database_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            fill_after_0014(connection)
            resolutions_in_every_state(connection)
        migrate.upgrade(blank_database_url, "head")
        with engine.connect() as connection:
            rows = connection.execute(sa.text(
                "SELECT r.status, a.withdrawn FROM resolution_assignment a "
                "JOIN resolution r ON r.id = a.resolution_id WHERE r.id >= 100")).all()
    finally:
        engine.dispose()
    assert len(rows) == 2 * len(SHARE_STATES)
    assert all(bool(withdrawn) == (status == "cancelled") for status, withdrawn in rows)
