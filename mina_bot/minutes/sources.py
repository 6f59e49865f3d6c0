"""The minutes as they arrive: pasted text, a .txt/.md file, or a Word (.docx) file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from mina_bot.minutes.model import MinutesError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
WORD_SUFFIX = ".docx"


def text_of_file(name: str, data: bytes) -> str:
    """The text of a minutes file; Word tables become tab-separated lines."""
    suffix = Path(name or "").suffix.lower()
    if suffix in TEXT_SUFFIXES:
        for encoding in ("utf-8-sig", "utf-16", "cp1256"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise MinutesError("minutes.error.unreadable", name=name)
    if suffix == WORD_SUFFIX:
        return _word_text(name, data)
    raise MinutesError("minutes.error.file_type", name=name)


def _word_text(name: str, data: bytes) -> str:
    import docx  # python-docx: only needed for Word files
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise MinutesError("minutes.error.unreadable", name=name) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
    return "\n".join(lines)
