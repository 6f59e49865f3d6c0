"""«What do I owe?» paged by the database: most urgent first, each resolution once, the right
page, count and dates on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from mina_bot.actors import Actor, UnitRole
from mina_bot.resolutions import duties, lifecycle, views
from storage.models import Resolution, ResolutionStatus, Role, ShareState
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import shares as shares_repo
from storage.repositories import units as units_repo

NOW = dt.datetime(2021, 4, 20, 5, 0, tzinfo=dt.UTC)
COMING = dt.date(2021, 4, 26)  # ۱۴۰۰/۰۲/۰۶
TODAY = dt.date(2021, 4, 20)


@pytest.fixture
def org(sample_organisation, session: Session) -> Session:
    return session


def unit_id(session: Session, key: str) -> int:
    return units_repo.get_by_key(session, key=key).id


def member_of(session: Session, *seats: tuple[str, Role], language: str = "fa") -> Actor:
    """A member of these units in this order, with the units' real ids."""
    return Actor(telegram_id=1, member_id=1, language=language, memberships=tuple(
        UnitRole(unit_id=unit_id(session, key), unit_key=key, unit_name=f"واحد {key}",
                 role=role, unit_name_en="Infrastructure" if key == "infrastructure" else None)
        for key, role in seats))


def add(session: Session, number: int, due: dt.date | None, *units: str, council: int = 234,
        weekly: bool = False, status: ResolutionStatus = ResolutionStatus.OPEN) -> int:
    """Resolution `number` of session `council`, these units' shares open (a cancelled
    resolution's too)."""
    held = (sessions_repo.get_by_number(session, number=council)
            or sessions_repo.create_session(session, number=council, place=None,
                                            starts_at=NOW - dt.timedelta(weeks=240 - council)))
    resolution = resolutions_repo.add_resolution(session, resolution=Resolution(
        session_id=held.id, number=number, subject=f"موضوع {number}", due_date=due,
        recurrence="weekly" if weekly else None, status=status))
    lifecycle.assign_units(session, resolution=resolution, actor=None, now=NOW,
                           units=[(unit_id(session, key), key) for key in units])
    session.commit()
    return resolution.id


def page(session: Session, actor: Actor, number: int, size: int = 3) -> duties.DutyPage:
    return duties.duty_page(session, actor, weekly_due=COMING, page=number, size=size)


@pytest.fixture
def two_units(org: Session) -> Actor:
    """A member of infrastructure and secretary of design; 8 is both units', 30 cancelled."""
    add(org, 1, dt.date(2021, 4, 30), "infrastructure")
    add(org, 8, dt.date(2021, 5, 1), "infrastructure", "design")
    add(org, 3, None, "infrastructure")
    add(org, 5, dt.date(2021, 6, 1), "infrastructure")
    add(org, 12, None, "design", weekly=True)
    add(org, 2, dt.date(2021, 4, 28), "design")
    add(org, 9, dt.date(2021, 5, 20), "design", council=230)
    add(org, 30, dt.date(2021, 4, 21), "design", status=ResolutionStatus.CANCELLED)
    add(org, 31, dt.date(2021, 4, 21), "it")  # not theirs
    return member_of(org, ("infrastructure", Role.MEMBER), ("design", Role.SECRETARY))


def numbers(found: duties.DutyPage) -> list[int]:
    return [d.resolution.number for d in found.duties]


def test_the_units_duties_come_most_urgent_first_and_once_each(org: Session, two_units: Actor):
    first = page(org, two_units, 0)
    assert (first.total, first.pages) == (7, 3)
    assert numbers(first) == [12, 2, 1]  # weekly: due at the coming session
    assert numbers(page(org, two_units, 1)) == [8, 9, 5]
    assert numbers(page(org, two_units, 2)) == [3]  # undated last
    assert first.duties[0].due == COMING


def test_a_shared_resolution_goes_under_the_unit_where_the_member_may_report(
        org: Session, two_units: Actor):
    shared = next(d for d in page(org, two_units, 1).duties if d.resolution.number == 8)
    assert (shared.unit_name, shared.can_report) == ("واحد design", True)
    assert shared.unit_id == unit_id(org, "design")
    one = next(d for d in page(org, two_units, 0).duties if d.resolution.number == 1)
    assert (one.unit_id, one.can_report) == (unit_id(org, "infrastructure"), False)


def test_a_page_past_the_end_shows_the_last_one(org: Session, two_units: Actor):
    late = page(org, two_units, 9)
    assert (late.page, late.pages, late.total, numbers(late)) == (2, 3, 7, [3])


def test_settled_shares_leave_the_list_and_reported_ones_stay(org: Session, two_units: Actor):
    infra = unit_id(org, "infrastructure")
    rid = resolutions_repo.get_by_number(
        org, session_id=sessions_repo.get_by_number(org, number=234).id, number=1).id
    shares_repo.set_share_state(org, share=shares_repo.get_share(
        org, resolution_id=rid, unit_id=infra), state=ShareState.REPORTED_DONE, now=NOW)
    org.commit()
    first = page(org, two_units, 0)
    assert numbers(first) == [12, 2, 1] and first.duties[2].resolution.status == "reported_done"
    shares_repo.set_share_state(org, share=shares_repo.get_share(
        org, resolution_id=rid, unit_id=infra), state=ShareState.CONFIRMED, now=NOW)
    org.commit()
    assert numbers(page(org, two_units, 0)) == [12, 2, 8] and page(org, two_units, 0).total == 6
    assert numbers(page(org, two_units, 1)) == [9, 5, 3]


