"""The pack as a PDF: shaped right-to-left Persian (HarfBuzz), embedded fonts, page numbers."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.fonts import FontFace

from mina_bot.export.dto import Pack, Table
from mina_bot.export.fonts import LATIN_REGULAR, PERSIAN_BOLD, PERSIAN_REGULAR

_FAMILY, _LATIN = "mina", "mina-latin"


class _PackPDF(FPDF):
    """An A4 landscape document whose footer numbers its pages."""

    def __init__(self, pack: Pack, pages: int) -> None:
        super().__init__(orientation="L", format="A4")
        self.pack, self.total_pages = pack, pages
        self.add_font(_FAMILY, "", str(PERSIAN_REGULAR))
        self.add_font(_FAMILY, "B", str(PERSIAN_BOLD))
        self.add_font(_LATIN, "", str(LATIN_REGULAR))
        self.add_font(_LATIN, "B", str(LATIN_REGULAR))
        self.set_fallback_fonts([_LATIN])
        direction = "rtl" if pack.rtl else "ltr"
        self.set_text_shaping(use_shaping_engine=True, direction=direction,
                              script="arab" if pack.rtl else None,
                              language="fas" if pack.rtl else None)
        self.set_auto_page_break(auto=True, margin=15)
        self.set_title(pack.title)

    def footer(self) -> None:
        """«صفحه ۱ از ۳» at the bottom of every page."""
        self.set_y(-12)
        self.set_font(_FAMILY, size=9)
        label = self.pack.page_label.format(page=self.digits(self.page_no()),
                                            pages=self.digits(self.total_pages or 0))
        self.cell(0, 8, label, align="C")

    def digits(self, n: int) -> str:
        """A number in the pack's digits."""
        if not self.pack.rtl:
            return str(n)
        return str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))

    @property
    def align(self) -> str:
        """Right for Persian, left otherwise."""
        return "R" if self.pack.rtl else "L"


def _cell(value: object, pdf: _PackPDF) -> str:
    if isinstance(value, int):
        return pdf.digits(value)
    return str(value) if value != "" else "-"


def _table(pdf: _PackPDF, table: Table) -> None:
    pdf.set_font(_FAMILY, "B", 13)
    pdf.multi_cell(0, 9, table.title, align=pdf.align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FAMILY, size=9)
    if not table.rows:
        pdf.multi_cell(0, 7, table.empty or "-", align=pdf.align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        return
    order = list(range(len(table.columns)))
    if pdf.pack.rtl:
        order.reverse()  # the first column stands at the right
    widths = tuple(table.widths[i] for i in order)
    heading = FontFace(emphasis="BOLD", fill_color=(221, 230, 240))
    with pdf.table(col_widths=widths, text_align=pdf.align, headings_style=heading,
                   line_height=5.5, first_row_as_headings=True) as grid:
        grid.row([table.columns[i] for i in order])
        for row in table.rows:
            grid.row([_cell(row[i], pdf) for i in order])
    pdf.ln(5)


def _render(pack: Pack, pages: int) -> _PackPDF:
    pdf = _PackPDF(pack, pages)
    pdf.add_page()
    pdf.set_font(_FAMILY, "B", 17)
    pdf.multi_cell(0, 11, pack.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FAMILY, size=11)
    for line in (pack.subtitle, pack.generated):
        pdf.multi_cell(0, 7, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for table in pack.tables:
        _table(pdf, table)
    return pdf


def render_pdf(pack: Pack) -> bytes:
    """The document's bytes (laid out twice, so the footer knows the page count)."""
    pages = _render(pack, 0).page_no()
    return bytes(_render(pack, pages).output())
