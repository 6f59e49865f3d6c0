"""The sandbox's in-memory world: users, chats, messages, files, callbacks and pending updates."""

from __future__ import annotations

import hashlib
import itertools
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sandbox.errors import BLOCKED_BY_USER, CHAT_NOT_FOUND
from sandbox.limits import NEVER_STARTED
from sandbox.signals import Signal

DEFAULT_ALLOWED_UPDATES = frozenset(
    [
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "callback_query",
        "inline_query",
        "chosen_inline_result",
        "shipping_query",
        "pre_checkout_query",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
    ]
)


class SupportsNow(Protocol):
    """A clock like mina_bot.clock.Clock: now() gives an aware datetime."""

    def now(self) -> datetime:
        """The current moment."""
        ...


@dataclass
class User:
    """A human account the control side acts as."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    blocked_bot: bool = False

    def to_api(self) -> dict[str, Any]:
        """Telegram's User object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data


@dataclass
class Chat:
    """A private chat, group, supergroup or channel the bot is in."""

    id: int
    type: str
    title: str | None = None
    user: User | None = None
    last_message_id: int = 0

    def to_api(self) -> dict[str, Any]:
        """Telegram's Chat object as embedded in messages."""
        if self.user is not None:
            data = self.user.to_api()
            data.pop("is_bot")
            data.pop("language_code", None)
            return {**data, "type": "private"}
        return {"id": self.id, "type": self.type, "title": self.title or f"Chat {self.id}"}


