"""The runtime's one way to the database: a unit of work that commits whole or not at all."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import select

from mina_bot.runtime import Runtime, handling_update
from storage.models import Unit, UnitKind
from storage.repositories import updates as updates_repo
from tests.fixtures.bot import harness_settings


@pytest.fixture
def runtime(engine: Engine, database_url: str) -> Runtime:
    return Runtime(settings=harness_settings(database_url), engine=engine)


def _keys(runtime: Runtime) -> list[str]:
    with runtime.session() as session:
        return list(session.exec(select(Unit.key).order_by(Unit.key)).all())


def test_a_session_commits_its_work(runtime: Runtime) -> None:
    with runtime.session() as session:
        session.add(Unit(key="it", kind=UnitKind.COMMITTEE, name_fa="فناوری", name_en="IT"))
    assert _keys(runtime) == ["it"]


def test_a_session_that_fails_keeps_none_of_its_work(runtime: Runtime) -> None:
    with pytest.raises(LookupError, match="no such report"), runtime.session() as session:
        session.add(Unit(key="it", kind=UnitKind.COMMITTEE, name_fa="فناوری", name_en="IT"))
        session.flush()
        raise LookupError("no such report")
    assert _keys(runtime) == []


def _handled(runtime: Runtime) -> set[int]:
    with runtime.session() as session:
        return updates_repo.handled_among(session, update_ids=range(1, 10))


def test_work_done_for_an_update_records_it_in_the_same_transaction(runtime: Runtime) -> None:
    with handling_update(7), runtime.session() as session:
        session.add(Unit(key="it", kind=UnitKind.COMMITTEE, name_fa="فناوری", name_en="IT"))
    assert _keys(runtime) == ["it"]
    assert _handled(runtime) == {7}


def test_an_update_that_only_reads_records_nothing(runtime: Runtime) -> None:
    with handling_update(3):
        assert _keys(runtime) == []
        with runtime.session() as session:
            session.connection().execute(sa.select(sa.literal(1)))
    assert _handled(runtime) == set()


def test_work_rolled_back_leaves_the_update_unrecorded(runtime: Runtime) -> None:
    with pytest.raises(LookupError), handling_update(5), runtime.session() as session:
        session.add(Unit(key="it", kind=UnitKind.COMMITTEE, name_fa="فناوری", name_en="IT"))
        session.flush()
        raise LookupError("no such report")
    assert _handled(runtime) == set()
    with handling_update(5), runtime.session() as session:  # delivered again: done this time
        session.connection().execute(sa.update(Unit.__table__).values(name_en="x"))
    assert _handled(runtime) == {5}


def test_work_outside_an_update_records_nothing(runtime: Runtime) -> None:
    with runtime.session() as session:
        session.add(Unit(key="it", kind=UnitKind.COMMITTEE, name_fa="فناوری", name_en="IT"))
    assert _handled(runtime) == set()
