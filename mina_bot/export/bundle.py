"""«بسته کامل» (worker side): the pack's PDF and XLSX and every fetched attachment, in a folder
per committee, as one .zip; refused when it outgrows its limit."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from mina_bot.errors import MinaError
from mina_bot.export.dto import IMAGE, Pack
from mina_bot.export.pdf import render_pdf
from mina_bot.export.xlsx import render_xlsx

MB = 1024 * 1024
NAME_BYTES = 120  # of one path part, in UTF-8: every file system takes 255
# Path separators, what Windows refuses in a name, and control and bidi-override characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}


def safe_name(name: str, fallback: str = "file") -> str:
    """One path part that stays where it is put: no separators, no «..», no leading dot, no
    reserved device name; Persian letters kept, cut (by whole characters) to NAME_BYTES."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", name))
    name = re.sub(r"\.{2,}", ".", name).strip().strip(".").strip()
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 10:
        stem, suffix = name, ""
    if stem.split(".")[0].lower() in _RESERVED:
        stem = f"_{stem}"
    suffix = f".{suffix}" if suffix else ""
    while stem and len((stem + suffix).encode()) > NAME_BYTES:
        stem = stem[:-1]
    return (stem.strip() + suffix) if stem.strip() else fallback + suffix


def paths(pack: Pack) -> list[tuple[str, bytes]]:
    """Each fetched attachment under its committee's folder; a name met twice is numbered."""
    found, taken = [], set()
    for section in pack.sections:
        folder = safe_name(section.title, "unit")
        for attachment in section.attachments:
            if not attachment.data:
                continue
            name = safe_name(attachment.name)
            if attachment.kind == IMAGE and "." not in name:  # a photo has no name: a JPEG
                name += ".jpg"
            stem, dot, suffix = name.rpartition(".")
            path, n = f"{folder}/{name}", 1
            while path.lower() in taken:
                n += 1
                path = f"{folder}/{stem} ({n}).{suffix}" if dot else f"{folder}/{name} ({n})"
            taken.add(path.lower())
            found.append((path, attachment.data))
    return found


def render_bundle(pack: Pack, *, limit_mb: int) -> bytes:
    """The zip: the pack (its PDF with images, the files listed), its workbook, the files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{pack.file_stem}.pdf", render_pdf(pack))
        archive.writestr(f"{pack.file_stem}.xlsx", render_xlsx(pack))
        for path, data in paths(pack):
            archive.writestr(path, data)
            _within(buffer.tell(), limit_mb)  # stop as soon as it is over
    _within(buffer.tell(), limit_mb)
    return buffer.getvalue()


def _within(size: int, limit_mb: int) -> None:
    if size > limit_mb * MB:
        raise MinaError("export.bundle.too_big", size=-(-size // MB), limit=limit_mb)
