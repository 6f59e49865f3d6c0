"""Inline-button data: `feature:verb:arg…`, at most 64 bytes, parsed strictly.

Button data comes from the client and is never trusted: a handler decodes it here (anything
malformed is a StaleButton) and then checks the permission against the record it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mina_bot.errors import StaleButton
from storage.types import INTEGER_MAX

MAX_BYTES = 64  # Telegram's limit for callback_data
MAX_ID = INTEGER_MAX  # record ids are INTEGER columns: a bigger one is forged
_PART = re.compile(r"^[A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class ButtonData:
    """A decoded button press."""

    feature: str
    verb: str
    args: tuple[str, ...] = ()

    def int_arg(self, index: int) -> int:
        """Argument `index` as an integer in 0..MAX_ID, or StaleButton."""
        try:
            value = int(self.args[index])
        except (IndexError, ValueError):
            raise StaleButton() from None
        if not 0 <= value <= MAX_ID:
            raise StaleButton()
        return value


def encode(feature: str, verb: str, *args: object) -> str:
    """Button data for a feature's verb with its arguments."""
    parts = [feature, verb, *(str(a) for a in args)]
    if not all(_PART.match(p) for p in parts):
        raise ValueError(f"button data parts must be [A-Za-z0-9_.-]: {parts}")
    data = ":".join(parts)
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"button data over {MAX_BYTES} bytes: {data}")
    return data


def decode(data: str | None, feature: str) -> ButtonData:
    """Parse button data meant for `feature`; anything else is a StaleButton."""
    if not data or len(data.encode()) > MAX_BYTES:
        raise StaleButton()
    parts = data.split(":")
    if len(parts) < 2 or parts[0] != feature or not all(_PART.match(p) for p in parts):
        raise StaleButton()
    return ButtonData(feature=parts[0], verb=parts[1], args=tuple(parts[2:]))

