"""The resolution state machine: who may move it, what is recorded, what is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from demo.sample import seed_sample_organisation
from mina_bot.errors import NotFound, PermissionDenied
from mina_bot.identity import load_actor
from mina_bot.resolutions import lifecycle
from mina_bot.resolutions.lifecycle import DocumentRef, InvalidTransition, ReasonRequired
from storage.models import Resolution, ResolutionEventKind, ResolutionStatus
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

NOW = dt.datetime(2021, 4, 26, 5, 0, tzinfo=dt.UTC)


@pytest.fixture
def org(session: Session) -> Session:
    """The sample organisation and resolution 8 (infrastructure + it) of session 1."""
    seed_sample_organisation(session)
    council = sessions_repo.create_session(session, number=1, starts_at=NOW, place=None)
    resolution = resolutions_repo.add_resolution(session, resolution=Resolution(
        session_id=council.id, number=8, subject="پایلوت گیلان", time_frame="یک هفته",
        due_date=dt.date(2021, 4, 26)))
    infra = units_repo.get_by_key(session, key="infrastructure")
    it = units_repo.get_by_key(session, key="it")
    resolutions_repo.set_units(session, resolution_id=resolution.id,
                               units=[(infra.id, "کمیته زیرساخت"), (it.id, "کمیته فناوری")])
    session.commit()
    return session


def actor(session: Session, telegram_id: int):
    return load_actor(session, telegram_id=telegram_id, admin_ids=())


def ids(session: Session) -> tuple[int, int, int]:
    council = sessions_repo.get_by_number(session, number=1)
    resolution = resolutions_repo.of_session(session, session_id=council.id)[0]
    infra = units_repo.get_by_key(session, key="infrastructure").id
    design = units_repo.get_by_key(session, key="design").id
    return resolution.id, infra, design


def test_reported_confirmed_with_every_event_recorded(org: Session):
    rid, infra, _ = ids(org)
    secretary, secretariat = actor(org, 1003), actor(org, 1002)
    doc = DocumentRef(file_id="F1", file_unique_id="U1", file_name="gilan.pdf")
    done = lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=secretary,
                                 note="ارسال شد", now=NOW, document=doc)
    assert done.status == ResolutionStatus.REPORTED_DONE
    confirmed = lifecycle.confirm(org, resolution_id=rid, actor=secretariat, note=None,
                                  now=NOW + dt.timedelta(hours=1))
    assert confirmed.status == ResolutionStatus.CONFIRMED
    events = resolutions_repo.events_of(org, resolution_id=rid)
    assert [e.kind for e in events] == [ResolutionEventKind.REPORTED_DONE,
                                        ResolutionEventKind.CONFIRMED]
    assert events[0].note == "ارسال شد" and events[0].unit_id == infra
    assert events[0].actor_member_id == secretary.member_id
    assert events[1].created_at == NOW + dt.timedelta(hours=1)
    assert events[1].from_status == ResolutionStatus.REPORTED_DONE


def test_sent_back_with_a_reason_is_open_again(org: Session):
    rid, infra, _ = ids(org)
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1004),
                          note=None, now=NOW)
    with pytest.raises(ReasonRequired):
        lifecycle.send_back(org, resolution_id=rid, actor=actor(org, 1002), reason=" ", now=NOW)
    back = lifecycle.send_back(org, resolution_id=rid, actor=actor(org, 1002),
                               reason="مستندات ناقص است", now=NOW)
    assert back.status == ResolutionStatus.OPEN
    assert resolutions_repo.events_of(org, resolution_id=rid)[-1].note == "مستندات ناقص است"


@pytest.mark.parametrize("telegram_id, unit", [
    (1017, "infrastructure"),  # a plain member of the unit
    (1005, "design"),  # the secretary of a unit that is not responsible
    (1005, "infrastructure"),  # the secretary of another unit, naming this one
])
def test_only_heads_and_secretaries_of_a_responsible_unit_may_report(org, telegram_id, unit):
    rid, _, _ = ids(org)
    unit_id = units_repo.get_by_key(org, key=unit).id
    with pytest.raises(PermissionDenied):
        lifecycle.report_done(org, resolution_id=rid, unit_id=unit_id,
                              actor=actor(org, telegram_id), note=None, now=NOW)
    assert resolutions_repo.events_of(org, resolution_id=rid) == []


def test_only_the_secretariat_confirms_cancels_and_reopens(org: Session):
    rid, infra, _ = ids(org)
    secretary = actor(org, 1003)
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=secretary, note=None,
                          now=NOW)
    for change in (lifecycle.confirm, lifecycle.cancel, lifecycle.reopen):
        with pytest.raises(PermissionDenied):
            change(org, resolution_id=rid, actor=secretary, note=None, now=NOW)


def test_invalid_transitions_name_the_current_state(org: Session):
    rid, infra, _ = ids(org)
    secretariat = actor(org, 1002)
    with pytest.raises(InvalidTransition) as raised:
        lifecycle.confirm(org, resolution_id=rid, actor=secretariat, note=None, now=NOW)
    assert raised.value.text_key == "resolutions.error.is_open"
    assert raised.value.params == {"number": 8}
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
    rid, infra, _ = ids(org)
    resolution = resolutions_repo.get_resolution(org, resolution_id=rid)
    assert not lifecycle.is_overdue(resolution, dt.date(2021, 4, 26))
    assert lifecycle.is_overdue(resolution, dt.date(2021, 4, 27))
    lifecycle.report_done(org, resolution_id=rid, unit_id=infra, actor=actor(org, 1003),
                          note=None, now=NOW)
    assert not lifecycle.is_overdue(resolution, dt.date(2021, 4, 27))
