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

from mina_bot.platforms import platform_for_api

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
    "invite_ttl_days": "use a whole number of days between 1 and 365, e.g. 7",
    "auth_max_failures": "use how many wrong invitation codes an account may send, e.g. 5",
    "auth_window_minutes": "use the minutes in which wrong codes are counted, e.g. 15",
    "auth_cooldown_minutes": "use the minutes an account waits after too many wrong codes, e.g. 15",
    "session_weekday": "use 0..6 counted from Saturday (0=Saturday, 2=Monday)",
    "session_time": "use HH:MM, e.g. 10:00",
    "report_deadline_days_before": "use a number of days 0..6 before the session",
    "report_deadline_time": "use HH:MM, e.g. 12:00",
    "max_upload_mb": "use a size in megabytes, 1..2000 (Telegram bots receive up to 20)",
    "report_trend_weeks": "use a number of weeks, 2..52",
    "delivery_rate_per_second": "messages a second over all chats, e.g. 30",
    "delivery_chat_interval": "seconds between two messages to one chat, e.g. 1",
    "delivery_group_per_minute": "messages a minute to one group chat, e.g. 20",
    "delivery_max_attempts": "tries for a message failing with 5xx/timeouts, e.g. 5",
    "delivery_lease_seconds": "seconds after which a claimed, unsent message is retried (> 2 x"
    " delivery_send_timeout)",
    "delivery_claim_batch": "rows a dispatcher claims at once (1 claims one at a time), e.g. 100",
    "reporting_unit_kinds": "comma-separated unit kinds that send weekly reports, e.g. committee",
    "mandatory_reminders": "comma-separated reminder kinds nobody may mute: report, session,"
    " resolution, digest",
    "reminder_days_off": "comma-separated jdatetime weekdays without reminders (0=Sat, 6=Fri)",
    "webhook_port": "use a TCP port number, e.g. 8443",
    "messenger": "use auto, telegram or bale",
    "demo_port": "use a free TCP port number, e.g. 8080 (0 picks one)",
    "concurrent_updates": "use how many chats' updates are handled at once, 1..256 (1: one"
    " update at a time), e.g. 16",
    "flood_limit": "use how many updates one account may send within the window, e.g. 20",
    "flood_window_seconds": "use the seconds over which an account's updates are counted, e.g. 10",
    "flood_cooloff_seconds": "use the seconds a flooding account is ignored, e.g. 30",
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
    webhook_listen: str = "127.0.0.1"  # behind the TLS proxy; compose sets 0.0.0.0 on its network
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    messenger: Literal["auto", "telegram", "bale"] = "auto"
    demo_port: int = Field(default=8080, ge=0, le=65535)
    max_upload_mb: int = Field(default=20, ge=1, le=2000)
    # Updates of different chats at once; one chat's always one by one, in order.
    concurrent_updates: int = Field(default=16, ge=1, le=256)
    # PostgreSQL only: threads that wait for the server while the loop serves other chats. Off
    # by default: with the server on the bot's own two cores they cost more CPU than they save
    # (README «Benchmarks»); worth it where the server is across a network.
    session_weekday: int = Field(default=2, ge=0, le=6, description="jdatetime: 0=Sat, 2=Mon")
    session_time: time = time(10, 0)
    session_place: str = "سالن شورا"
    invite_ttl_days: int = Field(default=7, ge=1, le=365)
    auth_max_failures: int = Field(default=5, ge=1, le=100)
    auth_window_minutes: int = Field(default=15, ge=1, le=1440)
    auth_cooldown_minutes: int = Field(default=15, ge=1, le=1440)
    # Per-account flood control: past `flood_limit` updates in the window, one polite warning
    # and then silence for the cool-off.
    flood_limit: int = Field(default=20, ge=1)
    flood_window_seconds: float = Field(default=10.0, gt=0)
    flood_cooloff_seconds: float = Field(default=30.0, ge=0)
    report_deadline_days_before: int = Field(default=1, ge=0, le=6)
    report_deadline_time: time = time(12, 0)
    report_trend_weeks: int = Field(default=8, ge=2, le=52)
    # Delivery (the outbox dispatcher); Telegram's published limits by default.
    delivery_rate_per_second: float = Field(default=30.0, gt=0)
    delivery_chat_interval: float = Field(default=1.0, ge=0)
    delivery_group_per_minute: int = Field(default=20, ge=1)
    delivery_max_attempts: int = Field(default=5, ge=1)
    delivery_backoff_base: float = Field(default=2.0, ge=0)
    delivery_backoff_cap: float = Field(default=300.0, ge=0)
    delivery_send_timeout: float = Field(default=20.0, gt=0)
    delivery_lease_seconds: float = Field(default=120.0, gt=0)
    delivery_poll_seconds: float = Field(default=1.0, gt=0)
    delivery_claim_batch: int = Field(default=100, ge=1, le=10_000)
    broadcast_progress_seconds: float = Field(default=3.0, gt=0)
    # Reminders, all in the organisation's time zone.
    reminders_enabled: bool = True
    reminder_interval_seconds: float = Field(default=60.0, gt=0)
    reminder_lookback_days: int = Field(default=7, ge=1)
    reminder_quiet_start: time = time(21, 0)
    reminder_quiet_end: time = time(8, 0)
    reminder_days_off: Annotated[tuple[int, ...], NoDecode] = (6,)
    report_reminder_weekday: int = Field(default=0, ge=0, le=6, description="0=Sat")
    report_reminder_time: time = time(10, 0)
    report_deadline_reminder_time: time = time(9, 0)
    reporting_unit_kinds: Annotated[tuple[str, ...], NoDecode] = ("committee",)
    session_eve_reminder_time: time = time(16, 0)
    session_day_reminder_time: time = time(8, 0)
    resolution_reminder_time: time = time(9, 0)
    resolution_remind_days_before: int = Field(default=2, ge=0)
    resolution_overdue_every_days: int = Field(default=3, ge=1)
    resolution_escalate_from: int = Field(default=2, ge=1)
    digest_weekday: int = Field(default=1, ge=0, le=6, description="0=Sat, 1=Sun")
    digest_time: time = time(13, 0)
    mandatory_reminders: Annotated[tuple[str, ...], NoDecode] = ("report", "resolution")

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

    @field_validator("reminder_days_off", mode="before")
    @classmethod
    def _split_days(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            if not all(p.isdigit() and 0 <= int(p) <= 6 for p in parts):
                raise ValueError("must be weekdays 0..6")
            return tuple(int(p) for p in parts)
        return value

    @field_validator("reporting_unit_kinds", "mandatory_reminders", mode="before")
    @classmethod
    def _split_words(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(p.strip().lower() for p in value.split(",") if p.strip())
        return value

    @field_validator("mandatory_reminders")
    @classmethod
    def _known_reminders(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = set(value) - {"report", "session", "resolution", "digest"}
        if unknown:
            raise ValueError(f"names unknown reminder kinds {sorted(unknown)}")
        return value

    @field_validator("reporting_unit_kinds")
    @classmethod
    def _known_unit_kinds(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        known = {"secretariat", "committee", "deputy", "institute", "office", "province", "other"}
        if not value or set(value) - known:
            raise ValueError(f"must be unit kinds among {sorted(known)}")
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
        return platform_for_api(self.api_base_url).name

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
