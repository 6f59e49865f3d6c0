"""How the control side shows messages: flat transcript entries for tests and the demo page."""

from __future__ import annotations

from typing import Any

from sandbox.state import StoredMessage


def keyboard_rows(markup: dict[str, Any] | None) -> list[list[dict[str, Any]]] | None:
    """An inline keyboard as rows of {text, callback_data|url|...}, or None."""
    if not markup or "inline_keyboard" not in markup:
        return None
    return [[dict(button) for button in row] for row in markup["inline_keyboard"]]


def reply_keyboard_rows(markup: dict[str, Any] | None) -> list[list[str]] | None:
    """A reply keyboard as rows of button texts, or None."""
    if not markup or "keyboard" not in markup:
        return None
    return [
        [button if isinstance(button, str) else button.get("text", "") for button in row]
        for row in markup["keyboard"]
    ]


def transcript_entry(message: StoredMessage) -> dict[str, Any]:
    """One message as a flat dict: who sent it, what it says, its keyboard, files and history."""
    payload = message.payload
    photo = payload.get("photo")
    reply_to = payload.get("reply_to_message")
    return {
        "message_id": message.message_id,
        "chat_id": message.chat_id,
        "from_bot": message.from_bot,
        "sender_id": message.sender_id,
        "date": payload["date"],
        "text": payload.get("text"),
        "caption": payload.get("caption"),
        "source_text": message.source_text,
        "parse_mode": message.parse_mode,
        "entities": payload.get("entities") or payload.get("caption_entities") or [],
        "reply_markup": keyboard_rows(message.reply_markup),
        "reply_keyboard": reply_keyboard_rows(message.reply_markup),
        "document": payload.get("document"),
        "photo": photo[-1] if photo else None,
        "reply_to_message_id": reply_to["message_id"] if reply_to else None,
        "edited": bool(message.history),
        "edit_date": payload.get("edit_date"),
        "edit_history": list(message.history),
        "deleted": message.deleted,
    }


def button_data(entry: dict[str, Any]) -> list[str]:
    """Every callback_data on a transcript entry's inline keyboard, row by row."""
    rows = entry.get("reply_markup") or []
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


def has_button(message: StoredMessage, data: str) -> bool:
    """Whether the message currently shows an inline button carrying this callback_data."""
    markup = message.payload.get("reply_markup") or {}
    rows = markup.get("inline_keyboard") or []
    return any(button.get("callback_data") == data for row in rows for button in row)


def summary(entries: list[dict[str, Any]]) -> str:
    """A short human-readable transcript for assertion and timeout messages."""
    lines = []
    for entry in entries:
        who = "bot" if entry["from_bot"] else f"user {entry['sender_id']}"
        body = entry["text"] if entry["text"] is not None else entry["caption"]
        flags = "".join(f" [{flag}]" for flag in ("edited", "deleted") if entry.get(flag))
        lines.append(f"#{entry['message_id']} {who}: {body!r}{flags}")
    return "\n".join(lines) or "(no messages)"
