"""What the bot gets back from rendering the quarter: files and names only. Defined apart from
the rendering, so that unpickling it in the bot loads none of the renderers (matplotlib, fpdf2
and openpyxl took 370 ms there, holding everyone's answers)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuarterFiles:
    """The quarter's PDF (and XLSX when asked for), their name and title, and the bot's draft
    of the cover letter."""

    draft: str
    stem: str
    title: str
    pdf: bytes
    xlsx: bytes | None
