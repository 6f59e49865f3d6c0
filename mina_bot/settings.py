"""Operator settings, read from the environment and an optional .env file."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TELEGRAM_API = "https://api.telegram.org/bot"
DEFAULT_DATABASE_URL = "sqlite:///./data/mina.sqlite3"
_TOKEN_SHAPE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
_PLACEHOLDERS = {"changeme", "change-me", "token", "your-token", "xxx", "secret"}

HINTS = {
    "bot_token": "set it to the token BotFather (or Bale) gave you, e.g. 123456:ABC...",
    "database_url": "use sqlite:///path/to/mina.sqlite3 or postgresql://user@host:5432/dbname",
    "api_base_url": "use https://api.telegram.org/bot or Bale's https://tapi.bale.ai/bot",
    "timezone": "use an IANA time zone name such as Asia/Tehran",
    "admin_ids": "use comma-separated numeric Telegram user ids, e.g. 11111,22222",
    "language": "use fa or en",
    "webhook_url": "use the public https URL Telegram should post updates to",
    "webhook_secret": "use 16-256 characters of A-Z, a-z, 0-9, _ or -",
    "webhook_port": "use a TCP port number, e.g. 8443",
    "messenger": "use auto, telegram or bale",
    "demo_port": "use a free TCP port number, e.g. 8080 (0 picks one)",
}


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


class Settings(BaseSettings):
    """Everything the operator configures."""

    model_config = SettingsConfigDict(
        env_prefix="MINA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    bot_token: SecretStr | None = None
    database_url: str = DEFAULT_DATABASE_URL
    api_base_url: str = TELEGRAM_API
    timezone: str = "Asia/Tehran"
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    language: Literal["fa", "en"] = "fa"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    messenger: Literal["auto", "telegram", "bale"] = "auto"
    demo_port: int = Field(default=8080, ge=0, le=65535)
    max_upload_mb: int = Field(default=20, ge=1, le=2000)
    session_weekday: int = Field(default=2, ge=0, le=6, description="jdatetime: 0=Sat, 2=Mon")
    session_time: time = time(10, 0)
    session_place: str = "سالن شورا"

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        token = value.get_secret_value().strip()
        if token.lower() in _PLACEHOLDERS or not _TOKEN_SHAPE.match(token):
            raise ValueError("does not look like a bot token")
        return SecretStr(token)

    @field_validator("database_url")
    @classmethod
    def _database_scheme(cls, value: str) -> str:
        scheme = value.split("://", 1)[0] if "://" in value else ""
        if not scheme.startswith(("sqlite", "postgresql", "postgres")):
            raise ValueError("is not a sqlite:// or postgresql:// URL")
        return value

    @field_validator("api_base_url", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parsed = urlparse(value)
        if parsed.scheme not in {"http", "https"} or not parsed.netloc:
            raise ValueError("is not an http(s) URL")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("is not a known time zone") from exc
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
            if not all(p.lstrip("-").isdigit() for p in parts):
                raise ValueError("must be numeric Telegram user ids")
            return tuple(int(p) for p in parts)
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None  # empty: a fresh random secret at every start
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", value.get_secret_value()):
            raise ValueError("must be 16-256 characters of A-Z, a-z, 0-9, _ or -")
        return value

    @property
    def tz(self) -> ZoneInfo:
        """The organisation's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def token(self) -> str | None:
        """The bot token in clear, for the PTB builder only."""
        return self.bot_token.get_secret_value() if self.bot_token else None

    @property
    def platform(self) -> str:
        """MINA_MESSENGER, or when auto: `bale` for a Bale API base URL, else `telegram`."""
        if self.messenger != "auto":
            return self.messenger
        return "bale" if "bale.ai" in self.api_base_url else "telegram"

    @property
    def data_dir(self) -> Path:
        """Where a SQLite database and uploads live."""
        return Path("data")


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning a validation failure into one operator-readable line."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError(describe_error(exc)) from None


def describe_error(exc: ValidationError) -> str:
    """One line naming the first bad setting and how to fix it (never echoing secrets)."""
    first = exc.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else "settings"
    reason = first["msg"].removeprefix("Value error, ")
    hint = HINTS.get(field, "check its value")
    return f"MINA_{field.upper()} {reason}: {hint}."
