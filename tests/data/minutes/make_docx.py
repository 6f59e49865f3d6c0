"""Write the Word minutes of this corpus: `python tests/data/minutes/make_docx.py`.

Each document is built by a function returning the file's bytes, so tests build them too.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
UNITS = ("دبیرخانه", "کمیته طراحی", "کمیته زیرساخت", "کمیته فناوری اطلاعات",
         "کمیته تامین داده", "معاونت اقتصادی", "پژوهشکده آمار")
DEADLINES = ("یک هفته", "دو هفته", "-", "جلسه آینده", "مستمر", "تا پایان خرداد")


def _bytes(document: docx.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: docx.Document, rows: list[list[str | list[str]]]) -> docx.table.Table:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, row, strict=True):
            paragraphs = value if isinstance(value, list) else [value]
            cell.text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
    return table


def word_rtl() -> bytes:
    """Row number first, subject, units one a paragraph, a units cell merged over two rows."""
    document = docx.Document()
    document.add_paragraph("صورت‌جلسه شورای هماهنگی و تلفیق ستاد")
    document.add_paragraph("مصوبات:")
    table = _table(document, [
        ["ردیف", "موضوع", "مسئول اجرا", "مهلت اجرا"],
        ["۱", ["گزارش سه ماهه تهیه شود", "و به رئیس ستاد ارائه گردد."],
         ["دبیرخانه", "کمیته طراحی"], "دو هفته"],
        ["۲", "نقشه پنج استان آزمایش تهیه شود.", "معاونت اقتصادی", "یک ماه"],
        ["۳", "نقشه سایر استان‌ها به‌روز شود.", "", "دو ماه"],
        ["۴", "گزارش پایلوت گیلان ارائه شود.", "کمیته زیرساخت / کمیته فناوری اطلاعات",
         "در اسرع وقت"],
    ])
    table.cell(2, 2).merge(table.cell(3, 2))
    document.add_paragraph("دستور جلسه آینده:")
    for item in ("گزارش کمیته زیرساخت", "گزارش معاونت اقتصادی"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("زمان برگزاری جلسه آینده: دوشنبه ۱۴۰۰/۲/۶ ساعت ۱۰")
    document.add_paragraph("حاضرین:")
    _table(document, [
        ["نام و نام خانوادگی", "سمت", "نماینده"],
        ["آقای دکتر حسین زاده", "رئیس شورا", "-"],
        ["آقای عباسی", "دبیر", "آقای رحیمی"],
    ])
    return _bytes(document)


def word_two_pages() -> bytes:
    """Deadline, units, subject; the table continues on a second page under its header again."""
    document = docx.Document()
    document.add_paragraph("مصوبات جلسه")
    header = ["مهلت", "واحد مسئول", "شرح مصوبه"]
    _table(document, [
        header,
        ["یک هفته", "دبیرخانه", "۱) مکاتبات برون مرکز انجام شود."],
        ["۵ روز کاری", "کمیته تامین داده، کمیته زیرساخت", "۲) فهرست داده‌های دریافتی تهیه شود."],
    ])
    document.add_paragraph("صفحه ۱ از ۲")
    document.add_paragraph("")
    _table(document, [
        header,
        ["هر هفته", "کمیته‌ها", "۳) گزارش پیشرفت ارسال شود."],
        ["حداکثر تا ۱۴۰۰/۰۳/۱۵", "پژوهشکده آمار", "۴) نیازسنجی آموزشی انجام شود."],
    ])
    document.add_paragraph("تاریخ جلسه بعد: ۶ اردیبهشت ۱۴۰۰")
    return _bytes(document)


def word_long(count: int = 60) -> bytes:
    """A long session: `count` resolutions in one Word table with a row-number column."""
    document = docx.Document()
    document.add_paragraph("مصوبات:")
    rows: list[list[str | list[str]]] = [["ردیف", "عنوان", "متولی", "بازه زمانی"]]
    for n in range(1, count + 1):
        rows.append([str(n), f"مصوبه شماره {n} درباره آزمایش سرشماری اجرا شود.",
                     UNITS[n % len(UNITS)], DEADLINES[n % len(DEADLINES)]])
    _table(document, rows)
    document.add_paragraph("زمان جلسه: دوشنبه ۱۴۰۰/۲/۶")
    return _bytes(document)


DOCUMENTS = {"01_word_rtl.docx": word_rtl, "02_word_two_pages.docx": word_two_pages,
             "07_word_long_60.docx": word_long}

if __name__ == "__main__":
    for name, build in DOCUMENTS.items():
        (HERE / name).write_bytes(build())
