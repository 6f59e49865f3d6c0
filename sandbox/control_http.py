"""JSON plumbing shared by the control routes: envelopes, body parsing, CORS for the demo page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
}


def ok(result: Any) -> web.Response:
    """A successful control answer."""
    return web.json_response({"ok": True, "result": result})


def fail(status: int, error: str, **extra: Any) -> web.Response:
    """A failed control answer."""
    return web.json_response({"ok": False, "error": error, **extra}, status=status)


async def body_of(request: web.Request) -> dict[str, Any]:
    """A control request's JSON or form body merged over its query string."""
    data: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            data.update(await request.json())
        else:
            data.update((await request.post()).items())
    return data


def int_field(data: dict[str, Any], key: str, default: int | None = None) -> int | None:
    """An optional integer field."""
    value = data.get(key)
    return default if value in (None, "") else int(value)


def float_field(data: dict[str, Any], key: str, default: float | None = None) -> float | None:
    """An optional float field."""
    value = data.get(key)
    return default if value in (None, "") else float(value)


@web.middleware
async def control_cors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Let a demo page on another local port call /control (the sandbox holds no secrets)."""
    if not request.path.startswith("/control"):
        return await handler(request)
    if request.method == "OPTIONS":
        return web.Response(headers=CORS_HEADERS)
    response = await handler(request)
    response.headers.update(CORS_HEADERS)
    return response
