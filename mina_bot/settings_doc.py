"""The settings table of docs/settings.md, rendered from the `Settings` fields' descriptions.

`python -m mina_bot.settings_doc` rewrites the table between the markers in docs/settings.md;
`--check` only says whether it is current (a unit test does the same).
"""

from __future__ import annotations

import sys
from datetime import time
from pathlib import Path

from mina_bot.settings import Settings

PAGE = Path(__file__).resolve().parents[1] / "docs" / "settings.md"
START, END = "<!-- settings:start -->", "<!-- settings:end -->"


def env_name(field: str) -> str:
    """The environment variable that sets a field, e.g. MINA_BOT_TOKEN."""
    return f"{Settings.model_config['env_prefix']}{field.upper()}"


def shown_default(value: object) -> str:
    """A default as an operator would write it in .env."""
    if value is None or value == ():
        return "—"
    if isinstance(value, bool):
        shown = str(value).lower()
    elif isinstance(value, time):
        shown = value.strftime("%H:%M")
    elif isinstance(value, tuple):
        shown = ",".join(str(item) for item in value)
    elif isinstance(value, float) and value.is_integer():
        shown = str(int(value))
    else:
        shown = str(value)
    return f"`{shown}`"


def settings_table() -> str:
    """One row per field of `Settings`, in declaration order."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        if not field.description:
            raise ValueError(f"Settings.{name} has no description")
        meaning = field.description.replace("|", "\\|")
        rows.append(f"| `{env_name(name)}` | {shown_default(field.default)} | {meaning} |")
    return "\n".join(rows)


def with_table(readme: str) -> str:
    """The page's text with the generated table between its markers."""
    before, found, rest = readme.partition(START)
    _, ended, after = rest.partition(END)
    if not found or not ended:
        raise ValueError(f"docs/settings.md has no {START} … {END} section")
    return f"{before}{START}\n{settings_table()}\n{END}{after}"


def main(argv: list[str]) -> int:
    """Rewrite docs/settings.md's settings table, or with --check report whether it is current."""
    text = PAGE.read_text(encoding="utf-8")
    current = with_table(text)
    if "--check" in argv:
        if current != text:
            print("docs/settings.md is out of date: python -m mina_bot.settings_doc")
            return 1
        return 0
    PAGE.write_text(current, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
