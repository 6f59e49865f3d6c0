"""A session's agenda and board on a real database: the automatic items, carried and added ones,
moving and removing, and what /session shows of them."""

from __future__ import annotations

import datetime as dt

import pytest

from mina_bot.errors import NotFound
from mina_bot.sessions.agenda import (
    AgendaError,
    add_item,
    carry_items,
    ensure_agenda,
    move_item,
    remove_item,
)
from mina_bot.sessions.board import session_board
from mina_bot.sessions.review import Owed
from mina_bot.sessions.schedule import ensure_next_session
from mina_bot.sessions.views import session_view
from mina_bot.settings import Settings
from storage.models import AgendaKind, Resolution, ResolutionStatus
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from tests.fixtures.organisation import seed_org

SETTINGS = Settings(_env_file=None)
NOW = dt.datetime(2021, 4, 24, 6, 0, tzinfo=dt.UTC)  # Saturday 1400/02/04, Tehran morning


@pytest.fixture
def council(session):
    """The next council session of an organisation with two committees."""
    seed_org(session)
    return ensure_next_session(session, now=NOW, settings=SETTINGS)


def agenda(session, council) -> list[tuple[str, str]]:
    """(kind, title) of each item in order; positions are checked to run 1, 2, 3, ..."""
    items = sessions_repo.agenda_of(session, session_id=council.id)
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    return [(AgendaKind(i.kind).value, i.title) for i in items]


STANDING = [("standing", "کمیته زیرساخت"), ("standing", "کمیته فناوری اطلاعات")]
REVIEW = ("review", "")


def test_a_new_agenda_has_each_committees_report_then_the_review_once(session, council):
    ensure_agenda(session, council_session=council)
    ensure_agenda(session, council_session=council)
    assert agenda(session, council) == [*STANDING, REVIEW]


def test_a_removed_standing_item_stays_removed(session, council):
    first = ensure_agenda(session, council_session=council)[0]
    remove_item(session, item_id=first.id, version=first.version, now=NOW)
    ensure_agenda(session, council_session=council)
    assert agenda(session, council) == [STANDING[1], REVIEW]


def test_carried_items_come_before_the_review_and_a_second_import_carries_them_once(
        session, council):
    ensure_agenda(session, council_session=council)
    for _ in range(2):
        carry_items(session, council_session=council, titles=["بودجه", "سامانه"])
    assert agenda(session, council) == [
        *STANDING, ("carried", "بودجه"), ("carried", "سامانه"), REVIEW]


def test_an_added_item_goes_last_and_moves_within_the_agenda(session, council):
    added = add_item(session, council_session=council, title="  گزارش ویژه  ")
    assert agenda(session, council)[-1] == ("added", "گزارش ویژه")
    move_item(session, item_id=added.id, step=-1)
    assert agenda(session, council)[-2:] == [("added", "گزارش ویژه"), REVIEW]
    first = sessions_repo.agenda_of(session, session_id=council.id)[0]
    move_item(session, item_id=first.id, step=-1)  # already first: it stays
    move_item(session, item_id=added.id, step=+5)  # past the end: it goes last
    assert agenda(session, council) == [*STANDING, REVIEW, ("added", "گزارش ویژه")]


def test_an_item_that_is_gone_is_not_found(session, council):
    item = add_item(session, council_session=council, title="موقت")
    remove_item(session, item_id=item.id, version=item.version, now=NOW)
    with pytest.raises(NotFound):
        move_item(session, item_id=item.id, step=1)
    with pytest.raises(AgendaError):  # a second press of the same ✖️
        remove_item(session, item_id=item.id, version=item.version, now=NOW)


def test_the_board_counts_open_and_overdue_resolutions_only(session, council):
    today = NOW.astimezone(SETTINGS.tz).date()
    for number, due, status in [(1, today - dt.timedelta(days=1), ResolutionStatus.OPEN),
                                (2, today, ResolutionStatus.OPEN),
                                (3, None, ResolutionStatus.OPEN),
                                (4, today - dt.timedelta(days=9), ResolutionStatus.REPORTED_DONE),
                                (5, today - dt.timedelta(days=9), ResolutionStatus.CONFIRMED)]:
        resolutions_repo.add_resolution(session, resolution=Resolution(
            session_id=council.id, number=number, subject=f"موضوع {number}", due_date=due,
            status=status))
    board = session_board(session, now=NOW, settings=SETTINGS)
    assert board.council.id == council.id
    # Open ones only (reported and confirmed are not owed); due today is not overdue yet.
    assert {o.number: o.overdue for o in board.owing} == {1: True, 2: False, 3: False}
    assert board.owing[0].number == 1  # overdue first
    assert [i.kind for i in board.items][-1] == AgendaKind.REVIEW


def test_staff_see_move_and_remove_buttons_per_item_and_others_only_the_agenda(session, council):
    board = session_board(session, now=NOW, settings=SETTINGS)
    owing = [Owed(7, 1, (), True), Owed(8, 1, (), False)]
    args = {"tz": SETTINGS.tz, "lang": "en", "deadline": NOW, "owing": owing}
    html, buttons = session_view(board.council, board.items, staff=True, **args)
    assert "1. Report of کمیته زیرساخت" in html
    assert "3. Review of open (2) and overdue (1) resolutions" in html
    assert "resolution 7/s1 (overdue): —" in html
    rows = [[label for label, _ in row] for row in buttons]
    assert rows[:4] == [[f"⬆️ {n}", f"⬇️ {n}", f"✏️ {n}", f"✖️ {n}"] for n in (1, 2, 3)] + [
        ["➕ Add an item"]]
    assert rows[4][:2] == ["🗓 Move the session", "🚫 Cancel the session"]
    member_html, member_buttons = session_view(board.council, board.items, staff=False, **args)
    assert member_html == html and member_buttons == []
    empty, _ = session_view(board.council, [], staff=False, **args)
    assert "No items yet." in empty
