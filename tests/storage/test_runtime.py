"""The runtime's one way to the database: a unit of work that commits whole or not at all."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from mina_bot.runtime import Runtime
from storage.models import Unit, UnitKind
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
