"""Operator logging: one format, and secrets redacted from every record."""

from __future__ import annotations

import logging
import re
import sys
from urllib.parse import quote

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Invitation codes travel as `/start CODE` and `?start=CODE`; PTB logs both at DEBUG.
_CODES = re.compile(r"(/start(?:@\w+)?\s+|[?&]start=)[A-Za-z0-9_-]{6,}")


class RedactingFilter(logging.Filter):
    """Replaces every registered secret in a record's final text."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message once, then scrub secrets from it and the traceback."""
        message = _CODES.sub(r"\1<code>", record.getMessage())
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for secret in sorted(self.secrets, key=len, reverse=True):  # a token before its key
            message = message.replace(secret, "<token>")
            if record.exc_text:
                record.exc_text = record.exc_text.replace(secret, "<token>")
            if record.stack_info:
                record.stack_info = record.stack_info.replace(secret, "<token>")
        if record.exc_text:
            record.exc_text = _CODES.sub(r"\1<code>", record.exc_text)
        record.msg, record.args = message, None
        return True


REDACTOR = RedactingFilter()


def configure_logging(level: int = logging.INFO, secrets: tuple[str | None, ...] = ()) -> None:
    """Log to stderr with secrets redacted; quiet the HTTP client's per-request lines."""
    for secret in secrets:
        add_secret(secret)
    root = logging.getLogger()
    if not any(getattr(h, "_mina", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler._mina = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    for handler in root.handlers:
        if REDACTOR not in handler.filters:
            handler.addFilter(REDACTOR)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def add_secret(secret: str | None) -> None:
    """Register one more value that must never reach a log line, in every form it is logged in:
    as is, URL-encoded (file download URLs encode the token's colon) and, for a bot token
    `id:key`, the key alone."""
    if not secret:
        return
    forms = {secret, quote(secret, safe="")}
    bot_id, _, key = secret.partition(":")
    if bot_id.isdigit() and len(key) >= 16:
        forms.add(key)
    REDACTOR.secrets.update(forms)
