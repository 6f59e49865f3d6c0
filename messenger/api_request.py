"""How the bot talks to the Bot API: PTB's request interface over aiohttp.

PTB's own HTTPXRequest spent about 1.6 ms of CPU on each call against the sandbox, aiohttp about
0.12 ms (docs/benchmarks.md): under load, most of what the bot did was being an HTTP client.
Bodies are JSON, as the Bot API accepts (Telegram and Bale alike), and multipart only when a
file is uploaded. Status codes, retries and the API's errors stay PTB's (`BaseRequest`).
"""

from __future__ import annotations

import json
import logging
import urllib.request

import aiohttp
from telegram import Bot
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

log = logging.getLogger("mina.bot_api")
JSON_HEADERS = {"Content-Type": "application/json"}
_TIMEOUTS_KEPT = 64  # distinct timeout combinations remembered (callers use a handful)


class AiohttpRequest(BaseRequest):
    """BaseRequest over one aiohttp session; timeouts are PTB's, in seconds (None: no limit).

    aiohttp has no write timeout: the four timeouts together bound the whole call, and each
    read from the server is bounded by the read timeout alone.
    """

    __slots__ = ("_defaults", "_media_write_timeout", "_pool_size", "_proxies", "_session",
                 "_timeouts")

    def __init__(self, connection_pool_size: int = 1, *, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, connect_timeout: float | None = 5.0,
                 pool_timeout: float | None = 1.0, media_write_timeout: float | None = 20.0
                 ) -> None:
        self._session: aiohttp.ClientSession | None = None
        self._pool_size = connection_pool_size
        self._defaults = (read_timeout, write_timeout, connect_timeout, pool_timeout)
        self._media_write_timeout = media_write_timeout
        self._timeouts: dict[tuple, aiohttp.ClientTimeout] = {}
        self._proxies: dict[str, str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout (PTB adds getUpdates' long-poll timeout to it)."""
        return self._defaults[0]

    async def initialize(self) -> None:
        """Open the session (again, after a shutdown)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
                timeout=aiohttp.ClientTimeout(total=None),
            )
            self._proxies.clear()

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout=BaseRequest.DEFAULT_NONE,
                         write_timeout=BaseRequest.DEFAULT_NONE,
                         connect_timeout=BaseRequest.DEFAULT_NONE,
                         pool_timeout=BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        """One call: (HTTP status, body); TimedOut or NetworkError when there is no answer."""
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = bool(request_data and request_data.contains_files)
        default_read, default_write, default_connect, default_pool = self._defaults
        timeout = self._timeout(
            default_read if read_timeout is BaseRequest.DEFAULT_NONE else read_timeout,
            (self._media_write_timeout if files else default_write)
            if write_timeout is BaseRequest.DEFAULT_NONE else write_timeout,
            default_connect if connect_timeout is BaseRequest.DEFAULT_NONE else connect_timeout,
            default_pool if pool_timeout is BaseRequest.DEFAULT_NONE else pool_timeout)
        payload, headers = _body(request_data) if request_data is not None else (None, None)
        try:
            async with self._session.request(method, url, data=payload, headers=headers,
                                             timeout=timeout, proxy=self._proxy(url)) as response:
                body = await response.read()
        except TimeoutError as exc:  # aiohttp's own timeouts are TimeoutErrors too
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{exc.__class__.__name__}: {exc}") from exc
        if log.isEnabledFor(logging.DEBUG):  # the URL holds the token: the log redacts it
            log.debug('HTTP Request: %s %s "%s"', method, url, response.status)
        return response.status, body

    def _proxy(self, url: str) -> str | None:
        """HTTPS_PROXY and friends (NO_PROXY too), read once per server.

        aiohttp's own trust_env reads ~/.netrc on every request, in a thread: under load that
        cost more than the request itself.
        """
        scheme, _, server = url.split("/", 3)[:3]
        key = f"{scheme}//{server}"
        if key not in self._proxies:
            proxies = urllib.request.getproxies()
            host = server.rpartition("@")[2]
            bypass = urllib.request.proxy_bypass_environment(host, proxies)
            self._proxies[key] = None if bypass else proxies.get(scheme.rstrip(":"))
        return self._proxies[key]

    def _timeout(self, read: float | None, write: float | None, connect: float | None,
                 pool: float | None) -> aiohttp.ClientTimeout:
        key = (read, write, connect, pool)
        timeout = self._timeouts.get(key)
        if timeout is None:
            if len(self._timeouts) >= _TIMEOUTS_KEPT:
                self._timeouts.clear()
            timeout = self._timeouts[key] = aiohttp.ClientTimeout(
                total=None if None in key else read + write + connect + pool,
                connect=None if pool is None or connect is None else pool + connect,
                sock_connect=connect, sock_read=read)
        return timeout


def sending_bot(token: str, *, base_url: str, base_file_url: str | None = None) -> Bot:
    """A Bot that only sends (a dispatcher of its own): the bot's own transport, few connections.

    Use it as `async with`; it makes no getUpdates calls.
    """
    files = {} if base_file_url is None else {"base_file_url": base_file_url}
    return Bot(token, base_url=base_url, request=AiohttpRequest(connection_pool_size=4), **files)


def _body(request_data: RequestData) -> tuple[object, dict[str, str] | None]:
    """JSON, or multipart with the files when there are any."""
    if not request_data.contains_files:
        payload = json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":"))
        return payload.encode(), JSON_HEADERS
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form, None

