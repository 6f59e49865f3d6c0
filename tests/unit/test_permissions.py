"""The permission table: roles per unit, staff everywhere, strangers nowhere."""

import pytest

from mina_bot.actors import Actor, UnitRole
from mina_bot.errors import PermissionDenied
from mina_bot.permissions import PERMISSIONS, Action, allowed, require
from storage.models import Role

SECRETARIAT = UnitRole(1, "secretariat", "دبیرخانه", Role.MEMBER, "secretariat")
INFRA_SECRETARY = UnitRole(4, "infrastructure", "کمیته زیرساخت", Role.SECRETARY)
DESIGN_MEMBER = UnitRole(2, "design", "کمیته طراحی", Role.MEMBER)

STRANGER = Actor(telegram_id=9)
SECRETARY = Actor(telegram_id=1, member_id=1, memberships=(INFRA_SECRETARY, DESIGN_MEMBER))
STAFF = Actor(telegram_id=2, member_id=2, memberships=(SECRETARIAT,))
ADMIN = Actor(telegram_id=3, member_id=3, is_admin=True)


def test_every_action_has_a_rule():
    assert set(PERMISSIONS) == set(Action)


def test_a_stranger_may_only_start_and_ask_for_help():
    assert {a for a in Action if allowed(STRANGER, a)} == {Action.START, Action.HELP,
                                                           Action.CANCEL}


def test_a_secretary_submits_for_own_unit_only():
    assert allowed(SECRETARY, Action.SUBMIT_REPORT, unit_id=4)
    assert not allowed(SECRETARY, Action.SUBMIT_REPORT, unit_id=2)
    with pytest.raises(PermissionDenied):
        require(SECRETARY, Action.SUBMIT_REPORT, unit_id=7)


@pytest.mark.parametrize("actor", [STAFF, ADMIN])
def test_staff_confirm_import_and_broadcast(actor):
    for action in (Action.CONFIRM_RESOLUTION, Action.IMPORT_MINUTES, Action.BROADCAST):
        assert allowed(actor, action)
    assert allowed(actor, Action.VIEW_UNIT_REPORTS, unit_id=4)


def test_a_plain_member_cannot_manage():
    member = Actor(telegram_id=5, member_id=5, memberships=(DESIGN_MEMBER,))
    assert allowed(member, Action.VIEW_OWN_DUTIES)
    assert not allowed(member, Action.MANAGE_MEMBERS)
    assert not allowed(member, Action.REPORT_RESOLUTION_DONE, unit_id=2)
