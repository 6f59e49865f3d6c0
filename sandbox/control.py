"""HTTP control routes under /control: act as users, inspect chats, wait, inject faults."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from aiohttp import web
from aiohttp.web_request import FileField

from sandbox import users
from sandbox.control_http import Handler, body_of, fail, ok, path_int
from sandbox.control_http import float_field as _float
from sandbox.control_http import int_field as _int
from sandbox.errors import ApiError
from sandbox.methods_bot import scope_key, visible_commands
from sandbox.views import transcript_entry

if TYPE_CHECKING:
    from sandbox.server import BotApiSandbox

T = TypeVar("T")
MAX_WAIT = 120.0


class ControlRoutes:
    """The control side of one sandbox."""

    def __init__(self, sb: BotApiSandbox) -> None:
        self.sb = sb
        self.world = sb.world

    def register(self, app: web.Application) -> None:
        """Add every /control route to the app."""
        routes = [
            ("POST", "/control/users/{user_id}", self.upsert_user),
            ("POST", "/control/users/{user_id}/block", self.block_user),
            ("POST", "/control/users/{user_id}/messages", self.send_text),
            ("POST", "/control/users/{user_id}/documents", self.send_document),
            ("POST", "/control/users/{user_id}/photos", self.send_photo),
            ("POST", "/control/users/{user_id}/callbacks", self.press_button),
            ("POST", "/control/users/{user_id}/edits", self.edit_text),
            ("GET", "/control/callbacks/{query_id}", self.callback_answer),
            ("GET", "/control/chats", self.chats),
            ("GET", "/control/chats/{chat_id}/messages", self.transcript),
            ("GET", "/control/chats/{chat_id}/wait", self.wait_for_bot_messages),
            ("GET", "/control/chats/{chat_id}/messages/{message_id}/wait", self.wait_for_edit),
            ("GET", "/control/files/{file_id}", self.download),
            ("GET", "/control/commands", self.commands),
            ("GET", "/control/commands/visible", self.visible_commands),
            ("GET", "/control/updates", self.updates),
            ("GET", "/control/faults", self.faults),
            ("POST", "/control/faults", self.inject_fault),
            ("DELETE", "/control/faults", self.clear_faults),
            ("POST", "/control/rate-limit", self.set_rate_limit),
            ("GET", "/control/stats", self.stats),
            ("POST", "/control/reset", self.reset),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, path, self._guarded(handler))

    @staticmethod
    def _guarded(handler: Handler) -> Handler:
        async def guarded(request: web.Request) -> web.StreamResponse:
            try:
                return await handler(request)
            except users.UserActionError as exc:
                return fail(409, str(exc))
            except ApiError as exc:
                return fail(exc.code, exc.description)
            except (ValueError, TypeError, KeyError) as exc:
                return fail(400, f"bad control request: {exc}")

        return guarded

    async def _wait(self, check: Callable[[], T | None], timeout: float) -> T | None:
        """Re-run check on every world change until it gives a result or timeout passes."""
        deadline = self.sb.loop_time() + min(timeout, MAX_WAIT)
        while True:
            result = check()
            remaining = deadline - self.sb.loop_time()
            if result is not None or remaining <= 0 or self.sb.closing:
                return result
            await self.world.changes.wait(remaining)

    def _edits(self, chat_id: int) -> int:
        return sum(len(m.history) for m in self.world.chat_messages(chat_id))

    def _entries(self, chat_id: int, since: int = 0, from_bot: bool | None = None) -> list[dict]:
        return [
            transcript_entry(m)
            for m in self.world.chat_messages(chat_id)
            if m.message_id > since and (from_bot is None or m.from_bot == from_bot)
        ]

    async def upsert_user(self, request: web.Request) -> web.Response:
        """Create or update a user without sending anything (e.g. broadcast recipients); with
        "started": false the user never started the bot, so sends to them answer 403."""
        data = await body_of(request)
        user = self.world.user(path_int(request, "user_id"), **users.profile_of(data))
        if str(data.get("started", True)).lower() not in ("false", "0"):
            self.world.private_chat(user)
        return ok(user.to_api())

    async def block_user(self, request: web.Request) -> web.Response:
        """Mark whether the user blocked the bot (sends to them then answer 403)."""
        data = await body_of(request)
        user = self.world.user(path_int(request, "user_id"))
        self.world.private_chat(user)
        user.blocked_bot = str(data.get("blocked", True)).lower() not in ("false", "0")
        return ok({"user_id": user.id, "blocked": user.blocked_bot})

    def _post(self, request: web.Request, data: dict[str, Any], body: dict) -> web.Response:
        message = users.post(
            self.world,
            path_int(request, "user_id"),
            body,
            chat_id=_int(data, "chat_id"),
            chat_type=data.get("chat_type") or "private",
            chat_title=data.get("chat_title"),
            **users.profile_of(data),
        )
        return ok(message.payload)

    async def send_text(self, request: web.Request) -> web.Response:
        """The user sends a text message."""
        data = await body_of(request)
        return self._post(request, data, users.text_body(str(data.get("text") or "")))

    async def send_document(self, request: web.Request) -> web.Response:
        """The user uploads a document (multipart field "file")."""
        data = await body_of(request)
        upload = data.get("file")
        if not isinstance(upload, FileField):
            return fail(400, 'a document needs a multipart "file" part')
        name = data.get("filename") or upload.filename or "document"
        mime = data.get("mime_type") or upload.content_type
        body = users.document_body(self.world, name, upload.file.read(), mime, data.get("caption"))
        return self._post(request, data, body)

    async def send_photo(self, request: web.Request) -> web.Response:
        """The user sends a photo (multipart field "file")."""
        data = await body_of(request)
        upload = data.get("file")
        if not isinstance(upload, FileField):
            return fail(400, 'a photo needs a multipart "file" part')
        body = users.photo_body(self.world, upload.file.read(), data.get("caption"))
        return self._post(request, data, body)

    async def press_button(self, request: web.Request) -> web.Response:
        """The user presses an inline button; answers the callback query id."""
        data = await body_of(request)
        query_id = users.press(
            self.world,
            path_int(request, "user_id"),
            int(data["message_id"]),
            str(data["data"]),
            _int(data, "chat_id"),
            require_button=str(data.get("require_button", False)).lower() in ("true", "1"),
        )
        return ok({"callback_query_id": query_id})

    async def edit_text(self, request: web.Request) -> web.Response:
        """The user edits a text message they sent."""
        data = await body_of(request)
        message = users.edit(
            self.world,
            path_int(request, "user_id"),
            int(data["message_id"]),
            str(data["text"]),
            _int(data, "chat_id"),
        )
        return ok(message.payload)

    async def callback_answer(self, request: web.Request) -> web.Response:
        """What answerCallbackQuery said; with ?timeout= waits for the answer."""
        query = self.world.callbacks.get(request.match_info["query_id"])
        if query is None:
            return fail(404, "unknown callback query")
        timeout = _float(dict(request.query), "timeout", 0.0) or 0.0
        answer = await self._wait(lambda: query.answer, timeout)
        if answer is None and timeout:
            return fail(408, "the bot did not answer the callback query in time")
        return ok(answer)

    async def chats(self, request: web.Request) -> web.Response:
        """Every chat with its type, title/user and message count."""
        result = [
            {**chat.to_api(), "message_count": len(self.world.messages.get(chat.id, []))}
            for chat in self.world.chats.values()
        ]
        return ok(result)

    async def transcript(self, request: web.Request) -> web.Response:
        """All messages of a chat in order (?since=<message_id>, ?from_bot=true|false)."""
        data = dict(request.query)
        from_bot = data.get("from_bot")
        flag = None if from_bot is None else from_bot.lower() in ("true", "1")
        entries = self._entries(path_int(request, "chat_id"), _int(data, "since", 0), flag)
        return ok(entries)

    async def wait_for_bot_messages(self, request: web.Request) -> web.Response:
        """Long-poll until ?count= bot messages exist after ?since= (or, with ?edits=, until the
        chat's messages carry more edits than that in all); 408 with what exists."""
        data = dict(request.query)
        chat_id, since = path_int(request, "chat_id"), _int(data, "since", 0) or 0
        count, edits = _int(data, "count", 1) or 1, _int(data, "edits")

        def enough() -> list[dict] | None:
            entries = self._entries(chat_id, since, from_bot=True)
            if len(entries) >= count or (edits is not None and self._edits(chat_id) > edits):
                return entries
            return None

        result = await self._wait(enough, _float(data, "timeout", 10.0) or 0.0)
        if result is None:
            return fail(408, "timed out", transcript=self._entries(chat_id))
        return ok(result)

    async def wait_for_edit(self, request: web.Request) -> web.Response:
        """Long-poll until a message has ?edits= edits and (optionally) text ?contains= a string."""
        data = dict(request.query)
        chat_id, message_id = (
            path_int(request, "chat_id"),
            path_int(request, "message_id"),
        )
        edits, contains = _int(data, "edits", 1) or 0, data.get("contains")

        def edited() -> dict | None:
            found = [m for m in self.world.chat_messages(chat_id) if m.message_id == message_id]
            if not found or len(found[0].history) < edits:
                return None
            entry = transcript_entry(found[0])
            body = entry["text"] if entry["text"] is not None else entry["caption"] or ""
            return entry if contains is None or contains in body else None

        result = await self._wait(edited, _float(data, "timeout", 10.0) or 0.0)
        if result is None:
            return fail(408, "timed out", transcript=self._entries(chat_id))
        return ok(result)

    async def download(self, request: web.Request) -> web.StreamResponse:
        """The bytes of any stored file by file_id."""
        stored = self.world.files.get(request.match_info["file_id"])
        if stored is None:
            return fail(404, "unknown file_id")
        return web.Response(body=stored.content, content_type="application/octet-stream")

    async def commands(self, request: web.Request) -> web.Response:
        """The commands stored for exactly ?scope=<json>&language_code=."""
        raw = request.query.get("scope")
        key = scope_key(json.loads(raw) if raw else None)
        language = request.query.get("language_code", "")
        return ok(self.world.commands.get((key, language), []))

    async def visible_commands(self, request: web.Request) -> web.Response:
        """The commands a chat sees (?chat_id=&language_code=), resolved through scopes."""
        chat_id = int(request.query["chat_id"])
        return ok(visible_commands(self.world, chat_id, request.query.get("language_code", "")))

    async def updates(self, request: web.Request) -> web.Response:
        """Updates not yet confirmed by the bot."""
        return ok(list(self.world.updates))

    async def faults(self, request: web.Request) -> web.Response:
        """The injected fault rules."""
        return ok([rule.to_dict() for rule in self.sb.faults.rules])

    async def inject_fault(self, request: web.Request) -> web.Response:
        """Add a fault rule (method, kind, count|rate, seed, retry_after, delay)."""
        data = await body_of(request)
        rule = self.sb.faults.add(
            str(data.get("method") or "*"),
            str(data.get("kind") or "429"),
            count=_int(data, "count"),
            rate=_float(data, "rate"),
            seed=_int(data, "seed"),
            retry_after=_float(data, "retry_after", 1.0) or 1.0,
            delay=_float(data, "delay"),
        )
        return ok(rule.to_dict())

    async def clear_faults(self, request: web.Request) -> web.Response:
        """Remove every fault rule."""
        self.sb.faults.clear()
        return ok(True)

    async def set_rate_limit(self, request: web.Request) -> web.Response:
        """Set flood limits (per_second, per_chat_per_second, optional fixed retry_after)."""
        data = await body_of(request)
        self.sb.limiter.configure(
            _float(data, "per_second"),
            _float(data, "per_chat_per_second"),
            _float(data, "retry_after"),
        )
        return ok(self.sb.limiter.to_dict())

    async def stats(self, request: web.Request) -> web.Response:
        """API call counters per method, per error and per chat."""
        return ok(self.sb.stats.to_dict())

    async def reset(self, request: web.Request) -> web.Response:
        """Forget everything: world, faults, limits, counters and webhook."""
        self.sb.reset()
        return ok(True)
