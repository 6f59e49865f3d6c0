"""A member's «what do I owe?» page merged from their units' ordered lists."""

from __future__ import annotations

import datetime as dt

from mina_bot.actors import Actor, UnitRole
from mina_bot.resolutions.duties import DutyRecord, UnitDuties, duty_page
from storage.models import ResolutionStatus, Role

COMING = dt.date(2021, 4, 26)  # ۱۴۰۰/۰۲/۰۶


def record(rid: int, due: dt.date | None, *, session: int = 234, weekly: bool = False):
    return DutyRecord(id=rid, number=rid, subject=f"موضوع {rid}", status=ResolutionStatus.OPEN,
                      recurrence="weekly" if weekly else None, due_date=due,
                      session_number=session)


def unit(*records: DutyRecord) -> UnitDuties:
    ordered = sorted(records, key=lambda r: (
        (COMING if r.recurrence else r.due_date) is None,
        (COMING if r.recurrence else r.due_date) or dt.date.min, r.session_number, r.number))
    return UnitDuties(ordered=tuple(ordered), ids=frozenset(r.id for r in records))


ACTOR = Actor(telegram_id=1, member_id=1, memberships=(
    UnitRole(unit_id=1, unit_key="infra", unit_name="زیرساخت", role=Role.MEMBER),
    UnitRole(unit_id=2, unit_key="design", unit_name="طراحی", role=Role.SECRETARY)))
SHARED = record(8, dt.date(2021, 5, 1))
BY_UNIT = {
    1: unit(record(1, dt.date(2021, 4, 30)), SHARED, record(3, None),
            record(5, dt.date(2021, 6, 1))),
    2: unit(SHARED, record(12, None, weekly=True), record(2, dt.date(2021, 4, 28)),
            record(9, dt.date(2021, 5, 20), session=230)),
}


def page(number: int, size: int = 3):
    return duty_page(ACTOR, BY_UNIT, weekly_due=COMING, page=number, size=size)


def test_the_units_lists_merge_most_urgent_first_and_once_each():
    first, second = page(0), page(1)
    assert first.total == 7 and first.pages == 3
    assert [d.resolution.id for d in first.duties] == [12, 2, 1]  # weekly: due at the session
    assert [d.resolution.id for d in second.duties] == [8, 9, 5]
    assert [d.resolution.id for d in page(2).duties] == [3]  # undated last
    assert first.duties[0].due == COMING


def test_a_shared_resolution_goes_under_the_unit_where_the_member_may_report():
    shared = next(d for d in page(1).duties if d.resolution.id == 8)
    assert (shared.unit_id, shared.unit_name, shared.can_report) == (2, "طراحی", True)
    one = next(d for d in page(0).duties if d.resolution.id == 1)
    assert (one.unit_id, one.can_report) == (1, False)


def test_a_page_past_the_end_shows_the_last_one():
    late = page(9)
    assert late.page == 2 and [d.resolution.id for d in late.duties] == [3]


def test_no_units_no_duties():
    empty = duty_page(Actor(telegram_id=2, member_id=2), {}, weekly_due=COMING, page=0, size=6)
    assert (empty.total, empty.pages, empty.duties) == (0, 1, ())


def test_an_english_reader_sees_the_units_english_names_where_they_have_one():
    english = Actor(telegram_id=1, member_id=1, language="en", memberships=(
        UnitRole(unit_id=1, unit_key="infra", unit_name="زیرساخت", role=Role.MEMBER,
                 unit_name_en="Infrastructure"),
        UnitRole(unit_id=2, unit_key="design", unit_name="طراحی", role=Role.SECRETARY)))
    duties = duty_page(english, BY_UNIT, weekly_due=COMING, page=0, size=10).duties
    names = {d.unit_id: d.unit_name for d in duties}
    assert names == {1: "Infrastructure", 2: "طراحی"}  # no English name: the Persian one
    assert {d.unit_name for d in page(0, size=10).duties} == {"زیرساخت", "طراحی"}
