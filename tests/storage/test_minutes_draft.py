"""The minutes drafted from the database name the next session, and its agenda approves them."""

from __future__ import annotations

from sqlmodel import Session

from mina_bot.jalali import jalali_ymd, parse_jalali_ymd
from mina_bot.minutes_out.draft import draft_minutes
from mina_bot.sessions.agenda import APPROVE_MINUTES
from mina_bot.sessions.schedule import local_date, session_on
from mina_bot.settings import Settings
from storage.repositories import sessions as sessions_repo

SETTINGS = Settings(_env_file=None)


def test_with_no_later_session_planned_the_draft_names_the_next_regular_one(session: Session):
    held = session_on(session, day=parse_jalali_ymd("1400/02/07"), settings=SETTINGS)  # Tuesday
    draft = draft_minutes(session, council=held, settings=SETTINGS)
    following = sessions_repo.get_by_number(session, number=2)
    assert jalali_ymd(local_date(following, SETTINGS.tz)) == "1400/02/13"  # the next Monday
    assert jalali_ymd(draft.next_day) == "1400/02/13"
    assert _titles(session, following).count(APPROVE_MINUTES) == 1
    again = draft_minutes(session, council=held, settings=SETTINGS)
    assert again.next_day == draft.next_day  # not another session
    assert _titles(session, following).count(APPROVE_MINUTES) == 1


def _titles(session: Session, council) -> list[str]:
    return [i.title for i in sessions_repo.agenda_of(session, session_id=council.id)]
