"""The sandbox's Bot API served in-process: a PTB BaseRequest that records every call, no HTTP."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

from aiohttp.web_request import FileField
from multidict import CIMultiDict, CIMultiDictProxy
from telegram.request import BaseRequest, RequestData

from sandbox.botapi import resolve
from sandbox.errors import ApiError
from sandbox.params import Params
from sandbox.server import BotApiSandbox


@dataclass
class ApiCall:
    """One Bot API call the bot made, with its parameters and the outcome."""

    method: str
    params: dict[str, Any]
    error: str | None = None


class InProcessApi(BaseRequest):
    """Answers PTB's requests from an unstarted BotApiSandbox's world, recording each call."""

    def __init__(self, sandbox: BotApiSandbox | None = None) -> None:
        self.sandbox = sandbox or BotApiSandbox()
        self.calls: list[ApiCall] = []

    @property
    def read_timeout(self) -> float | None:
        """No network: nothing to wait for."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = None, write_timeout: Any = None,
                         connect_timeout: Any = None, pool_timeout: Any = None,
                         ) -> tuple[int, bytes]:
        """One Bot API call (or a file download) answered with Telegram-shaped JSON."""
        if "/file/bot" in url:
            path = url.partition("/file/bot")[2].partition("/")[2]
            stored = self.sandbox.world.file_by_path(path)
            return (200, stored.content) if stored else (404, b"Not Found")
        name = url.rsplit("/", 1)[-1]
        values: dict[str, Any] = dict(request_data.json_parameters) if request_data else {}
        if request_data and request_data.contains_files:
            for part, (filename, content, mime) in request_data.multipart_data.items():
                values[part] = FileField(part, filename, io.BytesIO(content), mime,
                                         CIMultiDictProxy(CIMultiDict()))
        call = ApiCall(name, {k: v for k, v in values.items() if not isinstance(v, FileField)})
        self.calls.append(call)
        try:
            _, handler = resolve(self.sandbox, name)
            params = Params(values)
            result = await handler(self.sandbox, params)
        except ApiError as error:
            call.error = error.description
            return error.code, json.dumps(error.payload()).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def drain(self) -> list[ApiCall]:
        """The calls recorded since the last drain."""
        calls, self.calls = self.calls, []
        return calls
