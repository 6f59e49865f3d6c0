"""What a renderer draws: titled tables of already-localised strings, and trend series."""

from __future__ import annotations

from dataclasses import dataclass

Cell = str | int


@dataclass(frozen=True)
class Table:
    """One part of the pack: a sheet in the XLSX, a section in the PDF."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]  # relative column widths, in characters
    empty: str = ""  # what to say when there are no rows


@dataclass(frozen=True)
class Pack:
    """A session (or quarter) pack: headings and its tables, every string ready to print."""

    title: str
    subtitle: str
    generated: str
    page_label: str  # a template with {page} and {pages}
    tables: tuple[Table, ...]
    file_stem: str  # e.g. "mina-session-12" (Latin, for the file name)
    lang: str = "fa"

    @property
    def rtl(self) -> bool:
        """Whether the pack reads right to left."""
        return self.lang == "fa"


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
