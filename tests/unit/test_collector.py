"""The bot's garbage collector settings after start-up."""

from __future__ import annotations

import gc

from mina_bot.ops.collector import YOUNG_THRESHOLD, freeze_start_up


def test_start_up_objects_are_frozen_and_young_passes_are_rarer() -> None:
    before = gc.get_threshold()
    try:
        kept = [object() for _ in range(10)]  # noqa: F841  a start-up object still referenced
        freeze_start_up()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *before[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
