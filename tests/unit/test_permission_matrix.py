"""The whole matrix: every command and every registered button, for every role.

The expectations are written here independently of mina_bot.permissions; a feature that adds a
command or a button with a new Action must add its row to EXPECTED (the test says so).
"""

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine
from telegram.ext import CallbackQueryHandler, ConversationHandler

import bot
from mina_bot import buttons
from mina_bot.actors import Actor, UnitRole
from mina_bot.clock import FakeClock
from mina_bot.commands import COMMANDS, commands_for
from mina_bot.permissions import UNIT_SCOPED, Action, allowed
from mina_bot.runtime import Runtime
from storage.models import Role
from tests.fixtures.bot import harness_settings

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
    Action.APPROVE_REPORT: {"head"},
    Action.MANAGE_REPORTS: STAFF,
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
    Action.APPROVE_QUARTERLY: STAFF,
    Action.SETTINGS: MEMBERS,
}


# Handlers the router does not (yet) hold: the catch-all for unclaimed presses, and
# handlers/resolutions.py, which is being rewritten for issue 19 and adopts the router then.
UNROUTED_MODULES = {"handlers.start"}
FEATURES = {"bc", "cal", "exp", "imp", "inv", "lang", "lnk", "org", "pk", "qtr", "rap", "rep",
            "res", "ros", "rpt", "rq", "rs", "rsvp", "ses"}


def walk(handlers):
    """Every handler, with those inside conversations (entry points, steps, fallbacks)."""
    for handler in handlers:
        yield handler
        if isinstance(handler, ConversationHandler):
            yield from walk(handler.entry_points)
            for step in handler.states.values():
                yield from walk(step)
            yield from walk(handler.fallbacks)


@pytest.fixture(scope="module")
def application():
    """The real Application with every handler registered (nothing is started)."""
    settings = harness_settings("sqlite://")
    runtime = Runtime(settings=settings, engine=create_engine("sqlite://"),
                      clock=FakeClock(datetime(2021, 4, 26, 3, 0, tzinfo=UTC)))
    return bot.build_application(runtime)


@pytest.fixture(scope="module")
def every_handler(application):
    return list(walk(h for group in application.handlers.values() for h in group))


@pytest.fixture(scope="module")
def routed(every_handler):
    """(feature, verb) of every button the routers in the Application handle."""
    return {(feature, verb) for h in every_handler if isinstance(h, CallbackQueryHandler)
            for feature, verbs in [getattr(h.callback, "routes", ("", ()))] for verb in verbs}


def test_every_button_goes_through_the_router(every_handler):
    unrouted = [(h.callback.__module__, h.callback.__qualname__) for h in every_handler
                if isinstance(h, CallbackQueryHandler) and not hasattr(h.callback, "routes")
                and h.callback.__module__ not in UNROUTED_MODULES]
    assert unrouted == []


def test_every_routed_button_is_in_the_matrix_and_every_feature_routed(routed):
    registered = {(b.feature, b.verb) for b in buttons.registered()}
    assert routed <= registered
    assert {f for f, _ in routed} == FEATURES
    assert {"ros:newgroup", "ses:add", "res:edit", "imp:ok", "bc:send", "rep:submit",
            "rpt:trend", "rs:t", "inv:role"} <= {f"{f}:{v}" for f, v in routed}


def test_every_conversation_keeps_its_step_in_the_database(every_handler):
    conversations = [h for h in every_handler if isinstance(h, ConversationHandler)
                     and h.entry_points[0].callback.__module__ not in UNROUTED_MODULES]
    assert len(conversations) == 15
    for conversation in conversations:
        assert conversation.persistent and conversation.name, conversation.entry_points
        assert conversation.per_chat and conversation.per_user
        assert not conversation.per_message


def entries():
    """(kind, name, action) for every command and every registered button."""
    for command in COMMANDS:
        yield "command", command.name, command.action
    for button in buttons.registered():
        yield "button", f"{button.feature}:{button.verb}", button.action


@pytest.mark.parametrize("role", list(ACTORS))
def test_every_command_and_button_for_every_role(role, routed):
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
