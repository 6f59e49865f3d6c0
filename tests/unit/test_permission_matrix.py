"""The whole matrix: every command and every registered button, for every role.

The expectations are written here independently of mina_bot.permissions; a feature that adds a
command or a button with a new Action must add its row to EXPECTED (the test says so).
"""

import pytest

import bot
from handlers import start
from mina_bot import buttons
from mina_bot.actors import Actor, Role, UnitRole
from mina_bot.commands import COMMANDS, commands_for
from mina_bot.permissions import UNIT_SCOPED, Action, allowed

OWN, OTHER = 4, 2
ACTORS = {
    "admin": Actor(telegram_id=1, member_id=1, is_admin=True),
    "secretariat": Actor(telegram_id=2, member_id=2, memberships=(
        UnitRole(1, "secretariat", "دبیرخانه", Role.MEMBER, "secretariat"),)),
    "head": Actor(telegram_id=3, member_id=3, memberships=(
        UnitRole(OWN, "infrastructure", "زیرساخت", Role.HEAD),)),
    "secretary": Actor(telegram_id=4, member_id=4, memberships=(
        UnitRole(OWN, "infrastructure", "زیرساخت", Role.SECRETARY),)),
    "member": Actor(telegram_id=5, member_id=5, memberships=(
        UnitRole(OWN, "infrastructure", "زیرساخت", Role.MEMBER),)),
    "stranger": Actor(telegram_id=6),
}
EVERYONE = set(ACTORS)
MEMBERS = EVERYONE - {"stranger"}
OFFICERS = {"admin", "secretariat", "head", "secretary"}
STAFF = {"admin", "secretariat"}

EXPECTED: dict[Action, set[str]] = {
    Action.START: EVERYONE,
    Action.HELP: EVERYONE,
    Action.CANCEL: EVERYONE,
    Action.WHOAMI: MEMBERS,
    Action.VIEW_SESSION: MEMBERS,
    Action.VIEW_OWN_DUTIES: MEMBERS,
    Action.VIEW_UNIT_REPORTS: MEMBERS,
    Action.SUBMIT_REPORT: OFFICERS,
    Action.REPORT_RESOLUTION_DONE: OFFICERS,
    Action.CONFIRM_RESOLUTION: STAFF,
    Action.MANAGE_RESOLUTIONS: STAFF,
    Action.VIEW_ALL_REPORTS: STAFF,
    Action.VIEW_ORGANISATION: STAFF,
    Action.MANAGE_MEMBERS: STAFF,
    Action.GRANT_ADMIN: {"admin"},
    Action.INVITE: STAFF,
    Action.IMPORT_MINUTES: STAFF,
    Action.MANAGE_AGENDA: STAFF,
    Action.BROADCAST: STAFF,
    Action.EXPORT: STAFF,
    Action.SETTINGS: MEMBERS,
}


@pytest.fixture(scope="module", autouse=True)
def every_feature_registered():
    """Building every feature's handlers registers all their buttons."""
    for feature in (start, *bot.FEATURES):
        feature.build_handlers()


def entries():
    """(kind, name, action) for every command and every registered button."""
    for command in COMMANDS:
        yield "command", command.name, command.action
    for button in buttons.registered():
        yield "button", f"{button.feature}:{button.verb}", button.action


def test_the_registry_holds_this_features_buttons():
    names = {f"{b.feature}:{b.verb}" for b in buttons.registered()}
    assert {"org:unit", "org:mem", "ros:setrole", "ros:moveto", "ros:deactok", "ros:admin",
            "ros:seat", "ros:newgroup", "inv:unit", "inv:role", "inv:revoke"} <= names


@pytest.mark.parametrize("role", list(ACTORS))
def test_every_command_and_button_for_every_role(role):
    actor = ACTORS[role]
    wrong = []
    for kind, name, action in entries():
        assert action in EXPECTED, f"{kind} {name} needs {action}: add its row to EXPECTED"
        if allowed(actor, action) != (role in EXPECTED[action]):
            wrong.append((kind, name, action.value, allowed(actor, action)))
        if action in UNIT_SCOPED and role in {"head", "secretary", "member"}:
            assert not allowed(actor, action, unit_id=OTHER) or role in STAFF, (kind, name)
    assert wrong == []


@pytest.mark.parametrize("role", list(ACTORS))
def test_the_menu_lists_exactly_the_allowed_commands(role):
    actor = ACTORS[role]
    menu = {c.name for c in commands_for(actor)}
    expected = {c.name for c in COMMANDS if role in EXPECTED[c.action]}
    if role == "stranger":
        expected -= {"cancel"}
    assert menu == expected


def test_the_table_agrees_with_the_expectations():
    assert set(EXPECTED) == set(Action)
