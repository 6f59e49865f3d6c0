"""Inline keyboards from the core's button rows, each serialised once however often it is sent."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from telegram import InlineKeyboardMarkup
from telegram._utils.types import JSONDict

Rows = Sequence[Sequence[tuple[str, str]]]


class PackedKeyboard(InlineKeyboardMarkup):
    """An InlineKeyboardMarkup kept as its JSON form alone.

    PTB's to_dict walks every button by introspection, which cost more than the rest of a
    cached «what do I owe?» answer; and thousands of kept keyboards of button objects (each
    with its own dict and mapping) made every full garbage collection walk tens of thousands
    of objects, a pause of 100 ms and more under load (README, Benchmarks).
    """

    __slots__ = ("_packed",)

    def __init__(self, rows: tuple[tuple[tuple[str, str], ...], ...]) -> None:
        super().__init__(())
        with self._unfrozen():
            self._id_attrs = (rows,)
            self._packed = {"inline_keyboard": tuple(
                tuple({"text": label, "callback_data": data} for label, data in row)
                for row in rows)}

    def to_dict(self, recursive: bool = True) -> JSONDict:
        """The JSON form, computed when the keyboard was made."""
        return dict(self._packed)


@functools.lru_cache(maxsize=4096)
def _packed(rows: tuple[tuple[tuple[str, str], ...], ...]) -> PackedKeyboard:
    return PackedKeyboard(rows)


def keyboard(rows: Rows | None) -> InlineKeyboardMarkup | None:
    """Rows of (label, callback data) as an inline keyboard; None when there are none."""
    packed = tuple(tuple((label, data) for label, data in row) for row in rows or () if row)
    return _packed(packed) if packed else None
