"""Bot API request parameters from query string, JSON, form-urlencoded or multipart bodies."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField

from sandbox.errors import bad_request

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class Params:
    """Typed access to one call's parameters; form values arrive as strings and are coerced."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    @classmethod
    async def from_request(cls, request: web.Request) -> Params:
        """Collect parameters the way Telegram does: query string first, then the body."""
        values: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise bad_request("can't parse JSON object") from None
                if isinstance(body, dict):
                    values.update(body)
            elif request.content_type in FORM_TYPES:
                values.update((await request.post()).items())
        return cls(values)

    def has(self, name: str) -> bool:
        """Whether the parameter was sent with a non-empty value."""
        return self.values.get(name) not in (None, "")

    def text(self, name: str, default: str | None = None) -> str | None:
        """A string parameter."""
        value = self.values.get(name)
        if value is None or isinstance(value, FileField):
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, default: int | None = None) -> int | None:
        """An integer parameter; a malformed one is a 400 like Telegram's."""
        value = self.values.get(name)
        if value in (None, ""):
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def required_int(self, name: str) -> int:
        """An integer parameter that must be present."""
        value = self.integer(name)
        if value is None:
            raise bad_request(f"{name} is empty")
        return value

    def number(self, name: str, default: float) -> float:
        """A float parameter (timeouts)."""
        value = self.values.get(name)
        try:
            return float(value) if value not in (None, "") else default
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        """A boolean parameter ("true"/"1"/true)."""
        value = self.values.get(name)
        return value is True or (isinstance(value, str) and value.lower() in ("true", "1"))

    def chat_id(self) -> int | str:
        """chat_id as an int, or the @username string Telegram also accepts."""
        value = self.values.get("chat_id")
        if value in (None, ""):
            raise bad_request("chat_id is empty")
        try:
            return int(value)
        except (TypeError, ValueError):
            return str(value)

    def peek_chat_id(self) -> int | None:
        """chat_id if the call has a numeric one (for statistics and rate limits)."""
        try:
            return int(self.values["chat_id"])
        except (KeyError, TypeError, ValueError):
            return None

    def json(self, name: str, error: str | None = None) -> Any:
        """A JSON-serialized object parameter (reply_markup, scope, commands, ...)."""
        value = self.values.get(name)
        if not isinstance(value, str):
            return value
        if value == "":
            return None
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(error or f"can't parse {name} JSON object") from None

    def upload(self, name: str) -> FileField | str | None:
        """An InputFile: an uploaded part, or a string (file_id, URL or attach://<part>)."""
        value = self.values.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            value = self.values.get(value.removeprefix("attach://"))
        return value if isinstance(value, FileField | str) else None
