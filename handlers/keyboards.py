"""Inline keyboards from the core's button rows, each serialised once however often it is sent."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from telegram import InlineKeyboardMarkup
from telegram._utils.types import JSONDict

Rows = Sequence[Sequence[tuple[str, str]]]


class PackedKeyboard(InlineKeyboardMarkup):
    """An InlineKeyboardMarkup kept as its rows of (caption, data) alone.

    PTB's to_dict walks every button by introspection, which cost more than the rest of a
    cached «what do I owe?» answer; and thousands of kept keyboards of button objects (each
    with its own dict and mapping) made every full garbage collection walk tens of thousands
    of objects, a pause of 100 ms and more under load (README, Benchmarks). The JSON form is
    built when sent: a few small dicts cost microseconds, and kept they cost memory.
    """

    __slots__ = ("_rows",)

    def __init__(self, rows: tuple[tuple[tuple[str, str], ...], ...]) -> None:
        super().__init__(())
        with self._unfrozen():
            self._id_attrs = (rows,)
            self._rows = rows

    def to_dict(self, recursive: bool = True) -> JSONDict:
        """The JSON form."""
        return {"inline_keyboard": [[{"text": label, "callback_data": data} for label, data in row]
                                    for row in self._rows]}


@functools.lru_cache(maxsize=4096)
def _packed(rows: tuple[tuple[tuple[str, str], ...], ...]) -> PackedKeyboard:
    return PackedKeyboard(rows)


def keyboard(rows: Rows | None) -> InlineKeyboardMarkup | None:
    """Rows of (label, callback data) as an inline keyboard; None when there are none."""
    # tuple() of a (label, data) tuple is that tuple: a kept page's buttons are not copied.
    packed = tuple(tuple(map(tuple, row)) for row in rows or () if row)
    return _packed(packed) if packed else None
