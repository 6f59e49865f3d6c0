"""Differences between the messengers the sandbox imitates, kept in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """What one messenger's Bot API supports."""

    name: str
    unsupported_methods: frozenset[str] = frozenset()
    sends_webhook_secret: bool = True

    def supports(self, method: str) -> bool:
        """Whether the method exists here (names compare case-insensitively)."""
        return method.lower() not in self.unsupported_methods


TELEGRAM = Profile("telegram")
BALE = Profile(
    "bale",
    unsupported_methods=frozenset({"setmycommands", "getmycommands", "deletemycommands"}),
    sends_webhook_secret=False,
)
PROFILES = {profile.name: profile for profile in (TELEGRAM, BALE)}


def profile_named(name: str) -> Profile:
    """The profile called name, or ValueError listing the known ones."""
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(
            f"unknown sandbox profile {name!r}; use one of {sorted(PROFILES)}"
        ) from None
