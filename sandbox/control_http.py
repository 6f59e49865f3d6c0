"""JSON plumbing shared by the control routes: envelopes, body parsing, bounded numbers, and
the guard that lets only this machine's pages call /control."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Collection
from typing import Any

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
CORS_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Vary": "Origin",
}
LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_INT = 2**63 - 1
MAX_FLOAT = 1e9
_UPLOADS = ("/documents", "/photos")  # the only routes that take a multipart body


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


def bounded_int(value: Any) -> int:
    """An integer of at most 64 bits (a 5,000-digit one is refused before it is parsed)."""
    if len(str(value)) > 20:
        raise ValueError("number too long")
    number = int(value)
    if abs(number) > MAX_INT:
        raise ValueError("number out of range")
    return number


def int_field(data: dict[str, Any], key: str, default: int | None = None) -> int | None:
    """An optional integer field."""
    value = data.get(key)
    return default if value in (None, "") else bounded_int(value)


def float_field(data: dict[str, Any], key: str, default: float | None = None) -> float | None:
    """An optional float field, finite and within ±1e9."""
    value = data.get(key)
    if value in (None, ""):
        return default
    if len(str(value)) > 32:
        raise ValueError("number too long")
    number = float(value)
    if not math.isfinite(number) or abs(number) > MAX_FLOAT:
        raise ValueError("number out of range")
    return number


def path_int(request: web.Request, key: str) -> int:
    """An id from the route's path, bounded like every number."""
    return bounded_int(request.match_info[key])


def local_request(request: web.Request, own_hosts: Collection[str],
                  allowed_origins: Collection[str]) -> str | None:
    """Why a request may not reach a local-only API (None when it may): the Host must name
    this machine (no DNS rebinding), an Origin must be the page's own or an allowed one, a
    body must be JSON (a multipart upload where files are taken)."""
    try:
        name = request.url.host
    except ValueError:  # a Host header that is no host at all
        name = None
    if name not in LOCAL_NAMES | set(own_hosts):
        return "host not allowed"
    origin = request.headers.get("Origin")
    if origin is not None and origin != f"{request.scheme}://{request.host}" \
            and origin not in allowed_origins:
        return "origin not allowed"
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and request.body_exists:
        kind = request.content_type
        upload = kind == "multipart/form-data" and request.path.endswith(_UPLOADS)
        if kind != "application/json" and not upload:
            return "send application/json"
    return None


def control_guard(own_hosts: Callable[[], Collection[str]],
                  allowed_origins: Callable[[], Collection[str]]):
    """/control for this machine's pages only: the sandbox's own, or an allowed page's origin
    (the demo page on another local port), never `*`."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith("/control"):
            return await handler(request)
        refused = local_request(request, own_hosts(), allowed_origins())
        if refused:
            return fail(403, refused)
        origin = request.headers.get("Origin")
        headers = dict(CORS_HEADERS, **({"Access-Control-Allow-Origin": origin}
                                         if origin in allowed_origins() else {}))
        if request.method == "OPTIONS":
            return web.Response(headers=headers)
        response = await handler(request)
        response.headers.update(headers)
        return response

    return guard
