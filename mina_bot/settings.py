"""Operator settings, read from the environment and an optional .env file."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from mina_bot.platforms import platform_for_api, webhook_refusal
from mina_bot.settings_hints import HINTS

TELEGRAM_API = "https://api.telegram.org/bot"
DEFAULT_DATABASE_URL = "sqlite:///./data/mina.sqlite3"
_TOKEN_SHAPE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
_PLACEHOLDERS = {"changeme", "change-me", "token", "your-token", "xxx", "secret"}

class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


class Settings(BaseSettings):
    """Everything the operator configures."""

    model_config = SettingsConfigDict(
        env_prefix="MINA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    bot_token: SecretStr | None = Field(default=None, description=(
        "The bot's token from BotFather (or Bale's); without one, `python bot.py` runs the demo."))
    database_url: str = Field(default=DEFAULT_DATABASE_URL, description=(
        "`sqlite:///path/mina.sqlite3` (created on first start) or `postgresql://user@host/db`."))
    api_base_url: str = Field(default=TELEGRAM_API, description=(
        "The Bot API's address; Bale's is `https://tapi.bale.ai/bot`."))
    timezone: str = Field(default="Asia/Tehran", description=(
        "The organisation's IANA time zone, in which dates are shown and reminders are timed."))
    admin_ids: Annotated[tuple[int, ...], NoDecode] = Field(default=(), description=(
        "Comma-separated numeric Telegram user ids who are administrators from the first start."))
    language: Literal["fa", "en"] = Field(default="fa", description=(
        "The language of people who have not chosen one: `fa` or `en`."))
    webhook_url: str | None = Field(default=None, description=(
        "The public https URL the messenger posts updates to; setting it turns webhook mode on."))
    webhook_secret: SecretStr | None = Field(default=None, description=(
        "The webhook's secret (16-256 of `A-Z a-z 0-9 _ -`); unset: a random one per start."))
    webhook_listen: str = Field(default="127.0.0.1", description=(
        "The address Mina's webhook server listens on: plain HTTP behind a TLS proxy (compose "
        "sets 0.0.0.0 on its own network)."))
    webhook_port: int = Field(default=8443, ge=1, le=65535, description=(
        "The webhook server's port; it also answers `GET /healthz`."))
    messenger: Literal["auto", "telegram", "bale"] = Field(default="auto", description=(
        "`telegram` or `bale`; `auto` picks Bale when the API address is on `bale.ai`."))
    demo_port: int = Field(default=8080, ge=0, le=65535, description=(
        "The demo chat page's port (`0`: any free port; a busy one falls back to a free one)."))
    max_upload_mb: int = Field(default=20, ge=1, le=2000, description=(
        "The largest report attachment, in megabytes (Telegram lets bots download up to 20)."))
    concurrent_updates: int = Field(default=16, ge=1, le=256, description=(
        "How many chats' updates are handled at once; one chat's are handled in order."))
    session_weekday: int = Field(default=2, ge=0, le=6, description=(
        "The council's regular weekday, counted from Saturday (0 = Saturday, 2 = Monday)."))
    session_time: time = Field(default=time(10, 0), description=(
        "The regular session's starting time (HH:MM)."))
    session_place: str = Field(default="سالن شورا", description=(
        "The regular session's place, shown in its announcement and reminders."))
    invite_ttl_days: int = Field(default=7, ge=1, le=365, description=(
        "How many days an invitation code stays valid."))
    auth_max_failures: int = Field(default=5, ge=1, le=100, description=(
        "Wrong invitation codes one account may send within the window before it must wait."))
    auth_window_minutes: int = Field(default=15, ge=1, le=1440, description=(
        "The minutes over which wrong invitation codes are counted."))
    auth_cooldown_minutes: int = Field(default=15, ge=1, le=1440, description=(
        "How many minutes an account waits after too many wrong invitation codes."))
    flood_limit: int = Field(default=20, ge=1, description=(
        "Updates one account may send within the flood window; past it, one warning, then "
        "silence."))
    flood_window_seconds: float = Field(default=10.0, gt=0, description=(
        "The seconds over which an account's updates are counted for the flood limit."))
    flood_cooloff_seconds: float = Field(default=30.0, ge=0, description=(
        "How many seconds a flooding account is ignored."))
    report_deadline_days_before: int = Field(default=1, ge=0, le=6, description=(
        "How many days before the session the weekly reports are due."))
    report_deadline_time: time = Field(default=time(12, 0), description=(
        "The time of day the weekly reports are due (HH:MM)."))
    report_trend_weeks: int = Field(default=8, ge=2, le=52, description=(
        "How many weeks the report trend chart covers."))
    heavy_work_processes: int = Field(default=1, ge=1, le=8, description=(
        "Worker processes for exports, charts, minutes parsing and the reminder planner's"
        " passes: at most this many at once, the rest wait; the bot answers everyone else"
        " meanwhile."))
    heavy_work_timeout_seconds: float = Field(default=120.0, gt=0, description=(
        "Seconds one export, chart, minutes parse or planner pass may run before its worker is"
        " stopped."))
    heavy_work_memory_mb: int = Field(default=1024, ge=256, description=(
        "Address-space limit of a worker process, in megabytes; past it the job fails alone."))
    heavy_work_niceness: int = Field(default=19, ge=0, le=19, description=(
        "The worker processes' niceness (0-19). At 19 they take only the CPU the bot and the"
        " database leave idle, so nobody's answer waits for an export; lower it on a machine"
        " other programs keep busy, where exports would otherwise wait for them."))
    max_document_uncompressed_mb: int = Field(default=50, ge=1, description=(
        "A .docx or .pdf whose contents unpack to more megabytes than this is refused unread."))
    self_confirm_allowed: bool = Field(default=False, description=(
        "Whether whoever reported a unit's share done may confirm it themselves (for a "
        "one-person secretariat)."))
    deadline_off_day_moves: bool = Field(default=True, description=(
        "Whether a due date on a Friday or holiday (a resolution's, the weekly reports') moves "
        "to the next working day (`false`: it stays, flagged)."))
    # Delivery (the outbox dispatcher); Telegram's published limits by default.
    delivery_rate_per_second: float = Field(default=30.0, gt=0, description=(
        "Messages a second over all chats together (Telegram allows about 30)."))
    delivery_chat_interval: float = Field(default=1.0, ge=0, description=(
        "Seconds between two messages to the same chat."))
    delivery_group_per_minute: int = Field(default=20, ge=1, description=(
        "Messages a minute to one group chat (Telegram allows 20)."))
    delivery_max_attempts: int = Field(default=5, ge=1, description=(
        "How many times a message is tried when the Bot API fails with a server error or times "
        "out."))
    delivery_backoff_base: float = Field(default=2.0, ge=0, description=(
        "Seconds before the first retry of a failed message; each further retry waits about twice"
        " as long."))
    delivery_backoff_cap: float = Field(default=300.0, ge=0, description=(
        "The longest wait, in seconds, between two retries of a failed message."))
    delivery_send_timeout: float = Field(default=20.0, gt=0, description=(
        "Seconds to wait for the Bot API to answer one send."))
    delivery_lease_seconds: float = Field(default=120.0, gt=0, description=(
        "Seconds before a message claimed by a sender that died is sent by another (over twice "
        "the send timeout)."))
    delivery_poll_seconds: float = Field(default=1.0, gt=0, description=(
        "How often, in seconds, an idle sender looks for new messages to send."))
    delivery_claim_batch: int = Field(default=100, ge=1, le=10_000, description=(
        "How many waiting messages a sender claims at once (1: one at a time)."))
    broadcast_progress_seconds: float = Field(default=3.0, gt=0, description=(
        "How often, in seconds, a running broadcast's progress message is updated."))
    # Reminders, all in the organisation's time zone.
    reminders_enabled: bool = Field(default=True, description=(
        "Whether Mina sends reminders at all (`false`: none are planned)."))
    reminder_interval_seconds: float = Field(default=60.0, gt=0, description=(
        "How often, in seconds, the reminder planner looks for what fell due."))
    reminder_lookback_days: int = Field(default=7, ge=1, description=(
        "How many days back a reminder missed while the bot was down is still sent."))
    reminder_quiet_start: time = Field(default=time(21, 0), description=(
        "From this time of day (HH:MM) reminders wait for the quiet hours to end."))
    reminder_quiet_end: time = Field(default=time(8, 0), description=(
        "The time of day (HH:MM) the quiet hours end and waiting reminders go out."))
    reminder_days_off: Annotated[tuple[int, ...], NoDecode] = Field(default=(6,), description=(
        "Comma-separated weekdays without reminders, counted from Saturday (0 = Saturday, 6 = "
        "Friday)."))
    reminder_thursday_end: time | None = Field(default=None, description=(
        "Thursday as a half day: after this time (HH:MM) reminders wait for the next working "
        "day; empty: Thursday is a full working day."))
    report_reminder_weekday: int = Field(default=0, ge=0, le=6, description=(
        "The weekday of the weekly «send your report» reminder, counted from Saturday (0 = "
        "Saturday)."))
    report_reminder_time: time = Field(default=time(10, 0), description=(
        "The time (HH:MM) of the weekly «send your report» reminder."))
    report_deadline_reminder_time: time = Field(default=time(9, 0), description=(
        "The time (HH:MM), on the deadline's day, of the reminder to units whose report is not "
        "in."))
    reporting_unit_kinds: Annotated[tuple[str, ...], NoDecode] = Field(
        default=("committee",), description=(
        "Comma-separated kinds of unit that send weekly reports, e.g. `committee,office`."))
    session_eve_reminder_time: time = Field(default=time(16, 0), description=(
        "The time (HH:MM), the day before a session, of the reminder with its agenda."))
    session_day_reminder_time: time = Field(default=time(8, 0), description=(
        "The time (HH:MM), on a session's day, of the reminder with its agenda."))
    resolution_reminder_time: time = Field(default=time(9, 0), description=(
        "The time (HH:MM) of the reminders about resolutions' deadlines."))
    resolution_remind_days_before: int = Field(default=2, ge=0, description=(
        "How many days before a resolution is due its units are first reminded."))
    resolution_overdue_every_days: int = Field(default=3, ge=1, description=(
        "Every how many days the units of an overdue resolution are reminded again."))
    resolution_escalate_from: int = Field(default=2, ge=1, description=(
        "From which overdue reminder on (1: the first) the secretariat is told as well."))
    digest_weekday: int = Field(default=1, ge=0, le=6, description=(
        "The weekday of the secretariat's weekly digest, counted from Saturday (1 = Sunday)."))
    digest_time: time = Field(default=time(13, 0), description=(
        "The time (HH:MM) of the secretariat's weekly digest."))
    reminder_daily_cap: int = Field(default=2, ge=1, description=(
        "How many reminder messages a person gets a day at most, besides those of a session "
        "day; the rest waits for the next day."))
    quarterly_report_to: Annotated[tuple[int, ...], NoDecode] = Field(default=(), description=(
        "Comma-separated numeric Telegram user ids who receive the approved quarterly report "
        "(the national headquarters' head, ...); they need not be members."))
    pack_push_time: time | None = Field(default=time(16, 0), description=(
        "The time (HH:MM), the day before a session, its pack goes to every council member "
        "with a «خواندم» button; empty: not pushed."))
    pack_attachments_max_mb: int = Field(default=40, ge=1, le=2000, description=(
        "Megabytes of report attachments fetched for one pack (PDFs appended, images embedded);"
        " past it a file is listed as not attached. Kept under Telegram's 50 MB upload limit."))
    pack_bundle_max_mb: int = Field(default=45, ge=1, le=2000, description=(
        "The largest «بسته کامل» .zip (the pack with every attachment), in megabytes; a larger"
        " one is refused with its size (Telegram bots may send up to 50)."))
    mandatory_reminders: Annotated[tuple[str, ...], NoDecode] = Field(
        default=("report", "resolution"), description=(
        "Comma-separated reminder kinds nobody may mute, among report, session, resolution and "
        "digest."))

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

    @field_validator("webhook_url")
    @classmethod
    def _webhook_telegram_takes(cls, value: str | None, info: ValidationInfo) -> str | None:
        refusal = webhook_refusal(value, info.data.get("api_base_url", "")) if value else None
        if refusal:
            raise ValueError(refusal)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("is not a known time zone") from exc
        return value

    @field_validator("pack_push_time", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("admin_ids", "quarterly_report_to", mode="before")
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
