"""The organisation on a real database: loading, updating in place, invitations, roster limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from demo.sample import ORG_FILE, seed_sample_organisation
from mina_bot.actors import Actor
from mina_bot.clock import FakeClock, SteadyClock
from mina_bot.organisation import invitations, roster
from mina_bot.organisation.errors import LimitExceeded, OrganisationRefused, OrgFileError
from mina_bot.organisation.loader import load_file, load_text
from mina_bot.runtime import Runtime
from mina_bot.settings import Settings
from storage.models import Member, Role, metadata
from storage.repositories import audit, members, units, working_groups

STAFF = Actor(telegram_id=1001, member_id=1)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2021, 4, 26, 3, 0, tzinfo=UTC))


def dump(session: Session) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order."""
    tables = {}
    for table in metadata.sorted_tables:
        order = list(table.primary_key.columns)
        tables[table.name] = [tuple(r) for r in session.execute(sa.select(table).order_by(*order))]
    return tables


def test_loading_the_example_twice_changes_nothing(session: Session, clock: FakeClock) -> None:
    first = load_file(session, ORG_FILE, clock=clock)
    session.commit()
    assert first.total > 0
    before = dump(session)
    clock.advance(timedelta(days=1))
    second = load_file(session, ORG_FILE, clock=clock)
    session.commit()
    assert second.total == 0
    assert dump(session) == before


def test_the_demo_seed_is_the_loader(session: Session) -> None:
    assert seed_sample_organisation(session) == 17
    assert seed_sample_organisation(session) == 17
    assert units.get_by_key(session, key="it") is not None


def test_a_changed_file_updates_in_place(session: Session, clock: FakeClock) -> None:
    source = ORG_FILE.read_text(encoding="utf-8")
    load_text(session, source, clock=clock)
    session.commit()
    kept = members.get_by_telegram_id(session, telegram_id=1017)
    changed = (source.replace("name_en: Economic Deputy", "name_en: Deputy for Economy")
               .replace("    memberships: [{unit: infrastructure, role: member}]",
                        "    memberships: [{unit: it, role: member}]"))
    report = load_text(session, changed, clock=clock)
    session.commit()
    assert report.changes == {"unit.update": 1, "membership.update": 1, "membership.create": 1}
    assert units.get_by_key(session, key="economic-deputy").name_en == "Deputy for Economy"
    moved = members.get_by_telegram_id(session, telegram_id=1017)
    assert moved.id == kept.id
    seats = members.memberships_of(session, member_id=moved.id, include_ended=True)
    assert [(s.active, s.ended_at is not None) for s in seats] == [(False, True), (True, False)]
    rows = audit.entries(session, entity="unit")
    assert rows[-1].action == "org.load.update"
    assert rows[-1].before["name_en"] == "Economic Deputy"


def test_members_without_telegram_id_are_matched_by_loose_name(session, clock) -> None:
    load_text(session, "units: []\nmembers:\n  - name: آقای  ستوده\n", clock=clock)
    load_text(session, "units: []\nmembers:\n  - name: آقاي ستوده\n    telegram_id: 77\n",
              clock=clock)
    session.commit()
    [person] = members.list_members(session)
    assert person.telegram_id == 77


def test_a_name_two_members_share_is_refused_at_its_line(session, clock) -> None:
    for telegram_id in (71, 72):  # two files: one may not name a person twice
        load_text(session, f"units: []\nmembers:\n  - name: آقای ستوده\n"
                  f"    telegram_id: {telegram_id}\n", clock=clock)
    session.commit()
    source = "units: []\nmembers:\n  - name: آقای رضایی\n  - name: آقاي ستوده\n"
    with pytest.raises(OrgFileError) as caught:
        load_text(session, source, clock=clock)
    [problem] = caught.value.problems
    assert (problem.line, problem.where) == (4, "members[1].name")
    assert "«آقاي ستوده»" in problem.message and "شناسه تلگرام" in problem.message
    session.rollback()
    assert sorted(m.telegram_id for m in members.list_members(session)) == [71, 72]


def test_a_bad_file_loads_nothing(session: Session, clock: FakeClock, tmp_path: Path) -> None:
    bad = tmp_path / "org.yaml"
    source = ORG_FILE.read_text(encoding="utf-8")
    line = source[:source.index("role: head}]")].count("\n") + 1
    bad.write_text(source.replace("role: head}]", "role: boss}]", 1))
    with pytest.raises(OrgFileError) as caught:
        load_file(session, bad, clock=clock)
    assert caught.value.problems[0].line == line
    session.rollback()
    assert members.list_members(session) == []
    assert units.list_units(session) == []


