"""The steps of a weekly report, in order, as names stored in current_step: its questions (by
their keys, from the report's questionnaire), each resolution's status and note, files, preview."""

from __future__ import annotations

from collections.abc import Callable, Sequence

FILES, PREVIEW = "files", "preview"
DONE, PLANNED, PROBLEMS = "done", "planned", "problems"  # the keys of version 1's questions
PROGRESS = "progress"  # the question name of a resolution's status answer
_EDIT = "edit:"


def status_step(resolution_id: int) -> str:
    """The step asking a resolution's status (buttons)."""
    return f"status.{resolution_id}"


def note_step(resolution_id: int) -> str:
    """The step asking the one line that goes with a resolution's status."""
    return f"note.{resolution_id}"


def resolution_of(step: str) -> int | None:
    """The resolution a status/note step is about, or None."""
    base = bare(step)
    if base.startswith(("status.", "note.")):
        return int(base.split(".", 1)[1])
    return None


def is_question(step: str) -> bool:
    """Whether the step asks one of the questionnaire's questions (typed text)."""
    base = bare(step)
    return base not in (FILES, PREVIEW) and not base.startswith(("status.", "note."))


def is_editing(step: str) -> bool:
    """Whether the step was opened from the preview's «ویرایش» (then back to the preview)."""
    return step.startswith(_EDIT)


def editing(step: str) -> str:
    """The same step, opened from the preview."""
    return step if is_editing(step) else _EDIT + step


def bare(step: str) -> str:
    """The step without its editing mark."""
    return step.removeprefix(_EDIT)


def plan(questions: Sequence[str], resolution_ids: Sequence[int]) -> list[str]:
    """Every step a report goes through, in order (`questions`: the keys of its questions)."""
    return [*questions, *(status_step(r) for r in resolution_ids), FILES, PREVIEW]


def following(step: str, questions: Sequence[str],
              resolution_ids: Callable[[], Sequence[int]]) -> str:
    """The step after `step` (the preview after an edit; a note after a status).

    `resolution_ids` is called only when the answer depends on them: between the text questions
    it does not, and asking the database on every answer would cost a query each time.
    """
    if is_editing(step):
        base = bare(step)
        return editing(note_step(resolution_of(base))) if base.startswith("status.") else PREVIEW
    if step.startswith("status."):
        return note_step(resolution_of(step))
    if step in questions[:-1]:
        return questions[list(questions).index(step) + 1]
    if step.startswith("note."):
        step = status_step(resolution_of(step))
    steps = plan(questions, resolution_ids())
    if step not in steps:
        return PREVIEW
    return steps[min(steps.index(step) + 1, len(steps) - 1)]
