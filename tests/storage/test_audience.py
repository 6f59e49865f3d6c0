"""Who a broadcast reaches: the members an audience names, and their number counted apart."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from mina_bot.delivery.audience import Audience, BadAudience, recipient_count, recipients
from storage.repositories import members as members_repo
from tests.fixtures.organisation import seed_org


def test_the_count_is_the_number_of_recipients_for_every_kind_of_audience(
        session: Session) -> None:
    org = seed_org(session, plain_members=7)
    unbound = members_repo.create_member(session, name="بی‌حساب")  # no Telegram account
    members_repo.add_membership(session, member_id=unbound.id, unit_id=org.it, role="member")
    session.commit()
    audiences = [Audience(everyone=True), Audience().toggle_unit(org.it),
                 Audience().toggle_unit(org.it).toggle_unit(org.infrastructure),
                 Audience().toggle_role("head"), Audience().toggle_unit(org.it).toggle_role("head")]
    counts = [recipient_count(session, a) for a in audiences]
    assert counts == [len(recipients(session, a)) for a in audiences]
    assert counts[0] == 11  # 4 officers and 7 members bound; the unbound one is not counted
    assert counts[3] == 2 and counts[4] == 1


def test_an_empty_audience_or_an_unknown_unit_is_refused_by_the_count_too(
        session: Session) -> None:
    seed_org(session)
    for audience in (Audience(), Audience().toggle_unit(999_999)):
        with pytest.raises(BadAudience):
            recipient_count(session, audience)
