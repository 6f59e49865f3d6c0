"""The text layer of a PDF of minutes, as lines of tab-separated cells, when it is trustworthy.

Each piece of text the PDF draws comes with its position: pieces on one baseline are one line,
pieces drawn from different starting points are different cells (a table's columns), and a
right-to-left line reads its cells from the right. A PDF whose text layer is empty (a scan),
holds shaped presentation forms, or spells its words backwards (drawn in visual order) cannot
be read in logical order: it is refused with the answer to send the Word file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from mina_bot.minutes.model import MinutesError

MAX_PAGES = 300  # far beyond any minutes; a hostile file may declare thousands
LINE_TOLERANCE = 3.0  # points between baselines still counted as one line
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefc]")
# pypdf reverses a right-to-left run to logical order, its digits too (they are in the Arabic
# block), though they are drawn left to right: a number or date so reversed is turned back.
_DIGIT = "[\u0660-\u0669\u06f0-\u06f9]"
_DIGITS = re.compile(f"{_DIGIT}+(?:[/.:\\-\u066b\u066c]{_DIGIT}+)*")
_WORD = re.compile(r"[\u0600-\u06ff\u200c]{3,}")
# Words nearly every minutes use: read backwards, they say the text layer is in visual order.
_COMMON = frozenset((
    "جلسه", "مصوبه", "مصوبات", "کمیته", "گزارش", "شود", "برای", "این", "موضوع", "متولی",
    "مهلت", "دبیرخانه", "ارائه", "تهیه", "انجام", "است", "آینده", "هفته", "شورای", "ردیف",
    "مسئول", "زمان", "معاونت", "سرشماری", "بازه", "زمانی", "اجرا",
))


@dataclass(frozen=True)
class _Piece:
    y: float
    x: float
    order: int
    text: str


def pdf_text(name: str, data: bytes, *, max_unpacked_mb: int) -> str:
    """The PDF's text layer as tab-separated lines, or MinutesError saying why it is not read."""
    try:
        pages = _pieces(data, max_unpacked_mb)
    except MinutesError:
        raise
    except MemoryError:
        raise  # the worker's memory limit: reported as too large, not as unreadable
    except Exception:  # a hostile PDF can break the reader anywhere: it is «unreadable»
        raise MinutesError("minutes.error.unreadable", name=name) from None
    if pages is None:
        raise MinutesError("minutes.error.unpacked_size", name=name, limit=max_unpacked_mb)
    text = "\n".join(_lines(pieces) for pieces in pages)
    if not text.strip():
        raise MinutesError("minutes.error.pdf_no_text", name=name)
    if not in_logical_order(text):
        raise MinutesError("minutes.error.pdf_order", name=name)
    return text


def in_logical_order(text: str) -> bool:
    """Whether Persian text reads forwards: no presentation forms, common words not reversed."""
    if _PRESENTATION.search(text):
        return False
    words = [w.replace("\u200c", "") for w in _WORD.findall(text)]
    forwards = sum(w in _COMMON for w in words)
    backwards = sum(w[::-1] in _COMMON for w in words)
    return backwards <= forwards


def _pieces(data: bytes, max_unpacked_mb: int) -> list[list[_Piece]] | None:
    """Every page's pieces of text with their positions (None: the PDF unpacks past the limit)."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    limit = max_unpacked_mb * 1024 * 1024
    bounds = {f"{kind}_maximum_output_length": limit
              for kind in ("zlib", "lzw", "run_length", "brotli", "jbig2")}
    with apply_configuration(**bounds, image_maximum_buffer_size=limit):
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PAGES:
            return None
        unpacked, pages = 0, []
        for page in reader.pages:
            try:
                contents = page.get_contents()
                unpacked += len(contents.get_data()) if contents is not None else 0
            except LimitReachedError:
                return None
            if unpacked > limit:
                return None
            pieces: list[_Piece] = []

            def visit(text: str, cm, tm, font, size, pieces=pieces) -> None:
                if text.strip():
                    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                    pieces.append(_Piece(y, x, len(pieces), text))

            page.extract_text(visitor_text=visit)
            pages.append(pieces)
    return pages


def _lines(pieces: list[_Piece]) -> str:
    """A page's pieces as lines from the top, each line's cells joined by tabs."""
    lines: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.order)):
        if lines and abs(lines[-1][0].y - piece.y) <= LINE_TOLERANCE:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return "\n".join(_line(line) for line in lines)


def _line(pieces: list[_Piece]) -> str:
    """One line: pieces drawn from one point are one cell, in drawing order, reversed on a
    right-to-left line (drawn left to right); cells from the right on such a line."""
    rtl = sum(bool(_ARABIC.search(p.text)) for p in pieces) * 2 >= len(pieces)
    cells: dict[float, list[_Piece]] = {}
    for piece in pieces:
        cells.setdefault(round(piece.x, 1), []).append(piece)
    out = []
    for x in sorted(cells, reverse=rtl):
        run = sorted(cells[x], key=lambda p: p.order, reverse=rtl)
        out.append(_DIGITS.sub(lambda m: m[0][::-1], "".join(p.text for p in run)).strip())
    return "\t".join(out)
