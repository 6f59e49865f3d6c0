"""SandboxClient: async httpx client for the sandbox's /control routes (tests, demo page)."""

from __future__ import annotations

import json
import ssl
from functools import cache
from types import TracebackType
from typing import Any

import httpx

from sandbox.views import summary

WAIT_MARGIN = 5.0
# How long a wait for the bot lasts before it fails: a wait that succeeds returns at once, and
# a loaded machine (CI runs four test workers' bots on two cores) answers slower than a quiet one.
WAIT_SECONDS = 30.0


class SandboxError(RuntimeError):
    """The control side refused a request (unknown message, missing button, bad argument)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"sandbox control error {status}: {message}")
        self.status = status


@cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every client: httpx builds one per client otherwise, reading the CA
    bundle each time (30 ms), though the sandbox speaks plain HTTP."""
    return ssl.create_default_context()


class SandboxClient:
    """Acts as users and inspects the world of a running BotApiSandbox."""

    def __init__(self, base_url: str, *, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=f"{self.base_url}/control", timeout=timeout,
                                       verify=_tls())

    async def __aenter__(self) -> SandboxClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._http.aclose()

    async def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self._http.request(method, path, **kwargs)
        body = response.json()
        if response.status_code == 408:
            transcript = summary(body.get("transcript") or [])
            raise TimeoutError(f"{body.get('error')} waiting on {path}; transcript:\n{transcript}")
        if not body.get("ok"):
            raise SandboxError(response.status_code, body.get("error", response.text))
        return body["result"]

    @staticmethod
    def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in data.items() if value is not None}

    async def ensure_user(self, user_id: int, **profile: Any) -> dict[str, Any]:
        """Create or update a user (first_name, last_name, username, language_code)."""
        return await self._call("POST", f"/users/{user_id}", json=self._drop_none(profile))

    async def send_text(
        self,
        user_id: int,
        text: str,
        *,
        first_name: str | None = None,
        chat_id: int | None = None,
        chat_type: str = "private",
        **profile: Any,
    ) -> dict[str, Any]:
        """The user sends text; returns the Message (a /command gets a bot_command entity)."""
        data = {"text": text, "first_name": first_name, "chat_id": chat_id, "chat_type": chat_type}
        return await self._call(
            "POST", f"/users/{user_id}/messages", json=self._drop_none({**data, **profile})
        )

    async def send_document(
        self,
        user_id: int,
        filename: str,
        content: bytes,
        mime_type: str | None = None,
        caption: str | None = None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> dict[str, Any]:
        """The user uploads a document (MIME type guessed from filename if None); returns it."""
        fields = {
            "caption": caption,
            "mime_type": mime_type,
            "chat_id": chat_id,
            "chat_type": chat_type,
            "filename": filename,
        }
        files = {"file": (filename, content, mime_type or "application/octet-stream")}
        return await self._call(
            "POST",
            f"/users/{user_id}/documents",
            data=self._stringify(fields),
            files=files,
        )

    async def send_photo(
        self,
        user_id: int,
        content: bytes,
        caption: str | None = None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> dict[str, Any]:
        """The user sends a photo; returns the Message with its PhotoSize list."""
        fields = {"caption": caption, "chat_id": chat_id, "chat_type": chat_type}
        files = {"file": ("photo.jpg", content, "image/jpeg")}
        return await self._call(
            "POST", f"/users/{user_id}/photos", data=self._stringify(fields), files=files
        )

    def _stringify(self, fields: dict[str, Any]) -> dict[str, str]:
        return {key: str(value) for key, value in self._drop_none(fields).items()}

    async def press_button(
        self,
        user_id: int,
        message_id: int,
        callback_data: str,
        chat_id: int | None = None,
        *,
        require_button: bool = False,
    ) -> str:
        """The user presses a button (forged data too, unless require_button); returns query id."""
        data = {
            "message_id": message_id,
            "data": callback_data,
            "chat_id": chat_id,
            "require_button": require_button,
        }
        result = await self._call("POST", f"/users/{user_id}/callbacks", json=self._drop_none(data))
        return result["callback_query_id"]

    async def answers(self, callback_query_id: str) -> dict[str, Any] | None:
        """What answerCallbackQuery said (text, show_alert, url, cache_time), None if unanswered."""
        return await self._call("GET", f"/callbacks/{callback_query_id}")

    async def wait_for_answer(self, callback_query_id: str, timeout: float = WAIT_SECONDS) -> dict:
        """Wait until the bot answers the callback query."""
        return await self._call(
            "GET",
            f"/callbacks/{callback_query_id}",
            params={"timeout": timeout},
            timeout=timeout + WAIT_MARGIN,
        )

    async def edit_text(
        self, user_id: int, message_id: int, new_text: str, chat_id: int | None = None
    ) -> dict[str, Any]:
        """The user edits their text message (the bot gets an edited_message update)."""
        data = {"message_id": message_id, "text": new_text, "chat_id": chat_id}
        return await self._call("POST", f"/users/{user_id}/edits", json=self._drop_none(data))

    async def chats(self) -> list[dict[str, Any]]:
        """Every chat the sandbox knows, with message counts."""
        return await self._call("GET", "/chats")

    async def transcript(self, chat_id: int, *, since: int = 0) -> list[dict[str, Any]]:
        """All messages of the chat in order, both directions, with edits and deletions."""
        return await self._call("GET", f"/chats/{chat_id}/messages", params={"since": since})

    async def bot_messages(self, chat_id: int, *, since: int = 0) -> list[dict[str, Any]]:
        """The bot's messages in the chat after message id since."""
        params = {"since": since, "from_bot": "true"}
        return await self._call("GET", f"/chats/{chat_id}/messages", params=params)

    async def wait_for_bot_messages(
        self, chat_id: int, count: int = 1, *, since: int = 0, timeout: float = WAIT_SECONDS,
        edits: int | None = None,
    ) -> list[dict[str, Any]]:
        """Wait until at least count bot messages follow message id since (or, given `edits`,
        until the chat's messages have more edits than that in all); returns the new ones."""
        params = {"count": count, "since": since, "timeout": timeout}
        if edits is not None:
            params["edits"] = edits
        return await self._call(
            "GET", f"/chats/{chat_id}/wait", params=params, timeout=timeout + WAIT_MARGIN
        )

    async def wait_for_edit(
        self,
        chat_id: int,
        message_id: int,
        *,
        edits: int = 1,
        contains: str | None = None,
        timeout: float = WAIT_SECONDS,
    ) -> dict[str, Any]:
        """Wait until the message was edited edits times (and its text contains a string)."""
        params = self._drop_none({"edits": edits, "contains": contains, "timeout": timeout})
        return await self._call(
            "GET",
            f"/chats/{chat_id}/messages/{message_id}/wait",
            params=params,
            timeout=timeout + WAIT_MARGIN,
        )

    async def download(self, file_id: str) -> bytes:
        """The bytes of a file the bot or a user sent."""
        response = await self._http.get(f"/files/{file_id}")
        if response.status_code != 200:
            raise SandboxError(response.status_code, response.text)
        return response.content

    async def commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """The commands set for exactly this scope and language."""
        params = {"language_code": language_code}
        if scope is not None:
            params["scope"] = json.dumps(scope)
        return await self._call("GET", "/commands", params=params)

    async def visible_commands(self, chat_id: int, language_code: str = "") -> list[dict]:
        """The commands a chat sees after Telegram's scope resolution."""
        params = {"chat_id": chat_id, "language_code": language_code}
        return await self._call("GET", "/commands/visible", params=params)

    async def pending_updates(self) -> list[dict[str, Any]]:
        """Updates the bot has not confirmed yet."""
        return await self._call("GET", "/updates")

    async def set_blocked(self, user_id: int, blocked: bool = True) -> None:
        """Mark that the user blocked (or unblocked) the bot."""
        await self._call("POST", f"/users/{user_id}/block", json={"blocked": blocked})

    async def inject_fault(
        self,
        method: str = "*",
        kind: str = "429",
        *,
        count: int | None = None,
        rate: float | None = None,
        seed: int | None = None,
        retry_after: float | None = None,
        delay: float | None = None,
    ) -> dict[str, Any]:
        """Make calls fail: kind 429|500|502|timeout|slow|lost_response, count times or at rate."""
        data = {
            "method": method,
            "kind": kind,
            "count": count,
            "rate": rate,
            "seed": seed,
            "retry_after": retry_after,
            "delay": delay,
        }
        return await self._call("POST", "/faults", json=self._drop_none(data))

    async def clear_faults(self) -> None:
        """Remove every injected fault."""
        await self._call("DELETE", "/faults")

    async def set_rate_limit(
        self,
        per_second: float | None = None,
        per_chat_per_second: float | None = None,
        retry_after: float | None = None,
    ) -> dict[str, Any]:
        """Flood limits answering 429 like Telegram (None disables a limit)."""
        data = {
            "per_second": per_second,
            "per_chat_per_second": per_chat_per_second,
            "retry_after": retry_after,
        }
        return await self._call("POST", "/rate-limit", json=self._drop_none(data))

    async def stats(self) -> dict[str, Any]:
        """Call counters: calls, ok and errors per method, ok calls per chat."""
        return await self._call("GET", "/stats")

    async def reset(self) -> None:
        """Forget everything in the sandbox."""
        await self._call("POST", "/reset")
