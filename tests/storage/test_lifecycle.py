"""Each unit's share of a resolution: who may move it, what is recorded, who is told, what is
refused; the resolution's stored state always what its shares give."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from mina_bot.errors import NotFound, PermissionDenied
from mina_bot.identity import load_actor
from mina_bot.resolutions import lifecycle, shares
from mina_bot.resolutions.lifecycle import (
    DocumentRef,
    InvalidTransition,
    OwnReport,
    ReasonRequired,
)
from storage.models import Resolution, ResolutionEventKind, ResolutionStatus, ShareState
from storage.repositories import outbox as outbox_repo
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import shares as shares_repo
from storage.repositories import units as units_repo

NOW = dt.datetime(2021, 4, 26, 5, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(hours=1)


@pytest.fixture
def org(sample_organisation, session: Session) -> Session:
    """The sample organisation and resolution 8 (infrastructure + it) of session 1."""
    council = sessions_repo.create_session(session, number=1, starts_at=NOW, place=None)
    resolution = resolutions_repo.add_resolution(session, resolution=Resolution(
        session_id=council.id, number=8, subject="پایلوت گیلان", time_frame="یک هفته",
        due_date=dt.date(2021, 4, 26)))
    lifecycle.assign_units(session, resolution=resolution, actor=None, now=NOW, units=[
        (unit(session, "infrastructure"), "کمیته زیرساخت"), (unit(session, "it"), "کمیته فناوری")])
    session.commit()
    return session


def unit(session: Session, key: str) -> int:
    return units_repo.get_by_key(session, key=key).id


def actor(session: Session, telegram_id: int):
    return load_actor(session, telegram_id=telegram_id, admin_ids=())


def rid_of(session: Session) -> int:
    council = sessions_repo.get_by_number(session, number=1)
    return resolutions_repo.of_session(session, session_id=council.id)[0].id


def states(session: Session, rid: int) -> dict[str, ShareState]:
    """Each unit's share state (by unit key); the stored resolution state checked against it."""
    found = shares_repo.shares_of(session, resolution_id=rid)
    resolution = resolutions_repo.get_resolution(session, resolution_id=rid)
    if resolution.status != ResolutionStatus.CANCELLED:
        lead = next((s.state for s, _ in found if s.is_lead), None)
        assert resolution.status == shares.derive([s.state for s, _ in found], lead=lead,
                                                  lead_closes=resolution.lead_closes)
    return {u.key: ShareState(s.state) for s, u in found}


def test_one_unit_reporting_touches_only_its_share_and_the_secretariat_hears(org: Session):
    rid, infra, it = rid_of(org), unit(org, "infrastructure"), unit(org, "it")
    doc = DocumentRef(file_id="F1", file_unique_id="U1", file_name="gilan.pdf")
    done = lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                                 note="ارسال شد <b>", now=NOW, document=doc)
    assert done.status == ResolutionStatus.OPEN  # IT still owes its share
    assert states(org, rid) == {"infrastructure": ShareState.REPORTED_DONE,
                                "it": ShareState.OPEN}
    told = outbox_repo.rows(org, kind="share.reported")
    assert len(told) == 2  # both secretariat members
    assert "ارسال شد &lt;b&gt;" in told[0].payload["text"]
    assert told[0].payload["buttons"][0][0][1] == f"res:ok:{rid}:{infra}"
    assert [r.payload["document"] for r in outbox_repo.rows(org, kind="share.file")] == ["F1"] * 2
    lifecycle.confirm(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1002), now=LATER)
    assert states(org, rid)["infrastructure"] == ShareState.CONFIRMED
    assert {r.member_id for r in outbox_repo.rows(org, kind="share.confirmed")} == {
        actor(org, 1003).member_id, actor(org, 1004).member_id}
    lifecycle.report_done(org, resolution_id=rid, unit_id=it, actor=actor(org, 1010), note=None,
                          now=LATER)
    assert resolutions_repo.get_resolution(org, resolution_id=rid).status == \
        ResolutionStatus.REPORTED_DONE
    closed = lifecycle.confirm(org, resolution_id=rid, unit_id=it, actor=actor(org, 1002),
                               now=LATER)
    assert closed.status == ResolutionStatus.CONFIRMED
    events = resolutions_repo.events_of(org, resolution_id=rid)
    assert [(e.kind, e.unit_id) for e in events] == [
        (ResolutionEventKind.REPORTED_DONE, infra), (ResolutionEventKind.CONFIRMED, infra),
        (ResolutionEventKind.REPORTED_DONE, it), (ResolutionEventKind.CONFIRMED, it)]
    assert events[-1].from_status == ResolutionStatus.REPORTED_DONE
    files = resolutions_repo.attachments_of(org, event_ids=[events[0].id])
    assert [f.file_name for f in files[events[0].id]] == ["gilan.pdf"]


