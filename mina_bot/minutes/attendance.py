"""The attendance at the end of the minutes: members, their stand-ins, others present.

Two layouts: the seed's, a label in the first or last cell of each row («اعضاء», «نماینده»,
«زمان», «سایر حاضرین») and a name a column; or a table with a header row naming columns
(«نام و نام خانوادگی» or «اعضاء», «سمت», «نماینده», «سایر حاضرین»), a person a row.
"""

from __future__ import annotations

from mina_bot.minutes import vocabulary as vocab
from mina_bot.minutes.model import Attendee
from mina_bot.minutes.sources import Block
from mina_bot.minutes.table import cells_of
from mina_bot.persian import match_key, to_latin_digits

_LABELS = vocab.ATTENDANCE_LABELS


def _value(value: str) -> str | None:
    return None if value in ("", "-", "—") else value


def _by_label_rows(rows: list[list[str]]) -> list[Attendee]:
    groups: list[list[dict]] = []
    for cells in rows:
        first, last = match_key(cells[0]), match_key(cells[-1])
        kind = _LABELS.get(last) or _LABELS.get(first)
        if kind is None:
            continue
        values = cells[:-1] if last in _LABELS else cells[1:]
        if kind in ("member", "guest"):
            groups.append([{"name": v, "group": kind} for v in values])
        elif groups:
            for slot, value in zip(groups[-1], values, strict=False):
                slot[kind] = _value(value) if kind != "time" else (
                    _value(value) and to_latin_digits(value))
    return [Attendee(**slot) for group in groups for slot in group if slot["name"]]


def _by_header(header: list[str], rows: list[list[str]]) -> list[Attendee]:
    columns = [_LABELS.get(match_key(c)) for c in header]
    people: list[Attendee] = []
    for cells in rows:
        values = dict(zip(columns, cells, strict=False))
        if values.get("member"):
            people.append(Attendee(name=values["member"], group="member",
                                   stand_in=_value(values.get("stand_in", "")),
                                   role=_value(values.get("role", ""))))
        if values.get("guest"):
            people.append(Attendee(name=values["guest"], group="guest"))
    return people


def read_attendance(blocks: tuple[Block, ...]) -> tuple[Attendee, ...]:
    """Everyone the attendance names, members first as written."""
    rows = [[c.replace("\n", " ") for c in cells_of(b)] for b in blocks if len(b) > 1]
    rows = [r for r in rows if len(r) > 1]
    for i, cells in enumerate(rows):
        kinds = [_LABELS.get(match_key(c)) for c in cells]
        # A header row: every cell a column name, with a member column and another.
        if all(kinds) and "member" in kinds and len(set(kinds)) > 1:
            return tuple(_by_header(cells, rows[i + 1:]))
    return tuple(_by_label_rows(rows))
