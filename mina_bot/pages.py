"""A reply as Telegram takes it: lines fitted under its length limit, buttons in rows, pages."""

from __future__ import annotations

from collections.abc import Sequence

from mina_bot.callbacks import encode
from mina_bot.catalog import text

LIMIT = 4000  # under Telegram's 4096, with room for the page footer
PAGE = 6  # items on a page of a paged list
Buttons = list[list[tuple[str, str]]]  # rows of (label, callback data)


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
