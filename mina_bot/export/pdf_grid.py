"""A table the PDF draws itself: words wrapped by their measured width (a word is never cut
while a column can hold it), the header repeated on every page, a row taller than a page
continued on the next. fpdf2's own table refuses such a row, and shapes a line once per
character it adds, which made a national pack take minutes."""

from __future__ import annotations

from fpdf import FPDF

from mina_bot.export.dto import Cell, Table, When

PAD = 1.2  # mm between a cell's border and its text
LINE = 5.0  # mm per line of 9 pt text
_HEADER_FILL = (221, 230, 240)
_MIN_SPLIT = 3  # lines: fewer left at a page's foot and the row starts on the next page


class Measure:
    """Word widths in the current font, each shaped once per document."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf, self.cache = pdf, {}

    def __call__(self, word: str) -> float:
        key = (self.pdf.font_family, self.pdf.font_style, self.pdf.font_size_pt, word)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self.pdf.get_string_width(word)
        return found

    def wrap(self, text: str, width: float) -> list[str]:
        """The text's lines at this width: broken between words, a word wider than the
        column alone broken within."""
        lines: list[str] = []
        space = self(" ")
        for paragraph in text.split("\n"):
            current: list[str] = []
            used = 0.0
            for word in paragraph.split():
                for piece in self._pieces(word, width):
                    size = self(piece)
                    if current and used + space + size > width:
                        lines.append(" ".join(current))
                        current, used = [], 0.0
                    used += (space if current else 0.0) + size
                    current.append(piece)
            lines.append(" ".join(current))
        return lines

    def _pieces(self, word: str, width: float) -> list[str]:
        if self(word) <= width:
            return [word]
        pieces, start = [], 0
        for end in range(1, len(word) + 1):
            if self(word[start:end]) > width and end - start > 1:
                pieces.append(word[start:end - 1])
                start = end - 1
        return [*pieces, word[start:]]


def reset_font(pdf: FPDF, font: tuple) -> None:
    """Select the font in the page's stream again: a line fpdf2 draws partly in the fallback
    (Latin) font leaves that font selected in the stream while fpdf2 believes its own is, and
    the next Persian line came out as the wrong glyphs."""
    pdf.font_family = ""
    pdf.set_font(*font)


def cell_text(value: Cell, digits) -> str:
    """What a cell prints: numbers in the pack's digits, dates as their Jalali text."""
    if isinstance(value, When):
        return value.text
    if isinstance(value, int):
        return digits(value)
    return value if value != "" else "-"


class Grid:
    """One table laid out at the current position, across as many pages as it needs."""

    def __init__(self, pdf, table: Table, measure: Measure, bold: tuple, plain: tuple) -> None:
        self.pdf, self.table, self.measure = pdf, table, measure
        self.bold, self.plain = bold, plain
        self.texts = [[cell_text(v, pdf.digits) for v in row] for row in table.rows]
        self.widths = self._widths()
        self.bottom = pdf.h - pdf.b_margin

    def _widths(self) -> list[float]:
        """Relative widths scaled to the page, each column at least its widest header word
        (and its widest number or date, which must not wrap)."""
        total = self.pdf.epw
        self.pdf.set_font(*self.bold)
        least = [max((self.measure(w) for w in column.split()), default=0) + 2 * PAD + 0.5
                 for column in self.table.columns]
        self.pdf.set_font(*self.plain)
        for row, texts in zip(self.table.rows, self.texts, strict=True):
            for i, (value, shown) in enumerate(zip(row, texts, strict=True)):
                if isinstance(value, int | When):
                    least[i] = max(least[i], self.measure(shown) + 2 * PAD + 0.5)
        scale = total / sum(self.table.widths)
        widths = [max(w * scale, m) for w, m in zip(self.table.widths, least, strict=True)]
        spare = sum(widths) - total
        if spare > 0:  # take it from the columns above their least, in proportion
            room = [w - m for w, m in zip(widths, least, strict=True)]
            have = sum(room) or 1.0
            widths = [w - spare * r / have for w, r in zip(widths, room, strict=True)]
        return widths

    def _xs(self) -> list[float]:
        """Each column's left edge; the first column stands at the right in Persian."""
        xs, x = [], self.pdf.l_margin
        order = range(len(self.widths))
        if self.pdf.pack.rtl:
            x = self.pdf.w - self.pdf.r_margin
            for w in self.widths:
                x -= w
                xs.append(x)
            return xs
        for i in order:
            xs.append(x)
            x += self.widths[i]
        return xs

    def _lines(self, texts: list[str]) -> list[list[str]]:
        return [self.measure.wrap(t, w - 2 * PAD) for t, w in zip(texts, self.widths,
                                                                    strict=True)]

    def _draw(self, lines: list[list[str]], count: int, fill: bool) -> None:
        pdf, y = self.pdf, self.pdf.get_y()
        height = count * LINE + 2 * PAD
        font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        for x, w, cell in zip(self.xs, self.widths, lines, strict=True):
            pdf.rect(x, y, w, height, style="DF" if fill else "D")
            for k, line in enumerate(cell[:count]):
                if line:
                    pdf.stamp(x + PAD, y + PAD + k * LINE, w - 2 * PAD, LINE, line, font,
                              pdf.align)
        pdf.set_xy(pdf.l_margin, y + height)

    def _header(self) -> None:
        self.pdf.set_font(*self.bold)
        self.pdf.set_fill_color(*_HEADER_FILL)
        lines = self._lines(list(self.table.columns))
        self._draw(lines, max(len(c) for c in lines), fill=True)
        self.pdf.set_font(*self.plain)
        self.fresh, self.previous = True, None

    def _new_page(self) -> None:
        self.pdf.add_page()
        self._header()

    def render(self) -> None:
        """Header, then every row; the header again on each new page."""
        pdf = self.pdf
        self.xs = self._xs()
        if pdf.get_y() + 3 * LINE + 4 * PAD > self.bottom:
            pdf.add_page()
        self._header()
        for texts in self.texts:
            shown = list(texts)
            if self.previous is not None:
                for i in range(self.table.merge):
                    if texts[:i + 1] == self.previous[:i + 1]:
                        shown[i] = ""
            self.previous = texts
            self._row(self._lines(shown))

    def _row(self, lines: list[list[str]]) -> None:
        while True:
            need = max(len(c) for c in lines)
            room = int((self.bottom - self.pdf.get_y() - 2 * PAD) // LINE)
            if need <= room:
                self._draw(lines, need, fill=False)
                self.fresh = False
                return
            whole_page = int((self.bottom - self.pdf.t_margin - 2 * PAD) // LINE) - 2
            if not self.fresh and (need <= whole_page or room < _MIN_SPLIT):
                self._new_page()  # it fits a page of its own, or too little is left here
                continue
            self._draw(lines, room, fill=False)  # continued on the next page
            lines = [c[room:] for c in lines]
            self._new_page()
