"""Telegram's message limits on Mina's side: a reply measured as Telegram counts it, and split."""

from __future__ import annotations

import html
import re

MAX_TEXT = 4096  # UTF-16 units of the text after entity parsing
MAX_CAPTION = 1024
ECHO_LIMIT = 700  # characters of user text any one catalog parameter may quote back
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*>")


def utf16_length(s: str) -> int:
    """Length in UTF-16 code units, as Telegram counts."""
    return len(s.encode("utf-16-le")) // 2


def visible_length(markup: str) -> int:
    """The length Telegram counts for an HTML text: tags dropped, entities decoded."""
    return utf16_length(html.unescape(_TAG.sub("", markup)))


def fits(markup: str, limit: int = MAX_TEXT) -> bool:
    """Whether an HTML text is within the limit."""
    return visible_length(markup) <= limit


def _open_tags(markup: str, stack: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (name, opening tag) stack after `markup`, starting from `stack`."""
    stack = list(stack)
    for match in _TAG.finditer(markup):
        name = match.group(2).lower()
        if match.group(1):
            while stack and stack.pop()[0] != name:
                pass
        else:
            stack.append((name, match.group()))
    return stack


def _cut_line(line: str, limit: int) -> list[str]:
    """A single line too long for one message, as plain escaped pieces (its tags dropped)."""
    plain = html.unescape(_TAG.sub("", line))
    pieces, piece = [], ""
    for char in plain:
        if utf16_length(piece + char) > limit:
            pieces.append(html.escape(piece, quote=False))
            piece = ""
        piece += char
    return [*pieces, html.escape(piece, quote=False)] if piece else pieces


def split(markup: str, limit: int = MAX_TEXT) -> list[str]:
    """An HTML text as messages within the limit, cut between lines; a tag open at a cut is
    closed there and opened again in the next part, as Telegram would split a long paste."""
    if fits(markup, limit):
        return [markup]
    budget = limit - 64  # room for the tags closed and reopened at a cut
    parts: list[str] = []
    current: list[str] = []
    stack: list[tuple[str, str]] = []
    head = ""
    for line in markup.split("\n"):
        lines = [line] if visible_length(line) <= budget else _cut_line(line, budget)
        for piece in lines:
            candidate = "\n".join([*current, piece])
            if current and visible_length(head + candidate) > budget:
                body = "\n".join(current)
                closing = "".join(f"</{name}>" for name, _ in reversed(_open_tags(body, stack)))
                parts.append(head + body + closing)
                stack = _open_tags(body, stack)
                head = "".join(tag for _, tag in stack)
                current = []
            current.append(piece)
    if current:
        parts.append(head + "\n".join(current))
    return [part for part in parts if html.unescape(_TAG.sub("", part)).strip()]
