"""What a resubmitted report changed since its previous version: answers added, changed or
removed, resolution statuses, files added or removed (the secretariat's copy says this
instead of a second full copy)."""

from __future__ import annotations

from typing import Any

from mina_bot.catalog import text
from mina_bot.persian import shorten
from mina_bot.reports.questions import label, of_content
from mina_bot.reports.render import progress_label

EXCERPT = 300  # characters of a changed answer quoted in the copy


def _answer(content: dict[str, Any], question: str) -> str:
    return ((content.get("answers") or {}).get(question) or {}).get("text") or ""


def _progress(content: dict[str, Any]) -> dict[int, tuple[dict, str, str]]:
    return {p["resolution_id"]: (p, p.get("progress") or "", p.get("text") or "")
            for p in content.get("progress", [])}


def _files(content: dict[str, Any]) -> dict[str, str]:
    return {a.get("file_unique_id") or a.get("file_id"): a.get("file_name") or ""
            for a in content.get("attachments", [])}


def changes(before: dict[str, Any], after: dict[str, Any], lang: str) -> list[str]:
    """One line per change, in the report's order; empty when nothing changed."""
    lines = []
    asked = {q["key"]: q for q in (*of_content(before), *of_content(after))}  # after's names
    for key, question in asked.items():
        old, new = _answer(before, key), _answer(after, key)
        if old == new:
            continue
        kind = "added" if not old else "removed" if not new else "changed"
        lines.append(text(f"reports.change.answer_{kind}", lang, question=label(question, lang),
                          answer=shorten(new or old, EXCERPT)))
    old_progress, new_progress = _progress(before), _progress(after)
    for rid, (item, status, note) in new_progress.items():
        _, was, was_note = old_progress.get(rid, (item, "", ""))
        if (was, was_note) != (status, note):
            lines.append(text("reports.change.progress", lang, number=item["number"],
                              session=item["session_number"],
                              before=progress_label(was or None, lang),
                              after=progress_label(status or None, lang),
                              note=shorten(note, EXCERPT) if note != was_note else ""))
    old_files, new_files = _files(before), _files(after)
    photo = text("reports.view.photo", lang)
    lines += [text("reports.change.file_added", lang, name=new_files[k] or photo)
              for k in new_files if k not in old_files]
    lines += [text("reports.change.file_removed", lang, name=old_files[k] or photo)
              for k in old_files if k not in new_files]
    return lines


def change_message(before: dict[str, Any], after: dict[str, Any], version: int,
                   lang: str) -> str:
    """The body of a resubmission's copy: what changed since version `version - 1`."""
    lines = changes(before, after, lang)
    head = text("reports.change.heading", lang, version=version, previous=version - 1)
    return "\n".join([head, *(lines or [text("reports.change.none", lang)])])