def test_sent_back_with_a_reason_the_unit_hears_it_and_owes_again(org: Session):
    rid, infra = rid_of(org), unit(org, "infrastructure")
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1004),
                          note=None, now=NOW)
    with pytest.raises(ReasonRequired):
        lifecycle.send_back(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1002),
                            reason=" ", now=NOW)
    lifecycle.send_back(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1002),
                        reason="مستندات ناقص است", now=NOW)
    assert states(org, rid)["infrastructure"] == ShareState.SENT_BACK
    [told, _] = outbox_repo.rows(org, kind="share.sent_back")
    assert "مستندات ناقص است" in told.payload["text"]
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                          note="کامل شد", now=LATER)  # owed again: may be reported again
    assert states(org, rid)["infrastructure"] == ShareState.REPORTED_DONE


def test_a_stale_forged_or_repeated_confirm_changes_nothing(org: Session):
    rid, infra, it = rid_of(org), unit(org, "infrastructure"), unit(org, "it")
    secretariat = actor(org, 1002)
    with pytest.raises(InvalidTransition) as raised:  # nothing reported yet
        lifecycle.confirm(org, resolution_id=rid, unit_id=infra, actor=secretariat, now=NOW)
    assert raised.value.text_key == "resolutions.error.share_open"
    with pytest.raises(PermissionDenied):  # a unit with no share of it
        lifecycle.confirm(org, resolution_id=rid, unit_id=unit(org, "design"),
                          actor=secretariat, now=NOW)
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                          note=None, now=NOW)
    lifecycle.confirm(org, resolution_id=rid, unit_id=infra, actor=secretariat, now=NOW)
    before = len(resolutions_repo.events_of(org, resolution_id=rid))
    with pytest.raises(InvalidTransition) as raised:  # the same press twice
        lifecycle.confirm(org, resolution_id=rid, unit_id=infra, actor=secretariat, now=NOW)
    assert raised.value.text_key == "resolutions.error.share_confirmed"
    with pytest.raises(InvalidTransition):  # IT's share was never reported
        lifecycle.send_back(org, resolution_id=rid, unit_id=it, actor=secretariat,
                            reason="x", now=NOW)
    assert len(resolutions_repo.events_of(org, resolution_id=rid)) == before
    assert len(outbox_repo.rows(org, kind="share.confirmed")) == 2
    with pytest.raises(NotFound):
        lifecycle.confirm(org, resolution_id=9999, unit_id=infra, actor=secretariat, now=NOW)


def test_the_reporter_cannot_confirm_their_own_share_unless_allowed(org: Session):
    rid = rid_of(org)
    secretariat = unit(org, "secretariat")
    resolution = resolutions_repo.get_resolution(org, resolution_id=rid)
    lifecycle.assign_units(org, resolution=resolution, actor=None, now=NOW,
                           units=[(secretariat, "دبیرخانه")])
    lifecycle.report_done(org, resolution_id=rid, unit_id=secretariat, actor=actor(org, 1002),
                          note=None, now=NOW)
    with pytest.raises(OwnReport):
        lifecycle.confirm(org, resolution_id=rid, unit_id=secretariat, actor=actor(org, 1002),
                          now=NOW)
    done = lifecycle.confirm(org, resolution_id=rid, unit_id=secretariat,
                             actor=actor(org, 1002), now=NOW, allow_own=True)
    assert done.status == ResolutionStatus.CONFIRMED


def test_a_removed_unit_keeps_its_history_and_an_added_one_gets_a_fresh_share(org: Session):
    from storage.repositories import reminders as reminder_sources

    rid, infra, it, design = (rid_of(org), unit(org, "infrastructure"), unit(org, "it"),
                              unit(org, "design"))
    lifecycle.report_done(org, resolution_id=rid, unit_id=it, actor=actor(org, 1010),
                          note="بخشی انجام شد", now=NOW)
    resolution = resolutions_repo.get_resolution(org, resolution_id=rid)
    lifecycle.assign_units(org, resolution=resolution, actor=actor(org, 1002), now=LATER,
                           units=[(infra, "کمیته زیرساخت"), (design, "کمیته طراحی")])
    assert states(org, rid) == {"infrastructure": ShareState.OPEN, "design": ShareState.OPEN}
    kinds = [(e.kind, e.unit_id) for e in resolutions_repo.events_of(org, resolution_id=rid)]
    assert kinds == [(ResolutionEventKind.REPORTED_DONE, it), (ResolutionEventKind.REMOVED, it)]
    [(_, owed)] = reminder_sources.resolutions_with_units(org, statuses=["open"])
    assert owed == sorted([infra, design])  # IT is no longer reminded
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                          note=None, now=LATER)
    [(_, owed)] = reminder_sources.resolutions_with_units(org, statuses=["open"])
    assert owed == [design]  # a unit that has reported is not reminded; one still owing is


