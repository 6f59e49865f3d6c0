"""What every long picker says above its buttons: the page, and that typing narrows it."""

from __future__ import annotations

from mina_bot.catalog import text
from mina_bot.pages import Picker

MAX_QUERY = 60  # letters typed to narrow a list; more is not a search


def with_hint(question: str, shown: Picker, query: str | None, lang: str) -> str:
    """The question with «page 2 of 16 …» under it, or what the typed letters found."""
    if query and not shown.found:
        hint = text("pick.none", lang, query=query)
    elif query:
        hint = text("pick.found", lang, query=query, count=shown.found, page=shown.page + 1,
                    pages=shown.pages)
    elif shown.pages > 1:
        hint = text("pick.page", lang, page=shown.page + 1, pages=shown.pages, count=shown.found)
    else:
        return question
    return f"{question}\n{hint}"
