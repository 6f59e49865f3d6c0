"""What every long picker says above its buttons: the page, and that typing narrows it."""

from __future__ import annotations

from mina_bot.pages import Picker, picker_hint

MAX_QUERY = 60  # letters typed to narrow a list; more is not a search


def with_hint(question: str, shown: Picker, query: str | None, lang: str) -> str:
    """The question with «page 2 of 16 …» under it, or what the typed letters found."""
    hint = picker_hint(shown, query, lang)
    return f"{question}\n{hint}" if hint else question
