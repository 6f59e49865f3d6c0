"""The pack as an XLSX workbook: a title sheet, then one right-to-left sheet per table."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from mina_bot.export.dto import Pack, Table

_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def _fill(sheet, table: Table, rtl: bool) -> None:
    sheet.sheet_view.rightToLeft = rtl
    align = Alignment(horizontal="right" if rtl else "left", vertical="top", wrap_text=True)
    sheet.append(list(table.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = align
    for row in table.rows:
        sheet.append(list(row))
    if not table.rows and table.empty:
        sheet.append([table.empty])
    for index, width in enumerate(table.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(6, width)
    for row in sheet.iter_rows(min_row=2):
        _as_text(row)
        for cell in row:
            cell.alignment = align
    sheet.freeze_panes = "A2"


def render_xlsx(pack: Pack) -> bytes:
    """The workbook's bytes."""
    workbook = Workbook()
    cover = workbook.active
    taken: set[str] = set()
    cover.title = _sheet_title(pack.title, taken)
    cover.sheet_view.rightToLeft = pack.rtl
    for line in (pack.title, pack.subtitle, pack.generated):
        cover.append([line])
    _as_text(cover["A"])
    cover["A1"].font = Font(bold=True, size=14)
    cover.column_dimensions["A"].width = 80
    for table in pack.tables:
        _fill(workbook.create_sheet(_sheet_title(table.title, taken)), table, pack.rtl)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
