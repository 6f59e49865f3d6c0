"""The order of a weekly report's questions, and when it depends on the unit's resolutions."""

from __future__ import annotations

import pytest

from mina_bot.reports import steps


def not_asked() -> list[int]:
    raise AssertionError("the resolutions were looked up for a step that does not need them")


@pytest.mark.parametrize(("step", "expected"), [
    (steps.DONE, steps.PLANNED),
    (steps.PLANNED, steps.PROBLEMS),
    ("status.8", "note.8"),
    ("edit:status.8", "edit:note.8"),
    ("edit:done", steps.PREVIEW),
])
def test_steps_that_do_not_depend_on_the_resolutions(step: str, expected: str) -> None:
    assert steps.following(step, not_asked) == expected


@pytest.mark.parametrize(("step", "ids", "expected"), [
    (steps.PROBLEMS, [8, 2], "status.8"),
    (steps.PROBLEMS, [], steps.FILES),
    ("note.8", [8, 2], "status.2"),
    ("note.2", [8, 2], steps.FILES),
    ("note.5", [8, 2], steps.PREVIEW),  # a resolution closed meanwhile
    (steps.FILES, [8], steps.PREVIEW),
    (steps.PREVIEW, [8], steps.PREVIEW),
])
def test_steps_that_follow_the_resolutions(step: str, ids: list[int], expected: str) -> None:
    asked: list[bool] = []
    assert steps.following(step, lambda: asked.append(True) or ids) == expected
    assert asked == [True]
