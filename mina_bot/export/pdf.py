"""The pack as a PDF book: a cover, then bookmarked sections of tables; shaped right-to-left
Persian (HarfBuzz), embedded fonts, «صفحه ۱ از ۹» on every page."""

from __future__ import annotations

import io

from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.errors import FPDFException

from mina_bot.export.dto import Pack, Section
from mina_bot.export.fonts import LATIN_REGULAR, PERSIAN_BOLD, PERSIAN_REGULAR
from mina_bot.export.pdf_grid import Grid, Measure, cell_text, reset_font

_FAMILY, _LATIN = "mina", "mina-latin"
_BOLD, _PLAIN = (_FAMILY, "B", 9), (_FAMILY, "", 9)
_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


class _PackPDF(FPDF):
    """An A4 landscape document in the pack's direction."""

    def __init__(self, pack: Pack) -> None:
        super().__init__(orientation="L", format="A4")
        self.pack = pack
        self.add_font(_FAMILY, "", str(PERSIAN_REGULAR))
        self.add_font(_FAMILY, "B", str(PERSIAN_BOLD))
        self.add_font(_LATIN, "", str(LATIN_REGULAR))
        self.add_font(_LATIN, "B", str(LATIN_REGULAR))
        self.set_fallback_fonts([_LATIN])
        direction = "rtl" if pack.rtl else "ltr"
        self.set_text_shaping(use_shaping_engine=True, direction=direction,
                              script="arab" if pack.rtl else None,
                              language="fas" if pack.rtl else None)
        self.set_auto_page_break(auto=True, margin=16)
        self.set_title(pack.title)
        self.set_lang("fa" if pack.rtl else "en")
        self.measure = Measure(self)
        self._stamps: dict[tuple, tuple[bytes, float, float]] = {}

    def digits(self, n: int) -> str:
        """A number in the pack's digits."""
        return str(n).translate(_DIGITS) if self.pack.rtl else str(n)

    @property
    def align(self) -> str:
        """Right for Persian, left otherwise."""
        return "R" if self.pack.rtl else "L"

    def stamp(self, x: float, y: float, w: float, h: float, line: str, font: tuple,
              align: str) -> None:
        """cell() at (x, y). A line drawn before (a header, a state, a unit's name) is replayed
        from its operators moved by a transformation: fpdf2's bidi and shaping cost about a
        millisecond a line, and a national pack has thousands of the same few."""
        key = (line, font, round(w, 3), h, align)
        found = self._stamps.get(key)
        if found is None:
            reset_font(self, font)
            contents = self.pages[self.page].contents
            start = len(contents)
            self.set_xy(x, y)
            self.cell(w, h, line, align=align)
            self._stamps[key] = (bytes(contents[start:]), x, y)
            return
        ops, x0, y0 = found
        for used in self.fonts.values():
            self._resource_catalog.add(PDFResourceType.FONT, used.i, self.page)
        self._out(f"q 1 0 0 1 {(x - x0) * self.k:.2f} {(y0 - y) * self.k:.2f} cm".encode()
                  + b"\n" + ops + b"Q")

    def paragraph(self, line: str, size: int = 10, style: str = "", height: float = 6) -> None:
        """A wrapped line of text across the page."""
        self.set_font(_FAMILY, style, size)
        for piece in self.measure.wrap(line, self.epw):
            if self.get_y() + height > self.h - self.b_margin:
                self.add_page()
            self.stamp(self.l_margin, self.get_y(), self.epw, height, piece,
                       (_FAMILY, style, size), self.align)
            self.set_xy(self.l_margin, self.get_y() + height)

    def number_pages(self) -> None:
        """«صفحه ۱ از ۹» at the foot of every page, written once the count is known."""
        total = self.page
        self.set_auto_page_break(False)
        self.set_font(_FAMILY, "", 9)
        for page in range(1, total + 1):
            self.page = page
            reset_font(self, (_FAMILY, "", 9))
            self.set_xy(self.l_margin, self.h - 12)
            self.cell(0, 8, self.pack.page_label.format(page=self.digits(page),
                                                        pages=self.digits(total)), align="C")
        self.page = total


def _cover(pdf: _PackPDF, pack: Pack) -> None:
    pdf.add_page()
    pdf.set_y(55)
    pdf.set_font(_FAMILY, "B", 22)
    pdf.multi_cell(0, 14, pack.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for line in pack.cover:
        reset_font(pdf, (_FAMILY, "", 14))
        pdf.multi_cell(0, 9, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    reset_font(pdf, (_FAMILY, "", 10))
    pdf.multi_cell(0, 7, pack.generated, align="C", new_x="LMARGIN", new_y="NEXT")


def _section(pdf: _PackPDF, section: Section) -> None:
    if section.level == 0 or pdf.get_y() + 40 > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.start_section(section.title, level=section.level, strict=False)
    pdf.paragraph(section.title, size=15 if section.level == 0 else 12, style="B", height=9)
    for line in section.lines:
        pdf.paragraph(line)
    for table in section.tables:
        if table.inline and len(table.rows) == 1:
            pdf.paragraph(" — ".join(f"{c}: {cell_text(v, pdf.digits)}" for c, v in zip(
                table.columns, table.rows[0], strict=True)), size=9)
            continue
        if not table.rows:  # one line, «پیوست‌ها: موردی نیست.»
            pdf.paragraph(f"{table.caption}: {table.empty or '-'}" if table.caption
                          else table.empty or "-", size=9)
            continue
        if table.caption:
            pdf.ln(1)
            pdf.paragraph(table.caption, size=10, style="B", height=7)
        pdf.set_font(*_PLAIN)
        pdf.set_draw_color(150, 150, 150)
        pdf.set_auto_page_break(False, margin=16)
        Grid(pdf, table, pdf.measure, _BOLD, _PLAIN).render()
        pdf.set_auto_page_break(True, margin=16)
        pdf.ln(3)
    _photos(pdf, section)
    pdf.ln(3)


def _photos(pdf: _PackPDF, section: Section) -> None:
    """Each image at most half the page wide and 90 mm high, its caption above; an image
    that cannot be read is skipped (its name is in the files table)."""
    for photo in section.photos:
        if not photo.data:
            continue
        if pdf.get_y() + 100 > pdf.h - pdf.b_margin:
            pdf.add_page()
        pdf.paragraph(photo.caption, size=9)
        try:  # the box's height is added to y, the image centred in it
            pdf.image(io.BytesIO(photo.data), x=pdf.w - pdf.r_margin - pdf.epw / 2
                      if pdf.pack.rtl else pdf.l_margin, w=pdf.epw / 2, h=90,
                      keep_aspect_ratio=True)
        except (OSError, ValueError, FPDFException):
            continue
        pdf.ln(2)


def render_pdf(pack: Pack) -> bytes:
    """The document's bytes."""
    pdf = _PackPDF(pack)
    _cover(pdf, pack)
    for section in pack.sections:
        _section(pdf, section)
    pdf.number_pages()
    return bytes(pdf.output())
