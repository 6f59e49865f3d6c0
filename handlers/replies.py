"""The Bot the Application runs with: PTB's ExtBot plus a reply that skips parsing its answer."""

from __future__ import annotations

from typing import Any

from telegram.constants import ParseMode
from telegram.ext import ExtBot


class MinaBot(ExtBot):
    """ExtBot with send_html: a reply whose sent Message nobody reads is not rebuilt from JSON.

    Bot.send_message turns the API's answer into a Message, its inline keyboard button by
    button; for a cached «what do I owe?» page that was most of the cost of the whole update
    (README, Benchmarks). The request itself goes through the same `_post` as every Bot method:
    defaults, serialisation, the request object and its error handling are PTB's own.
    """

    async def send_html(self, chat_id: int, html: str, **params: Any) -> int:
        """Send an HTML message; its message id."""
        data = {"chat_id": chat_id, "text": html, "parse_mode": ParseMode.HTML, **params}
        result = await self._post("sendMessage", data)
        return int(result["message_id"])