def test_no_units_no_duties(org: Session):
    empty = page(org, Actor(telegram_id=2, member_id=2), 0, size=6)
    assert (empty.total, empty.pages, empty.duties) == (0, 1, ())
    nothing = page(org, member_of(org, ("it", Role.HEAD)), 0)
    assert (nothing.total, nothing.pages, nothing.page, nothing.duties) == (0, 1, 0, ())


def test_an_english_reader_sees_the_units_english_names_where_they_have_one(
        org: Session, two_units: Actor):
    english = member_of(org, ("infrastructure", Role.MEMBER), ("design", Role.SECRETARY),
                        language="en")
    found = duties.duty_page(org, english, weekly_due=COMING, page=0, size=10).duties
    assert {d.unit_name for d in found} == {"Infrastructure", "واحد design"}


def test_a_unit_with_more_duties_than_a_page_shows_every_page_in_order(org: Session):
    """14 duties of one unit, a page of 6: pages 1-3 hold the right ones, dated in Jalali."""
    for number in range(1, 13):  # due 1400/02/01 … 1400/02/12, added out of order
        add(org, (number * 5) % 13, dt.date(2021, 4, 20) + dt.timedelta(days=number), "it")
    add(org, 40, None, "it")
    add(org, 41, None, "it", council=200)  # undated: the older session first
    for number in range(50, 54):  # cancelled, their shares still open: never counted
        add(org, number, dt.date(2021, 4, 21), "it", status=ResolutionStatus.CANCELLED)
    actor = member_of(org, ("it", Role.SECRETARY))
    found = [duties.duty_page(org, actor, weekly_due=COMING, page=n, size=views.PAGE)
             for n in range(3)]
    assert [(f.page, f.pages, f.total) for f in found] == [(0, 3, 14), (1, 3, 14), (2, 3, 14)]
    assert [numbers(f) for f in found] == [[5, 10, 2, 7, 12, 4], [9, 1, 6, 11, 3, 8], [41, 40]]
    html, buttons = views.owe_view(found[0], today=TODAY, lang="fa", reports=[], coming=None)
    assert [data for _, data in buttons[-1]] == ["res:owe:1"]  # «next» only
    assert "۱۴ مصوبه، صفحه ۱ از ۳" in html
    dates = [f"مهلت: ۱۴۰۰/۰۲/{day:02d}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
             for day in range(1, 7)]
    assert [html.index(d) for d in dates] == sorted(html.index(d) for d in dates)
    assert "۱۴۰۰/۰۲/۰۷" not in html
    assert all(d.can_report for f in found for d in f.duties)
    last, buttons = views.owe_view(found[2], today=TODAY, lang="en", reports=[], coming=None)
    assert "14 resolutions, page 3 of 3" in last and last.count("no fixed deadline") == 2
    assert [data for _, data in buttons[-1]] == ["res:owe:1"]  # «previous» only


def test_a_shared_resolution_says_how_many_units_have_done_their_part(org: Session):
    rid = add(org, 8, dt.date(2021, 5, 1), "infrastructure", "design", "it", "organization")
    add(org, 9, dt.date(2021, 5, 2), "infrastructure")
    for key, state in (("design", ShareState.REPORTED_DONE), ("it", ShareState.CONFIRMED),
                       ("organization", ShareState.NOT_APPLICABLE)):
        shares_repo.set_share_state(org, share=shares_repo.get_share(
            org, resolution_id=rid, unit_id=unit_id(org, key)), state=state, now=NOW)
    org.commit()
    found = page(org, member_of(org, ("infrastructure", Role.HEAD)), 0)
    assert numbers(found) == [8, 9]
    assert dict(found.tallies) == {rid: (2, 3)}  # not applicable: not counted; 9 is one unit's


def test_a_cancelled_resolution_leaves_the_list_and_comes_back_reopened(
        org: Session, two_units: Actor):
    secretariat = Actor(telegram_id=3, member_id=None, is_admin=True)
    rid = resolutions_repo.get_by_number(
        org, session_id=sessions_repo.get_by_number(org, number=234).id, number=8).id
    lifecycle.cancel(org, resolution_id=rid, actor=secretariat, note=None, now=NOW)
    org.commit()
    assert 8 not in numbers(page(org, two_units, 1)) and page(org, two_units, 0).total == 6
    shares = shares_repo.shares_of(org, resolution_id=rid)
    assert [(s.state, s.withdrawn) for s, _ in shares] == [(ShareState.OPEN, True)] * 2
    lifecycle.reopen(org, resolution_id=rid, actor=secretariat, note=None, now=NOW)
    org.commit()
    assert numbers(page(org, two_units, 1)) == [8, 9, 5] and page(org, two_units, 0).total == 7
    assert not any(s.withdrawn for s, _ in shares_repo.shares_of(org, resolution_id=rid))


def test_a_shared_resolution_shows_the_state_of_the_share_it_is_listed_under(
        org: Session, two_units: Actor):
    rid = resolutions_repo.get_by_number(
        org, session_id=sessions_repo.get_by_number(org, number=234).id, number=8).id
    shares_repo.set_share_state(org, share=shares_repo.get_share(
        org, resolution_id=rid, unit_id=unit_id(org, "infrastructure")),
        state=ShareState.REPORTED_DONE, now=NOW)  # the member's first unit has reported
    org.commit()
    shared = next(d for d in page(org, two_units, 1).duties if d.resolution.number == 8)
    assert shared.unit_id == unit_id(org, "design")  # where the member is secretary
    assert shared.resolution.status == ShareState.OPEN  # design still owes its part
