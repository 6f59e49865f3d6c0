"""PDFs of minutes, built the ways they reach the secretariat (tests build them with fpdf2).

`text_layer` is a PDF exported with real text (shaped right-to-left Persian, a table over two
pages with a footer); `scanned` is an image only; `backwards` has its text layer in the wrong
order, as old tools wrote it; `unpacking` holds a content stream that unpacks to `megabytes`.
"""

from __future__ import annotations

import io
import zlib

from fpdf import FPDF

from mina_bot.export.fonts import LATIN_REGULAR, PERSIAN_REGULAR

HEADER = ["ردیف", "موضوع", "متولی", "مهلت"]
FIRST_PAGE = [
    ["۱", "برنامه زمانبندی آزمایش سرشماری در استان‌های منتخب پس از هماهنگی با کمیته‌ها "
     "نهایی و ابلاغ شود.", "دبیرخانه", "یک هفته"],
    ["۲", "گزارش پایلوت گیلان ارائه شود.", "کمیته زیرساخت / معاونت اقتصادی", "فوری"],
]
SECOND_PAGE = [
    ["۳", "نقشه پنج استان آزمایش تهیه شود.", "معاونت اقتصادی", "جلسه آینده"],
    ["۴", "نیازسنجی آموزشی انجام شود.", "پژوهشکده آمار", "تا ۱۴۰۰/۳/۱۵"],
]


def _pdf(shaping: bool = True) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font("mina", "", str(PERSIAN_REGULAR))
    pdf.add_font("latin", "", str(LATIN_REGULAR))
    pdf.set_fallback_fonts(["latin"])
    if shaping:
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab",
                             language="fas")
    pdf.set_font("mina", size=11)
    pdf.add_page()
    return pdf


def _line(pdf: FPDF, words: str) -> None:
    pdf.multi_cell(0, 8, words, align="R", new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, rows: list[list[str]]) -> None:
    # Cells at their top, as Word exports them: a wrapped subject's next line stands alone.
    with pdf.table(col_widths=(30, 60, 85, 15), text_align="RIGHT", v_align="TOP",
                   first_row_as_headings=False) as grid:
        for row in [HEADER, *rows]:
            grid.row(list(reversed(row)))  # the first column at the right


def text_layer() -> bytes:
    """Exported minutes: a title, the table on two pages under its header, a footer, the next
    session."""
    pdf = _pdf()
    _line(pdf, "صورت‌جلسه شورای هماهنگی و تلفیق ستاد")
    _line(pdf, "مصوبات:")
    _table(pdf, FIRST_PAGE)
    _line(pdf, "صفحه ۱ از ۲")
    pdf.add_page()
    _table(pdf, SECOND_PAGE)
    _line(pdf, "زمان جلسه: دوشنبه ۱۴۰۰/۲/۶")
    return bytes(pdf.output())


def scanned() -> bytes:
    """A scan: the page is one picture, with no text layer."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(picture).rectangle((50, 50, 550, 300), outline="black", width=3)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=190)
    return bytes(pdf.output())


def backwards() -> bytes:
    """The same minutes drawn unshaped, letters in logical order from the left: a reader
    taking the page right to left, as Persian is read, gets every word backwards."""
    pdf = _pdf(shaping=False)
    for line in ["صورت‌جلسه شورای هماهنگی", "مصوبات:", "    ".join(HEADER),
                 *("    ".join(row) for row in FIRST_PAGE + SECOND_PAGE)]:
        _line(pdf, line)
    return bytes(pdf.output())


def unpacking(megabytes: int) -> bytes:
    """A one-page PDF whose content stream is small packed and `megabytes` unpacked."""
    stream = zlib.compress(b"%" + b" " * (megabytes * 1024 * 1024), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


DOCUMENTS = {"11_pdf_text_layer.pdf": text_layer}
