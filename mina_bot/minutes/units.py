"""Matching the «متولی» spellings of the minutes to units, without a database."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from mina_bot.persian import match_key

# «کمیته‌ها», «کمیته ها», «كميته ها»: every committee.
ALL_COMMITTEES = frozenset({match_key("کمیته‌ها"), match_key("همه کمیته‌ها"),
                            match_key("کلیه کمیته‌ها"), match_key("تمام کمیته‌ها")})
_COMMITTEE_WORD = match_key("کمیته")


@dataclass(frozen=True)
class UnitEntry:
    """A unit as the parser knows it: key, kind and every name it goes by."""

    key: str
    kind: str
    names: tuple[str, ...]


class UnitDirectory:
    """Every unit with its names; `match` turns one spelling into unit keys."""

    def __init__(self, entries: Iterable[UnitEntry]) -> None:
        self.entries = tuple(entries)
        self._by_name: dict[str, str] = {}
        for entry in self.entries:
            for name in (entry.key, *entry.names):
                self._by_name.setdefault(match_key(name), entry.key)

    @classmethod
    def from_yaml(cls, path: Path) -> UnitDirectory:
        """The units of an organisation file (examples/org.yaml's `units:` list)."""
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(
            UnitEntry(key=str(u["key"]), kind=str(u["kind"]),
                      names=(u["name_fa"], u.get("name_en") or "", *(u.get("aliases") or ())))
            for u in data.get("units") or ()
        )

    @classmethod
    def from_units(cls, units: Iterable[object]) -> UnitDirectory:
        """The directory of Unit rows (anything with key, kind, name_fa, name_en, aliases)."""
        return cls(
            UnitEntry(key=u.key, kind=str(u.kind), names=(u.name_fa, u.name_en, *u.aliases))
            for u in units
        )

    def committees(self) -> tuple[str, ...]:
        """The keys of every committee, in directory order."""
        return tuple(e.key for e in self.entries if e.kind == "committee")

    def keys(self) -> tuple[str, ...]:
        """Every unit key, in directory order."""
        return tuple(e.key for e in self.entries)

    def match(self, spelling: str, extra: dict[str, str] | None = None) -> tuple[str, ...]:
        """The unit keys a spelling names (empty when unknown); `extra` maps spellings to keys."""
        key = match_key(spelling)
        if not key:
            return ()
        if key in ALL_COMMITTEES:
            return self.committees()
        chosen = {match_key(name): unit_key for name, unit_key in (extra or {}).items()}
        if (unit_key := chosen.get(key) or self._by_name.get(key)) is not None:
            return (unit_key,)
        # «کمیته طراحی و روش‌شناسی» written «طراحی و روش‌شناسی», or a unique prefix of a name.
        bare = key.removeprefix(_COMMITTEE_WORD)
        found = {k for name, k in self._by_name.items()
                 if name.removeprefix(_COMMITTEE_WORD) == bare
                 or (len(key) >= 6 and name.startswith(key))}
        return (found.pop(),) if len(found) == 1 else ()

    def split(self, cell: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """A «متولی» cell as (spelling, unit keys) parts, the longest known name first.

        Parts are joined by «/», «|», «؛», «،», «,», «و» or line breaks; a run that no unit
        matches stays one unknown spelling, up to the next «/», «|», «؛» or line break.
        """
        pieces = _SEPARATOR.split(cell)
        words, glue = pieces[0::2], [*pieces[1::2], ""]
        parts: list[tuple[str, tuple[str, ...]]] = []
        i, unknown_from = 0, None
        while i < len(words):
            found = next(((j, keys) for j in range(len(words), i, -1)
                          if (keys := self.match(_join(words, glue, i, j)))), None)
            if found is None:
                unknown_from = i if unknown_from is None else unknown_from
                i += 1
                if i == len(words) or _STRONG.search(glue[i - 1]):
                    parts.append((_join(words, glue, unknown_from, i), ()))
                    unknown_from = None
                continue
            if unknown_from is not None:
                parts.append((_join(words, glue, unknown_from, i), ()))
                unknown_from = None
            parts.append((_join(words, glue, i, found[0]), found[1]))
            i = found[0]
        return tuple((name, keys) for name, keys in parts if name)


_SEPARATOR = re.compile(r"(\s*[/／|،,؛;\n\u2028]\s*|\s+و\s+)")
_STRONG = re.compile(r"[/／|؛;\n\u2028]")


def _join(words: list[str], glue: list[str], i: int, j: int) -> str:
    return "".join(w + (glue[k] if k < j - 1 else "") for k, w in enumerate(words[i:j], i)).strip()
