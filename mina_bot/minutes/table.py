"""Finding the resolution table and reading its rows, in whatever layout the minutes use.

Tab-separated or Word table rows, Markdown pipe rows, or a numbered list whose items carry
their units and deadline after labels («مسئول: …؛ مهلت: …») or in a closing parenthesis.
Every line of the table region is a row, a continuation of the previous subject, a line
skipped with its reason, or a problem; none is dropped in silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mina_bot.minutes import vocabulary as vocab
from mina_bot.minutes.model import Problem, Skipped
from mina_bot.minutes.sources import Block
from mina_bot.minutes.units import UnitDirectory
from mina_bot.persian import match_key, normalize, shorten, to_latin_digits

NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[)\-.:]\s*")
_ITEM = re.compile(r"^\s*(?:(\d{1,3})\s*[)\-.:]|[-–—•*▪●])\s*")
_PIPE_SEPARATOR = re.compile(r"^[\s|:\-–—]+$")
_SEED_ORDER = (vocab.DEADLINE, vocab.UNITS, vocab.SUBJECT)


@dataclass
class RawRow:
    """One resolution as written: its cells' texts, before units and deadline are read."""

    line: int
    subject: str
    units: str
    deadline: str = ""
    number: str = ""


@dataclass
class Table:
    """What the table region holds, and where it ends (the index of the first block after)."""

    rows: list[RawRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    end: int = 0


def cells_of(block: Block) -> list[str]:
    """A block's cells as text (a cell's paragraphs joined by line breaks), or a pipe row's."""
    if len(block) == 1:
        only = block[0][0] if len(block[0]) == 1 else ""
        if only.strip().startswith("|") and only.count("|") >= 2:
            inner = only.strip().strip("|")
            return [normalize(c.replace("\\|", "|")) for c in re.split(r"(?<!\\)\|", inner)]
    cells = ["\n".join(normalize(p) for p in cell if normalize(p)) for cell in block]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return cells


def text_of(block: Block) -> str:
    """A block as one line of text."""
    return normalize(" ".join(p for cell in block for p in cell))


def header_columns(cells: list[str]) -> list[str | None] | None:
    """The column of each header cell, when the cells are a resolution table's header."""
    if len(cells) < 2:
        return None
    columns = [vocab.HEADER_KEYS.get(match_key(c.strip("*:： "))) for c in cells]
    unknown = sum(1 for c, col in zip(cells, columns, strict=True) if c and col is None)
    if vocab.SUBJECT in columns and (vocab.UNITS in columns or vocab.DEADLINE in columns) \
            and unknown <= 1:
        return columns
    return None


def is_heading(line: str) -> bool:
    """A section heading or label: «#### …», «**…**», «… :» or a known label."""
    s = line.strip()
    if s.startswith("#") or (s.startswith("**") and s.endswith("**")):
        return True
    if s.endswith((":", "：")) and "\t" not in s:
        return True
    key = match_key(s.lstrip("#").strip("*:： -"))
    return bool(vocab.NEXT_SESSION_LINE.match(normalize(s.lstrip("#* "))) or any(
        key.startswith(k) for k in (*vocab.NEXT_AGENDA_LABELS, *vocab.END_LABELS)))


def _skip_reason(line: str) -> str | None:
    if not line.strip():
        return "blank"
    latin = to_latin_digits(line)
    if vocab.FOOTER.match(latin):
        return "footer"
    if vocab.PAGE_HEADER.match(line):
        return "page_header"
    return None


def _problem(key: str, line: int, row: int, text: str, **params: object) -> Problem:
    return Problem(key, (("row", row), ("line", line), ("text", shorten(text, 60)),
                         *params.items()))


def find_table(blocks: tuple[Block, ...], units: UnitDirectory) -> Table | None:
    """The resolution table: by its header, else in the seed's column order, else a list."""
    for i, block in enumerate(blocks):
        columns = header_columns(cells_of(block))
        if columns is not None:
            return _read_cells(blocks, i + 1, columns)
    for i, block in enumerate(blocks):
        cells = cells_of(block)
        if len(cells) >= 3 and NUMBERED.match(to_latin_digits(cells[2])):
            return _read_cells(blocks, i, list(_SEED_ORDER))
        if len(cells) >= 3 and NUMBERED.match(to_latin_digits(cells[0])):
            return _read_cells(blocks, i, list(reversed(_SEED_ORDER)))
    labels = [i for i, b in enumerate(blocks) if match_key(text_of(b).strip("#*:： "))
              in vocab.RESOLUTIONS_LABELS]
    for first in (*labels[:1], 0):
        for i in range(first, len(blocks)):
            if len(blocks[i]) == 1 and _list_item(text_of(blocks[i]), units) is not None:
                return _read_list(blocks, i, units)
    return None


def _read_cells(blocks: tuple[Block, ...], start: int, columns: list[str | None]) -> Table:
    table, pending = Table(end=len(blocks)), []
    subject_at, width = columns.index(vocab.SUBJECT), len(columns)
    partial: tuple[int, list[str]] | None = None  # a row whose cell broke over lines

    def close(line: int, cells: list[str]) -> None:
        table.skipped.extend(pending)
        pending.clear()
        values = {col: cells[k] if k < len(cells) else "" for k, col in enumerate(columns)
                  if col is not None}
        if not values.get(vocab.SUBJECT) or (len(cells) < width and not all(values.values())):
            table.problems.append(_problem(
                "minutes.error.row_columns", line, len(table.rows) + 1, " | ".join(cells),
                columns=len(cells)))
            return
        table.rows.append(RawRow(
            line=line, subject=values[vocab.SUBJECT].replace("\n", " "),
            units=values.get(vocab.UNITS, ""), deadline=values.get(vocab.DEADLINE, ""),
            number=values.get(vocab.NUMBER, "")))

    for i in range(start, len(blocks)):
        line, cells, text = i + 1, cells_of(blocks[i]), text_of(blocks[i])
        reason = _skip_reason(text)
        if reason is None and len(cells) >= 2:
            if header_columns(cells) == columns:
                reason = "repeated_header"
            elif _PIPE_SEPARATOR.match(text):
                reason = "separator"
            elif _attendance_row(cells):
                table.end = i
                break
            elif partial is None and sum(1 for c in cells if c) == 1 and not (
                    subject_at < len(cells) and cells[subject_at]):
                reason = "merged_row"
        if reason is not None:
            pending.append(Skipped(line, shorten(text, 80), reason))
            continue
        single = len(cells) == 1 or sum(1 for c in cells if c) == 1
        if single and is_heading(text):
            table.end = i
            break
        raw = len(cells) if len(blocks[i]) == 1 else len(blocks[i])
        if partial is not None and raw < width:
            # Pasted from Word, a cell with line breaks spreads its row over several lines.
            first, *rest = cells if not single else [text]
            partial[1][-1] = f"{partial[1][-1]} {first}".strip()
            partial[1].extend(rest)
            if len(partial[1]) >= width:
                close(*partial)
                partial = None
            continue
        if partial is not None:
            close(*partial)
            partial = None
        if single and table.rows and not NUMBERED.match(to_latin_digits(text)):
            table.skipped.extend(pending)
            pending.clear()
            table.rows[-1].subject += " " + text
        elif raw < width:
            partial = (line, list(cells) if not single else [text])
        else:
            close(line, [*cells, *[""] * (raw - len(cells))])
    if partial is not None:
        close(*partial)
    table.skipped.extend(s for s in pending if s.reason != "blank")
    return table


def _attendance_row(cells: list[str]) -> bool:
    labels = vocab.ATTENDANCE_LABELS
    return match_key(cells[0]) in labels or match_key(cells[-1]) in labels


def _list_item(text: str, units: UnitDirectory) -> RawRow | None:
    """A numbered item with labels («مسئول: …؛ مهلت: …») or a closing parenthesis of units."""
    item = _ITEM.match(to_latin_digits(text))
    if item is None:
        return None
    body = text[item.end():].strip()
    labels = list(vocab.LIST_LABEL.finditer(body))
    if labels:
        fields = {}
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(body)
            column = vocab.HEADER_KEYS.get(match_key(m[1]))
            fields[column] = body[m.end():end].strip(" ؛;،,.)(-–")
        subject = body[:labels[0].start()].strip(" ؛;،,.(-–")
        return RawRow(0, subject, fields.get(vocab.UNITS, ""), fields.get(vocab.DEADLINE, ""),
                      item[1] or "")
    paren = re.search(r"\(([^()]+)\)\s*[.؛]?\s*$", body)
    if paren is None:
        return None
    parts = [p.strip() for p in re.split(r"\s+[-–—]\s+|؛|;|\s*\|\s*", paren[1]) if p.strip()]
    if len(parts) == 1 and "،" in parts[0]:
        head, _, tail = parts[0].rpartition("،")
        parts = [head, tail]
    units_text = parts[0] if len(parts) > 1 else paren[1]
    if not any(keys for _, keys in units.split(units_text)):
        return None
    deadline = parts[-1] if len(parts) > 1 else ""
    return RawRow(0, body[:paren.start()].strip(), units_text, deadline, item[1] or "")


def _read_list(blocks: tuple[Block, ...], start: int, units: UnitDirectory) -> Table:
    table, texts, pending = Table(end=len(blocks)), [], []
    for i in range(start, len(blocks)):
        text, line = text_of(blocks[i]), i + 1
        reason = _skip_reason(text)
        if reason is not None:
            pending.append(Skipped(line, shorten(text, 80), reason))
            continue
        if _ITEM.match(to_latin_digits(text)):
            texts.append([line, text])
        elif is_heading(text) or len(blocks[i]) > 1 or (
                pending and pending[-1].reason == "blank"):
            table.end = i
            break
        else:
            texts[-1][1] += " " + text
        table.skipped.extend(pending)
        pending = []
    table.skipped.extend(s for s in pending if s.reason != "blank")
    for line, text in texts:
        row = _list_item(text, units)
        if row is None:
            table.problems.append(_problem("minutes.error.list_item", line,
                                           len(table.rows) + 1, text))
            continue
        row.line = line
        table.rows.append(row)
    return table
