"""Telegram's documented and measured limits, refused with its own error descriptions."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sandbox.errors import ApiError, bad_request

MAX_TEXT_LENGTH = 4096  # UTF-16 code units of the text after entity parsing
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA = 64  # bytes
MAX_BUTTONS = 100
MAX_BUTTONS_PER_ROW = 8
MAX_ANSWER_LENGTH = 200
WEBHOOK_PORTS = (443, 80, 88, 8443)

MARKUP_TOO_LONG = bad_request("reply markup is too long")
BUTTON_DATA_INVALID = bad_request("BUTTON_DATA_INVALID")
TEXT_TOO_LONG = bad_request("message is too long")
CAPTION_TOO_LONG = bad_request("message caption is too long")
NEVER_STARTED = ApiError(403, "Forbidden: bot can't initiate conversation with a user")


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts text and entity offsets in."""
    return len(text.encode("utf-16-le")) // 2


def check_inline_rows(rows: list[list[Any]]) -> None:
    """Refuse an inline keyboard over 100 buttons or 8 in a row, as Telegram does."""
    if sum(len(row) for row in rows) > MAX_BUTTONS or any(
            len(row) > MAX_BUTTONS_PER_ROW for row in rows):
        raise MARKUP_TOO_LONG


def check_callback_data(data: object) -> None:
    """callback_data must be 1-64 bytes."""
    if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
        raise BUTTON_DATA_INVALID


def check_length(text: str, *, caption: bool) -> None:
    """Refuse a text over 4,096 or a caption over 1,024 UTF-16 units (after entity parsing)."""
    if caption and utf16_length(text) > MAX_CAPTION_LENGTH:
        raise CAPTION_TOO_LONG
    if not caption and utf16_length(text) > MAX_TEXT_LENGTH:
        raise TEXT_TOO_LONG


def check_webhook_url(url: str, *, lenient: bool) -> None:
    """Refuse a webhook Telegram would: not https, or a port other than 443, 80, 88 or 8443.
    A lenient sandbox accepts local http webhooks (the demo's and the tests')."""
    if not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    if lenient:
        return
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    try:
        port = parts.port or 443
    except ValueError:
        port = -1
    if port not in WEBHOOK_PORTS:
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
