"""What differs between the messengers Mina runs on (Telegram, Bale), kept in one place."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse


@dataclass(frozen=True)
class PlatformProfile:
    """One messenger's Bot API as Mina uses it."""

    name: str
    deep_link_domain: str
    api_domain: str  # the Bot API host ends with it; how MINA_MESSENGER=auto tells them apart
    supports_command_menu: bool = True
    supports_webhook_secret_header: bool = True

    def deep_link(self, bot_username: str, payload: str | None = None) -> str:
        """A link that opens a chat with the bot (and sends /start payload)."""
        link = f"https://{self.deep_link_domain}/{bot_username}"
        return f"{link}?start={payload}" if payload else link


TELEGRAM = PlatformProfile("telegram", deep_link_domain="t.me", api_domain="telegram.org")
# Bale answers 404 "method not found" for setMyCommands and posts webhooks without the
# X-Telegram-Bot-Api-Secret-Token header, so the secret travels in the webhook path instead.
BALE = PlatformProfile(
    "bale",
    deep_link_domain="ble.ir",
    api_domain="bale.ai",
    supports_command_menu=False,
    supports_webhook_secret_header=False,
)
PLATFORMS = {profile.name: profile for profile in (TELEGRAM, BALE)}


def platform_for_api(api_base_url: str) -> PlatformProfile:
    """The messenger a Bot API base URL belongs to (Telegram unless it is Bale's host)."""
    host = (urlparse(api_base_url).hostname or "").lower()
    return BALE if host == BALE.api_domain or host.endswith("." + BALE.api_domain) else TELEGRAM


def platform_named(name: str) -> PlatformProfile:
    """The profile for settings.platform ("telegram" or "bale")."""
    try:
        return PLATFORMS[name]
    except KeyError:
        raise ValueError(f"unknown platform {name!r}; use one of {sorted(PLATFORMS)}") from None


WEBHOOK_PORTS = (443, 80, 88, 8443)  # the only ports Telegram posts webhooks to


def webhook_refusal(webhook_url: str, api_base_url: str) -> str | None:
    """Why Telegram's own Bot API would refuse this webhook URL (not https, or another port
    than 443, 80, 88 or 8443), or None; a local Bot API server or Bale takes any URL."""
    host = (urlparse(api_base_url).hostname or "").lower()
    if host != "api.telegram.org":
        return None
    parsed = urlparse(webhook_url)
    if parsed.scheme != "https":
        return "is not https, which Telegram requires"
    try:
        port = parsed.port or 443
    except ValueError:
        port = -1
    return None if port in WEBHOOK_PORTS else "has a port Telegram does not post to"
