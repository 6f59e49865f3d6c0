"""A pack with charts: the charts drawn, put in place of their photos, then the PDF (in a
worker: matplotlib and fpdf never load in the bot)."""

from __future__ import annotations

import dataclasses

from mina_bot.export.chart import render_trend_png
from mina_bot.export.dto import Charted, Photo
from mina_bot.export.pdf import render_pdf
from mina_bot.export.xlsx import render_xlsx


def render_charted_pdf(document: Charted) -> bytes:
    """The PDF with every chart drawn where its photo stands."""
    drawn = {name: render_trend_png(trend) for name, trend in document.charts}
    sections = tuple(dataclasses.replace(s, photos=tuple(
        Photo(p.file_id, p.caption, drawn.get(p.file_id, p.data)) for p in s.photos))
        for s in document.pack.sections)
    return render_pdf(dataclasses.replace(document.pack, sections=sections))


def render_charted_xlsx(document: Charted) -> bytes:
    """The workbook of the pack's tables (the charts are in the PDF)."""
    return render_xlsx(document.pack)
