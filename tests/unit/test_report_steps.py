"""The order of a weekly report's questions, and when it depends on the unit's resolutions."""

from __future__ import annotations

import pytest

from mina_bot.reports import steps

V1 = (steps.DONE, steps.PLANNED, steps.PROBLEMS)


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
    assert steps.following(step, V1, not_asked) == expected


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
    assert steps.following(step, V1, lambda: asked.append(True) or ids) == expected
    assert asked == [True]


def test_answering_every_step_walks_the_plan_in_order_with_a_note_after_each_status() -> None:
    ids = [8, 2]
    walked, step = [steps.DONE], steps.DONE
    while step != steps.PREVIEW:
        step = steps.following(step, V1, lambda: ids)
        walked.append(step)
    assert walked == ["done", "planned", "problems", "status.8", "note.8", "status.2",
                      "note.2", "files", "preview"]
    assert [s for s in walked if not s.startswith("note.")] == steps.plan(V1, ids)


@pytest.mark.parametrize("step", ["edit:note.8", "edit:problems", "edit:files"])
def test_an_answer_given_from_the_preview_goes_back_to_it(step: str) -> None:
    assert steps.following(step, V1, not_asked) == steps.PREVIEW


@pytest.mark.parametrize(("step", "resolution"), [
    ("status.12", 12), ("note.7", 7), ("edit:status.3", 3), ("edit:note.40", 40),
    (steps.DONE, None), (steps.FILES, None), ("edit:planned", None),
])
def test_the_resolution_a_step_asks_about(step: str, resolution: int | None) -> None:
    assert steps.resolution_of(step) == resolution


def test_marking_a_step_as_edited_is_idempotent_and_reversible() -> None:
    edited = steps.editing("status.8")
    assert edited == "edit:status.8" and steps.editing(edited) == edited
    assert steps.is_editing(edited) and not steps.is_editing("status.8")
    assert steps.bare(edited) == "status.8" and steps.bare("status.8") == "status.8"


def test_a_questionnaire_of_its_own_is_walked_in_its_order() -> None:
    questions = ("q5", steps.PROBLEMS)
    assert steps.following("q5", questions, not_asked) == steps.PROBLEMS
    assert steps.following(steps.PROBLEMS, questions, lambda: []) == steps.FILES
    assert steps.plan(questions, [3]) == ["q5", "problems", "status.3", "files", "preview"]
    assert steps.is_question("q5") and steps.is_question("edit:q5")
    assert not any(steps.is_question(s) for s in ("files", "preview", "status.3", "note.3"))
