"""The bundled fonts (Noto Sans Arabic with Noto Sans for Latin, OFL) and bidi shaping."""

from __future__ import annotations

from pathlib import Path

import arabic_reshaper
from bidi import get_display

FONT_DIR = Path(__file__).resolve().parent / "fonts"
PERSIAN_REGULAR = FONT_DIR / "NotoSansArabic-Regular.ttf"
PERSIAN_BOLD = FONT_DIR / "NotoSansArabic-Bold.ttf"
LATIN_REGULAR = FONT_DIR / "NotoSans-Regular.ttf"

_RESHAPER = arabic_reshaper.ArabicReshaper({"delete_harakat": False, "support_ligatures": True})


def visual(text: str) -> str:
    """Persian text joined into its letter forms and put in visual (left-to-right) order.

    For renderers without a shaping engine (matplotlib); the PDF uses HarfBuzz instead.
    """
    return get_display(_RESHAPER.reshape(text), base_dir="R")
