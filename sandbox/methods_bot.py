"""Bot API methods about the bot itself: getMe, getUpdates, commands, menu button, webhook."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from sandbox.errors import POLL_TERMINATED, WEBHOOK_ACTIVE, bad_request
from sandbox.limits import check_webhook_url
from sandbox.params import Params
from sandbox.state import World

if TYPE_CHECKING:
    from sandbox.server import BotApiSandbox

COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
SCOPE_TYPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
MAX_POLL_TIMEOUT = 50.0


def scope_key(scope: dict[str, Any] | None) -> str:
    """Canonical text of a BotCommandScope (None means default)."""
    scope = dict(scope or {"type": "default"})
    if scope.get("type") not in SCOPE_TYPES:
        raise bad_request("can't parse BotCommandScope JSON object")
    for key in ("chat_id", "user_id"):
        if key in scope:
            try:
                scope[key] = int(scope[key])
            except (TypeError, ValueError):
                scope[key] = str(scope[key])
    return json.dumps(scope, sort_keys=True)


def visible_commands(world: World, chat_id: int, language_code: str = "") -> list[dict[str, str]]:
    """The command list a chat's users see, resolved through scopes as Telegram does."""
    chat = world.chats.get(chat_id)
    is_private = chat is None or chat.type == "private"
    scopes: list[dict[str, Any]] = [{"type": "chat", "chat_id": chat_id}]
    scopes.append({"type": "all_private_chats" if is_private else "all_group_chats"})
    scopes.append({"type": "default"})
    for scope in scopes:
        for language in dict.fromkeys((language_code, "")):
            commands = world.commands.get((scope_key(scope), language))
            if commands:
                return commands
    return []


def _command_target(p: Params) -> tuple[str, str]:
    return scope_key(p.json("scope", "can't parse BotCommandScope JSON object")), (
        p.text("language_code") or ""
    )


async def get_me(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """getMe."""
    return {
        **sb.world.bot_user,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def get_updates(sb: BotApiSandbox, p: Params) -> list[dict[str, Any]]:
    """getUpdates with real long polling; a newer call terminates an older waiting one (409)."""
    if sb.webhook.url:
        raise WEBHOOK_ACTIVE
    world = sb.world
    world.confirm(p.integer("offset", 0) or 0)
    world.set_allowed_updates(p.json("allowed_updates"))
    limit = min(max(p.integer("limit", 100) or 100, 1), 100)
    timeout = min(max(p.number("timeout", 0.0), 0.0), MAX_POLL_TIMEOUT)
    sb.poll_generation += 1
    generation = sb.poll_generation
    world.new_updates.notify()
    deadline = sb.loop_time() + timeout
    while True:
        if generation != sb.poll_generation:
            raise POLL_TERMINATED
        batch = world.pending(limit)
        remaining = deadline - sb.loop_time()
        if batch or sb.closing or remaining <= 0:
            return batch
        await world.new_updates.wait(remaining)


async def set_my_commands(sb: BotApiSandbox, p: Params) -> bool:
    """setMyCommands, stored per (scope, language_code)."""
    commands = p.json("commands", "can't parse commands JSON object")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    cleaned = []
    for command in commands:
        name = (
            str(command.get("command", "")).removeprefix("/") if isinstance(command, dict) else ""
        )
        description = str(command.get("description", "")) if isinstance(command, dict) else ""
        if not COMMAND_NAME.match(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": name, "description": description})
    sb.world.commands[_command_target(p)] = cleaned
    return True


async def get_my_commands(sb: BotApiSandbox, p: Params) -> list[dict[str, str]]:
    """getMyCommands for exactly the given scope and language (no fallback, like Telegram)."""
    return list(sb.world.commands.get(_command_target(p), []))


async def delete_my_commands(sb: BotApiSandbox, p: Params) -> bool:
    """deleteMyCommands."""
    sb.world.commands.pop(_command_target(p), None)
    return True


async def set_chat_menu_button(sb: BotApiSandbox, p: Params) -> bool:
    """setChatMenuButton (stored per chat, None for the default)."""
    button = p.json("menu_button") or {"type": "default"}
    sb.world.menu_buttons[p.integer("chat_id")] = button
    return True


async def get_chat_menu_button(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """getChatMenuButton."""
    buttons = sb.world.menu_buttons
    return buttons.get(p.integer("chat_id"), buttons.get(None, {"type": "commands"}))


async def set_webhook(sb: BotApiSandbox, p: Params) -> bool:
    """setWebhook, refusing what Telegram refuses (a lenient sandbox takes local http URLs)."""
    url = p.text("url") or ""
    if url:
        check_webhook_url(url, lenient=sb.lenient)
    secret = p.text("secret_token")
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise bad_request("secret token contains unallowed characters")
    if p.flag("drop_pending_updates"):
        sb.world.updates.clear()
    sb.world.set_allowed_updates(p.json("allowed_updates"))
    sb.webhook.configure(url, secret, p.integer("max_connections", 40) or 40)
    return True


async def delete_webhook(sb: BotApiSandbox, p: Params) -> bool:
    """deleteWebhook."""
    if p.flag("drop_pending_updates"):
        sb.world.updates.clear()
    sb.webhook.configure("", None, 40)
    return True


async def get_webhook_info(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """getWebhookInfo."""
    return sb.webhook.info()


METHODS = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setChatMenuButton": set_chat_menu_button,
    "getChatMenuButton": get_chat_menu_button,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
}
