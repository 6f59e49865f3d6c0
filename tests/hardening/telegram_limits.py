"""Telegram's limits on what a bot sends, checked on recorded Bot API calls."""

from __future__ import annotations

import json
from typing import Any

from sandbox.errors import ApiError
from sandbox.formatting import parse_html
from sandbox.limits import MAX_ANSWER_LENGTH as MAX_ANSWER
from sandbox.limits import MAX_BUTTONS, MAX_BUTTONS_PER_ROW, utf16_length
from sandbox.limits import MAX_CALLBACK_DATA as MAX_DATA
from sandbox.limits import MAX_CAPTION_LENGTH as MAX_CAPTION
from sandbox.limits import MAX_TEXT_LENGTH as MAX_TEXT
from tests.hardening.inprocess_api import ApiCall

# Handled by the error handler: a button pressed twice, a press answered before it failed.
TOLERATED = ("message is not modified", "query is too old")


def _plain(source: str, parse_mode: str | None) -> str:
    if (parse_mode or "").lower() != "html":
        return source
    return parse_html(source)[0]


def _markup_problems(markup: Any) -> list[str]:
    if isinstance(markup, str):
        markup = json.loads(markup)
    rows = (markup or {}).get("inline_keyboard") or []
    found = [b for row in rows for b in row]
    problems = [f"{len(found)} buttons"] if len(found) > MAX_BUTTONS else []
    problems += [f"{len(row)} buttons in a row" for row in rows if len(row) > MAX_BUTTONS_PER_ROW]
    problems += [f"callback_data {b['callback_data']!r} over {MAX_DATA} bytes" for b in found
                 if len(str(b.get("callback_data", "")).encode()) > MAX_DATA]
    return problems


def violations(call: ApiCall) -> list[str]:
    """What is wrong with one call: an API error, a limit broken, HTML Telegram would refuse."""
    p = call.params
    problems = [f"{call.method} failed: {call.error}"] if call.error and not any(
        t in call.error.lower() for t in TOLERATED) else []
    try:
        if "text" in p and call.method in ("sendMessage", "editMessageText") and \
                utf16_length(_plain(p["text"], p.get("parse_mode"))) > MAX_TEXT:
            problems.append(f"{call.method} text over {MAX_TEXT}")
        caption = p.get("caption")
        if caption and utf16_length(_plain(caption, p.get("parse_mode"))) > MAX_CAPTION:
            problems.append(f"{call.method} caption over {MAX_CAPTION}")
    except ApiError as error:
        problems.append(f"{call.method} HTML refused: {error.description}")
    if call.method == "answerCallbackQuery" and len(p.get("text") or "") > MAX_ANSWER:
        problems.append(f"callback answer over {MAX_ANSWER}")
    if "reply_markup" in p:
        problems += _markup_problems(p["reply_markup"])
    return [f"{x} in {call.method}({ {k: str(v)[:120] for k, v in p.items()} })"
            for x in problems]
