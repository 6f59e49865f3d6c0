"""What a human does in the sandbox: write, upload, press buttons, edit; each produces an update."""

from __future__ import annotations

from typing import Any

from sandbox.formatting import auto_entities
from sandbox.media import image_size
from sandbox.methods_files import document_object, photo_sizes, store_document
from sandbox.state import Chat, StoredMessage, User, World
from sandbox.views import has_button

PROFILE_FIELDS = ("first_name", "last_name", "username", "language_code")
CHAT_TYPES = ("private", "group", "supergroup", "channel")
DEFAULT_PHOTO_SIZE = (320, 320)


class UserActionError(ValueError):
    """A user action that a real client could not perform (unknown message, missing button...)."""


def profile_of(data: dict[str, Any]) -> dict[str, Any]:
    """The user-profile fields present in a request body."""
    return {key: data.get(key) for key in PROFILE_FIELDS if data.get(key) is not None}


def _chat_for(world: World, user: User, chat_id: int | None, chat_type: str) -> Chat:
    if chat_id is not None and chat_id in world.chats and chat_id != user.id:
        return world.chats[chat_id]
    if chat_type == "private" or chat_id is None or chat_id == user.id:
        if chat_type != "private":
            raise UserActionError(f"a {chat_type} chat needs a chat_id other than the user id")
        user.blocked_bot = False
        return world.private_chat(user)
    if chat_type not in CHAT_TYPES:
        raise UserActionError(f"unknown chat_type {chat_type!r}; use one of {CHAT_TYPES}")
    return world.group_chat(chat_id, chat_type)


def post(
    world: World,
    user_id: int,
    body: dict[str, Any],
    *,
    chat_id: int | None = None,
    chat_type: str = "private",
    chat_title: str | None = None,
    **profile: Any,
) -> StoredMessage:
    """The user sends a message with this body; queue message/channel_post and return it."""
    user = world.user(user_id, **profile)
    chat = _chat_for(world, user, chat_id, chat_type)
    if chat_title and chat.user is None:
        chat.title = chat_title
    message = world.add_message(chat, user, body)
    world.enqueue("channel_post" if chat.type == "channel" else "message", message.payload)
    return message


def text_body(text: str) -> dict[str, Any]:
    """A text message body with the entities Telegram detects (bot_command, url, ...)."""
    if not text:
        raise UserActionError("a message needs text")
    body: dict[str, Any] = {"text": text}
    entities = auto_entities(text)
    if entities:
        body["entities"] = entities
    return body


def _with_caption(body: dict[str, Any], caption: str | None) -> dict[str, Any]:
    if caption:
        body["caption"] = caption
        entities = auto_entities(caption)
        if entities:
            body["caption_entities"] = entities
    return body


def document_body(
    world: World, file_name: str, content: bytes, mime_type: str | None, caption: str | None
) -> dict[str, Any]:
    """A document message body; the bytes become a downloadable file."""
    stored = store_document(world, content, file_name, mime_type)
    if mime_type:
        stored.mime_type = mime_type
    return _with_caption({"document": document_object(stored)}, caption)


def photo_body(world: World, content: bytes, caption: str | None) -> dict[str, Any]:
    """A photo message body; non-image bytes get a nominal size so tests stay simple."""
    stored = world.store_file(content, "photos", ".jpg", None, "image/jpeg")
    size = image_size(content) or DEFAULT_PHOTO_SIZE
    return _with_caption({"photo": photo_sizes(stored, *size)}, caption)


def press(
    world: World,
    user_id: int,
    message_id: int,
    data: str,
    chat_id: int | None = None,
    *,
    require_button: bool = False,
) -> str:
    """The user presses a button (forged data too, unless require_button); queue the query."""
    user = world.user(user_id)
    chat_id = user_id if chat_id is None else chat_id
    message = world.find_message(chat_id, message_id)
    if message is None or not message.from_bot:
        raise UserActionError(f"no bot message {message_id} in chat {chat_id}")
    if require_button and not has_button(message, data):
        raise UserActionError(f"message {message_id} has no button with callback_data {data!r}")
    query = world.new_callback(user, message, data)
    world.enqueue(
        "callback_query",
        {
            "id": query.id,
            "from": user.to_api(),
            "message": message.payload,
            "chat_instance": world.chat_instance(chat_id),
            "data": data,
        },
    )
    return query.id


def edit(
    world: World, user_id: int, message_id: int, text: str, chat_id: int | None = None
) -> StoredMessage:
    """The user edits their own text message; queue edited_message and return it."""
    chat_id = user_id if chat_id is None else chat_id
    message = world.find_message(chat_id, message_id)
    if message is None or message.sender_id != user_id or "text" not in message.payload:
        raise UserActionError(f"user {user_id} has no text message {message_id} in chat {chat_id}")
    payload = message.payload
    message.history.append(
        {
            "text": payload["text"],
            "caption": None,
            "source_text": None,
            "reply_markup": None,
            "date": payload.get("edit_date", payload["date"]),
        }
    )
    new_payload = {k: v for k, v in payload.items() if k != "entities"}
    new_payload.update(text_body(text))
    new_payload["edit_date"] = max(world.timestamp(), payload["date"])
    message.payload = new_payload
    world.changes.notify()
    chat = world.chats[chat_id]
    world.enqueue(
        "edited_channel_post" if chat.type == "channel" else "edited_message", new_payload
    )
    return message
