"""The pack as an XLSX workbook: a cover sheet, then a right-to-left sheet per kind of table,
each with its header, an autofilter, real date cells with their Jalali text beside, and never
a formula."""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from mina_bot.export.dto import Pack, Table, When

_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DATE, _MOMENT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"


def _as_text(cells) -> None:
    """Cells a spreadsheet would read as a formula are kept as quoted text."""
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_STARTS):
            cell.data_type, cell.quotePrefix = "s", True


def _sheet_title(title: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", title)[:28].strip() or "Sheet"
    name, n = base, 2
    while name in taken:
        name, n = f"{base} {n}", n + 1
    taken.add(name)
    return name


class _Sheet:
    """One sheet's columns (a date column gains its Jalali twin) and its rows."""

    def __init__(self, sheet, tables: list[Table], pack: Pack) -> None:
        table = tables[0]
        self.sheet, self.grouped = sheet, bool(table.group_column)
        self.dates = {i for t in tables for row in t.rows for i, v in enumerate(row)
                      if isinstance(v, When)}
        header, widths = [], []
        if self.grouped:
            header.append(table.group_column)
            widths.append(24)
        for i, (column, width) in enumerate(zip(table.columns, table.widths, strict=True)):
            header.append(column)
            widths.append(max(width, 12) if i in self.dates else width)
            if i in self.dates:
                header.append(pack.jalali_label.format(column=column))
                widths.append(16)
        sheet.append(header)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(6, width)
        self.empty = table.empty

    def add(self, table: Table) -> None:
        """Append a table's rows (its group first)."""
        for row in table.rows:
            values: list = [table.group] if self.grouped else []
            for i, value in enumerate(row):
                if isinstance(value, When):
                    values += [value.value, value.text]
                elif i in self.dates:
                    values += [None, value]  # no date in this row: its text only
                else:
                    values.append(value)
            self.sheet.append(values)


def _finish(sheet, rtl: bool, empty: str) -> None:
    sheet.sheet_view.rightToLeft = rtl
    align = Alignment(horizontal="right" if rtl else "left", vertical="top", wrap_text=True)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = Font(bold=True), _HEADER_FILL, align
    if sheet.max_row == 1 and empty:
        sheet.append([empty])
    for row in sheet.iter_rows(min_row=2):
        _as_text(row)
        for cell in row:
            cell.alignment = align
            if isinstance(cell.value, dt.datetime):
                cell.number_format = _MOMENT
            elif isinstance(cell.value, dt.date):
                cell.number_format = _DATE
    sheet.auto_filter.ref = sheet.dimensions
    sheet.freeze_panes = "A2"


def render_xlsx(pack: Pack) -> bytes:
    """The workbook's bytes."""
    workbook = Workbook()
    cover = workbook.active
    taken: set[str] = set()
    cover.title = _sheet_title(pack.title, taken)
    cover.sheet_view.rightToLeft = pack.rtl
    for line in (pack.title, *pack.cover, pack.generated):
        cover.append([line])
    for section in pack.sections:
        if section.lines:
            cover.append([])
            cover.append([section.title])
            cover.cell(cover.max_row, 1).font = Font(bold=True)
            for line in section.lines:
                cover.append([line])
    _as_text(cover["A"])
    cover["A1"].font = Font(bold=True, size=14)
    cover.column_dimensions["A"].width = 90
    kinds: dict[str, list[Table]] = {}
    for table in pack.tables:
        kinds.setdefault(table.sheet, []).append(table)
    for name, tables in kinds.items():
        kind = _Sheet(workbook.create_sheet(_sheet_title(name, taken)), tables, pack)
        for table in tables:
            kind.add(table)
        _finish(kind.sheet, pack.rtl, kind.empty)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
