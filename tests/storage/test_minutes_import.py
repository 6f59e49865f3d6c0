"""Importing parsed minutes: idempotent, agenda carried, unknown units refused; the CLI import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlmodel import Session

from demo.sample import seed_sample_organisation
from mina_bot.jalali import parse_jalali_ymd
from mina_bot.minutes.importer import directory, import_minutes
from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.parser import parse_minutes
from mina_bot.sessions.agenda import ensure_agenda
from mina_bot.settings import Settings
from storage.db import make_engine
from storage.models import AgendaKind
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from tests.fixtures import launcher

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "tests" / "data" / "seed_minutes.txt").read_text(encoding="utf-8")
SETTINGS = Settings(_env_file=None)
NOW = dt.datetime(2021, 4, 26, 3, 0, tzinfo=dt.UTC)


def parsed(session: Session, source: str = SEED):
    return parse_minutes(source, session_date=parse_jalali_ymd("1400/01/30"),
                         units=directory(session))


def test_importing_twice_changes_nothing_the_second_time(session: Session):
    seed_sample_organisation(session)
    first = import_minutes(session, minutes=parsed(session), settings=SETTINGS, actor=None,
                           now=NOW)
    assert (first.created, first.updated) == (14, 0)
    again = import_minutes(session, minutes=parsed(session), settings=SETTINGS, actor=None,
                           now=NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 14)
    session.commit()
    assert len(resolutions_repo.search(session)) == 14
    following = sessions_repo.get_by_number(session, number=first.next_session_number)
    items = ensure_agenda(session, council_session=following)
    carried = [i.title for i in items if i.kind == AgendaKind.CARRIED]
    assert len(carried) == 4 and carried[-1] == "سایر موارد"
    assert [i.kind for i in items].count(AgendaKind.STANDING) == 5
    thirteen = next(r for r, _ in resolutions_repo.search(session) if r.number == 13)
    assert thirteen.due_at_session_id == following.id


def test_unknown_units_are_refused_and_nothing_is_saved(session: Session):
    seed_sample_organisation(session)
    minutes = parsed(session, "بازه زمانی\tمتولی\tموضوع\n-\tدفتر نقشه\t۱) نقشه\n")
    with pytest.raises(MinutesError) as raised:
        import_minutes(session, minutes=minutes, settings=SETTINGS, actor=None, now=NOW)
    assert raised.value.params == {"names": "دفتر نقشه"}
    assert resolutions_repo.search(session) == []


def test_minutes_of_a_session_not_started_are_refused_or_held_early(session: Session):
    seed_sample_organisation(session)
    session.commit()
    before_start = dt.datetime(2021, 4, 19, 3, 0, tzinfo=dt.UTC)  # 07:30 on 1400/01/30
    with pytest.raises(MinutesError) as refused:
        import_minutes(session, minutes=parsed(session), settings=SETTINGS, actor=None,
                       now=before_start, early=False)
    assert refused.value.text_key == "minutes.error.not_started"
    session.rollback()
    import_minutes(session, minutes=parsed(session), settings=SETTINGS, actor=None,
                   now=before_start, early=True)
    held = sessions_repo.first_starting_at_or_after(session, moment=before_start)
    assert held.starts_at == before_start and held.status == "held"


def test_the_cli_import_saves_after_the_preview_and_twice_is_once(database_url: str):
    command = ["minutes", "import", "tests/data/seed_minutes.txt", "--session-date",
               "1400/01/30", "--json"]
    env = {"PATH": "/usr/bin:/bin", "MINA_DATABASE_URL": database_url}
    refused = launcher.run(*command, env=env)
    assert refused.returncode == 1 and "این متولی‌ها را نشناختم" in refused.stderr  # no units
    engine = make_engine(database_url)
    with Session(engine) as session:
        seed_sample_organisation(session)
        session.commit()
    for _ in range(2):
        done = launcher.run(*command, env=env)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["next_session"] == "1400/02/06"
    assert "0 created, 0 updated, 14 unchanged" in done.stderr
    with Session(engine) as session:
        assert len(resolutions_repo.search(session)) == 14
    engine.dispose()


def test_the_cli_refuses_minutes_of_a_session_not_yet_held_unless_told(database_url: str):
    command = ["minutes", "import", "tests/data/seed_minutes.txt",
               "--session-date", "1420/01/30"]  # years after today's real clock
    env = {"PATH": "/usr/bin:/bin", "MINA_DATABASE_URL": database_url}
    engine = make_engine(database_url)
    with Session(engine) as session:
        seed_sample_organisation(session)
        session.commit()
    refused = launcher.run(*command, env=env)
    assert refused.returncode == 1 and "هنوز شروع نشده" in refused.stderr
    with Session(engine) as session:
        assert resolutions_repo.search(session) == []
    held = launcher.run(*command, "--held-early", env=env)
    assert held.returncode == 0, held.stderr
    with Session(engine) as session:
        assert len(resolutions_repo.search(session)) == 14
    engine.dispose()


def test_working_days_and_off_days_use_the_holiday_table(session):
    from mina_bot.holiday_table import add_closure
    from mina_bot.minutes import review

    add_closure(session, actor=None, start=parse_jalali_ymd("1400/01/31"),
                end=parse_jalali_ymd("1400/02/01"), name="تعطیلی ستاد",
                now=dt.datetime(2021, 4, 19, tzinfo=dt.UTC))
    text = ("ردیف\tموضوع\tمتولی\tمهلت\n1\tگزارش\tدبیرخانه\t۵ روز کاری\n"
            "2\tبرآورد\tدبیرخانه\t۱۴۰۰/۰۲/۰۱\n")
    draft = {"text": text, "date": "1400/01/30", "decisions": {}, "create": []}
    minutes, _ = review.parsed(session, draft)
    working, closed = minutes.resolutions
    assert working.due == parse_jalali_ymd("1400/02/07")  # 31, 1 closed; 3 a Friday
    assert (closed.off_day, closed.due) == (parse_jalali_ymd("1400/02/01"),
                                            parse_jalali_ymd("1400/02/02"))
    kept, _ = review.parsed(session, {**draft, "move_off_days": False})
    assert (kept.resolutions[1].due, kept.resolutions[1].moved) == (
        parse_jalali_ymd("1400/02/01"), False)


def test_a_deadline_kept_on_a_friday_is_flagged_on_the_resolution_card(session):
    from mina_bot.actors import Actor
    from mina_bot.minutes import review
    from mina_bot.resolutions import views
    from mina_bot.resolutions.card import resolution_card

    seed_sample_organisation(session)
    text = ("بازه زمانی\tمتولی\tموضوع\n۱۴۰۰/۰۲/۱۰\tدبیرخانه\t۱) گزارش پایلوت\n"
            "۱۴۰۰/۰۲/۰۸\tدبیرخانه\t۲) برآورد هزینه\n")
    draft = {"text": text, "date": "1400/01/30", "decisions": {}, "create": [],
             "move_off_days": False}
    minutes, _ = review.parsed(session, draft)
    import_minutes(session, minutes=minutes, settings=SETTINGS, actor=None, now=NOW)
    staff = Actor(telegram_id=1, member_id=None, is_admin=True)
    shown = {}
    for resolution, _ in resolutions_repo.search(session):
        card = resolution_card(session, actor=staff, resolution_id=resolution.id)
        for lang in ("fa", "en"):
            shown[resolution.number, lang] = views.detail_view(
                card, tz=SETTINGS.tz, today=dt.date(2021, 4, 26), lang=lang, someone="-")[0]
    assert "⚠️ مهلت به روز تعطیل می‌افتد (جمعه ۱۰ اردیبهشت ۱۴۰۰)." in shown[1, "fa"]
    assert "falls on a day off (Friday 10 Ordibehesht 1400)" in shown[1, "en"]
    assert "تعطیل" not in shown[2, "fa"]