def test_an_invitation_binds_once_and_is_stored_hashed(session: Session, clock) -> None:
    seed_sample_organisation(session, clock=clock)
    infra = units.get_by_key(session, key="infrastructure")
    issued = invitations.issue(session, actor=STAFF, name="خانم نوری", unit_id=infra.id,
                               role=Role.SECRETARY, now=clock.now(), ttl=timedelta(days=7))
    session.commit()
    assert len(issued.code) <= 64 and issued.code.replace("-", "").replace("_", "").isalnum()
    stored = session.execute(sa.text("SELECT code_hash FROM invitation")).scalar_one()
    assert stored == invitations.hash_code(issued.code) != issued.code
    throttle = invitations.Throttle()
    outcome = invitations.redeem(session, telegram_id=4242, code=issued.code, now=clock.now(),
                                 throttle=throttle)
    session.commit()
    assert outcome.member.name == "خانم نوری" and outcome.member.telegram_id == 4242
    [(seat, unit)] = members.active_memberships(session, member_id=outcome.member.id)
    assert (seat.role, unit.key) == (Role.SECRETARY, "infrastructure")
    again = invitations.redeem(session, telegram_id=4343, code=issued.code, now=clock.now(),
                               throttle=throttle)
    assert again.refusal == "invite.code.used"


def test_wrong_codes_slow_an_account_down(session: Session, clock: FakeClock) -> None:
    throttle = invitations.Throttle(max_failures=3, window=timedelta(minutes=15),
                                    cooldown=timedelta(minutes=15))
    for _ in range(3):
        outcome = invitations.redeem(session, telegram_id=9, code="nope", now=clock.now(),
                                     throttle=throttle)
        assert outcome.refusal == "invite.code.wrong"
        clock.advance(timedelta(minutes=1))
    slowed = invitations.redeem(session, telegram_id=9, code="nope", now=clock.now(),
                                throttle=throttle)
    assert slowed.refusal == "invite.code.slow"
    assert slowed.params["until"] == clock.now() - timedelta(minutes=1) + timedelta(minutes=15)
    clock.advance(timedelta(minutes=15))
    assert invitations.redeem(session, telegram_id=9, code="nope", now=clock.now(),
                              throttle=throttle).refusal == "invite.code.wrong"


def test_roster_changes_keep_history_and_respect_resolution_5(session, clock) -> None:
    seed_sample_organisation(session, clock=clock)
    it = units.get_by_key(session, key="it")
    roster.create_group(session, actor=STAFF, unit_id=it.id, name="کارگروه چهارم",
                        now=clock.now())
    with pytest.raises(LimitExceeded) as caught:
        roster.create_group(session, actor=STAFF, unit_id=it.id, name="پنجم", now=clock.now())
    assert caught.value.params["limit"] == 4
    with pytest.raises(OrganisationRefused):
        roster.create_group(session, actor=STAFF, unit_id=it.id, name="کارگروه  چهارم",
                            now=clock.now())
    group = working_groups.list_working_groups(session, unit_id=it.id)[0]
    people = [m for m in members.list_members(session)][:8]
    for person in people[:7]:
        assert roster.toggle_seat(session, actor=STAFF, working_group_id=group.id,
                                  member_id=person.id, now=clock.now())
    with pytest.raises(LimitExceeded) as caught:
        roster.toggle_seat(session, actor=STAFF, working_group_id=group.id,
                           member_id=people[7].id, now=clock.now())
    assert caught.value.text_key == "org.limit.group_members"


def test_role_change_move_and_deactivation_are_audited(session, clock) -> None:
    seed_sample_organisation(session, clock=clock)
    person = members.get_by_telegram_id(session, telegram_id=1017)
    [seat] = members.memberships_of(session, member_id=person.id)
    roster.change_role(session, actor=STAFF, membership_id=seat.id, role=Role.SECRETARY,
                       now=clock.now())
    [seat] = members.memberships_of(session, member_id=person.id)
    design = units.get_by_key(session, key="design")
    roster.move_member(session, actor=STAFF, membership_id=seat.id, unit_id=design.id,
                       now=clock.now())
    roster.deactivate(session, actor=STAFF, member_id=person.id, now=clock.now())
    session.commit()
    gone = session.get(Member, person.id)
    assert not gone.active and gone.deactivated_at == clock.now()
    actions = [e.action for e in audit.entries(session) if e.actor_telegram_id == 1001]
    assert actions == ["membership.end", "membership.start", "membership.end",
                       "membership.start", "member.deactivate"]
    assert len(members.memberships_of(session, member_id=person.id, include_ended=True)) == 3


