"""Change counters and the read cache: what a write invalidates, here and in another process."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from mina_bot.identity import load_actor
from mina_bot.readcache import ReadCache
from mina_bot.reports import drafts, steps
from mina_bot.settings import Settings
from storage.changes import counters_for
from storage.models import ConversationState, Member, OutboxMessage, ReportStatus, WeeklyReport
from storage.repositories import members as members_repo
from storage.repositories import reports as reports_repo
from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world

ROOT = Path(__file__).resolve().parents[2]
TOPICS = ("roster", "duties", "reports")
REPORT_SETTINGS = Settings(_env_file=None)


def stamp(engine: Engine) -> dict[str, int]:
    return dict(zip(TOPICS, counters_for(engine).stamp(TOPICS, engine, poll_every=3600),
                    strict=True))


def stored(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return dict(connection.execute(sa.text("SELECT topic, value FROM data_generation")).all())


def test_a_committed_roster_write_counts_here_and_in_the_table(engine: Engine) -> None:
    before, in_table = stamp(engine), stored(engine)
    with Session(engine) as session:
        members_repo.create_member(session, name="زهرا کریمی", telegram_id=4001)
        session.commit()
    after = stamp(engine)
    assert after["roster"] > before["roster"]
    assert (after["duties"], after["reports"]) == (before["duties"], before["reports"])
    assert stored(engine)["roster"] == in_table["roster"] + 1


def test_a_rolled_back_write_counts_nothing(engine: Engine) -> None:
    before, in_table = stamp(engine), stored(engine)
    with Session(engine) as session:
        members_repo.create_member(session, name="بی‌اثر", telegram_id=4002)
        session.flush()
        session.rollback()
        session.commit()  # nothing left to commit
    assert stamp(engine) == before and stored(engine) == in_table


def test_writes_nobody_caches_count_nothing(engine: Engine) -> None:
    before = stamp(engine)
    now = dt.datetime.now(dt.UTC)
    with Session(engine) as session:
        session.add(ConversationState(key="report:1:1", name="report", state={"step": 1}))
        session.add(OutboxMessage(chat_id=1, kind="test", dedupe_key="k-1", payload={"text": "x"},
                                  not_before=now))
        session.commit()
    assert stamp(engine) == before


def test_core_writes_count_too(engine: Engine) -> None:
    before = stamp(engine)
    with engine.begin() as connection:
        connection.execute(sa.update(Member).values(language="en"))
    assert stamp(engine)["roster"] > before["roster"]


def test_the_cache_reads_again_only_after_a_change(engine: Engine) -> None:
    cache = ReadCache(engine, poll_every=3600, size=100)
    loads = []

    def load() -> int:
        loads.append(1)
        with Session(engine) as session:
            return session.scalar(sa.select(sa.func.count()).select_from(Member))

    first = cache.fetch("members", ("roster",), load)
    assert cache.fetch("members", ("roster",), load) == first and len(loads) == 1
    assert cache.fetch("other", ("duties",), lambda: "x") == "x"
    with Session(engine) as session:
        members_repo.create_member(session, name="عضو تازه", telegram_id=4003)
        session.commit()
    assert cache.fetch("members", ("roster",), load) == first + 1 and len(loads) == 2
    assert cache.fetch("other", ("duties",), lambda: "y") == "x"  # duties did not change


def test_a_read_made_while_a_commit_is_issued_is_not_kept(engine: Engine) -> None:
    """A read made while another thread's commit is issued but not yet visible (here: from the
    commit hook itself) sees the old data; the cache reads again once the commit is visible."""
    cache = ReadCache(engine, poll_every=3600, size=100)

    def count() -> int:
        with Session(engine) as session:
            return session.scalar(sa.select(sa.func.count()).select_from(Member))

    before = cache.fetch("members", ("roster",), count)
    during: list[int] = []
    hook = lambda _connection: during.append(cache.fetch("members", ("roster",), count))  # noqa: E731
    sa.event.listen(engine, "commit", hook)
    try:
        with Session(engine) as session:
            members_repo.create_member(session, name="عضو تازه", telegram_id=4004)
            session.commit()
    finally:
        sa.event.remove(engine, "commit", hook)
    assert during == [before]  # read again after the first bump, but the row is not in yet
    assert cache.fetch("members", ("roster",), count) == before + 1


def test_a_change_by_another_process_is_seen_at_the_next_poll(engine: Engine,
                                                               database_url: str) -> None:
    cache = ReadCache(engine, poll_every=0, size=100)  # 0: poll on every read
    assert cache.fetch("name", ("roster",), lambda: "old") == "old"
    script = ("import sys; sys.path.insert(0, '.');"
              "from sqlmodel import Session; from storage.db import make_engine;"
              "from storage.repositories import members;"
              f"engine = make_engine({database_url!r});"
              "session = Session(engine);"
              "members.create_member(session, name='از فرایند دیگر', telegram_id=4004);"
              "session.commit()")
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=60)
    assert cache.fetch("name", ("roster",), lambda: "new") == "new"
    assert cache.fetch("name", ("roster",), lambda: "newer") == "new"  # no further change


def test_an_entry_with_a_time_window_is_read_again_outside_it(engine: Engine) -> None:
    cache = ReadCache(engine, poll_every=3600, size=100)
    monday = dt.datetime(2021, 4, 26, 6, 30, tzinfo=dt.UTC)
    sunday = monday - dt.timedelta(days=1)
    assert cache.fetch("next", (), lambda: monday, now=sunday, until=lambda v: v) == monday
    assert cache.fetch("next", (), lambda: None, now=monday, until=lambda v: v) == monday
    later = monday + dt.timedelta(minutes=1)
    assert cache.fetch("next", (), lambda: later, now=later, until=lambda v: v) == later
    assert cache.fetch("next", (), lambda: "back", now=sunday, until=lambda v: v) == "back"


def test_the_least_recently_used_entries_make_room(engine: Engine) -> None:
    cache = ReadCache(engine, poll_every=3600, size=2)
    for key in ("a", "b"):
        cache.fetch(key, (), lambda key=key: key)
    cache.fetch("a", (), lambda: "again")  # a is now the most recent
    cache.fetch("c", (), lambda: "c")
    assert cache.fetch("a", (), lambda: "reloaded") == "a"
    assert cache.fetch("b", (), lambda: "reloaded") == "reloaded"


def test_a_new_variant_replaces_the_old_value_in_its_slot(engine: Engine) -> None:
    """Yesterday's page is replaced by today's, not kept beside it until the cache is full."""
    cache = ReadCache(engine, poll_every=3600, size=100)
    for day in range(1, 31):
        page = cache.fetch(("page", 7), (), lambda day=day: f"day {day}", variant=day)
        assert page == f"day {day}"
    assert cache.fetch(("page", 7), (), lambda: "again", variant=30) == "day 30"
    assert cache.fetch(("page", 7), (), lambda: "day 29 again", variant=29) == "day 29 again"
    assert len(cache) == 1


def test_size_zero_keeps_nothing(engine: Engine) -> None:
    cache = ReadCache(engine, poll_every=3600, size=0)
    cache.fetch("a", (), lambda: 1)
    assert cache.fetch("a", (), lambda: 2) == 2


def test_typing_a_report_keeps_the_reports_in_until_it_is_submitted(engine: Engine) -> None:
    with Session(engine) as session:
        world = seed_reports_world(session)
        secretary = load_actor(session, telegram_id=1003, admin_ids=())
        report, _ = drafts.open_draft(session, actor=secretary, unit_id=world["infra"],
                                   now=SATURDAY_MORNING, settings=REPORT_SETTINGS)
        session.commit()
        typed = stamp(engine)
        drafts.answer_text(session, report=report, text="نصب سرورها")
        drafts.skip(session, report=report)
        session.commit()
        assert report.current_step == steps.PROBLEMS
        assert stamp(engine)["reports"] == typed["reports"]  # only the step moved
        report.status = ReportStatus.SUBMITTED  # the status is what «reported» reads
        session.add(report)
        session.commit()
    assert stamp(engine)["reports"] > typed["reports"]


def test_a_draft_opened_and_thrown_away_keeps_the_reports_in(engine: Engine) -> None:
    with Session(engine) as session:
        world = seed_reports_world(session)
        secretary = load_actor(session, telegram_id=1003, admin_ids=())
        session.commit()
        before = stamp(engine)
        report, _ = drafts.open_draft(session, actor=secretary, unit_id=world["infra"],
                                   now=SATURDAY_MORNING, settings=REPORT_SETTINGS)
        session.commit()
        drafts.discard(session, report=report, actor=secretary)
        session.commit()
        assert stamp(engine)["reports"] == before["reports"]
        # Only a never-submitted draft goes that way: a submitted report is never deleted.
        report, _ = drafts.open_draft(session, actor=secretary, unit_id=world["infra"],
                                   now=SATURDAY_MORNING, settings=REPORT_SETTINGS)
        drafts.answer_text(session, report=report, text="نصب سرورها")
        report.status, report.current_version = ReportStatus.SUBMITTED, 1
        session.add(report)
        session.commit()
        submitted = stamp(engine)
        assert submitted["reports"] > before["reports"]
        reports_repo.delete_report(session, report_id=report.id)
        session.commit()
        assert session.get(WeeklyReport, report.id) is not None
        assert len(reports_repo.answers_of(session, report_id=report.id)) == 1  # left whole
        assert stamp(engine)["reports"] == submitted["reports"]
