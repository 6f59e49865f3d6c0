"""Who may do what: the one permission table, checked for every command and button."""

from __future__ import annotations

from enum import StrEnum

from mina_bot.actors import Actor
from mina_bot.errors import PermissionDenied
from storage.models import Role


class Action(StrEnum):
    """Everything a person can ask the bot to do."""

    START = "start"
    HELP = "help"
    CANCEL = "cancel"
    WHOAMI = "whoami"
    VIEW_SESSION = "view_session"
    VIEW_OWN_DUTIES = "view_own_duties"
    VIEW_UNIT_REPORTS = "view_unit_reports"
    SUBMIT_REPORT = "submit_report"
    APPROVE_REPORT = "approve_report"
    MANAGE_REPORTS = "manage_reports"
    REPORT_RESOLUTION_DONE = "report_resolution_done"
    CONFIRM_RESOLUTION = "confirm_resolution"
    MANAGE_RESOLUTIONS = "manage_resolutions"
    VIEW_ALL_REPORTS = "view_all_reports"
    VIEW_ORGANISATION = "view_organisation"
    MANAGE_MEMBERS = "manage_members"
    GRANT_ADMIN = "grant_admin"
    INVITE = "invite"
    IMPORT_MINUTES = "import_minutes"
    MANAGE_AGENDA = "manage_agenda"
    BROADCAST = "broadcast"
    EXPORT = "export"
    APPROVE_QUARTERLY = "approve_quarterly"  # narrowed to the secretariat's head by the core
    SETTINGS = "settings"
    MANAGE_HOLIDAYS = "manage_holidays"


_EVERYONE = frozenset(Role)
_MEMBERS = frozenset(Role) - {Role.STRANGER}
_OFFICERS = frozenset({Role.HEAD, Role.SECRETARY, Role.SECRETARIAT, Role.ADMIN})
_STAFF = frozenset({Role.SECRETARIAT, Role.ADMIN})
_ADMINS = frozenset({Role.ADMIN})

# Unit-scoped actions are checked against the roles held in that unit (plus staff roles).
UNIT_SCOPED = frozenset(
    {Action.VIEW_UNIT_REPORTS, Action.SUBMIT_REPORT, Action.APPROVE_REPORT,
     Action.REPORT_RESOLUTION_DONE}
)

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.START: _EVERYONE,
    Action.HELP: _EVERYONE,
    Action.CANCEL: _EVERYONE,
    Action.WHOAMI: _MEMBERS,
    Action.VIEW_SESSION: _MEMBERS,
    Action.VIEW_OWN_DUTIES: _MEMBERS,
    Action.VIEW_UNIT_REPORTS: _MEMBERS,
    Action.SUBMIT_REPORT: _OFFICERS,
    Action.APPROVE_REPORT: frozenset({Role.HEAD}),  # the unit's own head, no one else
    Action.MANAGE_REPORTS: _STAFF,
    Action.REPORT_RESOLUTION_DONE: _OFFICERS,
    Action.CONFIRM_RESOLUTION: _STAFF,
    Action.MANAGE_RESOLUTIONS: _STAFF,
    Action.VIEW_ALL_REPORTS: _STAFF,
    Action.VIEW_ORGANISATION: _STAFF,
    Action.MANAGE_MEMBERS: _STAFF,
    Action.GRANT_ADMIN: _ADMINS,
    Action.INVITE: _STAFF,
    Action.IMPORT_MINUTES: _STAFF,
    Action.MANAGE_AGENDA: _STAFF,
    Action.BROADCAST: _STAFF,
    Action.EXPORT: _STAFF,
    Action.APPROVE_QUARTERLY: _STAFF,
    Action.SETTINGS: _MEMBERS,
    Action.MANAGE_HOLIDAYS: _STAFF,
}


def allowed(actor: Actor, action: Action, unit_id: int | None = None) -> bool:
    """Whether `actor` may do `action` (in `unit_id`, for unit-scoped actions)."""
    permitted = PERMISSIONS[action]
    if action in UNIT_SCOPED and unit_id is not None:
        roles = actor.roles_in(unit_id) | (actor.global_roles() & _STAFF)
    else:
        roles = actor.all_roles()
    return bool(roles & permitted)


def require(actor: Actor, action: Action, unit_id: int | None = None) -> None:
    """Raise PermissionDenied unless `actor` may do `action`."""
    if not allowed(actor, action, unit_id):
        raise PermissionDenied(action=action.value, unit_id=unit_id)
