"""A member's «what do I owe?» page, chosen by the database from their units' active duties."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from mina_bot.actors import Actor, Role, UnitRole
from mina_bot.resolutions.duties import member_page
from storage.models import (
    CouncilSession,
    Resolution,
    ResolutionAssignment,
    ResolutionStatus,
    SessionStatus,
    Unit,
)

COMING = dt.date(2021, 4, 26)  # ۱۴۰۰/۰۲/۰۶
ACTOR = Actor(telegram_id=1, member_id=1, memberships=(
    UnitRole(unit_id=1, unit_key="infra", unit_name="زیرساخت", role=Role.MEMBER),
    UnitRole(unit_id=2, unit_key="design", unit_name="طراحی", role=Role.SECRETARY)))
# id: (due date, weekly, session number, units)
RESOLUTIONS = {
    1: (dt.date(2021, 4, 30), False, 234, (1,)), 8: (dt.date(2021, 5, 1), False, 234, (1, 2)),
    3: (None, False, 234, (1,)), 5: (dt.date(2021, 6, 1), False, 234, (1,)),
    12: (None, True, 234, (2,)), 2: (dt.date(2021, 4, 28), False, 234, (2,)),
    9: (dt.date(2021, 5, 20), False, 230, (2,)),
    # Not duties: confirmed, cancelled, or another unit's.
    20: (dt.date(2021, 4, 1), False, 234, (1,)), 21: (dt.date(2021, 4, 2), False, 234, (2,)),
    22: (dt.date(2021, 4, 3), False, 234, (3,)),
}
DONE = {20: ResolutionStatus.CONFIRMED, 21: ResolutionStatus.CANCELLED}


@pytest.fixture
def duties(session: Session) -> Session:
    for uid, key in ((1, "infra"), (2, "design"), (3, "it")):
        session.add(Unit(id=uid, key=key, kind="committee", name_fa=key, name_en=key))
    for number in (230, 234):
        session.add(CouncilSession(id=number, number=number, status=SessionStatus.HELD,
                                   starts_at=dt.datetime(2021, 4, 19, tzinfo=dt.UTC)))
    session.flush()
    for rid, (due, weekly, council, _) in RESOLUTIONS.items():
        session.add(Resolution(id=rid, session_id=council, number=rid, subject=f"موضوع {rid}",
                               due_date=due, recurrence="weekly" if weekly else None))
    session.flush()
    for rid, (*_, units) in RESOLUTIONS.items():
        session.add_all(ResolutionAssignment(resolution_id=rid, unit_id=u, raw_name="-")
                        for u in units)
    session.flush()
    for rid, status in DONE.items():  # after the assignments: the database keeps them in step
        session.get(Resolution, rid).status = status
    session.commit()
    return session


def page(session: Session, number: int, size: int = 3, actor: Actor = ACTOR):
    return member_page(session, actor, weekly_due=COMING, page=number, size=size)


def test_the_units_duties_come_most_urgent_first_and_once_each(duties):
    first, second = page(duties, 0), page(duties, 1)
    assert first.total == 7 and first.pages == 3
    assert [d.resolution.id for d in first.duties] == [12, 2, 1]  # weekly: due at the session
    assert [d.resolution.id for d in second.duties] == [8, 9, 5]
    assert [d.resolution.id for d in page(duties, 2).duties] == [3]  # undated last
    assert first.duties[0].due == COMING


def test_a_shared_resolution_goes_under_the_unit_where_the_member_may_report(duties):
    shared = next(d for d in page(duties, 1).duties if d.resolution.id == 8)
    assert (shared.unit_id, shared.unit_name, shared.can_report) == (2, "طراحی", True)
    one = next(d for d in page(duties, 0).duties if d.resolution.id == 1)
    assert (one.unit_id, one.can_report) == (1, False)


def test_a_page_past_the_end_shows_the_last_one(duties):
    late = page(duties, 9)
    assert late.page == 2 and [d.resolution.id for d in late.duties] == [3]


def test_no_units_no_duties(duties):
    empty = page(duties, 0, 6, Actor(telegram_id=2, member_id=2))
    assert (empty.total, empty.pages, empty.duties) == (0, 1, ())


def test_a_resolution_reopened_or_closed_by_plain_sql_is_counted_right(duties):
    duties.execute(sa.text("UPDATE resolution SET status = 'open' WHERE id = 20"))
    duties.execute(sa.text("UPDATE resolution SET status = 'confirmed' WHERE id = 12"))
    duties.commit()
    found = page(duties, 0, 10)
    assert found.total == 7 and 20 in {d.resolution.id for d in found.duties}
    assert 12 not in {d.resolution.id for d in found.duties}


def test_an_english_reader_sees_the_units_english_names_where_they_have_one(duties):
    english = Actor(telegram_id=1, member_id=1, language="en", memberships=(
        UnitRole(unit_id=1, unit_key="infra", unit_name="زیرساخت", role=Role.MEMBER,
                 unit_name_en="Infrastructure"),
        UnitRole(unit_id=2, unit_key="design", unit_name="طراحی", role=Role.SECRETARY)))
    names = {d.unit_id: d.unit_name for d in page(duties, 0, 10, english).duties}
    assert names == {1: "Infrastructure", 2: "طراحی"}  # no English name: the Persian one
    assert {d.unit_name for d in page(duties, 0, 10).duties} == {"زیرساخت", "طراحی"}
