"""Bot API methods that send, edit and delete text messages and answer button presses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sandbox.errors import bad_request
from sandbox.formatting import format_text
from sandbox.limits import MAX_ANSWER_LENGTH, check_callback_data, check_inline_rows
from sandbox.params import Params
from sandbox.state import Chat, StoredMessage

if TYPE_CHECKING:
    from sandbox.server import BotApiSandbox

NOT_MODIFIED = bad_request(
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def parse_reply_markup(p: Params) -> dict[str, Any] | None:
    """reply_markup as a dict (JSON string or object), with inline buttons validated."""
    markup = p.json("reply_markup", "can't parse reply keyboard markup JSON object")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'can\'t parse inline keyboard button: field "inline_keyboard" must be an Array of Array'
        )
    for button in (button for row in rows for button in row):
        if not isinstance(button, dict) or not isinstance(button.get("text"), str):
            raise bad_request(
                'can\'t parse inline keyboard button: Field "text" must be of type String'
            )
        actions = [key for key in BUTTON_ACTIONS if key in button]
        if len(actions) != 1:
            raise bad_request(
                "can't parse inline keyboard button: "
                "Text buttons are unallowed in the inline keyboard"
            )
        check_callback_data(button.get("callback_data"))
    check_inline_rows(rows)
    return markup


def inline_markup(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    """The part of reply_markup Telegram echoes back in Message objects (inline keyboards only)."""
    return markup if markup and "inline_keyboard" in markup else None


def reply_context(sb: BotApiSandbox, chat: Chat, p: Params) -> dict[str, Any]:
    """reply_to_message for reply_parameters / reply_to_message_id, or {}."""
    reply = p.json("reply_parameters")
    reply = reply if isinstance(reply, dict) else {}
    target_id = reply.get("message_id") or p.integer("reply_to_message_id")
    if not target_id:
        return {}
    target = sb.world.find_message(chat.id, int(target_id))
    if target is None:
        if reply.get("allow_sending_without_reply") or p.flag("allow_sending_without_reply"):
            return {}
        raise bad_request("message to be replied not found")
    quoted = {k: v for k, v in target.payload.items() if k != "reply_to_message"}
    return {"reply_to_message": quoted}


def deliver(
    sb: BotApiSandbox,
    chat: Chat,
    p: Params,
    body: dict[str, Any],
    markup: dict[str, Any] | None,
    **meta: Any,
) -> dict[str, Any]:
    """Store a bot message with its keyboard and reply context, returning the Message object."""
    body.update(reply_context(sb, chat, p))
    if inline_markup(markup):
        body["reply_markup"] = markup
    message = sb.world.add_message(chat, None, body, reply_markup=markup, **meta)
    return message.payload


async def send_message(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """sendMessage."""
    chat = sb.world.chat_for_bot(p.chat_id())
    source, parse_mode = p.text("text"), p.text("parse_mode")
    text, entities = format_text(source, parse_mode, p.json("entities"))
    markup = parse_reply_markup(p)
    body: dict[str, Any] = {"text": text}
    if entities:
        body["entities"] = entities
    return deliver(sb, chat, p, body, markup, source_text=source, parse_mode=parse_mode)


def editable_message(sb: BotApiSandbox, p: Params) -> StoredMessage:
    """The bot message an edit call addresses, or Telegram's error."""
    if p.has("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    chat = sb.world.chat_for_bot(p.chat_id())
    message = sb.world.find_message(chat.id, p.required_int("message_id"))
    if message is None:
        raise bad_request("message to edit not found")
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return message


def apply_edit(
    sb: BotApiSandbox,
    message: StoredMessage,
    changes: dict[str, Any],
    markup: dict | None,
    **meta: Any,
) -> dict[str, Any]:
    """Replace content and keyboard (an omitted keyboard is removed, as on Telegram)."""
    payload = message.payload
    new_payload = {**payload, **changes}
    new_payload.pop("reply_markup", None)
    if inline_markup(markup):
        new_payload["reply_markup"] = markup
    for key in ("entities", "caption_entities"):
        if key in new_payload and not new_payload[key]:
            del new_payload[key]
    old_view = {k: v for k, v in payload.items() if k != "edit_date"}
    if old_view == {k: v for k, v in new_payload.items() if k != "edit_date"}:
        raise NOT_MODIFIED
    message.history.append(
        {
            "text": payload.get("text"),
            "caption": payload.get("caption"),
            "source_text": message.source_text,
            "reply_markup": message.reply_markup,
            "date": payload.get("edit_date", payload["date"]),
        }
    )
    new_payload["edit_date"] = max(sb.world.timestamp(), payload["date"])
    message.payload = new_payload
    message.reply_markup = inline_markup(markup)
    for key, value in meta.items():
        setattr(message, key, value)
    sb.world.changes.notify()
    return new_payload


async def edit_message_text(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """editMessageText."""
    message = editable_message(sb, p)
    if "text" not in message.payload:
        raise bad_request("there is no text in the message to edit")
    source, parse_mode = p.text("text"), p.text("parse_mode")
    text, entities = format_text(source, parse_mode, p.json("entities"))
    changes = {"text": text, "entities": entities}
    return apply_edit(
        sb, message, changes, parse_reply_markup(p), source_text=source, parse_mode=parse_mode
    )


async def edit_message_caption(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """editMessageCaption."""
    message = editable_message(sb, p)
    if "text" in message.payload:
        raise bad_request("there is no caption in the message to edit")
    source, parse_mode = p.text("caption"), p.text("parse_mode")
    caption, entities = format_text(source, parse_mode, p.json("caption_entities"), caption=True)
    changes = {"caption": caption, "caption_entities": entities}
    return apply_edit(
        sb, message, changes, parse_reply_markup(p), source_text=source, parse_mode=parse_mode
    )


async def edit_message_reply_markup(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """editMessageReplyMarkup."""
    message = editable_message(sb, p)
    return apply_edit(sb, message, {}, parse_reply_markup(p))


async def delete_message(sb: BotApiSandbox, p: Params) -> bool:
    """deleteMessage."""
    chat = sb.world.chat_for_bot(p.chat_id())
    message = sb.world.find_message(chat.id, p.required_int("message_id"))
    if message is None:
        raise bad_request("message to delete not found")
    message.deleted = True
    sb.world.changes.notify()
    return True


async def answer_callback_query(sb: BotApiSandbox, p: Params) -> bool:
    """answerCallbackQuery; a second answer or an unknown id is Telegram's "query is too old"."""
    query = sb.world.callbacks.get(p.text("callback_query_id") or "")
    if query is None or query.answer is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = p.text("text")
    if text is not None and len(text) > MAX_ANSWER_LENGTH:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answer = {
        "text": text,
        "show_alert": p.flag("show_alert"),
        "url": p.text("url"),
        "cache_time": p.integer("cache_time", 0),
    }
    sb.world.changes.notify()
    return True


async def send_chat_action(sb: BotApiSandbox, p: Params) -> bool:
    """sendChatAction (recorded, otherwise a no-op)."""
    chat = sb.world.chat_for_bot(p.chat_id())
    sb.world.chat_actions[chat.id] = p.text("action") or ""
    return True


METHODS = {
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageCaption": edit_message_caption,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": answer_callback_query,
    "sendChatAction": send_chat_action,
}