@dataclass
class StoredFile:
    """Bytes uploaded by the bot or a user, addressable by file_id and file_path."""

    file_id: str
    file_unique_id: str
    content: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None

    def to_api(self) -> dict[str, Any]:
        """Telegram's File object (getFile)."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
            "file_path": self.file_path,
        }


@dataclass
class StoredMessage:
    """A message in a chat with the bookkeeping Telegram hides: source, history, deletion."""

    chat_id: int
    message_id: int
    from_bot: bool
    sender_id: int | None
    payload: dict[str, Any]
    source_text: str | None = None
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False


@dataclass
class CallbackQuery:
    """A button press and what the bot answered to it."""

    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    answer: dict[str, Any] | None = None


class World:
    """Everything the sandbox knows; all state lives here so reset() is one call."""

    def __init__(self, bot_user: dict[str, Any], clock: SupportsNow | None = None) -> None:
        self.bot_user = bot_user
        self.clock = clock
        self.changes = Signal()
        self.new_updates = Signal()
        self.reset()

    def reset(self) -> None:
        """Forget every user, chat, message, file, callback and update."""
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.messages: dict[int, list[StoredMessage]] = {}
        self.files: dict[str, StoredFile] = {}
        self.callbacks: dict[str, CallbackQuery] = {}
        self.updates: list[dict[str, Any]] = []
        self.allowed_updates: frozenset[str] = DEFAULT_ALLOWED_UPDATES
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self.chat_actions: dict[int, str] = {}
        self._update_ids = itertools.count(1)
        self._serial = itertools.count(1)
        self.changes.notify()

    def timestamp(self) -> int:
        """Unix time for message dates: the injected clock's, else the wall clock's."""
        return int(self.clock.now().timestamp()) if self.clock else int(time.time())

    def user(self, user_id: int, **profile: Any) -> User:
        """The user with this id, created on first use; non-None profile fields are updated."""
        user = self.users.get(user_id)
        if user is None:
            user = self.users[user_id] = User(user_id, first_name=f"User {user_id}")
        for key, value in profile.items():
            if value is not None:
                setattr(user, key, value)
        return user

    def private_chat(self, user: User) -> Chat:
        """The private chat between the bot and user (chat id == user id)."""
        chat = self.chats.get(user.id)
        if chat is None:
            chat = self.chats[user.id] = Chat(user.id, "private", user=user)
        return chat

    def group_chat(self, chat_id: int, chat_type: str, title: str | None = None) -> Chat:
        """A group, supergroup or channel, created on first use."""
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = Chat(chat_id, chat_type, title=title)
        elif title:
            chat.title = title
        return chat

    def chat_for_bot(self, chat_id: int | str) -> Chat:
        """The chat a bot call addresses; 400 when unknown, 403 when the user blocked the bot or
        never started it (a known user without a private chat)."""
        chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise NEVER_STARTED if chat_id in self.users else CHAT_NOT_FOUND
        if chat.user is not None and chat.user.blocked_bot:
            raise BLOCKED_BY_USER
        return chat

    def add_message(
        self, chat: Chat, sender: User | None, body: dict[str, Any], **meta: Any
    ) -> StoredMessage:
        """Append a message (sender None means the bot) and return it."""
        chat.last_message_id += 1
        payload: dict[str, Any] = {"message_id": chat.last_message_id}
        if chat.type == "channel":
            payload["sender_chat"] = chat.to_api()
        else:
            payload["from"] = sender.to_api() if sender is not None else dict(self.bot_user)
        payload["chat"] = chat.to_api()
        payload["date"] = self.timestamp()
        payload.update(body)
        message = StoredMessage(
            chat.id,
            chat.last_message_id,
            sender is None,
            sender.id if sender else None,
            payload,
            **meta,
        )
        self.messages.setdefault(chat.id, []).append(message)
        self.changes.notify()
        return message

    def find_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        """The live (not deleted) message with this id in the chat."""
        for message in self.messages.get(chat_id, ()):
            if message.message_id == message_id and not message.deleted:
                return message
        return None

    def chat_messages(self, chat_id: int) -> list[StoredMessage]:
        """All messages of a chat in order, deleted ones included."""
        return list(self.messages.get(chat_id, ()))

    def enqueue(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update for getUpdates or the webhook unless allowed_updates excludes it."""
        if kind not in self.allowed_updates:
            return None
        update = {"update_id": next(self._update_ids), kind: payload}
        self.updates.append(update)
        self.new_updates.notify()
        return update

    def confirm(self, offset: int) -> None:
        """Drop updates before offset; a negative offset keeps only the last -offset updates."""
        if offset < 0:
            del self.updates[: max(0, len(self.updates) + offset)]
        elif offset:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

    def pending(self, limit: int) -> list[dict[str, Any]]:
        """Up to limit queued updates of the currently allowed types."""
        self.updates = [u for u in self.updates if self._kind(u) in self.allowed_updates]
        return self.updates[:limit]

    def set_allowed_updates(self, kinds: list[str] | None) -> None:
        """Remember allowed_updates like Telegram does; an empty list restores the default."""
        if kinds is not None:
            self.allowed_updates = frozenset(kinds) or DEFAULT_ALLOWED_UPDATES

    @staticmethod
    def _kind(update: dict[str, Any]) -> str:
        return next(key for key in update if key != "update_id")

    def store_file(
        self, content: bytes, folder: str, extension: str, file_name: str | None, mime: str | None
    ) -> StoredFile:
        """Keep uploaded bytes and give them Telegram-like identifiers."""
        serial = next(self._serial)
        digest = hashlib.sha1(content + str(serial).encode()).hexdigest()
        stored = StoredFile(
            file_id=f"SBX{folder[:3].upper()}{serial:06d}{digest[:20]}",
            file_unique_id=f"U{digest[:14]}",
            content=content,
            file_path=f"{folder}/file_{serial}{extension}",
            file_name=file_name,
            mime_type=mime,
        )
        self.files[stored.file_id] = stored
        return stored

    def file_by_path(self, file_path: str) -> StoredFile | None:
        """The stored file served at /file/bot<token>/<file_path>."""
        return next((f for f in self.files.values() if f.file_path == file_path), None)

    def new_callback(self, user: User, message: StoredMessage, data: str) -> CallbackQuery:
        """Record a button press and return it."""
        query_id = str(4_000_000_000_000_000 + next(self._serial))
        query = CallbackQuery(query_id, user.id, message.chat_id, message.message_id, data)
        self.callbacks[query_id] = query
        return query

    def chat_instance(self, chat_id: int) -> str:
        """Telegram's opaque, stable per-chat identifier for callback queries."""
        return str(int(hashlib.sha1(str(chat_id).encode()).hexdigest()[:15], 16))
