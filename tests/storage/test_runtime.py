"""The runtime's database work: one transaction per call, and PostgreSQL's waits off the loop."""

from __future__ import annotations

import asyncio
import threading

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from mina_bot.runtime import Runtime
from storage.models import Unit, UnitKind
from tests.fixtures.bot import harness_settings


@pytest.fixture
def runtime(engine: Engine, database_url: str) -> Runtime:
    return Runtime(settings=harness_settings(database_url, database_threads=4), engine=engine)


def _add_unit(key: str):
    def add(session: Session) -> str:
        session.add(Unit(key=key, kind=UnitKind.COMMITTEE, name_fa=key, name_en=key))
        session.flush()
        return threading.current_thread().name

    return add


def _keys(runtime: Runtime) -> list[str]:
    with runtime.reading() as session:
        return list(session.exec(select(Unit.key).order_by(Unit.key)).all())


async def test_transact_commits_its_work_and_returns_its_result(runtime: Runtime) -> None:
    thread = await runtime.transact(_add_unit("it"))
    assert _keys(runtime) == ["it"]
    on_postgres = runtime.engine.dialect.name == "postgresql"
    assert thread.startswith("mina-db") == on_postgres


async def test_transact_rolls_back_all_of_it_when_it_fails(runtime: Runtime) -> None:
    def half_done(session: Session) -> None:
        _add_unit("it")(session)
        raise LookupError("no such report")

    with pytest.raises(LookupError, match="no such report"):
        await runtime.transact(half_done)
    assert _keys(runtime) == []


async def test_other_chats_go_on_while_postgres_answers(runtime: Runtime) -> None:
    """A slow statement waits in a database thread; the event loop keeps serving meanwhile."""
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("SQLite waits for no server: its work runs on the loop")
    ticks = 0

    async def other_chats() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    chats = asyncio.create_task(other_chats())
    await runtime.transact(lambda session: session.execute(sa.text("SELECT pg_sleep(0.5)")))
    chats.cancel()
    assert ticks >= 10  # 50 possible; the loop was blocked for the whole 0.5 s before


async def test_a_reading_connection_sees_commits_and_refuses_a_write(runtime: Runtime) -> None:
    """Who is asking is read on a bare connection: it sees what was committed, writes nothing."""
    await runtime.transact(_add_unit("it"))
    with runtime.reading_connection() as connection:
        assert connection.execute(sa.select(Unit.key)).scalars().all() == ["it"]
        with pytest.raises(sa.exc.InvalidRequestError, match="read-only"):
            connection.execute(sa.delete(Unit))
    assert _keys(runtime) == ["it"]
