"""What a renderer draws: sections of titled tables of already-localised strings, and trend
series. The PDF lays the sections out as a board book; the XLSX gives each table kind a sheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class When:
    """A moment or a day: a real date in the spreadsheet, its Jalali text everywhere."""

    value: dt.date | dt.datetime  # naive, local time
    text: str


Cell = str | int | When


@dataclass(frozen=True)
class Table:
    """A table of one kind: a section's grid in the PDF; its rows go to the sheet `sheet`."""

    sheet: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]  # relative column widths, in characters
    empty: str = ""  # what to say when there are no rows
    caption: str = ""  # a heading over the grid in the PDF
    group: str = ""  # the XLSX sheet's first column: whose rows these are (e.g. the unit)
    group_column: str = ""  # that column's header
    merge: int = 0  # leading columns the PDF leaves blank where they repeat the row above
    inline: bool = False  # the PDF prints its one row as a line «header: value — …»


@dataclass(frozen=True)
class Photo:
    """An image a report sent: fetched by the handler (data), embedded in the PDF."""

    file_id: str
    caption: str
    data: bytes | None = None


PDF, IMAGE, OTHER = "pdf", "image", "other"  # what an attachment is to the pack
PAGE_LIMIT = 300  # pages of one PDF attachment appended to the pack


class NotAttached(StrEnum):
    """Why a report's file is only listed, not in the pack."""

    TOO_BIG = "too_big"  # over the per-file download limit
    OVER_TOTAL = "over_total"  # the pack's total for attachments was reached
    UNAVAILABLE = "unavailable"  # the messenger would not give it
    TIMED_OUT = "timed_out"  # fetching or reading it took too long
    DAMAGED = "damaged"  # not a readable PDF or image
    ENCRYPTED = "encrypted"
    TOO_MANY_PAGES = "too_many_pages"
    TOO_HEAVY = "too_heavy"  # reading it needed more memory than a worker has


@dataclass(frozen=True)
class Attached:
    """A file a report sent, listed under its committee; its bytes (data) once fetched and,
    for a PDF or an image, found readable: a PDF is appended, an image embedded, all zipped."""

    file_id: str
    name: str
    kind: str  # PDF, IMAGE or OTHER
    size: int  # bytes, as the messenger declared
    data: bytes | None = None


@dataclass(frozen=True)
class Section:
    """A part of the book, bookmarked: its lines, its tables, then its photos."""

    title: str
    lines: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    level: int = 0
    photos: tuple[Photo, ...] = ()
    attachments: tuple[Attached, ...] = ()


@dataclass(frozen=True)
class Pack:
    """A session (or quarter) pack: its cover and sections, every string ready to print."""

    title: str
    cover: tuple[str, ...]
    generated: str
    page_label: str  # a template with {page} and {pages}
    sections: tuple[Section, ...]
    file_stem: str  # e.g. "mina-session-12" (Latin, for the file name)
    lang: str = "fa"
    jalali_label: str = "{column} (شمسی)"  # the XLSX column beside a date column

    @property
    def rtl(self) -> bool:
        """Whether the pack reads right to left."""
        return self.lang == "fa"

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table, in the book's order."""
        return tuple(t for s in self.sections for t in s.tables)


@dataclass(frozen=True)
class TrendWeek:
    """One week of the compliance trend."""

    label: str
    on_time: int
    late: int
    missing: int


@dataclass(frozen=True)
class Trend:
    """Which units reported on time over the last weeks."""

    title: str
    weeks: tuple[TrendWeek, ...]
    on_time_label: str
    late_label: str
    missing_label: str
    axis_label: str
    lang: str = "fa"


@dataclass(frozen=True)
class Charted:
    """A pack whose photos named in `charts` are drawn (in the worker) from these series."""

    pack: Pack
    charts: tuple[tuple[str, Trend], ...]
