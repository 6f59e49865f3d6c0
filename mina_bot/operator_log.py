"""Operator logging: one format, and secrets redacted from every record."""

from __future__ import annotations

import logging
import sys

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replaces every registered secret in a record's final text."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message once, then scrub secrets from it and the traceback."""
        if not self.secrets:
            return True
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for secret in self.secrets:
            message = message.replace(secret, "<token>")
            if record.exc_text:
                record.exc_text = record.exc_text.replace(secret, "<token>")
        record.msg, record.args = message, None
        return True


REDACTOR = RedactingFilter()


def configure_logging(level: int = logging.INFO, secrets: tuple[str | None, ...] = ()) -> None:
    """Log to stderr with secrets redacted; quiet the HTTP client's per-request lines."""
    REDACTOR.secrets.update(s for s in secrets if s)
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
    """Register one more value that must never reach a log line."""
    if secret:
        REDACTOR.secrets.add(secret)
