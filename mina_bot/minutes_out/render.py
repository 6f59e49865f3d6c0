"""The drafted minutes as a Word file (right to left, a Persian font) and a PDF, laid out as
the seed minutes are: دستور جلسه, خلاصه مذاکرات, مصوبات (three columns), دستور جلسه آینده,
زمان جلسه, the attendance table. Top-level functions of picklable data, for the worker.

The Word file reads back through the minutes parser: the same resolutions, next session and
attendance (an absent member is written «غایب» in the stand-in row).
"""

from __future__ import annotations

import io

from mina_bot.jalali import format_date, format_time
from mina_bot.minutes_out.draft import MinutesDraft
from mina_bot.persian import to_persian_digits
from mina_bot.weeks import WEEKDAY_NAMES_FA, iranian_weekday

FONT = "B Nazanin"
PER_ROW = 7  # names per attendance row, as in the seed
PLACEHOLDER = "[خلاصه مذاکرات را دبیرخانه اینجا می‌نویسد.]"
HEADER = ("بازه زمانی", "متولی", "موضوع")

Block = tuple[str, object]  # ("title" | "heading" | "para" | "bullet" | "table", content)


def _when(day, at) -> str:
    weekday = WEEKDAY_NAMES_FA[iranian_weekday(day)]
    time = f" ساعت {format_time(at, 'fa')}" if at else ""
    return f"{weekday} {format_date(day, 'fa')}{time}"


def _attendance_rows(draft: MinutesDraft) -> list[list[str]]:
    rows: list[list[str]] = []
    for start in range(0, len(draft.members), PER_ROW):
        chunk = draft.members[start:start + PER_ROW]
        pad = [""] * (PER_ROW - len(chunk))
        rows.append(["اعضاء", *(name for name, _ in chunk), *pad])
        rows.append(["نماینده", *(stand_in for _, stand_in in chunk), *pad])
    for start in range(0, len(draft.guests), PER_ROW):
        chunk = list(draft.guests[start:start + PER_ROW])
        rows.append(["سایر حاضرین", *chunk, *[""] * (PER_ROW - len(chunk))])
    return rows


def blocks(draft: MinutesDraft) -> list[Block]:
    """The minutes, top to bottom."""
    out: list[Block] = [
        ("title", f"صورت‌جلسه جلسه {to_persian_digits(str(draft.number))} "
                  "شورای هماهنگی و تلفیق ستاد"),
        ("para", f"{_when(draft.day, draft.at)} — {draft.place or '—'}"),
        ("heading", "دستور جلسه:"),
        *(("bullet", item) for item in draft.agenda),
        ("heading", "خلاصه مذاکرات"),
        ("para", PLACEHOLDER),
    ]
    if draft.reports:
        out.append(("para", "گزارش‌های هفتگی رسیده: " + "، ".join(draft.reports)))
    out.append(("heading", "مصوبات:"))
    out.append(("table", [list(HEADER), *(
        [frame, units, f"{to_persian_digits(str(number))}) {subject}"]
        for number, frame, units, subject in draft.resolutions)]))
    out.append(("heading", "دستور جلسه آینده :"))
    out += [("bullet", item) for item in draft.next_agenda]
    out.append(("heading", "زمان جلسه:"))
    out.append(("bullet", _when(draft.next_day, draft.next_at)))
    if draft.members or draft.guests:
        out.append(("heading", "حاضرین جلسه"))
        out.append(("table", _attendance_rows(draft)))
    return out


def _rtl_run(paragraph, text: str, *, bold: bool = False, size: int | None = None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.font.name = bold, FONT
    if size:
        run.font.size = Pt(size)
    r_pr = run._element.get_or_add_rPr()
    r_pr.get_or_add_rFonts().set(qn("w:cs"), FONT)
    r_pr.append(OxmlElement("w:rtl"))
    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        p_pr.append(OxmlElement("w:bidi"))


def render_docx(draft: MinutesDraft) -> bytes:
    """The minutes as a Word file."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    document = docx.Document()
    for kind, content in blocks(draft):
        if kind == "table":
            rows = content
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))  # first column at the right
            for row, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    paragraph = cell.paragraphs[0]
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    _rtl_run(paragraph, value, bold=values is rows[0] and len(values) == 3)
            continue
        style = "List Bullet" if kind == "bullet" else None
        paragraph = document.add_paragraph(style=style)
        paragraph.alignment = (WD_ALIGN_PARAGRAPH.CENTER if kind == "title"
                               else WD_ALIGN_PARAGRAPH.RIGHT)
        _rtl_run(paragraph, str(content), bold=kind in ("title", "heading"),
                 size=16 if kind == "title" else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_pdf(draft: MinutesDraft) -> bytes:
    """The minutes as a PDF (A4, shaped right-to-left Persian)."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    from mina_bot.export.fonts import LATIN_REGULAR, PERSIAN_BOLD, PERSIAN_REGULAR

    pdf = FPDF(format="A4")
    pdf.add_font("mina", "", str(PERSIAN_REGULAR))
    pdf.add_font("mina", "B", str(PERSIAN_BOLD))
    pdf.add_font("latin", "", str(LATIN_REGULAR))
    pdf.set_fallback_fonts(["latin"])
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab",
                         language="fas")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    for kind, content in blocks(draft):
        # A line ending in a fallback glyph leaves that font selected in the PDF while fpdf2
        # thinks "mina" is: the next line would come out in the wrong glyphs. Select anew.
        pdf.set_font("latin", "", 11)
        if kind == "table":
            rows = [list(reversed(r)) for r in content]  # the first column at the right
            pdf.set_font("mina", size=8)
            widths = (130, 40, 20) if len(rows[0]) == 3 else (1,) * len(rows[0])
            with pdf.table(col_widths=widths,
                           text_align="RIGHT", line_height=5,
                           first_row_as_headings=len(rows[0]) == 3,
                           headings_style=FontFace(emphasis="BOLD")) as grid:
                for row in rows:
                    grid.row([value or " " for value in row])
            pdf.ln(3)
            continue
        bold = "B" if kind in ("title", "heading") else ""
        pdf.set_font("mina", bold, {"title": 15, "heading": 12}.get(kind, 11))
        line = f"• {content}" if kind == "bullet" else str(content)
        pdf.multi_cell(0, 8, line, align="C" if kind == "title" else "R",
                       new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def render_both(draft: MinutesDraft) -> tuple[bytes, bytes]:
    """The Word file and the PDF, in one trip to the worker."""
    return render_docx(draft), render_pdf(draft)
