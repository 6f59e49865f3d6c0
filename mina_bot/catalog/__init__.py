"""The message catalog: every text a user sees, Persian first, with escaped parameters."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from importlib import import_module
from typing import Any

from mina_bot.message_size import ECHO_LIMIT
from mina_bot.persian import shorten, to_persian_digits

LANGUAGES = ("fa", "en")
# One module per feature; each exports TEXTS = {key: {"fa": ..., "en": ...}}.
_MODULES = (
    "general", "safety", "organisation", "sessions", "resolutions", "minutes",
    "reports", "export", "delivery", "reminders", "broadcast", "shares", "calendar",
    "attendance", "groups", "quarterly", "report_questions", "holidays",
)


class Safe(str):
    """A fragment that is already valid HTML (rendered from the catalog), not user text."""

    __slots__ = ()


def _load() -> dict[str, Mapping[str, str]]:
    texts: dict[str, Mapping[str, str]] = {}
    for name in _MODULES:
        module = import_module(f"mina_bot.catalog.{name}")
        clash = texts.keys() & module.TEXTS.keys()
        if clash:
            raise RuntimeError(f"catalog keys defined twice: {sorted(clash)}")
        texts.update(module.TEXTS)
    return texts


TEXTS = _load()


def render_param(value: object, lang: str) -> str:
    """Escape user text for HTML, shortened: the one place every echo of it passes (anything
    meant whole is rendered by the caller and passed as Safe); numbers in the reader's digits."""
    if isinstance(value, Safe):
        return str(value)
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int):
        return to_persian_digits(str(value)) if lang == "fa" else str(value)
    return html.escape(shorten(str(value), ECHO_LIMIT), quote=False)


def text(key: str, lang: str = "fa", /, **params: object) -> str:
    """The catalog text `key` in `lang` (Persian when missing), parameters escaped."""
    entry = TEXTS[key]
    template = entry.get(lang) or entry["fa"]
    if not params:
        return template
    return template.format(**{name: render_param(v, lang) for name, v in params.items()})


def label(key: str, lang: str = "fa", /, **params: object) -> str:
    """A button's caption: like text(), but buttons show plain text, so names are not escaped
    («&», not «&amp;»); numbers still in the reader's digits."""
    return text(key, lang, **{name: v if isinstance(v, int) else Safe(str(v))
                              for name, v in params.items()})


def name_in(record: Any, lang: str) -> str:
    """A record's name (a unit's: `name_fa`, `name_en`) in the reader's language (Persian when
    it has no English one)."""
    return (getattr(record, "name_en", None) or record.name_fa) if lang == "en" else record.name_fa


def join(items: Iterable[str], lang: str) -> str:
    """Items as a list in the reader's language: «الف، ب» or "a, b"."""
    return text("list.separator", lang).join(items)


def safe_text(key: str, lang: str = "fa", /, **params: object) -> Safe:
    """Like text(), marked safe for embedding in another catalog text."""
    return Safe(text(key, lang, **params))