def test_not_applicable_and_the_lead_close_it(org: Session):
    rid, infra, it = rid_of(org), unit(org, "infrastructure"), unit(org, "it")
    secretariat = actor(org, 1002)
    assert {u.key: s.is_lead for s, u in shares_repo.shares_of(org, resolution_id=rid)} \
        == {"infrastructure": True, "it": False}  # the first named leads
    with pytest.raises(PermissionDenied):
        lifecycle.not_applicable(org, resolution_id=rid, unit_id=it, actor=actor(org, 1010),
                                 reason="x", now=NOW)
    lifecycle.not_applicable(org, resolution_id=rid, unit_id=it, actor=secretariat,
                             reason="به فناوری مربوط نیست", now=NOW)
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                          note=None, now=NOW)
    assert lifecycle.confirm(org, resolution_id=rid, unit_id=infra, actor=secretariat,
                             now=NOW).status == ResolutionStatus.CONFIRMED
    reopened = lifecycle.reopen(org, resolution_id=rid, actor=secretariat, note=None, now=LATER)
    assert reopened.status == ResolutionStatus.OPEN
    assert states(org, rid) == {"infrastructure": ShareState.OPEN,
                                "it": ShareState.NOT_APPLICABLE}
    reopened.lead_closes = True
    lifecycle.assign_units(org, resolution=reopened, actor=None, now=LATER,
                           units=[(infra, "a"), (it, "b"), (unit(org, "design"), "c")])
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                          note=None, now=LATER)
    assert lifecycle.confirm(org, resolution_id=rid, unit_id=infra, actor=secretariat,
                             now=LATER).status == ResolutionStatus.CONFIRMED
    states(org, rid)


@pytest.mark.parametrize("telegram_id, key", [
    (1017, "infrastructure"),  # a plain member of the unit
    (1005, "design"),  # the secretary of a unit that is not responsible
    (1005, "infrastructure"),  # the secretary of another unit, naming this one
])
def test_only_heads_and_secretaries_of_a_responsible_unit_may_report(org, telegram_id, key):
    rid = rid_of(org)
    with pytest.raises(PermissionDenied):
        lifecycle.report_done(org, resolution_id=rid, unit_id=unit(org, key),
                              actor=actor(org, telegram_id), note=None, now=NOW)
    assert resolutions_repo.events_of(org, resolution_id=rid) == []


def test_only_the_secretariat_confirms_cancels_and_reopens(org: Session):
    rid, infra = rid_of(org), unit(org, "infrastructure")
    secretary = actor(org, 1003)
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=secretary, note=None,
                          now=NOW)
    with pytest.raises(PermissionDenied):
        lifecycle.confirm(org, resolution_id=rid, unit_id=infra, actor=secretary, now=NOW)
    for change in (lifecycle.cancel, lifecycle.reopen):
        with pytest.raises(PermissionDenied):
            change(org, resolution_id=rid, actor=secretary, note=None, now=NOW)


def test_a_cancelled_resolution_refuses_reports_and_reopens_to_its_shares(org: Session):
    rid, infra = rid_of(org), unit(org, "infrastructure")
    secretariat = actor(org, 1002)
    lifecycle.cancel(org, resolution_id=rid, actor=secretariat, note="تکراری", now=NOW)
    with pytest.raises(InvalidTransition) as raised:
        lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                              note=None, now=NOW)
    assert raised.value.text_key == "resolutions.error.is_cancelled"
    reopened = lifecycle.reopen(org, resolution_id=rid, actor=secretariat, note=None, now=NOW)
    assert reopened.status == ResolutionStatus.OPEN
    with pytest.raises(NotFound):
        lifecycle.cancel(org, resolution_id=9999, actor=secretariat, note=None, now=NOW)


def test_overdue_is_derived_from_the_due_date(org: Session):
    rid, infra, it = rid_of(org), unit(org, "infrastructure"), unit(org, "it")
    resolution = resolutions_repo.get_resolution(org, resolution_id=rid)
    assert not lifecycle.is_overdue(resolution, dt.date(2021, 4, 26))
    assert lifecycle.is_overdue(resolution, dt.date(2021, 4, 27))
    for unit_id, telegram_id in ((infra, 1003), (it, 1010)):
        lifecycle.report_done(org, resolution_id=rid, unit_id=unit_id,
                              actor=actor(org, telegram_id), note=None, now=NOW)
    assert not lifecycle.is_overdue(resolution, dt.date(2021, 4, 27))


def test_the_register_filters_by_a_units_share_state(org: Session):
    rid, infra, it = rid_of(org), unit(org, "infrastructure"), unit(org, "it")
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                          note=None, now=NOW)

    def found(unit_id: int, *wanted: ShareState) -> list[int]:
        return [r.id for r, _ in resolutions_repo.search(org, unit_ids=[unit_id],
                                                         share_states=wanted)]

    assert found(infra, ShareState.REPORTED_DONE) == [rid]
    assert found(it, ShareState.REPORTED_DONE) == []  # IT's share is still open
    assert found(it, ShareState.OPEN, ShareState.SENT_BACK) == [rid]
    count, rows = shares_repo.reported_shares(org, limit=5)
    assert count == 1 and [(r.id, u.id) for r, _, u in rows] == [(rid, infra)]
