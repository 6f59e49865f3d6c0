"""The minutes as they arrive: pasted text, a .txt/.md file, or a Word (.docx) file."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.units import UnitDirectory

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
WORD_SUFFIX = ".docx"
MAX_WORD_ENTRIES = 1000  # a Word file holds a few dozen parts; thousands are a zip bomb's shape


def checked_minutes(name: str | None, data: bytes | str, *, session_date: dt.date,
                    units: UnitDirectory, max_unpacked_mb: int) -> str:
    """The minutes' text (of a file when `name` is given, else as pasted), parsed once to check
    its shape: the heavy half of /import, run in a worker process."""
    source = data if name is None else text_of_file(name, data, max_unpacked_mb=max_unpacked_mb)
    if not source.strip():
        raise MinutesError("minutes.error.empty")
    parse_minutes(source, session_date=session_date, units=units)
    return source


def text_of_file(name: str, data: bytes, *, max_unpacked_mb: int = 50) -> str:
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
        _check_unpacked_size(name, data, max_unpacked_mb)
        return _word_text(name, data)
    raise MinutesError("minutes.error.file_type", name=name)


def _check_unpacked_size(name: str, data: bytes, limit_mb: int) -> None:
    """Refuse a Word file that would unpack past the limit (a zip bomb), before reading it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise MinutesError("minutes.error.unreadable", name=name) from None
    if (len(entries) > MAX_WORD_ENTRIES
            or sum(entry.file_size for entry in entries) > limit_mb * 1024 * 1024):
        raise MinutesError("minutes.error.unpacked_size", name=name, limit=limit_mb)


def _word_text(name: str, data: bytes) -> str:
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return _word_lines(data)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError):
        raise MinutesError("minutes.error.unreadable", name=name) from None


def _word_lines(data: bytes) -> str:
    import docx  # python-docx: only needed for Word files
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
    return "\n".join(lines)
