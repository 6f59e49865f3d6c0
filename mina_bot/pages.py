"""A reply as Telegram takes it: lines fitted under its length limit, buttons in rows, pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from mina_bot.callbacks import encode
from mina_bot.catalog import text
from mina_bot.persian import match_key

LIMIT = 4000  # under Telegram's 4096, with room for the page footer
PAGE = 6  # items on a page of a paged list
Buttons = list[list[tuple[str, str]]]  # rows of (label, callback data)
T = TypeVar("T")


def fit(lines: Sequence[str], lang: str, limit: int = LIMIT) -> str:
    """Join lines, dropping the tail (with a note saying so) if the message would be too long."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if sum(len(x) + 1 for x in out) + len(line) > limit - 80:
            out.append(text("resolutions.more", lang, count=len(lines) - index))
            break
        out.append(line)
    return "\n".join(out)


def page_count(count: int, size: int = PAGE) -> int:
    """How many pages `count` items fill, `size` to a page (at least one, even when empty)."""
    return max(1, -(-count // size))


def page_nav(feature_verb: tuple[str, str], page: int, pages: int, lang: str, *prefix) -> list:
    """The «previous» / «next» row of a paged list (none on a single page)."""
    row = []
    if page > 0:
        row.append((text("resolutions.button.previous", lang),
                    encode(*feature_verb, *prefix, page - 1)))
    if page + 1 < pages:
        row.append((text("resolutions.button.next", lang),
                    encode(*feature_verb, *prefix, page + 1)))
    return [row] if row else []


PICK_PAGE = 24  # buttons on a page of a picker: two to a row, well under Telegram's 100


@dataclass(frozen=True)
class Picker:
    """One page of a long list of buttons, narrowed by what was typed."""

    rows: Buttons
    page: int
    pages: int
    found: int


def narrowed(items: Sequence[T], query: str | None, name: Callable[[T], str]) -> list[T]:
    """The items whose name contains the typed letters (loosely: spaces, ZWNJs, ی/ي alike)."""
    if not query or not match_key(query):
        return list(items)
    key = match_key(query)
    return [item for item in items if key in match_key(name(item))]


def picker_hint(shown: Picker, query: str | None, lang: str) -> str | None:
    """What a long picker says under its question: «page 2 of 16 …», or what the typed letters
    found (None for a short list shown whole)."""
    if query and not shown.found:
        return text("pick.none", lang, query=query)
    if query:
        return text("pick.found", lang, query=query, count=shown.found, page=shown.page + 1,
                    pages=shown.pages)
    if shown.pages > 1:
        return text("pick.page", lang, page=shown.page + 1, pages=shown.pages, count=shown.found)
    return None


def picker(choices: Sequence[tuple[str, str]], page: int, turn: tuple[str, str], lang: str,
           *prefix: object, per_row: int = 2, size: int = PICK_PAGE) -> Picker:
    """Page `page` (clamped) of (label, data) choices in rows of `per_row`, with the «previous» /
    «next» row whose data is `turn` + prefix + page."""
    pages = page_count(len(choices), size)
    page = min(max(page, 0), pages - 1)
    shown = list(choices[page * size:(page + 1) * size])
    rows = [shown[i:i + per_row] for i in range(0, len(shown), per_row)]
    return Picker(rows + page_nav(turn, page, pages, lang, *prefix), page, pages, len(choices))
