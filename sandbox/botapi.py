"""Bot API dispatch: token check, method lookup, faults, flood limits, statistics, JSON answers."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from sandbox import methods_bot, methods_files, methods_messages
from sandbox.errors import METHOD_NOT_FOUND, ApiError, too_many_requests
from sandbox.faults import FaultRule
from sandbox.params import Params

if TYPE_CHECKING:
    from sandbox.server import BotApiSandbox

MethodHandler = Callable[["BotApiSandbox", Params], Awaitable[Any]]
METHODS: dict[str, MethodHandler] = {
    **methods_bot.METHODS,
    **methods_messages.METHODS,
    **methods_files.METHODS,
}
METHODS_BY_LOWER_NAME = {name.lower(): (name, handler) for name, handler in METHODS.items()}
DEFAULT_HANG = 30.0
NGINX_PAGE = (
    "<html>\r\n<head><title>{status}</title></head>\r\n<body>\r\n"
    "<center><h1>{status}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)
INTERNAL_ERROR = ApiError(500, "Internal Server Error")

log = logging.getLogger(__name__)


def resolve(sb: BotApiSandbox, method: str) -> tuple[str, MethodHandler]:
    """The canonical name and handler of a method (case-insensitive, as on Telegram)."""
    found = METHODS_BY_LOWER_NAME.get(method.lower())
    if found is None or not sb.profile.supports(method):
        raise METHOD_NOT_FOUND
    return found


def ok(result: Any) -> web.Response:
    """Telegram's success envelope."""
    return web.json_response({"ok": True, "result": result})


def nginx_error(status: int, reason: str) -> web.Response:
    """The HTML page Telegram's nginx front answers with on gateway errors."""
    text = NGINX_PAGE.format(status=f"{status} {reason}")
    return web.Response(status=status, text=text, content_type="text/html")


async def handle_call(sb: BotApiSandbox, request: web.Request) -> web.StreamResponse:
    """Answer one /bot<token>/<method> request."""
    try:
        sb.check_token(request.match_info["token"])
        name, handler = resolve(sb, request.match_info["method"])
    except ApiError as error:
        if error is METHOD_NOT_FOUND:  # counted too: a bot asking again and again shows
            sb.stats.called(request.match_info["method"])
            sb.stats.failed(request.match_info["method"], error.code)
        return error.response()
    sb.stats.called(name)
    chat_id: int | None = None
    try:
        params = await Params.from_request(request)
        chat_id = params.peek_chat_id()
        fault = sb.faults.pick(name)
        if fault is not None:
            return await _faulty_call(sb, fault, name, handler, params)
        result = await _perform(sb, name, handler, params)
    except ApiError as error:
        sb.stats.failed(name, error.code)
        return error.response()
    except Exception:
        log.exception("sandbox failed inside %s", name)
        sb.stats.failed(name, 500)
        return INTERNAL_ERROR.response()
    sb.stats.succeeded(name, chat_id)
    return ok(result)


async def _perform(sb: BotApiSandbox, name: str, handler: MethodHandler, params: Params) -> Any:
    sb.limiter.check(name, params.peek_chat_id())
    return await handler(sb, params)


async def _faulty_call(
    sb: BotApiSandbox, fault: FaultRule, name: str, handler: MethodHandler, params: Params
) -> web.StreamResponse:
    """Answer a call that an injected fault rule caught."""
    if fault.kind == "429":
        raise too_many_requests(fault.retry_after)
    if fault.kind == "500":
        raise INTERNAL_ERROR
    if fault.kind == "502":
        sb.stats.failed(name, 502)
        return nginx_error(502, "Bad Gateway")
    if fault.kind == "timeout":
        await sb.pause(fault.delay or DEFAULT_HANG)
        sb.stats.failed(name, 504)
        return nginx_error(504, "Gateway Time-out")
    if fault.kind == "slow":
        await sb.pause(fault.delay or 1.0)
        result = await _perform(sb, name, handler, params)
        sb.stats.succeeded(name, params.peek_chat_id())
        return ok(result)
    result = await _perform(sb, name, handler, params)
    sb.stats.succeeded(name, params.peek_chat_id())
    await sb.pause(fault.delay or DEFAULT_HANG)
    return nginx_error(504, "Gateway Time-out")