def test_the_last_administrator_cannot_be_removed(session, clock) -> None:
    seed_sample_organisation(session, clock=clock)
    person = members.get_by_telegram_id(session, telegram_id=1017)
    person.is_admin = True
    session.add(person)
    configured = Actor(telegram_id=77, is_admin=True)  # an administrator by the setting alone
    for change in (roster.deactivate, roster.toggle_admin):
        with pytest.raises(OrganisationRefused) as caught:
            change(session, actor=configured, member_id=person.id, now=clock.now())
        assert caught.value.text_key == "org.refused.last_admin"
    assert person.active and person.is_admin


def test_an_expired_invitation_stays_expired_when_the_clock_is_stepped_back(session, clock):
    seed_sample_organisation(session, clock=clock)
    assert isinstance(Runtime(settings=Settings(_env_file=None), engine=session.get_bind()).clock,
                      SteadyClock)  # what every process runs on
    seconds = [0.0]
    steady = SteadyClock(clock, monotonic=lambda: seconds[0])
    infra = units.get_by_key(session, key="infrastructure")
    issued = invitations.issue(session, actor=STAFF, name="خانم نوری", unit_id=infra.id,
                               role=Role.SECRETARY, now=steady.now(), ttl=timedelta(hours=1))
    clock.advance(timedelta(hours=2))
    seconds[0] += 2 * 3600
    throttle = invitations.Throttle()
    assert invitations.redeem(session, telegram_id=4242, code=issued.code, now=steady.now(),
                              throttle=throttle).refusal == "invite.code.expired"
    clock.advance(timedelta(hours=-3))  # the wall clock is stepped back three hours
    seconds[0] += 1
    later = steady.now()
    assert later > issued.expires_at
    assert invitations.redeem(session, telegram_id=4242, code=issued.code, now=later,
                              throttle=throttle).refusal == "invite.code.expired"


def test_the_file_sets_report_questions_from_next_week_and_a_units_approval(session: Session):
    from zoneinfo import ZoneInfo

    from mina_bot.reports import questions
    from mina_bot.reports.questions_file import apply_questions
    from storage.repositories import units as units_repo

    clock = FakeClock(datetime(2021, 4, 24, 5, 0, tzinfo=UTC))  # Saturday 1400/02/04
    source = ("units:\n  - {key: it, kind: committee, name_fa: فن, name_en: IT,"
              " report_approval: true}\nreport_questions:\n  - kind: committee\n"
              "    questions:\n      - {key: done, fa: 'چه شد؟'}\n"
              "      - {key: risks, fa: 'ریسک‌ها؟', optional: true}\n")
    hook = apply_questions(clock.now(), ZoneInfo("Asia/Tehran"))
    first = load_text(session, source, clock=clock, then=hook)
    assert first.changes.get("report_questions.update") == 1
    assert load_text(session, source, clock=clock, then=hook).total == 0  # the same: nothing
    assert units_repo.get_by_key(session, key="it").report_approval
    now = questions.in_force(session, unit_kind="committee", at=clock.now())
    later = questions.in_force(session, unit_kind="committee",
                               at=datetime(2021, 5, 1, 0, 0, tzinfo=UTC))  # next Saturday
    assert [q["key"] for q in now.questions] == ["done", "planned", "problems"]
    assert [q["key"] for q in later.questions] == ["done", "risks"]


def test_the_file_closes_days_and_works_holidays_and_loading_again_changes_nothing(session,
                                                                                  clock) -> None:
    from mina_bot.official_calendar import days_off

    source = ("holidays:\n  - {date: ۱۴۰۰/۰۲/۱۰, until: 1400/02/11, name: تعطیلی ستاد}\n"
              "  - {date: 1400/03/14, working: true}\n")
    first = load_text(session, source, clock=clock)
    assert first.changes == {"holiday.closure": 2, "holiday.working": 1}
    off = days_off(session, datetime(2021, 4, 30).date(), datetime(2021, 6, 5).date())
    assert {d.isoformat() for d in off} >= {"2021-04-30", "2021-05-01", "2021-06-05"}
    assert "2021-06-04" not in {d.isoformat() for d in off}  # 14 Khordad is worked
    assert load_text(session, source, clock=clock).total == 0
    assert [e.action for e in audit.entries(session, entity="holiday")] == [
        "holiday.close", "holiday.close", "holiday.work"]
    closed = "holidays:\n  - {date: 1400/03/15, name: تعطیلی}\n"
    load_text(session, closed, clock=clock)  # as if closed in chat: the file then works it
    assert load_text(session, "holidays:\n  - {date: 1400/03/15, working: true}\n",
                     clock=clock).changes == {"holiday.working": 1}
    assert "2021-06-05" not in {d.isoformat() for d in days_off(
        session, datetime(2021, 6, 5).date(), datetime(2021, 6, 5).date())}
