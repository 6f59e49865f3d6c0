"""Inline keyboards from the core's button rows."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

Rows = Sequence[Sequence[tuple[str, str]]]


def keyboard(rows: Rows | None) -> InlineKeyboardMarkup | None:
    """Rows of (label, callback data) as an inline keyboard; None when there are none."""
    buttons = [[InlineKeyboardButton(label, callback_data=data) for label, data in row]
               for row in rows or () if row]
    return InlineKeyboardMarkup(buttons) if buttons else None
