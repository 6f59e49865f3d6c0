"""The command list: names, the action each needs, and their menu descriptions."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mina_bot.actors import Actor, UnitRole
from mina_bot.catalog import text
from mina_bot.errors import ArgumentTooLong
from mina_bot.permissions import Action, allowed
from storage.models import Role


@dataclass(frozen=True)
class Command:
    """One slash command as people see it in the menu and in /help."""

    name: str
    action: Action
    description_key: str


# The order here is the order of the menu and of /help; features append theirs.
COMMANDS: tuple[Command, ...] = (
    Command("start", Action.START, "command.start"),
    Command("help", Action.HELP, "command.help"),
    Command("cancel", Action.CANCEL, "command.cancel"),
    Command("whoami", Action.WHOAMI, "command.whoami"),
    Command("units", Action.VIEW_ORGANISATION, "command.units"),
    Command("members", Action.VIEW_ORGANISATION, "command.members"),
    Command("invite", Action.INVITE, "command.invite"),
    Command("invites", Action.INVITE, "command.invites"),
    Command("owe", Action.VIEW_OWN_DUTIES, "command.owe"),
    Command("session", Action.VIEW_SESSION, "command.session"),
    Command("import", Action.IMPORT_MINUTES, "command.import"),
    Command("attendance", Action.MANAGE_AGENDA, "command.attendance"),
    Command("minutes", Action.MANAGE_AGENDA, "command.minutes"),
    Command("resolutions", Action.MANAGE_RESOLUTIONS, "command.resolutions"),
    Command("newresolution", Action.MANAGE_RESOLUTIONS, "command.newresolution"),
    Command("pending", Action.CONFIRM_RESOLUTION, "command.pending"),
    Command("report", Action.SUBMIT_REPORT, "command.report"),
    Command("reports", Action.VIEW_UNIT_REPORTS, "command.reports"),
    Command("questions", Action.MANAGE_REPORTS, "command.questions"),
    Command("export", Action.EXPORT, "command.export"),
    Command("holidays", Action.MANAGE_HOLIDAYS, "command.holidays"),
    Command("settings", Action.SETTINGS, "command.settings"),
    Command("language", Action.SETTINGS, "command.language"),
    Command("broadcast", Action.BROADCAST, "command.broadcast"),
    Command("links", Action.BROADCAST, "command.links"),
)


def commands_for(actor: Actor) -> tuple[Command, ...]:
    """The commands this actor may use (strangers get start and help only)."""
    if actor.is_stranger:
        return tuple(c for c in COMMANDS if c.action in {Action.START, Action.HELP})
    return tuple(c for c in COMMANDS if allowed(actor, c.action))


# The menu every private chat shows unless its person's own differs: an ordinary member's, in
# Persian (English for English clients). Most people then need no menu of their own.
ORDINARY_MEMBER = Actor(telegram_id=0, member_id=0, memberships=(
    UnitRole(unit_id=0, unit_key="", unit_name="", role=Role.MEMBER),))
MENU_LANGUAGES = (("fa", None), ("en", "en"))  # (our language, the clients' language_code)
_ORDINARY_COMMANDS = commands_for(ORDINARY_MEMBER)


def default_language(client_language: str | None) -> str:
    """The language of the default menu a client with this language_code is shown."""
    code = (client_language or "").split("-")[0].lower()
    return next((lang for lang, client in MENU_LANGUAGES if client == code), "fa")


def needs_own_menu(actor: Actor, client_language: str | None) -> bool:
    """Whether the actor's menu differs from the default one their client shows."""
    default = menu(_ORDINARY_COMMANDS, default_language(client_language))
    return menu(commands_for(actor), actor.language) != default


# Asked at every person's first update: the same few menus, built once each.
@functools.lru_cache(maxsize=256)
def menu(commands: tuple[Command, ...], lang: str) -> tuple[tuple[str, str], ...]:
    """(command, description) pairs for the messenger's command menu."""
    return tuple((c.name, text(c.description_key, lang)) for c in commands)


def help_text(actor: Actor, lang: str) -> str:
    """The /help message: what this actor may do, one line per command."""
    lines = [text("help.header", lang)]
    for command in commands_for(actor):
        description = text(command.description_key, lang)
        lines.append(text("help.line", lang, command=command.name, description=description))
    lines.append("")
    if actor.is_stranger:
        lines.append(text("help.stranger_footer", lang))
    else:
        lines.append(text("help.free_text", lang))
    return "\n".join(lines)


# A session number, a date or a time is at most this long; a 5,000-digit «number» is refused
# before anything parses it (int() of one costs time, and echoing it overflows a message).
MAX_NUMBER_LENGTH = 20
_NUMERIC = re.compile(r"[\d/\-.:٫]+")


def check_arguments(args: Sequence[str] | None) -> None:
    """Raise ArgumentTooLong for a numeric argument (digits, date and time separators) that is
    longer than any number or date the commands take."""
    for word in args or ():
        if len(word) > MAX_NUMBER_LENGTH and _NUMERIC.fullmatch(word):
            raise ArgumentTooLong(length=len(word), limit=MAX_NUMBER_LENGTH)
